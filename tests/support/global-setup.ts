/**
 * vitest globalSetup: the editor, CLI and cache tests run the real ESLint CLI and language
 * server, which load the *built* plugin (dist/). Build it once per test run when it is missing
 * or older than a source file, so that `npm ci && npm test` works on a clean checkout.
 * Also removes leftovers of killed runs from tests/.tmp/ (trees older than an hour).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DIST_ENTRY, ESLINT_MAJOR, ESLINT_PACKAGE, REPO_ROOT, TMP_ROOT } from "./paths.js";

function newestMtime(dir: string, accept: (name: string) => boolean): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(target, accept));
    else if (accept(entry.name)) newest = Math.max(newest, fs.statSync(target).mtimeMs);
  }
  return newest;
}

/** True when some `src/**\/*.ts` has no `dist/**\/*.js` or a newer mtime than it. */
function distIsStale(): boolean {
  if (!fs.existsSync(DIST_ENTRY)) return true;
  const src = path.join(REPO_ROOT, "src");
  const stale = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const target = path.join(dir, entry.name);
      if (entry.isDirectory()) return stale(target);
      if (!entry.name.endsWith(".ts") || entry.name.endsWith(".d.ts")) return false;
      const out = path.join(REPO_ROOT, "dist", path.relative(src, target)).replace(/\.ts$/u, ".js");
      const outStat = fs.statSync(out, { throwIfNoEntry: false });
      return !outStat || outStat.mtimeMs < fs.statSync(target).mtimeMs;
    });
  const configs = ["tsconfig.json", "tsconfig.build.json", "package.json"].map((name) => path.join(REPO_ROOT, name));
  const configMtime = Math.max(...configs.map((file) => fs.statSync(file).mtimeMs));
  return stale(src) || configMtime > newestMtime(path.join(REPO_ROOT, "dist"), (name) => name.endsWith(".js"));
}

function buildDist(): void {
  const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
  const started = Date.now();
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: REPO_ROOT, stdio: "pipe", timeout: 180_000 });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? "") + String((error as { stderr?: Buffer }).stderr ?? "");
    // tsc emits despite type errors (the typecheck step reports those); only a missing build is fatal.
    if (!fs.existsSync(DIST_ENTRY)) throw new Error(`building dist/ failed:\n${output}`);
    console.warn(`[global-setup] tsc reported errors (dist/ was emitted anyway):\n${output}`);
  }
  console.log(`[global-setup] built dist/ in ${Date.now() - started} ms`);
}

function removeOldTrees(): void {
  if (!fs.existsSync(TMP_ROOT)) return;
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const entry of fs.readdirSync(TMP_ROOT, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "eslint9") continue;
    const target = path.join(TMP_ROOT, entry.name);
    try {
      if (fs.statSync(target).mtimeMs < hourAgo) fs.rmSync(target, { recursive: true, force: true });
    } catch {
      // Another run may be removing it too.
    }
  }
}

/** With ESLint 9: `tests/.tmp/eslint9/node_modules/eslint`, so tools started in a tree there load ESLint 9. */
function linkEslint9(): void {
  const link = path.join(TMP_ROOT, "node_modules", "eslint");
  if (fs.existsSync(link)) return;
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(ESLINT_PACKAGE, link, "dir");
}

export default function setup(): void {
  removeOldTrees();
  if (ESLINT_MAJOR === 9) linkEslint9();
  if (distIsStale()) buildDist();
}
