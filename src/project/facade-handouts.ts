/**
 * hogli's "wiring doctrine" input: the classes a product's facade hands out that it imports from
 * elsewhere in the product's backend (a facade should hand out contracts, not internals).
 *
 * Every `backend/facade/*.py` (not contracts.py, enums.py or test files; not a file that fails to
 * parse) is read. A module without top-level functions is a pure re-export and hands out
 * everything it imports; a module with functions hands out what its literal `__all__` lists and
 * what it imports with the self-alias idiom (`from x import Foo as Foo`). Only module-level
 * `from … import` statements count. A module with a top-level `__getattr__` also hands out the
 * entries of its string-to-string dict literals (PEP 562 lazy maps). A name counts when it is a
 * class defined in the source module (or one relative import away from it), outside the facade
 * and the wiring locations.
 */
import path from "node:path";
import { GARAGE_PREFIXES, isTestFileName } from "./conventions.js";
import { moduleSurface, type ModuleSurface, type SurfaceImport } from "./python-surface.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { FacadeHandout } from "./types.js";

const NOT_HANDING_OUT = new Set(["contracts.py", "enums.py"]);

/** A module of the backend: its path as hogli prints it (`backend/logic.py`, `backend/logic/`) and the file to read. */
interface BackendModule {
  /** Dotted parts below `backend` (empty for the backend package itself). */
  parts: string[];
  shown: string;
  file: string;
  isPackage: boolean;
}

class HandoutReader {
  constructor(
    private readonly tfs: TrackedFs,
    private readonly backendDir: string,
    private readonly product: string,
  ) {}

  surface(file: string): ModuleSurface | undefined {
    const text = this.tfs.readText(file);
    return typeof text === "string" ? moduleSurface(file, text) : undefined;
  }

  /** `backend/<parts>.py` when it is a file, else `backend/<parts>/` when it is a folder. */
  locate(parts: string[]): BackendModule | undefined {
    const base = path.join(this.backendDir, ...parts);
    const shown = ["backend", ...parts].join("/");
    if (parts.length > 0 && this.tfs.isFile(`${base}.py`)) return { parts, shown: `${shown}.py`, file: `${base}.py`, isPackage: false };
    if (this.tfs.isDirectory(base)) return { parts, shown: `${shown}/`, file: path.join(base, "__init__.py"), isPackage: true };
    return undefined;
  }

  /** The backend module an import of a facade module names, or undefined when it is outside the backend. */
  importedModule(spec: { level: number; rest: string }): string[] | undefined {
    const rest = spec.rest ? spec.rest.split(".") : [];
    if (spec.level === 1) return ["facade", ...rest];
    if (spec.level === 2) return rest;
    if (spec.level > 2) return undefined;
    const prefix = ["products", this.product, "backend"];
    if (rest.length < 3 || prefix.some((part, i) => rest[i] !== part)) return undefined;
    return rest.slice(3);
  }

  /** The class `name` of `module`, directly or through one module-level relative import. */
  definesClass(module: BackendModule, name: string): boolean {
    const surface = this.surface(module.file);
    if (!surface) return false;
    if (surface.classes.includes(name)) return true;
    const hop = surface.fromImports.find((entry) => entry.level > 0 && entry.localName === name);
    if (!hop) return false;
    const packageParts = module.isPackage ? module.parts : module.parts.slice(0, -1);
    if (hop.level - 1 > packageParts.length) return false;
    const target = this.locate([...packageParts.slice(0, packageParts.length - (hop.level - 1)), ...(hop.rest ? hop.rest.split(".") : [])]);
    return target !== undefined && (this.surface(target.file)?.classes.includes(hop.importedName) ?? false);
  }

  /** A handout when `name` (imported from `parts`) is a class outside the facade and the garages. */
  handout(facadeFile: string, parts: string[] | undefined, name: string): FacadeHandout | undefined {
    if (!parts) return undefined;
    const module = this.locate(parts);
    if (!module || module.shown.startsWith("backend/facade/") || module.shown === "backend/facade.py") return undefined;
    if (GARAGE_PREFIXES.some((prefix) => module.shown.startsWith(prefix))) return undefined;
    return this.definesClass(module, name) ? { facadeFile, className: name, source: module.shown } : undefined;
  }

  /** The dotted source of a lazy map entry, below the backend. */
  lazySource(source: string): string[] {
    const parts = source.split(".");
    const prefix = ["products", this.product, "backend"];
    return prefix.every((part, i) => parts[i] === part) ? parts.slice(3) : parts;
  }
}

/** The imports a facade module hands out. */
function handedImports(surface: ModuleSurface): SurfaceImport[] {
  if (surface.functions.length === 0) return surface.fromImports;
  const all = new Set(surface.all ?? []);
  return surface.fromImports.filter((entry) => all.has(entry.localName) || entry.selfAliased);
}

/** Every class the facade of a product hands out from elsewhere in its backend, in file order. */
export function readFacadeHandouts(tfs: TrackedFs, backendDir: string, product: string): FacadeHandout[] {
  const reader = new HandoutReader(tfs, backendDir, product);
  const handouts: FacadeHandout[] = [];
  const facadeFiles = tfs.list(path.join(backendDir, "facade")).filter((entry) => entry.isFile && entry.name.endsWith(".py"));
  for (const entry of facadeFiles) {
    if (NOT_HANDING_OUT.has(entry.name) || isTestFileName(entry.name)) continue;
    const surface = reader.surface(entry.path);
    if (!surface || surface.broken) continue;
    const found = new Map<string, FacadeHandout>();
    const add = (handout: FacadeHandout | undefined) => {
      if (handout && !found.has(handout.className)) found.set(handout.className, handout);
    };
    for (const imported of handedImports(surface)) add(reader.handout(entry.name, reader.importedModule(imported), imported.importedName));
    if (surface.functions.includes("__getattr__")) {
      for (const [name, source] of surface.stringMaps.flat()) add(reader.handout(entry.name, reader.lazySource(source), name));
    }
    handouts.push(...found.values());
  }
  return handouts;
}
