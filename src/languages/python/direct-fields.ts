/**
 * Fields whose nodes are children of the node itself. A field can also name a node further down,
 * inside a child the grammar writes as a hidden rule under another name (`match_statement`'s
 * `alternative` clauses are children of its `block`), so a field's node learns its parent from
 * the field only where the grammar puts it directly.
 */
export const DIRECT_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  call: new Set(["function", "arguments"]),
  assignment: new Set(["left", "right", "type"]),
  augmented_assignment: new Set(["left", "right"]),
  keyword_argument: new Set(["name", "value"]),
  attribute: new Set(["object", "attribute"]),
  class_definition: new Set(["name", "superclasses", "body"]),
  function_definition: new Set(["name", "parameters", "body", "return_type"]),
  decorated_definition: new Set(["definition"]),
};
