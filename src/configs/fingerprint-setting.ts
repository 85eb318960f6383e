import path from "node:path";
import { findRepoRoot } from "../project/find-root.js";
import { repoFingerprint } from "../project/fingerprint.js";

/** `repositoryFingerprint` when ESLint's working directory is not inside a repository with a products tree. */
export const NO_REPOSITORY = "no-repository";

/**
 * The fingerprint of the repository around `cwd` (the nearest ancestor directory, `cwd`
 * included, with a products tree): a hash of what the rules read of it, the same on every
 * checkout of the same files. {@link NO_REPOSITORY} when there is none. Never throws.
 */
export function repositoryFingerprintFor(cwd: string): string {
  try {
    const root = findRepoRoot(path.join(cwd, "eslint.config.js"), cwd);
    return root === null ? NO_REPOSITORY : repoFingerprint(root, { content: true });
  } catch {
    return NO_REPOSITORY;
  }
}
