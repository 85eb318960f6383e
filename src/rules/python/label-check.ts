import type { RuleTextEdit, RuleTextEditor } from "@eslint/core";
import { pythonStringLiteral, stringQuote, type SyntaxNode } from "../../languages/python/syntax/index.js";
import type { ModelInfo } from "../../project/types.js";
import type { PythonRuleDefinition } from "../rule-types.js";
import type { PythonFileContext } from "./file-context.js";

/** The messages of `string-fk-labels`. */
export type LabelMessageIds =
  | "classReference"
  | "unresolvedClassReference"
  | "ambiguousClassReference"
  | "pythonPath"
  | "unresolvedPythonPath"
  | "unknownAppLabel"
  | "modelNotInApp"
  | "missingAppLabel"
  | "unusedImport"
  | "useLabel";

export type LabelOptions = [{ requireAppLabel: boolean; allowSameFileClasses: boolean; knownAppLabels: string[] }];

type LabelRule = PythonRuleDefinition<{ RuleOptions: LabelOptions; MessageIds: LabelMessageIds }>;

/** What the checks of `string-fk-labels` share for one file. */
export interface LabelCheck {
  context: Parameters<LabelRule["create"]>[0];
  file: PythonFileContext;
  text: string;
  options: LabelOptions[0];
  knownLabels: ReadonlySet<string>;
}

export function label(model: Pick<ModelInfo, "appLabel" | "name">): string {
  return `${model.appLabel}.${model.name}`;
}

/** A fix that replaces a target with a string literal (in the quotes the target used). */
export function replaceWith(text: string, target: SyntaxNode, value: string): (fixer: RuleTextEditor) => RuleTextEdit[] {
  const literal = pythonStringLiteral(value, stringQuote(text, target));
  return (fixer) => [fixer.replaceTextRange([target.startIndex, target.endIndex], literal)];
}
