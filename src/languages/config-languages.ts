import json from "@eslint/json";
import type { Language } from "@eslint/core";
import toml from "eslint-plugin-toml";
import yml from "eslint-plugin-yml";

type ParseResult = { ok: boolean; errors?: { line: number; column: number }[] };

/**
 * The language with parse errors in ESLint's 1-based columns: the YAML and TOML parsers report
 * 0-based ones, which ESLint prints as column 0 (and editors place one character early).
 */
function withOneBasedParseErrorColumns<L extends Language>(language: L): L {
  const parse = language.parse.bind(language);
  return Object.create(language, {
    parse: {
      value(...args: Parameters<typeof parse>) {
        const result = parse(...args) as ParseResult;
        if (result.ok || !result.errors) return result;
        return { ...result, errors: result.errors.map((error) => ({ ...error, column: error.column + 1 })) };
      },
    },
  }) as L;
}

/** The official JSON language (`@eslint/json`). */
export const jsonLanguage = json.languages.json;

/** JSON with comments (`@eslint/json`'s `jsonc`): turbo accepts comments in `turbo.json`. */
export const jsoncLanguage = json.languages.jsonc;

/** The YAML language of `eslint-plugin-yml`. */
export const yamlLanguage: Language = withOneBasedParseErrorColumns(yml.languages.yaml);

/** The TOML language of `eslint-plugin-toml`. */
export const tomlLanguage: Language = withOneBasedParseErrorColumns(toml.languages.toml);
