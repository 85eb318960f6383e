import type { AST } from "yaml-eslint-parser";
import { DB_ROUTING_FILE } from "../project/index.js";
import { readRoutes, type RouteProblem } from "../project/routes.js";
import { defineConfigFileRule } from "./define-rule.js";
import { closestMatch } from "./did-you-mean.js";

type MessageIds =
  | "severalDocuments"
  | "notAMapping"
  | "routesNotAList"
  | "entryNotAMapping"
  | "missingKey"
  | "notAString"
  | "optionalNotBoolean"
  | "unknownKey"
  | "misspelledKey"
  | "renameKey"
  | "routedTwice"
  | "unknownApp"
  | "useApp";

const RULE_NAME = "valid-db-routing";

/** The keys of a route, and of the file's top level. */
const ROUTE_KEYS = ["app_label", "database", "optional"];
const TOP_KEYS = ["routes"];

/** The message of each problem of `readRoutes` (`duplicate` is `no-duplicate-db-route`'s). */
const MESSAGE_OF: Record<Exclude<RouteProblem["kind"], "duplicate" | "unknown-key" | "unknown-top-key">, MessageIds> = {
  "several-documents": "severalDocuments",
  "not-a-mapping": "notAMapping",
  "routes-not-a-list": "routesNotAList",
  "entry-not-a-mapping": "entryNotAMapping",
  "missing-key": "missingKey",
  "not-a-string": "notAString",
  "optional-not-boolean": "optionalNotBoolean",
  "routed-twice": "routedTwice",
};

const keyOf = (pair: AST.YAMLPair): string | undefined =>
  pair.key?.type === "YAMLScalar" && typeof pair.key.value === "string" ? pair.key.value : undefined;

/** The key an unknown key is a typo of: a known key, missing from its mapping, within two edits. */
function misspelled(problem: RouteProblem): { pair: AST.YAMLPair; expected: string } | undefined {
  const pair = problem.node;
  if (pair.type !== "YAMLPair" || pair.parent.type !== "YAMLMapping" || !pair.key) return undefined;
  const present = new Set(pair.parent.pairs.map(keyOf));
  const known = problem.kind === "unknown-top-key" ? TOP_KEYS : ROUTE_KEYS;
  const expected = closestMatch(problem.key ?? "", known.filter((key) => !present.has(key)));
  return expected === undefined ? undefined : { pair, expected };
}

/** Where a problem is reported: a route missing a key at its first line, the rest at their node. */
function reportedNode(problem: RouteProblem): AST.YAMLNode {
  if (problem.kind === "missing-key" && problem.node.type === "YAMLMapping") return problem.node.pairs[0] ?? problem.node;
  return problem.node;
}

export default defineConfigFileRule<{ RuleOptions: []; MessageIds: MessageIds }>({
  name: RULE_NAME,
  language: "yaml",
  files: /^products\/db_routing\.yaml$/u,
  meta: {
    type: "problem",
    docs: {
      description: `Require ${DB_ROUTING_FILE} to be a list of routes PostHog's loader accepts, each routing a real Django app to one database`,
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      severalDocuments: "db_routing.yaml must hold one YAML document: PostHog's loader (yaml.safe_load) refuses a second one.",
      notAMapping: "db_routing.yaml must be a mapping with a `routes:` list of `{app_label, database}` entries.",
      routesNotAList: "`routes` must be a list of `{app_label, database, optional?}` entries.",
      entryNotAMapping: "Each route must be a mapping with `app_label` and `database`.",
      missingKey: "This route has no `{{key}}`: PostHog's loader skips it; add `{{key}}`.",
      notAString: "`{{key}}` must be a non-empty string: PostHog's loader skips this route.",
      optionalNotBoolean: "`optional` must be `true` or `false`.",
      unknownKey: "Unknown key `{{key}}`: PostHog's loader reads only {{known}} here; remove it.",
      misspelledKey: "Unknown key `{{key}}`: did you mean `{{expected}}`?",
      renameKey: "Rename `{{key}}` to `{{expected}}`.",
      routedTwice: 'App "{{label}}" is routed to "{{database}}" here and to "{{first}}" on line {{line}}: route it to one database (posthog.E003).',
      unknownApp: '"{{label}}" is not the label of a Django app of this repository: the route applies to nothing.',
      useApp: 'Route "{{label}}" instead.',
    },
  },

  check({ context, index }) {
    const read = readRoutes(context.sourceCode.ast);
    if (read.failure) {
      context.report({ node: read.failure.node, messageId: MESSAGE_OF[read.failure.kind as keyof typeof MESSAGE_OF] });
      return;
    }
    // A misspelled key is one problem: reported as the typo, not also as the key it lacks.
    const typos = new Map<RouteProblem, { pair: AST.YAMLPair; expected: string }>();
    for (const problem of read.problems) {
      const typo = problem.kind === "unknown-key" || problem.kind === "unknown-top-key" ? misspelled(problem) : undefined;
      if (typo) typos.set(problem, typo);
    }
    const covered = new Set([...typos.values()].map(({ pair, expected }) => `${pair.parent.range[0]}:${expected}`));
    for (const problem of read.problems) {
      const typo = typos.get(problem);
      if (problem.kind === "duplicate") continue;
      if (typo) {
        const { key } = typo.pair;
        const data = { key: problem.key ?? "", expected: typo.expected };
        context.report({
          node: problem.node,
          messageId: "misspelledKey",
          data,
          suggest: [{ messageId: "renameKey", data, fix: (fixer) => fixer.replaceTextRange(key!.range, typo.expected) }],
        });
      } else if (problem.kind === "unknown-key" || problem.kind === "unknown-top-key") {
        const known = problem.kind === "unknown-key" ? "`app_label`, `database` and `optional`" : "`routes`";
        context.report({ node: problem.node, messageId: "unknownKey", data: { key: problem.key ?? "", known } });
      } else if (problem.kind === "missing-key") {
        if (covered.has(`${problem.node.range[0]}:${problem.key}`)) continue;
        context.report({ node: reportedNode(problem), messageId: "missingKey", data: { key: problem.key ?? "" } });
      } else if (problem.kind === "routed-twice") {
        const [first, database] = problem.databases!;
        context.report({ node: problem.node, messageId: "routedTwice", data: { label: problem.label, database, first, line: problem.firstLine } });
      } else {
        context.report({ node: problem.node, messageId: MESSAGE_OF[problem.kind], data: { key: problem.key ?? "" } });
      }
    }
    for (const { value, node } of read.labels) {
      if (index.apps.has(value)) continue;
      const suggestion = closestMatch(value, index.apps.keys());
      context.report({
        node,
        messageId: "unknownApp",
        data: { label: value },
        suggest: suggestion ? [{ messageId: "useApp", data: { label: suggestion }, fix: (fixer) => fixer.replaceTextRange(node.range, suggestion) }] : [],
      });
    }
  },
});
