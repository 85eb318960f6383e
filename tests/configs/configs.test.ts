import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

const rulesOf = (name: keyof typeof plugin.configs) => Object.fromEntries(plugin.configs[name].map((block) => [block.name, { files: block.files, language: block.language, rules: block.rules }]));

describe("the configs", () => {
  it("recommended: one block per kind of file, the config-file rules on their files, the notes as warnings", () => {
    const error = (...names: string[]) => Object.fromEntries(names.map((name) => [`posthog-products/${name}`, "error"]));
    const productRules = ["product-required-files", "no-orphaned-test-files", "product-registration", "product-naming", "isolation-chain", "product-yaml"];
    expect(rulesOf("recommended")).toEqual({
      "posthog-products/recommended/python": {
        files: ["**/*.py"],
        language: "posthog-products/python",
        rules: {
          ...error("no-posthog-models-import", "string-fk-labels", "no-cross-db-fk", "backend-layout", "facade-boundaries", "frozen-contracts", "no-cross-product-reverse-accessor", "no-cross-db-query", ...productRules),
          "posthog-products/facade-handouts": "warn",
        },
      },
      "posthog-products/recommended/package-json": {
        files: ["products/*/package.json"],
        language: "posthog-products/json",
        rules: error("contract-check-consistency", "no-swallowed-test-failures", ...productRules),
      },
      "posthog-products/recommended/turbo-json": {
        files: ["products/*/turbo.json"],
        language: "posthog-products/jsonc",
        rules: error("isolation-chain"),
      },
      "posthog-products/recommended/yaml": {
        files: ["products/db_routing.yaml", "products/*/product.yaml"],
        language: "posthog-products/yaml",
        rules: { ...error("valid-db-routing", "product-yaml"), "posthog-products/no-duplicate-db-route": "warn" },
      },
      "posthog-products/recommended/toml": {
        files: ["tach.toml"],
        language: "posthog-products/toml",
        rules: { "posthog-products/valid-tach-toml": "error", "posthog-products/no-legacy-interface-leak": "warn" },
      },
    });
  });

  it("the per-kind configs are the recommended blocks, one each", () => {
    for (const kind of ["python", "package-json", "turbo-json", "yaml", "toml"] as const) {
      const name = `recommended-${kind}` as const;
      expect(plugin.configs[name]).toHaveLength(1);
      expect(plugin.configs[name][0]).toEqual(plugin.configs.recommended.find((block) => block.name === `posthog-products/recommended/${kind}`));
    }
  });

  it("all: every rule, warnings kept as warnings", () => {
    const all = Object.assign({}, ...plugin.configs.all.map((block) => block.rules)) as Record<string, unknown>;
    expect(Object.keys(all).sort()).toEqual(Object.keys(plugin.rules).map((name) => `posthog-products/${name}`).sort());
    expect(all["posthog-products/no-duplicate-db-route"]).toBe("warn");
    expect(all["posthog-products/no-legacy-interface-leak"]).toBe("warn");
    expect(all["posthog-products/facade-handouts"]).toBe("warn");
    expect(all["posthog-products/valid-tach-toml"]).toBe("error");
  });
});
