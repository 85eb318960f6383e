import json from "@eslint/json";
import type { Language, TraversalStep } from "@eslint/core";
import { CallMethodStep, VisitNodeStep } from "@eslint/plugin-kit";
import toml from "eslint-plugin-toml";
import yml from "eslint-plugin-yml";
import { parseTomlDocument } from "./toml-documents.js";

type ParseResult = { ok: boolean; errors?: { line: number; column: number }[] };

interface AstNode {
  type: string;
  [key: string]: unknown;
}

/** The keys of a node that hold no child (the parsers' own fallback list). */
const NOT_CHILDREN = new Set(["comments", "leadingComments", "loc", "parent", "range", "tokens", "trailingComments"]);

const isNode = (value: unknown): value is AstNode => value !== null && typeof value === "object" && typeof (value as AstNode).type === "string";

function childrenOf(node: AstNode, visitorKeys: Record<string, readonly string[]>): AstNode[] {
  const keys = visitorKeys[node.type] ?? Object.keys(node).filter((key) => !NOT_CHILDREN.has(key));
  const children: AstNode[] = [];
  for (const key of keys) {
    const value = node[key];
    if (Array.isArray(value)) children.push(...value.filter(isNode));
    else if (isNode(value)) children.push(value);
  }
  return children;
}

/**
 * The traversal steps the YAML and TOML source codes build, built without recursion: theirs
 * recurses once per nesting level and overflows the stack on a file nested a few thousand levels
 * deep (valid TOML, such as `a = {b = {b = ...}}`), which would crash the lint run. Same steps,
 * same order: enter a node, its children in visitor-key order, leave it.
 */
function iterativeSteps(root: AstNode, visitorKeys: Record<string, readonly string[]>): TraversalStep[] {
  const steps: TraversalStep[] = [new CallMethodStep({ target: "onCodePathStart", args: [{}, root] })];
  const stack: { node: AstNode; children: AstNode[]; next: number }[] = [];
  const enter = (node: AstNode): void => {
    steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node] }));
    stack.push({ node, children: childrenOf(node, visitorKeys), next: 0 });
  };
  enter(root);
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    if (top.next < top.children.length) enter(top.children[top.next++]!);
    else {
      stack.pop();
      steps.push(new VisitNodeStep({ target: top.node, phase: 2, args: [top.node] }));
    }
  }
  steps.push(new CallMethodStep({ target: "onCodePathEnd", args: [{}, root] }));
  return steps;
}

/**
 * The language with parse errors in ESLint's 1-based columns (the YAML and TOML parsers report
 * 0-based ones, which ESLint prints as column 0 and editors place one character early), and with
 * a traversal that does not recurse (see {@link iterativeSteps}).
 */
function robustLanguage<L extends Language>(language: L, ownParse?: L["parse"]): L {
  const parse = (ownParse ?? language.parse).bind(language);
  const createSourceCode = language.createSourceCode.bind(language);
  return Object.create(language, {
    parse: {
      value(...args: Parameters<typeof parse>) {
        const result = parse(...args) as ParseResult;
        if (result.ok || !result.errors) return result;
        return { ...result, errors: result.errors.map((error) => ({ ...error, column: error.column + 1 })) };
      },
    },
    createSourceCode: {
      value(...args: Parameters<typeof createSourceCode>) {
        const sourceCode = createSourceCode(...args) as ReturnType<typeof createSourceCode> & { ast: AstNode; visitorKeys?: Record<string, readonly string[]> };
        let steps: TraversalStep[] | undefined;
        return Object.assign(sourceCode, { traverse: () => (steps ??= iterativeSteps(sourceCode.ast, sourceCode.visitorKeys ?? {})) });
      },
    },
  }) as L;
}

/** The official JSON language (`@eslint/json`). */
export const jsonLanguage = json.languages.json;

/** JSON with comments (`@eslint/json`'s `jsonc`): turbo accepts comments in `turbo.json`. */
export const jsoncLanguage = json.languages.jsonc;

/** The YAML language of `eslint-plugin-yml`. */
export const yamlLanguage: Language = robustLanguage(yml.languages.yaml);

/**
 * eslint-plugin-toml's parse, with the tree the repository index already built for the same text
 * when the TOML version is the default (see `parseTomlDocument`); its error shape otherwise.
 */
const tomlParse: (typeof toml.languages.toml)["parse"] = (file, context) => {
  if (context.languageOptions?.parserOptions?.tomlVersion !== undefined || typeof file.body !== "string") return toml.languages.toml.parse(file, context);
  try {
    return { ok: true, ast: parseTomlDocument(file.body) };
  } catch (error) {
    const { lineNumber, column } = error as { lineNumber?: number; column?: number };
    return { ok: false, errors: [{ message: error instanceof Error ? error.message : String(error), line: lineNumber ?? 1, column: column ?? 1 }] };
  }
};

/** The TOML language of `eslint-plugin-toml`. */
export const tomlLanguage: Language = robustLanguage(toml.languages.toml, tomlParse);
