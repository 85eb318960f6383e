import type { File } from "@eslint/core";
import { PythonLanguage } from "../../src/languages/python/language.js";
import type { PythonSourceCode } from "../../src/languages/python/source-code.js";

/** The Python language's source code of `code`, as ESLint would build it for a file `x.py`. */
export function pythonSourceCode(code: string): PythonSourceCode {
  const language = new PythonLanguage();
  const file: File = { body: code, path: "x.py", physicalPath: "x.py", bom: false };
  const result = language.parse(file);
  if (!result.ok) throw new Error("parse failed");
  return language.createSourceCode(file, result);
}
