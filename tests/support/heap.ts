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

/** A Python file's text of about `megabytes` MB (one string, as a file read from disk is) ending in `lastLine`. */
export function largeFileText(megabytes: number, lastLine: string): string {
  return `${"# a comment line of the file\n".repeat(Math.ceil((megabytes * 1_048_576) / 29))}${lastLine}\n`;
}
