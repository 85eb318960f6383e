import type { ModelInfo, RepoIndex } from "../../project/types.js";

/** Where a name imported through a flagged module really lives. */
type Destination =
  | { kind: "move"; module: string }
  /** A core model imported from its models package root, with `coreModelsFromSubmodules`. */
  | { kind: "core-submodule"; module: string }
  | { kind: "ambiguous"; candidates: ModelInfo[] }
  | { kind: "unresolved" }
  | { kind: "stay" };

const REEXPORT_MODULE = /^products\.([A-Za-z0-9_]+)\.models(?:\.|$)/u;

function isPosthogModels(module: string): boolean {
  return module === "posthog.models" || module.startsWith("posthog.models.");
}

/** A core model imported from its app's models package root: its shallowest submodule, when the option asks. */
function coreSubmodule(index: RepoIndex, module: string, name: string): Destination {
  const app = [...index.appsByModule.values()].find((candidate) => !candidate.product && candidate.modelsModule === module);
  const submodule = app?.models.get(name)?.submoduleImport;
  return submodule && submodule !== module ? { kind: "core-submodule", module: submodule } : { kind: "stay" };
}

/** `from posthog.models import X`: product models move, core names (Team, User...) stay. */
function fromPosthogModels(index: RepoIndex, name: string): Destination {
  const candidates = index.modelsByName.get(name) ?? [];
  if (candidates.length === 0) return { kind: "stay" };
  if (candidates.some((model) => !index.apps.get(model.appLabel)?.product)) return { kind: "stay" };
  if (candidates.length > 1) return { kind: "ambiguous", candidates };
  return { kind: "move", module: candidates[0]!.importModule };
}

/** `from products.<p>.models import X`: every name moves to the module that defines it. */
function fromReexport(index: RepoIndex, product: string, name: string): Destination {
  const own = index.products.get(product)?.app?.models.get(name);
  if (own) return { kind: "move", module: own.importModule };
  const candidates = index.modelsByName.get(name) ?? [];
  if (candidates.length === 1) return { kind: "move", module: candidates[0]!.importModule };
  if (candidates.length > 1) return { kind: "ambiguous", candidates };
  return { kind: "unresolved" };
}

/** How a module that the rule flags names the models imported from it. */
export interface FlaggedModule {
  /** A re-export module of a product (`products.<p>.models`), else `posthog.models` or one of its submodules. */
  reexport: boolean;
  destination(name: string): Destination;
}

/** The flagged module `module` is, or undefined when imports from it are fine. */
export function flaggedModule(index: RepoIndex, module: string, coreModelsFromSubmodules: boolean): FlaggedModule | undefined {
  const reexport = REEXPORT_MODULE.exec(module);
  if (reexport) return { reexport: true, destination: (name) => fromReexport(index, reexport[1]!, name) };
  const core = (name: string): Destination => (coreModelsFromSubmodules ? coreSubmodule(index, module, name) : { kind: "stay" });
  if (isPosthogModels(module)) {
    return {
      reexport: false,
      destination: (name) => {
        const destination = fromPosthogModels(index, name);
        return destination.kind === "stay" ? core(name) : destination;
      },
    };
  }
  return coreModelsFromSubmodules ? { reexport: false, destination: core } : undefined;
}
