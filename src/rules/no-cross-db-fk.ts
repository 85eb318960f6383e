import type { PyNode } from "../parsers/python/ast.js";
import type { ConfigProblem, RepoIndex } from "../project/types.js";
import { problemsOfFile, relativeToRoot } from "../project/problems.js";
import { getPythonFileContext, type PythonFileContext } from "./python/file-context.js";
import type { TextEdit } from "./python/import-edits.js";
import { resolveRelationTarget } from "./python/model-reference.js";
import { classNameOf, readRelationField, type RelationField } from "./python/relation-fields.js";
import { childByField, indentationAt, isInsideError, lineBreakOf, lineEndOf, startsLine, textOf } from "./python/syntax.js";
import { ruleDocsUrl, type PythonRuleDefinition } from "./rule-types.js";

type MessageIds = "crossDatabase" | "crossDatabaseManyToMany" | "crossDatabaseForeignObject" | "invalidRouting" | "useIdField";
type Options = [{ checkUnroutedModels: boolean }];

const RULE_NAME = "no-cross-db-fk";

/** The database of every app without a route in db_routing.yaml. */
const DEFAULT_DATABASE = "default";

/**
 * Keyword arguments of the relation field that the suggested BigIntegerField keeps: nullability,
 * the column (name, primary key, uniqueness) and its documentation. Everything else
 * (`to`, `on_delete`, `related_name`, `related_query_name`, `limit_choices_to`, `db_constraint`,
 * `to_field`, `default`, `db_index`...) is about the relation and goes.
 */
const KEPT_KEYWORDS: ReadonlySet<string> = new Set([
  "null",
  "blank",
  "db_column",
  "db_comment",
  "primary_key",
  "unique",
  "help_text",
  "verbose_name",
]);

function describeDatabase(database: string): string {
  return database === DEFAULT_DATABASE ? "the default database" : `database "${database}"`;
}

function databaseOf(index: RepoIndex, appLabel: string): string {
  return index.dbRoutes.get(appLabel)?.database ?? DEFAULT_DATABASE;
}

/** `FeatureFlag` → `feature_flag`, `HTTPLog` → `http_log`. */
function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/gu, "$1_$2")
    .replace(/([a-z0-9])([A-Z])/gu, "$1_$2")
    .toLowerCase();
}

/** `team` → `team_id`; a name already ending in `_id` stays. */
function idFieldName(fieldName: string): string {
  return fieldName.endsWith("_id") ? fieldName : `${fieldName}_id`;
}

/** The db_routing.yaml problem as `products/db_routing.yaml:3:5` and the text after that prefix. */
function describeProblem(index: RepoIndex, problems: ConfigProblem[]): { location: string; problem: string } {
  const first = problems[0]!;
  const relative = relativeToRoot(index.root, first.file);
  const location = `${relative}:${first.line}:${first.column}`;
  let problem = first.message.startsWith(`${location}: `) ? first.message.slice(location.length + 2) : first.message;
  problem = problem.replace(/\.$/u, "");
  if (problems.length > 1) problem += `; and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""}`;
  return { location, problem };
}

/** Another statement of the class body assigns `name` (the suggested field would clash with it). */
function classAssigns(text: string, modelClass: PyNode, name: string, except: PyNode): boolean {
  const body = childByField(modelClass, "body");
  if (!body) return false;
  for (const statement of body.children) {
    if (statement.type !== "expression_statement") continue;
    for (const child of statement.children) {
      if (child.type !== "assignment" || child === except) continue;
      const left = childByField(child, "left");
      if (left?.type === "identifier" && textOf(text, left) === name) return true;
    }
  }
  return false;
}

/**
 * How to write `BigIntegerField` where the relation field's callee was: `models.ForeignKey` →
 * `models.BigIntegerField`; a bare `ForeignKey` imported from `django.db.models` →
 * `BigIntegerField`, added to that import when it is not imported yet.
 */
function bigIntegerCallee(text: string, file: PythonFileContext, callee: PyNode): { callee: string; edits: TextEdit[] } | undefined {
  if (callee.type === "attribute") {
    const object = childByField(callee, "object");
    return object ? { callee: `${textOf(text, object)}.BigIntegerField`, edits: [] } : undefined;
  }
  if (callee.type !== "identifier") return undefined;
  const { byLocalName } = file.imports;
  const existing = byLocalName.get("BigIntegerField");
  if (existing && existing.name.importedName === "BigIntegerField") return { callee: "BigIntegerField", edits: [] };
  const binding = byLocalName.get(textOf(text, callee));
  if (binding) {
    if (binding.fromImport.module !== "django.db.models" || existing) return undefined;
    const last = binding.fromImport.names[binding.fromImport.names.length - 1]!;
    return { callee: "BigIntegerField", edits: [{ range: [last.node.range[1], last.node.range[1]], text: ", BigIntegerField" }] };
  }
  const models = byLocalName.get("models");
  if (models && models.fromImport.module === "django.db" && models.name.importedName === "models") {
    return { callee: "models.BigIntegerField", edits: [] };
  }
  // Not bound by an import of this file (a star import, most likely): the name comes with it.
  return existing ? undefined : { callee: "BigIntegerField", edits: [] };
}

/** A trailing `# comment` after a node (and its comma) on the node's last line, with its spacing. */
function trailingComment(text: string, node: PyNode): string {
  const rest = text.slice(node.range[1], lineEndOf(text, node.range[1]));
  const match = /^\s*,?(\s*#.*)$/u.exec(rest);
  return match ? match[1]!.trimEnd() : "";
}

/**
 * `team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, null=True)` →
 * `team_id = models.BigIntegerField(db_index=True, null=True)`. A call whose arguments start on
 * their own lines keeps that layout (one argument a line, with their trailing comments).
 */
function idFieldSuggestion(
  text: string,
  file: PythonFileContext,
  field: RelationField,
): { name: string; edits: TextEdit[] } | undefined {
  const { call, assignment, fieldName, modelClass } = field;
  if (!assignment || !fieldName || !modelClass) return undefined;
  if (field.kind !== "ForeignKey" && field.kind !== "OneToOneField") return undefined;
  const left = childByField(assignment, "left");
  const fn = childByField(call, "function");
  const args = childByField(call, "arguments");
  if (!left || !fn || !args) return undefined;
  const name = idFieldName(fieldName);
  if (name !== fieldName && classAssigns(text, modelClass, name, assignment)) return undefined;
  const callee = bigIntegerCallee(text, file, fn);
  if (!callee) return undefined;

  const kept: PyNode[] = [];
  const keptValues = new Map<string, string>();
  for (const arg of args.children) {
    if (arg.type !== "keyword_argument") continue;
    const keyword = childByField(arg, "name");
    const value = childByField(arg, "value");
    if (!keyword || !value) continue;
    const key = textOf(text, keyword);
    if (!KEPT_KEYWORDS.has(key)) continue;
    kept.push(arg);
    keptValues.set(key, textOf(text, value));
  }
  const indexed = keptValues.get("primary_key") === "True" || keptValues.get("unique") === "True";
  const added: string[] = [];
  if (field.kind === "OneToOneField" && !keptValues.has("unique") && keptValues.get("primary_key") !== "True") added.push("unique=True");
  else if (!indexed) added.push("db_index=True");

  const argsText = textOf(text, args);
  const vertical = /^\(\s*(?:#[^\r\n]*)?(?:\r\n|\r|\n)/u.test(argsText);
  let argumentList: string;
  if (vertical) {
    const lineBreak = lineBreakOf(text);
    const statementIndent = indentationAt(text, assignment.range[0]);
    const closeIndex = args.range[1] - 1;
    const closeIndent = startsLine(text, closeIndex) ? indentationAt(text, closeIndex) : statementIndent;
    const firstArg = args.children.find((child) => child.type !== "comment");
    const itemIndent =
      firstArg && startsLine(text, firstArg.range[0]) ? indentationAt(text, firstArg.range[0]) : `${closeIndent}    `;
    const lines = [
      ...added.map((arg) => `${itemIndent}${arg},`),
      ...kept.map((arg) => `${itemIndent}${textOf(text, arg)},${trailingComment(text, arg)}`),
    ];
    argumentList = `(${lineBreak}${lines.join(lineBreak)}${lineBreak}${closeIndent})`;
  } else {
    argumentList = `(${[...added, ...kept.map((arg) => textOf(text, arg))].join(", ")})`;
  }
  return {
    name,
    edits: [...callee.edits, { range: [left.range[0], call.range[1]], text: `${name} = ${callee.callee}${argumentList}` }],
  };
}

const rule: PythonRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
  meta: {
    type: "problem",
    docs: {
      description:
        "Disallow relation fields (ForeignKey, OneToOneField, ManyToManyField, ForeignObject) between models in different databases (products/db_routing.yaml)",
      url: ruleDocsUrl(RULE_NAME),
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
      crossDatabase:
        "{{owner}} points at {{target}} in {{targetDatabase}}, but {{app}} lives in {{ownerDatabase}}. Store {{idField}} as a BigIntegerField and fetch {{targetName}} through its facade.",
      crossDatabaseManyToMany:
        "{{owner}} points at {{target}} in {{targetDatabase}}, but {{app}} lives in {{ownerDatabase}}. A ManyToManyField cannot span two databases: replace it with a model of {{app}} that stores {{idField}} as a BigIntegerField, and fetch {{targetName}} through its facade.",
      crossDatabaseForeignObject:
        "{{owner}} points at {{target}} in {{targetDatabase}}, but {{app}} lives in {{ownerDatabase}}. A ForeignObject cannot join across databases: remove it, keep the plain id column, and fetch {{targetName}} through its facade.",
      invalidRouting:
        "{{location}} is invalid ({{problem}}): no-cross-db-fk cannot check relations across databases until it is fixed.",
      useIdField: "Store {{name}} as a BigIntegerField instead (a schema change: make a migration).",
    },
    languages: ["posthog-products/python"],
  },

  create(context) {
    const [{ checkUnroutedModels }] = context.options;
    const file = getPythonFileContext(context);
    const app = file?.app;
    if (!file || !app) return {};
    const { index } = file;
    const routingProblems = problemsOfFile(index.problems, index.dbRoutingFile);
    if (index.dbRoutes.size === 0 && routingProblems.length === 0) return {};

    const { sourceCode } = context;
    const { text } = sourceCode;
    const ownerDatabase = databaseOf(index, app.label);
    if (ownerDatabase === DEFAULT_DATABASE && !checkUnroutedModels && routingProblems.length === 0) return {};
    let reportedProblem = false;

    function reportRoutingProblem(field: RelationField): void {
      if (reportedProblem) return;
      reportedProblem = true;
      context.report({ node: field.target, messageId: "invalidRouting", data: describeProblem(index, routingProblems) });
    }

    function check(field: RelationField): void {
      const target = resolveRelationTarget(file!, text, sourceCode.ast, field.target);
      if (!target || target.name === "self") return;
      const targetDatabase = databaseOf(index, target.appLabel);
      if (targetDatabase === ownerDatabase) return;
      if (ownerDatabase === DEFAULT_DATABASE && !checkUnroutedModels) return;

      const className = classNameOf(text, field.modelClass!) ?? "<class>";
      // Django resolves label model names case-insensitively (`"posthog.team"`): name the real class.
      const model =
        target.model ??
        [...(index.apps.get(target.appLabel)?.models.values() ?? [])].find(
          (candidate) => candidate.name.toLowerCase() === target.name.toLowerCase(),
        );
      const targetName = model?.name ?? target.name;
      const data = {
        owner: field.fieldName ? `${className}.${field.fieldName}` : `A ${field.kind} of ${className}`,
        target: `${target.appLabel}.${targetName}`,
        targetName,
        targetDatabase: describeDatabase(targetDatabase),
        app: app!.label,
        ownerDatabase: describeDatabase(ownerDatabase),
      };
      if (field.kind === "ManyToManyField") {
        context.report({
          node: field.target,
          messageId: "crossDatabaseManyToMany",
          data: { ...data, idField: `${snakeCase(targetName)}_id` },
        });
        return;
      }
      if (field.kind === "ForeignObject") {
        context.report({ node: field.target, messageId: "crossDatabaseForeignObject", data });
        return;
      }
      const suggestion = idFieldSuggestion(text, file!, field);
      context.report({
        node: field.target,
        messageId: "crossDatabase",
        data: { ...data, idField: field.fieldName ? idFieldName(field.fieldName) : `the ${targetName} id` },
        ...(suggestion
          ? {
              suggest: [
                {
                  messageId: "useIdField" as const,
                  data: { name: suggestion.name },
                  fix: (fixer) => suggestion.edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
                },
              ],
            }
          : {}),
      });
    }

    return {
      call(node: PyNode) {
        const field = readRelationField(text, node);
        if (!field?.modelClass || isInsideError(node)) return;
        if (routingProblems.length > 0) reportRoutingProblem(field);
        else check(field);
      },
    };
  },
};

export default rule;
