/** The longest a message may be once its data is in: one line of an editor's hover or a CI log. */
const MESSAGE_LIMIT = 160;

const PLACEHOLDER = /\{\{([^{}]+)\}\}/gu;

/** A message template's placeholders, in order (a key once per use), and the length of the text around them. */
interface Template {
  fixedLength: number;
  keys: string[];
  /** The placeholders as written (`{{ name }}`), kept when the data has no such key, as ESLint does. */
  written: string[];
}

const templates = new Map<string, Template>();

function parseTemplate(template: string): Template {
  let parsed = templates.get(template);
  if (!parsed) {
    parsed = { fixedLength: template.length, keys: [], written: [] };
    for (const [whole, key] of template.matchAll(PLACEHOLDER)) {
      parsed.fixedLength -= whole.length;
      parsed.keys.push(key!.trim());
      parsed.written.push(whole);
    }
    templates.set(template, parsed);
  }
  return parsed;
}

/** The length of the message ESLint makes of `template` and `data`, without making it. */
function messageLength(template: Template, data: Record<string, string>): number {
  let length = template.fixedLength;
  for (let i = 0; i < template.keys.length; i++) {
    const key = template.keys[i]!;
    length += Object.hasOwn(data, key) ? data[key]!.length : template.written[i]!.length;
  }
  return length;
}

function shorten(value: string, length: number): string {
  return length >= value.length ? value : `${value.slice(0, Math.max(0, length - 1))}…`;
}

/** The key, among those the message shows, whose value is longest (the first of equals). */
function longestKey(template: Template, data: Record<string, string>): string | undefined {
  let longest: string | undefined;
  for (const key in data) if (template.keys.includes(key) && (longest === undefined || data[key]!.length > data[longest]!.length)) longest = key;
  return longest;
}

/**
 * The data of a message, fitted so that the message is one line of at most {@link MESSAGE_LIMIT}
 * characters: whitespace runs become one space, then the longest values are shortened (with `…`)
 * until it fits. Values are only shortened when the message would be too long.
 */
export function fitData(template: string, data: Record<string, unknown>, limit = MESSAGE_LIMIT): Record<string, string> {
  const fitted: Record<string, string> = {};
  for (const key in data) if (Object.hasOwn(data, key)) fitted[key] = String(data[key]).replace(/\s+/gu, " ");
  const parsed = parseTemplate(template);
  for (let excess = messageLength(parsed, fitted) - limit; excess > 0; excess = messageLength(parsed, fitted) - limit) {
    const longest = longestKey(parsed, fitted);
    if (longest === undefined || fitted[longest]!.length <= 8) break;
    const value = fitted[longest]!;
    // A placeholder may appear several times in the template: shorten by the share of one use.
    const uses = parsed.keys.filter((key) => key === longest).length;
    fitted[longest] = shorten(value, Math.max(8, value.length - Math.ceil(excess / uses)));
  }
  return fitted;
}
