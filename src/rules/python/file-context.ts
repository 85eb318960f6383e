import path from "node:path";
import type { RuleContext } from "@eslint/core";
import { appOfFile, getRepoIndex, moduleOfFile } from "../../project/index.js";
import { relativeToRoot } from "../../project/problems.js";
import { readPluginSettings } from "../../project/settings.js";
import type { AppInfo, RepoIndex } from "../../project/types.js";
import type { PythonSourceCode } from "../../languages/python/source-code.js";
import type { PyNode } from "../../languages/python/ast.js";
import { collectImports, moduleBindings, type ImportStatements, type ModuleBindings } from "../../languages/python/syntax/index.js";
import { findRelationFields, type RelationField } from "../../languages/python/syntax/index.js";

/** The user model when neither the settings nor `posthog/settings` say otherwise. */
const DEFAULT_USER_MODEL = "posthog.User";

const MIGRATION = /(?:^|\/)migrations\/[^/]+\.pyi?$/u;

/** A generated Django migration (`<app>/migrations/<name>.py`). */
function isMigrationPath(relativePath: string): boolean {
  return MIGRATION.test(relativePath);
}

/** What the rules know about the Python file being linted. */
export interface PythonFileContext {
  index: RepoIndex;
  /** Absolute path of the file. */
  file: string;
  /** Path relative to the repository root, with `/`. */
  relativePath: string;
  /** Dotted module of the file (`products.x.backend.models`), null outside the root. */
  module: string | null;
  isPackageInit: boolean;
  isMigration: boolean;
  /** The Django app the file belongs to. */
  app?: AppInfo;
  /** Every import statement of the file. */
  readonly imports: ImportStatements;
  /** The names the module binds when it runs. */
  readonly bindings: ModuleBindings;
  /** The label `settings.AUTH_USER_MODEL` stands for. */
  userModel: string;
  /** The file's relation-field calls, in document order (found once, shared by the rules). */
  relationFields(): RelationField<PyNode>[];
}

const cache = new WeakMap<PythonSourceCode, PythonFileContext | null>();

/**
 * The repository context for a Python file, shared by every rule linting it. Null when the file
 * is not inside a repository with a products tree; throws a `ConfigurationError` for a bad setting.
 */
export function getPythonFileContext(
  context: Pick<RuleContext, "cwd" | "physicalFilename" | "settings"> & { sourceCode: PythonSourceCode },
): PythonFileContext | null {
  const { sourceCode } = context;
  // Every rule asks for each file: the first asking validated the settings (they are the file's config's).
  const cached = cache.get(sourceCode);
  if (cached !== undefined) return cached;
  const settings = readPluginSettings(context.settings);
  const file = path.resolve(context.cwd, context.physicalFilename);
  const index = getRepoIndex(file, { cwd: context.cwd, settings });
  let result: PythonFileContext | null = null;
  if (index) {
    const relativePath = relativeToRoot(index.root, file);
    let imports: ImportStatements | undefined;
    let bindings: ModuleBindings | undefined;
    let relationFields: RelationField<PyNode>[] | undefined;
    result = {
      index,
      file,
      relativePath,
      module: moduleOfFile(index.root, file),
      isPackageInit: path.basename(file) === "__init__.py",
      isMigration: isMigrationPath(relativePath),
      app: appOfFile(index, file),
      // Read on first use: most rules return early on most files.
      get imports() {
        return (imports ??= collectImports(sourceCode.text, sourceCode.ast));
      },
      get bindings() {
        return (bindings ??= moduleBindings(sourceCode.text, sourceCode.ast, this.imports));
      },
      userModel: settings.authUserModel ?? index.settings.authUserModel?.value ?? DEFAULT_USER_MODEL,
      relationFields: () => (relationFields ??= findRelationFields(sourceCode.text, sourceCode.ast)),
    };
  }
  cache.set(sourceCode, result);
  return result;
}
