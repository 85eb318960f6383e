import fs from "node:fs";

/** Stats without throwing (ELOOP, EACCES, ENOENT, ENOTDIR... are all "unavailable"). */
export function statOrNull(target: string): fs.Stats | null {
  try {
    return fs.statSync(target, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}
