/**
 * Autofixes never damage a file. For generated repository trees and generated Python model files
 * (see arbitraries/), ESLint's `--fix` (the `ESLint` class, `fix: true`, `outputFixes`) must give a
 * file that parses with no new tree-sitter errors, keeps its BOM and line endings, changes nothing
 * outside the import statements and relation-field arguments the rules fix, keeps every comment and
 * import it does not mean to remove (in its scope), moves names only where SPEC §3 says, labels
 * relation targets with an app that defines the model, leaves no fixable report, and does not
 * change on a second pass. Every suggestion, applied alone, parses too.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { ESLint } from "eslint";
import { afterAll, describe, it } from "vitest";
import { format, lintTarget, pythonModule, renderModule, type Format, type LintTarget, type PyDoc } from "./arbitraries/python.js";
import { repoSpec, writeFile, writeRepo, type RepoSpec } from "./arbitraries/repo.js";
import { oracleFor } from "./oracle.js";
import { checkFix } from "./support/fix-checks.js";
import { applyFix, lineEndings, Workspace, type FixPass } from "./support/lint.js";
import { errorCount } from "./support/python-tree.js";
import { checkProperty, countCase, countStat, testTimeout, type Budget } from "./support/run.js";

const workspace = new Workspace("posthog-products-fix-");
afterAll(() => workspace.dispose(), 600_000);

interface FileCase {
  target: LintTarget;
  doc: PyDoc;
  fmt: Format;
}

const fileCase = (spec: RepoSpec): fc.Arbitrary<FileCase> => fc.record({ target: lintTarget(spec), doc: pythonModule(spec), fmt: format });

const scenario = repoSpec.chain((spec) =>
  fc.record({ spec: fc.constant(spec), files: fc.array(fileCase(spec), { minLength: 1, maxLength: 4 }) }),
);

function describeCase(original: string, output: string | undefined): string {
  return `\n--- original ---\n${JSON.stringify(original)}\n--- output ---\n${JSON.stringify(output)}`;
}

function suggestionProblems(base: string, messages: ESLint.LintResult["messages"], when: string): string[] {
  const problems: string[] = [];
  const baseErrors = errorCount(base);
  for (const message of messages) {
    for (const suggestion of message.suggestions ?? []) {
      const applied = applyFix(base, suggestion.fix);
      const errors = errorCount(applied);
      if (errors > baseErrors) problems.push(`${when}: the suggestion "${suggestion.desc}" of ${message.ruleId} adds syntax errors (${baseErrors} → ${errors})${describeCase(base, applied)}`);
      const before = lineEndings(base);
      const after = lineEndings(applied);
      if (before.lf === 0 && after.lf > 0) problems.push(`${when}: the suggestion "${suggestion.desc}" puts LF line breaks in a CRLF file`);
      if (before.crlf === 0 && after.crlf > 0) problems.push(`${when}: the suggestion "${suggestion.desc}" puts CRLF line breaks in an LF file`);
    }
  }
  return problems;
}

let dumped = 0;

/** Lints one generated file with --fix semantics and checks everything; restores the tree after. */
async function checkFile(root: string, spec: RepoSpec, { target, doc, fmt }: FileCase): Promise<void> {
  const original = renderModule(doc, fmt);
  const file = path.join(root, target.path);
  const previous = fs.existsSync(file) ? fs.readFileSync(file) : null;
  writeFile(root, target.path, original);
  try {
    const replay = workspace.replayFixes(original, file, root);
    countFixes(replay.passes, replay.firstMessages);
    const [result] = await workspace.eslint(root).lintFiles([file]);
    const problems: string[] = [];
    const fatal = result!.messages.filter((message) => message.fatal || message.ruleId === null);
    if (fatal.length > 0) problems.push(`fatal messages: ${fatal.map((message) => message.message).join("; ")}`);
    await ESLint.outputFixes([result!]);
    const bytes = fs.readFileSync(file);
    const output = bytes.toString("utf8");
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    if (hasBom !== fmt.bom) problems.push(`BOM on disk: ${hasBom}, in the original: ${fmt.bom}`);
    if (output !== replay.output) problems.push(`ESLint's fixed file differs from the replayed passes:\n${JSON.stringify(replay.output)}`);
    problems.push(...checkFix({ original, output, passes: replay.passes }, oracleFor(spec, target, doc)));
    const passes = (text: string): number => (text.match(/^\s*pass\s*$/gmu) ?? []).length;
    if (passes(output) > passes(original)) countStat("blocks left with pass");
    if (process.env.FUZZ_DUMP_DIR) {
      // For an outside check (e.g. CPython's own parser) of what the fixes produced.
      const base = path.join(process.env.FUZZ_DUMP_DIR, `${process.pid}-${++dumped}`);
      fs.writeFileSync(`${base}.before.py`, original);
      fs.writeFileSync(`${base}.after.py`, output);
    }

    const [second] = await workspace.eslint(root).lintFiles([file]);
    if (second!.output !== undefined && second!.output !== output) problems.push(`a second fix pass changed the file again:\n${JSON.stringify(second!.output)}`);
    const fixable = second!.messages.filter((message) => message.fix);
    if (fixable.length > 0) problems.push(`fixable reports remain after --fix: ${fixable.map((message) => `${message.ruleId}: ${message.message}`).join("; ")}`);

    problems.push(...suggestionProblems(original, replay.firstMessages, "before the fix"));
    problems.push(...suggestionProblems(output, second!.messages, "after the fix"));
    if (problems.length > 0) throw new Error(`${target.path}:\n- ${problems.join("\n- ")}${describeCase(original, output)}`);
  } finally {
    if (previous) fs.writeFileSync(file, previous);
    else fs.rmSync(file, { force: true });
  }
}

function countFixes(passes: FixPass[], firstMessages: { suggestions?: unknown[] }[]): void {
  const applied = passes.reduce((sum, pass) => sum + pass.applied.length, 0);
  if (applied > 0) countStat("files fixed");
  countStat("fixes applied", applied);
  countStat("fix passes", passes.length);
  countStat("suggestions checked", firstMessages.reduce((sum, message) => sum + (message.suggestions?.length ?? 0), 0));
}

const budget: Budget = { runs: 40, fuzzRuns: 1000, timeLimitMs: 15_000 };

describe("autofix safety (property)", () => {
  it(
    "fixes of generated model files in generated trees never break the file",
    async () => {
      await checkProperty(
        "fix-safety",
        "python model files, --fix",
        fc.asyncProperty(scenario, async ({ spec, files }) => {
          const root = workspace.newTreeDir();
          writeRepo(root, spec);
          try {
            for (const file of files) {
              countCase();
              await checkFile(root, spec, file);
            }
          } finally {
            workspace.release(root);
          }
        }),
        budget,
      );
    },
    testTimeout(budget),
  );
});
