/**
 * Bad input never crashes a lint run. Valid files of every kind the plugin reads (Python modules,
 * the index's apps.py/models.py, products' package.json, products/db_routing.yaml, tach.toml) are
 * damaged (truncated, bytes deleted or duplicated, stray brackets, invalid UTF-8, huge lines, deep
 * nesting) and linted through the `ESLint` class, with `--fix` where fixes apply: ESLint must
 * resolve; a db_routing.yaml or tach.toml that cannot be read gives exactly one message, in
 * itself, and the files whose findings depend on it stay quiet about it.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import { getRepoIndex } from "../../src/project/index.js";
import { applyMutations, mutations } from "./arbitraries/mutations.js";
import { format, lintTarget, pythonModule, renderModule } from "./arbitraries/python.js";
import { dbRoutingYaml, packageJson, repoSpec, tachToml, writeFile, writeRepo, type RepoSpec } from "./arbitraries/repo.js";
import { Workspace } from "./support/lint.js";
import { checkProperty, countCase, FUZZ, testTimeout, type Budget } from "./support/run.js";

const workspace = new Workspace("posthog-products-garbled-");
afterAll(() => workspace.dispose(), 600_000);

/** A model with a relation field, in a product: no-cross-db-fk reads db_routing.yaml for it. */
const PROBE = 'from django.db import models\n\n\nclass Probe(models.Model):\n    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n';

let previousTree: string | undefined;

function newTree(spec: RepoSpec): string {
  if (previousTree) workspace.release(previousTree);
  const root = (previousTree = workspace.newTreeDir());
  writeRepo(root, spec);
  for (const product of spec.products) writeFile(root, `products/${product.folder}/backend/probe.py`, PROBE);
  return root;
}

function noCrash(results: ESLint.LintResult[]): void {
  for (const result of results) {
    // A null ruleId is a parse error (allowed: the file is broken) or a warning such as "File ignored".
    const crashes = result.messages.filter((message) => message.ruleId === null && !/^Parsing error/u.test(message.message));
    expect(crashes, result.filePath).toEqual([]);
  }
}

function describeBytes(bytes: Uint8Array): string {
  return bytes.length > 2000 ? `${bytes.length} bytes` : JSON.stringify(Buffer.from(bytes).toString("latin1"));
}

const budget = (runs: number, fuzzRuns: number): Budget => ({ runs, fuzzRuns, timeLimitMs: 8_000 });
const pythonBudget = budget(40, 2000);
const indexBudget = budget(25, 1200);
const packageBudget = budget(30, 1500);
const routingBudget = budget(30, 1500);
const tachBudget = budget(30, 1500);

describe("garbled input never crashes a lint run (property)", () => {
  it(
    "Python files: damaged generated modules lint and fix without throwing",
    async () => {
      const scenario = repoSpec.chain((spec) =>
        fc.record({ spec: fc.constant(spec), target: lintTarget(spec), doc: pythonModule(spec), fmt: format, damage: mutations({ huge: FUZZ }) }),
      );
      await checkProperty(
        "garbled-input",
        "python files",
        fc.asyncProperty(scenario, async ({ spec, target, doc, fmt, damage }) => {
          countCase();
          const root = newTree(spec);
          const bytes = applyMutations(renderModule(doc, fmt), damage);
          const file = writeFile(root, target.path, bytes);
          const results = await workspace.eslint(root).lintFiles([file]);
          noCrash(results);
        }),
        pythonBudget,
      );
    },
    testTimeout(pythonBudget),
  );

  it(
    "the index's Python files (apps.py, models.py, facade api.py) damaged: linting still works",
    async () => {
      const scenario = repoSpec.chain((spec) =>
        fc.record({
          spec: fc.constant(spec),
          product: fc.constantFrom(...spec.products),
          which: fc.constantFrom("backend/apps.py", "backend/models.py", "backend/models/__init__.py", "backend/facade/api.py", "models.py"),
          damage: mutations({ huge: FUZZ }),
        }),
      );
      await checkProperty(
        "garbled-input",
        "index python files",
        fc.asyncProperty(scenario, async ({ spec, product, which, damage }) => {
          countCase();
          const root = newTree(spec);
          const relative = `products/${product.folder}/${which}`;
          const existing = path.join(root, relative);
          const source = fs.existsSync(existing) ? fs.readFileSync(existing) : Buffer.from("from django.db import models\n\n\nclass Thing(models.Model):\n    pass\n");
          writeFile(root, relative, applyMutations(source, damage));
          const results = await workspace.eslint(root).lintFiles([
            path.join(root, `products/${product.folder}/backend/probe.py`),
            path.join(root, `products/${product.folder}/package.json`),
          ]);
          noCrash(results);
        }),
        indexBudget,
      );
    },
    testTimeout(indexBudget),
  );

  it(
    "package.json: a damaged product package.json lints (at most one parse error) and fixes without throwing",
    async () => {
      const scenario = repoSpec.chain((spec) =>
        fc.record({ spec: fc.constant(spec), product: fc.constantFrom(...spec.products), crlf: fc.boolean(), damage: mutations({ huge: FUZZ }) }),
      );
      await checkProperty(
        "garbled-input",
        "package.json",
        fc.asyncProperty(scenario, async ({ spec, product, crlf, damage }) => {
          countCase();
          const root = newTree(spec);
          const text = packageJson(product);
          const bytes = applyMutations(crlf ? text.replace(/\n/gu, "\r\n") : text, damage);
          const file = writeFile(root, `products/${product.folder}/package.json`, bytes);
          const others = spec.products.filter((p) => p !== product).map((p) => path.join(root, `products/${p.folder}/package.json`));
          const results = await workspace.eslint(root).lintFiles([file, ...others]);
          noCrash(results);
          const own = results.find((result) => result.filePath === file)!;
          const parseErrors = own.messages.filter((message) => message.fatal);
          expect(parseErrors.length, describeBytes(bytes)).toBeLessThanOrEqual(1);
        }),
        packageBudget,
      );
    },
    testTimeout(packageBudget),
  );

  it(
    "db_routing.yaml: damaged, it is reported in itself (one message when unreadable), never in a model file, never a crash",
    async () => {
      const scenario = repoSpec
        .filter((spec) => spec.products.some((product) => product.database))
        .chain((spec) => fc.record({ spec: fc.constant(spec), damage: mutations({ huge: FUZZ }) }));
      await checkProperty(
        "garbled-input",
        "db_routing.yaml",
        fc.asyncProperty(scenario, async ({ spec, damage }) => {
          countCase();
          const root = newTree(spec);
          const bytes = applyMutations(dbRoutingYaml(spec), damage);
          const routing = writeFile(root, "products/db_routing.yaml", bytes);
          const probes = spec.products.map((product) => path.join(root, `products/${product.folder}/backend/probe.py`));
          const results = await workspace.eslint(root).lintFiles([routing, ...probes]);
          noCrash(results);
          const index = getRepoIndex(probes[0]!, { cwd: root })!;
          const { unreadable, invalidLabels } = index.dbRouting;
          const own = results.find((result) => result.filePath === routing)!;
          if (unreadable) expect(own.messages.map((message) => message.ruleId ?? "parse"), describeBytes(bytes)).toHaveLength(1);
          expect(own.messages.filter((message) => message.fatal).length, describeBytes(bytes)).toBeLessThanOrEqual(1);
          results.forEach((result) => {
            if (result === own) return;
            expect(result.messages.filter((message) => message.message.includes("db_routing.yaml")), result.filePath).toEqual([]);
            // The probe's relation involves its product's app and posthog (Team): unknown databases, nothing reported.
            const product = spec.products.find((candidate) => result.filePath === path.join(root, `products/${candidate.folder}/backend/probe.py`))!;
            const label = index.products.get(product.folder)?.app?.label ?? "";
            if (unreadable || invalidLabels.has(label) || invalidLabels.has("posthog")) {
              expect(result.messages.filter((message) => message.ruleId === "posthog-products/no-cross-db-fk"), `${result.filePath}: ${describeBytes(bytes)}`).toEqual([]);
            }
          });
        }),
        routingBudget,
      );
    },
    testTimeout(routingBudget),
  );

  it(
    "tach.toml: damaged, it is reported in itself (one message when unreadable), never in a package.json, never a crash",
    async () => {
      const scenario = repoSpec.chain((spec) => fc.record({ spec: fc.constant(spec), damage: mutations({ huge: FUZZ }) }));
      await checkProperty(
        "garbled-input",
        "tach.toml",
        fc.asyncProperty(scenario, async ({ spec, damage }) => {
          countCase();
          const root = newTree(spec);
          const bytes = applyMutations(tachToml(spec), damage);
          const tach = writeFile(root, "tach.toml", bytes);
          const files = spec.products.map((product) => path.join(root, `products/${product.folder}/package.json`));
          const results = await workspace.eslint(root).lintFiles([tach, ...files]);
          noCrash(results);
          const index = getRepoIndex(files[0]!, { cwd: root })!;
          const own = results.find((result) => result.filePath === tach)!;
          if (index.tach.unreadable) {
            expect(own.messages.map((message) => message.ruleId ?? "parse"), describeBytes(bytes)).toEqual(["parse"]);
            results.forEach((result) => {
              if (result !== own) expect(result.messages.filter((message) => message.message.includes("tach.toml")), result.filePath).toEqual([]);
            });
          }
          expect(own.messages.filter((message) => message.fatal).length, describeBytes(bytes)).toBeLessThanOrEqual(1);
        }),
        tachBudget,
      );
    },
    testTimeout(tachBudget),
  );
});

