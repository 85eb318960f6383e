import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { ChangeWatcher } from "../../src/project/change-watcher.js";
import { clearRepoIndexCache, getRepoIndex, setIndexRefreshInterval } from "../../src/project/index.js";
import { TrackedFs } from "../../src/project/tracked-fs.js";
import { FIXTURES } from "../support/helpers.js";

const dirs: string[] = [];
const watchers: ChangeWatcher[] = [];
afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.close();
  clearRepoIndexCache();
  setIndexRefreshInterval(200);
});
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "posthog-products-watch-")));
  dirs.push(dir);
  return dir;
}

/** Waits until `condition` holds (file-system events arrive asynchronously), at most two seconds. */
async function eventually(condition: () => boolean): Promise<boolean> {
  for (let waited = 0; waited < 2000; waited += 20) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

/** A watcher of what `read` looks at through a TrackedFs of `root`. */
function watching(root: string, read: (tfs: TrackedFs) => void): ChangeWatcher {
  const tfs = new TrackedFs(root);
  read(tfs);
  const watcher = new ChangeWatcher(tfs.watchList());
  watchers.push(watcher);
  return watcher;
}

describe("ChangeWatcher", () => {
  it("sees a change of a file that was read, not of its neighbours", async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, "read.txt"), "a");
    fs.writeFileSync(path.join(root, "other.txt"), "a");
    const watcher = watching(root, (tfs) => tfs.readText(path.join(root, "read.txt")));
    fs.writeFileSync(path.join(root, "other.txt"), "b");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watcher.mayHaveChanged).toBe(false);
    fs.writeFileSync(path.join(root, "read.txt"), "b");
    expect(await eventually(() => watcher.mayHaveChanged)).toBe(true);
  });

  it("sees a new entry of a listed directory, and a missing path appearing below a missing folder", async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, "listed"));
    const listed = watching(root, (tfs) => tfs.list(path.join(root, "listed")));
    const missing = watching(root, (tfs) => tfs.stat(path.join(root, "absent", "deeper", "file.py")));
    fs.writeFileSync(path.join(root, "listed", "new.py"), "");
    expect(await eventually(() => listed.mayHaveChanged)).toBe(true);
    expect(missing.mayHaveChanged).toBe(false);
    fs.mkdirSync(path.join(root, "absent"));
    expect(await eventually(() => missing.mayHaveChanged)).toBe(true);
  });
});

describe("the index between lints", () => {
  it("stats nothing while the watchers see no change, and is rebuilt after a change they see", async () => {
    const root = tempDir();
    fs.cpSync(path.join(FIXTURES, "repo-basic"), root, { recursive: true });
    setIndexRefreshInterval(1);
    const models = path.join(root, "products", "surveys", "backend", "models.py");
    const first = getRepoIndex(models, { cwd: root })!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(getRepoIndex(models, { cwd: root })).toBe(first); // checked once: watchers start
    await new Promise((resolve) => setTimeout(resolve, 5));
    const stat = vi.spyOn(fs, "statSync");
    expect(getRepoIndex(models, { cwd: root })).toBe(first);
    expect(stat.mock.calls.filter(([target]) => String(target).startsWith(root))).toEqual([]);
    stat.mockRestore();
    fs.appendFileSync(models, "\n\nclass Added(models.Model):\n    pass\n");
    expect(await eventually(() => getRepoIndex(models, { cwd: root })!.apps.get("surveys")!.models.has("Added"))).toBe(true);
  });
});
