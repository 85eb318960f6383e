/**
 * hogli's reading of tach.toml's patterns (isolation.py): backslashes are ignored in every
 * comparison (`products\\.x` on disk, `products\.x` and `products.x` are one pattern). Used on
 * the index's blocks and on the blocks of a tach.toml being linted.
 */
import type { RepoIndex, TachInterface } from "../../project/types.js";

/** Public-surface prefixes of an expose pattern. */
const PUBLIC_SURFACE = ["backend.facade", "backend.presentation", "backend.routes"];

const ALTERNATION = /^products\.\(([^)]+)\)$/u;
const SINGLE = /^products\.([A-Za-z0-9_]+)$/u;

/** The pattern with every backslash removed. */
export function normalizePattern(pattern: string): string {
  return pattern.replace(/\\/gu, "");
}

/** The pattern exposes the facade, the presentation or the routes (the product's public surface). */
export function isPublicSurface(pattern: string): boolean {
  const normalized = normalizePattern(pattern);
  return PUBLIC_SURFACE.some((prefix) => normalized.startsWith(prefix));
}

/** The product names of a `products\.(a|b|c)` alternation, trimmed, in written order; null for another pattern. */
export function alternationNames(pattern: string): string[] | null {
  const match = ALTERNATION.exec(normalizePattern(pattern));
  return match ? match[1]!.split("|").map((name) => name.trim()) : null;
}

/** hogli's `names_from_pattern`: the products a `from` pattern names (`products.<p>` or the alternation `products\.(a|b)`); none otherwise. */
export function namesFromPattern(pattern: string): Set<string> {
  const names = alternationNames(pattern);
  if (names) return new Set(names.filter(Boolean));
  const single = SINGLE.exec(normalizePattern(pattern));
  return new Set(single ? [single[1]!] : []);
}

interface InterfaceBlock {
  from: readonly string[];
  expose: readonly string[];
  permanent: boolean;
}

/** The product a block's `from` names alone (`["products.<name>"]`), if any. */
export function soleProduct(block: { from: readonly string[] }): string | undefined {
  if (block.from.length !== 1) return undefined;
  return SINGLE.exec(normalizePattern(block.from[0]!))?.[1];
}

/** The block's `from` is exactly `["products.<product>"]` (backslashes ignored). */
const fromIsOnly = (block: { from: readonly string[] }, product: string): boolean => block.from.length === 1 && normalizePattern(block.from[0]!) === `products.${product}`;

/**
 * The expose patterns by which a block leaks the internals of `products.<product>`: the block
 * is not marked permanent, its `from` is exactly `["products.<product>"]`, and it exposes
 * patterns outside the public surface (hogli's `has_legacy_interface_leaks`). Empty otherwise.
 */
export function leakedPatterns(block: InterfaceBlock, product: string): string[] {
  if (block.permanent || !fromIsOnly(block, product)) return [];
  return block.expose.filter((pattern) => !isPublicSurface(pattern));
}

export interface LegacyLeak {
  interface: TachInterface;
  pattern: string;
  line: number;
}

/**
 * The first `[[interfaces]]` block whose `from` is exactly `["products.<p>"]` and that exposes a
 * pattern outside the public surface: core still imports the product's internals. Blocks marked
 * `isolation:permanent-interface` are exempt.
 */
export function findLegacyLeak(index: RepoIndex, product: string): LegacyLeak | null {
  for (const block of index.tach.interfaces) {
    const [pattern] = leakedPatterns(block, product);
    if (pattern !== undefined) return { interface: block, pattern, line: block.exposeLines[block.expose.indexOf(pattern)] ?? block.line };
  }
  return null;
}

/**
 * hogli's `has_tach_interface`: the product's `[[modules]]` block declares interfaces (a non-empty
 * `interfaces` key; hogli's text search would also count an `[[interfaces]]` block placed after
 * it, before the next `[[modules]]`), or an `[[interfaces]]` block's `from` names the product.
 */
export function hasTachInterface(
  tach: { modules: readonly { path: string; hasInterfaces: boolean }[]; interfaces: readonly { from: readonly string[] }[] },
  product: string,
): boolean {
  if (tach.modules.some((module) => module.path === `products.${product}` && module.hasInterfaces)) return true;
  return tach.interfaces.some((block) => block.from.some((pattern) => namesFromPattern(pattern).has(product)));
}

/**
 * hogli's permanent exposures of a product: the non-public expose patterns of its blocks marked
 * `isolation:permanent-interface`, without backslashes or a trailing `.*` (`backend.sql`).
 */
export function permanentModules(index: RepoIndex, product: string): string[] {
  const modules = new Set<string>();
  for (const block of index.tach.interfaces) {
    if (!block.permanent || !fromIsOnly(block, product)) continue;
    for (const pattern of block.expose) if (!isPublicSurface(pattern)) modules.add(normalizePattern(pattern).replace(/\.\*$/u, ""));
  }
  return [...modules].sort();
}

