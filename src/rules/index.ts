import type { RuleDefinition } from "@eslint/core";
import contractCheckConsistency from "./contract-check-consistency.js";
import noCrossDbFk from "./no-cross-db-fk.js";
import noDuplicateDbRoute from "./no-duplicate-db-route.js";
import noLegacyInterfaceLeak from "./no-legacy-interface-leak.js";
import noPosthogModelsImport from "./no-posthog-models-import.js";
import noSwallowedTestFailures from "./no-swallowed-test-failures.js";
import stringFkLabels from "./string-fk-labels.js";
import validDbRouting from "./valid-db-routing.js";
import validTachToml from "./valid-tach-toml.js";

/**
 * Every rule of the plugin by name. A rule's `meta.languages` says which files it lints:
 * `posthog-products/python` rules go in the `**\/*.py` block of the recommended config,
 * `posthog-products/json` rules in the `products/*\/package.json` block, `posthog-products/yaml`
 * and `posthog-products/toml` rules in the blocks of the repository's YAML and TOML files.
 */
export const rules: Record<string, RuleDefinition> = {
  "contract-check-consistency": contractCheckConsistency,
  "no-swallowed-test-failures": noSwallowedTestFailures,
  "no-posthog-models-import": noPosthogModelsImport,
  "string-fk-labels": stringFkLabels,
  "no-cross-db-fk": noCrossDbFk,
  "valid-db-routing": validDbRouting,
  "no-duplicate-db-route": noDuplicateDbRoute,
  "valid-tach-toml": validTachToml,
  "no-legacy-interface-leak": noLegacyInterfaceLeak,
};
