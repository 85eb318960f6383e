/**
 * Temporary repositories for the product rules' tests, written file by file as hogli's own tests
 * write theirs (`tmp_path`), and linted through the `ESLint` class with a chosen set of rules.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import plugin from "../../src/index.js";
import { clearRepoIndexCache } from "../../src/project/index.js";

/** Relative path → text; a path ending in `/` is an empty folder. */
export type Files = Record<string, string>;

/** One finding, as the tests compare them. */
export interface Finding {
  file: string;
  rule: string;
  messageId: string;
  message: string;
  line: number;
  column: number;
  severity: 1 | 2;
}

/** Creates and removes temporary repositories (each with a `products/` folder). */
export class TempTrees {
  private readonly dirs: string[] = [];
  constructor(private readonly prefix: string) {}

  /** A new repository holding `files` (and an empty `products/db_routing.yaml`, which marks the root). */
  tree(files: Files): string {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `${this.prefix}-`)));
    this.dirs.push(root);
    writeFiles(root, { "products/db_routing.yaml": "routes: []\n", ...files });
    clearRepoIndexCache();
    return root;
  }

  cleanup(): void {
    clearRepoIndexCache();
    for (const dir of this.dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function writeFiles(root: string, files: Files): void {
  for (const [relative, text] of Object.entries(files)) {
    const target = path.join(root, ...relative.split("/"));
    if (relative.endsWith("/")) {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
}

/** The recommended config's blocks (files, languages, settings) running only `rules` (name → options, without the namespace). */
function configWith(root: string, rules: Record<string, unknown[]>): Linter.Config[] {
  return plugin.configs.recommended.map((block) => {
    const language = String(block.language);
    const picked = Object.entries(rules).filter(([name]) => (plugin.rules[name]?.meta?.languages ?? []).includes(language));
    return {
      ...block,
      settings: { "posthog-products": { root } },
      rules: Object.fromEntries(picked.map(([name, options]) => [`posthog-products/${name}`, ["error", ...options]])),
    };
  });
}

/** Lints files of a repository (root-relative paths) with only `rules`; the findings, in file order. */
export async function lintTree(root: string, rules: Record<string, unknown[]>, files: string[]): Promise<Finding[]> {
  clearRepoIndexCache();
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: configWith(root, rules) });
  const results = await eslint.lintFiles(files.map((file) => path.join(root, ...file.split("/"))));
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(root, result.filePath).split(path.sep).join("/"),
      rule: (message.ruleId ?? "(parser)").replace(/^posthog-products\//u, ""),
      messageId: message.messageId ?? "",
      message: message.message,
      line: message.line,
      column: message.column,
      severity: message.severity,
    })),
  );
}
