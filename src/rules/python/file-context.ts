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

/**
 * A file's context. What it reads of the syntax is read on first use: most rules return early on
 * most files. A class, not an object literal with getters: V8 allocates each such object's accessor
 * pairs in the old generation, and the getters' closures they hold kept every file's source, imports
 * and nodes alive through young-generation collections until the next full one.
 */
class PythonFile implements PythonFileContext {
  readonly module: string | null;
  readonly isPackageInit: boolean;
  readonly isMigration: boolean;
  readonly app: AppInfo | undefined;
  readonly #sourceCode: PythonSourceCode;
  #imports: ImportStatements | undefined;
  #bindings: ModuleBindings | undefined;
  #relationFields: RelationField<PyNode>[] | undefined;

  constructor(
    readonly index: RepoIndex,
    readonly file: string,
    readonly relativePath: string,
    readonly userModel: string,
    sourceCode: PythonSourceCode,
  ) {
    this.module = moduleOfFile(index.root, file);
    this.isPackageInit = path.basename(file) === "__init__.py";
    this.isMigration = isMigrationPath(relativePath);
    this.app = appOfFile(index, file);
    this.#sourceCode = sourceCode;
  }

  get imports(): ImportStatements {
    return (this.#imports ??= collectImports(this.#sourceCode.text, this.#sourceCode.ast));
  }

  get bindings(): ModuleBindings {
    return (this.#bindings ??= moduleBindings(this.#sourceCode.text, this.#sourceCode.ast, this.imports));
  }

  relationFields(): RelationField<PyNode>[] {
    return (this.#relationFields ??= findRelationFields(this.#sourceCode.text, this.#sourceCode.ast));
  }
}

/**
 * The context of the file linted last: ESLint runs every rule of a file before it parses the next,
 * so one entry serves them all. Not a WeakMap keyed by the source code: ESLint keeps each file's
 * source code reachable until V8's next full collection, and a WeakMap's value that reaches its key
 * is copied through every young-generation collection until then, and so moved to the old one.
 */
let last: { sourceCode: PythonSourceCode; context: PythonFileContext | null } | undefined;

/**
 * The repository context for a Python file, shared by every rule linting it. Null when the file
 * is not inside a repository with a products tree; throws a `ConfigurationError` for a bad setting.
 */
export function getPythonFileContext(
  context: Pick<RuleContext, "cwd" | "physicalFilename" | "settings"> & { sourceCode: PythonSourceCode },
): PythonFileContext | null {
  const { sourceCode } = context;
  // Every rule asks for each file: the first asking validated the settings (they are the file's config's).
  if (last?.sourceCode === sourceCode) return last.context;
  const settings = readPluginSettings(context.settings);
  const file = path.resolve(context.cwd, context.physicalFilename);
  const index = getRepoIndex(file, { cwd: context.cwd, settings });
  let result: PythonFileContext | null = null;
  if (index) {
    const userModel = settings.authUserModel ?? index.settings.authUserModel?.value ?? DEFAULT_USER_MODEL;
    result = new PythonFile(index, file, relativeToRoot(index.root, file), userModel, sourceCode);
  }
  last = { sourceCode, context: result };
  return result;
}
