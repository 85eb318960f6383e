import type { RuleVisitor } from "@eslint/core";
import type { JSONRuleDefinition } from "@eslint/json";
import type { CustomRuleDefinitionType, CustomRuleTypeDefinitions, CustomRuleVisitorWithExit } from "@eslint/plugin-kit";
import type { TOMLLanguageOptions, TOMLSourceCode } from "eslint-plugin-toml";
import type { YAMLLanguageOptions, YAMLSourceCode } from "eslint-plugin-yml";
import type { AST as TomlAST } from "toml-eslint-parser";
import type { AST as YamlAST } from "yaml-eslint-parser";
import type { PyNode } from "../languages/python/ast.js";
import type { PyNodeType } from "../languages/python/node-types.js";
import type { PythonLanguageOptions } from "../languages/python/language.js";
import type { PythonSourceCode } from "../languages/python/source-code.js";
import { REPOSITORY_URL } from "../meta.js";

/** A PyNode of one node type. */
export type PyNodeOf<Type extends PyNodeType> = PyNode & { readonly type: Type };

/**
 * Visitor keyed by tree-sitter node types (`module`, `class_definition`, `import_from_statement`...),
 * each with its node type; esquery selectors as other keys. ESLint visits the module and its
 * top-level statements (see "The Python language" in the README).
 */
export interface PythonRuleVisitor
  extends RuleVisitor,
    CustomRuleVisitorWithExit<{ [Type in PyNodeType]?: (node: PyNodeOf<Type>, parent: PyNode | null) => void }> {}

export type RuleDocs = {
  /** Included in `configs.recommended`. */
  recommended: boolean;
  /**
   * The severity the configs give the rule: `"error"` (the default) or `"warn"` for a rule whose
   * findings are notes to act on, not defects (hogli prints them with ⚠ and passes).
   */
  severity?: "warn";
};

/** The options a rule definition is typed with: its options tuple and message ids. */
export type RuleTypeOptions = Partial<Pick<CustomRuleTypeDefinitions, "RuleOptions" | "MessageIds">>;

export type PythonRuleDefinition<Options extends RuleTypeOptions = RuleTypeOptions> = CustomRuleDefinitionType<
  {
    LangOptions: PythonLanguageOptions;
    Code: PythonSourceCode;
    Visitor: PythonRuleVisitor;
    Node: PyNode;
  },
  Options & { ExtRuleDocs: RuleDocs }
>;

export type ProductPackageRuleDefinition<Options extends RuleTypeOptions = RuleTypeOptions> = JSONRuleDefinition<Options & { ExtRuleDocs: RuleDocs }>;

export type YamlRuleDefinition<Options extends RuleTypeOptions = RuleTypeOptions> = CustomRuleDefinitionType<
  {
    LangOptions: YAMLLanguageOptions;
    Code: YAMLSourceCode;
    Visitor: RuleVisitor & { Program?(node: YamlAST.YAMLProgram): void };
    Node: YamlAST.YAMLNode;
  },
  Options & { ExtRuleDocs: RuleDocs }
>;

export type TomlRuleDefinition<Options extends RuleTypeOptions = RuleTypeOptions> = CustomRuleDefinitionType<
  {
    LangOptions: TOMLLanguageOptions;
    Code: TOMLSourceCode;
    Visitor: RuleVisitor & { Program?(node: TomlAST.TOMLProgram): void };
    Node: TomlAST.TOMLNode;
  },
  Options & { ExtRuleDocs: RuleDocs }
>;

/** `meta.docs.url` for a rule: its page in docs/rules/. */
export function ruleDocsUrl(ruleName: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleName}.md`;
}
