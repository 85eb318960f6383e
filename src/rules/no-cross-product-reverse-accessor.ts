import type { PyNode } from "../languages/python/ast.js";
import { childNodes, definitionName, isInsideError, keywordArgument, stringValue, type RelationField, type SyntaxNode } from "../languages/python/syntax/index.js";
import { CROSSING_BASELINE_FILE, crossingKey } from "../project/read-crossing-baseline.js";
import type { ModelInfo } from "../project/types.js";
import { databaseOf } from "./python/databases.js";
import { resolveRelationTarget } from "./python/model-reference.js";
import { applyingEdits, type TextEdit } from "./text-edit.js";
import { definePythonRule } from "./define-rule.js";

type MessageIds = "reverseAccessor" | "reverseQueryName" | "hideAccessor" | "hideAccessorAndQueryName" | "removeQueryName";
type Options = [{ baseline: boolean }];

const RULE_NAME = "no-cross-product-reverse-accessor";

/** hogli's boundary of a model: the product its defining module is in, else core. */
function boundaryOf(module: string): string {
  const match = /^products\.([^.]+)(?:\.|$)/u.exec(module);
  return match ? match[1]! : "core";
}

/**
 * The names hogli's baseline may give a model of this boundary and app label: its app label, and
 * for a product's model its product too. hogli's rows name a product's models by their product,
 * which a legacy app label (`ee` on access_control's `Role`) would hide; older rows used the label.
 */
function baselineLabels(boundary: string, appLabel: string): string[] {
  return boundary === "core" || boundary === appLabel ? [appLabel] : [boundary, appLabel];
}

/** Django's name for the reverse accessor: `related_name` with its `%(class)s`/`%(app_label)s`, else `<model>_set` (`<model>` for a one-to-one). */
function accessorName(field: RelationField, owner: string, appLabel: string, relatedName: string | undefined): string {
  if (relatedName !== undefined) {
    return relatedName.replace(/%\((?:class|model_name)\)s/gu, owner.toLowerCase()).replace(/%\(app_label\)s/gu, appLabel.toLowerCase());
  }
  return field.kind === "OneToOneField" ? owner.toLowerCase() : `${owner.toLowerCase()}_set`;
}

/** `related_name="+"`: the value of an existing `related_name`, or a new last argument of `args`. */
function hideEdit(args: SyntaxNode, relatedName: SyntaxNode | undefined): TextEdit | undefined {
  const value = relatedName?.childForFieldName("value");
  if (value) return { range: [value.startIndex, value.endIndex], text: '"+"' };
  const last = childNodes(args).at(-1);
  return last ? { range: [last.endIndex, last.endIndex], text: ', related_name="+"' } : undefined;
}

/**
 * The removal of a keyword argument with the separator before it (`, related_query_name="x"`);
 * undefined for a first argument, or when a comment sits before it (it may be about the argument
 * before).
 */
function removalEdit(text: string, args: SyntaxNode, argument: SyntaxNode): TextEdit | undefined {
  const list = childNodes(args);
  const previous = list[list.indexOf(argument) - 1];
  if (!previous || text.slice(previous.endIndex, argument.startIndex).includes("#")) return undefined;
  return { range: [previous.endIndex, argument.endIndex], text: "" };
}

export default definePythonRule<{ RuleOptions: Options; MessageIds: MessageIds }>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: 'Disallow relation fields into another product or core that add a reverse accessor or a reverse query name there (no `related_name="+"`, or a `related_query_name`)',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          baseline: {
            type: "boolean",
            description: `Leave alone the fields that hogli's ratchet, \`${CROSSING_BASELINE_FILE}\`, lists as \`reverse-accessor(...)\` lines (debt already frozen): only new ones are reported.`,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ baseline: true }],
    messages: {
      reverseAccessor: '{{field}} adds a cross-product reverse accessor, {{target}}.{{accessor}}: pass related_name="+".',
      reverseQueryName: "{{field}} keeps the cross-product reverse lookup {{target}}.objects.filter({{query}}__…): remove related_query_name.",
      hideAccessor: 'Pass related_name="+" (code that reads the reverse accessor must query this model instead).',
      hideAccessorAndQueryName: 'Pass related_name="+" and remove related_query_name (code that reads the reverse accessor or filters through it must query this model instead).',
      removeQueryName: "Remove related_query_name (code that filters through it must query this model instead).",
    },
  },

  create(context, file) {
    const { index } = file;
    const ownerApp = file.app;
    if (!ownerApp || !file.module) return {};
    const [{ baseline }] = context.options;
    const frozen = new Set(baseline ? (index.crossingBaseline?.reverseAccessors ?? []) : []);
    const { text } = context.sourceCode;
    const from = boundaryOf(file.module);

    function targetModel(field: RelationField<PyNode>): ModelInfo | undefined {
      const target = resolveRelationTarget(file, text, field.target);
      if (!target || target.name === "self") return undefined;
      return target.model ?? [...(index.apps.get(target.appLabel)?.models.values() ?? [])].find((model) => model.name.toLowerCase() === target.name.toLowerCase());
    }

    function check(field: RelationField<PyNode>, modelClass: PyNode): void {
      const target = targetModel(field);
      if (!target || !ownerApp) return;
      const to = boundaryOf(target.definingModule);
      if (to === from) return;
      // Different databases (or databases db_routing.yaml cannot tell): no-cross-db-fk reports the field.
      const { unreadable, invalidLabels } = index.dbRouting;
      if (unreadable || invalidLabels.has(ownerApp.label) || invalidLabels.has(target.appLabel)) return;
      if (databaseOf(index, ownerApp.label) !== databaseOf(index, target.appLabel)) return;
      const args = field.call.childForFieldName("arguments");
      if (!args) return;
      const relatedName = keywordArgument(text, args, "related_name");
      const relatedValue = relatedName?.childForFieldName("value");
      const written = relatedValue ? stringValue(text, relatedValue) : undefined;
      if (relatedValue && written === undefined) return;
      // A hidden accessor (a related_name ending in +) with an explicit related_query_name still lets filter() cross.
      const queryName = keywordArgument(text, args, "related_query_name");
      const hidden = written?.endsWith("+") ?? false;
      const queryValue = queryName?.childForFieldName("value");
      const query = queryValue ? stringValue(text, queryValue) : undefined;
      if (hidden && query === undefined) return;
      const owner = definitionName(text, modelClass) ?? "<class>";
      if (field.fieldName) {
        const fieldKeys = baselineLabels(from, ownerApp.label).map((label) => `${label}.${owner}.${field.fieldName}`);
        const targetKeys = baselineLabels(to, target.appLabel).map((label) => `${label}.${target.name}`);
        if (fieldKeys.some((fieldKey) => targetKeys.some((targetKey) => frozen.has(crossingKey(fieldKey, targetKey))))) return;
      }
      const fieldLabel = field.fieldName ? `${owner}.${field.fieldName}` : owner;
      const removal = queryName ? removalEdit(text, args, queryName) : undefined;
      if (hidden) {
        context.report({
          node: queryName as PyNode,
          messageId: "reverseQueryName",
          data: { field: fieldLabel, target: target.name, query: query! },
          ...(removal ? { suggest: [{ messageId: "removeQueryName" as const, fix: applyingEdits([removal]) }] } : {}),
        });
        return;
      }
      const accessor = accessorName(field, owner, ownerApp.label, written);
      const edit = hideEdit(args, relatedName);
      const suggestion = edit && (queryName ? removal && { messageId: "hideAccessorAndQueryName" as const, edits: [edit, removal] } : { messageId: "hideAccessor" as const, edits: [edit] });
      context.report({
        node: field.target,
        messageId: "reverseAccessor",
        data: { field: fieldLabel, target: target.name, accessor },
        ...(suggestion ? { suggest: [{ messageId: suggestion.messageId, fix: applyingEdits(suggestion.edits) }] } : {}),
      });
    }

    return {
      module() {
        for (const field of file.relationFields()) {
          if (field.modelClass && !isInsideError(field.call)) check(field, field.modelClass);
        }
      },
    };
  },
});
