import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Parser } from "web-tree-sitter";
import { parseShell, type ShellCommand } from "../../src/languages/shell/index.js";
import { snapshotFile } from "../../src/project/extractions.js";
import { decode, encode } from "../../src/project/memo-codec.js";
import { clearRepoIndexCache, factsFingerprint, getRepoIndex, setIndexRefreshInterval } from "../../src/project/index.js";
import type { RepoIndex } from "../../src/project/types.js";
import { FIXTURES } from "../support/helpers.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => clearRepoIndexCache());
afterEach(() => {
  vi.restoreAllMocks();
  setIndexRefreshInterval(200);
});

const MODELS = "products/surveys/backend/models.py";
const TACH = "tach.toml";

/** A copy of the repo-basic fixture with a node_modules folder (where the memo lives). */
function repository(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "posthog-products-memo-")));
  dirs.push(root);
  fs.cpSync(path.join(FIXTURES, "repo-basic"), root, { recursive: true });
  fs.mkdirSync(path.join(root, "node_modules"));
  return root;
}

const memoFile = (root: string): string => path.join(path.dirname(snapshotFile(root)!), "index-memo.bin");
const indexOf = (root: string): RepoIndex => getRepoIndex(path.join(root, MODELS), { cwd: root })!;
const modelNames = (index: RepoIndex): string[] => [...(index.apps.get("surveys")?.models.keys() ?? [])].sort();

/** Lets the clock run past the racy window of every file written so far (a memo is kept only then). */
function settle(): void {
  const now = Date.now();
  vi.spyOn(Date, "now").mockReturnValue(now + 5000);
}

/** The repository's files (root-relative) that are read while `run` runs. */
function readsDuring(root: string, run: () => void): string[] {
  const read = vi.spyOn(fs, "readFileSync");
  run();
  const files = read.mock.calls.map(([file]) => path.relative(root, String(file))).filter((file) => !file.startsWith(".."));
  read.mockRestore();
  return files;
}

const MEMO = path.join("node_modules", ".cache", "eslint-plugin-posthog-products", "index-memo.bin");

describe("the index memo", () => {
  it("gives a later process the index, and its fingerprint, without reading a file of the repository", () => {
    const root = repository();
    settle();
    const built = indexOf(root);
    expect(fs.existsSync(memoFile(root))).toBe(true);
    clearRepoIndexCache();
    let remembered: RepoIndex | undefined;
    expect(readsDuring(root, () => (remembered = indexOf(root)))).toEqual([MEMO]);
    expect(remembered).not.toBe(built);
    expect(remembered).toEqual(built);
    expect(factsFingerprint(remembered!)).toBe(factsFingerprint(built));
  });

  it("is not kept while a file the build read may still change unseen (within the racy window)", () => {
    const root = repository();
    expect(modelNames(indexOf(root))).toContain("Survey");
    expect(fs.existsSync(memoFile(root))).toBe(false);
  });

  it("stays in use after an edit of a models module that keeps its facts: only that module is read", () => {
    const root = repository();
    settle();
    const before = modelNames(indexOf(root));
    const models = path.join(root, MODELS);
    fs.writeFileSync(models, fs.readFileSync(models, "utf8").replace("max_length=400", "max_length=401"));
    clearRepoIndexCache();
    let names: string[] = [];
    expect(readsDuring(root, () => (names = modelNames(indexOf(root)))).sort()).toEqual([MEMO, MODELS].sort());
    expect(names).toEqual(before);
    // The memo now records the module's new stats: the next process reads it no more.
    clearRepoIndexCache();
    expect(readsDuring(root, () => indexOf(root))).toEqual([MEMO]);
  });

  it("is set aside when a models module's facts changed, or another file the build read", () => {
    const root = repository();
    settle();
    indexOf(root);
    const models = path.join(root, MODELS);
    fs.writeFileSync(models, fs.readFileSync(models, "utf8").replace("class Survey(", "class Survex("));
    clearRepoIndexCache();
    const names = modelNames(indexOf(root));
    expect(names).toContain("Survex");
    expect(names).not.toContain("Survey");
    fs.appendFileSync(path.join(root, TACH), "\n# a comment\n");
    clearRepoIndexCache();
    expect(readsDuring(root, () => indexOf(root))).toContain(TACH);
  });

  it("is set aside when written by other code or for another root, or unreadable", () => {
    const root = repository();
    settle();
    const built = indexOf(root);
    const file = memoFile(root);
    const memo = decode(fs.readFileSync(file)) as { code: string; root: string };
    for (const changed of [{ ...memo, code: "other code" }, { ...memo, root: path.join(root, "elsewhere") }]) {
      fs.writeFileSync(file, encode(changed));
      clearRepoIndexCache();
      let index: RepoIndex | undefined;
      expect(readsDuring(root, () => (index = indexOf(root)))).toContain(TACH);
      expect(index).toEqual(built);
    }
    fs.writeFileSync(file, "{ not a memo");
    clearRepoIndexCache();
    expect(indexOf(root)).toEqual(built);
  });

  it("is set aside when the index snapshot was written since", () => {
    const root = repository();
    settle();
    indexOf(root);
    fs.appendFileSync(snapshotFile(root)!, " ");
    clearRepoIndexCache();
    expect(readsDuring(root, () => indexOf(root))).toContain(TACH);
  });

  it("hands parseShell the test scripts' commands the build handed it, so a later process does not parse them", () => {
    const root = repository();
    settle();
    indexOf(root);
    const script = (JSON.parse(fs.readFileSync(path.join(root, "products", "feature_flags", "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["backend:test"]!;
    const memo = decode(fs.readFileSync(memoFile(root))) as { shellCommands: [string, ShellCommand[]][] };
    expect(memo.shellCommands.find(([given]) => given === script)?.[1]).toEqual(parseShell(script));
    clearRepoIndexCache();
    indexOf(root);
    const parse = vi.spyOn(Parser.prototype, "parse");
    expect(parseShell(script).length).toBeGreaterThan(0);
    expect(parse).not.toHaveBeenCalled();
  });
});

describe("the staleness check of a process's index", () => {
  it("keeps the index after an edit of a models module that keeps its facts, and rebuilds it when they change", () => {
    setIndexRefreshInterval(0);
    const root = repository();
    const first = indexOf(root);
    const models = path.join(root, MODELS);
    fs.writeFileSync(models, fs.readFileSync(models, "utf8").replace("max_length=400", "max_length=401"));
    expect(indexOf(root)).toBe(first);
    fs.writeFileSync(models, fs.readFileSync(models, "utf8").replace("class Survey(", "class Survex("));
    const rebuilt = indexOf(root);
    expect(rebuilt).not.toBe(first);
    expect(modelNames(rebuilt)).toContain("Survex");
  });
});
