import type { Language } from "@eslint/core";
import { Linter } from "eslint";
import toml from "eslint-plugin-toml";
import yml from "eslint-plugin-yml";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { parseTomlDocument } from "../../src/languages/toml-documents.js";

function lint(language: "yaml" | "toml", code: string, filename: string) {
  return new Linter({ configType: "flat" }).verify(
    code,
    [{ files: [`**/*.${language}`], plugins: { "posthog-products": plugin }, language: `posthog-products/${language}` }],
    filename,
  );
}

const position = ({ message, line, column, fatal }: Linter.LintMessage) => ({ message, line, column, fatal });

describe("the YAML and TOML languages under the plugin's namespace", () => {
  it("parse valid files without problems", () => {
    expect(lint("yaml", "routes:\n  - app_label: a\n    database: a\n", "products/db_routing.yaml")).toEqual([]);
    expect(lint("toml", '[[modules]]\npath = "products.a"\ndepends_on = []\n', "tach.toml")).toEqual([]);
  });

  it("report a YAML parse error once, fatal, at its 1-based line and column", () => {
    expect(lint("yaml", "routes:\n  - app_label: a\napp_label: b\napp_label: c\n", "products/db_routing.yaml").map(position)).toEqual([
      { message: "Parsing error: Map keys must be unique", line: 4, column: 1, fatal: true },
    ]);
  });

  it("report a TOML parse error once, fatal, at its 1-based line and column", () => {
    expect(lint("toml", '[[modules]]\npath = "products.a"\ndepends_on = [\n', "tach.toml").map(position)).toEqual([
      { message: "Parsing error: Unspecified values are invalid", line: 4, column: 1, fatal: true },
    ]);
    expect(lint("toml", 'path = "a"\n  x = = 1\n', "tach.toml").map(position)).toEqual([
      { message: expect.stringMatching(/^Parsing error: /), line: 2, column: 7, fatal: true },
    ]);
  });
});

describe("the TOML language's parse", () => {
  const file = (body: string) => ({ body, path: "tach.toml", physicalPath: "tach.toml", bom: false });
  const language = plugin.languages!.toml as Language;
  const text = '[[modules]]\npath = "products.a"\ndepends_on = []\n';

  it("shares the tree the repository index built for the same text, and gives eslint-plugin-toml's tree", () => {
    const first = language.parse(file(text), { languageOptions: {} }) as { ok: true; ast: unknown };
    const again = language.parse(file(text), { languageOptions: {} }) as { ok: true; ast: unknown };
    expect(again.ast).toBe(first.ast);
    expect(parseTomlDocument(text)).toBe(first.ast);
    const theirs = toml.languages.toml.parse(file(text), { languageOptions: {} }) as { ok: true; ast: unknown };
    expect(JSON.parse(JSON.stringify(first.ast, (key, value) => (key === "parent" ? undefined : value)))).toEqual(
      JSON.parse(JSON.stringify(theirs.ast, (key, value) => (key === "parent" ? undefined : value))),
    );
  });

  it("parses on its own for another TOML version", () => {
    const shared = parseTomlDocument(text);
    const own = language.parse(file(text), { languageOptions: { parserOptions: { tomlVersion: "1.0" } } }) as { ok: true; ast: unknown };
    expect(own.ast).not.toBe(shared);
  });
});

describe("the traversal of the YAML and TOML source codes", () => {
  const file = (body: string, path: string) => ({ body, path, physicalPath: path, bom: false });
  const stepsOf = (language: Language, body: string, path: string) => {
    const parsed = language.parse(file(body, path), { languageOptions: {} });
    if (!parsed.ok) throw new Error("does not parse");
    const sourceCode = language.createSourceCode(file(body, path), parsed, { languageOptions: {} }) as { traverse(): Iterable<unknown> };
    return [...sourceCode.traverse()].map((step) => {
      const { kind, target, phase } = step as { kind: number; target: unknown; phase?: number };
      return [kind, typeof target === "string" ? target : (target as { type: string; range: number[] }).type, (target as { range?: number[] }).range, phase];
    });
  };
  const YAML = "routes:\n  - app_label: a\n    database: a # comment\n  - {app_label: b, database: [x, {y: z}]}\n";
  const TOML = '[[modules]]\npath = "products.a"\ndepends_on = ["posthog", { path = "ee" }]\n\n[[interfaces]]\nexpose = ["backend\\\\.facade.*"]\nfrom = ["products.a"]\n';

  it("gives the steps of the libraries' own traversal, in the same order", () => {
    expect(stepsOf(plugin.languages.yaml, YAML, "products/db_routing.yaml")).toEqual(stepsOf(yml.languages.yaml, YAML, "products/db_routing.yaml"));
    expect(stepsOf(plugin.languages.toml, TOML, "tach.toml")).toEqual(stepsOf(toml.languages.toml, TOML, "tach.toml"));
  });

  it("does not recurse: a TOML file nested 2,000 levels deep (the parser's limit is near) is traversed", () => {
    // The libraries' own traversal recurses a few frames a level: under vitest it overflows here.
    const deep = `a = ${"{b = ".repeat(2_000)}1${"}".repeat(2_000)}\n`;
    expect(stepsOf(plugin.languages.toml, deep, "tach.toml").length).toBeGreaterThan(8_000);
  });
});
