import type { SourceLocation, SourceRange, FileProblem, DirectiveType, RulesConfig } from "@eslint/core";
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import type { PyComment, PyNode } from "./ast.js";

const commentParser = new ConfigCommentParser();
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

class PythonTraversalStep extends VisitNodeStep {
  declare target: PyNode;
}

/** The text of a `#` comment after the `#`. */
function commentValue(text: string, comment: PyComment): string {
  return text.slice(comment.range[0] + 1, comment.range[1]);
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
  #rootLoc: SourceLocation;

  constructor({ text, ast, hasBOM }: { text: string; ast: PyNode; hasBOM: boolean }) {
    super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.ast = ast;
    this.hasBOM = hasBOM;
    const lines = this.lines;
    this.#rootLoc = {
      start: { line: 1, column: 0 },
      end: { line: lines.length, column: lines[lines.length - 1]!.length },
    };
  }

  /** Locations are computed on demand from ranges: most nodes are never reported. */
  override getLoc(node: PyNode): SourceLocation {
    if (node === this.ast) return this.#rootLoc;
    let loc = this.#locs.get(node);
    if (!loc) {
      loc = { start: this.getLocFromIndex(node.range[0]), end: this.getLocFromIndex(node.range[1]) };
      this.#locs.set(node, loc);
    }
    return loc;
  }

  override getRange(node: PyNode): SourceRange {
    return node.range;
  }

  override getParent(node: PyNode): PyNode | undefined {
    return node.parent ?? undefined;
  }

  /** Source text of a node (shorthand for rules). */
  textOf(node: PyNode): string {
    return this.text.slice(node.range[0], node.range[1]);
  }

  /** Every `#` comment of the file, in document order. */
  get comments(): PyComment[] {
    this.#comments ??= this.ast.descendantsOfType("comment") as PyComment[];
    return this.#comments;
  }

  /** `# eslint...` comments. A file without the word has none, and its comments are never looked for. */
  getInlineConfigNodes(): PyComment[] {
    this.#inlineConfigComments ??= this.text.includes("eslint")
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
    return {
      *[Symbol.iterator](): Iterator<PythonTraversalStep> {
        yield new PythonTraversalStep({ target: root, phase: 1, args: [root, null] });
        for (const node of root.children) {
          if (node.type === "comment") continue;
          const args: [PyNode, PyNode | null] = [node, root];
          yield new PythonTraversalStep({ target: node, phase: 1, args });
          yield new PythonTraversalStep({ target: node, phase: 2, args });
        }
        yield new PythonTraversalStep({ target: root, phase: 2, args: [root, null] });
      },
    };
  }
}
