import v8 from "node:v8";
import { runInNewContext } from "node:vm";

v8.setFlagsFromString("--expose-gc");
/** V8's full collection (a context made after the flag is set has `gc`). */
const collect = runInNewContext("gc") as () => void;

/** The bytes of JavaScript heap that `make` leaves alive once the collector has run, and what it returned. */
export function retainedHeapBytes<T>(make: () => T): { bytes: number; value: T } {
  collect();
  collect();
  const before = process.memoryUsage().heapUsed;
  const value = make();
  collect();
  collect();
  return { bytes: process.memoryUsage().heapUsed - before, value };
}

/**
 * `module` as a rule reads it from `from <module> import ...` in a Python file of about
 * `megabytes` MB: a slice of that file's text, which V8 keeps alive for as long as the slice.
 */
export function moduleReadFromLargeFile(megabytes: number, module: string): string {
  const text = `${"# a comment line of the file\n".repeat(Math.ceil((megabytes * 1_048_576) / 29))}from ${module} import Name\n`;
  return text.slice(text.lastIndexOf("from ") + 5, text.lastIndexOf(" import"));
}
