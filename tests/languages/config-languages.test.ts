import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

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
