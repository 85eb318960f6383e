import type { File } from "@eslint/core";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Linter, type ESLint } from "eslint";
import { pythonSourceCode } from "../support/python-source.js";
import { describe, expect, expectTypeOf, it } from "vitest";
import plugin from "../../src/index.js";
import type { PyNode } from "../../src/languages/python/ast.js";
import { PythonLanguage } from "../../src/languages/python/language.js";
import type { PythonRuleDefinition, PythonRuleVisitor } from "../../src/rules/rule-types.js";
import type { PyNodeType } from "../../src/languages/python/node-types.js";
import { PYTHON_GRAMMAR, pythonLanguage } from "../../src/languages/python/tree-sitter.js";
import { namedNodeTypes, nodeTypesSource } from "../../tools/node-types.js";
import { REPO_ROOT } from "../support/paths.js";

/** A probe rule: reports every call of the file (found through the node API) with its text. */
const reportCalls: PythonRuleDefinition<{ MessageIds: "call" }> = {
  meta: { type: "problem", messages: { call: "call {{text}}" }, languages: ["posthog-products/python"] },
  create(context) {
    return {
      module(root: PyNode) {
        for (const node of root.descendantsOfType("call")) {
          if (node.hasError) continue;
          context.report({ node, messageId: "call", data: { text: context.sourceCode.textOf(node) } });
        }
      },
    };
  },
};

const testPlugin: ESLint.Plugin = { ...plugin, rules: { ...plugin.rules, "report-calls": reportCalls } };

function config(extra: Linter.Config = {}): Linter.Config[] {
  return [
    {
      files: ["**/*.py"],
      plugins: { "posthog-products": testPlugin },
      language: "posthog-products/python",
      rules: { "posthog-products/report-calls": "error" },
      ...extra,
    },
  ];
}

function lint(code: string, extra: Linter.Config = {}) {
  return new Linter({ configType: "flat" }).verify(code, config(extra), "module.py");
}


describe("python language", () => {
  it("reports 1-based lines and columns in UTF-16 code units after CJK and emoji", () => {
    const messages = lint('title = "日本語 😀"; run(1)\n名前 = go(2)\n');
    expect(messages.map(({ message, line, column, endLine, endColumn }) => ({ message, line, column, endLine, endColumn }))).toEqual([
      { message: "call run(1)", line: 1, column: 19, endLine: 1, endColumn: 25 },
      { message: "call go(2)", line: 2, column: 6, endLine: 2, endColumn: 11 },
    ]);
  });

  it("honours eslint-disable-line, eslint-disable-next-line (with -- reason) and disable/enable blocks", () => {
    const code = [
      "a()  # eslint-disable-line posthog-products/report-calls",
      "# eslint-disable-next-line posthog-products/report-calls -- generated code",
      "b()",
      "# eslint-disable posthog-products/report-calls",
      "c()",
      "# eslint-enable posthog-products/report-calls",
      "d()",
    ].join("\n");
    expect(lint(code).map((message) => [message.message, message.line])).toEqual([["call d()", 7]]);
  });

  it("reports unused disable directives and their fix removes the whole comment", () => {
    const code = "x = 1  # eslint-disable-line posthog-products/report-calls\n# eslint-disable-next-line posthog-products/report-calls\ny = 2\n";
    const linter = new Linter({ configType: "flat" });
    const cfg = config({ linterOptions: { reportUnusedDisableDirectives: "error" } });
    const messages = linter.verify(code, cfg, "module.py");
    expect(messages.map(({ message, line, column }) => ({ message, line, column }))).toEqual([
      {
        message: "Unused eslint-disable directive (no problems were reported from 'posthog-products/report-calls').",
        line: 1,
        column: 8,
      },
      {
        message: "Unused eslint-disable directive (no problems were reported from 'posthog-products/report-calls').",
        line: 2,
        column: 1,
      },
    ]);
    const fixed = linter.verifyAndFix(code, cfg, "module.py");
    expect(fixed.output).not.toContain("#");
    expect(fixed.output).toBe("x = 1   \n \ny = 2\n");
  });

  it("applies `# eslint` inline rule configuration", () => {
    const code = "# eslint posthog-products/report-calls: off\nf()\n";
    expect(lint(code)).toEqual([]);
  });

  it("keeps linting past syntax errors and marks ERROR subtrees", () => {
    const code = "def broken(:\n    pass\n\nok()\n";
    expect(lint(code).map((message) => message.message)).toContain("call ok()");
    const sourceCode = pythonSourceCode(code);
    expect(sourceCode.ast.hasError).toBe(true);
    expect(sourceCode.ast.children.some((child) => child.type === "ERROR" || child.hasError)).toBe(true);
  });

  it("traverses the module and its top-level statements, entering and exiting each", () => {
    const sourceCode = pythonSourceCode("import os\n# a comment\nclass A(models.Model):\n    f = models.ForeignKey(Team)\n    from x import y\n");
    const steps = [...sourceCode.traverse()].map((step) => `${(step as { phase: number }).phase === 1 ? "enter" : "exit"} ${(step.target as PyNode).type}`);
    expect(steps).toEqual([
      "enter module",
      "enter import_statement",
      "exit import_statement",
      "enter class_definition",
      "exit class_definition",
      "exit module",
    ]);
  });

  it("gives deeper nodes through the node API, with ranges, lazy locations and parents", () => {
    const sourceCode = pythonSourceCode("class A(models.Model):\r\n    f = models.ForeignKey(Team)\r\n");
    const [call] = sourceCode.ast.descendantsOfType("call");
    expect(sourceCode.textOf(call!)).toBe("models.ForeignKey(Team)");
    expect(sourceCode.getLoc(call!)).toEqual({ start: { line: 2, column: 8 }, end: { line: 2, column: 31 } });
    expect(sourceCode.getParent(call!)?.type).toBe("assignment");
    expect(call!.childForFieldName("function")?.type).toBe("attribute");
    expect(call!.parent?.parent?.parent?.parent).toBe(sourceCode.ast.children[0]);
    expect(sourceCode.ast.descendantForIndex(sourceCode.text.indexOf("Team"))?.type).toBe("identifier");
    expect(sourceCode.ast.descendantsOfType("call")[0]).toBe(call);
    expect(sourceCode.getLoc(sourceCode.ast)).toEqual({ start: { line: 1, column: 0 }, end: { line: 3, column: 0 } });
  });

  it("exposes comments and keeps the BOM flag", () => {
    const language = new PythonLanguage();
    const file: File = { body: "# one\nx = 1  # two\n", path: "x.py", physicalPath: "x.py", bom: true };
    const result = language.parse(file);
    if (!result.ok) throw new Error("parse failed");
    const sourceCode = language.createSourceCode(file, result);
    expect(sourceCode.comments.map((comment) => sourceCode.textOf(comment))).toEqual(["# one", "# two"]);
    expect(sourceCode.hasBOM).toBe(true);
  });

  it("matches esquery selectors on the traversed nodes", () => {
    const seen: string[] = [];
    const selectorRule: PythonRuleDefinition<{ MessageIds: "x" }> = {
      meta: { type: "problem", messages: { x: "x" }, languages: ["posthog-products/python"] },
      create(context) {
        return {
          "module > import_from_statement"(node: PyNode) {
            seen.push(context.sourceCode.textOf(node));
          },
        };
      },
    };
    const linter = new Linter({ configType: "flat" });
    linter.verify(
      "from a import b\nclass A:\n    from c import d\nimport e\n",
      [
        {
          files: ["**/*.py"],
          plugins: { "posthog-products": { ...plugin, rules: { s: selectorRule } } },
          language: "posthog-products/python",
          rules: { "posthog-products/s": "error" },
        },
      ],
      "a.py",
    );
    expect(seen).toEqual(["from a import b"]);
  });

  it("rejects language options it does not have, and a strict option that is not a boolean", () => {
    expect(() => new PythonLanguage().validateLanguageOptions({ version: 3 })).toThrow('Unexpected key "version" in languageOptions: the python language has one option, "strict".');
    expect(() => new PythonLanguage().validateLanguageOptions({ strict: "yes" })).toThrow('languageOptions.strict must be a boolean, got "yes".');
    expect(() => new PythonLanguage().validateLanguageOptions({ strict: true })).not.toThrow();
  });

  it("is tolerant by default: a syntax error leaves the rest of the file linted", () => {
    expect(lint("run(1)\ndef broken(:\n    pass\ngo(2)\n").map((message) => message.message)).toEqual(["call run(1)", "call go(2)"]);
  });

  it("with strict: true a syntax error, a missing token or an empty block is one fatal parsing error", () => {
    const strict = (code: string) =>
      lint(code, { languageOptions: { strict: true } }).map(({ message, line, column, fatal }) => ({ message, line, column, fatal }));
    expect(strict("x = (1,\n")).toEqual([{ message: 'Parsing error: Syntax error: unexpected "x = (1,".', line: 1, column: 1, fatal: true }]);
    expect(strict("def f(:\n    pass\n")[0]).toMatchObject({ line: 1, fatal: true });
    expect(strict("if x:\n# nothing\n")).toEqual([{ message: "Parsing error: Syntax error: expected an indented block.", line: 1, column: 6, fatal: true }]);
    expect(strict("run(1)\n")).toEqual([{ message: "call run(1)", line: 1, column: 1, fatal: undefined }]);
  });
});

describe("node types", () => {
  it("src/languages/python/node-types.ts lists every named node type of the grammar (node tools/update-node-types.js)", () => {
    const file = path.join(REPO_ROOT, "src", "languages", "python", "node-types.ts");
    expect(readFileSync(file, "utf8")).toBe(nodeTypesSource(namedNodeTypes(pythonLanguage), PYTHON_GRAMMAR));
  });

  it("types each visitor key's node by its node type", () => {
    expectTypeOf<Parameters<NonNullable<PythonRuleVisitor["class_definition"]>>[0]["type"]>().toEqualTypeOf<"class_definition">();
    expectTypeOf<PyNodeType>().toExtend<string>();
  });
});
