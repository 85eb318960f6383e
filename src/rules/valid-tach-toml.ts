import { readTachDocument } from "../project/tach-document.js";
import { defineConfigFileRule } from "./define-rule.js";
import { checkAlternation, checkBlocks, checkProducts, checkReferences, type TachFinding, type TachMessageId } from "./tach/checks.js";
import { applyingEdits } from "./text-edit.js";

const RULE_NAME = "valid-tach-toml";

export default defineConfigFileRule<{ RuleOptions: []; MessageIds: TachMessageId }>({
  name: RULE_NAME,
  language: "toml",
  files: /^tach\.toml$/u,
  meta: {
    type: "problem",
    docs: {
      description:
        "Require tach.toml to declare every product module and the interfaces of isolated products, with a sorted canonical alternation and no dangling or over-broad entries",
      recommended: true,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      missingModule: 'Product "{{product}}" has Python files but no [[modules]] block: add one with path = "products.{{product}}".',
      missingInterface: 'Isolated product "{{product}}" has no tach interface: add an [[interfaces]] block with from = ["products.{{product}}"].',
      unparseableFrom: 'Canonical [[interfaces]] block: unparseable from pattern "{{pattern}}"; write "products.<name>" or "products\\\\.(name1|name2|...)".',
      unsortedAlternation: 'The canonical alternation is not sorted alphabetically: write "{{expected}}".',
      staleMissing: 'The canonical alternation lists "{{product}}" but products/{{product}}/ does not exist: remove the stale entry.',
      staleNotIsolated: 'The canonical alternation lists "{{product}}", which has no backend/facade/contracts.py: add contracts.py or remove the entry.',
      mixedExposes: "[[interfaces]] for {{label}} mixes facade/presentation exposes with internal ones: split the block or remove the facade patterns.",
      overlyBroadExpose: '[[interfaces]] for {{label}} exposes "{{pattern}}", which is overly broad: enumerate specific submodules instead.',
      danglingInterface: '[[interfaces]] references "products.{{product}}" but no [[modules]] block has that path: a dangling interface declaration.',
      danglingDependency: '[[modules]] "{{module}}" depends on "{{dependency}}" but no [[modules]] block has that path: a dangling dependency.',
      useModule: 'Depend on "{{module}}" instead.',
    },
  },

  check({ context, index }) {
    const { sourceCode } = context;
    const document = readTachDocument(sourceCode.ast, sourceCode.lines);
    const findings: TachFinding[] = [
      ...checkProducts(document, index),
      ...checkAlternation(document, index, sourceCode.text),
      ...checkBlocks(document, sourceCode.text),
      ...checkReferences(document),
    ];
    for (const { node, messageId, data, fix, suggest } of findings) {
      context.report({
        ...(node ? { node } : { loc: { line: 1, column: 0 } }),
        messageId,
        data,
        ...(fix ? { fix: applyingEdits([fix]) } : {}),
        ...(suggest ? { suggest: suggest.map((suggestion) => ({ messageId: suggestion.messageId, data: suggestion.data, fix: applyingEdits([suggestion.fix]) })) } : {}),
      });
    }
  },
});
