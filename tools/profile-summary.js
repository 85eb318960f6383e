#!/usr/bin/env node
// Groups the samples of a V8 CPU profile (`node --cpu-prof`) of an ESLint run with this plugin:
// tree-sitter's parse (WASM), building the AST (the plugin's node objects), the WASM glue
// (web-tree-sitter's marshalling outside the parse), GC, the rules, the repository index, and
// ESLint with everything else. Each sample counts once, in the first group that claims a frame
// of its stack, in that order of precedence (GC and idle first).
//
// Usage: node --cpu-prof --cpu-prof-dir=DIR node_modules/eslint/bin/eslint.js ...
//        node tools/profile-summary.js DIR/<file>.cpuprofile

import { readFileSync } from "node:fs";

const GROUPS = [
  ["GC", (frame) => frame.functionName === "(garbage collector)"],
  ["idle", (frame) => frame.functionName === "(idle)" || frame.functionName === "(program)"],
  ["index", (frame) => /\/project\/(build-index|cache|extractions)\.js$/u.test(frame.url)],
  ["WASM parse", (frame) => frame.url.endsWith("web-tree-sitter.js") && frame.functionName === "parse"],
  ["AST building", (frame) => /\/(languages|parsers)\/python\/(ast|tree-store)\.js$/u.test(frame.url)],
  ["WASM glue", (frame) => frame.url.endsWith("web-tree-sitter.js") || frame.url.startsWith("wasm://")],
  ["rules", (frame) => /\/(?:dist|build)\/(rules|languages\/python\/syntax|languages\/shell)\//u.test(frame.url) || (frame.url.endsWith("linter.js") && frame.functionName === "runRules")],
];

function summarize(file) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const totals = new Map([...GROUPS.map(([name]) => [name, 0]), ["ESLint and other", 0]]);
  let all = 0;
  profile.samples.forEach((sample, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    all += delta;
    const stack = [];
    for (let id = sample; id !== undefined; id = parentOf.get(id)) stack.push(byId.get(id).callFrame);
    const group = GROUPS.find(([, claims]) => stack.some(claims))?.[0] ?? "ESLint and other";
    totals.set(group, totals.get(group) + delta);
  });
  const busy = all - totals.get("idle");
  console.log(`${file}: ${(all / 1e6).toFixed(2)} s sampled, ${(busy / 1e6).toFixed(2)} s busy`);
  for (const [name, micros] of totals) {
    if (name === "idle") continue;
    console.log(`  ${name.padEnd(18)} ${(micros / 1e6).toFixed(2).padStart(7)} s  ${((100 * micros) / busy).toFixed(1).padStart(5)}%`);
  }
}

for (const file of process.argv.slice(2)) summarize(file);
