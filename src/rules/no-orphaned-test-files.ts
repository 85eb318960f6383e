import path from "node:path";
import { isReadableScript, parseShell } from "../languages/shell/index.js";
import { findPytestPathArguments, pytestPathCovers, TEST_SCRIPT, testModuleDefinesTests } from "../project/index.js";
import type { ProductInfo, RepoIndex } from "../project/types.js";
import { missingScriptAnchor, rangeOf, sourceRangeOf, type PackageJsonDocument, type Range } from "./package-json/package-document.js";
import { defineProductRule, type ProductProblem } from "./product-rule.js";
import type { TextEdit } from "./text-edit.js";

type MessageIds = "orphanedTests" | "addTestPath";
type Options = [{ externalRunners: string[]; productExemptions: Record<string, string[]> }];

const RULE_NAME = "no-orphaned-test-files";

/** hogli's exemptions: tests another runner executes (ci-dagster.yml runs `dags/`), per product or for all. */
const DEFAULT_EXTERNAL_RUNNERS = ["dags/"];
const DEFAULT_PRODUCT_EXEMPTIONS: Record<string, string[]> = {
  batch_exports: ["backend/tests/temporal/"],
  tasks: ["backend/temporal/"],
  warehouse_sources: ["backend/temporal/"],
  signals: ["backend/emission/"],
  stamphog: ["packages/pr-approval-agent/"],
};


const toPosix = (relative: string): string => relative.split(path.sep).join("/");

/** `backend:test` as the linted file has it (else as the index read it). */
function testScript(doc: PackageJsonDocument | null, product: ProductInfo): string | undefined {
  return doc ? doc.entries.get(TEST_SCRIPT)?.decoded?.value : product.packageJson?.scripts?.[TEST_SCRIPT];
}

/** The pytest runs of `backend:test`, with their paths relative to the product. */
function testScriptPaths(doc: PackageJsonDocument | null, product: ProductInfo): { paths: string[]; last?: { end: number; cwd: string } } {
  const script = testScript(doc, product);
  if (script === undefined) return { paths: [] };
  const runs = findPytestPathArguments(parseShell(script));
  const paths = runs.map((argument) => toPosix(path.relative(product.dir, path.resolve(product.dir, argument.cwd, argument.path))));
  const last = runs.at(-1);
  return { paths, ...(last ? { last: { end: last.end, cwd: last.cwd } } : {}) };
}

/** The orphaned test files of a product, grouped by folder (relative to the product). */
function orphanedTestFolders(product: ProductInfo, options: Options[0], doc: PackageJsonDocument | null): Map<string, string[]> {
  const { paths } = testScriptPaths(doc, product);
  const exempt = [...options.externalRunners, ...(options.productExemptions[product.name] ?? [])];
  const folders = new Map<string, string[]>();
  for (const file of product.testFiles) {
    if (paths.some((prefix) => pytestPathCovers(prefix, file)) || exempt.some((prefix) => pytestPathCovers(prefix, file))) continue;
    const folder = path.posix.dirname(file);
    const files = folders.get(folder);
    if (files) files.push(path.posix.basename(file));
    else folders.set(folder, [path.posix.basename(file)]);
  }
  return folders;
}

/**
 * Adding `folder` to the pytest paths is safe: every orphaned file it would cover defines a test
 * and none is in a `migrations/` folder (pytest would collect a module that is no test, or a
 * migration, which a rename or a move would break).
 */
function safeToCollect(index: RepoIndex, product: ProductInfo, folder: string, orphans: string[]): boolean {
  const covered = orphans.filter((file) => pytestPathCovers(folder, file));
  return covered.every((file) => !file.split("/").slice(0, -1).includes("migrations") && testModuleDefinesTests(index, product, file));
}

/** Appends ` <folder>` after the last pytest path of `backend:test`. */
function addPathEdit(doc: PackageJsonDocument, product: ProductInfo, folder: string): TextEdit | null {
  const entry = doc.entries.get(TEST_SCRIPT);
  const { last } = testScriptPaths(doc, product);
  if (!entry?.decoded || !last) return null;
  const relative = toPosix(path.relative(path.resolve(product.dir, last.cwd), path.join(product.dir, folder)));
  const at = sourceRangeOf(entry, last.end, last.end);
  return { range: at, text: JSON.stringify(` ${relative}`).slice(1, -1) };
}

function reportAt(doc: PackageJsonDocument): Range {
  const entry = doc.entries.get(TEST_SCRIPT);
  return entry?.value ? rangeOf(entry.value) : missingScriptAnchor(doc);
}

export default defineProductRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Require every test file of a product to be run by its `backend:test` pytest paths or a known external runner",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          externalRunners: {
            type: "array",
            items: { type: "string" },
            description: "Product-relative folders whose tests another CI job runs (hogli: `dags/`, run by ci-dagster.yml).",
          },
          productExemptions: {
            type: "object",
            additionalProperties: { type: "array", items: { type: "string" } },
            description: "Per product folder name, product-relative folders whose tests run elsewhere (hogli's list by default).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ externalRunners: DEFAULT_EXTERNAL_RUNNERS, productExemptions: DEFAULT_PRODUCT_EXEMPTIONS }],
    messages: {
      orphanedTests: 'Tests in products/{{product}}/{{folder}}/ ({{files}}) never run: no "backend:test" pytest path covers them.',
      addTestPath: 'Add "{{path}}" to the pytest paths of "backend:test".',
    },
  },

  productProblems({ index, product, options: [options], doc }) {
    const problems: ProductProblem<MessageIds>[] = [];
    // A script too long to read: which paths it runs is unknown, so no file is called orphaned.
    const script = testScript(doc, product);
    if (script !== undefined && !isReadableScript(script)) return problems;
    const folders = orphanedTestFolders(product, options, doc);
    const orphans = [...folders].flatMap(([folder, files]) => files.map((file) => `${folder}/`.replace(/^\.\//u, "") + file));
    for (const [folder, files] of folders) {
      problems.push({
        messageId: "orphanedTests",
        data: { product: product.name, folder, files: files.join(", ") },
        at: reportAt,
        suggest: (doc) => {
          if (!safeToCollect(index, product, folder, orphans)) return [];
          const edit = addPathEdit(doc, product, folder);
          return edit ? [{ messageId: "addTestPath", data: { path: folder }, edit }] : [];
        },
      });
    }
    return problems;
  },
});
