import type { PyNode } from "../languages/python/ast.js";
import { definitionName, isInsideError, type RelationField } from "../languages/python/syntax/index.js";
import type { ConfigProblem, RepoIndex } from "../project/types.js";
import { relativeToRoot } from "../project/problems.js";
import { modelOfApp } from "../project/index.js";
import { idFieldName, idFieldSuggestion } from "./python/id-field-suggestion.js";
import { databaseOf, DEFAULT_DATABASE } from "./python/databases.js";
import { resolveRelationTarget } from "./python/model-reference.js";
import { applyingEdits } from "./text-edit.js";
import { definePythonRule } from "./define-rule.js";

type MessageIds = "crossDatabase" | "crossDatabaseManyToMany" | "crossDatabaseForeignObject" | "invalidRouting" | "invalidRoute" | "useIdField";
type Options = [{ checkUnroutedModels: boolean }];

const RULE_NAME = "no-cross-db-fk";

/** `FeatureFlag` → `feature_flag`, `HTTPLog` → `http_log`. */
function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/gu, "$1_$2")
    .replace(/([a-z0-9])([A-Z])/gu, "$1_$2")
    .toLowerCase();
}

/** A db_routing.yaml problem as `products/db_routing.yaml:3:5` and the text after that prefix. */
function describeProblem(index: RepoIndex, problem: ConfigProblem): { location: string; problem: string } {
  const location = `${relativeToRoot(index.root, problem.file)}:${problem.line}:${problem.column}`;
  const text = problem.message.startsWith(`${location}: `) ? problem.message.slice(location.length + 2) : problem.message;
  return { location, problem: text.replace(/\.$/u, "") };
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
      invalidRouting: "{{location}} is invalid ({{problem}}): relations across databases cannot be checked.",
      invalidRoute: '{{location}}: {{problem}}: this relation of "{{appLabel}}" cannot be checked across databases.',
      useIdField: "Store {{name}} as a BigIntegerField (a schema change: make a migration).",
    },
  },

  create(context, file) {
    const [{ checkUnroutedModels }] = context.options;
    if (!file.app) return {};
    const ownerLabel = file.app.label;
    const { index } = file;
    const { failure, invalidLabels } = index.dbRouting;
    if (index.dbRoutes.size === 0 && !failure && invalidLabels.size === 0) return {};

    const { sourceCode } = context;
    const { text } = sourceCode;
    const ownerDatabase = databaseOf(index, ownerLabel);
    let reportedProblem = false;

    /** One report a file for the routing file's problem: the rest of the file is left unchecked. */
    function reportRoutingProblem(field: RelationField<PyNode>, problem: ConfigProblem, appLabel?: string): void {
      if (reportedProblem) return;
      reportedProblem = true;
      const { location, problem: text } = describeProblem(index, problem);
      if (appLabel === undefined) context.report({ node: field.target, messageId: "invalidRouting", data: { location, problem: text } });
      else context.report({ node: field.target, messageId: "invalidRoute", data: { location, problem: text, appLabel } });
    }

    function check(field: RelationField<PyNode>): void {
      const target = resolveRelationTarget(file, text, field.target);
      if (!target || target.name === "self") return;
      for (const involved of [ownerLabel, target.appLabel]) {
        const problem = invalidLabels.get(involved);
        if (problem) return reportRoutingProblem(field, problem, involved);
      }
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
        ...(suggestion ? { suggest: [{ messageId: "useIdField" as const, data: { name: suggestion.name }, fix: applyingEdits(suggestion.edits) }] } : {}),
      });
    }

    return {
      module() {
        for (const field of file.relationFields()) {
          if (!field.modelClass || isInsideError(field.call)) continue;
          if (failure) reportRoutingProblem(field, failure);
          else check(field);
        }
      },
    };
  },
});

