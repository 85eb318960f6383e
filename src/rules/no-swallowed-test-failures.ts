import path from "node:path";
import type { RuleTextEditor } from "@eslint/core";
import { findPytestPathArguments, isTestScriptName, pytestPathStatus, TEST_SCRIPT } from "../project/index.js";
import { conventionalTestCommand } from "./package-json/conventions.js";
import { insertScript } from "./package-json/json-edits.js";
import { missingScriptAnchor, rangeOf, sourceRangeOf, type ScriptEntry } from "./package-json/package-document.js";
import { findHiddenStatuses, type HiddenStatusKind } from "./package-json/exit-status.js";
import { findSwallowedFailures, isNoOpScript } from "./package-json/scripts.js";
import { isReadableScript, parseShell, type ShellCommand } from "../languages/shell/index.js";
import { editDistance } from "./did-you-mean.js";
import { defineProductPackageRule, type ProductPackageCheck } from "./define-rule.js";

type MessageIds =
  | "missingTestScript"
  | "addTestScript"
  | "renameToTestScript"
  | "swallowedFailure"
  | "pipedStatus"
  | "backgroundStatus"
  | "sequenceStatus"
  | "removePipe"
  | "runInForeground"
  | "chainWithAnd"
  | "noOpScript"
  | "replaceNoOp"
  | "pytestPathMissing"
  | "pytestPathWithoutTests"
  | "pytestPathNotTestFile";

const RULE_NAME = "no-swallowed-test-failures";

const HIDDEN_STATUS_MESSAGES: Record<HiddenStatusKind, { messageId: MessageIds; suggestion: MessageIds }> = {
  pipe: { messageId: "pipedStatus", suggestion: "removePipe" },
  background: { messageId: "backgroundStatus", suggestion: "runInForeground" },
  sequence: { messageId: "sequenceStatus", suggestion: "chainWithAnd" },
};

/** Text to put inside a JSON string literal (no quotes around it). */
function jsonStringBody(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** A script that is probably a misspelt `backend:test` (`backend:tests`, `backend-test`, `test:backend`). */
function misspeltTestScript(names: Iterable<string>): string | undefined {
  for (const name of names) {
    if (name === TEST_SCRIPT || name.startsWith(`${TEST_SCRIPT}:`)) continue;
    if (editDistance(name, TEST_SCRIPT) <= 2 || name === "test:backend") return name;
  }
  return undefined;
}

type Options = [{ requireTestsInPaths: boolean }];

type Check = ProductPackageCheck<{ RuleOptions: Options; MessageIds: MessageIds }>;

function reportMissingTestScript({ context, doc, product, locOf }: Check): void {
  const command = conventionalTestCommand(product);
  const edit = insertScript(doc, TEST_SCRIPT, command);
  const misspelt = misspeltTestScript(doc.entries.keys());
  const suggest = [];
  if (misspelt) {
    const range = rangeOf(doc.entries.get(misspelt)!.member.name);
    suggest.push({ messageId: "renameToTestScript" as const, data: { name: misspelt }, fix: (fixer: RuleTextEditor) => fixer.replaceTextRange(range, JSON.stringify(TEST_SCRIPT)) });
  }
  if (edit) suggest.push({ messageId: "addTestScript" as const, data: { command }, fix: (fixer: RuleTextEditor) => fixer.replaceTextRange(edit.range, edit.text) });
  context.report({ loc: locOf(missingScriptAnchor(doc)), messageId: "missingTestScript", data: { product: product.name }, suggest });
}

function reportFailureHandling({ context, locOf }: Check, entry: ScriptEntry, script: string, commands: ShellCommand[]): void {
  for (const swallow of findSwallowedFailures(script, commands)) {
    const removal = sourceRangeOf(entry, swallow.removeStart, swallow.removeEnd);
    context.report({
      loc: locOf(sourceRangeOf(entry, swallow.start, swallow.end)),
      messageId: "swallowedFailure",
      data: { script: entry.name, swallow: swallow.text },
      fix: (fixer) => fixer.removeRange(removal),
    });
  }
  for (const hidden of findHiddenStatuses(script, commands)) {
    const { messageId, suggestion } = HIDDEN_STATUS_MESSAGES[hidden.kind];
    const edit = hidden.edit;
    const data = { script: entry.name, rest: hidden.text };
    const fix = edit ? (fixer: RuleTextEditor) => fixer.replaceTextRange(sourceRangeOf(entry, edit.start, edit.end), jsonStringBody(edit.text)) : undefined;
    context.report({ loc: locOf(sourceRangeOf(entry, hidden.start, hidden.end)), messageId, data, suggest: fix ? [{ messageId: suggestion, data, fix }] : [] });
  }
}

function reportNoOp({ context, product, locOf }: Check, entry: ScriptEntry, script: string): void {
  if (product.backendTestFiles.length === 0) return;
  const command = conventionalTestCommand(product);
  const valueRange = rangeOf(entry.value!);
  context.report({
    loc: locOf(valueRange),
    messageId: "noOpScript",
    data: {
      script: entry.name,
      command: script.trim(),
      example: path.posix.basename([...product.backendTestFiles].sort()[0]!),
    },
    suggest: entry.name === TEST_SCRIPT ? [{ messageId: "replaceNoOp", data: { command }, fix: (fixer) => fixer.replaceTextRange(valueRange, JSON.stringify(command)) }] : [],
  });
}

const PATH_MESSAGES = { missing: "pytestPathMissing", "no-tests": "pytestPathWithoutTests", "not-a-test-file": "pytestPathNotTestFile" } as const;

function reportPytestPaths({ context, product, productDir, index, locOf }: Check, entry: ScriptEntry, commands: ShellCommand[]): void {
  for (const argument of findPytestPathArguments(commands)) {
    const status = pytestPathStatus(index, product, path.resolve(productDir, argument.cwd, argument.path));
    // Outside the repository (or behind a symlink leading out of it): not looked at.
    if (status === "ok" || status === "elsewhere") continue;
    // hogli only asks that the path exists.
    if (status !== "missing" && !context.options[0].requireTestsInPaths) continue;
    context.report({
      loc: locOf(sourceRangeOf(entry, argument.start, argument.end)),
      messageId: PATH_MESSAGES[status],
      data: { script: entry.name, path: argument.value, product: product.name },
    });
  }
}

export default defineProductPackageRule<{ RuleOptions: Options; MessageIds: MessageIds }>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description:
        "Require products with a backend to have a `backend:test` script that runs their tests and cannot pass when they fail",
      recommended: true,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          requireTestsInPaths: {
            type: "boolean",
            description: "A pytest path must hold tests (a test file, or a folder with one), as the seed's README asks; `false` only asks that it exists, as `hogli product:lint` does.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireTestsInPaths: true }],
    messages: {
      missingTestScript: 'Product "{{product}}" has a backend/ but no "backend:test" script, so CI never runs its tests: add one.',
      addTestScript: 'Add "backend:test": "{{command}}".',
      renameToTestScript: 'Rename "{{name}}" to "backend:test".',
      swallowedFailure: '"{{script}}" swallows test failures with "{{swallow}}": remove it.',
      pipedStatus: '"{{script}}" pipes pytest into "{{rest}}": sh reports the last command\'s status, so failing tests pass.',
      backgroundStatus: '"{{script}}" runs pytest in the background ("{{rest}}"): its failures are lost.',
      sequenceStatus: '"{{script}}" runs "{{rest}}" after pytest: the script ends with that status, not pytest\'s.',
      removePipe: 'Remove "{{rest}}".',
      runInForeground: 'Run pytest in the foreground (remove "{{rest}}").',
      chainWithAnd: "Chain the commands with && instead.",
      noOpScript: '"{{script}}" is a no-op ("{{command}}") but backend/ has tests (e.g. {{example}}): make it run pytest.',
      replaceNoOp: 'Replace it with "{{command}}".',
      pytestPathMissing: '"{{script}}" runs pytest on "{{path}}", which does not exist (scripts run from products/{{product}}/).',
      pytestPathWithoutTests: '"{{script}}" runs pytest on "{{path}}", which holds no test files (test_*.py or *_test.py).',
      pytestPathNotTestFile: '"{{script}}" runs pytest on "{{path}}", which is not a test file (test_*.py or *_test.py).',
    },
  },

  check(check) {
    const { doc, product } = check;
    if (product.hasBackend && !doc.entries.has(TEST_SCRIPT)) reportMissingTestScript(check);
    for (const entry of doc.entries.values()) {
      if (!isTestScriptName(entry.name) || !entry.decoded || !isReadableScript(entry.decoded.value)) continue;
      const script = entry.decoded.value;
      const commands = parseShell(script);
      reportFailureHandling(check, entry, script, commands);
      if (isNoOpScript(script, commands)) reportNoOp(check, entry, script);
      else reportPytestPaths(check, entry, commands);
    }
  },
});
