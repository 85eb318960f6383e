import { readTachDocument, writtenString } from "../project/tach-document.js";
import { leakedPatterns, soleProduct } from "./isolation/hogli-tach.js";
import { defineConfigFileRule } from "./define-rule.js";

type MessageIds = "legacyLeak";

const RULE_NAME = "no-legacy-interface-leak";

export default defineConfigFileRule<{ RuleOptions: []; MessageIds: MessageIds }>({
  name: RULE_NAME,
  language: "toml",
  files: /^tach\.toml$/u,
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow tach.toml interfaces that expose a product's internals to core (legacy leaks), unless marked permanent",
      recommended: true,
      severity: "warn",
    },
    schema: [],
    messages: {
      legacyLeak:
        'Legacy leak: core imports "{{pattern}}" of products.{{product}}{{more}} past its facade (untested in isolation); move the imports to the facade.',
    },
  },

  check({ context }) {
    const { sourceCode } = context;
    for (const block of readTachDocument(sourceCode.ast, sourceCode.lines).interfaces) {
      if (block.from === null || block.expose === null) continue;
      const values = { from: block.from.map((pattern) => pattern.value), expose: block.expose.map((pattern) => pattern.value), permanent: block.permanent };
      const product = soleProduct(values);
      if (product === undefined) continue;
      const leaked = leakedPatterns(values, product);
      if (leaked.length === 0) continue;
      const first = block.expose.find((pattern) => pattern.value === leaked[0])!;
      const more = leaked.length > 1 ? ` (and ${leaked.length - 1} more)` : "";
      context.report({ node: first.node, messageId: "legacyLeak", data: { pattern: writtenString(first, sourceCode.text), product, more } });
    }
  },
});
