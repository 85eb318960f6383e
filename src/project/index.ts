/**
 * The repository index: what the rules know about the `products/` monorepo around the linted
 * file (products, Django apps and their models, db routes, tach interfaces).
 */
export { getRepoIndex, getRepoIndexForRoot, clearRepoIndexCache, pytestPathStatus } from "./cache.js";
export { CONTRACT_CHECK_SCRIPT, isTestFileName, isTestScriptName, TEST_SCRIPT } from "./conventions.js";
export { findPytestPathArguments, pytestArguments } from "./pytest-arguments.js";
export type { PytestPathStatus } from "./pytest-paths.js";
export { setIndexRefreshInterval } from "./refresh.js";
export { findRepoRoot } from "./find-root.js";
export { factsFingerprint, indexFacts } from "./facts.js";
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
