#!/usr/bin/env node
// Two measurements of the bench at once, each in a process of its own (scripts/bench/lint-run.js
// with the same arguments): what the machine's cores give two lints that share nothing. Prints
// their two JSON objects as one array on stdout.
//
// Usage: node scripts/bench/lint-pair.js <kind> <tree> <plugin dist/index.js> [options as JSON]

import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const lintRun = path.join(path.dirname(fileURLToPath(import.meta.url)), "lint-run.js");

/** One lint-run.js process; its figures. */
function runOnce(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [lintRun, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`lint-run.js ${args[0]} exited with ${code}`))));
  });
}

const args = process.argv.slice(2);
const both = await Promise.all([runOnce(args), runOnce(args)]);
process.stdout.write(JSON.stringify(both));
