import fs from "node:fs";
import { isInside } from "./confine.js";
import { statOrNull } from "./stat.js";
import { signatureOf, UNREADABLE, type WatchedPath } from "./tracked-fs.js";

function listingSignature(target: string): string {
  try {
    return signatureOf(fs.readdirSync(target, { withFileTypes: true }));
  } catch {
    return UNREADABLE;
  }
}

function realInside(realRoot: string, target: string): boolean {
  // Rare (a missing path that appeared): a plain realpath is fine here.
  try {
    return isInside(realRoot, fs.realpathSync.native(target));
  } catch {
    return false;
  }
}

/**
 * Derives again what the build derived from a file (see {@link WatchedPath.derived}): its digest
 * now, undefined when the file cannot be read.
 */
export type Rederive = (file: string) => string | undefined;

/**
 * True when any watched path changed since it was recorded. `realRoot` is the build's
 * `TrackedFs.realRoot`. With `rederive`, a file the build used only through what it derived from
 * it has not changed when it derives the same (its entry then records its new stats); files are
 * derived again only once every other path is found unchanged (after a checkout, say, the first
 * changed path ends the check before any file is parsed).
 */
export function hasChanged(realRoot: string, watched: readonly WatchedPath[], rederive?: Rederive): boolean {
  const toDeriveAgain: { entry: WatchedPath; stats: fs.Stats }[] = [];
  for (const entry of watched) {
    const stats = statOrNull(entry.path);
    if (!stats) {
      if (entry.kind !== "missing") return true;
      continue;
    }
    if (entry.kind === "missing") {
      // Still missing as far as the index is concerned when it resolves outside the root.
      if (realInside(realRoot, entry.path)) return true;
      continue;
    }
    const kind = stats.isDirectory() ? "dir" : "file";
    if (entry.kind !== kind) return true;
    if (kind === "file") {
      if (stats.mtimeMs === entry.mtimeMs && stats.size === entry.size && stats.ctimeMs === entry.ctimeMs) continue;
      if (!rederive || entry.derived === undefined || entry.textRead) return true;
      toDeriveAgain.push({ entry, stats });
      continue;
    }
    if (entry.listing === undefined || (stats.mtimeMs === entry.mtimeMs && stats.ctimeMs === entry.ctimeMs)) continue;
    // A listed directory whose times moved: stale only if its entries differ.
    const listing = listingSignature(entry.path);
    if (listing !== entry.listing) return true;
    entry.mtimeMs = stats.mtimeMs;
    entry.ctimeMs = stats.ctimeMs;
  }
  for (const { entry, stats } of toDeriveAgain) {
    if (rederive!(entry.path) !== entry.derived) return true;
    entry.mtimeMs = stats.mtimeMs;
    entry.ctimeMs = stats.ctimeMs;
    entry.size = stats.size;
  }
  return false;
}
