/**
 * hogli's isolation status of a product (isolation.py `compute_isolation_status`), computed from
 * the repository index: the chain real facade → tach interface → contract-check script →
 * narrowed turbo.json, and what a narrowing leaves unwatched.
 */
import { GARAGE_PREFIXES } from "../../project/conventions.js";
import type { FacadeHandout, ProductInfo, RepoIndex } from "../../project/types.js";
import { DEFAULT_REGISTRIES, type IsolationRegistries } from "./registries.js";
import { findLegacyLeak, hasTachInterface, permanentModules, type LegacyLeak } from "./hogli-tach.js";
import { hasNarrowedTurboInputs, MODEL_SURFACE, moduleLocations, routesInTurboInputs, uncoveredLocations, unwatchedModelSurface } from "./turbo-inputs.js";

export interface IsolationStatus {
  isolated: boolean;
  /** `backend/facade/api.py` parses and defines a top-level function. */
  realFacade: boolean;
  tachInterface: boolean;
  /** The legacy leak block; undefined when tach.toml cannot be read. */
  legacyLeak: LegacyLeak | null | undefined;
  /** pyproject.toml `ignore_imports` entries that defer the product's presentation wave. */
  deferred: string[];
  /** The line of the first of them in pyproject.toml. */
  deferredLine?: number;
  hasScript: boolean;
  inputs: string[];
  narrowed: boolean;
  permanentModules: string[];
  uncoveredPermanent: string[];
  unqualifiedPermanent: string[];
  facadeLeaks: FacadeHandout[];
  modelCrossings: FacadeHandout[];
  /** The modules of the carve-out classes the facade hands out. */
  carveOutModules: string[];
  uncoveredCarveOuts: string[];
  unwatchedGarages: string[];
  staleDecoupled: string[];
  unwatchedModelSurface: string[];
  /** The routes module's glob (`backend/routes/**` or `backend/routes.py`), when the product has one. */
  routes?: string;
  routesWatched: boolean;
}

/** isolated, a real facade, no legacy leak, no deferred presentation wave. */
export function isEligible(status: IsolationStatus): boolean {
  return status.isolated && status.realFacade && status.legacyLeak === null && status.deferred.length === 0;
}

/** A tach interface and no legacy leak. */
export function isExternallySealed(status: IsolationStatus): boolean {
  return status.tachInterface && status.legacyLeak === null;
}

/**
 * The product's deferred presentation wave: `[tool.importlinter]` `ignore_imports` entries
 * starting `products.<p>.backend.presentation` or `products.<p>.backend.routes ->`.
 */
export function deferredEntries(ignoreImports: readonly string[], product: string): string[] {
  const presentation = `products.${product}.backend.presentation`;
  const routes = `products.${product}.backend.routes ->`;
  return ignoreImports.filter((entry) => entry.startsWith(presentation) || entry.startsWith(routes));
}

/** Every `ignore_imports` entry of pyproject.toml's import-linter contracts, as written, with its line. */
function ignoreImports(index: RepoIndex): { text: string; line: number }[] {
  return index.importLinter.contracts.flatMap((contract) => contract.ignoreImports);
}

function splitHandouts(product: string, handouts: readonly FacadeHandout[], registries: IsolationRegistries) {
  const carveOutModules = new Set<string>();
  const facadeLeaks: FacadeHandout[] = [];
  const modelCrossings: FacadeHandout[] = [];
  for (const handout of handouts) {
    if (registries.carveOuts[product]?.includes(handout.className)) carveOutModules.add(handout.source);
    else if (registries.modelCrossings[product]?.includes(handout.className) && /^backend\/models(?:\/|\.py$)/u.test(handout.source)) modelCrossings.push(handout);
    else facadeLeaks.push(handout);
  }
  return { carveOutModules: [...carveOutModules].sort(), facadeLeaks, modelCrossings };
}

/** Permanent modules no ClickHouse migration or schema import reaches (hogli's qualification). */
function unqualified(index: RepoIndex, product: string, modules: string[], registries: IsolationRegistries): string[] {
  if (registries.permanentInterfaceExempt.includes(product)) return [];
  return modules.filter((module) => {
    const qualified = `products.${product}.${module}`;
    return !index.clickhouseImports.some((name) => name === qualified || name.startsWith(`${qualified}.`));
  });
}

/**
 * The isolation status of a product. `hasScript`: its package.json (as linted) has
 * `backend:contract-check`; `inputs`: the contract-check inputs of the turbo.json being linted
 * (default: the one on disk).
 */
export function isolationStatus(
  index: RepoIndex,
  product: ProductInfo,
  hasScript: boolean,
  registries: IsolationRegistries = DEFAULT_REGISTRIES,
  inputs: string[] = product.turbo?.contractCheckInputs ?? [],
): IsolationStatus {
  const ignores = ignoreImports(index);
  const deferred = deferredEntries(ignores.map((entry) => entry.text), product.name);
  const entries = new Set(product.backendEntries.map((entry) => entry.name));
  const exists = (location: string): boolean => entries.has(location.slice("backend/".length).replace(/\/$/u, ""));
  const permanent = permanentModules(index, product.name);
  const { carveOutModules, facadeLeaks, modelCrossings } = splitHandouts(product.name, product.facadeHandouts, registries);
  const decoupled = registries.decoupledGarages[product.name] ?? [];
  const presentGarages = GARAGE_PREFIXES.filter((prefix) => exists(prefix) && !decoupled.includes(prefix));
  const routesDir = product.backendEntries.some((entry) => entry.name === "routes" && entry.isDirectory);
  const routes = routesDir ? "backend/routes/**" : entries.has("routes.py") ? "backend/routes.py" : undefined;
  return {
    isolated: product.isolated,
    realFacade: product.hasFacadeApi && !product.facadeApiBroken && product.facadeApiFunctions.length > 0,
    tachInterface: hasTachInterface(index.tach, product.name),
    // Unknown when tach.toml cannot be read (its syntax error is reported in tach.toml itself).
    legacyLeak: index.tach.unreadable ? undefined : findLegacyLeak(index, product.name),
    deferred,
    ...(deferred.length > 0 ? { deferredLine: ignores.find((entry) => entry.text === deferred[0])!.line } : {}),
    hasScript,
    inputs,
    narrowed: hasNarrowedTurboInputs(inputs, { permanentModules: permanent, carveOutModules, modelSurface: MODEL_SURFACE }),
    permanentModules: permanent,
    uncoveredPermanent: uncoveredLocations(inputs, permanent, moduleLocations),
    unqualifiedPermanent: permanent.length > 0 ? unqualified(index, product.name, permanent, registries) : [],
    facadeLeaks,
    modelCrossings,
    carveOutModules,
    uncoveredCarveOuts: uncoveredLocations(inputs, carveOutModules, (module) => [module]),
    unwatchedGarages: uncoveredLocations(inputs, presentGarages, (garage) => [garage]),
    staleDecoupled: decoupled.filter((garage) => !exists(garage) || uncoveredLocations(inputs, [garage], (location) => [location]).length === 0),
    unwatchedModelSurface: unwatchedModelSurface(inputs, exists),
    ...(routes ? { routes } : {}),
    routesWatched: routesInTurboInputs(inputs),
  };
}
