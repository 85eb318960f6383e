import type { PyNode } from "../parsers/python/ast.js";
import type { ModelInfo, RepoIndex } from "../project/types.js";
import { getPythonFileContext, type PythonFileContext } from "./python/file-context.js";
import { editsSpan, FIX_TEXT_BUDGET, removeImportedNames, statementIndentation, type TextEdit } from "./python/import-edits.js";
import type { FromImport, ImportedName } from "./python/imports.js";
import { lineBreakOf, lineEndOf, lineStartOf, startsLine, textOf } from "./python/syntax.js";
import { ruleDocsUrl, type PythonRuleDefinition } from "./rule-types.js";

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
  return { kind: "move", module: index.apps.get(candidates[0]!.appLabel)!.modelsModule };
}

/** `from products.<p>.models import X`: every name moves to the module that defines it. */
function destinationFromReexport(index: RepoIndex, product: string, name: string): Destination {
  const app = index.products.get(product)?.app;
  if (app?.models.has(name)) return { kind: "move", module: app.modelsModule };
  const candidates = index.modelsByName.get(name) ?? [];
  if (candidates.length === 1) return { kind: "move", module: index.apps.get(candidates[0]!.appLabel)!.modelsModule };
  if (candidates.length > 1) return { kind: "ambiguous", candidates };
  return { kind: "unresolved" };
}

/** The text of the new `from <module> import ...` statements for the moved names. */
function newImportStatement(text: string, fromImport: FromImport, module: string, names: ImportedName[], lineBreak: string, indent: string): string {
  const multiline = fromImport.parenthesized && /[\r\n]/u.test(textOf(text, fromImport.statement));
  if (!multiline) return `from ${module} import ${names.map((name) => textOf(text, name.node)).join(", ")}`;
  const lines = names.map((name) => {
    const lineStart = lineStartOf(text, name.node.range[0]);
    const lineEnd = lineEndOf(text, name.node.range[1]);
    const aloneOnLine = startsLine(text, name.node.range[0]);
    if (!aloneOnLine) return `${indent}    ${textOf(text, name.node)},`;
    const line = text.slice(lineStart, lineEnd);
    const afterName = text.slice(name.node.range[1], lineEnd);
    // Keep the name's own line (and its comment); add the comma a parenthesised list wants.
    return /^\s*,/u.test(afterName) ? line : text.slice(lineStart, name.node.range[1]) + "," + afterName;
  });
  return `from ${module} import (${lineBreak}${lines.join(lineBreak)}${lineBreak}${indent})`;
}

function buildFix(text: string, fromImport: FromImport, moves: Map<ImportedName, string>): TextEdit[] {
  const byModule = new Map<string, ImportedName[]>();
  for (const name of fromImport.names) {
    const module = moves.get(name);
    if (module) byModule.set(module, [...(byModule.get(module) ?? []), name]);
  }
  // When every name moves, the statement itself takes the first destination (its module is
  // rewritten): its comments (`import (  # noqa`, own-line comments, after `)`) and layout stay.
  const rewrite = moves.size === fromImport.names.length ? [...byModule.keys()][0] : undefined;
  if (rewrite !== undefined) byModule.delete(rewrite);
  const moduleEdits: TextEdit[] = rewrite !== undefined ? [{ range: fromImport.moduleNode.range, text: rewrite }] : [];
  if (byModule.size === 0) return moduleEdits;
  const lineBreak = lineBreakOf(text);
  const indent = statementIndentation(text, fromImport.statement);
  const statements = [...byModule].map(([module, names]) => newImportStatement(text, fromImport, module, names, lineBreak, indent));
  const { statement } = fromImport;
  const edits = [...moduleEdits, ...removeImportedNames(text, fromImport, new Set([...byModule.values()].flat()))];
  const lineEnd = lineEndOf(text, statement.range[1]);
  const restOfLine = text.slice(statement.range[1], lineEnd);
  if (startsLine(text, statement.range[0]) && /^\s*(#.*)?$/u.test(restOfLine)) {
    // After the statement's line, so a trailing comment (`# noqa`) stays with the original.
    edits.push({ range: [lineEnd, lineEnd], text: statements.map((line) => lineBreak + indent + line).join("") });
  } else {
    edits.push({ range: [statement.range[1], statement.range[1]], text: statements.map((line) => "; " + line).join("") });
  }
  return edits;
}

const rule: PythonRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
  meta: {
    type: "problem",
    docs: {
      description: "Import product models from their product (`products.<p>.backend.models`), not through `posthog.models` or a re-export module",
      url: ruleDocsUrl(RULE_NAME),
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
      moveImport: "Import {{name}} from its product: {{module}} (not {{from}}).",
      ambiguousModel:
        "{{name}} is defined in several products ({{apps}}): import it from the one you mean (not {{from}}).",
      reexportImport: "Import {{name}} from {{module}}, where it is defined ({{from}} is a re-export module).",
      reexportUnresolved:
        "{{from}} is a re-export module: import {{name}} from the module that defines it (products.{{product}}.backend.models for its models).",
      reexportModule:
        "{{path}} is a re-export module for product models: import them from products.{{product}}.backend.models and delete this file.",
    },
    languages: ["posthog-products/python"],
  },

  create(context) {
    const [{ allowedPaths }] = context.options;
    const file = getPythonFileContext(context);
    if (!file || allowedPaths.some((prefix) => file.relativePath.startsWith(prefix))) return {};
    const { text } = context.sourceCode;

    function checkImport(fromImport: FromImport, fileContext: PythonFileContext): void {
      const module = fromImport.module;
      if (!module || fromImport.statement.hasError) return;
      const reexport = REEXPORT_MODULE.exec(module);
      if (!reexport && !isPosthogModels(module)) return;
      const from = fromImport.writtenModule;
      const moves = new Map<ImportedName, string>();
      const reports: { node: PyNode; messageId: MessageIds; data: Record<string, string> }[] = [];
      for (const name of fromImport.names) {
        const destination = reexport
          ? destinationFromReexport(fileContext.index, reexport[1]!, name.importedName)
          : destinationFromPosthogModels(fileContext.index, name.importedName);
        const data = { name: name.importedName, from, product: reexport?.[1] ?? "" };
        switch (destination.kind) {
          case "move":
            moves.set(name, destination.module);
            reports.push({ node: name.node, messageId: reexport ? "reexportImport" : "moveImport", data: { ...data, module: destination.module } });
            break;
          case "ambiguous":
            reports.push({
              node: name.node,
              messageId: "ambiguousModel",
              data: { ...data, apps: destination.candidates.map((model) => model.appLabel).sort().join(", ") },
            });
            break;
          case "unresolved":
            reports.push({ node: name.node, messageId: "reexportUnresolved", data });
            break;
          case "stay":
            break;
        }
      }
      const edits = moves.size > 0 ? buildFix(text, fromImport, moves) : [];
      // Each moved name's report carries the statement's whole fix, unless that is too costly
      // (a huge generated statement): then only the first one does.
      const firstCarrierOnly = moves.size * editsSpan(edits) > FIX_TEXT_BUDGET;
      let carried = false;
      for (const report of reports) {
        const fixable = (report.messageId === "moveImport" || report.messageId === "reexportImport") && !(firstCarrierOnly && carried);
        if (fixable) carried = true;
        context.report({
          node: report.node,
          messageId: report.messageId,
          data: report.data,
          ...(fixable ? { fix: (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)) } : {}),
        });
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
};

export default rule;
