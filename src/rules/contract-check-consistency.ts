import { relativeToRoot } from "../project/problems.js";
import { leakedPatterns } from "../project/tach-patterns.js";
import type { RepoIndex, TachInterface } from "../project/types.js";
import { CONTRACT_CHECK_SCRIPT, TEST_SCRIPT } from "../project/index.js";
import { CONVENTIONAL_CONTRACT_CHECK_COMMAND } from "./package-json/conventions.js";
import { insertScript, removeMember } from "./package-json/json-edits.js";
import { missingScriptAnchor, rangeOf } from "./package-json/package-document.js";
import { defineProductPackageRule, type ProductPackageCheck } from "./define-rule.js";

type MessageIds = "missingContractCheck" | "addContractCheck" | "notIsolated" | "legacyLeak" | "emptyFacade";

const RULE_NAME = "contract-check-consistency";

export interface LegacyLeak {
  interface: TachInterface;
  pattern: string;
  line: number;
}

/**
 * The first `[[interfaces]]` block whose `from` is exactly `["products.<p>"]` (backslashes
 * ignored, so `products\.<p>` counts) and that exposes a pattern outside the facade,
 * presentation and routes modules. Blocks marked `isolation:permanent-interface` are exempt.
 */
export function findLegacyLeak(index: RepoIndex, product: string): LegacyLeak | null {
  for (const block of index.tach.interfaces) {
    const [pattern] = leakedPatterns(block, product);
    if (pattern !== undefined) return { interface: block, pattern, line: block.exposeLines[block.expose.indexOf(pattern)] ?? block.line };
  }
  return null;
}

type Check = ProductPackageCheck<{ RuleOptions: []; MessageIds: MessageIds }>;

/** The script is present: it must go unless the product is isolated, leak-free and has a real facade. */
function checkPresentScript({ context, doc, product, index, locOf }: Check, leak: LegacyLeak | null | undefined): void {
  const entry = doc.entries.get(CONTRACT_CHECK_SCRIPT)!;
  const removal = removeMember(doc.scripts!, entry.member);
  const report = (messageId: MessageIds, data: Record<string, string>) =>
    context.report({
      loc: locOf(rangeOf(entry.member.name)),
      messageId,
      data: { product: product.name, ...data },
      fix: (fixer) => fixer.replaceTextRange(removal.range, removal.text),
    });
  if (!product.isolated) report("notIsolated", {});
  else if (leak) report("legacyLeak", { location: `${relativeToRoot(index.root, index.tach.file)}:${leak.line}`, pattern: leak.pattern });
  else if (product.facadeApiFunctions.length === 0) {
    report("emptyFacade", { facade: product.hasFacadeApi ? "backend/facade/api.py defines no function" : "no backend/facade/api.py" });
  }
}

/**
 * The script is missing: it is required when the product is isolated, with a real facade and (known)
 * no legacy leak. Adding it is a person's decision (turbo then skips the full Django suite): a
 * suggestion, and only when the product's tests run somewhere (`backend:test`).
 */
function checkMissingScript({ context, doc, product, locOf }: Check, leak: LegacyLeak | null | undefined): void {
  if (!product.isolated || product.facadeApiFunctions.length === 0 || leak !== null) return;
  const testScript = doc.entries.get(TEST_SCRIPT);
  const edit = testScript ? insertScript(doc, CONTRACT_CHECK_SCRIPT, CONVENTIONAL_CONTRACT_CHECK_COMMAND, testScript.member) : null;
  context.report({
    loc: locOf(missingScriptAnchor(doc)),
    messageId: "missingContractCheck",
    data: { product: product.name },
    suggest: edit
      ? [{ messageId: "addContractCheck", data: { command: CONVENTIONAL_CONTRACT_CHECK_COMMAND }, fix: (fixer) => fixer.replaceTextRange(edit.range, edit.text) }]
      : [],
  });
}

export default defineProductPackageRule<{ RuleOptions: []; MessageIds: MessageIds }>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description:
        "Require `backend:contract-check` exactly on isolated products (contracts, a real facade, no legacy tach interface leak)",
      recommended: true,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      missingContractCheck: 'Isolated product "{{product}}" has no "backend:contract-check" script: turbo runs the full Django suite when it changes.',
      addContractCheck: 'Add "backend:contract-check": "{{command}}".',
      notIsolated: 'Remove "backend:contract-check": "{{product}}" is not isolated (no backend/facade/contracts.py or contracts/).',
      legacyLeak: 'Remove "backend:contract-check": {{location}} exposes "{{pattern}}", a legacy leak of "{{product}}".',
      emptyFacade: 'Remove "backend:contract-check": the facade of "{{product}}" is empty ({{facade}}).',
    },
  },

  check(check) {
    const { doc, product, index } = check;
    // Unknown (undefined) when tach.toml cannot be read: its syntax error is reported in tach.toml
    // itself, and the script is then neither required nor reported as a leak here.
    const leak = index.tach.unreadable ? undefined : findLegacyLeak(index, product.name);
    if (doc.entries.has(CONTRACT_CHECK_SCRIPT)) checkPresentScript(check, leak);
    else checkMissingScript(check, leak);
  },
});
