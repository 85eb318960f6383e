#!/usr/bin/env node
// Lints examples/posthog-mini with its own eslint.config.js (the user one-liner, importing the
// built plugin from ../../dist/index.js) and prints the findings with the stylish formatter.
//
// Used in CI as a smoke check. Exit codes:
//   0  the run worked and found problems (the example's deliberate violations);
//   1  ESLint threw, a fatal (parse) error was reported, or no problems at all were found;
//      with --strict also when the findings differ from examples/posthog-mini/expected-violations.json.
//
// Usage: node scripts/lint-example.js [--fix] [--strict] [--format <name>]
//   --fix            fix dry run: print what `eslint --fix` would change (a diff) without writing.
//   --strict         fail when a deliberate violation is not reported, or something else is.
//   --format <name>  formatter for the findings (default: stylish).

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, "..");
const exampleDir = path.join(repoRoot, "examples", "posthog-mini");
const expectedFile = path.join(exampleDir, "expected-violations.json");

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
const red = paint("31");
const green = paint("32");
const yellow = paint("33");
const cyan = paint("36");
const bold = paint("1");
const dim = paint("2");

function fail(message) {
  console.error(red(`lint-example: ${message}`));
  process.exitCode = 1;
}

let args;
try {
  args = parseArgs({
    options: {
      fix: { type: "boolean", default: false },
      "fix-dry-run": { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      format: { type: "string", default: "stylish" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(error.message);
  process.exit(1);
}

if (args.help) {
  console.log("Usage: node scripts/lint-example.js [--fix] [--strict] [--format <name>]");
  process.exit(0);
}
const fixDryRun = args.fix || args["fix-dry-run"];

if (!existsSync(path.join(repoRoot, "dist", "index.js"))) {
  fail("dist/index.js is missing: build the plugin first (npm run build).");
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Line diff for --fix (LCS over lines; the example files are small).

function splitLines(text) {
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function showLine(line) {
  // Make otherwise invisible changes (CRLF, trailing blanks) visible.
  return line.replace(/\r$/u, "␍").replace(/[ \t]+(␍?)$/u, (blank, cr) => "·".repeat(blank.length - cr.length) + cr);
}

function diffLines(before, after) {
  const a = splitLines(before);
  const b = splitLines(after);
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: " ", text: a[i], aLine: i + 1, bLine: j + 1 });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      ops.push({ kind: "-", text: a[i], aLine: i + 1, bLine: j + 1 });
      i++;
    } else {
      ops.push({ kind: "+", text: b[j], aLine: i + 1, bLine: j + 1 });
      j++;
    }
  }
  while (i < n) ops.push({ kind: "-", text: a[i], aLine: ++i, bLine: j + 1 });
  while (j < m) ops.push({ kind: "+", text: b[j], aLine: i + 1, bLine: ++j });
  return ops;
}

function formatHunks(ops, context = 3) {
  const changed = ops.map((op, index) => (op.kind !== " " ? index : -1)).filter((index) => index >= 0);
  if (changed.length === 0) return "";
  const hunks = [];
  let start = Math.max(0, changed[0] - context);
  let end = Math.min(ops.length - 1, changed[0] + context);
  for (const index of changed.slice(1)) {
    if (index - context <= end + 1) {
      end = Math.min(ops.length - 1, index + context);
    } else {
      hunks.push([start, end]);
      start = Math.max(0, index - context);
      end = Math.min(ops.length - 1, index + context);
    }
  }
  hunks.push([start, end]);

  const out = [];
  for (const [from, to] of hunks) {
    const slice = ops.slice(from, to + 1);
    const aStart = slice[0].aLine;
    const bStart = slice[0].bLine;
    const aCount = slice.filter((op) => op.kind !== "+").length;
    const bCount = slice.filter((op) => op.kind !== "-").length;
    out.push(cyan(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`));
    for (const op of slice) {
      const line = `${op.kind}${showLine(op.text)}`;
      out.push(op.kind === "-" ? red(line) : op.kind === "+" ? green(line) : dim(line));
    }
  }
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Expected deliberate violations (see examples/posthog-mini/README.md).

function loadExpected() {
  if (!existsSync(expectedFile)) return null;
  try {
    const data = JSON.parse(readFileSync(expectedFile, "utf8"));
    return data.violations.map((v) => ({ ...v, endLine: v.endLine ?? v.line }));
  } catch (error) {
    fail(`cannot read ${path.relative(repoRoot, expectedFile)}: ${error.message}`);
    return null;
  }
}

function compareWithExpected(results, expected) {
  const found = [];
  for (const result of results) {
    const file = path.relative(exampleDir, result.filePath).split(path.sep).join("/");
    for (const message of result.messages) found.push({ file, line: message.line, rule: message.ruleId, message });
  }
  const covers = (v, f) => v.file === f.file && v.rule === f.rule && f.line >= v.line && f.line <= v.endLine;
  const missing = expected.filter((v) => !found.some((f) => covers(v, f)));
  const unexpected = found.filter((f) => !expected.some((v) => covers(v, f)));
  return { missing, unexpected, matched: expected.length - missing.length };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { ESLint } = await import("eslint");
  const eslint = new ESLint({ cwd: exampleDir, fix: fixDryRun, cache: false });

  let results;
  try {
    results = await eslint.lintFiles(["."]);
  } catch (error) {
    fail(`ESLint threw while linting ${path.relative(repoRoot, exampleDir)}:`);
    console.error(error?.stack ?? error);
    process.exitCode = 1;
    return;
  }

  // Which plugin rules are on for each kind of file (helps reading a short report while rules
  // are still being written).
  const enabledRules = async (relative) => {
    const config = await eslint.calculateConfigForFile(path.join(exampleDir, relative));
    return Object.entries(config?.rules ?? {})
      .filter(([name, entry]) => name.startsWith("posthog-products/") && [entry].flat()[0] !== 0 && [entry].flat()[0] !== "off")
      .map(([name]) => name);
  };
  const kinds = [
    [".py", "products/feature_flags/backend/models.py"],
    ["package.json", "products/feature_flags/package.json"],
    ["db_routing.yaml", "products/db_routing.yaml"],
    ["tach.toml", "tach.toml"],
  ];
  const rulesByKind = [];
  for (const [kind, file] of kinds) rulesByKind.push([kind, await enabledRules(file)]);

  const formatter = await eslint.loadFormatter(args.format);
  const formatted = await formatter.format(results, { maxWarningsExceeded: undefined });
  if (formatted) console.log(formatted);

  let fixedFiles = 0;
  if (fixDryRun) {
    for (const result of results) {
      if (typeof result.output !== "string") continue;
      const before = readFileSync(result.filePath, "utf8");
      if (before === result.output) continue;
      fixedFiles++;
      const relative = path.relative(exampleDir, result.filePath).split(path.sep).join("/");
      console.log(bold(`--- a/${relative}`));
      console.log(bold(`+++ b/${relative} (fixed, not written)`));
      console.log(formatHunks(diffLines(before, result.output)));
      console.log();
    }
  }

  const messages = results.flatMap((result) => result.messages.map((message) => ({ result, message })));
  const fatal = messages.filter(({ message }) => message.fatal);
  const errors = results.reduce((sum, r) => sum + r.errorCount, 0);
  const warnings = results.reduce((sum, r) => sum + r.warningCount, 0);
  const fixable = results.reduce((sum, r) => sum + r.fixableErrorCount + r.fixableWarningCount, 0);
  const filesWithProblems = results.filter((r) => r.messages.length > 0).length;
  const byRule = new Map();
  for (const { message } of messages) byRule.set(message.ruleId ?? "(no rule)", (byRule.get(message.ruleId ?? "(no rule)") ?? 0) + 1);
  const ruleSummary = [...byRule].sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => `${rule.replace(/^posthog-products\//u, "")}: ${count}`);

  console.log(
    bold(
      `lint-example: ${results.length} files linted, ${errors + warnings} problems (${errors} errors, ${warnings} warnings, ${fatal.length} fatal, ${fixable} fixable) in ${filesWithProblems} files` +
        (fixDryRun ? `; --fix would change ${fixedFiles} files` : "") +
        (ruleSummary.length ? ` [${ruleSummary.join(", ")}]` : ""),
    ),
  );
  console.log(dim(`rules on: ${rulesByKind.map(([kind, rules]) => `${rules.length} for ${kind} (${rules.join(", ") || "none"})`).join(", ")}`));

  if (fatal.length > 0) {
    for (const { result, message } of fatal) {
      fail(`fatal error in ${path.relative(exampleDir, result.filePath)}:${message.line}:${message.column}: ${message.message}`);
    }
  }
  if (errors + warnings === 0 && fixedFiles === 0) {
    fail("no problems found: the example's deliberate violations were not reported.");
  }

  if (fixDryRun) {
    console.log(dim("(--fix: comparison with expected-violations.json skipped, fixed problems are not listed)"));
    return;
  }
  const expected = loadExpected();
  if (!expected) return;
  const { missing, unexpected, matched } = compareWithExpected(results, expected);
  const status = missing.length === 0 && unexpected.length === 0 ? green("all match") : yellow("differences");
  console.log(`expected deliberate violations: ${matched}/${expected.length} reported, ${unexpected.length} other findings (${status})`);
  for (const v of missing) {
    const lines = v.endLine !== v.line ? `${v.line}-${v.endLine}` : `${v.line}`;
    console.log(yellow(`  not reported: ${v.file}:${lines} ${v.rule}`) + dim(` (${v.what})`));
  }
  for (const f of unexpected) {
    console.log(yellow(`  not expected: ${f.file}:${f.line} ${f.rule ?? "(no rule)"}`) + dim(` ${f.message.message}`));
  }
  if (args.strict && (missing.length > 0 || unexpected.length > 0)) {
    fail("--strict: the findings differ from examples/posthog-mini/expected-violations.json.");
  }
}

try {
  await main();
} catch (error) {
  fail("failed:");
  console.error(error?.stack ?? error);
  process.exitCode = 1;
}
