import path from "node:path";
import type { RuleContext } from "@eslint/core";
import { JSON_LANGUAGE, PYTHON_LANGUAGE, TOML_LANGUAGE, YAML_LANGUAGE } from "../meta.js";
import { getRepoIndex } from "../project/index.js";
import { relativeToRoot } from "../project/problems.js";
import { readPluginSettings } from "../project/settings.js";
import type { RepoIndex } from "../project/types.js";
import { fitData } from "./message-data.js";
import { getProductPackageContext, locationOf, type ProductPackageContext } from "./package-json/product-context.js";
import { getPythonFileContext, type PythonFileContext } from "./python/file-context.js";
import {
  ruleDocsUrl,
  type ProductPackageRuleDefinition,
  type PythonRuleDefinition,
  type RuleDocs,
  type RuleTypeOptions,
  type TomlRuleDefinition,
  type YamlRuleDefinition,
} from "./rule-types.js";

type Meta<Definition extends { meta?: unknown }> = Omit<NonNullable<Definition["meta"]>, "docs" | "languages"> & {
  docs: { description: string } & RuleDocs;
};

type PythonContext<Options extends RuleTypeOptions> = Parameters<PythonRuleDefinition<Options>["create"]>[0];

interface Descriptor {
  messageId?: string;
  data?: Record<string, unknown>;
  suggest?: Descriptor[] | null;
}

/** A descriptor whose data (and its suggestions') fits the message limit; the descriptor itself when it has neither. */
function fitted(messages: Record<string, string>, descriptor: Descriptor): Descriptor {
  const template = descriptor.messageId !== undefined ? messages[descriptor.messageId] : undefined;
  const data = template ? descriptor.data : undefined;
  if (!data && !descriptor.suggest) return descriptor;
  const result = { ...descriptor };
  if (data) result.data = fitData(template!, data);
  if (descriptor.suggest) result.suggest = descriptor.suggest.map((suggestion) => fitted(messages, suggestion));
  return result;
}

/** What the rules read of their context (`RuleContext` of `@eslint/core`). */
type ContextMembers = Pick<RuleContext, "cwd" | "filename" | "physicalFilename" | "settings" | "id" | "options"> & {
  sourceCode: unknown;
  languageOptions: unknown;
  report(descriptor: never): void;
};

/**
 * A rule's context whose `report` fits every message to the limit, every other member read from
 * the context. A class instance, not an object with the context as its prototype: one is made per
 * rule per file, and making each context a prototype cost more than the rules' own setup.
 */
class FittedContext {
  readonly #context: ContextMembers;
  readonly #messages: Record<string, string>;

  constructor(context: ContextMembers, messages: Record<string, string>) {
    this.#context = context;
    this.#messages = messages;
  }

  get cwd(): string {
    return this.#context.cwd;
  }

  get filename(): string {
    return this.#context.filename;
  }

  get physicalFilename(): string {
    return this.#context.physicalFilename;
  }

  get sourceCode(): unknown {
    return this.#context.sourceCode;
  }

  get settings(): ContextMembers["settings"] {
    return this.#context.settings;
  }

  get languageOptions(): unknown {
    return this.#context.languageOptions;
  }

  get id(): string {
    return this.#context.id;
  }

  get options(): ContextMembers["options"] {
    return this.#context.options;
  }

  report(descriptor: Descriptor): void {
    (this.#context.report as (descriptor: Descriptor) => void)(fitted(this.#messages, descriptor));
  }
}

/** The rule's context, with `report` fitting every message to the limit (see `fitData`). */
export function withFittedMessages<Context extends { report(descriptor: never): void }>(context: Context, messages: Record<string, string> | undefined): Context {
  if (!messages) return context;
  // Every ESLint rule context has the members (the config-file rules' typings name fewer).
  return new FittedContext(context as unknown as ContextMembers, messages) as unknown as Context;
}

/**
 * A rule on Python files. The factory fills `meta.docs.url` and `meta.languages`, and finds the
 * repository context of the file: `create` runs only for files inside a repository with a products
 * tree, and (unless `includeMigrations`) not for generated migrations.
 */
export function definePythonRule<Options extends RuleTypeOptions>(rule: {
  name: string;
  meta: Meta<PythonRuleDefinition<Options>>;
  includeMigrations?: boolean;
  create(context: PythonContext<Options>, file: PythonFileContext): ReturnType<PythonRuleDefinition<Options>["create"]>;
}): PythonRuleDefinition<Options> {
  return {
    meta: { ...rule.meta, docs: { ...rule.meta.docs, url: ruleDocsUrl(rule.name) }, languages: [PYTHON_LANGUAGE] },
    create(context) {
      const file = getPythonFileContext(context);
      if (!file || (file.isMigration && !rule.includeMigrations)) return {};
      return rule.create(withFittedMessages(context, rule.meta.messages), file);
    },
  } as PythonRuleDefinition<Options>;
}

type PackageContext<Options extends RuleTypeOptions> = Parameters<ProductPackageRuleDefinition<Options>["create"]>[0];

/** What a product package.json rule checks: the file, its product, and a helper for locations. */
export interface ProductPackageCheck<Options extends RuleTypeOptions> extends ProductPackageContext {
  context: PackageContext<Options>;
  /** The ESLint location of a `[start, end)` range of the file. */
  locOf(range: [number, number]): ReturnType<typeof locationOf>;
}

/**
 * A rule on `products/<p>/package.json` (the JSON language). The factory fills `meta.docs.url`
 * and `meta.languages`, and calls `check` once per file of a product the index knows.
 */
export function defineProductPackageRule<Options extends RuleTypeOptions>(rule: {
  name: string;
  meta: Meta<ProductPackageRuleDefinition<Options>>;
  check(check: ProductPackageCheck<Options>): void;
}): ProductPackageRuleDefinition<Options> {
  return {
    meta: { ...rule.meta, docs: { ...rule.meta.docs, url: ruleDocsUrl(rule.name) }, languages: [JSON_LANGUAGE] },
    create(context) {
      return {
        Document() {
          const product = getProductPackageContext(context);
          if (!product) return;
          rule.check({ ...product, context: withFittedMessages(context, rule.meta.messages), locOf: (range) => locationOf(context.sourceCode, range) });
        },
      };
    },
  } as ProductPackageRuleDefinition<Options>;
}

/** What a rule on a YAML or TOML repository file checks: the file, the repository index, the rule's context. */
export interface RepositoryFileCheck<Context> {
  context: Context;
  index: RepoIndex;
  /** Absolute path of the linted file. */
  file: string;
  /** Its path relative to the repository root, with `/` (`products/db_routing.yaml`, `tach.toml`). */
  relativePath: string;
}

type RepositoryFileRule<Language extends "yaml" | "toml", Definition extends { meta?: unknown; create(context: never): unknown }> = {
  name: string;
  /** `yaml` (the language of `eslint-plugin-yml`) or `toml` (of `eslint-plugin-toml`). */
  language: Language;
  /** The root-relative paths the rule checks (`/^tach\.toml$/u`): it leaves other files of its language alone. */
  files: RegExp;
  meta: Meta<Definition>;
  check(check: RepositoryFileCheck<Parameters<Definition["create"]>[0]>): void;
};

/** What the factory needs of a YAML or TOML rule's context. */
type FileRuleContext = Pick<RuleContext, "cwd" | "physicalFilename" | "settings"> & { report(descriptor: never): void };

/** The linted file when it is one of `files` in a repository the index knows. */
function repositoryFile(context: FileRuleContext, files: RegExp): Omit<RepositoryFileCheck<unknown>, "context"> | null {
  const file = path.resolve(context.cwd, context.physicalFilename);
  const index = getRepoIndex(file, { cwd: context.cwd, settings: readPluginSettings(context.settings) });
  if (!index) return null;
  const relativePath = relativeToRoot(index.root, file);
  return files.test(relativePath) ? { index, file, relativePath } : null;
}

/**
 * A rule on a YAML or TOML file of the repository (`products/db_routing.yaml`, `tach.toml`,
 * `products/<p>/product.yaml`...). The factory fills `meta.docs.url` and `meta.languages`, and
 * calls `check` once per linted file whose root-relative path matches `files`, inside a
 * repository with a products tree. A file that does not parse is never checked: the language
 * reports its syntax error.
 */
export function defineConfigFileRule<Options extends RuleTypeOptions>(rule: RepositoryFileRule<"yaml", YamlRuleDefinition<Options>>): YamlRuleDefinition<Options>;
export function defineConfigFileRule<Options extends RuleTypeOptions>(rule: RepositoryFileRule<"toml", TomlRuleDefinition<Options>>): TomlRuleDefinition<Options>;
export function defineConfigFileRule(rule: {
  name: string;
  language: "yaml" | "toml";
  files: RegExp;
  meta: { docs: { description: string } & RuleDocs; messages?: Record<string, string> };
  check(check: RepositoryFileCheck<FileRuleContext>): void;
}): YamlRuleDefinition | TomlRuleDefinition {
  return {
    meta: { ...rule.meta, docs: { ...rule.meta.docs, url: ruleDocsUrl(rule.name) }, languages: [rule.language === "yaml" ? YAML_LANGUAGE : TOML_LANGUAGE] },
    create(context: FileRuleContext) {
      return {
        Program() {
          const found = repositoryFile(context, rule.files);
          if (found) rule.check({ ...found, context: withFittedMessages(context, rule.meta.messages) });
        },
      };
    },
  };
}
