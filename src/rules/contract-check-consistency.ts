import { relativeToRoot } from "../project/problems.js";
import type { RuleTextEditor } from "@eslint/core";
import type { ProductInfo, RepoIndex } from "../project/types.js";
import { DEFAULT_REGISTRIES, REGISTRY_SCHEMA_PROPERTIES, type IsolationRegistries } from "./isolation/registries.js";
import { isEligible, isolationStatus, type IsolationStatus } from "./isolation/status.js";
import { CONTRACT_CHECK_SCRIPT, TEST_SCRIPT } from "../project/index.js";
import { CONVENTIONAL_CONTRACT_CHECK_COMMAND } from "./package-json/conventions.js";
import { insertScript, removeMember } from "./package-json/json-edits.js";
import { missingScriptAnchor, rangeOf } from "./package-json/package-document.js";
import { defineProductPackageRule, type ProductPackageCheck } from "./define-rule.js";

type MessageIds =
  | "missingContractCheck"
  | "addContractCheck"
  | "notIsolated"
  | "legacyLeak"
  | "deferredPresentation"
  | "unparsableFacade"
  | "removeContractCheck"
  | "emptyFacade"
  | "noTachInterface";
type Options = [IsolationRegistries];

const RULE_NAME = "contract-check-consistency";

type Check = ProductPackageCheck<{ RuleOptions: Options; MessageIds: MessageIds }>;

/** Why the script must go (hogli's order: not isolated, legacy leak, deferred wave, no real facade, no tach interface), or null. */
function removalReason(status: IsolationStatus, product: ProductInfo, index: RepoIndex): { messageId: MessageIds; data: Record<string, string> } | null {
  if (!status.isolated) return { messageId: "notIsolated", data: {} };
  if (status.legacyLeak) return { messageId: "legacyLeak", data: { location: `${relativeToRoot(index.root, index.tach.file)}:${status.legacyLeak.line}`, pattern: status.legacyLeak.pattern } };
  if (status.deferred.length > 0) return { messageId: "deferredPresentation", data: { count: String(status.deferred.length), line: String(status.deferredLine ?? 1) } };
  if (product.facadeApiBroken) return { messageId: "unparsableFacade", data: {} };
  if (!status.realFacade) return { messageId: "emptyFacade", data: { facade: product.hasFacadeApi ? "backend/facade/api.py defines no function" : "no backend/facade/api.py" } };
  // Unknown when tach.toml cannot be read (the legacy leak is undefined then).
  if (!status.tachInterface && status.legacyLeak !== undefined) return { messageId: "noTachInterface", data: {} };
  return null;
}

/**
 * The script is present: it must go unless the product is eligible (isolated, a real facade, no
 * legacy leak, no deferred presentation wave) and tach enforces its interface. A facade that does
 * not parse may be tree-sitter's gap, not the author's: its removal is a suggestion.
 */
function checkPresentScript({ context, doc, product, index, locOf }: Check, status: IsolationStatus): void {
  const entry = doc.entries.get(CONTRACT_CHECK_SCRIPT)!;
  const reason = removalReason(status, product, index);
  if (!reason) return;
  const removal = removeMember(doc.scripts!, entry.member);
  const fix = (fixer: RuleTextEditor) => fixer.replaceTextRange(removal.range, removal.text);
  const suggestOnly = reason.messageId === "unparsableFacade";
  context.report({
    loc: locOf(rangeOf(entry.member.name)),
    messageId: reason.messageId,
    data: { product: product.name, ...reason.data },
    ...(suggestOnly ? { suggest: [{ messageId: "removeContractCheck", data: {}, fix }] } : { fix }),
  });
}

/**
 * The script is missing: it is required when the product is eligible, tach enforces its
 * interface and its facade hands out no internal class (else hogli withholds the skip). Adding
 * it is a person's decision (turbo then skips the full Django suite): a suggestion, and only
 * when the product's tests run somewhere (`backend:test`).
 */
function checkMissingScript({ context, doc, product, locOf }: Check, status: IsolationStatus): void {
  if (!isEligible(status) || !status.tachInterface || status.facadeLeaks.length > 0) return;
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

export default defineProductPackageRule<{ RuleOptions: Options; MessageIds: MessageIds }>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description:
        "Require `backend:contract-check` exactly on products eligible for isolated tests (contracts, a real facade, no legacy leak, no deferred presentation wave, a tach interface)",
      recommended: true,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [{ type: "object", properties: REGISTRY_SCHEMA_PROPERTIES, additionalProperties: false }],
    defaultOptions: [DEFAULT_REGISTRIES],
    messages: {
      missingContractCheck: 'Isolated product "{{product}}" has no "backend:contract-check" script: turbo runs the full Django suite when it changes.',
      addContractCheck: 'Add "backend:contract-check": "{{command}}".',
      notIsolated: 'Remove "backend:contract-check": "{{product}}" is not isolated (no backend/facade/contracts.py or contracts/).',
      legacyLeak: 'Remove "backend:contract-check": {{location}} exposes "{{pattern}}", a legacy leak of "{{product}}".',
      deferredPresentation:
        'Remove "backend:contract-check": {{count}} ignore_imports entries of pyproject.toml (from line {{line}}) defer the presentation wave of "{{product}}".',
      unparsableFacade: '"backend:contract-check" needs a real facade, and backend/facade/api.py of "{{product}}" does not parse: fix it, or remove the script.',
      removeContractCheck: 'Remove "backend:contract-check".',
      emptyFacade: 'Remove "backend:contract-check": the facade of "{{product}}" is empty ({{facade}}).',
      noTachInterface: 'Remove "backend:contract-check": tach.toml declares no interface for "{{product}}", so nothing enforces its boundary.',
    },
  },

  check(check) {
    const { context, doc, product, index } = check;
    // An unreadable tach.toml leaves the legacy leak unknown (undefined): its syntax error is
    // reported in tach.toml itself, and the script is then neither required nor removed for a leak.
    const status = isolationStatus(index, product, doc.entries.has(CONTRACT_CHECK_SCRIPT), context.options[0]);
    if (status.hasScript) checkPresentScript(check, status);
    else checkMissingScript(check, status);
  },
});
