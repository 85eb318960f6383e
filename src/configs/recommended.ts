import type { Linter } from "eslint";
import type { RuleDefinition } from "@eslint/core";

export const PLUGIN_NAMESPACE = "posthog-products";
export const PYTHON_LANGUAGE = `${PLUGIN_NAMESPACE}/python`;

function recommendedRulesFor(rules: Record<string, RuleDefinition>, language: string): Linter.RulesRecord {
  const entries = Object.entries(rules)
    .filter(([, rule]) => (rule.meta?.docs as { recommended?: boolean } | undefined)?.recommended)
    .filter(([, rule]) => (rule.meta?.languages ?? []).includes(language))
    .map(([name]) => [`${PLUGIN_NAMESPACE}/${name}`, "error"] as const);
  return Object.fromEntries(entries);
}

/**
 * The flat config behind `...posthogProducts.configs.recommended`: Python files with the
 * tree-sitter language, product package.json files with the official JSON language.
 */
export function createRecommendedConfig(
  plugin: { rules: Record<string, RuleDefinition> },
  jsonPlugin: unknown,
): Linter.Config[] {
  return [
    {
      name: "posthog-products/recommended/python",
      files: ["**/*.py"],
      plugins: { [PLUGIN_NAMESPACE]: plugin as never },
      language: PYTHON_LANGUAGE,
      rules: recommendedRulesFor(plugin.rules, PYTHON_LANGUAGE),
    },
    {
      name: "posthog-products/recommended/package-json",
      files: ["products/*/package.json"],
      plugins: { [PLUGIN_NAMESPACE]: plugin as never, json: jsonPlugin as never },
      language: "json/json",
      rules: recommendedRulesFor(plugin.rules, "json/json"),
    },
  ];
}
