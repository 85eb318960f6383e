import type { RuleDefinition } from "@eslint/core";
import backendLayout from "./backend-layout.js";
import contractCheckConsistency from "./contract-check-consistency.js";
import facadeHandouts from "./facade-handouts.js";
import isolationChain from "./isolation-chain.js";
import facadeBoundaries from "./facade-boundaries.js";
import frozenContracts from "./frozen-contracts.js";
import noCrossDbFk from "./no-cross-db-fk.js";
import noCrossDbQuery from "./no-cross-db-query.js";
import noCrossProductReverseAccessor from "./no-cross-product-reverse-accessor.js";
import noDuplicateDbRoute from "./no-duplicate-db-route.js";
import noLegacyInterfaceLeak from "./no-legacy-interface-leak.js";
import noPosthogModelsImport from "./no-posthog-models-import.js";
import noOrphanedTestFiles from "./no-orphaned-test-files.js";
import noSwallowedTestFailures from "./no-swallowed-test-failures.js";
import productNaming from "./product-naming.js";
import productRegistration from "./product-registration.js";
import productRequiredFiles from "./product-required-files.js";
import productYaml from "./product-yaml.js";
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
  "product-required-files": productRequiredFiles,
  "no-orphaned-test-files": noOrphanedTestFiles,
  "backend-layout": backendLayout,
  "product-registration": productRegistration,
  "product-naming": productNaming,
  "isolation-chain": isolationChain,
  "facade-handouts": facadeHandouts,
  "product-yaml": productYaml,
  "facade-boundaries": facadeBoundaries,
  "frozen-contracts": frozenContracts,
  "no-cross-product-reverse-accessor": noCrossProductReverseAccessor,
  "no-cross-db-query": noCrossDbQuery,
};
