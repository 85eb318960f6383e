import type { RuleTextEditor } from "@eslint/core";
import type { AST } from "yaml-eslint-parser";
import { readRoutes } from "../project/routes.js";
import { defineConfigFileRule } from "./define-rule.js";

type MessageIds = "duplicateRoute" | "removeRoute";

const RULE_NAME = "no-duplicate-db-route";

/**
 * The range of whole lines holding a block-sequence entry (`- app_label: x` and its other keys),
 * or null when the entry shares a line with anything else (a flow sequence, a comment after it).
 */
function entryLines(text: string, entry: AST.YAMLMapping): [number, number] | null {
  const lineStart = text.lastIndexOf("\n", entry.range[0] - 1) + 1;
  if (!/^[ \t]*-[ \t]+$/u.test(text.slice(lineStart, entry.range[0]))) return null;
  const newline = text.indexOf("\n", entry.range[1]);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  if (text.slice(entry.range[1], lineEnd).trim() !== "") return null;
  return [lineStart, lineEnd];
}

export default defineConfigFileRule<{ RuleOptions: []; MessageIds: MessageIds }>({
  name: RULE_NAME,
  language: "yaml",
  files: /^products\/db_routing\.yaml$/u,
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow routing an app twice to the same database in products/db_routing.yaml",
      recommended: true,
      severity: "warn",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      duplicateRoute: 'App "{{label}}" is already routed to "{{database}}" on line {{line}}: remove this repeated route.',
      removeRoute: "Remove this route (it differs from the first one in `optional`).",
    },
  },

  check({ context }) {
    const { text } = context.sourceCode;
    for (const problem of readRoutes(context.sourceCode.ast).problems) {
      if (problem.kind !== "duplicate") continue;
      const lines = entryLines(text, problem.entry!);
      const remove = lines ? (fixer: RuleTextEditor) => fixer.removeRange(lines) : null;
      context.report({
        node: problem.node,
        messageId: "duplicateRoute",
        data: { label: problem.label, database: problem.databases![0], line: problem.firstLine },
        // Removing a route equal to the first changes nothing; one whose `optional` differs may.
        ...(remove && problem.identical ? { fix: remove } : {}),
        ...(remove && !problem.identical ? { suggest: [{ messageId: "removeRoute" as const, fix: remove }] } : {}),
      });
    }
  },
});
