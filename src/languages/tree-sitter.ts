import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";

const require = createRequire(import.meta.url);

type WasmModule = Parameters<typeof Language.loadSync>[0];
declare const WebAssembly: { Module: new (bytes: Uint8Array) => WasmModule };

// web-tree-sitter's init is async; ESLint's parse() is sync, so the WASM runtime is loaded once
// here, at module load (top-level await).
await Parser.init();

/**
 * A grammar of `@vscode/tree-sitter-wasm` (VS Code's prebuilt grammars: no install script, no
 * native addon), loaded once per process (or worker thread).
 */
export function loadGrammar(name: "python" | "bash"): Language {
  const bytes = readFileSync(require.resolve(`@vscode/tree-sitter-wasm/wasm/tree-sitter-${name}.wasm`));
  return Language.loadSync(new WebAssembly.Module(bytes));
}

/**
 * One parser per grammar and thread: parse() is synchronous and never re-entered. A grammar given
 * as a function is loaded on the first parse: a thread that never needs it neither reads nor
 * compiles its WebAssembly.
 */
export function parserFor(language: Language | (() => Language)): () => Parser {
  let parser: Parser | undefined;
  return () => {
    if (!parser) {
      // The grammar first: a failed load leaves no parser without a language behind.
      const grammar = typeof language === "function" ? language() : language;
      parser = new Parser();
      parser.setLanguage(grammar);
    }
    return parser;
  };
}
