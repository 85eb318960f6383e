import type { AST } from "yaml-eslint-parser";

/** What can be wrong in `products/db_routing.yaml`, entry by entry. */
type RouteProblemKind =
  | "several-documents"
  | "not-a-mapping"
  | "routes-not-a-list"
  | "entry-not-a-mapping"
  | "missing-key"
  | "not-a-string"
  | "optional-not-boolean"
  | "unknown-key"
  | "unknown-top-key"
  | "routed-twice"
  | "duplicate";

export interface RouteProblem {
  kind: RouteProblemKind;
  node: AST.YAMLNode;
  /** The key concerned (`app_label`, `database`, an unknown key). */
  key?: string;
  /** The app label of the entry, when it has a usable one. */
  label?: string;
  /** `routed-twice`/`duplicate`: the database of each entry, and the line of the first one. */
  databases?: [string, string];
  firstLine?: number;
  /** `duplicate`: the second entry, and whether it says exactly what the first says (`optional` too). */
  entry?: AST.YAMLMapping;
  identical?: boolean;
}

interface RouteEntry {
  appLabel: string;
  database: string;
  optional?: boolean;
  node: AST.YAMLNode;
}

export interface Routes {
  /** Valid entries by label; the first one for a label given twice. */
  routes: Map<string, RouteEntry>;
  /** The `app_label` of every entry that has a non-empty string one (valid or not), with its value node. */
  labels: { value: string; node: AST.YAMLNode }[];
  problems: RouteProblem[];
  /** The file is not a list of routes at all (another shape). */
  failure?: RouteProblem;
}

const KEYS = new Set(["app_label", "database", "optional"]);

/** An alias or a tagged/anchored node read as the node it stands for. */
function unwrap(document: AST.YAMLDocument, node: AST.YAMLNode | null): AST.YAMLNode | null {
  let current = node;
  for (let depth = 0; current && depth < 100; depth++) {
    if (current.type === "YAMLWithMeta") current = current.value;
    else if (current.type === "YAMLAlias") current = document.anchors[current.name]?.at(-1)?.parent ?? null;
    else break;
  }
  return current;
}

const isNull = (node: AST.YAMLNode | null): boolean => node === null || (node.type === "YAMLScalar" && node.value === null);

function keyName(pair: AST.YAMLPair): string | undefined {
  return pair.key?.type === "YAMLScalar" && typeof pair.key.value === "string" ? pair.key.value : undefined;
}

/** A `key: "text"` of an entry: its trimmed text and value node, or a problem. */
function stringValue(
  document: AST.YAMLDocument,
  entry: AST.YAMLMapping,
  key: string,
  label: string | undefined,
  problems: RouteProblem[],
): { value: string; node: AST.YAMLNode } | undefined {
  const pair = entry.pairs.find((candidate) => keyName(candidate) === key);
  if (!pair) {
    problems.push({ kind: "missing-key", node: entry, key, ...(label !== undefined ? { label } : {}) });
    return undefined;
  }
  const value = unwrap(document, pair.value);
  if (value?.type !== "YAMLScalar" || typeof value.value !== "string" || value.value.trim() === "") {
    problems.push({ kind: "not-a-string", node: value ?? pair, key, ...(label !== undefined ? { label } : {}) });
    return undefined;
  }
  return { value: value.value.trim(), node: value };
}

/** The keys besides `app_label` and `database`: a problem for each unknown one; `optional` when a boolean. */
function readOtherKeys(document: AST.YAMLDocument, entry: AST.YAMLMapping, label: string | undefined, problems: RouteProblem[]): boolean | undefined {
  let optional: boolean | undefined;
  for (const pair of entry.pairs) {
    const key = keyName(pair);
    if (key === undefined || !KEYS.has(key)) {
      problems.push({ kind: "unknown-key", node: pair, key: key ?? "", ...(label !== undefined ? { label } : {}) });
    } else if (key === "optional") {
      const value = unwrap(document, pair.value);
      if (value?.type === "YAMLScalar" && typeof value.value === "boolean") optional = value.value;
      else problems.push({ kind: "optional-not-boolean", node: value ?? pair, key, ...(label !== undefined ? { label } : {}) });
    }
  }
  return optional;
}

function readEntry(document: AST.YAMLDocument, entry: AST.YAMLMapping, result: Routes): void {
  const label = stringValue(document, entry, "app_label", undefined, result.problems);
  if (label) result.labels.push(label);
  const appLabel = label?.value;
  const database = stringValue(document, entry, "database", appLabel, result.problems)?.value;
  const before = result.problems.length;
  const optional = readOtherKeys(document, entry, appLabel, result.problems);
  const badOptional = result.problems.slice(before).some((problem) => problem.kind === "optional-not-boolean");
  if (appLabel === undefined || database === undefined || badOptional) return;
  const first = result.routes.get(appLabel);
  if (!first) {
    result.routes.set(appLabel, { appLabel, database, ...(optional !== undefined ? { optional } : {}), node: entry });
    return;
  }
  result.problems.push({
    kind: first.database === database ? "duplicate" : "routed-twice",
    node: label!.node,
    label: appLabel,
    databases: [first.database, database],
    firstLine: first.node.loc.start.line,
    entry,
    identical: first.database === database && first.optional === optional,
  });
}

/**
 * The routes of `products/db_routing.yaml` (`routes:` a list of `{app_label, database,
 * optional?}`) and every problem of the file, each at its node. An invalid entry is skipped, as
 * PostHog's loader skips it. Used by the index and by the rule that lints the file.
 */
export function readRoutes(program: AST.YAMLProgram): Routes {
  const result: Routes = { routes: new Map(), labels: [], problems: [] };
  const document = program.body[0];
  if (!document) return result;
  if (program.body.length > 1) {
    // PyYAML's safe_load refuses a stream of several documents.
    result.failure = { kind: "several-documents", node: program.body[1]! };
    return result;
  }
  const top = unwrap(document, document.content);
  if (isNull(top)) return result;
  if (top!.type !== "YAMLMapping") {
    result.failure = { kind: "not-a-mapping", node: top! };
    return result;
  }
  for (const pair of top!.pairs) {
    const key = keyName(pair);
    if (key !== "routes") result.problems.push({ kind: "unknown-top-key", node: pair, key: key ?? "" });
  }
  const routesPair = top!.pairs.find((pair) => keyName(pair) === "routes");
  const list = routesPair ? unwrap(document, routesPair.value) : null;
  if (!routesPair || isNull(list)) return result;
  if (list!.type !== "YAMLSequence") {
    result.failure = { kind: "routes-not-a-list", node: list ?? routesPair };
    return result;
  }
  for (const raw of list!.entries) {
    const entry = unwrap(document, raw);
    if (entry?.type === "YAMLMapping") readEntry(document, entry, result);
    else result.problems.push({ kind: "entry-not-a-mapping", node: entry ?? list! });
  }
  return result;
}
