import path from "node:path";
import { factsFingerprint } from "../project/facts.js";
import { findRepoRoot } from "../project/find-root.js";
import { getRepoIndexForRoot } from "../project/cache.js";

/** `repositoryFingerprint` when ESLint's working directory is not inside a repository with a products tree. */
export const NO_REPOSITORY = "no-repository";

/**
 * The fingerprint of the repository around `cwd` (the nearest ancestor directory, `cwd`
 * included, with a products tree): a hash of the facts the rules read of it, the same on every
 * checkout of the same files. The index built for it is the one the rules then use.
 * {@link NO_REPOSITORY} when there is none. Never throws.
 */
export function repositoryFingerprintFor(cwd: string): string {
  try {
    const root = findRepoRoot(path.join(cwd, "eslint.config.js"), cwd);
    return root === null ? NO_REPOSITORY : factsFingerprint(getRepoIndexForRoot(root));
  } catch {
    return NO_REPOSITORY;
  }
}

/**
 * The value the plugin's configs put in `repositoryFingerprint`: the fingerprint of the repository
 * around `cwd`, computed when ESLint first serializes the config. ESLint hashes the config (as
 * JSON) only for `--cache`, so a run without it never builds the index for the fingerprint; this
 * matters in the main thread of a `--concurrency` run, which lints nothing. The `toJSON` is an own
 * property so that ESLint's merge of settings objects keeps it.
 */
export function lazyRepositoryFingerprint(cwd: string): LazyFingerprint {
  let fingerprint: string | undefined;
  return { toJSON: () => (fingerprint ??= repositoryFingerprintFor(cwd)) };
}

export interface LazyFingerprint {
  toJSON(): string;
}

/** The fingerprint of the repository at `root` (for a config of one's own; see "Cache" in the README). */
export function repoFingerprint(root: string): string {
  return factsFingerprint(getRepoIndexForRoot(path.resolve(root)));
}
