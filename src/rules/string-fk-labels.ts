import type { PyNode } from "../languages/python/ast.js";
import { isNameRead, stringValue, textOf, type RelationField } from "../languages/python/syntax/index.js";
import { modelOfApp, resolveModelImport } from "../project/index.js";
import { closestMatch } from "./did-you-mean.js";
import { definePythonRule } from "./define-rule.js";
import { removeImportedNames } from "./python/import-edits.js";
import { label, replaceWith, type LabelCheck, type LabelMessageIds, type LabelOptions } from "./python/label-check.js";
import { parseStringTarget, resolveClassReference, resolveRelationTarget } from "./python/model-reference.js";
import { unusedModelImports } from "./python/unused-model-imports.js";
import { applyingEdits } from "./text-edit.js";

const RULE_NAME = "string-fk-labels";

/** Django's and common third-party apps' labels: valid targets that no repository file defines. */
const DEFAULT_KNOWN_APP_LABELS = [
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

function reportWithSuggestion(check: LabelCheck, target: PyNode, messageId: LabelMessageIds, data: Record<string, string>, replacement?: string): void {
  check.context.report({
    node: target,
    messageId,
    data: { ...data, hint: replacement ? ` Did you mean "${replacement}"?` : "" },
    ...(replacement ? { suggest: [{ messageId: "useLabel" as const, data: { replacement }, fix: replaceWith(check.text, target, replacement) }] } : {}),
  });
}

/** `"app_label.Model"`: the app exists (or is known from outside the repository) and defines the model. */
function checkLabel(check: LabelCheck, field: RelationField<PyNode>, target: PyNode, value: string, appLabel: string, name: string): void {
  const { index } = check.file;
  const kind = field.kind;
  if (check.knownLabels.has(appLabel)) return;
  const app = index.apps.get(appLabel);
  if (!app) {
    const close = closestMatch(appLabel, [...index.apps.keys()]);
    reportWithSuggestion(check, target, "unknownAppLabel", { kind, appLabel, value }, close ? `${close}.${name}` : undefined);
    return;
  }
  // Django resolves model names case-insensitively.
  if (modelOfApp(app, name)) return;
  const elsewhere = (index.modelsByName.get(name) ?? []).filter((model) => model.appLabel !== app.label);
  const closeName = closestMatch(name, app.models.keys());
  const replacement = elsewhere.length === 1 ? label(elsewhere[0]!) : closeName ? `${app.label}.${closeName}` : undefined;
  reportWithSuggestion(check, target, "modelNotInApp", { kind, appLabel, name, value }, replacement);
}

/** `"Model"` (with `requireAppLabel`): the same app's label goes in front. */
function checkBareName(check: LabelCheck, field: RelationField<PyNode>, target: PyNode, name: string): void {
  if (!check.options.requireAppLabel) return;
  const app = check.file.app;
  const fixed = app ? `${app.label}.${name}` : undefined;
  check.context.report({
    node: target,
    messageId: "missingAppLabel",
    data: { kind: field.kind, label: fixed ?? `<app_label>.${name}` },
    ...(fixed ? { fix: replaceWith(check.text, target, fixed) } : {}),
  });
}

/** `"products.x.backend.models.Model"`: a Python path where a label belongs. */
function checkPythonPath(check: LabelCheck, field: RelationField<PyNode>, target: PyNode, value: string, module: string, name: string): void {
  const { model } = resolveModelImport(check.file.index, module, name);
  if (model) {
    check.context.report({
      node: target,
      messageId: "pythonPath",
      data: { kind: field.kind, label: label(model) },
      fix: replaceWith(check.text, target, label(model)),
    });
  } else {
    check.context.report({ node: target, messageId: "unresolvedPythonPath", data: { kind: field.kind, name, module } });
  }
}

/** A relation target written as a string literal. */
function checkStringTarget(check: LabelCheck, field: RelationField<PyNode>, target: PyNode): void {
  const value = stringValue(check.text, target);
  if (value === undefined) return;
  const parsed = parseStringTarget(value);
  if (parsed.kind === "bare") checkBareName(check, field, target, parsed.name);
  else if (parsed.kind === "path") checkPythonPath(check, field, target, value, parsed.module, parsed.name);
  else if (parsed.kind === "label") checkLabel(check, field, target, value, parsed.appLabel, parsed.name);
}

/**
 * A class reference is fixed on its own (a narrow fix, safe alone). The import it leaves unused
 * is reported once no class reference is left (the next fix pass).
 */
function reportClassReference({ context }: LabelCheck, field: RelationField<PyNode>, targetLabel: string): void {
  const target = field.target;
  context.report({
    node: target,
    messageId: "classReference",
    data: { kind: field.kind, label: targetLabel },
    fix: applyingEdits([{ range: [target.startIndex, target.endIndex], text: `"${targetLabel}"` }]),
  });
}

/** A relation target written as a class (`FeatureFlag`, `flag_models.FeatureFlag`, `settings.AUTH_USER_MODEL`). */
function checkClassTarget(check: LabelCheck, field: RelationField<PyNode>, target: PyNode): void {
  const { context, file, text } = check;
  const reference = resolveClassReference(file, text, target);
  const name = textOf(text, target);
  const kind = field.kind;
  if (reference.kind === "user-model" || (reference.kind === "local" && check.options.allowSameFileClasses)) return;
  if (reference.kind === "model" || (reference.kind === "local" && reference.appLabel)) {
    reportClassReference(check, field, `${reference.appLabel}.${reference.name}`);
  } else if (reference.kind === "ambiguous") {
    const apps = reference.candidates.map((model) => model.appLabel).sort().join(", ");
    context.report({ node: target, messageId: "ambiguousClassReference", data: { kind, name: reference.name, apps } });
  } else {
    context.report({ node: target, messageId: "unresolvedClassReference", data: { kind, name } });
  }
}

/** Imports of models that relation fields now name by label and nothing else reads. */
function reportUnusedImports({ context, file, text }: LabelCheck, root: PyNode, targetLabels: ReadonlySet<string>): void {
  if (targetLabels.size === 0 || file.isPackageInit) return;
  for (const unused of unusedModelImports(file, text, targetLabels, (name) => isNameRead(text, root, name))) {
    context.report({
      node: unused.name.node as PyNode,
      messageId: "unusedImport",
      data: { name: unused.name.localName, label: unused.label },
      fix: applyingEdits(removeImportedNames(text, unused.fromImport, new Set([unused.name]))),
    });
  }
}

export default definePythonRule<{ RuleOptions: LabelOptions; MessageIds: LabelMessageIds }>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: 'Require relation-field targets to be string labels (`"<app_label>.<ModelName>"`)',
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
            description: 'Require `"<app_label>.<ModelName>"` even for models of the same app (a bare `"Model"`).',
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
      classReference: 'Name the {{kind}} target by its label "{{label}}", not by the class.',
      unresolvedClassReference: '{{name}} is not a model of this repository: name the {{kind}} target "<app_label>.<ModelName>".',
      ambiguousClassReference: '{{name}} is a model of several apps ({{apps}}): name the {{kind}} target "<app_label>.{{name}}".',
      pythonPath: 'Name the {{kind}} target by its label "{{label}}", not by its Python path.',
      unresolvedPythonPath: 'No model {{name}} in {{module}}: name the {{kind}} target "<app_label>.<ModelName>".',
      unknownAppLabel: 'Unknown app label "{{appLabel}}" in the {{kind}} target "{{value}}".{{hint}}',
      modelNotInApp: 'App "{{appLabel}}" has no model {{name}} (the {{kind}} target "{{value}}").{{hint}}',
      missingAppLabel: 'Name the {{kind}} target with its app label: "{{label}}".',
      unusedImport: 'Remove the import of {{name}}: it is unused now that relation fields name it "{{label}}".',
      useLabel: 'Use "{{replacement}}".',
    },
  },

  create(context, file) {
    const [options] = context.options;
    const { text } = context.sourceCode;
    const check: LabelCheck = { context, file, text, options, knownLabels: new Set(options.knownAppLabels) };
    const targetLabels = new Set<string>();

    function checkField(field: RelationField<PyNode>): void {
      const { target } = field;
      if (target.type === "string") {
        const resolved = resolveRelationTarget(file, text, target);
        if (resolved) targetLabels.add(`${resolved.appLabel}.${resolved.name}`.toLowerCase());
        checkStringTarget(check, field, target);
      } else if (target.type === "identifier" || target.type === "attribute") {
        checkClassTarget(check, field, target);
      }
    }

    return {
      module(root: PyNode) {
        for (const field of file.relationFields()) checkField(field);
        reportUnusedImports(check, root, targetLabels);
      },
    };
  },
});
