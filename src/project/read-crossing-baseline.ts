import path from "node:path";
import { readReported } from "./problems.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, CrossingBaseline } from "./types.js";

/** hogli's ratchet of model crossings (`bin/hogli product:crossings --write-baseline`). */
export const CROSSING_BASELINE_FILE = "products/model_crossing_uses_baseline.txt";

/** `<target>.<Class> <owner>.<Model>.<field> reverse-accessor(<name>) <count>`, a model named by its product or its app label. */
const REVERSE_ACCESSOR_LINE = /^(\S+)\s+(\S+)\s+reverse-accessor\([^)]*\)\s+\d+\s*$/u;

/**
 * The relation fields hogli's baseline freezes as reverse accessors across a product boundary,
 * as `<owner>.<Model>.<field> <target>.<Class>` keys; null when the file does not exist.
 * Lines of the other kinds (`get_model`, `drives(...)`, `facade-*`) are not read.
 */
export function readCrossingBaseline(tfs: TrackedFs, root: string, problems: ConfigProblem[]): CrossingBaseline | null {
  const file = path.join(root, CROSSING_BASELINE_FILE);
  const text = readReported(tfs, file, problems);
  if (text === undefined) return null;
  const reverseAccessors: string[] = [];
  for (const line of text.split(/\r?\n/u)) {
    const match = REVERSE_ACCESSOR_LINE.exec(line.trim());
    if (match) reverseAccessors.push(crossingKey(match[2]!, match[1]!));
  }
  return { file, reverseAccessors: [...new Set(reverseAccessors)].sort() };
}

/** The baseline key of the field `<owner>.<Model>.<field>` pointing at `<target>.<Class>`. */
export function crossingKey(field: string, target: string): string {
  return `${field} ${target}`;
}
