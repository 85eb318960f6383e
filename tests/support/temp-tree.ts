import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const created: string[] = [];

afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A repository tree in a fresh temporary directory (removed after the test file): a copy of
 * `base` (a fixture folder) when given, then `files` (relative path → text) written over it.
 * A products tree is always there (an empty `products/db_routing.yaml` unless given): the plugin
 * needs one to find the root.
 */
export function tempTree(files: Record<string, string>, base?: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "posthog-products-tree-")));
  created.push(dir);
  if (base) fs.cpSync(base, dir, { recursive: true });
  fs.mkdirSync(path.join(dir, "products"), { recursive: true });
  const routing = path.join(dir, "products", "db_routing.yaml");
  if (!fs.existsSync(routing)) fs.writeFileSync(routing, "");
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}
