import type { ImportedName } from "../languages/python/syntax/index.js";
import { lineNumbers, spellsWord } from "../languages/python/syntax/index.js";
import { problemsOfFile } from "../project/problems.js";
import type { RepoIndex } from "../project/types.js";
import { contractCheck, type ContractViolation } from "./python/import-contracts.js";
import { importDependencies, importerModule, isTachIgnored, tachIgnoreDirectives, type ImportDependency } from "./python/import-dependencies.js";
import { conventionalContracts } from "./python/conventional-contracts.js";
import { moveImportedNames } from "./python/import-placement.js";
import type { PythonFileContext } from "./python/file-context.js";
import { checkInterface, productModuleOf, usageModuleOf, type InterfaceVerdict, type UncoveredProducts } from "./python/tach-interface-check.js";
import { applyingEdits } from "./text-edit.js";
import { definePythonRule } from "./define-rule.js";

type MessageIds = "privateImport" | "privateByDefault" | "dataTypes" | "forbiddenImport" | "layerImport" | "independentImport" | "importFromFacade";
type Options = [{ uncoveredProducts: UncoveredProducts; conventionalContracts: boolean }];

const RULE_NAME = "facade-boundaries";

/** pyproject.toml could not be read at all (no rule lints it; Python's own tools stop on it): the contract checks are skipped. */
function isUnreadable(index: RepoIndex, file: string): boolean {
  return problemsOfFile(index.problems, file).some((problem) => /: (?:Invalid TOML|Cannot read the file)/u.test(problem.message));
}

/**
 * A module of the product's facade that hands out the imported name (not a name it imports for
 * its own use) and that the importer may import it from: the target of the suggestion. A model
 * is never offered: the facade hands out contracts, not models.
 */
function facadeAlternative(file: PythonFileContext, usage: string, verdict: Extract<InterfaceVerdict, { kind: "private" }>, name: ImportedName, uncovered: UncoveredProducts): string | undefined {
  const product = productModuleOf(file.index, verdict.module);
  const facadeModules = product ? file.index.products.get(product.slice("products.".length))?.facadeModules ?? [] : [];
  if (file.index.modelsByName.has(name.importedName)) return undefined;
  for (const candidate of facadeModules) {
    if (!candidate.handsOut.includes(name.importedName)) continue;
    if (checkInterface(file.index, usage, `${candidate.module}.${name.importedName}`, uncovered).kind === "allowed") return candidate.module;
  }
  return undefined;
}

export default definePythonRule<{ RuleOptions: Options; MessageIds: MessageIds }>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Disallow imports across product boundaries that tach's interfaces or import-linter's contracts (pyproject.toml) do not allow",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          uncoveredProducts: {
            enum: ["isolated", "all", "none"],
            description:
              "Products that no tach interface covers expose only `backend.facade`: isolated ones (with facade contracts), all of them, or none (tach's behaviour: open).",
          },
          conventionalContracts: {
            type: "boolean",
            description:
              "Without `[tool.importlinter]` contracts in pyproject.toml, check the conventional ones: routes import only presentation, presentation only facade and presentation, the facade neither presentation nor DRF.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ uncoveredProducts: "isolated", conventionalContracts: true }],
    messages: {
      privateImport: "{{dependency}} is private to {{module}} (not in its tach interfaces): import it from its facade.",
      privateByDefault: "{{dependency}} is private to {{module}}: import it from its backend.facade (no tach interface exposes more).",
      dataTypes: '{{dependency}} crosses a data_types = "primitive" interface of {{module}}: annotate it with int, str, bool, float, list, dict or tuple.',
      forbiddenImport: 'Contract "{{contract}}" forbids importing {{imported}} here: use a module it allows.',
      layerImport: 'Contract "{{contract}}": layer {{importerLayer}} cannot import {{imported}} (layer {{importedLayer}}): move the shared code down.',
      independentImport: 'Contract "{{contract}}" keeps {{importerModule}} independent of {{importedModule}}: move what both need to another module.',
      importFromFacade: "Import {{name}} from {{module}}, which hands out the same name (check that it is the same object).",
    },
  },

  create(context, file) {
    const [{ uncoveredProducts, conventionalContracts: useConventional }] = context.options;
    const { index } = file;
    const { text } = context.sourceCode;
    const checkTach = !index.tach.unreadable;
    const contracts = index.importLinter.present ? index.importLinter : useConventional && !isUnreadable(index, index.importLinter.file) ? conventionalContracts() : undefined;
    const tachModule = importerModule(file, index);
    const usage = tachModule ? usageModuleOf(index, tachModule) : undefined;
    const importer = file.module;
    if (!tachModule && !importer) return {};

    function reportInterface(dependency: ImportDependency, verdict: Exclude<InterfaceVerdict, { kind: "allowed" }>): void {
      if (verdict.kind === "dataType") {
        context.report({ node: dependency.node, messageId: "dataTypes", data: { dependency: dependency.path, module: verdict.module } });
        return;
      }
      const alternative = dependency.name && dependency.fromImport && usage ? facadeAlternative(file, usage, verdict, dependency.name, uncoveredProducts) : undefined;
      const suggest = alternative
        ? [{ messageId: "importFromFacade" as const, data: { name: dependency.name!.importedName, module: alternative }, fix: applyingEdits(moveImportedNames(text, file, dependency.fromImport!, new Map([[dependency.name!, alternative]]))) }]
        : [];
      context.report({
        node: dependency.node,
        messageId: verdict.byDefault ? "privateByDefault" : "privateImport",
        data: { dependency: dependency.path, module: verdict.module },
        suggest,
      });
    }

    function reportContract(dependency: ImportDependency, violation: ContractViolation): void {
      const contract = violation.contract.name || violation.contract.type;
      const { imported, reason } = violation;
      const { node } = dependency;
      if (reason.kind === "forbidden") context.report({ node, messageId: "forbiddenImport", data: { contract, imported } });
      else if (reason.kind === "layers") context.report({ node, messageId: "layerImport", data: { contract, imported, importerLayer: reason.importerLayer, importedLayer: reason.importedLayer } });
      else context.report({ node, messageId: "independentImport", data: { contract, importerModule: reason.importerModule, importedModule: reason.importedModule } });
    }

    return {
      module() {
        // Most files have no directive: their lines are never split.
        const directives = spellsWord(text, "tach-ignore") ? tachIgnoreDirectives(context.sourceCode.lines) : new Map<number, string[]>();
        const checkContracts = contracts && importer ? contractCheck(contracts, importer) : undefined;
        const skipTypeChecking = contracts?.excludeTypeCheckingImports ?? false;
        const lineOf = directives.size > 0 ? lineNumbers(text) : () => 0;
        for (const dependency of importDependencies(file, tachModule ?? importer)) {
          const tachSkips = !checkTach || !usage || (dependency.typeCheckingOnly && index.tach.ignoreTypeCheckingImports) || isTachIgnored(directives, lineOf, dependency);
          const verdict = tachSkips ? undefined : checkInterface(index, usage, dependency.path, uncoveredProducts);
          if (verdict && verdict.kind !== "allowed") {
            reportInterface(dependency, verdict);
            continue;
          }
          if (!checkContracts || (dependency.typeCheckingOnly && skipTypeChecking)) continue;
          const violation = checkContracts(dependency.modules);
          if (violation) reportContract(dependency, violation);
        }
      },
    };
  },
});
