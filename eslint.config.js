// The plugin's own code: TypeScript (typescript-eslint), its rules checked by
// eslint-plugin-eslint-plugin, and small files and functions in src/.
import eslintPlugin from "eslint-plugin-eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "examples/**", "tests/fixtures/**", "tests/.tmp/**", "node_modules/**"] },
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "max-lines": ["error", { max: 250 }],
      "max-lines-per-function": ["error", { max: 80 }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["src/rules/**/*.ts"],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      "eslint-plugin/require-meta-docs-description": ["error", { pattern: "^(Enforce|Require|Disallow)" }],
      "eslint-plugin/require-meta-docs-url": "off",
      "eslint-plugin/require-meta-schema-description": "error",
      "eslint-plugin/prefer-message-ids": "error",
      "eslint-plugin/no-unused-message-ids": "error",
      "eslint-plugin/no-missing-message-ids": "error",
    },
  },
  {
    files: ["tests/rules/**/*.ts"],
    ...eslintPlugin.configs.tests,
  },
);
