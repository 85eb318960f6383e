import type { RuleTextEdit, RuleTextEditor } from "@eslint/core";

/** A text replacement: ESLint's `fixer.replaceTextRange(range, text)`. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/** A fix function applying every edit (ESLint merges them into one). */
export function applyingEdits(edits: readonly TextEdit[]): (fixer: RuleTextEditor) => RuleTextEdit[] {
  return (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text));
}
