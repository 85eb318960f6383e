import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ESLint, Linter } from "eslint";
import { describe, expect, expectTypeOf, it } from "vitest";
import plugin from "../../src/index.js";
import { PLUGIN_NAMESPACE } from "../../src/meta.js";
import { missingSections, updateReadme, updateRuleDoc } from "../../tools/rule-docs.js";
import { REPO_ROOT } from "../support/paths.js";

const ruleNames = Object.keys(plugin.rules);

describe("the plugin object", () => {
  it("is an ESLint plugin, and its configs are config arrays", () => {
    expectTypeOf(plugin).toExtend<ESLint.Plugin>();
    expectTypeOf(plugin.configs.recommended).toExtend<Linter.Config[]>();
  });

  it("names every rule's docs page and language", () => {
    for (const name of ruleNames) {
      const { meta } = plugin.rules[name as keyof typeof plugin.rules];
      expect(meta?.docs?.url, name).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
      expect(meta?.languages?.every((language) => language.startsWith(`${PLUGIN_NAMESPACE}/`)), name).toBe(true);
    }
  });

  it("serves every language its rules name", () => {
    const languages = new Set(Object.keys(plugin.languages).map((id) => `${PLUGIN_NAMESPACE}/${id}`));
    for (const name of ruleNames) {
      for (const language of plugin.rules[name as keyof typeof plugin.rules].meta?.languages ?? []) expect(languages, name).toContain(language);
    }
  });
});

describe.each(ruleNames)("rule %s", (name) => {
  const doc = path.join(REPO_ROOT, "docs", "rules", `${name}.md`);

  it("has its source file, its doc and its test file", () => {
    for (const file of [path.join("src", "rules", `${name}.ts`), path.join("docs", "rules", `${name}.md`), path.join("tests", "rules", `${name}.test.ts`)]) {
      expect(existsSync(path.join(REPO_ROOT, file)), file).toBe(true);
    }
  });

  it("has a doc with the required sections, in order", () => {
    expect(missingSections(readFileSync(doc, "utf8"))).toEqual([]);
  });

  it("has a doc with examples of incorrect and correct code", () => {
    const text = readFileSync(doc, "utf8");
    const examples = text.slice(text.indexOf("## Examples"), text.indexOf("## Options"));
    expect(examples).toContain("❌");
    expect(examples).toContain("✅");
  });

  it("has an up-to-date generated header and options list (npm run docs)", () => {
    const text = readFileSync(doc, "utf8");
    expect(updateRuleDoc(plugin, name, text)).toBe(text);
  });
});

describe("README.md", () => {
  it("has an up-to-date rule table (npm run docs)", () => {
    const text = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    expect(updateReadme(plugin, text)).toBe(text);
  });
});

describe("missingSections", () => {
  it("names the sections a doc lacks and says when they are out of order", () => {
    expect(missingSections("## Rule details\n## Why\n## Options\n")).toEqual(["## Examples", "## When not to use it"]);
    expect(missingSections("## Why\n## Rule details\n## Examples\n## Options\n## When not to use it\n")).toEqual(["(sections out of order)"]);
  });
});
