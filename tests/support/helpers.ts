import path from "node:path";
import { fileURLToPath } from "node:url";
import { RuleTester, type Linter } from "eslint";
import { describe, it } from "vitest";
import plugin from "../../src/index.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

/** Absolute path inside a fixture tree. */
export function fixturePath(tree: string, ...parts: string[]): string {
  return path.join(FIXTURES, tree, ...parts);
}

/** What every rule test asserts of each error: its message (id or text) and, for a message id, its data. */
export const ASSERTIONS = { requireMessage: true, requireData: true } as const;

/**
 * A RuleTester for Python rules, with the repository root set to a tree (a fixture name or an
 * absolute path). The language is strict: a fix or suggestion whose output does not parse fails.
 */
export function pythonRuleTester(tree: string, settings: Record<string, unknown> = {}): RuleTester {
  return new RuleTester({
    plugins: { "posthog-products": plugin },
    language: "posthog-products/python",
    languageOptions: { strict: true },
    settings: { "posthog-products": { root: path.isAbsolute(tree) ? tree : fixturePath(tree), ...settings } },
  });
}

/** A RuleTester for product package.json rules (the JSON language, under the plugin's namespace). */
export function packageJsonRuleTester(tree: string, settings: Record<string, unknown> = {}): RuleTester {
  return new RuleTester({
    plugins: { "posthog-products": plugin },
    language: "posthog-products/json",
    settings: { "posthog-products": { root: path.isAbsolute(tree) ? tree : fixturePath(tree), ...settings } },
  });
}

/** A RuleTester for rules on the repository's YAML or TOML files (`products/db_routing.yaml`, `tach.toml`). */
export function configFileRuleTester(language: "yaml" | "toml", tree: string): RuleTester {
  return new RuleTester({
    plugins: { "posthog-products": plugin },
    language: `posthog-products/${language}`,
    settings: { "posthog-products": { root: path.isAbsolute(tree) ? tree : fixturePath(tree) } },
  });
}

/** A RuleTester for product turbo.json rules (JSON with comments, under the plugin's namespace). */
export function turboJsonRuleTester(tree: string, settings: Record<string, unknown> = {}): RuleTester {
  return new RuleTester({
    plugins: { "posthog-products": plugin },
    language: "posthog-products/jsonc",
    languageOptions: { allowTrailingCommas: true },
    settings: { "posthog-products": { root: path.isAbsolute(tree) ? tree : fixturePath(tree), ...settings } },
  });
}

/** A flat config running one Python rule (all its options at their defaults) on a fixture tree. */
export function pythonRuleConfig(rule: string, tree: string, options: unknown[] = []): Linter.Config[] {
  return [
    {
      files: ["**/*.py"],
      plugins: { "posthog-products": plugin },
      language: "posthog-products/python",
      settings: { "posthog-products": { root: path.isAbsolute(tree) ? tree : fixturePath(tree) } },
      rules: { [`posthog-products/${rule}`]: ["error", ...options] },
    },
  ];
}
