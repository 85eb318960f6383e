import type { Language } from "web-tree-sitter";

export declare function namedNodeTypes(language: Language): string[];
export declare function nodeTypesSource(types: readonly string[], grammar: string): string;
