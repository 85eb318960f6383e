import type { ProductInfo, RepoIndex } from "../project/types.js";
import type { PythonFileContext } from "./python/file-context.js";

/** A product and a file's path inside its folder. */
export interface FileProduct {
  product: ProductInfo;
  inside: string[];
}

/** The product of a file by its path from the repository root (`products/<p>/…`, `/` separators), with the path inside it. */
export function productOf(index: RepoIndex, relativePath: string): FileProduct | undefined {
  if (!relativePath.startsWith("products/")) return undefined;
  const parts = relativePath.split("/");
  const product = parts.length >= 3 ? index.products.get(parts[1]!) : undefined;
  return product ? { product, inside: parts.slice(2) } : undefined;
}

/** The product of each Python file's context, found once for the product rules that lint the file. */
const pythonFileProducts = new WeakMap<PythonFileContext, FileProduct | null>();

/** {@link productOf} a Python file. */
export function productOfPythonFile(file: PythonFileContext): FileProduct | undefined {
  let owner = pythonFileProducts.get(file);
  if (owner === undefined) pythonFileProducts.set(file, (owner = productOf(file.index, file.relativePath) ?? null));
  return owner ?? undefined;
}
