import type { PyNode } from "../languages/python/ast.js";
import { definitionName, isInsideError, type RelationField } from "../languages/python/syntax/index.js";
import { modelOfApp } from "../project/index.js";
import { idFieldName, idFieldSuggestion } from "./python/id-field-suggestion.js";
import { databaseOf, DEFAULT_DATABASE } from "./python/databases.js";
import { resolveRelationTarget } from "./python/model-reference.js";
import { applyingEdits } from "./text-edit.js";
import { definePythonRule } from "./define-rule.js";

type MessageIds = "crossDatabase" | "crossDatabaseManyToMany" | "crossDatabaseForeignObject" | "useIdField";
type Options = [{ checkUnroutedModels: boolean }];

const RULE_NAME = "no-cross-db-fk";

/** `FeatureFlag` → `feature_flag`, `HTTPLog` → `http_log`. */
function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/gu, "$1_$2")
    .replace(/([a-z0-9])([A-Z])/gu, "$1_$2")
    .toLowerCase();
}

export default definePythonRule<{ RuleOptions: Options; MessageIds: MessageIds }>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description:
        "Disallow relation fields (ForeignKey, OneToOneField, ManyToManyField, ForeignObject) between models in different databases (products/db_routing.yaml)",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          checkUnroutedModels: {
            type: "boolean",
            description:
              "Also report relations from models in the default database (apps without a route) to models of routed products.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkUnroutedModels: true }],
    messages: {
      crossDatabase: '{{owner}} points at {{target}} in database "{{targetDatabase}}", not "{{ownerDatabase}}": store {{idField}} as a BigIntegerField.',
      crossDatabaseManyToMany:
        '{{owner}} points at {{target}} in database "{{targetDatabase}}", not "{{ownerDatabase}}": a ManyToManyField cannot span databases.',
      crossDatabaseForeignObject:
        '{{owner}} points at {{target}} in database "{{targetDatabase}}", not "{{ownerDatabase}}": a ForeignObject cannot join across databases.',
      useIdField: "Store the id as a BigIntegerField (a schema change: make a migration).",
    },
  },

  create(context, file) {
    const [{ checkUnroutedModels }] = context.options;
    if (!file.app) return {};
    const ownerLabel = file.app.label;
    const { index } = file;
    // An unreadable routing file, or an invalid route, is reported in db_routing.yaml itself (the YAML
    // language, valid-db-routing): relations whose databases it leaves unknown are not checked here.
    const { unreadable, invalidLabels } = index.dbRouting;
    if (unreadable || index.dbRoutes.size === 0) return {};

    const { sourceCode } = context;
    const { text } = sourceCode;
    const ownerDatabase = databaseOf(index, ownerLabel);

    function check(field: RelationField<PyNode>): void {
      const target = resolveRelationTarget(file, text, field.target);
      if (!target || target.name === "self") return;
      if (invalidLabels.has(ownerLabel) || invalidLabels.has(target.appLabel)) return;
      const targetDatabase = databaseOf(index, target.appLabel);
      if (targetDatabase === ownerDatabase) return;
      if (ownerDatabase === DEFAULT_DATABASE && !checkUnroutedModels) return;
      report(field, target, targetDatabase);
    }

    function report(field: RelationField<PyNode>, target: { appLabel: string; name: string }, targetDatabase: string): void {
      const className = definitionName(text, field.modelClass!) ?? "<class>";
      // Django resolves label model names case-insensitively (`"posthog.team"`): name the real class.
      const targetApp = index.apps.get(target.appLabel);
      const model = targetApp ? modelOfApp(targetApp, target.name) : undefined;
      const targetName = model?.name ?? target.name;
      const owner = field.fieldName ? `${className}.${field.fieldName}` : `a ${field.kind} of ${className}`;
      const label = `${target.appLabel}.${targetName}`;
      if (field.kind === "ManyToManyField" || field.kind === "ForeignObject") {
        context.report({
          node: field.target,
          messageId: field.kind === "ManyToManyField" ? "crossDatabaseManyToMany" : "crossDatabaseForeignObject",
          data: { owner, target: label, targetDatabase, ownerDatabase },
        });
        return;
      }
      const suggestion = idFieldSuggestion(text, file, field);
      const idField = field.fieldName ? idFieldName(field.fieldName) : `${snakeCase(targetName)}_id`;
      context.report({
        node: field.target,
        messageId: "crossDatabase",
        data: { owner, target: label, targetDatabase, ownerDatabase, idField },
        ...(suggestion ? { suggest: [{ messageId: "useIdField" as const, fix: applyingEdits(suggestion.edits) }] } : {}),
      });
    }

    return {
      module() {
        for (const field of file.relationFields()) {
          if (!field.modelClass || isInsideError(field.call)) continue;
          check(field);
        }
      },
    };
  },
});

