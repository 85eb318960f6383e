import type { PytestPathStatus } from "./pytest-paths.js";

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
    /** Values as written (string literals only), with 1-based lines of the assignments. */
    name?: { value: string; line: number };
    label?: { value: string; line: number };
    line: number;
  };
  /** Model (and other top-level) classes by class name. */
  models: Map<string, ModelInfo>;
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
  /** Test files (`test_*.py`, `*_test.py`) anywhere under `backend/`, as paths relative to the product dir with `/`. */
  backendTestFiles: string[];
  /** `backend/tests/` exists (the conventional pytest path). */
  hasBackendTestsDir: boolean;
  /** The path arguments of the pytest runs of its `backend:test*` scripts on disk (absolute), with what they point at. */
  pytestPaths: Map<string, PytestPathStatus>;
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

interface TachModule {
  /** `path` (a dotted module: `products.visual_review`, `posthog`, `<root>`). */
  path: string;
  /** 1-based line of the `[[modules]]` header. */
  line: number;
  /** The module paths of `depends_on`, with the 1-based line of each. */
  dependsOn: string[];
  dependsOnLines: number[];
  /** The block has a non-empty `interfaces` key of its own. */
  hasInterfaces: boolean;
}

export interface TachInterface {
  /** `from` patterns as written (regexes in tach). */
  from: string[];
  /** 1-based line of each `from` pattern, same order as `from`. */
  fromLines: number[];
  /** `expose` patterns as written. */
  expose: string[];
  /** 1-based line of the `[[interfaces]]` header. */
  line: number;
  /** 1-based line of each expose entry, same order as `expose`. */
  exposeLines: number[];
  /** A comment right above the header says `isolation:permanent-interface` (hogli's exemption). */
  permanent: boolean;
}

/** `tach.toml` as the index read it. */
export interface TachInfo {
  file: string;
  exists: boolean;
  /** The file exists but cannot be read or parsed: nothing is known of it. */
  unreadable: boolean;
  /** The `[[modules]]` blocks with a `path`, in file order. */
  modules: TachModule[];
  /** Every `[[interfaces]]` block, in file order. */
  interfaces: TachInterface[];
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
  settings: SettingsInfo;
  /** Problems reading db_routing.yaml / tach.toml / apps.py etc. Each at most once per index build. */
  problems: ConfigProblem[];
}

export interface PluginSettings {
  /** Repository root; relative paths are resolved against the ESLint cwd. */
  root?: string;
  /** The user model's label, for `settings.AUTH_USER_MODEL` (default: read from `posthog/settings`, else `posthog.User`). */
  authUserModel?: string;
  /**
   * Set by the recommended config: a hash of the repository files the rules read, so that
   * ESLint's `--cache` (keyed on the file and its config) is invalidated when one changes.
   * Not read by the rules.
   */
  repositoryFingerprint?: string;
}
