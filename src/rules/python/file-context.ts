import path from "node:path";
import type { RuleContext } from "@eslint/core";
import { appOfFile, getRepoIndex, moduleOfFile } from "../../project/index.js";
import { relativeToRoot } from "../../project/problems.js";
import type { AppInfo, PluginSettings, RepoIndex } from "../../project/types.js";
import type { PythonSourceCode } from "../../parsers/python/source-code.js";
import { collectImports, type FileImports } from "./imports.js";

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
  /** The Django app the file belongs to. */
  app?: AppInfo;
  imports: FileImports;
}

const cache = new WeakMap<PythonSourceCode, PythonFileContext | null>();

export function pluginSettings(context: { settings?: Record<string, unknown> }): PluginSettings | undefined {
  return context.settings?.["posthog-products"] as PluginSettings | undefined;
}

/**
 * The repository context for a Python file, shared by every rule linting it.
 * Null when the file is not inside a repository with a `products/` folder.
 */
export function getPythonFileContext(
  context: Pick<RuleContext, "cwd" | "physicalFilename" | "settings"> & { sourceCode: PythonSourceCode },
): PythonFileContext | null {
  const { sourceCode } = context;
  if (cache.has(sourceCode)) return cache.get(sourceCode)!;
  const file = path.resolve(context.cwd, context.physicalFilename);
  const index = getRepoIndex(file, { cwd: context.cwd, settings: pluginSettings(context) });
  let result: PythonFileContext | null = null;
  if (index) {
    const module = moduleOfFile(index.root, file);
    const isPackageInit = path.basename(file) === "__init__.py";
    result = {
      index,
      file,
      relativePath: relativeToRoot(index.root, file),
      module,
      isPackageInit,
      app: appOfFile(index, file),
      imports: collectImports(sourceCode.text, sourceCode.ast, module, isPackageInit),
    };
  }
  cache.set(sourceCode, result);
  return result;
}
