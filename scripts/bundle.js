#!/usr/bin/env node
// The package's dist/: the modules tsc emitted into build/ as one ES module (dist/index.js), and
// their type declarations. Loading one module instead of 140 takes about a third less time, which
// every ESLint process (and each of its --concurrency workers) pays once. Dependencies stay
// imports of their packages.
//
// Usage: node scripts/bundle.js (after `tsc -p tsconfig.build.json`; `npm run build` runs both)

import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const modules = path.join(repoRoot, "build");
const dist = path.join(repoRoot, "dist");

if (!existsSync(path.join(modules, "index.js"))) {
  console.error("build/index.js is missing: run `tsc -p tsconfig.build.json` first (npm run build).");
  process.exit(1);
}

/** A package or a Node built-in, not one of the plugin's own modules. */
const isDependency = (id) => !id.startsWith(".") && !path.isAbsolute(id);

rmSync(dist, { recursive: true, force: true });
await build({
  input: path.join(modules, "index.js"),
  platform: "node",
  external: isDependency,
  logLevel: "warn",
  output: { dir: dist, format: "esm", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" },
});

function copyDeclarations(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) copyDeclarations(source, path.join(to, entry.name));
    else if (entry.name.endsWith(".d.ts")) {
      mkdirSync(to, { recursive: true });
      copyFileSync(source, path.join(to, entry.name));
    }
  }
}
copyDeclarations(modules, dist);
