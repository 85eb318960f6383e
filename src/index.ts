import json from "@eslint/json";
import type { Linter } from "eslint";
import { createRecommendedConfig } from "./configs/recommended.js";
import { PythonLanguage } from "./parsers/python/index.js";
import { rules } from "./rules/index.js";
import { PLUGIN_NAME, PLUGIN_VERSION } from "./version.js";

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: "posthog-products" },
  languages: { python: new PythonLanguage() },
  rules,
  configs: {} as { recommended: Linter.Config[] },
};

plugin.configs.recommended = createRecommendedConfig(plugin, json);

export default plugin;
export { PythonLanguage, PythonSourceCode } from "./parsers/python/index.js";
export type { PyNode, PyComment } from "./parsers/python/index.js";
/** Hash of the repository files the rules read (for cache keys); see "Cache" in the README. */
export { repoFingerprint } from "./project/fingerprint.js";
