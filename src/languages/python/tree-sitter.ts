import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";

const require = createRequire(import.meta.url);

type WasmModule = Parameters<typeof Language.loadSync>[0];
declare const WebAssembly: { Module: new (bytes: Uint8Array) => WasmModule };

// web-tree-sitter's init is async; ESLint's parse() is sync, so the WASM runtime
// and the grammar are loaded once here, at module load (top-level await).
await Parser.init();
const grammarBytes = readFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));

/** The tree-sitter-python grammar, loaded once per process (or worker thread). */
export const pythonLanguage: Language = Language.loadSync(new WebAssembly.Module(grammarBytes));

let sharedParser: Parser | undefined;

/** One parser per thread is enough: parse() is synchronous and never re-entered. */
export function getPythonParser(): Parser {
  if (!sharedParser) {
    sharedParser = new Parser();
    sharedParser.setLanguage(pythonLanguage);
  }
  return sharedParser;
}
