import { createConfigs, type ConfigName } from "./configs/index.js";
import { jsoncLanguage, jsonLanguage, tomlLanguage, yamlLanguage } from "./languages/config-languages.js";
import { PythonLanguage } from "./languages/python/index.js";
import { PLUGIN_NAME, PLUGIN_NAMESPACE, PLUGIN_VERSION } from "./meta.js";
import { rules } from "./rules/index.js";
import type { Linter } from "eslint";

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: PLUGIN_NAMESPACE },
  languages: { python: new PythonLanguage(), json: jsonLanguage, jsonc: jsoncLanguage, yaml: yamlLanguage, toml: tomlLanguage },
  rules,
  // The configs name this very object as the plugin (ESLint refuses two objects for one namespace).
  configs: {} as Record<ConfigName, Linter.Config[]>,
};
plugin.configs = createConfigs(plugin);

export default plugin;
export { PythonLanguage, PythonSourceCode } from "./languages/python/index.js";
export type { PyNode, PyComment } from "./languages/python/index.js";
export type { PyNodeType } from "./languages/python/node-types.js";
export type { PythonRuleDefinition, ProductPackageRuleDefinition, PythonRuleVisitor, PyNodeOf } from "./rules/rule-types.js";
/** A hash of the facts the rules read of a repository (for cache keys); see "Cache" in the README. */
export { repoFingerprint } from "./configs/fingerprint-setting.js";
