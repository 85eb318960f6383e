/**
 * The repository context of a linted `products/<p>/package.json`: the index, the product the
 * file belongs to, and the file's own scripts read from the JSON AST.
 */
import path from "node:path";
import type { DocumentNode } from "@humanwhocodes/momoa";
import { getRepoIndex } from "../../project/index.js";
import type { PluginSettings, ProductInfo, RepoIndex } from "../../project/types.js";
import { readPackageDocument, type PackageJsonDocument } from "./package-document.js";

export interface ProductPackageContext {
  index: RepoIndex;
  product: ProductInfo;
  /** Absolute path of the product folder. */
  productDir: string;
  doc: PackageJsonDocument;
}

interface MinimalContext {
  cwd: string;
  physicalFilename: string;
  settings?: Record<string, unknown>;
  sourceCode: { text: string; ast: unknown };
}

const cache = new WeakMap<object, ProductPackageContext | null>();

/**
 * Null when the file is not `products/<p>/package.json` of a repository the index knows, or
 * when its top level is not an object (nothing to check then).
 */
export function getProductPackageContext(context: MinimalContext): ProductPackageContext | null {
  const key = context.sourceCode as object;
  if (cache.has(key)) return cache.get(key)!;
  const result = compute(context);
  cache.set(key, result);
  return result;
}

function compute(context: MinimalContext): ProductPackageContext | null {
  const file = path.resolve(context.cwd, context.physicalFilename);
  if (path.basename(file) !== "package.json") return null;
  const settings = context.settings?.["posthog-products"] as PluginSettings | undefined;
  const index = getRepoIndex(file, { cwd: context.cwd, settings });
  if (!index) return null;
  const parts = path.relative(index.root, file).split(path.sep);
  if (parts.length !== 3 || parts[0] !== "products") return null;
  const product = index.products.get(parts[1]);
  if (!product) return null;
  const doc = readPackageDocument(context.sourceCode.text, context.sourceCode.ast as DocumentNode);
  if (!doc) return null;
  return { index, product, productDir: path.join(index.root, "products", parts[1]), doc };
}

/** The ESLint location of a `[start, end)` text range of the linted file. */
export function locationOf(
  sourceCode: { getLocFromIndex(index: number): { line: number; column: number } },
  range: [number, number],
): { start: { line: number; column: number }; end: { line: number; column: number } } {
  return { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
}
