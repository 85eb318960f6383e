import type { ESLint, Linter } from "eslint";
import type { RuleDefinition } from "@eslint/core";
import { JSON_LANGUAGE, JSONC_LANGUAGE, PLUGIN_NAMESPACE, PYTHON_LANGUAGE, TOML_LANGUAGE, YAML_LANGUAGE } from "../meta.js";
import { lazyRepositoryFingerprint, type LazyFingerprint } from "./fingerprint-setting.js";

type Severity = "error" | "warn";
type RuleEntry = Severity | [Severity, ...unknown[]];

/** The options `configs.all` sets: the strictest form of each rule. */
const STRICT_OPTIONS: Record<string, unknown[]> = {
  "string-fk-labels": [{ requireAppLabel: true, allowSameFileClasses: false }],
};

type RuleSet = ESLint.Plugin & { rules: Record<string, RuleDefinition> };

function rulesFor(plugin: RuleSet, language: string, pick: (rule: RuleDefinition) => boolean, strict: boolean): Linter.RulesRecord {
  const entries: [string, RuleEntry][] = [];
  for (const [name, rule] of Object.entries(plugin.rules)) {
    if (!(rule.meta?.languages ?? []).includes(language) || !pick(rule)) continue;
    const options = strict ? STRICT_OPTIONS[name] : undefined;
    const severity = severityOf(rule);
    entries.push([`${PLUGIN_NAMESPACE}/${name}`, options ? [severity, ...options] : severity]);
  }
  return Object.fromEntries(entries);
}

type Docs = { recommended?: boolean; severity?: Severity } | undefined;

const isRecommended = (rule: RuleDefinition): boolean => (rule.meta?.docs as Docs)?.recommended === true;

/** `"warn"` for the rules whose findings are notes (`docs.severity`), else `"error"`, in every config. */
const severityOf = (rule: RuleDefinition): Severity => ((rule.meta?.docs as Docs)?.severity === "warn" ? "warn" : "error");

/** The kinds of files the plugin lints, and where they are. */
const FILE_KINDS = [
  { kind: "python", files: ["**/*.py"], language: PYTHON_LANGUAGE },
  { kind: "package-json", files: ["products/*/package.json"], language: JSON_LANGUAGE },
  // turbo reads turbo.json as JSON with comments and trailing commas.
  { kind: "turbo-json", files: ["products/*/turbo.json"], language: JSONC_LANGUAGE, languageOptions: { allowTrailingCommas: true } },
  { kind: "yaml", files: ["products/db_routing.yaml", "products/*/product.yaml"], language: YAML_LANGUAGE },
  { kind: "toml", files: ["tach.toml"], language: TOML_LANGUAGE },
] as const;

export type ConfigName = "recommended" | "all" | `recommended-${(typeof FILE_KINDS)[number]["kind"]}`;

/**
 * The plugin's configs, built on first use: `recommended` (every recommended rule, as errors,
 * or warnings for the rules whose `docs.severity` is `"warn"`), `all` (every rule, strictest
 * options), and one block per kind of file (`recommended-python`, `recommended-package-json`,
 * `recommended-yaml`, `recommended-toml`) to build a config of one's own.
 *
 * Every block carries `settings["posthog-products"].repositoryFingerprint`: ESLint's `--cache`
 * keys each file's result on the file and a hash of its config, so a change of a repository file
 * the rules read invalidates the cached results (see "Cache" in the README).
 */
export function createConfigs(plugin: RuleSet, options: { cwd?: string } = {}): Record<ConfigName, Linter.Config[]> {
  let fingerprint: LazyFingerprint | undefined;
  const settings = (): Linter.Config["settings"] => ({
    [PLUGIN_NAMESPACE]: { repositoryFingerprint: (fingerprint ??= lazyRepositoryFingerprint(options.cwd ?? process.cwd())) },
  });
  const block = (kind: (typeof FILE_KINDS)[number], suffix: string, pick: (rule: RuleDefinition) => boolean, strict: boolean): Linter.Config => ({
    name: `${PLUGIN_NAMESPACE}/${suffix}/${kind.kind}`,
    files: [...kind.files],
    plugins: { [PLUGIN_NAMESPACE]: plugin },
    language: kind.language,
    ...("languageOptions" in kind ? { languageOptions: { ...kind.languageOptions } } : {}),
    settings: settings(),
    rules: rulesFor(plugin, kind.language, pick, strict),
  });
  const cache = new Map<string, Linter.Config[]>();
  const lazy = (name: string, build: () => Linter.Config[]): Linter.Config[] => {
    let config = cache.get(name);
    if (!config) cache.set(name, (config = build()));
    return config;
  };
  const configs = {} as Record<ConfigName, Linter.Config[]>;
  Object.defineProperty(configs, "recommended", { enumerable: true, get: () => lazy("recommended", () => FILE_KINDS.map((kind) => block(kind, "recommended", isRecommended, false))) });
  Object.defineProperty(configs, "all", { enumerable: true, get: () => lazy("all", () => FILE_KINDS.map((kind) => block(kind, "all", () => true, true))) });
  for (const kind of FILE_KINDS) {
    const name = `recommended-${kind.kind}` as ConfigName;
    Object.defineProperty(configs, name, { enumerable: true, get: () => lazy(name, () => [block(kind, "recommended", isRecommended, false)]) });
  }
  return configs;
}
