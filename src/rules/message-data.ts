/** The longest a message may be once its data is in: one line of an editor's hover or a CI log. */
const MESSAGE_LIMIT = 160;

const PLACEHOLDER = /\{\{([^{}]+)\}\}/gu;

/** ESLint's interpolation of `{{ name }}` placeholders. */
function interpolate(template: string, data: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => (Object.hasOwn(data, key.trim()) ? String(data[key.trim()]) : whole));
}

const placeholderCounts = new Map<string, number>();

function placeholderCount(template: string): number {
  let count = placeholderCounts.get(template);
  if (count === undefined) placeholderCounts.set(template, (count = template.match(PLACEHOLDER)?.length ?? 0));
  return count;
}

function shorten(value: string, length: number): string {
  return length >= value.length ? value : `${value.slice(0, Math.max(0, length - 1))}…`;
}

/**
 * The data of a message, fitted so that the message is one line of at most {@link MESSAGE_LIMIT}
 * characters: whitespace runs become one space, then the longest values are shortened (with `…`)
 * until it fits. Values are only shortened when the message would be too long.
 */
export function fitData(template: string, data: Record<string, unknown>, limit = MESSAGE_LIMIT): Record<string, string> {
  const fitted: Record<string, string> = {};
  let longest = 0;
  for (const [key, value] of Object.entries(data)) {
    fitted[key] = String(value).replace(/\s+/gu, " ");
    longest = Math.max(longest, fitted[key].length);
  }
  // Fits even if every placeholder took the longest value: the common case, with no interpolation.
  if (template.length + placeholderCount(template) * longest <= limit) return fitted;
  for (let excess = interpolate(template, fitted).length - limit; excess > 0; excess = interpolate(template, fitted).length - limit) {
    const longest = Object.keys(fitted).reduce((a, b) => (fitted[b]!.length > fitted[a]!.length ? b : a), Object.keys(fitted)[0]!);
    const value = fitted[longest]!;
    if (value.length <= 8) break;
    // A placeholder may appear several times in the template: shorten by the share of one use.
    const uses = Math.max(1, template.split(/\{\{\s*/u).filter((part) => part.startsWith(longest)).length);
    fitted[longest] = shorten(value, Math.max(8, value.length - Math.ceil(excess / uses)));
  }
  return fitted;
}
