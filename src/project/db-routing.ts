import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from "yaml";
import { configProblem, errorText } from "./problems.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, DbRoute } from "./types.js";

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
 * A missing or empty file has no routes. Invalid YAML gives one problem and no routes; a wrong
 * shape gives a problem per offending entry, and the valid entries are still used.
 */
export function readDbRouting(tfs: TrackedFs, file: string, problems: ConfigProblem[]): Map<string, DbRoute> {
  const routes = new Map<string, DbRoute>();
  const text = tfs.readText(file);
  if (text === undefined) return routes;
  if (text instanceof Error) {
    problems.push(configProblem(tfs.root, file, 1, 1, `Cannot read the file: ${errorText(text)}`));
    return routes;
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false });
  } catch (error) {
    problems.push(configProblem(tfs.root, file, 1, 1, `Invalid YAML: ${errorText(error)}`));
    return routes;
  }
  const at = (offset: number | undefined): Located => {
    const position = lineCounter.linePos(offset ?? 0);
    return { line: position.line, column: position.col };
  };
  const report = (offset: number | undefined, message: string): void => {
    const { line, column } = at(offset);
    problems.push(configProblem(tfs.root, file, line, column, message));
  };

  const firstError = doc.errors[0];
  if (firstError) {
    report(firstError.pos[0], `Invalid YAML: ${errorText(firstError.message.replace(/ at line \d+, column \d+:?[\s\S]*$/u, ""))}`);
    return routes;
  }

  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  const start = (node: unknown): number | undefined => (node as Node | null | undefined)?.range?.[0];

  const top = resolve(doc.contents);
  if (top === null || top === undefined || (isScalar(top) && (top.value === null || top.value === undefined))) return routes;
  if (!isMap(top)) {
    report(start(top), "Expected a mapping with a `routes:` list.");
    return routes;
  }
  const routesPair = top.items.find((pair) => isScalar(pair.key) && pair.key.value === "routes");
  if (!routesPair) return routes;
  const list = resolve(routesPair.value);
  if (list === null || list === undefined || (isScalar(list) && (list.value === null || list.value === undefined))) return routes;
  if (!isSeq(list)) {
    report(start(list) ?? start(routesPair.key), "`routes` must be a list of `{app_label, database, optional?}` entries.");
    return routes;
  }

  for (const rawItem of list.items) {
    const item = resolve(rawItem);
    if (!isMap(item)) {
      report(start(item), "Each route must be a mapping with `app_label` and `database`.");
      continue;
    }
    const field = (key: string): Pair | undefined => item.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
    const stringField = (key: string): string | undefined => {
      const pair = field(key);
      if (!pair) {
        report(start(item), `Route is missing \`${key}\`.`);
        return undefined;
      }
      const value = resolve(pair.value);
      if (!isScalar(value) || typeof value.value !== "string" || value.value === "") {
        report(start(value) ?? start(pair.key), `\`${key}\` must be a non-empty string.`);
        return undefined;
      }
      return value.value;
    };
    const appLabel = stringField("app_label");
    const database = stringField("database");
    let optional = false;
    let valid = appLabel !== undefined && database !== undefined;
    const optionalPair = field("optional");
    if (optionalPair) {
      const value = resolve(optionalPair.value);
      if (isScalar(value) && typeof value.value === "boolean") optional = value.value;
      else {
        report(start(value) ?? start(optionalPair.key), "`optional` must be `true` or `false`.");
        valid = false;
      }
    }
    if (!valid) continue;
    if (routes.has(appLabel!)) {
      const first = routes.get(appLabel!)!;
      report(start(resolve(field("app_label")!.value)), `Duplicate route for app label "${appLabel}" (first defined on line ${first.line}).`);
      continue;
    }
    routes.set(appLabel!, { appLabel: appLabel!, database: database!, optional, line: at(start(item)).line });
  }
  return routes;
}
