import { parseYAML } from "yaml-eslint-parser";
import { configProblem, errorText } from "./problems.js";
import { readRoutes, type RouteProblem } from "./routes.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, DbRouting } from "./types.js";

/** A parse error of yaml-eslint-parser: 1-based line, 0-based column. */
interface YamlParseError {
  message: string;
  lineNumber?: number;
  column?: number;
}

/** The index's text of a route problem (the rule that lints the file words them its own way). */
function routeProblemText(problem: RouteProblem): string {
  switch (problem.kind) {
    case "not-a-mapping":
      return "Expected a mapping with a `routes:` list.";
    case "routes-not-a-list":
      return "`routes` must be a list of `{app_label, database, optional?}` entries.";
    case "entry-not-a-mapping":
      return "Each route must be a mapping with `app_label` and `database`.";
    case "missing-key":
      return `Route is missing \`${problem.key}\`.`;
    case "not-a-string":
      return `\`${problem.key}\` must be a non-empty string.`;
    case "optional-not-boolean":
      return "`optional` must be `true` or `false`.";
    case "routed-twice":
      return `App label "${problem.label}" is routed to two databases ("${problem.databases![0]}" on line ${problem.firstLine}, "${problem.databases![1]}" here).`;
    default:
      return `Unknown key \`${problem.key}\` in a route.`;
  }
}

/** Problems the index keeps: PostHog's loader ignores unknown keys and a route given twice the same way. */
const IGNORED: ReadonlySet<RouteProblem["kind"]> = new Set(["unknown-key", "duplicate"]);

/**
 * Reads `products/db_routing.yaml`. A missing or empty file has no routes. A file that cannot be
 * read as a list of routes (invalid YAML, another shape) gives one problem, its `failure`. An
 * invalid entry gives a problem and is skipped; when its `app_label` is known, that label is
 * `invalid` (with the problem), as is a label routed to two different databases (Django's E003).
 */
export function readDbRouting(tfs: TrackedFs, file: string, problems: ConfigProblem[]): DbRouting {
  const routing: DbRouting = { routes: new Map(), invalidLabels: new Map() };
  const text = tfs.readText(file);
  if (text === undefined) return routing;
  const fail = (problem: ConfigProblem): DbRouting => {
    problems.push(problem);
    routing.failure = problem;
    return routing;
  };
  if (text instanceof Error) return fail(configProblem(tfs.root, file, 1, 1, `Cannot read the file: ${errorText(text)}`));
  let read;
  try {
    read = readRoutes(parseYAML(text));
  } catch (error) {
    const { lineNumber, column } = error as YamlParseError;
    return fail(configProblem(tfs.root, file, lineNumber ?? 1, (column ?? 0) + 1, `Invalid YAML: ${errorText(error)}`));
  }
  const at = (problem: RouteProblem): ConfigProblem =>
    configProblem(tfs.root, file, problem.node.loc.start.line, problem.node.loc.start.column + 1, routeProblemText(problem));
  if (read.failure) return fail(at(read.failure));
  for (const problem of read.problems) {
    if (IGNORED.has(problem.kind)) continue;
    const converted = at(problem);
    problems.push(converted);
    if (problem.label !== undefined && !routing.invalidLabels.has(problem.label)) routing.invalidLabels.set(problem.label, converted);
  }
  for (const [label, entry] of read.routes) routing.routes.set(label, { appLabel: label, database: entry.database, line: entry.node.loc.start.line });
  return routing;
}
