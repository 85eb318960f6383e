#!/usr/bin/env node
// Writes the generated parts of docs/rules/*.md (header, options list) and README.md (rule
// table) from the built plugin's rule metadata. With --check, writes nothing and exits 1 when a
// file is out of date.
//
// Usage: npm run docs            (builds, then writes)
//        npm run docs -- --check

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { updateReadme, updateRuleDoc } from "./rule-docs.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { default: plugin } = await import(path.join(repoRoot, "dist", "index.js"));
const check = process.argv.includes("--check");

const files = [
  ...Object.keys(plugin.rules).map((ruleName) => ({
    file: path.join(repoRoot, "docs", "rules", `${ruleName}.md`),
    update: (text) => updateRuleDoc(plugin, ruleName, text),
  })),
  { file: path.join(repoRoot, "README.md"), update: (text) => updateReadme(plugin, text) },
];

let stale = 0;
for (const { file, update } of files) {
  const text = readFileSync(file, "utf8");
  const updated = update(text);
  if (updated === text) continue;
  stale++;
  if (check) console.error(`${path.relative(repoRoot, file)} is out of date: run npm run docs`);
  else writeFileSync(file, updated);
}
if (check && stale > 0) process.exit(1);
if (!check) console.log(`${stale} file(s) updated`);
