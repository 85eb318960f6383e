import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { snapshotFile } from "../../src/project/extractions.js";
import { clearRepoIndexCache, findPytestPathArguments, getRepoIndex, setIndexRefreshInterval } from "../../src/project/index.js";
import { Parser } from "web-tree-sitter";
import { getPythonParser } from "../../src/languages/python/tree-sitter.js";
import { parseShell, type ShellCommand } from "../../src/languages/shell/index.js";
import { FIXTURES } from "../support/helpers.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => clearRepoIndexCache());
afterEach(() => vi.restoreAllMocks());

/** A copy of the repo-basic fixture, with a `node_modules/` folder when `withModules`. */
function repository(withModules: boolean): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "posthog-products-snapshot-")));
  dirs.push(root);
  fs.cpSync(path.join(FIXTURES, "repo-basic"), root, { recursive: true });
  if (withModules) fs.mkdirSync(path.join(root, "node_modules"));
  return root;
}

const MODELS = "products/surveys/backend/models.py";
const modelNames = (root: string): string[] => [...(getRepoIndex(path.join(root, MODELS), { cwd: root })!.apps.get("surveys")?.models.keys() ?? [])].sort();

type ClassFact = { name: string; line: number; bases: string[]; relations: unknown[] };
type Snapshot = { entries: Record<string, Record<string, [string, { classes: ClassFact[] }, string | null]>> };

describe("the index snapshot", () => {
  it("is written under the repository's node_modules/.cache after a build", () => {
    const root = repository(true);
    modelNames(root);
    const file = snapshotFile(root)!;
    expect(path.relative(root, file)).toBe(path.join("node_modules", ".cache", "eslint-plugin-posthog-products", "index-snapshot.json"));
    const snapshot = JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
    expect(Object.keys(snapshot.entries["module-facts"]!)).toContain(MODELS);
  });

  it("is what a later process uses for a file whose text is unchanged, without parsing it", () => {
    const root = repository(true);
    const before = modelNames(root);
    const file = snapshotFile(root)!;
    const snapshot = JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
    snapshot.entries["module-facts"]![MODELS]![1].classes.push({ name: "OnlyInTheSnapshot", line: 1, bases: ["models.Model"], relations: [] });
    fs.writeFileSync(file, JSON.stringify(snapshot));
    clearRepoIndexCache();
    expect(modelNames(root)).toEqual([...before, "OnlyInTheSnapshot"].sort());
  });

  it("is not used for a file whose text changed, nor when it was written by other code", () => {
    const root = repository(true);
    const before = modelNames(root);
    const file = snapshotFile(root)!;
    const snapshot = JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot & { code: string };
    snapshot.entries["module-facts"]![MODELS]![1].classes.push({ name: "OnlyInTheSnapshot", line: 1, bases: ["models.Model"], relations: [] });
    fs.writeFileSync(file, JSON.stringify(snapshot));
    fs.appendFileSync(path.join(root, MODELS), "\n\nclass Appended(models.Model):\n    pass\n");
    clearRepoIndexCache();
    expect(modelNames(root)).toEqual([...before, "Appended"].sort());
    fs.writeFileSync(file, JSON.stringify({ ...snapshot, code: "other" }));
    fs.writeFileSync(path.join(root, MODELS), fs.readFileSync(path.join(FIXTURES, "repo-basic", MODELS)));
    clearRepoIndexCache();
    expect(modelNames(root)).toEqual(before);
  });

  /** Sets the file's modification time `secondsAgo` in the past (its change time becomes now). */
  function age(file: string, secondsAgo: number): void {
    const then = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(file, then, then);
  }

  /** Which files of the repository the index reads while `run` runs. */
  function readsDuring(root: string, run: () => void): string[] {
    const read = vi.spyOn(fs, "readFileSync");
    run();
    const files = read.mock.calls.map(([file]) => path.relative(root, String(file)));
    read.mockRestore();
    return files;
  }

  /** The snapshot's module facts of the models module, with a class the file does not have. */
  function plantClassInSnapshot(root: string): Snapshot {
    const file = snapshotFile(root)!;
    const snapshot = JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
    snapshot.entries["module-facts"]![MODELS]![1].classes.push({ name: "OnlyInTheSnapshot", line: 1, bases: ["models.Model"], relations: [] });
    fs.writeFileSync(file, JSON.stringify(snapshot));
    return snapshot;
  }

  it("gives a models module's facts without reading it when its stats are those it recorded", () => {
    const root = repository(true);
    age(path.join(root, MODELS), 60);
    // The change time is now: the first build reads the file, and records its stats once the racy window has passed.
    const ctime = fs.statSync(path.join(root, MODELS)).ctimeMs;
    vi.spyOn(Date, "now").mockReturnValue(ctime + 5000);
    const before = modelNames(root);
    expect(plantClassInSnapshot(root).entries["module-facts"]![MODELS]![2]).toEqual(expect.stringMatching(/^\d+:/u));
    clearRepoIndexCache();
    let names: string[] = [];
    expect(readsDuring(root, () => (names = modelNames(root)))).not.toContain(MODELS);
    expect(names).toEqual([...before, "OnlyInTheSnapshot"].sort());
  });

  it("reads a models module again when its stats changed, even to text of the same size", () => {
    const root = repository(true);
    const models = path.join(root, MODELS);
    age(models, 60);
    vi.spyOn(Date, "now").mockReturnValue(fs.statSync(models).ctimeMs + 5000);
    modelNames(root);
    plantClassInSnapshot(root);
    fs.writeFileSync(models, fs.readFileSync(models, "utf8").replace("class Survey(", "class Survex("));
    age(models, 30);
    clearRepoIndexCache();
    let names: string[] = [];
    expect(readsDuring(root, () => (names = modelNames(root)))).toContain(MODELS);
    expect(names).toContain("Survex");
    expect(names).not.toContain("Survey");
    expect(names).not.toContain("OnlyInTheSnapshot");
  });

  it("does not record the stats of a file changed within the racy window: the next run reads it", () => {
    const root = repository(true);
    modelNames(root);
    expect(plantClassInSnapshot(root).entries["module-facts"]![MODELS]![2]).toBeNull();
    clearRepoIndexCache();
    let names: string[] = [];
    expect(readsDuring(root, () => (names = modelNames(root)))).toContain(MODELS);
    // Same text: the snapshot's facts are used after reading it.
    expect(names).toContain("OnlyInTheSnapshot");
  });

  it("lets go of the models modules' facts after a build; a rebuild loads them from the snapshot again", () => {
    setIndexRefreshInterval(0);
    try {
      const root = repository(true);
      const before = modelNames(root);
      plantClassInSnapshot(root);
      expect(modelNames(root)).toEqual(before);
      // A change the index watches rebuilds it: the facts it had let go of come from the snapshot on disk.
      fs.appendFileSync(path.join(root, "tach.toml"), "\n# touched\n");
      expect(modelNames(root)).toEqual([...before, "OnlyInTheSnapshot"].sort());
    } finally {
      setIndexRefreshInterval(200);
    }
  });

  it("keeps the facts in memory where no snapshot holds them", () => {
    setIndexRefreshInterval(0);
    try {
      const bare = repository(false);
      const before = modelNames(bare);
      const parse = vi.spyOn(getPythonParser(), "parse");
      fs.appendFileSync(path.join(bare, "tach.toml"), "\n# touched\n");
      expect(modelNames(bare)).toEqual(before);
      const parsedModels = parse.mock.calls.filter(([text]) => typeof text === "string" && text.includes("class Survey("));
      expect(parsedModels).toEqual([]);
    } finally {
      setIndexRefreshInterval(200);
    }
  });

  it("gives the test scripts' commands to the index and to the rules, and parses a script whose text changed", () => {
    const root = repository(true);
    const manifest = path.join(root, "products", "feature_flags", "package.json");
    // Scripts no other test of this process parsed; the second one's name holds a path separator.
    const script = `pytest backend/tests -k only_here_${process.pid}_${Date.now()}`;
    const other = `${script} --other`;
    fs.writeFileSync(manifest, JSON.stringify({ name: "@posthog/products-feature-flags", scripts: { "backend:test": script, "backend:test:a/../b": other } }));
    const pytestPaths = () => [...getRepoIndex(path.join(root, MODELS), { cwd: root })!.products.get("feature_flags")!.pytestPaths.keys()];
    expect(pytestPaths()).toEqual([path.join(root, "products", "feature_flags", "backend", "tests")]);
    const file = snapshotFile(root)!;
    const snapshot = JSON.parse(fs.readFileSync(file, "utf8")) as { entries: Record<string, Record<string, [string, ShellCommand[], null]>> };
    const recorded = snapshot.entries["script-commands"]!;
    const ofProduct = Object.keys(recorded).filter((key) => key.startsWith("products/feature_flags/"));
    expect(ofProduct.sort()).toEqual(["products/feature_flags/package.json#backend%3Atest", "products/feature_flags/package.json#backend%3Atest%3Aa%2F..%2Fb"]);
    // In the snapshot, the script runs pytest on another folder: what a later process sees proves where its commands came from.
    const word = recorded["products/feature_flags/package.json#backend%3Atest"]![1][0]!.words.find((candidate) => candidate.value === "backend/tests")!;
    word.value = "planted/tests";
    fs.writeFileSync(file, JSON.stringify(snapshot));
    clearRepoIndexCache();
    // The other script still runs pytest on backend/tests.
    expect(pytestPaths()).toEqual([path.join(root, "products", "feature_flags", "planted", "tests"), path.join(root, "products", "feature_flags", "backend", "tests")]);
    expect(findPytestPathArguments(parseShell(script)).map((argument) => argument.path)).toEqual(["planted/tests"]);
    // A script whose text changed is parsed.
    const parse = vi.spyOn(Parser.prototype, "parse");
    fs.writeFileSync(manifest, JSON.stringify({ scripts: { "backend:test": `${script} backend/more` } }));
    clearRepoIndexCache();
    expect(pytestPaths()).toEqual([path.join(root, "products", "feature_flags", "backend", "tests"), path.join(root, "products", "feature_flags", "backend", "more")]);
    expect(parse.mock.calls.filter(([text]) => text === `${script} backend/more`)).toHaveLength(1);
  });

  it("is ignored when unreadable, and not written where the repository has no node_modules", () => {
    const root = repository(true);
    fs.mkdirSync(path.dirname(snapshotFile(root)!), { recursive: true });
    fs.writeFileSync(snapshotFile(root)!, "{ not json");
    expect(modelNames(root).length).toBeGreaterThan(0);
    const bare = repository(false);
    expect(snapshotFile(bare)).toBeNull();
    expect(modelNames(bare).length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(bare, "node_modules"))).toBe(false);
  });
});
