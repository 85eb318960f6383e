import { createHash } from "node:crypto";
import { relativeToRoot } from "./problems.js";
import type { RepoIndex } from "./types.js";

const byKey = <T>(entries: Iterable<[string, T]>): [string, T][] => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * What the rules read of the repository, as canonical JSON with root-relative paths: products
 * (scripts, facade, tests, pytest paths), apps and their model classes, routes, tach interfaces,
 * the user model, and every problem met reading them. An edit that changes none of these (a new
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
    backendTestFiles: product.backendTestFiles,
    hasBackendTestsDir: product.hasBackendTestsDir,
    pytestPaths: byKey([...product.pytestPaths].map(([target, status]) => [relative(target), status])),
    packageJson: product.packageJson ? { name: product.packageJson.name ?? null, scripts: product.packageJson.scripts } : null,
  }));
  const apps = byKey(index.appsByModule).map(([module, app]) => ({
    module,
    label: app.label,
    dir: relative(app.dir),
    models: byKey(app.models).map(([name, model]) => [name, model.appLabel, model.definingModule, model.importModule]),
  }));
  return JSON.stringify({
    products,
    apps,
    routes: byKey(index.dbRoutes).map(([label, route]) => [label, route.database, route.line]),
    invalidRoutes: [...index.dbRouting.invalidLabels].sort(),
    routingUnreadable: index.dbRouting.unreadable,
    tach: { exists: index.tach.exists, unreadable: index.tach.unreadable, modules: index.tach.modules, interfaces: index.tach.interfaces },
    userModel: index.settings.authUserModel?.value ?? null,
    problems: index.problems.map((problem) => problem.message).sort(),
  });
}

/** A short hash of {@link indexFacts}: the `--cache` key part that changes when a fact the rules read changes. */
export function factsFingerprint(index: RepoIndex): string {
  return createHash("sha1").update(indexFacts(index)).digest("hex").slice(0, 16);
}

