import type { RuleTextEditor } from "@eslint/core";
import { indentationAt, lineBreakOf, lineEndOf, pythonStringLiteral, stringQuote, type SyntaxNode } from "../languages/python/syntax/index.js";
import { appConfigNameStatus } from "../project/index.js";
import { findAppConfigClass } from "../project/read-apps.js";
import { rangeOf } from "./package-json/package-document.js";
import { defineProductRule } from "./product-rule.js";

type MessageIds =
  | "folderName"
  | "packageName"
  | "renamePackage"
  | "missingPackageName"
  | "appConfigName"
  | "appConfigNameOther"
  | "appConfigNameOutside"
  | "setName"
  | "appConfigLabel"
  | "setLabel"
  | "missingLabel"
  | "configClassName";

const RULE_NAME = "product-naming";

/** The seed: top-level product folders are under_score cased (dashes break Python imports). */
const FOLDER_NAME = /^[a-z][a-z0-9_]*$/u;

/** `@posthog/products-<name with dashes>`, the scaffolder's package name. */
export function expectedPackageName(product: string): string {
  return `@posthog/products-${product.replace(/_/gu, "-")}`;
}

/** `feature_flags` → `FeatureFlags`. */
function pascalCase(product: string): string {
  return product
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

export default defineProductRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Enforce the names the seed and the scaffolder give a product: its folder, its package name, and its AppConfig's `name`, `label` and class",
      recommended: true,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      folderName: 'Rename products/{{product}}/ to an under_score name ([a-z][a-z0-9_]*): dashes and capitals break Python imports.',
      packageName: 'The package of products/{{product}}/ is "{{name}}": the convention is "{{expected}}".',
      renamePackage: 'Rename it "{{expected}}" (and update the references to "{{name}}").',
      missingPackageName: 'The package of products/{{product}}/ has no name: add "name": "{{expected}}".',
      appConfigName: 'AppConfig name must be the app\'s module, "{{expected}}", not "{{name}}": Django cannot import it otherwise.',
      appConfigNameOther: 'AppConfig name "{{name}}" is another package, which Django loads as this app: the app\'s module is "{{expected}}".',
      appConfigNameOutside: 'AppConfig name "{{name}}" is no package of the repository (an installed one?): the app\'s module is "{{expected}}".',
      setName: 'Set name = "{{expected}}" (Django then loads this package, not {{name}}).',
      appConfigLabel: 'AppConfig label is "{{label}}": the convention is the product folder\'s name, "{{expected}}".',
      setLabel: 'Set label = "{{expected}}" (a new label renames the app\'s tables and migrations: migrate them).',
      missingLabel: 'AppConfig has no label, so Django labels the app "backend" like every other product: add label = "{{expected}}".',
      configClassName: "Name the AppConfig class {{expected}} (the product's name in PascalCase, then Config), not {{className}}.",
    },
  },

  productProblems({ product }) {
    return FOLDER_NAME.test(product.name) ? [] : [{ messageId: "folderName", data: { product: product.name } }];
  },

  packageJson({ context, doc, product, locOf }) {
    const expected = expectedPackageName(product.name);
    const member = doc.nameMember;
    if (!member) {
      const [start] = rangeOf(doc.root);
      const first = doc.root.members[0];
      const text = doc.text;
      const eol = text.includes("\r\n") ? "\r\n" : "\n";
      const indent = first ? text.slice(text.lastIndexOf("\n", rangeOf(first)[0]) + 1, rangeOf(first)[0]) : "  ";
      const inserted = first ? `${eol}${indent}"name": ${JSON.stringify(expected)},` : `${eol}${indent}"name": ${JSON.stringify(expected)}${eol}`;
      context.report({
        loc: locOf([start, start + 1]),
        messageId: "missingPackageName",
        data: { product: product.name, expected },
        fix: (fixer: RuleTextEditor) => fixer.replaceTextRange([start + 1, start + 1], inserted),
      });
      return;
    }
    const value = member.value;
    if (value.type !== "String" || value.value === expected) return;
    const range = rangeOf(value);
    const data = { product: product.name, name: value.value, expected };
    context.report({
      loc: locOf(range),
      messageId: "packageName",
      data,
      suggest: [{ messageId: "renamePackage", data, fix: (fixer: RuleTextEditor) => fixer.replaceTextRange(range, JSON.stringify(expected)) }],
    });
  },

  python({ context, code, file, product }) {
    if (file.relativePath !== `products/${product.name}/backend/apps.py`) return;
    const config = findAppConfigClass(code.text, code.ast);
    if (!config) return;
    const locOf = (node: SyntaxNode) => ({ start: code.getLocFromIndex(node.startIndex), end: code.getLocFromIndex(node.endIndex) });
    const literal = (node: SyntaxNode, value: string) => pythonStringLiteral(value, stringQuote(code.text, node));
    const module = `products.${product.name}.backend`;
    if (config.name && config.name.value !== module) {
      const node = config.name.node;
      const data = { name: config.name.value, expected: module };
      const fix = (fixer: RuleTextEditor) => fixer.replaceTextRange([node.startIndex, node.endIndex], literal(node, module));
      // A name that imports makes Django load that package: changing it is a suggestion. One that
      // cannot import keeps Django from starting: the fix loses nothing.
      const status = appConfigNameStatus(file.index, product.app, config.name.value);
      if (status === "missing") context.report({ loc: locOf(node), messageId: "appConfigName", data, fix });
      else {
        const messageId = status === "repository" ? "appConfigNameOther" : "appConfigNameOutside";
        context.report({ loc: locOf(node), messageId, data, suggest: [{ messageId: "setName", data, fix }] });
      }
    }
    if (config.label && config.label.value !== product.name) {
      const node = config.label.node;
      const data = { label: config.label.value, expected: product.name };
      context.report({
        loc: locOf(node),
        messageId: "appConfigLabel",
        data,
        suggest: [{ messageId: "setLabel", data, fix: (fixer: RuleTextEditor) => fixer.replaceTextRange([node.startIndex, node.endIndex], literal(node, product.name)) }],
      });
    } else if (!config.label) {
      const after = config.name?.statement;
      const text = after ? `${lineBreakOf(code.text)}${indentationAt(code.text, after.startIndex)}label = ${literal(config.name!.node, product.name)}` : "";
      context.report({
        loc: locOf(config.nameNode),
        messageId: "missingLabel",
        data: { expected: product.name },
        ...(after ? { fix: (fixer: RuleTextEditor) => {
              const end = lineEndOf(code.text, after.endIndex);
              return fixer.replaceTextRange([end, end], text);
            } } : {}),
      });
    }
    const expectedClass = `${pascalCase(product.name)}Config`;
    // Acronyms are the author's choice (AIObservabilityConfig for ai_observability).
    if (config.className.toLowerCase() !== expectedClass.toLowerCase()) {
      context.report({ loc: locOf(config.nameNode), messageId: "configClassName", data: { expected: expectedClass, className: config.className } });
    }
  },
});
