import path from "node:path";
import { isWithinModule } from "../languages/python/syntax/index.js";
import { standaloneCopy } from "./standalone-copy.js";
import type { AppInfo, ModelInfo, RepoIndex } from "./types.js";

export { moduleOfFile, resolveRelativeImport } from "../languages/python/syntax/index.js";

/** The answers of a lookup per index and key: every file of a run asks about the same modules and folders. */
function memoized<Value>(compute: (index: RepoIndex, key: string) => Value): (index: RepoIndex, key: string) => Value {
  const byIndex = new WeakMap<RepoIndex, Map<string, Value>>();
  return (index, key) => {
    let answers = byIndex.get(index);
    if (!answers) byIndex.set(index, (answers = new Map()));
    if (answers.has(key)) return answers.get(key)!;
    const value = compute(index, key);
    answers.set(standaloneCopy(key), value);
    return value;
  };
}

/** The app whose package is `module` or the longest prefix of it (`posthog.models.team` → posthog). */
export const appOfModule = memoized((index, module): AppInfo | undefined => {
  let best: AppInfo | undefined;
  for (const app of index.appsByModule.values()) {
    if (isWithinModule(module, app.module) && (!best || app.module.length > best.module.length)) best = app;
  }
  return best;
});

const appsByDir = new WeakMap<RepoIndex, Map<string, AppInfo>>();

/** The app whose directory holds `file` (the deepest one). Works for any file, not only `.py`. */
export const appOfFile = memoized((index, file): AppInfo | undefined => {
  let byDir = appsByDir.get(index);
  if (!byDir) {
    byDir = new Map();
    for (const app of index.appsByModule.values()) if (!byDir.has(app.dir)) byDir.set(app.dir, app);
    appsByDir.set(index, byDir);
  }
  // From the file up: the first folder that is an app's is the deepest one.
  for (let dir = path.resolve(index.root, file); ; ) {
    const app = byDir.get(dir);
    if (app) return app;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
});

/** True when `top` is the top-level package of an app's package. */
const isRepositoryPackage = memoized((index, top): boolean => {
  for (const app of index.appsByModule.values()) {
    if (isWithinModule(app.module, top)) return true;
  }
  return false;
});

/** True when `module` belongs to the repository: its top-level package is the top package of an app. */
function isRepositoryModule(index: RepoIndex, module: string): boolean {
  const dot = module.indexOf(".");
  return isRepositoryPackage(index, dot === -1 ? module : module.slice(0, dot));
}

/**
 * The model that `from <module> import <name>` refers to:
 * - when `module` is an app's models module (or a submodule of it) and that app defines
 *   `name`: that model;
 * - else, when `name` is defined in exactly one app (re-export sites such as `posthog.models`
 *   re-export product models): that one.
 * `candidates` are all the models called `name` in any app (more than one without a `model`:
 * ambiguous). Modules outside the repository (`django.db.models`...) resolve to nothing.
 */
export function resolveModelImport(
  index: RepoIndex,
  module: string,
  name: string,
): { model?: ModelInfo; candidates: ModelInfo[] } {
  if (!module || !isRepositoryModule(index, module)) return { candidates: [] };
  const candidates = index.modelsByName.get(name) ?? [];
  if (candidates.length === 0) return { candidates };
  const app = appOfModule(index, module);
  if (app && isWithinModule(module, app.modelsModule)) {
    const own = app.models.get(name);
    if (own) return { model: own, candidates };
  }
  if (candidates.length === 1) return { model: candidates[0]!, candidates };
  return { candidates };
}

const modelsByLowerName = new WeakMap<AppInfo, Map<string, ModelInfo>>();

/** The model of `app` named `name`, compared case-insensitively as Django resolves labels (`"posthog.team"`); the exact name first. */
export function modelOfApp(app: AppInfo, name: string): ModelInfo | undefined {
  const exact = app.models.get(name);
  if (exact) return exact;
  let byLower = modelsByLowerName.get(app);
  if (!byLower) {
    byLower = new Map();
    for (const model of app.models.values()) if (!byLower.has(model.name.toLowerCase())) byLower.set(model.name.toLowerCase(), model);
    modelsByLowerName.set(app, byLower);
  }
  return byLower.get(name.toLowerCase());
}
