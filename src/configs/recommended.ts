import path from "node:path";
import type { Linter } from "eslint";
import type { RuleDefinition } from "@eslint/core";
import { findRepoRoot } from "../project/find-root.js";
import { repoFingerprint } from "../project/fingerprint.js";

export const PLUGIN_NAMESPACE = "posthog-products";
export const PYTHON_LANGUAGE = `${PLUGIN_NAMESPACE}/python`;

/** `repositoryFingerprint` when ESLint's working directory is not inside a repository with `products/`. */
export const NO_REPOSITORY = "no-repository";

function recommendedRulesFor(rules: Record<string, RuleDefinition>, language: string): Linter.RulesRecord {
  const entries = Object.entries(rules)
    .filter(([, rule]) => (rule.meta?.docs as { recommended?: boolean } | undefined)?.recommended)
    .filter(([, rule]) => (rule.meta?.languages ?? []).includes(language))
    .map(([name]) => [`${PLUGIN_NAMESPACE}/${name}`, "error"] as const);
  return Object.fromEntries(entries);
}

/**
 * The fingerprint of the repository around `cwd` (the nearest ancestor directory, `cwd`
 * included, that holds `products/`): a hash of the paths, sizes and contents of the files the
 * rules read (`repoFingerprint` with `content`, so that it is the same on every checkout of the
 * same files). {@link NO_REPOSITORY} when there is none. Never throws.
 */
export function repositoryFingerprintFor(cwd: string): string {
  try {
    const root = findRepoRoot(path.join(cwd, "eslint.config.js"), cwd);
    return root === null ? NO_REPOSITORY : repoFingerprint(root, { content: true });
  } catch {
    return NO_REPOSITORY;
  }
}

/**
 * The flat config behind `...posthogProducts.configs.recommended`: Python files with the
 * tree-sitter language, product package.json files with the official JSON language.
 *
 * Both objects carry `settings["posthog-products"].repositoryFingerprint`, computed here (when
 * the plugin module loads, from `cwd`, by default `process.cwd()`). The rules do not read it:
 * it is there because ESLint's `--cache` keys each file's result on that file and a hash of
 * its config (settings included), so a change to `db_routing.yaml`, `tach.toml`, an `apps.py`,
 * a models module, a product `package.json`... changes the config hash and invalidates the
 * cached results of every Python and product `package.json` file.
 */
export function createRecommendedConfig(
  plugin: { rules: Record<string, RuleDefinition> },
  jsonPlugin: unknown,
  options: { cwd?: string } = {},
): Linter.Config[] {
  const settings = { [PLUGIN_NAMESPACE]: { repositoryFingerprint: repositoryFingerprintFor(options.cwd ?? process.cwd()) } };
  return [
    {
      name: "posthog-products/recommended/python",
      files: ["**/*.py"],
      plugins: { [PLUGIN_NAMESPACE]: plugin as never },
      language: PYTHON_LANGUAGE,
      settings,
      rules: recommendedRulesFor(plugin.rules, PYTHON_LANGUAGE),
    },
    {
      name: "posthog-products/recommended/package-json",
      files: ["products/*/package.json"],
      plugins: { [PLUGIN_NAMESPACE]: plugin as never, json: jsonPlugin as never },
      language: "json/json",
      settings,
      rules: recommendedRulesFor(plugin.rules, "json/json"),
    },
  ];
}
