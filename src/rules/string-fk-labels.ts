import type { PyNode } from "../languages/python/ast.js";
import { nameUses, pythonStringLiteral, stringQuote, stringValue, textOf, type SyntaxNode } from "../languages/python/syntax/index.js";
import type { ModelInfo } from "../project/types.js";
import { resolveModelImport } from "../project/index.js";

import { removeImportedNames } from "./python/import-edits.js";
import { closestMatch } from "./did-you-mean.js";
import { parseStringTarget, resolveClassReference, resolveRelationTarget } from "./python/model-reference.js";
import { readRelationField, type RelationField } from "./python/relation-fields.js";
import { unusedModelImports } from "./python/unused-model-imports.js";
import { applyingEdits } from "./text-edit.js";
import { definePythonRule } from "./define-rule.js";

type MessageIds =
  | "classReference"
  | "unresolvedClassReference"
  | "ambiguousClassReference"
  | "pythonPath"
  | "unresolvedPythonPath"
  | "unknownAppLabel"
  | "modelNotInApp"
  | "missingAppLabel"
  | "unusedImport"
  | "useLabel";
type Options = [{ requireAppLabel: boolean; allowSameFileClasses: boolean; knownAppLabels: string[] }];

const RULE_NAME = "string-fk-labels";

/** Django's and common third-party apps' labels: valid targets that no repository file defines. */
export const DEFAULT_KNOWN_APP_LABELS = [
  "admin",
  "auth",
  "contenttypes",
  "sessions",
  "sites",
  "messages",
  "staticfiles",
  "flatpages",
  "redirects",
  "django_otp",
  "otp_static",
  "otp_totp",
  "social_django",
  "authtoken",
  "axes",
  "two_factor",
  "oauth2_provider",
];

function label(model: Pick<ModelInfo, "appLabel" | "name">): string {
  return `${model.appLabel}.${model.name}`;
}

export default definePythonRule<{ RuleOptions: Options; MessageIds: MessageIds }>(RULE_NAME, {
  meta: {
    type: "problem",
    docs: {
      description: 'Require relation-field targets to be string labels ("<app_label>.<ModelName>")',
      recommended: true,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          requireAppLabel: {
            type: "boolean",
            description: 'Require "<app_label>.<ModelName>" even for models of the same app (a bare "Model").',
          },
          allowSameFileClasses: {
            type: "boolean",
            description: "Allow a class defined in the same file as the target (it needs no import).",
          },
          knownAppLabels: {
            type: "array",
            items: { type: "string" },
            description: "App labels defined outside the repository (Django contrib, third-party apps).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireAppLabel: false, allowSameFileClasses: true, knownAppLabels: DEFAULT_KNOWN_APP_LABELS }],
    messages: {
      classReference: 'Name the {{kind}} target by its label "{{label}}", not the class {{name}}.',
      unresolvedClassReference: '{{name}} is not a model of this repository: name the {{kind}} target "<app_label>.<ModelName>".',
      ambiguousClassReference: '{{name}} is a model of several apps ({{apps}}): name the {{kind}} target "<app_label>.{{name}}".',
      pythonPath: 'Name the {{kind}} target by its label "{{label}}", not the Python path "{{path}}".',
      unresolvedPythonPath: 'No model {{name}} in {{module}}: name the {{kind}} target "<app_label>.<ModelName>".',
      unknownAppLabel: 'Unknown app label "{{appLabel}}" in the {{kind}} target "{{value}}".{{hint}}',
      modelNotInApp: 'App "{{appLabel}}" has no model {{name}} (the {{kind}} target "{{value}}").{{hint}}',
      missingAppLabel: 'Name the {{kind}} target with its app label: "{{label}}".',
      unusedImport: 'Remove the import of {{name}}: it is unused now that relation fields name it "{{label}}".',
      useLabel: 'Use "{{replacement}}".',
    },
  },

  create(context, file) {
    const [{ requireAppLabel, allowSameFileClasses, knownAppLabels }] = context.options;
    const { sourceCode } = context;
    const { text } = sourceCode;
    const { index } = file;
    const knownLabels = new Set(knownAppLabels);
    const targetLabels = new Set<string>();

    function replaceWith(target: SyntaxNode, value: string) {
      return applyingEdits([{ range: [target.startIndex, target.endIndex], text: pythonStringLiteral(value, stringQuote(text, target)) }]);
    }

    function reportWithSuggestion(target: PyNode, messageId: MessageIds, data: Record<string, string>, replacement?: string): void {
      context.report({
        node: target,
        messageId,
        data: { ...data, hint: replacement ? ` Did you mean "${replacement}"?` : "" },
        ...(replacement ? { suggest: [{ messageId: "useLabel" as const, data: { replacement }, fix: replaceWith(target, replacement) }] } : {}),
      });
    }

    function checkLabel(field: RelationField<PyNode>, target: PyNode, value: string, appLabel: string, name: string): void {
      const kind = field.kind;
      if (knownLabels.has(appLabel)) return;
      const app = index.apps.get(appLabel);
      if (!app) {
        const close = closestMatch(appLabel, [...index.apps.keys()]);
        reportWithSuggestion(target, "unknownAppLabel", { kind, appLabel: appLabel, value: value }, close ? `${close}.${name}` : undefined);
        return;
      }
      // Django resolves model names case-insensitively.
      if ([...app.models.keys()].some((model) => model.toLowerCase() === name.toLowerCase())) return;
      const elsewhere = (index.modelsByName.get(name) ?? []).filter((model) => model.appLabel !== app.label);
      const closeName = closestMatch(name, app.models.keys());
      const replacement = elsewhere.length === 1 ? label(elsewhere[0]!) : closeName ? `${app.label}.${closeName}` : undefined;
      reportWithSuggestion(target, "modelNotInApp", { kind, appLabel: appLabel, name: name, value: value }, replacement);
    }

    function checkStringTarget(field: RelationField<PyNode>, target: PyNode): void {
      const value = stringValue(text, target);
      if (value === undefined) return;
      const parsed = parseStringTarget(value);
      const kind = field.kind;
      switch (parsed.kind) {
        case "bare": {
          if (!requireAppLabel) return;
          const fixed = file.app ? `${file.app.label}.${parsed.name}` : undefined;
          context.report({
            node: target,
            messageId: "missingAppLabel",
            data: { kind, label: fixed ?? `<app_label>.${parsed.name}` },
            ...(fixed ? { fix: replaceWith(target, fixed) } : {}),
          });
          return;
        }
        case "path": {
          const { model } = resolveModelImport(index, parsed.module, parsed.name);
          if (model) {
            context.report({
              node: target,
              messageId: "pythonPath",
              data: { kind, label: label(model), path: value },
              fix: replaceWith(target, label(model)),
            });
          } else {
            context.report({ node: target, messageId: "unresolvedPythonPath", data: { kind, name: parsed.name, module: parsed.module } });
          }
          return;
        }
        case "label":
          checkLabel(field, target, value, parsed.appLabel, parsed.name);
          return;
        default:
          return;
      }
    }

    function checkClassTarget(field: RelationField<PyNode>, target: PyNode): void {
      const reference = resolveClassReference(file, text, target);
      const name = textOf(text, target);
      const kind = field.kind;
      switch (reference.kind) {
        case "user-model":
          return;
        case "local":
          if (allowSameFileClasses) return;
          if (!reference.appLabel) {
            context.report({ node: target, messageId: "unresolvedClassReference", data: { kind, name } });
            return;
          }
          reportClassReference(field, `${reference.appLabel}.${reference.name}`);
          return;
        case "model":
          reportClassReference(field, `${reference.appLabel}.${reference.name}`);
          return;
        case "ambiguous":
          context.report({
            node: target,
            messageId: "ambiguousClassReference",
            data: { kind, name: reference.name, apps: reference.candidates.map((model) => model.appLabel).sort().join(", ") },
          });
          return;
        default:
          context.report({ node: target, messageId: "unresolvedClassReference", data: { kind, name } });
      }
    }

    /**
     * Each class reference is fixed on its own (a narrow fix, safe alone). The import it leaves
     * unused is reported once no class reference is left (the next fix pass).
     */
    function reportClassReference(field: RelationField<PyNode>, targetLabel: string): void {
      const target = field.target;
      context.report({
        node: target,
        messageId: "classReference",
        data: { kind: field.kind, label: targetLabel, name: textOf(text, target) },
        fix: applyingEdits([{ range: [target.startIndex, target.endIndex], text: `"${targetLabel}"` }]),
      });
    }

    function reportUnusedImports(): void {
      if (targetLabels.size === 0 || file.isPackageInit) return;
      for (const unused of unusedModelImports(file, text, targetLabels, () => nameUses(text, sourceCode.ast))) {
        context.report({
          node: unused.name.node as PyNode,
          messageId: "unusedImport",
          data: { name: unused.name.localName, label: unused.label },
          fix: applyingEdits(removeImportedNames(text, unused.fromImport, new Set([unused.name]))),
        });
      }
    }

    return {
      call(node: PyNode) {
        const field = readRelationField(text, node);
        if (!field) return;
        const { target } = field;
        const resolved = resolveRelationTarget(file, text, target);
        if (resolved && target.type === "string") targetLabels.add(`${resolved.appLabel}.${resolved.name}`.toLowerCase());
        if (target.type === "string") checkStringTarget(field, target);
        else if (target.type === "identifier" || target.type === "attribute") checkClassTarget(field, target);
      },
      "module:exit"() {
        reportUnusedImports();
      },
    };
  },
});

