import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from "yaml";
import { configProblem, errorText } from "./problems.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, DbRoute, DbRouting } from "./types.js";

interface Located {
  line: number;
  column: number;
}

/**
 * Reads `products/db_routing.yaml`:
 * ```yaml
 * routes:
 *   - app_label: visual_review
 *     database: visual_review
 *     optional: true   # optional
 * ```
 * A missing or empty file has no routes. A file that cannot be read as a list of routes (invalid
 * YAML, another shape) gives one problem, its `failure`. An invalid entry gives a problem and is
 * skipped, as PostHog's loader skips it; when its `app_label` is known, that label is `invalid`
 * (with the problem), as is a label routed to two different databases (Django's check E003).
 */
export function readDbRouting(tfs: TrackedFs, file: string, problems: ConfigProblem[]): DbRouting {
  const routes = new Map<string, DbRoute>();
  const routing: DbRouting = { routes, invalidLabels: new Map() };
  const text = tfs.readText(file);
  if (text === undefined) return routing;
  const fail = (problem: ConfigProblem): DbRouting => {
    problems.push(problem);
    routing.failure = problem;
    return routing;
  };
  if (text instanceof Error) return fail(configProblem(tfs.root, file, 1, 1, `Cannot read the file: ${errorText(text)}`));
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false });
  } catch (error) {
    return fail(configProblem(tfs.root, file, 1, 1, `Invalid YAML: ${errorText(error)}`));
  }
  const at = (offset: number | undefined): Located => {
    const position = lineCounter.linePos(offset ?? 0);
    return { line: position.line, column: position.col };
  };
  const problemAt = (offset: number | undefined, message: string): ConfigProblem => {
    const { line, column } = at(offset);
    return configProblem(tfs.root, file, line, column, message);
  };

  const firstError = doc.errors[0];
  if (firstError) {
    return fail(problemAt(firstError.pos[0], `Invalid YAML: ${errorText(firstError.message.replace(/ at line \d+, column \d+:?[\s\S]*$/u, ""))}`));
  }

  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  const start = (node: unknown): number | undefined => (node as Node | null | undefined)?.range?.[0];

  const top = resolve(doc.contents);
  if (top === null || top === undefined || (isScalar(top) && (top.value === null || top.value === undefined))) return routing;
  if (!isMap(top)) return fail(problemAt(start(top), "Expected a mapping with a `routes:` list."));
  const routesPair = top.items.find((pair) => isScalar(pair.key) && pair.key.value === "routes");
  if (!routesPair) return routing;
  const list = resolve(routesPair.value);
  if (list === null || list === undefined || (isScalar(list) && (list.value === null || list.value === undefined))) return routing;
  if (!isSeq(list)) {
    return fail(problemAt(start(list) ?? start(routesPair.key), "`routes` must be a list of `{app_label, database, optional?}` entries."));
  }
  const report = (offset: number | undefined, message: string, label?: string): void => {
    const problem = problemAt(offset, message);
    problems.push(problem);
    if (label !== undefined && !routing.invalidLabels.has(label)) routing.invalidLabels.set(label, problem);
  };

  for (const rawItem of list.items) {
    const item = resolve(rawItem);
    if (!isMap(item)) {
      report(start(item), "Each route must be a mapping with `app_label` and `database`.");
      continue;
    }
    const field = (key: string): Pair | undefined => item.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
    const stringField = (key: string, label?: string): string | undefined => {
      const pair = field(key);
      if (!pair) {
        report(start(item), `Route is missing \`${key}\`.`, label);
        return undefined;
      }
      const value = resolve(pair.value);
      if (!isScalar(value) || typeof value.value !== "string" || value.value.trim() === "") {
        report(start(value) ?? start(pair.key), `\`${key}\` must be a non-empty string.`, label);
        return undefined;
      }
      return value.value.trim();
    };
    const appLabel = stringField("app_label");
    const database = stringField("database", appLabel);
    let valid = appLabel !== undefined && database !== undefined;
    const optionalPair = field("optional");
    const optional = optionalPair ? resolve(optionalPair.value) : undefined;
    if (optionalPair && !(isScalar(optional) && typeof optional.value === "boolean")) {
      report(start(optional) ?? start(optionalPair.key), "`optional` must be `true` or `false`.", appLabel);
      valid = false;
    }
    if (!valid) continue;
    const first = routes.get(appLabel!);
    if (first) {
      if (first.database !== database) {
        const where = start(resolve(field("app_label")!.value));
        report(where, `App label "${appLabel}" is routed to two databases ("${first.database}" on line ${first.line}, "${database}" here).`, appLabel);
      }
      continue;
    }
    routes.set(appLabel!, { appLabel: appLabel!, database: database!, line: at(start(item)).line });
  }
  return routing;
}
