import { parseYAML } from "yaml-eslint-parser";
import { readReported } from "./problems.js";
import { readRoutes } from "./routes.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, DbRouting } from "./types.js";

/** Problems that leave every label's database known, as PostHog's loader reads the file: unknown keys, a route given twice the same way. */
const HARMLESS = new Set(["unknown-key", "unknown-top-key", "duplicate"]);

/**
 * Reads `products/db_routing.yaml`. A missing or empty file has no routes. A file that cannot be
 * read as a list of routes (invalid YAML, another shape) is `unreadable`. An invalid entry is
 * skipped; when its `app_label` is known, that label is `invalid`, as is a label routed to two
 * different databases (PostHog's check `posthog.E003`). The problems themselves are reported in
 * the file, by the YAML language and the `valid-db-routing` rule.
 */
export function readDbRouting(tfs: TrackedFs, file: string, problems: ConfigProblem[]): DbRouting {
  const routing: DbRouting = { routes: new Map(), invalidLabels: new Set(), unreadable: false };
  const text = readReported(tfs, file, problems);
  if (text === undefined) {
    routing.unreadable = tfs.isFile(file);
    return routing;
  }
  let read;
  try {
    read = readRoutes(parseYAML(text));
  } catch {
    routing.unreadable = true;
    return routing;
  }
  if (read.failure) {
    routing.unreadable = true;
    return routing;
  }
  for (const problem of read.problems) {
    if (!HARMLESS.has(problem.kind) && problem.label !== undefined) routing.invalidLabels.add(problem.label);
  }
  for (const [label, entry] of read.routes) {
    if (!routing.invalidLabels.has(label)) routing.routes.set(label, { appLabel: label, database: entry.database, line: entry.node.loc.start.line });
  }
  return routing;
}
