/**
 * hogli's reading of tach.toml's patterns (isolation.py): backslashes are ignored in every
 * comparison (`backend\\.facade`, `backend\.facade` and `backend.facade` are one pattern).
 */
import type { RepoIndex, TachInterface } from "../../project/types.js";

/** Public-surface prefixes of an expose pattern. */
const PUBLIC_SURFACE = ["backend.facade", "backend.presentation", "backend.routes"];

const ALTERNATION = /^products\.\(([^)]+)\)$/u;
const SINGLE = /^products\.([A-Za-z0-9_]+)$/u;

function withoutBackslashes(pattern: string): string {
  return pattern.replace(/\\/gu, "");
}

/** The pattern exposes the facade, the presentation or the routes (the product's public surface). */
function isPublicSurface(pattern: string): boolean {
  const normalized = withoutBackslashes(pattern);
  return PUBLIC_SURFACE.some((prefix) => normalized.startsWith(prefix));
}

/** The products a `from` pattern names: `products.<p>` or the alternation `products\.(a|b)`; none otherwise. */
export function namesFromPattern(pattern: string): Set<string> {
  const normalized = withoutBackslashes(pattern);
  const alternation = ALTERNATION.exec(normalized);
  if (alternation) return new Set(alternation[1]!.split("|").map((name) => name.trim()).filter(Boolean));
  const single = SINGLE.exec(normalized);
  return new Set(single ? [single[1]!] : []);
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
  const module = `products.${product}`;
  for (const block of index.tach.interfaces) {
    if (block.from.length !== 1 || withoutBackslashes(block.from[0]!) !== module || block.permanent) continue;
    const position = block.expose.findIndex((pattern) => !isPublicSurface(pattern));
    if (position !== -1) return { interface: block, pattern: block.expose[position]!, line: block.exposeLines[position] ?? block.line };
  }
  return null;
}

/**
 * hogli's `has_tach_interface`: the product's `[[modules]]` block declares interfaces (its text
 * mentions them), or an `[[interfaces]]` block's `from` names the product.
 */
export function hasTachInterface(index: RepoIndex, product: string): boolean {
  if (index.tach.modules.some((module) => module.path === `products.${product}` && module.mentionsInterfaces)) return true;
  return index.tach.interfaces.some((block) => block.from.some((pattern) => namesFromPattern(pattern).has(product)));
}

/**
 * hogli's permanent exposures of a product: the non-public expose patterns of its blocks marked
 * `isolation:permanent-interface`, without backslashes or a trailing `.*` (`backend.sql`).
 */
export function permanentModules(index: RepoIndex, product: string): string[] {
  const module = `products.${product}`;
  const modules = new Set<string>();
  for (const block of index.tach.interfaces) {
    if (!block.permanent || block.from.length !== 1 || withoutBackslashes(block.from[0]!) !== module) continue;
    for (const pattern of block.expose) if (!isPublicSurface(pattern)) modules.add(withoutBackslashes(pattern).replace(/\.\*$/u, ""));
  }
  return [...modules].sort();
}
