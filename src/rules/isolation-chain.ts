import type { RuleTextEditor } from "@eslint/core";
import { CONTRACT_CHECK_SCRIPT } from "../project/index.js";
import type { ProductInfo } from "../project/types.js";
import { DEFAULT_REGISTRIES, REGISTRY_SCHEMA_PROPERTIES, type IsolationRegistries } from "./isolation/registries.js";
import { isEligible, isExternallySealed, isolationStatus, type IsolationStatus } from "./isolation/status.js";
import { appendInputs, inputsOf, narrowingAnchor, readTurboDocument, removeTask, type TurboDocument } from "./isolation/turbo-document.js";
import { locationGlob, moduleLocations } from "./isolation/turbo-inputs.js";
import { rangeOf } from "./package-json/package-document.js";
import { defineProductRule, type ProductProblem, type TurboJsonCheck } from "./product-rule.js";

type MessageIds =
  | "narrowedWithoutScript"
  | "removeOverride"
  | "narrowedWithoutFacade"
  | "facadeLeak"
  | "modelSurfaceUnwatched"
  | "inert"
  | "routesUnwatched"
  | "permanentUnwatched"
  | "garagesUnwatched"
  | "staleDecoupled"
  | "carveOutsUnwatched"
  | "unqualifiedPermanent";
type Options = [IsolationRegistries];

const RULE_NAME = "isolation-chain";

/** hogli's "earned but not turned on": script, eligible, sealed, not narrowed, no facade leak. */
function isInert(status: IsolationStatus): boolean {
  return status.hasScript && isEligible(status) && isExternallySealed(status) && !status.narrowed && status.facadeLeaks.length === 0;
}

/** `backend.sql` → `backend/sql/**` when it is a package, else `backend/sql.py`. */
function permanentGlob(product: ProductInfo, module: string): string {
  const [file, folder] = moduleLocations(module);
  const name = folder.slice("backend/".length, -1);
  return product.backendEntries.some((entry) => entry.isDirectory && entry.name === name) ? `${folder}**` : file;
}

type Check = TurboJsonCheck<Options, MessageIds>;

/** Reports a narrowing that leaves `globs` unwatched, with a fix adding them to the inputs. */
function reportUnwatched({ context, locOf }: Check, doc: TurboDocument, messageId: MessageIds, data: Record<string, string>, globs: string[]): void {
  const edit = appendInputs(doc, globs);
  context.report({
    loc: locOf(narrowingAnchor(doc)),
    messageId,
    data: { ...data, globs: globs.join(", ") },
    ...(edit ? { fix: (fixer: RuleTextEditor) => fixer.replaceTextRange(edit.range, edit.text) } : {}),
  });
}

/** The narrowing's own consistency (hogli's chain checks 3, 4, 6, 8, 10-14). */
function checkNarrowing(check: Check, doc: TurboDocument, status: IsolationStatus): void {
  const { context, product, locOf } = check;
  const at = locOf(narrowingAnchor(doc));
  if (!status.hasScript) {
    const removal = removeTask(doc);
    const suggest = removal ? [{ messageId: "removeOverride" as const, data: {}, fix: (fixer: RuleTextEditor) => fixer.replaceTextRange(removal.range, removal.text) }] : [];
    context.report({ loc: at, messageId: "narrowedWithoutScript", data: {}, suggest });
  }
  if (!status.realFacade) context.report({ loc: at, messageId: "narrowedWithoutFacade", data: {} });
  for (const leak of status.facadeLeaks) context.report({ loc: at, messageId: "facadeLeak", data: { file: leak.facadeFile, className: leak.className, source: leak.source } });
  if (status.unwatchedModelSurface.length > 0) reportUnwatched(check, doc, "modelSurfaceUnwatched", {}, status.unwatchedModelSurface.map(locationGlob));
  if (status.routes && !status.routesWatched) reportUnwatched(check, doc, "routesUnwatched", {}, [status.routes]);
  if (status.uncoveredPermanent.length > 0) {
    const globs = status.uncoveredPermanent.map((module) => permanentGlob(product, module));
    reportUnwatched(check, doc, "permanentUnwatched", { modules: status.uncoveredPermanent.join(", ") }, globs);
  }
  if (status.unwatchedGarages.length > 0) reportUnwatched(check, doc, "garagesUnwatched", { locations: status.unwatchedGarages.join(", ") }, status.unwatchedGarages.map(locationGlob));
  if (status.staleDecoupled.length > 0) context.report({ loc: at, messageId: "staleDecoupled", data: { product: product.name, locations: status.staleDecoupled.join(", ") } });
  if (status.uncoveredCarveOuts.length > 0) reportUnwatched(check, doc, "carveOutsUnwatched", { modules: status.uncoveredCarveOuts.join(", ") }, status.uncoveredCarveOuts.map(locationGlob));
}

export default defineProductRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description:
        "Require the isolation chain to hold: a narrowed `backend:contract-check` in turbo.json needs the script and a real facade and watches every surface core reaches; a sealed product narrows it",
      recommended: true,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [{ type: "object", properties: REGISTRY_SCHEMA_PROPERTIES, additionalProperties: false }],
    defaultOptions: [DEFAULT_REGISTRIES],
    messages: {
      narrowedWithoutScript: 'turbo.json narrows "backend:contract-check", but package.json has no such script: the override is dead config.',
      removeOverride: 'Remove the "backend:contract-check" task.',
      narrowedWithoutFacade: "The narrowing skips the Django suite for internal changes, but backend/facade/api.py defines no function: the facade is no boundary.",
      facadeLeak: "facade/{{file}} hands out {{className}} from {{source}}, which the narrowing does not watch: move it to a wiring location or to facade/contracts.py.",
      modelSurfaceUnwatched: "The narrowing omits the model surface ({{globs}}): models and migrations are reached without imports. Add it.",
      inert: "The product is sealed and eligible, but turbo.json does not narrow the contract-check inputs to the facade/presentation: the skip is inert.",
      routesUnwatched: "The narrowing omits {{globs}}, the routes module core imports: a routes-only change would skip the Django suite. Add it.",
      permanentUnwatched: "The narrowing omits the permanently exposed module(s) {{modules}} (ClickHouse DDL core reads): add {{globs}}.",
      garagesUnwatched: "The narrowing omits the wiring location(s) {{locations}}, which core registers and drives: add {{globs}}.",
      staleDecoupled: 'The decoupledGarages option lists {{locations}} for "{{product}}", but it is absent or still watched: drop the entry or the input.',
      carveOutsUnwatched: "The narrowing omits the carve-out module(s) {{modules}}, whose class core keys a registry by: add {{globs}}.",
      unqualifiedPermanent:
        'tach.toml marks {{modules}} of "{{product}}" as a permanent interface, but no ClickHouse migration or schema imports it: route it through the facade.',
    },
  },

  productProblems({ index, product, options: [registries], doc }) {
    const hasScript = doc ? doc.entries.has(CONTRACT_CHECK_SCRIPT) : CONTRACT_CHECK_SCRIPT in (product.packageJson?.scripts ?? {});
    const status = isolationStatus(index, product, hasScript, registries);
    const problems: ProductProblem<MessageIds>[] = [];
    if (status.unqualifiedPermanent.length > 0) problems.push({ messageId: "unqualifiedPermanent", data: { product: product.name, modules: status.unqualifiedPermanent.join(", ") } });
    // Without a turbo.json the inert skip is the script's finding; with one, turbo.json's.
    if (!product.turbo && isInert(status)) {
      problems.push({ messageId: "inert", data: {}, at: (document) => rangeOf(document.entries.get(CONTRACT_CHECK_SCRIPT)!.member.name) });
    }
    return problems;
  },

  turboJson(check) {
    const { context, index, product, options, ast, text, locOf } = check;
    const doc = readTurboDocument(text, ast);
    if (!doc) return;
    const status = isolationStatus(index, product, CONTRACT_CHECK_SCRIPT in (product.packageJson?.scripts ?? {}), options[0], inputsOf(doc));
    if (status.narrowed) checkNarrowing(check, doc, status);
    else if (isInert(status)) context.report({ loc: locOf(narrowingAnchor(doc)), messageId: "inert", data: {} });
  },
});
