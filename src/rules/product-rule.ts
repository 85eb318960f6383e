/**
 * The factory of rules about a whole product (hogli's product checks): a problem with no file of
 * its own (a missing file, an orphaned test) is reported in the product's `package.json`, where a
 * suggestion can add what is missing, or, when the product has no package.json, on its Python
 * anchor file (`backend/apps.py`, else another Python file of the product). A rule may also check
 * the product's own files: package.json, Python files, `turbo.json`.
 */
import path from "node:path";
import type { DocumentNode } from "@humanwhocodes/momoa";
import type { LanguageOptions, RuleDefinition, RulesMeta, RuleTextEditor, RuleVisitor, SourceCode } from "@eslint/core";
import { PythonSourceCode } from "../languages/python/index.js";
import type { AST as YamlAST } from "yaml-eslint-parser";
import { JSON_LANGUAGE, JSONC_LANGUAGE, PYTHON_LANGUAGE, YAML_LANGUAGE } from "../meta.js";
import { getRepoIndex } from "../project/index.js";
import { relativeToRoot } from "../project/problems.js";
import { readPluginSettings } from "../project/settings.js";
import type { ProductInfo, RepoIndex } from "../project/types.js";
import { withFittedMessages } from "./define-rule.js";
import { getProductPackageContext, locationOf, type ProductPackageContext } from "./package-json/product-context.js";
import type { PackageJsonDocument, Range } from "./package-json/package-document.js";
import { getPythonFileContext, type PythonFileContext } from "./python/file-context.js";
import { ruleDocsUrl, type RuleDocs } from "./rule-types.js";
import type { TextEdit } from "./text-edit.js";
import { productOf, productOfPythonFile } from "./product-of-file.js";

/** A problem of a product that has no file of its own. */
export interface ProductProblem<MessageIds extends string> {
  messageId: MessageIds;
  data: Record<string, string>;
  /** Where in package.json (default: the `"name"` key, else the opening brace). */
  at?(doc: PackageJsonDocument): Range;
  /** A package.json edit `--fix` applies. */
  fix?(doc: PackageJsonDocument): TextEdit | null;
  /** package.json edits offered as editor suggestions. */
  suggest?(doc: PackageJsonDocument): { messageId: MessageIds; data: Record<string, string>; edit: TextEdit }[];
}

interface ProductRuleInput<Options extends unknown[]> {
  index: RepoIndex;
  product: ProductInfo;
  options: Options;
}

/** What product problems are computed from: the linted package.json when there is one (an editor's unsaved text), else null. */
interface ProductProblemsInput<Options extends unknown[]> extends ProductRuleInput<Options> {
  doc: PackageJsonDocument | null;
}

type Types<Options extends unknown[], MessageIds extends string> = {
  LangOptions: LanguageOptions;
  Code: SourceCode;
  RuleOptions: Options;
  Visitor: RuleVisitor;
  Node: unknown;
  MessageIds: MessageIds;
  ExtRuleDocs: RuleDocs;
};

export type ProductRuleDefinition<Options extends unknown[], MessageIds extends string> = RuleDefinition<Types<Options, MessageIds>>;
type Context<Options extends unknown[], MessageIds extends string> = Parameters<ProductRuleDefinition<Options, MessageIds>["create"]>[0];

/** A product's `turbo.json` being linted: its JSONC document, product and index. */
export interface TurboJsonCheck<Options extends unknown[], MessageIds extends string> extends ProductRuleInput<Options> {
  context: Context<Options, MessageIds>;
  ast: DocumentNode;
  text: string;
  locOf(range: Range): ReturnType<typeof locationOf>;
}

/** A product's package.json being linted. */
interface PackageJsonCheck<Options extends unknown[], MessageIds extends string> extends ProductPackageContext {
  context: Context<Options, MessageIds>;
  options: Options;
  locOf(range: Range): ReturnType<typeof locationOf>;
}

/** A product's `product.yaml` being linted (the YAML language's AST). */
interface ProductYamlCheck<Options extends unknown[], MessageIds extends string> extends ProductRuleInput<Options> {
  context: Context<Options, MessageIds>;
  ast: YamlAST.YAMLProgram;
}

/** A Python file of a product being linted. */
export interface ProductPythonCheck<Options extends unknown[], MessageIds extends string> extends ProductRuleInput<Options> {
  context: Context<Options, MessageIds>;
  code: PythonSourceCode;
  file: PythonFileContext;
}

interface ProductRuleSpec<Options extends unknown[], MessageIds extends string> {
  name: string;
  meta: Omit<RulesMeta<MessageIds, Options, RuleDocs>, "docs" | "languages"> & { docs: { description: string } & RuleDocs };
  /** Problems with no file of their own: in package.json, else on the product's Python anchor file. */
  productProblems?(input: ProductProblemsInput<Options>): ProductProblem<MessageIds>[];
  /** More checks of the product's package.json. */
  packageJson?(check: PackageJsonCheck<Options, MessageIds>): void;
  /** Checks of a Python file of a product. */
  python?(check: ProductPythonCheck<Options, MessageIds>): RuleVisitor | void;
  /** Checks of `products/<p>/turbo.json`. */
  turboJson?(check: TurboJsonCheck<Options, MessageIds>): void;
  /** Checks of `products/<p>/product.yaml`. */
  productYaml?(check: ProductYamlCheck<Options, MessageIds>): void;
}

function nameAnchor(doc: PackageJsonDocument): Range {
  if (doc.nameMember) return [doc.nameMember.name.loc.start.offset, doc.nameMember.name.loc.end.offset];
  const start = doc.root.loc.start.offset;
  return [start, start + 1];
}

type Locator = { text: string; getLocFromIndex(index: number): { line: number; column: number } };

/** A text source code (JSON, JSONC): it maps offsets to locations. */
function isTextSourceCode(code: SourceCode): code is SourceCode & Locator {
  const candidate = code as Partial<Locator>;
  return typeof candidate.getLocFromIndex === "function" && typeof candidate.text === "string";
}

function reportProblems<Options extends unknown[], MessageIds extends string>(
  context: Context<Options, MessageIds>,
  problems: ProductProblem<MessageIds>[],
  doc: PackageJsonDocument,
): void {
  const code = context.sourceCode;
  for (const problem of problems) {
    const fix = problem.fix?.(doc);
    const suggestions = problem.suggest?.(doc) ?? [];
    context.report({
      loc: isTextSourceCode(code) ? locationOf(code, (problem.at ?? nameAnchor)(doc)) : { line: 1, column: 0 },
      messageId: problem.messageId,
      data: problem.data,
      ...(fix ? { fix: (fixer: RuleTextEditor) => fixer.replaceTextRange(fix.range, fix.text) } : {}),
      suggest: suggestions.map((suggestion) => ({
        messageId: suggestion.messageId,
        data: suggestion.data,
        fix: (fixer: RuleTextEditor) => fixer.replaceTextRange(suggestion.edit.range, suggestion.edit.text),
      })),
    });
  }
}

const FILE_START = { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } };

function languagesOf(spec: { productProblems?: unknown; packageJson?: unknown; python?: unknown; turboJson?: unknown; productYaml?: unknown }): string[] {
  const languages: string[] = [];
  if (spec.productProblems || spec.packageJson) languages.push(JSON_LANGUAGE);
  if (spec.turboJson) languages.push(JSONC_LANGUAGE);
  if (spec.productYaml) languages.push(YAML_LANGUAGE);
  if (spec.productProblems || spec.python) languages.push(PYTHON_LANGUAGE);
  return languages;
}

/** The visitor of a product's package.json. */
function packageJsonVisitor<Options extends unknown[], MessageIds extends string>(
  spec: ProductRuleSpec<Options, MessageIds>,
  context: Context<Options, MessageIds>,
): RuleVisitor {
  return {
    Document() {
      const code = context.sourceCode;
      if (!isTextSourceCode(code)) return;
      const product = getProductPackageContext({ cwd: context.cwd, physicalFilename: context.physicalFilename, settings: context.settings, sourceCode: code });
      if (!product) return;
      const input = { index: product.index, product: product.product, options: context.options, doc: product.doc };
      reportProblems(context, spec.productProblems?.(input) ?? [], product.doc);
      spec.packageJson?.({ ...product, context, options: context.options, locOf: (range) => locationOf(code, range) });
    },
  };
}

/** The product of a file directly in its folder (`products/<p>/turbo.json`), with the index. */
function rootFileOwner<Options extends unknown[], MessageIds extends string>(context: Context<Options, MessageIds>): ProductRuleInput<Options> | undefined {
  const file = path.resolve(context.cwd, context.physicalFilename);
  const index = getRepoIndex(file, { cwd: context.cwd, settings: readPluginSettings(context.settings) });
  const owner = index ? productOf(index, relativeToRoot(index.root, file)) : undefined;
  return index && owner && owner.inside.length === 1 ? { index, product: owner.product, options: context.options } : undefined;
}

/** The visitor of a product's turbo.json. */
function turboJsonVisitor<Options extends unknown[], MessageIds extends string>(
  spec: ProductRuleSpec<Options, MessageIds>,
  context: Context<Options, MessageIds>,
): RuleVisitor {
  return {
    Document(node: unknown) {
      const input = rootFileOwner(context);
      const code = context.sourceCode;
      if (!input || !isTextSourceCode(code)) return;
      spec.turboJson?.({ ...input, context, ast: node as DocumentNode, text: code.text, locOf: (range) => locationOf(code, range) });
    },
  };
}

/** The visitor of a product's product.yaml. */
function productYamlVisitor<Options extends unknown[], MessageIds extends string>(
  spec: ProductRuleSpec<Options, MessageIds>,
  context: Context<Options, MessageIds>,
): RuleVisitor {
  return {
    Program(node: unknown) {
      const input = rootFileOwner(context);
      if (input) spec.productYaml?.({ ...input, context, ast: node as YamlAST.YAMLProgram });
    },
  };
}

/**
 * The visitor of a Python file: the anchor's product problems, and the rule's own checks. It is
 * asked for every Python file by every product rule: the file's product is found from the raw
 * context, and the context that fits messages is made only for a file the rule checks.
 */
function pythonVisitor<Options extends unknown[], MessageIds extends string>(
  spec: ProductRuleSpec<Options, MessageIds>,
  rawContext: Context<Options, MessageIds>,
): RuleVisitor {
  const code = rawContext.sourceCode;
  if (!(code instanceof PythonSourceCode)) return {};
  const file = getPythonFileContext(rawContext as Context<Options, MessageIds> & { sourceCode: PythonSourceCode });
  const owner = file ? productOfPythonFile(file) : undefined;
  if (!file || !owner) return {};
  const isAnchor = spec.productProblems !== undefined && !owner.product.packageJson && owner.product.pythonAnchor === file.file;
  if (!isAnchor && !spec.python) return {};
  const context = withFittedMessages(rawContext, spec.meta.messages);
  const input = { index: file.index, product: owner.product, options: context.options };
  if (isAnchor) {
    for (const problem of spec.productProblems!({ ...input, doc: null })) context.report({ loc: FILE_START, messageId: problem.messageId, data: problem.data });
  }
  return spec.python?.({ ...input, context, code, file }) ?? {};
}

/**
 * A rule about products (see the module comment). The factory fills `meta.docs.url` and
 * `meta.languages` (from the parts the rule has) and sends each file to its part.
 */
export function defineProductRule<Options extends unknown[], MessageIds extends string>(spec: ProductRuleSpec<Options, MessageIds>): ProductRuleDefinition<Options, MessageIds> {
  return {
    meta: { ...spec.meta, docs: { ...spec.meta.docs, url: ruleDocsUrl(spec.name) }, languages: languagesOf(spec) },
    create(rawContext) {
      if (rawContext.physicalFilename.endsWith(".py")) return pythonVisitor(spec, rawContext);
      const context = withFittedMessages(rawContext, spec.meta.messages);
      const base = path.basename(context.physicalFilename);
      if (base === "package.json" && (spec.productProblems || spec.packageJson)) return packageJsonVisitor(spec, context);
      if (base === "turbo.json" && spec.turboJson) return turboJsonVisitor(spec, context);
      if (base === "product.yaml" && spec.productYaml) return productYamlVisitor(spec, context);
      return {};
    },
  };
}
