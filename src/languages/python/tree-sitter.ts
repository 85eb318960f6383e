import type { Language } from "web-tree-sitter";
import { loadGrammar, parserFor } from "../tree-sitter.js";

/** Where the Python grammar comes from. */
export const PYTHON_GRAMMAR = "tree-sitter-python 0.25.0 of @vscode/tree-sitter-wasm 0.3.1";

/** The Python grammar. */
export const pythonLanguage: Language = loadGrammar("python");

/** The thread's Python parser. */
export const getPythonParser = parserFor(pythonLanguage);
