import path from "node:path";
import type { RuleTextEditor } from "@eslint/core";
import type { JSONRuleDefinition } from "@eslint/json";
import { relativeToRoot } from "../project/problems.js";
import { conventionalTestCommand, isTestScriptName, TEST_SCRIPT } from "./package-json/conventions.js";
import { insertScript, missingScriptAnchor, rangeOf, sourceRangeOf, type ScriptEntry } from "./package-json/json-ast.js";
import { getProductPackageContext, locationOf } from "./package-json/product-context.js";
import { findPytestPathArguments, findSwallowedFailures, isNoOpScript } from "./package-json/scripts.js";
import { parseShell } from "./package-json/shell.js";
import { pytestPathStatus } from "./package-json/test-files.js";
import { ruleDocsUrl } from "./rule-types.js";

type MessageIds =
  | "missingTestScript"
  | "addTestScript"
  | "renameToTestScript"
  | "swallowedFailure"
  | "noOpScript"
  | "replaceNoOp"
  | "pytestPathMissing"
  | "pytestPathWithoutTests"
  | "pytestPathNotTestFile";

const RULE_NAME = "no-swallowed-test-failures";

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** A script that is probably a misspelt `backend:test` (`backend:tests`, `backend-test`, `test:backend`). */
function misspeltTestScript(names: Iterable<string>): string | undefined {
  for (const name of names) {
    if (name === TEST_SCRIPT || name.startsWith(`${TEST_SCRIPT}:`)) continue;
    if (editDistance(name, TEST_SCRIPT) <= 2 || name === "test:backend") return name;
  }
  return undefined;
}

const rule: JSONRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds; ExtRuleDocs: { recommended: boolean } }> = {
  meta: {
    type: "problem",
    languages: ["json/json"],
    docs: {
      description:
        "Require products with a backend to have a `backend:test` script that runs their tests and cannot pass when they fail",
      url: ruleDocsUrl(RULE_NAME),
      recommended: true,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      missingTestScript:
        'Product "{{product}}" has a backend/ folder but no "backend:test" script: turbo cannot discover the product\'s backend tests, so CI never runs them. Add a "backend:test" script that runs pytest on them.',
      addTestScript: 'Add "backend:test": "{{command}}".',
      renameToTestScript: 'Rename "{{name}}" to "backend:test".',
      swallowedFailure:
        '"{{script}}" swallows test failures with "{{swallow}}": CI would pass with failing tests. Remove "{{swallow}}".',
      noOpScript:
        '"{{script}}" is a no-op ("{{command}}") but products/{{product}}/backend/ contains test files (e.g. {{example}}): CI would never run them. Make the script run pytest on them.',
      replaceNoOp: 'Replace it with "{{command}}".',
      pytestPathMissing:
        '"{{script}}" runs pytest on "{{path}}", but {{resolved}} does not exist (scripts run from products/{{product}}/). Fix the path.',
      pytestPathWithoutTests:
        '"{{script}}" runs pytest on "{{path}}", but {{resolved}} contains no test files (test_*.py or *_test.py): pytest would collect nothing. Point it at the product\'s tests.',
      pytestPathNotTestFile:
        '"{{script}}" runs pytest on "{{path}}", but {{resolved}} is not a test file (test_*.py or *_test.py): pytest would collect nothing from it. Point it at the product\'s tests.',
    },
  },

  create(context) {
    const { sourceCode } = context;
    const locOf = (range: [number, number]) => locationOf(sourceCode, range);

    return {
      Document() {
        const ctx = getProductPackageContext(context);
        if (!ctx) return;
        const { doc, product, productDir, index } = ctx;

        if (product.hasBackend && !doc.entries.has(TEST_SCRIPT)) {
          const command = conventionalTestCommand(productDir);
          const edit = insertScript(doc, TEST_SCRIPT, command);
          const misspelt = misspeltTestScript(doc.entries.keys());
          context.report({
            loc: locOf(missingScriptAnchor(doc)),
            messageId: "missingTestScript",
            data: { product: product.name },
            suggest: [
              ...(misspelt
                ? [
                    {
                      messageId: "renameToTestScript" as const,
                      data: { name: misspelt },
                      fix: (fixer: RuleTextEditor) =>
                        fixer.replaceTextRange(rangeOf(doc.entries.get(misspelt)!.member.name), JSON.stringify(TEST_SCRIPT)),
                    },
                  ]
                : []),
              ...(edit
                ? [
                    {
                      messageId: "addTestScript" as const,
                      data: { command },
                      fix: (fixer: RuleTextEditor) => fixer.replaceTextRange(edit.range, edit.text),
                    },
                  ]
                : []),
            ],
          });
        }

        for (const entry of doc.entries.values()) {
          if (!isTestScriptName(entry.name) || !entry.decoded) continue;
          checkScript(entry);
        }

        function checkScript(entry: ScriptEntry): void {
          const script = entry.decoded!.value;
          const commands = parseShell(script);

          for (const swallow of findSwallowedFailures(script, commands)) {
            const removal = sourceRangeOf(entry, swallow.removeStart, swallow.removeEnd);
            context.report({
              loc: locOf(sourceRangeOf(entry, swallow.start, swallow.end)),
              messageId: "swallowedFailure",
              data: { script: entry.name, swallow: swallow.text },
              fix: (fixer) => fixer.removeRange(removal),
            });
          }

          if (isNoOpScript(script, commands)) {
            if (product.backendTestFiles.length > 0) {
              const command = conventionalTestCommand(productDir);
              const valueRange = rangeOf(entry.value!);
              context.report({
                loc: locOf(valueRange),
                messageId: "noOpScript",
                data: {
                  script: entry.name,
                  command: script.trim(),
                  product: product.name,
                  example: [...product.backendTestFiles].sort()[0],
                },
                suggest:
                  entry.name === TEST_SCRIPT
                    ? [
                        {
                          messageId: "replaceNoOp",
                          data: { command },
                          fix: (fixer) => fixer.replaceTextRange(valueRange, JSON.stringify(command)),
                        },
                      ]
                    : [],
              });
            }
            return;
          }

          for (const argument of findPytestPathArguments(commands)) {
            const absolute = path.resolve(productDir, argument.cwd, argument.path);
            const status = pytestPathStatus(absolute, index.root);
            // Outside the repository (or behind a symlink leading out of it): not looked at.
            if (status === "ok" || status === "elsewhere") continue;
            // Every other status is of a path inside the root.
            const resolved = relativeToRoot(index.root, absolute);
            context.report({
              loc: locOf(sourceRangeOf(entry, argument.start, argument.end)),
              messageId:
                status === "missing"
                  ? "pytestPathMissing"
                  : status === "no-tests"
                    ? "pytestPathWithoutTests"
                    : "pytestPathNotTestFile",
              data: { script: entry.name, path: argument.value, resolved, product: product.name },
            });
          }
        }
      },
    };
  },
};

export default rule;
