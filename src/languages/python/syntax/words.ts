/**
 * Where a file's text spells the fixed words the syntax layer and the rules look for (`import`,
 * `ForeignKey`, `eslint`...), found for all of them in one search of the text. Each word searched
 * alone costs a pass over the text; a file linted with the recommended rules was searched a dozen
 * times, once per word or list of words.
 *
 * The words are the ones asked for so far in the process: a word asked for the first time joins
 * the search, and the text's occurrences are found again. A caller asking about words that vary
 * from file to file (names of classes, of imports) searches the text itself instead.
 */

/** Every word asked for so far, with the words among them that begin it. */
const words = new Map<string, string[]>();
let pattern: RegExp | undefined;

/** The occurrences of each word in the text searched last. */
let searched: { text: string; occurrences: Map<string, number[]> } | undefined;

function join(word: string): void {
  if (word.length === 0) throw new TypeError("posthog-products: an empty word is never searched for.");
  const prefixes: string[] = [];
  for (const [other, otherPrefixes] of words) {
    if (word.startsWith(other)) prefixes.push(other);
    else if (other.startsWith(word)) otherPrefixes.push(word);
  }
  words.set(word, prefixes);
  // The longest first: at a place where several words begin, the longest is the match (and the words that begin it are recorded with it).
  const alternatives = [...words.keys()].sort((a, b) => b.length - a.length).map((each) => each.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"));
  pattern = new RegExp(alternatives.join("|"), "gu");
  searched = undefined;
}

/** Records an occurrence unless it overlaps the word's previous one (a search word by word moves past each match). */
function record(occurrences: Map<string, number[]>, word: string, at: number): void {
  const list = occurrences.get(word)!;
  const previous = list.at(-1);
  if (previous === undefined || at >= previous + word.length) list.push(at);
}

function search(text: string): Map<string, number[]> {
  const occurrences = new Map<string, number[]>();
  for (const word of words.keys()) occurrences.set(word, []);
  const all = pattern!;
  // From the character after the first of each match: another word may begin inside it. (A
  // character past the Basic Multilingual Plane is two units: the search moves past both.)
  for (let from = 0; ; ) {
    all.lastIndex = from;
    const match = all.exec(text);
    if (!match) break;
    const word = match[0];
    record(occurrences, word, match.index);
    for (const prefix of words.get(word)!) record(occurrences, prefix, match.index);
    from = match.index + (word.codePointAt(0)! > 0xffff ? 2 : 1);
  }
  return occurrences;
}

/**
 * The offsets where `text` spells `word` (as text: inside longer words, strings and comments
 * too), in order; occurrences of the word do not overlap, as a search from the end of each finds
 * them.
 */
export function wordOffsets(text: string, word: string): readonly number[] {
  if (!words.has(word)) join(word);
  if (searched?.text !== text) searched = { text, occurrences: search(text) };
  return searched.occurrences.get(word)!;
}

/** The text spells `word` somewhere. */
export function spellsWord(text: string, word: string): boolean {
  return wordOffsets(text, word).length > 0;
}
