import type { SourceLocation, SourceRange, FileProblem, DirectiveType, RulesConfig } from "@eslint/core";
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import { lineIndexAt, lineStarts } from "../text-lines.js";
import type { PyNode } from "./ast.js";
import { spellsWord } from "./syntax/words.js";

export interface PyComment extends PyNode {
  type: "comment";
}

const commentParser = new ConfigCommentParser();
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

class PythonTraversalStep extends VisitNodeStep {
  declare target: PyNode;
}

/** The text of a `#` comment after the `#`. */
function commentValue(text: string, comment: PyComment): string {
  return text.slice(comment.startIndex + 1, comment.endIndex);
}

export class PythonSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, never>;
  RootNode: PyNode;
  SyntaxElementWithLoc: PyNode;
  ConfigNode: PyComment;
}> {
  override ast: PyNode;
  readonly hasBOM: boolean;
  #comments: PyComment[] | undefined;
  #inlineConfigComments: PyComment[] | undefined;
  #locs = new WeakMap<PyNode, SourceLocation>();
  #rootLoc: SourceLocation | undefined;
  #lineStarts: Uint32Array | undefined;

  constructor({ text, ast, hasBOM }: { text: string; ast: PyNode; hasBOM: boolean }) {
    super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.ast = ast;
    this.hasBOM = hasBOM;
  }

  /** Locations are computed on demand from ranges: most nodes are never reported. */
  override getLoc(node: PyNode): SourceLocation {
    if (node === this.ast) {
      const starts = this.#starts();
      this.#rootLoc ??= { start: { line: 1, column: 0 }, end: { line: starts.length, column: this.text.length - starts[starts.length - 1]! } };
      return this.#rootLoc;
    }
    let loc = this.#locs.get(node);
    if (!loc) {
      loc = { start: this.getLocFromIndex(node.startIndex), end: this.getLocFromIndex(node.endIndex) };
      this.#locs.set(node, loc);
    }
    return loc;
  }

  /**
   * The offset of every line's first character. Locations are found from this table alone:
   * the base class would split the file into line strings (`lines`) on the first report.
   */
  #starts(): Uint32Array {
    return (this.#lineStarts ??= lineStarts(this.text));
  }

  override getLocFromIndex(index: number): { line: number; column: number } {
    if (typeof index !== "number") throw new TypeError("Expected `index` to be a number.");
    if (index < 0 || index > this.text.length) {
      throw new RangeError(`Index out of range (requested index ${index}, but source text has length ${this.text.length}).`);
    }
    const starts = this.#starts();
    const line = lineIndexAt(starts, index);
    return { line: line + 1, column: index - starts[line]! };
  }

  override getIndexFromLoc(loc: { line: number; column: number }): number {
    if (loc === null || typeof loc !== "object" || typeof loc.line !== "number" || typeof loc.column !== "number") {
      throw new TypeError("Expected `loc` to be an object with numeric `line` and `column` properties.");
    }
    const starts = this.#starts();
    if (loc.line < 1 || loc.line > starts.length) {
      throw new RangeError(`Line number out of range (line ${loc.line} requested). Valid range: 1-${starts.length}`);
    }
    const isLastLine = loc.line === starts.length;
    const lineStart = starts[loc.line - 1]!;
    const lineEnd = isLastLine ? this.text.length : starts[loc.line]!;
    const index = lineStart + loc.column;
    if (loc.column < 0 || (isLastLine ? index > lineEnd : index >= lineEnd)) {
      throw new RangeError(`Column number out of range (column ${loc.column} requested). Valid range for line ${loc.line}: 0-${lineEnd - lineStart + (isLastLine ? 0 : -1)}`);
    }
    return index;
  }

  override getRange(node: PyNode): SourceRange {
    return node.range;
  }

  override getParent(node: PyNode): PyNode | undefined {
    return node.parent ?? undefined;
  }

  /** Source text of a node (shorthand for rules). */
  textOf(node: PyNode): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  /** Every `#` comment of the file, in document order. */
  get comments(): PyComment[] {
    this.#comments ??= this.ast.descendantsOfType("comment") as PyComment[];
    return this.#comments;
  }

  /** `# eslint...` comments. A file without the word has none, and its comments are never looked for. */
  getInlineConfigNodes(): PyComment[] {
    this.#inlineConfigComments ??= spellsWord(this.text, "eslint")
      ? this.comments.filter((comment) => INLINE_CONFIG.test(commentValue(this.text, comment)))
      : [];
    return this.#inlineConfigComments;
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const { label, value, justification } = commentParser.parseDirective(commentValue(this.text, comment))!;
      switch (label) {
        case "eslint-disable":
        case "eslint-enable":
        case "eslint-disable-next-line":
        case "eslint-disable-line":
          directives.push(
            new Directive({
              type: label.slice("eslint-".length) as DirectiveType,
              node: comment,
              value,
              justification,
            }),
          );
      }
    }
    return { problems: [], directives };
  }

  applyInlineConfig(): { configs: { config: { rules: RulesConfig }; loc: SourceLocation }[]; problems: FileProblem[] } {
    const configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const { label, value } = commentParser.parseDirective(commentValue(this.text, comment))!;
      if (label !== "eslint") continue;
      const parsed = commentParser.parseJSONLikeConfig(value);
      if (parsed.ok) {
        configs.push({ config: { rules: parsed.config }, loc: this.getLoc(comment) });
      } else {
        problems.push({ ruleId: null, message: parsed.error.message, loc: this.getLoc(comment) });
      }
    }
    return { configs, problems };
  }

  /**
   * Enter and exit steps for the module and its top-level statements (comments left out): what
   * ESLint's traversal visits. Rules reach deeper nodes through the node API.
   */
  override traverse(): Iterable<PythonTraversalStep> {
    const root = this.ast;
    // An array, not a generator: no iterator result per step.
    const steps = [new PythonTraversalStep({ target: root, phase: 1, args: [root, null] })];
    for (const node of root.children) {
      if (node.type === "comment") continue;
      const args: [PyNode, PyNode | null] = [node, root];
      steps.push(new PythonTraversalStep({ target: node, phase: 1, args }), new PythonTraversalStep({ target: node, phase: 2, args }));
    }
    steps.push(new PythonTraversalStep({ target: root, phase: 2, args: [root, null] }));
    return steps;
  }
}
