import type { AST } from "yaml-eslint-parser";

/** What can be wrong in `products/db_routing.yaml`, entry by entry. */
type RouteProblemKind =
  | "not-a-mapping"
  | "routes-not-a-list"
  | "entry-not-a-mapping"
  | "missing-key"
  | "not-a-string"
  | "optional-not-boolean"
  | "unknown-key"
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
}

interface RouteEntry {
  appLabel: string;
  database: string;
  node: AST.YAMLNode;
}

export interface Routes {
  /** Valid entries by label; the first one for a label given twice. */
  routes: Map<string, RouteEntry>;
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

/** A `key: "text"` of an entry: its trimmed text, or a problem. */
function stringValue(document: AST.YAMLDocument, entry: AST.YAMLMapping, key: string, label: string | undefined, problems: RouteProblem[]): string | undefined {
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
  return value.value.trim();
}

function readEntry(document: AST.YAMLDocument, entry: AST.YAMLMapping, result: Routes): void {
  const appLabel = stringValue(document, entry, "app_label", undefined, result.problems);
  const database = stringValue(document, entry, "database", appLabel, result.problems);
  let valid = appLabel !== undefined && database !== undefined;
  for (const pair of entry.pairs) {
    const key = keyName(pair);
    if (key === undefined || !KEYS.has(key)) {
      result.problems.push({ kind: "unknown-key", node: pair, key: key ?? "", ...(appLabel !== undefined ? { label: appLabel } : {}) });
    } else if (key === "optional") {
      const value = unwrap(document, pair.value);
      if (value?.type === "YAMLScalar" && typeof value.value === "boolean") continue;
      result.problems.push({ kind: "optional-not-boolean", node: value ?? pair, key, ...(appLabel !== undefined ? { label: appLabel } : {}) });
      valid = false;
    }
  }
  if (!valid) return;
  const first = result.routes.get(appLabel!);
  if (!first) {
    result.routes.set(appLabel!, { appLabel: appLabel!, database: database!, node: entry });
    return;
  }
  const labelNode = entry.pairs.find((pair) => keyName(pair) === "app_label")!;
  result.problems.push({
    kind: first.database === database ? "duplicate" : "routed-twice",
    node: labelNode.value ?? labelNode,
    label: appLabel!,
    databases: [first.database, database!],
    firstLine: first.node.loc.start.line,
  });
}

/**
 * The routes of `products/db_routing.yaml` (`routes:` a list of `{app_label, database,
 * optional?}`) and every problem of the file, each at its node. An invalid entry is skipped, as
 * PostHog's loader skips it. Used by the index and by the rule that lints the file.
 */
export function readRoutes(program: AST.YAMLProgram): Routes {
  const result: Routes = { routes: new Map(), problems: [] };
  const document = program.body[0];
  if (!document) return result;
  const top = unwrap(document, document.content);
  if (isNull(top)) return result;
  if (top!.type !== "YAMLMapping") {
    result.failure = { kind: "not-a-mapping", node: top! };
    return result;
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
