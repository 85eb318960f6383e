import type { ImportLinterConfig } from "./importlinter.js";
import type { PytestPathStatus } from "./pytest-paths.js";
import type { ModuleStatus } from "./python-modules.js";
import type { TachInfo } from "./tach-types.js";

export type { TachInfo, TachInterface } from "./tach-types.js";

/** A problem found while reading a repository file (invalid YAML/TOML, unreadable file...). */
export interface ConfigProblem {
  /** Absolute path of the offending file. */
  file: string;
  /** 1-based line, 1-based column; 1:1 when unknown. */
  line: number;
  column: number;
  /** Human-readable, already names the file relative to the root, e.g. `products/db_routing.yaml:3:5: ...`. */
  message: string;
}

/**
 * A relation field assigned in a model class's body, with its target as written (string targets
 * as written: a label, a bare name, `self`, a Python path; class targets by the module they are
 * imported from; `settings.AUTH_USER_MODEL`).
 */
export interface RelationFact {
  name: string;
  kind: "ForeignKey" | "OneToOneField" | "ManyToManyField" | "ForeignObject";
  target: { kind: "string"; value: string } | { kind: "import"; module: string; name: string } | { kind: "local"; name: string } | { kind: "user-model" };
  /** String literals only. */
  relatedName?: string;
  relatedQueryName?: string;
}

/** A class defined at module level in an app's `models.py` or `models/` package. */
export interface ModelInfo {
  name: string;
  /** Label of the Django app that defines it. */
  appLabel: string;
  /** Python module the class is defined in, e.g. `products.feature_flags.backend.models` or `posthog.models.team.team`. */
  definingModule: string;
  /**
   * The module to import it from: the app's models package when its `__init__.py` binds the
   * name, else the defining module (`from <package> import X` would raise ImportError).
   */
  importModule: string;
  /**
   * For a model of a `models/` package: the shallowest module below the package that binds its
   * name (the subpackage whose `__init__.py` imports it, else its defining module).
   */
  submoduleImport?: string;
  /** The relation fields its class body assigns (not those of base classes). */
  relations: RelationFact[];
}

/** A Django app: every product backend, plus `posthog` and `ee` (and any other dir with an apps.py AppConfig). */
export interface AppInfo {
  /** Django app label: AppConfig `label`, else the last component of `name`, else the last component of `module`. */
  label: string;
  /** Python package of the app, e.g. `products.feature_flags.backend`, `posthog`, `ee`. */
  module: string;
  /** Absolute directory of the app package. */
  dir: string;
  /** Product folder name when the app is `products/<product>/backend`. */
  product?: string;
  /** The AppConfig found in `apps.py`, if any. */
  config?: {
    file: string;
    className: string;
    /**
     * Values as written (string literals only), with 1-based lines of the assignments; for `name`,
     * where it leads (another package of the repository, nothing, or outside the repository).
     */
    name?: { value: string; line: number; resolves: ModuleStatus };
    label?: { value: string; line: number };
    line: number;
  };
  /** Model (and other top-level) classes by class name. */
  models: Map<string, ModelInfo>;
  /** A class of the models module(s) has a base that may make it a model (not an enum, choices, manager, error...). */
  definesModels: boolean;
  /** The module users should import the models from: `<module>.models`. */
  modelsModule: string;
}

export interface PackageJsonInfo {
  file: string;
  /** `null` when the file exists but is not valid JSON (the JSON language reports that). */
  scripts: Record<string, string> | null;
  name?: string;
}

export interface ProductInfo {
  /** Folder name under products/. */
  name: string;
  dir: string;
  hasBackend: boolean;
  /** A `.py` file other than `__init__.py` somewhere under the product folder. */
  hasPythonFiles: boolean;
  app?: AppInfo;
  packageJson?: PackageJsonInfo;
  /** `backend/facade/contracts.py` or `backend/facade/contracts/` exists. */
  isolated: boolean;
  /** Which of the two makes it isolated (the module wins when both exist). */
  contracts?: "backend/facade/contracts.py" | "backend/facade/contracts/";
  /** `backend/facade/api.py` exists. */
  hasFacadeApi: boolean;
  /** Names of module-level functions (`def`/`async def`) in `backend/facade/api.py`. */
  facadeApiFunctions: string[];
  /**
   * The modules directly in `backend/facade/` (the package first), the names each binds when it
   * runs, and the names it hands out: its `__all__`, else what it defines or assigns itself and
   * what it re-imports under the same name from a contracts module.
   */
  facadeModules: { module: string; names: string[]; handsOut: string[] }[];
  /** Test files (`test_*.py`, `*_test.py`) anywhere under `backend/`, as paths relative to the product dir with `/`. */
  backendTestFiles: string[];
  /** `backend/tests/` exists (the conventional pytest path). */
  hasBackendTestsDir: boolean;
  /** The path arguments of the pytest runs of its `backend:test*` scripts on disk (absolute), with what they point at. */
  pytestPaths: Map<string, PytestPathStatus>;
  /** `backend/facade/api.py` has a syntax error: Python refuses it, so it is no real facade (hogli). */
  facadeApiBroken: boolean;
  /** The entries directly in the product folder that the checks look at (`__init__.py`, `package.json`, `manifest.tsx`, `frontend`...), sorted. */
  rootEntries: string[];
  /** The entries directly in `backend/` that the checks look at (known modules, wiring locations, models, migrations...), sorted. */
  backendEntries: { name: string; isDirectory: boolean }[];
  /** `backend/migrations/__init__.py` exists (Django skips a migrations folder that is not a package). */
  hasMigrationsPackage: boolean;
  /** For the known files at the backend root (`api.py`...), the right locations (`presentation/api.py`) that exist too. */
  occupiedKnownLocations: string[];
  /** `backend/` and the facade/presentation folders lacking an `__init__.py` (hogli's package markers), as `backend/<path>/`, sorted. */
  missingPackageMarkers: string[];
  /** `backend/` holds a Python file (at any depth): hogli lints only such products in CI (`--all`). */
  hasBackendPython: boolean;
  /** Test files (`test_*.py`, `*_test.py`) anywhere in the product but `frontend/`, relative with `/`, sorted. */
  testFiles: string[];
  /**
   * The test files that no pytest path of `backend:test` on disk covers (as in {@link testFiles}),
   * with whether each defines a test (a `test*` function, a `Test*` class, a class with `test*` methods).
   */
  orphanTestModules: Map<string, boolean>;
  /** The Python file that carries the product's findings when it has no package.json (backend/apps.py first). */
  pythonAnchor?: string;
  /** `turbo.json` of the product, when it exists. */
  turbo?: TurboJsonInfo;
  /** Classes the facade hands out from elsewhere in the backend (hogli's wiring doctrine input). */
  facadeHandouts: FacadeHandout[];
}

/** What a product `turbo.json` says about the contract check. */
export interface TurboJsonInfo {
  file: string;
  /** `tasks["backend:contract-check"].inputs` (strings only); empty when absent or unreadable. */
  contractCheckInputs: string[];
}

/** A class a facade module hands out, imported from elsewhere in the product's backend. */
export interface FacadeHandout {
  /** The facade module's file name (`queries.py`). */
  facadeFile: string;
  className: string;
  /** Where the class comes from, as hogli prints it: `backend/logic.py`, `backend/logic/`. */
  source: string;
}

interface DbRoute {
  appLabel: string;
  database: string;
  /** 1-based line of the route entry in db_routing.yaml. */
  line: number;
}

/** `products/db_routing.yaml` as the rules use it. */
export interface DbRouting {
  /** Valid routes by app label (the first one for a label routed twice). */
  routes: Map<string, DbRoute>;
  /** Labels whose route entry is invalid (no database, routed to two databases...): their database is unknown. */
  invalidLabels: Set<string>;
  /** The file exists but cannot be read as a list of routes (unreadable, invalid YAML, another shape). */
  unreadable: boolean;
}

/** A value read from a settings module, with where it was found. */
export interface SettingValue {
  value: string;
  file: string;
  line: number;
}

/** What the index read of the Django settings (`posthog/settings`). */
export interface SettingsInfo {
  /** `AUTH_USER_MODEL` when assigned a plain string. */
  authUserModel?: SettingValue;
  /** `PRODUCTS_APPS` when a settings module assigns it a list of plain strings. */
  productsApps?: { file: string; line: number; entries: string[] };
}

/** The root `frontend/package.json`: the packages it depends on. */
export interface FrontendPackageInfo {
  file: string;
  /** Names under `dependencies`, `devDependencies` and `peerDependencies`. */
  dependencies: string[];
}

export interface RepoIndex {
  /** Absolute repository root (the directory holding `products/`). */
  root: string;
  products: Map<string, ProductInfo>;
  /** Every Django app by label. */
  apps: Map<string, AppInfo>;
  /** Every Django app by its python package (`products.x.backend`, `posthog`, `ee`). */
  appsByModule: Map<string, AppInfo>;
  /** Every model class by class name (a name may be defined in several apps). */
  modelsByName: Map<string, ModelInfo[]>;
  /** db_routing.yaml routes by app label (empty when the file is missing, empty, or unreadable). */
  dbRoutes: Map<string, DbRoute>;
  /** The labels with an invalid route entry, and whether the file could be read at all. */
  dbRouting: Omit<DbRouting, "routes">;
  dbRoutingFile: string;
  tach: TachInfo;
  /** `[tool.importlinter]` of the root pyproject.toml. */
  importLinter: ImportLinterConfig;
  settings: SettingsInfo;
  /** The root `frontend/package.json`, when it exists and parses. */
  frontendPackage?: FrontendPackageInfo;
  /** Modules ClickHouse's migrations and schema registry import (`a.b`, and `a.b.c` for `from a.b import c`), when tach.toml has a permanent interface; sorted. */
  clickhouseImports: string[];
  /** hogli's `products/model_crossing_uses_baseline.txt`, when it exists. */
  crossingBaseline: CrossingBaseline | null;
  /** Problems reading db_routing.yaml / tach.toml / apps.py etc. Each at most once per index build. */
  problems: ConfigProblem[];
}

/** The reverse accessors hogli's baseline tolerates: `<owner app>.<Model>.<field> <target app>.<Class>`, sorted. */
export interface CrossingBaseline {
  file: string;
  reverseAccessors: string[];
}

export interface PluginSettings {
  /** Repository root; relative paths are resolved against the ESLint cwd. */
  root?: string;
  /** The user model's label, for `settings.AUTH_USER_MODEL` (default: read from `posthog/settings`, else `posthog.User`). */
  authUserModel?: string;
}
