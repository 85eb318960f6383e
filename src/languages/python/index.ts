export { PythonLanguage } from "./language.js";
export { PythonSourceCode, type PyComment } from "./source-code.js";
export type { PyNode } from "./ast.js";
