import type { Language } from "web-tree-sitter";
import { loadGrammar, parserFor } from "../tree-sitter.js";

/** The Python grammar (tree-sitter-python 0.25.0). */
export const pythonLanguage: Language = loadGrammar("python");

/** The thread's Python parser. */
export const getPythonParser = parserFor(pythonLanguage);
