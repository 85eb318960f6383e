#!/usr/bin/env node
// Writes src/languages/python/node-types.ts from the Python grammar the built plugin loads (its
// modules, as tsc emits them into build/).
// Usage: npm run build && node tools/update-node-types.js

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { namedNodeTypes, nodeTypesSource } from "./node-types.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { pythonLanguage, PYTHON_GRAMMAR } = await import(path.join(repoRoot, "build", "languages", "python", "tree-sitter.js"));
const target = path.join(repoRoot, "src", "languages", "python", "node-types.ts");
const source = nodeTypesSource(namedNodeTypes(pythonLanguage), PYTHON_GRAMMAR);
if (readFileSync(target, "utf8") !== source) writeFileSync(target, source);
