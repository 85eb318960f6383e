/**
 * tach's interface semantics (tach 0.30, `src/interfaces/compiled.rs`, `src/checks/interface.rs`),
 * on the plain data the index reads from `tach.toml`: how `expose` and `from` patterns match, which
 * declared module owns an import path, the member an import reaches, and which interfaces apply.
 */

import { isWithinModule } from "../languages/python/syntax/index.js";

/** The fields of an `[[interfaces]]` block that decide what it exposes to whom. */
export interface TachInterfaceRule {
  /** `from` patterns as tach reads them: `[".*"]` when the key is missing. */
  fromPatterns: string[];
  expose: string[];
  /** Importer module paths it is visible to (exact strings); undefined: visible to all. */
  visibility?: string[];
  exclusive: boolean;
  dataTypes: "all" | "primitive";
}

/** Rust regex syntax that JavaScript spells differently: named groups `(?P<name>...)`. */
function toJavaScriptSyntax(pattern: string): string {
  return pattern.replace(/\(\?P</gu, "(?<");
}

/**
 * The regex source tach compiles for a pattern: `^<pattern>$`, the pattern pasted in as text (no
 * group around it). So the match is whole-string, except that a top-level alternation escapes
 * the anchors: `a|b` compiles to `^a|b$`, "starts with a or ends with b".
 */
export function tachRegexSource(pattern: string): string {
  return `^${toJavaScriptSyntax(pattern)}$`;
}

const compiled = new Map<string, RegExp | Error>();

function compile(pattern: string): RegExp | Error {
  let regex = compiled.get(pattern);
  if (regex) return regex;
  const source = tachRegexSource(pattern);
  try {
    regex = new RegExp(source, "u");
  } catch {
    try {
      // Rust accepts escapes of any punctuation (`\-`, `\_`), which only non-Unicode mode allows.
      regex = new RegExp(source);
    } catch (error) {
      regex = error instanceof Error ? error : new Error(String(error));
    }
  }
  compiled.set(pattern, regex);
  return regex;
}

/** Why tach cannot compile the pattern (it stops with an error), or undefined when it is valid. */
export function tachPatternError(pattern: string): string | undefined {
  const regex = compile(pattern);
  return regex instanceof Error ? regex.message.replace(/^Invalid regular expression: /u, "") : undefined;
}

/** The pattern matches `value` as tach matches it; an invalid pattern matches nothing. */
export function tachPatternMatches(pattern: string, value: string): boolean {
  const regex = compile(pattern);
  return !(regex instanceof Error) && regex.test(value);
}

/**
 * tach's `find_nearest`: the deepest declared module that is `path` or a prefix of it at a dot
 * boundary; undefined when none is (tach then counts it as `<root>`).
 */
export function nearestTachModule(modulePaths: readonly string[], path: string): string | undefined {
  let best: string | undefined;
  for (const module of modulePaths) {
    if (module !== "<root>" && isWithinModule(path, module) && (best === undefined || module.length > best.length)) best = module;
  }
  return best;
}

/** The import path relative to its module (`backend.facade.api` for `products.x` and `products.x.backend.facade.api`); `""` for the module itself. */
export function tachMember(dependency: string, module: string): string {
  return dependency.startsWith(`${module}.`) ? dependency.slice(module.length + 1) : "";
}

/**
 * The interfaces that apply to an import of `definitionModule` from `usageModule`, in declaration
 * order: those whose `from` matches the module and that are visible to the importer; the first
 * exclusive one among them, alone, when there is one.
 */
export function visibleInterfaces<Interface extends TachInterfaceRule>(interfaces: readonly Interface[], definitionModule: string, usageModule: string): Interface[] {
  const result: Interface[] = [];
  for (const block of interfaces) {
    if (!block.fromPatterns.some((pattern) => tachPatternMatches(pattern, definitionModule))) continue;
    if (block.visibility && !block.visibility.includes(usageModule)) continue;
    if (block.exclusive) return [block];
    result.push(block);
  }
  return result;
}

/** The first interface among `interfaces` whose `expose` matches `member`. */
export function exposingInterface<Interface extends TachInterfaceRule>(interfaces: readonly Interface[], member: string): Interface | undefined {
  return interfaces.find((block) => block.expose.some((pattern) => tachPatternMatches(pattern, member)));
}

/** The `data_types` of a top-level member of a module: the first interface of the module (declaration order) whose expose matches it. */
export function memberDataTypes(interfaces: readonly TachInterfaceRule[], module: string, member: string): TachInterfaceRule["dataTypes"] {
  for (const block of interfaces) {
    if (!block.fromPatterns.some((pattern) => tachPatternMatches(pattern, module))) continue;
    if (block.expose.some((pattern) => tachPatternMatches(pattern, member))) return block.dataTypes;
  }
  return "all";
}

/** tach's primitive types for `data_types = "primitive"` (an annotation's simple name or string). */
export const PRIMITIVE_TYPES: ReadonlySet<string> = new Set(["int", "str", "bool", "float", "list", "dict", "tuple"]);
