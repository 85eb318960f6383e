/** The names PostHog's product tooling (turbo, hogli) gives scripts and test files. */

export const TEST_SCRIPT = "backend:test";
export const CONTRACT_CHECK_SCRIPT = "backend:contract-check";

/** `backend:test` and its `backend:test:*` variants. */
export function isTestScriptName(name: string): boolean {
  return name === TEST_SCRIPT || name.startsWith(`${TEST_SCRIPT}:`);
}

const TEST_FILE = /^(?:test_.*|.*_test)\.py$/u;

/** `test_*.py` or `*_test.py`: a file pytest collects. */
export function isTestFileName(name: string): boolean {
  return TEST_FILE.test(name);
}

/** hogli's coverage test of a pytest path (relative to the product): the path itself, or below it (no `backend/api` covering `backend/api_v2/`). */
export function pytestPathCovers(prefix: string, file: string): boolean {
  const folder = prefix.replace(/\/+$/u, "");
  return folder === "" || folder === "." || file === prefix || file.startsWith(`${folder}/`);
}

/** The repository files the config-file rules lint, relative to the root. */
export const DB_ROUTING_FILE = "products/db_routing.yaml";
export const TACH_FILE = "tach.toml";

/**
 * hogli's wiring locations ("garages"): implementations core registers and drives (HogQL query
 * runners, Max tools, Temporal workflows, Celery tasks). A facade class from one of them is not a
 * leak; a narrowed contract-check must watch them.
 */
export const GARAGE_PREFIXES = ["backend/hogql_queries/", "backend/max_tools.py", "backend/temporal/", "backend/tasks.py", "backend/tasks/"] as const;

/** hogli's `backend_known_files`: a file at the backend root → where it belongs in an isolated product. */
export const BACKEND_KNOWN_FILES: Readonly<Record<string, string>> = {
  "api.py": "presentation/api.py",
  "contracts.py": "facade/contracts.py",
  "serializers.py": "presentation/serializers.py",
  "views.py": "presentation/views.py",
  "urls.py": "presentation/urls.py",
  "tasks.py": "tasks/tasks.py",
  "schedules.py": "tasks/schedules.py",
  "test_logic.py": "tests/test_logic.py",
  "test_api.py": "tests/test_api.py",
  "test_presentation.py": "tests/test_presentation.py",
  "test_tasks.py": "tests/test_tasks.py",
};

/**
 * hogli's file/folder stems (`product_structure.yaml`: the folder entries of `backend_files`, and
 * the files that `can_be_folder`): a module and a package of one name cannot both exist.
 */
export const FILE_OR_FOLDER_STEMS = ["facade", "logic", "models", "presentation", "tasks", "tests"] as const;
