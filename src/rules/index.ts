import type { RuleDefinition } from "@eslint/core";

/**
 * Every rule of the plugin by name. A rule's `meta.languages` says which files it lints:
 * `posthog-products/python` rules go in the `**\/*.py` block of the recommended config,
 * `json/json` rules in the `products/*\/package.json` block.
 */
export const rules: Record<string, RuleDefinition> = {};
