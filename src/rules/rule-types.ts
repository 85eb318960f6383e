import type { RuleVisitor } from "@eslint/core";
import type { CustomRuleDefinitionType, CustomRuleTypeDefinitions, CustomRuleVisitorWithExit } from "@eslint/plugin-kit";
import type { PyNode } from "../parsers/python/ast.js";
import type { PythonSourceCode } from "../parsers/python/source-code.js";

/** Visitor keyed by tree-sitter node types (`class_definition`, `call`, `import_from_statement`...). */
export interface PythonRuleVisitor
  extends RuleVisitor,
    CustomRuleVisitorWithExit<{ [nodeType: string]: ((node: PyNode, parent?: PyNode | null) => void) | undefined }> {}

export interface RuleDocs {
  /** Included in `configs.recommended`. */
  recommended: boolean;
}

export type PythonRuleDefinition<Options extends Partial<CustomRuleTypeDefinitions> = {}> = CustomRuleDefinitionType<
  {
    LangOptions: Record<string, never>;
    Code: PythonSourceCode;
    Visitor: PythonRuleVisitor;
    Node: PyNode;
  },
  Options & { ExtRuleDocs: RuleDocs }
>;

const REPO_URL = "https://github.com/posthog-products/eslint-plugin-posthog-products";

/** `meta.docs.url` for a rule: its page in docs/rules/. */
export function ruleDocsUrl(ruleName: string): string {
  return `${REPO_URL}/blob/main/docs/rules/${ruleName}.md`;
}
