/**
 * The repository index: what the rules know about the `products/` monorepo around the linted
 * file (products, Django apps and their models, db routes, tach interfaces).
 */
export { appConfigNameStatus, getRepoIndex, clearRepoIndexCache, pytestPathStatus, testModuleDefinesTests } from "./cache.js";
export { CONTRACT_CHECK_SCRIPT, DB_ROUTING_FILE, isTestScriptName, pytestPathCovers, TEST_SCRIPT } from "./conventions.js";
export { findPytestPathArguments } from "./pytest-arguments.js";
export { setIndexRefreshInterval } from "./refresh.js";
export { factsFingerprint } from "./facts.js";
export { appOfFile, appOfModule, modelOfApp, moduleOfFile, resolveModelImport, resolveRelativeImport } from "./resolve.js";
export type { RepoIndex } from "./types.js";
