import type { PyNode } from "../languages/python/ast.js";
import type { FromImport, ImportedName } from "../languages/python/syntax/index.js";
import type { ModelInfo, RepoIndex } from "../project/types.js";
import type { PythonFileContext } from "./python/file-context.js";
import { editsSpan, FIX_TEXT_BUDGET } from "./python/import-edits.js";
import { moveImportedNames } from "./python/import-placement.js";
import { absoluteModule } from "./python/name-bindings.js";
import { applyingEdits } from "./text-edit.js";
import { definePythonRule } from "./define-rule.js";

type MessageIds = "moveImport" | "ambiguousModel" | "reexportImport" | "reexportUnresolved" | "reexportModule";
type Options = [{ allowedPaths: string[] }];

const RULE_NAME = "no-posthog-models-import";
const REEXPORT_MODULE = /^products\.([A-Za-z0-9_]+)\.models(?:\.|$)/u;
const REEXPORT_FILE = /^products\/([^/]+)\/models(?:\.py|\/__init__\.py)$/u;

/** Where a name of a flagged import really lives. */
type Destination =
  | { kind: "move"; module: string }
  | { kind: "ambiguous"; candidates: ModelInfo[] }
  | { kind: "unresolved" }
  | { kind: "stay" };

function isPosthogModels(module: string): boolean {
  return module === "posthog.models" || module.startsWith("posthog.models.");
}

/** `from posthog.models import X`: product models move, core names (Team, User...) stay. */
function destinationFromPosthogModels(index: RepoIndex, name: string): Destination {
  const candidates = index.modelsByName.get(name) ?? [];
  if (candidates.length === 0) return { kind: "stay" };
  if (candidates.some((model) => !index.apps.get(model.appLabel)?.product)) return { kind: "stay" };
  if (candidates.length > 1) return { kind: "ambiguous", candidates };
  return { kind: "move", module: candidates[0]!.importModule };
}

/** `from products.<p>.models import X`: every name moves to the module that defines it. */
function destinationFromReexport(index: RepoIndex, product: string, name: string): Destination {
  const own = index.products.get(product)?.app?.models.get(name);
  if (own) return { kind: "move", module: own.importModule };
  const candidates = index.modelsByName.get(name) ?? [];
  if (candidates.length === 1) return { kind: "move", module: candidates[0]!.importModule };
  if (candidates.length > 1) return { kind: "ambiguous", candidates };
  return { kind: "unresolved" };
}

interface PendingReport {
  node: PyNode;
  messageId: MessageIds;
  data: Record<string, string>;
}

export default definePythonRule<{ RuleOptions: Options; MessageIds: MessageIds }>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Disallow importing product models through `posthog.models` or a re-export module",
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
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowedPaths: ["posthog/models/"] }],
    messages: {
      moveImport: "Import {{name}} from its product, {{module}}, not {{from}}.",
      ambiguousModel: "{{name}} is a model of several products ({{apps}}): import it from the one you mean, not {{from}}.",
      reexportImport: "Import {{name}} from {{module}}, where it is defined, not the re-export module {{from}}.",
      reexportUnresolved: "{{from}} is a re-export module: import {{name}} from the module that defines it.",
      reexportModule: "{{path}} re-exports product models: import them from products.{{product}}.backend.models and delete it.",
    },
  },

  create(context, file) {
    const [{ allowedPaths }] = context.options;
    if (allowedPaths.some((prefix) => file.relativePath.startsWith(prefix))) return {};
    const { text } = context.sourceCode;

    function destinationsOf(fromImport: FromImport, fileContext: PythonFileContext): { moves: Map<ImportedName, string>; reports: PendingReport[] } | undefined {
      const module = absoluteModule(fileContext, fromImport);
      if (!module) return undefined;
      const reexport = REEXPORT_MODULE.exec(module);
      if (!reexport && !isPosthogModels(module)) return undefined;
      const from = fromImport.writtenModule;
      const moves = new Map<ImportedName, string>();
      const reports: PendingReport[] = [];
      for (const name of fromImport.names) {
        const destination = reexport
          ? destinationFromReexport(fileContext.index, reexport[1]!, name.importedName)
          : destinationFromPosthogModels(fileContext.index, name.importedName);
        const data = { name: name.importedName, from };
        const node = name.node as PyNode;
        if (destination.kind === "move") {
          moves.set(name, destination.module);
          reports.push({ node, messageId: reexport ? "reexportImport" : "moveImport", data: { ...data, module: destination.module } });
        } else if (destination.kind === "ambiguous") {
          const apps = destination.candidates.map((model) => model.appLabel).sort().join(", ");
          reports.push({ node, messageId: "ambiguousModel", data: { ...data, apps: apps } });
        } else if (destination.kind === "unresolved") {
          reports.push({ node, messageId: "reexportUnresolved", data });
        }
      }
      return { moves, reports };
    }

    function checkImport(fromImport: FromImport, fileContext: PythonFileContext): void {
      if (fromImport.wildcard) return;
      const found = destinationsOf(fromImport, fileContext);
      if (!found) return;
      const { moves, reports } = found;
      const edits = moves.size > 0 ? moveImportedNames(text, fileContext, fromImport, moves) : [];
      // Each moved name's report carries the statement's whole fix, unless that is too costly
      // (a huge generated statement): then only the first one does.
      const firstCarrierOnly = moves.size * editsSpan(edits) > FIX_TEXT_BUDGET;
      let carried = false;
      for (const report of reports) {
        const fixable = (report.messageId === "moveImport" || report.messageId === "reexportImport") && !(firstCarrierOnly && carried);
        if (fixable) carried = true;
        context.report({ ...report, ...(fixable ? { fix: applyingEdits(edits) } : {}) });
      }
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
      },
    };
  },
});

