import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { snapshotFile } from "../../src/project/extractions.js";
import { clearRepoIndexCache, getRepoIndex } from "../../src/project/index.js";
import { FIXTURES } from "../support/helpers.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => clearRepoIndexCache());

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
type Snapshot = { entries: Record<string, Record<string, [string, { classes: ClassFact[] }]>> };

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
