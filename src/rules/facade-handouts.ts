import { CONTRACT_CHECK_SCRIPT } from "../project/index.js";
import type { FacadeHandout } from "../project/types.js";
import { DEFAULT_REGISTRIES, REGISTRY_SCHEMA_PROPERTIES, type IsolationRegistries } from "./isolation/registries.js";
import { isolationStatus } from "./isolation/status.js";
import { defineProductRule, type ProductPythonCheck } from "./product-rule.js";

type MessageIds = "reexportFacade" | "facadeLeak" | "modelCrossing";
type Options = [IsolationRegistries];

const RULE_NAME = "facade-handouts";

const FILE_START = { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } };

/** Where the facade module binds the handed-out class: the imported name, else the start of the file (a lazy map). */
function handoutLocation({ code, file }: ProductPythonCheck<Options, MessageIds>, handout: FacadeHandout) {
  for (const fromImport of file.imports.fromImports) {
    const name = fromImport.names.find((imported) => imported.importedName === handout.className && fromImport.scope.function === null);
    if (name) return { start: code.getLocFromIndex(name.node.startIndex), end: code.getLocFromIndex(name.node.endIndex) };
  }
  return FILE_START;
}

export default defineProductRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "suggestion",
    docs: {
      description: "Warn when a product's facade only re-exports, or hands out classes that are not contracts (hogli's wiring doctrine)",
      recommended: true,
      severity: "warn",
    },
    schema: [{ type: "object", properties: REGISTRY_SCHEMA_PROPERTIES, additionalProperties: false }],
    defaultOptions: [DEFAULT_REGISTRIES],
    messages: {
      reexportFacade: "facade/api.py defines no function: a real facade converts models to contracts instead of re-exporting them.",
      facadeLeak: "The facade hands out {{className}} from {{source}}: narrowing the contract check stays blocked. Move it to facade/contracts.py or a wiring location.",
      modelCrossing: "The facade hands out the Django model {{className}} ({{source}}) under the modelCrossings allowance: convert it to a contract to retire the entry.",
    },
  },

  python(check) {
    const { context, file, index, product, options } = check;
    const match = /^products\/[^/]+\/backend\/facade\/([^/]+\.py)$/u.exec(file.relativePath);
    if (!match) return;
    const facadeFile = match[1]!;
    const hasScript = CONTRACT_CHECK_SCRIPT in (product.packageJson?.scripts ?? {});
    const status = isolationStatus(index, product, hasScript, options[0]);
    if (facadeFile === "api.py" && !hasScript && !product.facadeApiBroken && !status.realFacade) {
      context.report({ loc: FILE_START, messageId: "reexportFacade", data: {} });
    }
    if (status.hasScript && !status.narrowed) {
      for (const leak of status.facadeLeaks.filter((handout) => handout.facadeFile === facadeFile)) {
        context.report({ loc: handoutLocation(check, leak), messageId: "facadeLeak", data: { className: leak.className, source: leak.source } });
      }
    }
    for (const crossing of status.modelCrossings.filter((handout) => handout.facadeFile === facadeFile)) {
      context.report({ loc: handoutLocation(check, crossing), messageId: "modelCrossing", data: { className: crossing.className, source: crossing.source } });
    }
  },
});
