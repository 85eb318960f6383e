import { exposingInterface, nearestTachModule, tachMember, tachPatternMatches, visibleInterfaces } from "../../project/tach-patterns.js";
import { standaloneCopy } from "../../project/standalone-copy.js";
import type { RepoIndex } from "../../project/types.js";

/** Which products without a tach interface still expose only their facade. */
export type UncoveredProducts = "isolated" | "all" | "none";

/** What a product with no tach interface exposes under `uncoveredProducts`: its facade package. */
const DEFAULT_FACADE_EXPOSE = "backend\\.facade(\\..*)?";

export type InterfaceVerdict =
  | { kind: "allowed" }
  /** Not exposed: by the tach interfaces of `module`, or (`byDefault`) by the facade default. */
  | { kind: "private"; module: string; member: string; byDefault: boolean }
  /** Exposed, but tach's `data_types = "primitive"` check fails for the member. */
  | { kind: "dataType"; module: string; member: string };

const ALLOWED: InterfaceVerdict = { kind: "allowed" };
const PRODUCT_MODULE = /^products\.([A-Za-z_]\w*)(?:\.|$)/u;

/** `products.<p>` for a module inside a product the index knows. */
export function productModuleOf(index: RepoIndex, module: string): string | undefined {
  const product = PRODUCT_MODULE.exec(module)?.[1];
  return product && index.products.has(product) ? `products.${product}` : undefined;
}

/** The module that owns a path: tach's nearest declared module, else the product it is in. */
function owningModule(index: RepoIndex, path: string): string | undefined {
  return nearestTachModule(index.tach.modulePaths, path) ?? productModuleOf(index, path);
}

/** The tach module of an importing file's module (`<root>` when none owns it): what interfaces' `visibility` names. */
export function usageModuleOf(index: RepoIndex, importerModule: string): string {
  return owningModule(index, importerModule) ?? "<root>";
}

function facadeDefault(index: RepoIndex, module: string, member: string, uncovered: UncoveredProducts): InterfaceVerdict {
  const product = PRODUCT_MODULE.exec(module)?.[1];
  if (!product || module !== `products.${product}` || uncovered === "none") return ALLOWED;
  if (uncovered === "isolated" && !index.products.get(product)?.isolated) return ALLOWED;
  if (tachPatternMatches(DEFAULT_FACADE_EXPOSE, member)) return ALLOWED;
  return { kind: "private", module, member, byDefault: true };
}

/**
 * tach's interface check (`check_interfaces`) of one dependency path imported from the tach module `usage` ({@link usageModuleOf}):
 * imports inside one module, of a module itself, or of a module no interface covers are allowed;
 * otherwise an expose pattern of an interface visible to the importer must match the member, and
 * a primitive interface's data types must hold. A product that no interface covers exposes its
 * facade only, for the products `uncovered` names (tach leaves it open).
 */
export function checkInterface(index: RepoIndex, usage: string, dependency: string, uncovered: UncoveredProducts): InterfaceVerdict {
  let ofIndex = verdictsByIndex.get(index);
  if (!ofIndex) verdictsByIndex.set(index, (ofIndex = {}));
  const byUsage = (ofIndex[uncovered] ??= new Map());
  let byDependency = byUsage.get(usage);
  if (!byDependency) byUsage.set(standaloneCopy(usage), (byDependency = new Map()));
  let verdict = byDependency.get(dependency);
  if (!verdict) {
    // The key and the verdict's names outlive the file the path was read from.
    const kept = standaloneCopy(dependency);
    byDependency.set(kept, (verdict = interfaceVerdict(index, usage, kept, uncovered)));
  }
  return verdict;
}

/** The verdicts of an index, by setting, importing module and import: the same imports recur across the files of a repository. */
const verdictsByIndex = new WeakMap<RepoIndex, Partial<Record<UncoveredProducts, Map<string, Map<string, InterfaceVerdict>>>>>();

function interfaceVerdict(index: RepoIndex, usage: string, dependency: string, uncovered: UncoveredProducts): InterfaceVerdict {
  const definition = owningModule(index, dependency);
  if (!definition) return ALLOWED;
  if (definition === usage) return ALLOWED;
  const member = tachMember(dependency, definition);
  if (member === "") return ALLOWED;
  const interfaces = visibleInterfaces(index.tach.interfaces, definition, usage);
  if (interfaces.length === 0) return facadeDefault(index, definition, member, uncovered);
  if (!exposingInterface(interfaces, member)) {
    return { kind: "private", module: definition, member, byDefault: false };
  }
  if (index.tach.dataTypeMembers[definition]?.[member] === false) return { kind: "dataType", module: definition, member };
  return ALLOWED;
}
