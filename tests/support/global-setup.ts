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

/** True when dist/index.js is missing or older than a source file, a build script or a config that shapes it. */
function distIsStale(): boolean {
  const built = fs.statSync(DIST_ENTRY, { throwIfNoEntry: false });
  if (!built) return true;
  const sources = newestMtime(path.join(REPO_ROOT, "src"), (name) => name.endsWith(".ts"));
  const inputs = ["tsconfig.json", "tsconfig.build.json", "package.json", "scripts/bundle.js"].map((name) => fs.statSync(path.join(REPO_ROOT, name)).mtimeMs);
  return Math.max(sources, ...inputs) > built.mtimeMs;
}

/** `npm run build`'s two steps: tsc into build/, then the bundle into dist/. */
function buildDist(): void {
  const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
  const started = Date.now();
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: REPO_ROOT, stdio: "pipe", timeout: 180_000 });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? "") + String((error as { stderr?: Buffer }).stderr ?? "");
    // tsc emits despite type errors (the typecheck step reports those); only a missing build is fatal.
    if (!fs.existsSync(path.join(REPO_ROOT, "build", "index.js"))) throw new Error(`building build/ failed:\n${output}`);
    console.warn(`[global-setup] tsc reported errors (build/ was emitted anyway):\n${output}`);
  }
  execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts", "bundle.js")], { cwd: REPO_ROOT, stdio: "pipe", timeout: 180_000 });
  if (!fs.existsSync(DIST_ENTRY)) throw new Error("bundling dist/ failed");
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
