/**
 * The real-code regression suite's tools: a copy of tests/fixtures/real-code (a PostHog-shaped
 * tree written for these tests) that a test changes one file of, lints with the recommended
 * config as a user would (`ESLint`, `--fix`), and checks: exact findings, the fixed text, and that
 * the fixed file parses and leaves no name undefined.
 */
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import { expect } from "vitest";
import plugin from "../../src/index.js";
import { clearRepoIndexCache } from "../../src/project/index.js";
import { copyExampleTree, type ExampleTree } from "../support/example-tree.js";
import { FIXTURES } from "../support/helpers.js";
import { errorCount } from "../property/support/python-tree.js";
import { undefinedNames } from "../support/undefined-names.js";

export const REAL_CODE = path.join(FIXTURES, "real-code");

/** One finding as the tests compare it. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  messageId: string;
}

function findingsOf(results: ESLint.LintResult[], dir: string): Finding[] {
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(dir, result.filePath).split(path.sep).join("/"),
      line: message.line,
      column: message.column,
      rule: (message.ruleId ?? "(parser)").replace(/^posthog-products\//u, ""),
      messageId: message.messageId ?? message.message,
    })),
  );
}

/**
 * The recommended config without `no-cross-product-reverse-accessor`. PostHog's product models
 * point at `posthog.Team` and `posthog.User` without `related_name="+"` almost everywhere (its
 * model-crossing baseline counts them), so that rule reports most models of this tree, rightly;
 * `clean-tree.test.ts` checks exactly those reports. The other tests of this suite are about the
 * other rules.
 */
const REAL_CODE_CONFIG: Linter.Config[] = plugin.configs.recommended.map((config) =>
  config.rules?.["posthog-products/no-cross-product-reverse-accessor"] ? { ...config, rules: { ...config.rules, "posthog-products/no-cross-product-reverse-accessor": "off" } } : config,
);

export class RealCodeTree {
  readonly tree: ExampleTree;
  private readonly originals = new Map<string, string>();

  constructor(prefix = "real-code") {
    this.tree = copyExampleTree(prefix, "export default [];\n", REAL_CODE);
  }

  get dir(): string {
    return this.tree.dir;
  }

  private eslint(fix: boolean, config: Linter.Config[] = REAL_CODE_CONFIG): ESLint {
    return new ESLint({ cwd: this.dir, overrideConfigFile: true, overrideConfig: config, fix });
  }

  /** Replaces a file for the current test (`restore` puts every changed file back). */
  write(relative: string, text: string): void {
    if (!this.originals.has(relative)) this.originals.set(relative, this.tree.read(relative));
    this.tree.write(relative, text);
    clearRepoIndexCache();
  }

  read(relative: string): string {
    return this.tree.read(relative);
  }

  /** Changes a file of the tree by exact text replacements (each must match once). */
  edit(relative: string, ...replacements: [string, string][]): string {
    let text = this.read(relative);
    for (const [from, to] of replacements) {
      expect(text.split(from).length - 1, `"${from}" in ${relative}`).toBe(1);
      text = text.replace(from, to);
    }
    this.write(relative, text);
    return text;
  }

  restore(): void {
    for (const [relative, text] of this.originals) this.tree.write(relative, text);
    this.originals.clear();
    clearRepoIndexCache();
  }

  async findings(files: string[] = ["."], config?: Linter.Config[]): Promise<Finding[]> {
    const results = await this.eslint(false, config).lintFiles(files.map((file) => path.join(this.dir, file)));
    return findingsOf(results, this.dir);
  }

  /** The messages of one file. */
  async messages(relative: string): Promise<Linter.LintMessage[]> {
    const [result] = await this.eslint(false).lintFiles([path.join(this.dir, relative)]);
    return result!.messages;
  }

  /**
   * `eslint --fix` on one file: its fixed text, checked to need no second pass and, for Python,
   * to parse (no ERROR/MISSING node, no empty block), to leave no name undefined and to keep the
   * file's line breaks; a package.json must stay valid JSON.
   */
  async fixed(relative: string): Promise<string> {
    const before = this.read(relative);
    const [result] = await this.eslint(true).lintFiles([path.join(this.dir, relative)]);
    const after = result!.output ?? before;
    if (relative.endsWith(".py")) expectSafeFix(before, after);
    else expect(() => JSON.parse(after)).not.toThrow();
    const [second] = await this.eslint(true).lintText(after, { filePath: path.join(this.dir, relative) });
    expect(second!.output, "a second fix pass changes nothing").toBeUndefined();
    return after;
  }

  remove(): void {
    this.tree.remove();
  }
}

/**
 * A fixed Python text parses and keeps its line breaks; every name it uses is defined (the inputs
 * of this suite define every name they use, which is checked too).
 */
function expectSafeFix(before: string, after: string): void {
  expect(errorCount(after), `syntax errors after the fix:\n${after}`).toBe(0);
  expect([...(undefinedNames(before)?.keys() ?? [])], "the input itself leaves no name undefined").toEqual([]);
  expect([...(undefinedNames(after)?.keys() ?? [])], `names left undefined by the fix:\n${after}`).toEqual([]);
  expect(after.includes("\r\n")).toBe(before.includes("\r\n"));
}
