import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { name, version } = require("../package.json") as { name: string; version: string };

export const PLUGIN_NAME = name;
export const PLUGIN_VERSION = version;

/** The plugin's namespace: rules are `posthog-products/<rule>`, settings `settings["posthog-products"]`. */
export const PLUGIN_NAMESPACE = "posthog-products";

/** The Python language, as configs and rules' `meta.languages` name it. */
export const PYTHON_LANGUAGE = `${PLUGIN_NAMESPACE}/python`;

/** The official JSON language (`@eslint/json`), re-exported under the plugin's namespace. */
export const JSON_LANGUAGE = `${PLUGIN_NAMESPACE}/json`;

/** JSON with comments (`@eslint/json`'s `jsonc`), as turbo reads `turbo.json`; under the plugin's namespace. */
export const JSONC_LANGUAGE = `${PLUGIN_NAMESPACE}/jsonc`;

/** The YAML language of `eslint-plugin-yml`, re-exported under the plugin's namespace. */
export const YAML_LANGUAGE = `${PLUGIN_NAMESPACE}/yaml`;

/** The TOML language of `eslint-plugin-toml`, re-exported under the plugin's namespace. */
export const TOML_LANGUAGE = `${PLUGIN_NAMESPACE}/toml`;

/** Where the rules' documentation lives. */
export const REPOSITORY_URL = "https://github.com/posthog-products/eslint-plugin-posthog-products";
