import type { RuleTextEditor } from "@eslint/core";
import type { PyNode } from "../parsers/python/ast.js";
import type { ModelInfo } from "../project/types.js";
import { resolveModelImport } from "../project/index.js";
import { getPythonFileContext } from "./python/file-context.js";
import { editsSpan, FIX_TEXT_BUDGET, removeImportedNames, type TextEdit } from "./python/import-edits.js";
import type { FromImport, ImportedName } from "./python/imports.js";
import { parseStringTarget, resolveClassReference, type ClassReference } from "./python/model-reference.js";
import { readRelationField, type RelationField } from "./python/relation-fields.js";
import { closestMatch, pythonStringLiteral, stringLiteralValue, stringQuote, textOf } from "./python/syntax.js";
import { ruleDocsUrl, type PythonRuleDefinition } from "./rule-types.js";

type MessageIds =
  | "classReference"
  | "unresolvedClassReference"
  | "ambiguousClassReference"
  | "pythonPath"
  | "unresolvedPythonPath"
  | "unknownAppLabel"
  | "modelNotInApp"
  | "missingAppLabel"
  | "useLabel";
type Options = [{ requireAppLabel: boolean; knownAppLabels: string[] }];

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

/** Every identifier that reads a local name (not attribute names, keyword names or import statements). */
function countNameUses(text: string, ast: PyNode): Map<string, number> {
  const uses = new Map<string, number>();
  const visit = (node: PyNode): void => {
    if (node.type === "import_from_statement" || node.type === "import_statement") return;
    if (node.type === "identifier") {
      const parent = node.parent;
      const isAttributeName = parent?.type === "attribute" && node.field === "attribute";
      const isKeywordName = parent?.type === "keyword_argument" && node.field === "name";
      if (!isAttributeName && !isKeywordName) {
        const name = textOf(text, node);
        uses.set(name, (uses.get(name) ?? 0) + 1);
      }
      return;
    }
    // Without recursion: deeply nested expressions must not overflow the stack.
    for (const child of node.children) pending.push(child);
  };
  const pending: PyNode[] = [ast];
  while (pending.length > 0) visit(pending.pop()!);
  return uses;
}

interface ClassTarget {
  field: RelationField;
  reference: Extract<ClassReference, { kind: "model" }>;
}

const rule: PythonRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
  meta: {
    type: "problem",
    docs: {
      description: 'Name relation-field targets with a string app label ("<app_label>.<ModelName>")',
      url: ruleDocsUrl(RULE_NAME),
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
          knownAppLabels: {
            type: "array",
            items: { type: "string" },
            description: "App labels defined outside the repository (Django contrib, third-party apps).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireAppLabel: false, knownAppLabels: DEFAULT_KNOWN_APP_LABELS }],
    messages: {
      classReference: 'Name the {{kind}} target with the string "{{label}}", not the class {{name}}.',
      unresolvedClassReference:
        'Name the {{kind}} target with a string "<app_label>.<ModelName>": {{name}} could not be resolved to a model of this repository.',
      ambiguousClassReference:
        'Name the {{kind}} target with a string "<app_label>.{{name}}": {{name}} is defined in several apps ({{apps}}).',
      pythonPath: 'Name the {{kind}} target with the app label "{{label}}", not the Python path "{{path}}".',
      unresolvedPythonPath:
        'Name the {{kind}} target with an app label "<app_label>.<ModelName>", not the Python path "{{path}}" (no model {{name}} found in {{module}}).',
      unknownAppLabel: 'Unknown app label "{{appLabel}}" in the {{kind}} target "{{value}}".{{hint}}',
      modelNotInApp: 'App "{{appLabel}}" defines no model {{name}} (the {{kind}} target "{{value}}").{{hint}}',
      missingAppLabel: 'Name the {{kind}} target with its app label: "{{label}}".',
      useLabel: 'Use "{{replacement}}".',
    },
    languages: ["posthog-products/python"],
  },

  create(context) {
    const [{ requireAppLabel, knownAppLabels }] = context.options;
    const file = getPythonFileContext(context);
    if (!file) return {};
    const { sourceCode } = context;
    const { text } = sourceCode;
    const { index } = file;
    const knownLabels = new Set(knownAppLabels);
    const classTargets: ClassTarget[] = [];

    function replaceString(node: PyNode, value: string): TextEdit {
      return { range: node.range, text: pythonStringLiteral(value, stringQuote(text, node)) };
    }

    function checkStringTarget(field: RelationField, target: PyNode): void {
      const value = stringLiteralValue(text, target);
      if (value === undefined) return;
      const parsed = parseStringTarget(value);
      const kind = field.kind;
      switch (parsed.kind) {
        case "bare":
          if (requireAppLabel) {
            const fixed = file!.app ? `${file!.app.label}.${parsed.name}` : undefined;
            context.report({
              node: target,
              messageId: "missingAppLabel",
              data: { kind, label: fixed ?? `<app_label>.${parsed.name}` },
              ...(fixed ? { fix: (fixer) => fixer.replaceTextRange(target.range, replaceString(target, fixed).text) } : {}),
            });
          }
          return;
        case "path": {
          const { model } = resolveModelImport(index, parsed.module, parsed.name);
          if (model) {
            context.report({
              node: target,
              messageId: "pythonPath",
              data: { kind, label: label(model), path: value },
              fix: (fixer) => fixer.replaceTextRange(target.range, replaceString(target, label(model)).text),
            });
          } else {
            context.report({
              node: target,
              messageId: "unresolvedPythonPath",
              data: { kind, path: value, name: parsed.name, module: parsed.module },
            });
          }
          return;
        }
        case "label": {
          if (knownLabels.has(parsed.appLabel)) return;
          const app = index.apps.get(parsed.appLabel);
          if (!app) {
            const close = closestMatch(parsed.appLabel, [...index.apps.keys()]);
            const replacement = close ? `${close}.${parsed.name}` : undefined;
            reportWithSuggestion(target, "unknownAppLabel", { kind, appLabel: parsed.appLabel, value }, replacement);
            return;
          }
          if (app.models.has(parsed.name)) return;
          const caseInsensitive = [...app.models.keys()].find((name) => name.toLowerCase() === parsed.name.toLowerCase());
          if (caseInsensitive) return; // Django resolves model names case-insensitively.
          const elsewhere = (index.modelsByName.get(parsed.name) ?? []).filter((model) => model.appLabel !== app.label);
          const closeName = closestMatch(parsed.name, app.models.keys());
          const replacement =
            elsewhere.length === 1 ? label(elsewhere[0]!) : closeName ? `${app.label}.${closeName}` : undefined;
          reportWithSuggestion(target, "modelNotInApp", { kind, appLabel: parsed.appLabel, name: parsed.name, value }, replacement);
          return;
        }
        default:
          return;
      }
    }

    function reportWithSuggestion(target: PyNode, messageId: MessageIds, data: Record<string, string>, replacement?: string): void {
      context.report({
        node: target,
        messageId,
        data: { ...data, hint: replacement ? ` Did you mean "${replacement}"?` : "" },
        ...(replacement
          ? {
              suggest: [
                {
                  messageId: "useLabel" as const,
                  data: { replacement },
                  fix: (fixer) => fixer.replaceTextRange(target.range, replaceString(target, replacement).text),
                },
              ],
            }
          : {}),
      });
    }

    function checkClassTarget(field: RelationField, target: PyNode): void {
      const reference = resolveClassReference(file!, text, sourceCode.ast, target);
      const name = textOf(text, target);
      if (reference.kind === "model") {
        classTargets.push({ field, reference });
      } else if (reference.kind === "ambiguous") {
        context.report({
          node: target,
          messageId: "ambiguousClassReference",
          data: { kind: field.kind, name: reference.name, apps: reference.candidates.map((model) => model.appLabel).sort().join(", ") },
        });
      } else {
        context.report({ node: target, messageId: "unresolvedClassReference", data: { kind: field.kind, name } });
      }
    }

    /**
     * Class references become string labels. When every use of an imported name is such a
     * target, the name leaves its import in the same fix: each report carries the whole
     * group's edits, so one fix pass converts them all and the import never dangles.
     */
    function reportClassTargets(): void {
      if (classTargets.length === 0) return;
      const uses = countNameUses(text, sourceCode.ast);
      const byBinding = new Map<ImportedName, { fromImport: FromImport; targets: ClassTarget[] }>();
      for (const target of classTargets) {
        const binding = target.reference.binding;
        if (!binding || target.field.target.type !== "identifier") continue;
        const entry = byBinding.get(binding.name) ?? { fromImport: binding.fromImport, targets: [] };
        entry.targets.push(target);
        byBinding.set(binding.name, entry);
      }
      const removable = new Map<FromImport, Set<ImportedName>>();
      for (const [name, { fromImport, targets }] of byBinding) {
        if ((uses.get(name.localName) ?? 0) === targets.length) {
          removable.set(fromImport, (removable.get(fromImport) ?? new Set()).add(name));
        }
      }
      const groupEdits = new Map<FromImport, TextEdit[]>();
      // ESLint builds each report's fix text over the fix's whole span: every report of a group
      // carrying the group's fix costs (reports × span), quadratic in a huge generated file.
      let carriedCost = 0;
      for (const [fromImport, names] of removable) {
        const edits = removeImportedNames(text, fromImport, names);
        let targetCount = 0;
        for (const { targets } of [...names].map((name) => byBinding.get(name)!)) {
          for (const target of targets) edits.push(targetEdit(target));
          targetCount += targets.length;
        }
        groupEdits.set(fromImport, edits);
        carriedCost += targetCount * editsSpan(edits);
      }
      // Past the budget only the first report of the first group carries a fix (one group a pass).
      const firstCarrierOnly = carriedCost > FIX_TEXT_BUDGET;
      let carrier: FromImport | undefined;
      for (const target of classTargets) {
        const binding = target.reference.binding;
        const group = binding && removable.get(binding.fromImport)?.has(binding.name) ? groupEdits.get(binding.fromImport) : undefined;
        let edits: TextEdit[] | undefined = group ?? [targetEdit(target)];
        if (group && firstCarrierOnly) {
          if (carrier === undefined) carrier = binding!.fromImport;
          else edits = undefined;
        }
        context.report({
          node: target.field.target,
          messageId: "classReference",
          data: { kind: target.field.kind, label: label(target.reference.model), name: textOf(text, target.field.target) },
          ...(edits ? { fix: (fixer: RuleTextEditor) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)) } : {}),
        });
      }
    }

    function targetEdit(target: ClassTarget): TextEdit {
      return { range: target.field.target.range, text: `"${label(target.reference.model)}"` };
    }

    return {
      call(node: PyNode) {
        const field = readRelationField(text, node);
        if (!field) return;
        const { target } = field;
        if (target.type === "string") checkStringTarget(field, target);
        else if (target.type === "identifier" || target.type === "attribute") checkClassTarget(field, target);
      },
      "module:exit"() {
        reportClassTargets();
      },
    };
  },
};

export default rule;
