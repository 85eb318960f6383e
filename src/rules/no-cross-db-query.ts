import type { PyNode } from "../languages/python/ast.js";
import { childNodes, dottedName, findCallsNamed, isInsideError, lastComponent, stringValue, textOf, type SyntaxNode } from "../languages/python/syntax/index.js";
import type { ModelInfo, RepoIndex } from "../project/types.js";
import { databaseOf, DEFAULT_DATABASE } from "./python/databases.js";
import type { PythonFileContext } from "./python/file-context.js";
import { resolveClassReference } from "./python/model-reference.js";
import { relationHop, relationSegmentNames, type RelationHop } from "./python/model-relations.js";
import { definePythonRule } from "./define-rule.js";

type MessageIds = "crossDatabaseJoin" | "crossDatabasePrefetch";

const RULE_NAME = "no-cross-db-query";

/** How a method reads its lookup paths. */
type Mode = "select" | "prefetch" | "lookup";

const CHECKED: Readonly<Record<string, Mode>> = {
  select_related: "select",
  prefetch_related: "prefetch",
  filter: "lookup",
  exclude: "lookup",
  get: "lookup",
  order_by: "lookup",
  values: "lookup",
  values_list: "lookup",
};

/** Queryset methods that return a queryset of the same model (the chain is followed through them). */
const CHAINED = new Set([...Object.keys(CHECKED).filter((method) => method !== "get"), "all", "distinct", "annotate", "alias", "only", "defer", "using", "select_for_update", "reverse", "none", "extra"]);

/** Lookups after a foreign key that Django answers from the key's own column, without a join. */
const NO_JOIN = new Set(["pk", "id", "exact", "iexact", "in", "isnull", "gt", "gte", "lt", "lte", "range"]);

/** Where the text may spell a lookup path of two or more names (`team__name`); dunders (`__init__`) do not match. */
const JOINED_NAMES = /[\p{L}\p{N}]__[\p{L}_]/gu;

/** Nodes a lookup path sits in on its way up to the checked call; anything else ends the climb. */
const LOOKUP_CONTAINERS = new Set(["identifier", "string", "string_content", "keyword_argument", "argument_list", "call", "attribute", "binary_operator", "boolean_operator", "unary_operator", "not_operator", "parenthesized_expression", "list", "tuple"]);

const isAsciiNameCode = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/**
 * The first name of the lookup path spelled by the word around `at`, when the word is plainly a
 * keyword argument's name (`team__name=…`, ASCII): there the path is the name itself. Undefined
 * elsewhere (strings, other syntax), where the text alone does not tell the path.
 */
function keywordLookupHead(text: string, at: number): string | undefined {
  let start = at;
  while (start > 0 && isAsciiNameCode(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && isAsciiNameCode(text.charCodeAt(end))) end++;
  const first = text.charCodeAt(start);
  if ((first >= 48 && first <= 57) || text.charCodeAt(start - 1) > 0x7f || text.charCodeAt(end) > 0x7f) return undefined;
  let next = end;
  while (text[next] === " " || text[next] === "\t") next++;
  return text[next] === "=" && text[next + 1] !== "=" ? text.slice(start, text.indexOf("__", start)) : undefined;
}

/**
 * The calls of checked methods whose arguments may hold a lookup path with a join: found from the
 * places the text spells `a__b`, climbing to the nearest checked call (through `Q(...)` objects,
 * operators and strings), plus every `select_related`/`prefetch_related` call (one name joins).
 * A keyword argument whose path starts with a name no relation of the repository has
 * (`created_at__gte=…`) cannot join: no climb starts from it.
 */
function candidateCalls(text: string, root: PyNode, hopNames: ReadonlySet<string>): PyNode[] {
  const calls = new Map<string, PyNode>();
  for (const call of findCallsNamed(text, root, ["select_related", "prefetch_related"])) calls.set(`${call.startIndex}:${call.endIndex}`, call);
  for (const match of text.matchAll(JOINED_NAMES)) {
    const head = keywordLookupHead(text, match.index);
    if (head !== undefined && !hopNames.has(head)) continue;
    const at = match.index + 1;
    for (let node = root.descendantForIndex(at, at + 2); node && LOOKUP_CONTAINERS.has(node.type); node = node.parent) {
      const fn = node.type === "call" ? node.childForFieldName("function") : null;
      const method = fn?.type === "attribute" ? fn.childForFieldName("attribute") : null;
      if (method && CHECKED[textOf(text, method)]) {
        calls.set(`${node.startIndex}:${node.endIndex}`, node);
        break;
      }
    }
  }
  return [...calls.values()].sort((a, b) => a.startIndex - b.startIndex || a.endIndex - b.endIndex);
}

interface LookupPath {
  node: PyNode;
  path: string;
}

/** The model of `<Model>.<manager>` (after any chain of queryset methods); undefined when unknown. */
function querysetModel(file: PythonFileContext, text: string, receiver: SyntaxNode | null): ModelInfo | undefined {
  let current = receiver;
  while (current?.type === "call") {
    const fn = current.childForFieldName("function");
    if (fn?.type !== "attribute" || !CHAINED.has(textOf(text, fn.childForFieldName("attribute")!))) return undefined;
    current = fn.childForFieldName("object");
  }
  if (current?.type !== "attribute") return undefined;
  const manager = textOf(text, current.childForFieldName("attribute")!);
  const modelNode = current.childForFieldName("object");
  if (!modelNode || manager === "_meta" || manager === "DoesNotExist") return undefined;
  const reference = resolveClassReference(file, text, modelNode);
  if (reference.kind !== "model" && reference.kind !== "local" && reference.kind !== "user-model") return undefined;
  if ("model" in reference && reference.model) return reference.model;
  return reference.appLabel ? file.index.apps.get(reference.appLabel)?.models.get(reference.name) : undefined;
}

/** Keyword names of `filter(...)`-style arguments, inside `Q(...)` objects combined with `&`, `|`, `~` too. */
function lookupKeywords(text: string, node: SyntaxNode, into: LookupPath[]): void {
  if (node.type === "keyword_argument") {
    const name = node.childForFieldName("name")!;
    into.push({ node: name as PyNode, path: textOf(text, name) });
  } else if (node.type === "call") {
    const fn = node.childForFieldName("function");
    const name = fn ? dottedName(text, fn) : undefined;
    if (name && lastComponent(name) === "Q") for (const arg of childNodes(node.childForFieldName("arguments")!)) lookupKeywords(text, arg, into);
  } else if (["binary_operator", "boolean_operator", "unary_operator", "parenthesized_expression", "not_operator"].includes(node.type)) {
    for (const child of childNodes(node)) lookupKeywords(text, child, into);
  }
}

/** The lookup paths a checked call passes. */
function lookupPaths(text: string, mode: Mode, method: string, args: SyntaxNode): LookupPath[] {
  const paths: LookupPath[] = [];
  for (const arg of childNodes(args)) {
    if (mode === "lookup" && (method === "filter" || method === "exclude" || method === "get")) {
      lookupKeywords(text, arg, paths);
      continue;
    }
    let literal: SyntaxNode | undefined = arg;
    if (arg.type === "call" && mode === "prefetch") literal = childNodes(arg.childForFieldName("arguments")!)[0];
    const value = literal ? stringValue(text, literal) : undefined;
    if (value !== undefined) paths.push({ node: literal as PyNode, path: method === "order_by" ? value.replace(/^-/u, "") : value });
  }
  return paths;
}

/** A hop across databases that the mode makes a join (or, for a prefetch, a read from the wrong database). */
function crossingOf(index: RepoIndex, model: ModelInfo, segments: string[], mode: Mode, userModel: string): RelationHop | undefined {
  let current = model;
  for (let i = 0; i < segments.length; i++) {
    const hop = relationHop(index, current, segments[i]!, mode === "lookup" ? "query" : "accessor", userModel);
    if (!hop) return undefined;
    const from = databaseOf(index, current.appLabel);
    const to = databaseOf(index, hop.to.appLabel);
    if (from !== to) {
      if (mode === "select") return hop;
      // Django's router answers nothing for an unrouted model: the prefetch reads it from the rows' database.
      if (mode === "prefetch") return to === DEFAULT_DATABASE ? hop : undefined;
      const keyColumn = hop.forward && (hop.fact.kind === "ForeignKey" || hop.fact.kind === "OneToOneField");
      const next = segments[i + 1];
      return keyColumn && (next === undefined || NO_JOIN.has(next)) ? undefined : hop;
    }
    current = hop.to;
  }
  return undefined;
}

export default definePythonRule<{ RuleOptions: []; MessageIds: MessageIds }>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Disallow queryset lookups (`select_related`, `prefetch_related`, `filter`…) that follow a relation into another database",
      recommended: true,
    },
    schema: [],
    messages: {
      crossDatabaseJoin: '{{method}}("{{path}}") joins {{from}} ("{{fromDatabase}}") to {{to}} ("{{toDatabase}}"): query {{to}} separately, by id.',
      crossDatabasePrefetch: 'prefetch_related("{{path}}") reads {{to}} from the "{{fromDatabase}}" database, not "{{toDatabase}}": query {{to}} separately, by id.',
    },
  },

  create(context, file) {
    const { index } = file;
    if (index.dbRoutes.size === 0) return {};
    const { text } = context.sourceCode;

    function check(node: PyNode): void {
      const fn = node.childForFieldName("function");
      if (fn?.type !== "attribute") return;
      const method = textOf(text, fn.childForFieldName("attribute")!);
      const mode = CHECKED[method];
      const args = node.childForFieldName("arguments");
      // A lookup of one name never joins (a key is compared by its own column): only paths with `__` can cross.
      if (!mode || !args || (mode === "lookup" && !textOf(text, args).includes("__")) || isInsideError(node)) return;
      const paths = lookupPaths(text, mode, method, args).filter(({ path }) => mode !== "lookup" || path.includes("__"));
      if (paths.length === 0) return;
      const model = querysetModel(file, text, fn.childForFieldName("object"));
      if (!model) return;
      for (const { node: at, path } of paths) {
        const hop = crossingOf(index, model, path.split("__"), mode, file.userModel);
        if (!hop) continue;
        const label = (target: ModelInfo): string => `${target.appLabel}.${target.name}`;
        context.report({
          node: at,
          messageId: mode === "prefetch" ? "crossDatabasePrefetch" : "crossDatabaseJoin",
          data: {
            method,
            path,
            from: label(hop.from),
            to: label(hop.to),
            fromDatabase: databaseOf(index, hop.from.appLabel),
            toDatabase: databaseOf(index, hop.to.appLabel),
          },
        });
      }
    }

    return {
      module(root: PyNode) {
        for (const call of candidateCalls(text, root, relationSegmentNames(index))) check(call);
      },
    };
  },
});
