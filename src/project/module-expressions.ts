/**
 * import-linter's module expressions (grimp's `module_expressions.rs`): `*` stands for one module
 * name, `**` for one or more, `[...]` is an optional fragment (`a.b[.**]` is `a.b` or `a.b.**`).
 * `*` next to `**`, a partial wildcard (`foo*`) and empty names are invalid.
 */

const EXPRESSION = /^(?:\w+|\*{1,2})(?:\.(?:\w+|\*{1,2}))*$/u;
const OPTIONAL_FRAGMENT = /\[([^[\]]*)\]/u;

/** Every expression an optional fragment stands for (`a[.b]` → `a`, `a.b`). */
function expandOptionalFragments(expression: string): string[] {
  const match = OPTIONAL_FRAGMENT.exec(expression);
  if (!match) return [expression];
  const before = expression.slice(0, match.index);
  const after = expression.slice(match.index + match[0].length);
  return [...expandOptionalFragments(before + after), ...expandOptionalFragments(before + match[1]! + after)];
}

function isValid(expanded: string): boolean {
  if (!EXPRESSION.test(expanded)) return false;
  const parts = expanded.split(".");
  return parts.every((part, i) => i === 0 || !(part.startsWith("*") && parts[i - 1]!.startsWith("*") && (part === "**" || parts[i - 1] === "**")));
}

function patternOf(expanded: string): RegExp {
  const parts = expanded.split(".").map((part) => (part === "*" ? "[^.]+" : part === "**" ? "[^.]+(?:\\.[^.]+)*?" : part));
  return new RegExp(`^${parts.join("\\.")}$`, "u");
}

const compiled = new Map<string, RegExp[] | null>();

function compile(expression: string): RegExp[] | null {
  let patterns = compiled.get(expression);
  if (patterns !== undefined) return patterns;
  const expanded = expandOptionalFragments(expression);
  patterns = expanded.every(isValid) ? expanded.map(patternOf) : null;
  compiled.set(expression, patterns);
  return patterns;
}

export function isValidModuleExpression(expression: string): boolean {
  return compile(expression) !== null;
}

/** The expression matches the module name (an invalid expression matches nothing). */
export function moduleExpressionMatches(expression: string, module: string): boolean {
  return compile(expression)?.some((pattern) => pattern.test(module)) ?? false;
}

/**
 * The outermost package of `module` (or the module itself) that the expression matches: the
 * module the expression stands for when its descendants count too (import-linter's `as_packages`).
 */
export function matchingPackage(expression: string, module: string): string | undefined {
  const parts = module.split(".");
  for (let length = 1; length <= parts.length; length++) {
    const candidate = parts.slice(0, length).join(".");
    if (moduleExpressionMatches(expression, candidate)) return candidate;
  }
  return undefined;
}

/** `module` or one of its ancestor packages matches the expression. */
export function moduleExpressionContains(expression: string, module: string): boolean {
  return matchingPackage(expression, module) !== undefined;
}
