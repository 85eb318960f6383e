import fs from "node:fs";
import path from "node:path";
import { rememberedShellCommands, rememberShellCommands, type ShellCommand } from "../languages/shell/index.js";
import type { BuiltIndex } from "./build-index.js";
import { extractorCodeHash, isSettled, snapshotFile, statsSignature } from "./extractions.js";
import { factsFingerprint, rememberFingerprint } from "./facts.js";
import { decode, encode } from "./memo-codec.js";
import { moduleFactsDigest } from "./python-source.js";
import { hasChanged } from "./staleness.js";
import { TrackedFs, type WatchedPath } from "./tracked-fs.js";
import type { RepoIndex } from "./types.js";

/**
 * The index memo: a built index with its fingerprint and every path its build read, as it saw
 * them, kept beside the index snapshot under the repository's `node_modules/.cache/`. A later run,
 * or each worker of `--concurrency`, takes the index from it when every one of those paths is as
 * the build saw it, or is a models module whose facts are the same (an edit inside a field), and
 * builds it only otherwise. It is derived from the index snapshot as well, so a snapshot written
 * since (by another build) also sets it aside.
 */

const MEMO_FORMAT = 2;

interface Memo {
  format: number;
  code: string;
  root: string;
  snapshot: string | null;
  watched: WatchedPath[];
  index: RepoIndex;
  fingerprint: string;
  /**
   * The test scripts' commands the build handed to `parseShell` (from the index snapshot): handed
   * over again, they spare a run that loads the memo the bash grammar.
   */
  shellCommands: [string, ShellCommand[]][];
}

function memoFile(root: string): string | null {
  const snapshot = snapshotFile(root);
  return snapshot === null ? null : path.join(path.dirname(snapshot), "index-memo.bin");
}

/** The index snapshot's stats signature; null when there is none. */
function snapshotSignature(root: string): string | null {
  const file = snapshotFile(root);
  const stats = file === null ? undefined : fs.statSync(file, { throwIfNoEntry: false });
  return stats ? statsSignature(stats) : null;
}

function write(root: string, index: RepoIndex, watched: readonly WatchedPath[]): void {
  const file = memoFile(root);
  // A build that read something still within the racy window is not kept (see `isSettled`).
  if (file === null || !watched.every((entry) => isSettled(entry.mtimeMs, entry.ctimeMs))) return;
  try {
    const memo: Memo = { format: MEMO_FORMAT, code: extractorCodeHash(), root, snapshot: snapshotSignature(root), watched: [...watched], index, fingerprint: factsFingerprint(index), shellCommands: rememberedShellCommands() };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    fs.writeFileSync(temporary, encode(memo));
    fs.renameSync(temporary, file);
  } catch {
    // A read-only node_modules: the next run builds the index.
  }
}

/** Keeps a fresh build of the index of `root` for later runs (after its index snapshot was saved). */
export function saveIndexMemo(root: string, built: BuiltIndex): void {
  write(root, built.index, built.tfs.watchList());
}

/**
 * The index of `root` from its memo, when what its build read is unchanged (see the module's
 * comment); undefined when there is none or it is out of date.
 */
export function loadIndexMemo(root: string): BuiltIndex | undefined {
  const file = memoFile(root);
  if (file === null) return undefined;
  let memo: Memo;
  try {
    memo = decode(fs.readFileSync(file)) as Memo;
  } catch {
    return undefined;
  }
  if (memo?.format !== MEMO_FORMAT || memo.code !== extractorCodeHash() || memo.root !== root || memo.snapshot !== snapshotSignature(root)) return undefined;
  const tfs = TrackedFs.afterBuild(root, memo.watched);
  let rederived = false;
  const rederive = (target: string): string | undefined => {
    rederived = true;
    return moduleFactsDigest(root, target);
  };
  if (hasChanged(tfs.realRoot, memo.watched, rederive)) return undefined;
  rememberFingerprint(memo.index, memo.fingerprint);
  for (const [script, commands] of memo.shellCommands) rememberShellCommands(script, commands);
  // Models modules that changed to the same facts: their new stats spare the next run reading them.
  if (rederived) write(root, memo.index, memo.watched);
  return { index: memo.index, tfs };
}
