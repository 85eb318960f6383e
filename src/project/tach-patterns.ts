/**
 * hogli's reading of tach.toml patterns (`isolation.py`): every comparison first removes all
 * backslashes, so `products\\.x` on disk, `products\.x` and `products.x` are the same pattern.
 */

/** Public-surface prefixes of an expose pattern. */
const PUBLIC_SURFACE = ["backend.facade", "backend.presentation", "backend.routes"];

const ALTERNATION = /^products\.\(([^)]+)\)$/u;
const SINGLE = /^products\.([A-Za-z0-9_]+)$/u;

/** The pattern with every backslash removed. */
export function normalizePattern(pattern: string): string {
  return pattern.replace(/\\/gu, "");
}

/** An expose pattern of the facade, presentation or routes modules. */
export function isPublicSurface(pattern: string): boolean {
  const normalized = normalizePattern(pattern);
  return PUBLIC_SURFACE.some((prefix) => normalized.startsWith(prefix));
}

/** The product names of a `products\.(a|b|c)` alternation, in written order; null for another pattern. */
export function alternationNames(pattern: string): string[] | null {
  const match = ALTERNATION.exec(normalizePattern(pattern));
  return match ? match[1]!.split("|").map((name) => name.trim()) : null;
}

/**
 * hogli's `names_from_pattern`: the products a `from` pattern names (`products.<name>` or the
 * alternation `products\.(a|b)`), or the empty set for any other pattern.
 */
export function namesFromPattern(pattern: string): Set<string> {
  const names = alternationNames(pattern);
  if (names) return new Set(names);
  const single = SINGLE.exec(normalizePattern(pattern));
  return new Set(single ? [single[1]!] : []);
}

interface InterfaceBlock {
  from: readonly string[];
  expose: readonly string[];
  permanent: boolean;
}

/**
 * The expose patterns by which a block leaks the internals of `products.<product>`: the block
 * is not marked permanent, its `from` is exactly `["products.<product>"]`, and it exposes
 * patterns outside the public surface (hogli's `has_legacy_interface_leaks`). Empty otherwise.
 */
export function leakedPatterns(block: InterfaceBlock, product: string): string[] {
  if (block.permanent || block.from.length !== 1 || normalizePattern(block.from[0]!) !== `products.${product}`) return [];
  return block.expose.filter((pattern) => !isPublicSurface(pattern));
}

/** The product a block's `from` names alone (`["products.<name>"]`), if any. */
export function soleProduct(block: { from: readonly string[] }): string | undefined {
  if (block.from.length !== 1) return undefined;
  return SINGLE.exec(normalizePattern(block.from[0]!))?.[1];
}

/**
 * hogli's `has_tach_interface`: the product's `[[modules]]` block declares interfaces of its own,
 * or some `[[interfaces]]` block's `from` names it.
 */
export function hasTachInterface(
  tach: { modules: readonly { path: string; hasInterfaces: boolean }[]; interfaces: readonly { from: readonly string[] }[] },
  product: string,
): boolean {
  if (tach.modules.some((module) => module.path === `products.${product}` && module.hasInterfaces)) return true;
  return tach.interfaces.some((block) => block.from.some((pattern) => namesFromPattern(pattern).has(product)));
}
