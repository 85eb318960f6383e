export { PythonLanguage } from "./language.js";
export { PythonSourceCode } from "./source-code.js";
export type { PyNode, PyComment } from "./ast.js";
