import type { AST } from "yaml-eslint-parser";
import { defineProductRule } from "./product-rule.js";

type MessageIds = "missingProductYaml" | "notMapping" | "missingName" | "missingOwners" | "ownersNotStrings" | "placeholderOwner";

const RULE_NAME = "product-yaml";

/** The owner `hogli product:bootstrap` writes until someone picks a team. */
const PLACEHOLDER_OWNER = "team-CHANGEME";

type Node = AST.YAMLContent | AST.YAMLWithMeta;

/** Python's `type(value).__name__` for what hogli reports instead of a mapping. */
function typeName(node: Node | null): string {
  if (!node) return "NoneType";
  const content = node.type === "YAMLWithMeta" ? node.value : node;
  if (!content) return "NoneType";
  if (content.type === "YAMLSequence") return "list";
  if (content.type !== "YAMLScalar") return "object";
  const value = content.value;
  if (value === null) return "NoneType";
  return typeof value === "string" ? "str" : typeof value === "boolean" ? "bool" : Number.isInteger(value) ? "int" : "float";
}

/** The node under a tag or anchor. */
function content(node: Node | null): AST.YAMLContent | null {
  return node?.type === "YAMLWithMeta" ? node.value : node;
}

/** A non-empty string scalar's value. */
function stringOf(node: Node | null): string | undefined {
  const scalar = content(node);
  return scalar?.type === "YAMLScalar" && typeof scalar.value === "string" && scalar.value !== "" ? scalar.value : undefined;
}

/** Python truthiness of a YAML value (hogli tests `not owners`). */
function isFalsy(node: Node | null): boolean {
  const value = content(node);
  if (!value) return true;
  if (value.type === "YAMLSequence") return value.entries.length === 0;
  if (value.type === "YAMLMapping") return value.pairs.length === 0;
  if (value.type === "YAMLScalar") return value.value === null || value.value === "" || value.value === false || value.value === 0;
  return false;
}

function pairOf(mapping: AST.YAMLMapping, key: string): AST.YAMLPair | undefined {
  return mapping.pairs.find((pair) => stringOf(pair.key) === key);
}

export default defineProductRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Require every product to have a `product.yaml` with a `name` and a list of `owners`, none of them the scaffold's `team-CHANGEME`",
      recommended: true,
    },
    schema: [],
    messages: {
      missingProductYaml: 'Product "{{product}}" has no product.yaml: add one with its name and owners (who owns this product?).',
      notMapping: "product.yaml must be a mapping (name, owners), not {{type}}.",
      missingName: 'product.yaml has no "name": give the product its name (a non-empty string).',
      missingOwners: 'product.yaml has no "owners": list the teams that own this product.',
      ownersNotStrings: '"owners" must be a list of strings (GitHub team slugs).',
      placeholderOwner: 'The owner is still the scaffold\'s "team-CHANGEME": name the real owning team.',
    },
  },

  productProblems({ product }) {
    return product.rootEntries.includes("product.yaml") ? [] : [{ messageId: "missingProductYaml", data: { product: product.name } }];
  },

  productYaml({ context, ast }) {
    const document = ast.body[0];
    const root = content(document?.content ?? null);
    if (root?.type !== "YAMLMapping") {
      context.report({ loc: (root ?? ast).loc, messageId: "notMapping", data: { type: typeName(document?.content ?? null) } });
      return;
    }
    const name = pairOf(root, "name");
    if (!name || stringOf(name.value) === undefined) context.report({ loc: (name ?? root).loc, messageId: "missingName", data: {} });
    const owners = pairOf(root, "owners");
    if (!owners || isFalsy(owners.value)) {
      context.report({ loc: (owners ?? root).loc, messageId: "missingOwners", data: {} });
      return;
    }
    const list = content(owners.value);
    if (list?.type !== "YAMLSequence" || list.entries.some((entry) => { const scalar = content(entry); return scalar?.type !== "YAMLScalar" || typeof scalar.value !== "string"; })) {
      context.report({ loc: owners.loc, messageId: "ownersNotStrings", data: {} });
      return;
    }
    for (const entry of list.entries) {
      if (entry && stringOf(entry) === PLACEHOLDER_OWNER) context.report({ loc: entry.loc, messageId: "placeholderOwner", data: {} });
    }
  },
});
