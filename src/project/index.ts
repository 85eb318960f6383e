/**
 * The repository index: what the rules know about the `products/` monorepo around the linted
 * file (products, Django apps and their models, db routes, tach interfaces).
 */
export { getRepoIndex, getRepoIndexForRoot, clearRepoIndexCache } from "./cache.js";
export { setIndexRefreshInterval } from "./refresh.js";
export { findRepoRoot } from "./find-root.js";
export { repoFingerprint } from "./fingerprint.js";
export { appOfFile, appOfModule, moduleOfFile, resolveModelImport, resolveRelativeImport } from "./resolve.js";
export type {
  AppInfo,
  ConfigProblem,
  DbRoute,
  ModelInfo,
  PackageJsonInfo,
  PluginSettings,
  ProductInfo,
  RepoIndex,
  TachInterface,
} from "./types.js";
