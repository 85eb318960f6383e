import type { PyNode } from "../languages/python/ast.js";
import { callsNamed, stringValue, type FromImport, type ImportedName } from "../languages/python/syntax/index.js";
import type { PythonFileContext } from "./python/file-context.js";
import { editsSpan, FIX_TEXT_BUDGET } from "./python/import-edits.js";
import { moveImportedNames } from "./python/import-placement.js";
import { replaceWith } from "./python/label-check.js";
import { flaggedModule } from "./python/model-destinations.js";
import { getModelCall, MODEL_STRING_CALLS, movedLabel, movedModelPath, patchTarget } from "./python/moved-model-strings.js";
import { absoluteModule } from "./python/name-bindings.js";
import { applyingEdits } from "./text-edit.js";
import { definePythonRule } from "./define-rule.js";

type MessageIds =
  | "moveImport"
  | "ambiguousModel"
  | "reexportImport"
  | "reexportUnresolved"
  | "reexportModule"
  | "coreModelFromRoot"
  | "patchOldPath"
  | "patchModelName"
  | "patchNewPath"
  | "getModelOldLabel";
type Options = [{ allowedPaths: string[]; coreModelsFromSubmodules: boolean }];

const RULE_NAME = "no-posthog-models-import";
const REEXPORT_FILE = /^products\/([^/]+)\/models(?:\.py|\/__init__\.py)$/u;

/** The reports whose fix is the statement's moves. */
const FIXED_BY_MOVING: ReadonlySet<MessageIds> = new Set(["moveImport", "reexportImport", "coreModelFromRoot"]);

interface PendingReport {
  node: PyNode;
  messageId: MessageIds;
  data: Record<string, string>;
}

/** The flagged names of a `from … import` statement: where each moves, and what to report. */
function destinationsOf(fromImport: FromImport, fileContext: PythonFileContext, coreModelsFromSubmodules: boolean): { moves: Map<ImportedName, string>; reports: PendingReport[] } | undefined {
  const module = absoluteModule(fileContext, fromImport);
  if (!module) return undefined;
  const flagged = flaggedModule(fileContext.index, module, coreModelsFromSubmodules);
  if (!flagged) return undefined;
  const from = fromImport.writtenModule;
  const moves = new Map<ImportedName, string>();
  const reports: PendingReport[] = [];
  for (const name of fromImport.names) {
    const destination = flagged.destination(name.importedName);
    const data = { name: name.importedName, from };
    const node = name.node as PyNode;
    if (destination.kind === "move" || destination.kind === "core-submodule") {
      moves.set(name, destination.module);
      const messageId = destination.kind === "core-submodule" ? "coreModelFromRoot" : flagged.reexport ? "reexportImport" : "moveImport";
      reports.push({ node, messageId, data: { ...data, module: destination.module } });
    } else if (destination.kind === "ambiguous") {
      const apps = destination.candidates.map((model) => model.appLabel).sort().join(", ");
      reports.push({ node, messageId: "ambiguousModel", data: { ...data, apps: apps } });
    } else if (destination.kind === "unresolved") {
      reports.push({ node, messageId: "reexportUnresolved", data });
    }
  }
  return { moves, reports };
}

export default definePythonRule<{ RuleOptions: Options; MessageIds: MessageIds }>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Disallow naming product models through `posthog.models` or a re-export module (imports, `mock.patch` targets, `apps.get_model` labels)",
      recommended: true,
    },
    fixable: "code",
    schema: [
      {
        type: "object",
        properties: {
          allowedPaths: {
            type: "array",
            items: { type: "string" },
            description: "Path prefixes (relative to the repository root) where such imports are allowed: the legacy re-export site.",
          },
          coreModelsFromSubmodules: {
            type: "boolean",
            description:
              "Also require core models (posthog, ee) to be imported from their submodule (`from posthog.models.team import Team`), not the models package root, which imports every model.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowedPaths: ["posthog/models/"], coreModelsFromSubmodules: false }],
    messages: {
      moveImport: "Import {{name}} from its product, {{module}}, not {{from}}.",
      ambiguousModel: "{{name}} is a model of several products ({{apps}}): import it from the one you mean, not {{from}}.",
      reexportImport: "Import {{name}} from {{module}}, where it is defined, not the re-export module {{from}}.",
      reexportUnresolved: "{{from}} is a re-export module: import {{name}} from the module that defines it.",
      reexportModule: "{{path}} re-exports product models: import them from products.{{product}}.backend.models and delete it.",
      coreModelFromRoot: "Import {{name}} from {{module}}, not {{from}}: the package root imports every model.",
      patchOldPath: 'This patch names {{name}} through {{from}}: patch it where it lives, "{{newPath}}".',
      patchModelName: "This patch replaces the name {{name}} in {{from}}, not in {{module}}, where the code under test imports it from.",
      patchNewPath: 'Patch "{{newPath}}" (check that the code under test looks {{name}} up there).',
      getModelOldLabel: '{{name}} is no longer a model of "{{label}}": apps.get_model needs its app label now, "{{newLabel}}".',
    },
    hasSuggestions: true,
  },

  create(context, file) {
    const [{ allowedPaths, coreModelsFromSubmodules }] = context.options;
    if (allowedPaths.some((prefix) => file.relativePath.startsWith(prefix))) return {};
    const { text } = context.sourceCode;

    function checkImport(fromImport: FromImport, fileContext: PythonFileContext): void {
      if (fromImport.wildcard) return;
      const found = destinationsOf(fromImport, fileContext, coreModelsFromSubmodules);
      if (!found) return;
      const { moves, reports } = found;
      const edits = moves.size > 0 ? moveImportedNames(text, fileContext, fromImport, moves) : [];
      // Each moved name's report carries the statement's whole fix, unless that is too costly
      // (a huge generated statement): then only the first one does.
      const firstCarrierOnly = moves.size * editsSpan(edits) > FIX_TEXT_BUDGET;
      let carried = false;
      for (const report of reports) {
        const fixable = FIXED_BY_MOVING.has(report.messageId) && !(firstCarrierOnly && carried);
        if (fixable) carried = true;
        context.report({ ...report, ...(fixable ? { fix: applyingEdits(edits) } : {}) });
      }
    }

    function checkCall(node: PyNode): void {
      const patch = patchTarget(text, node);
      const moved = patch ? movedModelPath(file.index, stringValue(text, patch.node) ?? "") : undefined;
      if (patch && moved) {
        const { name, from, module, newPath } = moved;
        const target = patch.node as PyNode;
        const fix = replaceWith(text, target, newPath);
        // An attribute of the class (`….FeatureFlag.objects`) is the same object through either path.
        if (moved.attribute || patch.ofAttributes) context.report({ node: target, messageId: "patchOldPath", data: { name, from, newPath }, fix });
        else context.report({ node: target, messageId: "patchModelName", data: { name, from, module }, suggest: [{ messageId: "patchNewPath", data: { name, newPath }, fix }] });
        return;
      }
      const getModel = getModelCall(text, node);
      const relabeled = getModel ? movedLabel(file.index, getModel.label, getModel.name) : undefined;
      if (!getModel || !relabeled) return;
      context.report({
        node: getModel.labelNode as PyNode,
        messageId: "getModelOldLabel",
        data: { name: relabeled.name, label: getModel.label, newLabel: relabeled.label },
        fix: replaceWith(text, getModel.labelNode, getModel.single ? `${relabeled.label}.${getModel.name}` : relabeled.label),
      });
    }

    return {
      module() {
        const reexportFile = REEXPORT_FILE.exec(file.relativePath);
        if (reexportFile) {
          context.report({
            loc: { start: { line: 1, column: 0 }, end: { line: 1, column: context.sourceCode.lines[0]!.length } },
            messageId: "reexportModule",
            data: { path: file.relativePath, product: reexportFile[1]! },
          });
        }
        for (const fromImport of file.imports.fromImports) checkImport(fromImport, file);
        for (const call of callsNamed(text, context.sourceCode.ast, MODEL_STRING_CALLS)) checkCall(call);
      },
    };
  },
});
