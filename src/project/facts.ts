import { createHash } from "node:crypto";
import { relativeToRoot } from "./problems.js";
import type { RepoIndex } from "./types.js";

const byKey = <T>(entries: Iterable<[string, T]>): [string, T][] => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * What the rules read of the repository, as canonical JSON with root-relative paths: products
 * (scripts, facade, tests and whether the orphaned ones define tests, pytest paths, layout, turbo.json narrowing, facade handouts), apps
 * (AppConfig, model classes and their relations), routes, tach.toml (interfaces, modules, source
 * roots, data-type facts), pyproject.toml's import-linter contracts, the user model,
 * PRODUCTS_APPS, the frontend's dependencies, ClickHouse's DDL imports, and every problem met
 * reading them. An edit that changes none of these (a new
 * field in a models file, a comment) leaves it the same.
 */
function indexFacts(index: RepoIndex): string {
  const relative = (target: string): string => relativeToRoot(index.root, target);
  const products = byKey(index.products).map(([, product]) => ({
    name: product.name,
    app: product.app?.label ?? null,
    hasBackend: product.hasBackend,
    hasPythonFiles: product.hasPythonFiles,
    contracts: product.contracts ?? null,
    hasFacadeApi: product.hasFacadeApi,
    facadeApiFunctions: product.facadeApiFunctions,
    facadeModules: product.facadeModules,
    backendTestFiles: product.backendTestFiles,
    hasBackendTestsDir: product.hasBackendTestsDir,
    pytestPaths: byKey([...product.pytestPaths].map(([target, status]) => [relative(target), status])),
    packageJson: product.packageJson ? { name: product.packageJson.name ?? null, scripts: product.packageJson.scripts } : null,
    facadeApiBroken: product.facadeApiBroken,
    rootEntries: product.rootEntries,
    backendEntries: product.backendEntries,
    missingPackageMarkers: product.missingPackageMarkers,
    occupiedKnownLocations: product.occupiedKnownLocations,
    hasMigrationsPackage: product.hasMigrationsPackage,
    testFiles: product.testFiles,
    orphanTestModules: byKey(product.orphanTestModules),
    hasBackendPython: product.hasBackendPython,
    pythonAnchor: product.pythonAnchor ? relative(product.pythonAnchor) : null,
    turbo: product.turbo?.contractCheckInputs ?? null,
    facadeHandouts: product.facadeHandouts,
  }));
  const apps = byKey(index.appsByModule).map(([module, app]) => ({
    module,
    label: app.label,
    dir: relative(app.dir),
    definesModels: app.definesModels,
    config: app.config ? { className: app.config.className, name: app.config.name ?? null, label: app.config.label ?? null, line: app.config.line } : null,
    models: byKey(app.models).map(([name, model]) => [name, model.appLabel, model.definingModule, model.importModule, model.submoduleImport ?? null, model.relations]),
  }));
  return JSON.stringify({
    products,
    apps,
    routes: byKey(index.dbRoutes).map(([label, route]) => [label, route.database, route.line]),
    invalidRoutes: [...index.dbRouting.invalidLabels].sort(),
    routingUnreadable: index.dbRouting.unreadable,
    tach: { ...index.tach, file: relative(index.tach.file) },
    importLinter: { ...index.importLinter, file: relative(index.importLinter.file) },
    userModel: index.settings.authUserModel?.value ?? null,
    productsApps: index.settings.productsApps ? { file: relative(index.settings.productsApps.file), entries: index.settings.productsApps.entries } : null,
    frontendDependencies: index.frontendPackage?.dependencies ?? null,
    clickhouseImports: index.clickhouseImports,
    crossingBaseline: index.crossingBaseline?.reverseAccessors ?? null,
    problems: index.problems.map((problem) => problem.message).sort(),
  });
}

const known = new WeakMap<RepoIndex, string>();

/** A short hash of {@link indexFacts}: the `--cache` key part that changes when a fact the rules read changes. */
export function factsFingerprint(index: RepoIndex): string {
  let fingerprint = known.get(index);
  if (fingerprint === undefined) known.set(index, (fingerprint = createHash("sha1").update(indexFacts(index)).digest("hex").slice(0, 16)));
  return fingerprint;
}

/** Records the fingerprint of an index loaded with it (see `index-memo.ts`). */
export function rememberFingerprint(index: RepoIndex, fingerprint: string): void {
  known.set(index, fingerprint);
}

