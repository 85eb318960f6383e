/**
 * The package.json rules' autofixes never damage the file either: for generated product
 * package.json files in generated trees, `--fix` keeps valid JSON valid, keeps BOM, line endings
 * and every value other than the scripts it fixes (a fixed `backend:test*` script only loses
 * characters, a `backend:contract-check` is only added with the conventional command or removed),
 * edits only inside the `scripts` object (or the top-level object when it has none), leaves no
 * fixable report and is stable on a second pass. Suggestions keep the JSON valid. Scripts with
 * NUL bytes, absurdly long paths or paths out of the repository must not crash the rules.
 */
import fs from "node:fs";
import path from "node:path";
import { parse, type AnyNode } from "@humanwhocodes/momoa";
import fc from "fast-check";
import { ESLint } from "eslint";
import { afterAll, describe, it } from "vitest";
import { packageJsonSpec, renderPackageJson } from "./arbitraries/package-json.js";
import { repoSpec, writeFile, writeRepo } from "./arbitraries/repo.js";
import { applyFix, lineEndings, Workspace, type FixPass } from "./support/lint.js";
import { stripBom } from "./support/python-tree.js";
import { checkProperty, countCase, countStat, testTimeout, type Budget } from "./support/run.js";

const workspace = new Workspace("posthog-products-json-fix-");
afterAll(() => workspace.dispose(), 600_000);

type Range = [number, number];

const rangeOf = (node: AnyNode): Range => node.range ?? [node.loc.start.offset, node.loc.end.offset];

/** Where a fix may edit: the `scripts` object's value, or the top-level object when there is none. */
function editableRange(text: string): Range | undefined {
  let root: AnyNode;
  try {
    root = parse(text, { mode: "json", ranges: true }).body;
  } catch {
    return undefined;
  }
  if (root.type !== "Object") return undefined;
  const scripts = [...root.members].reverse().find((member) => member.name.type === "String" && member.name.value === "scripts");
  return rangeOf(scripts ? scripts.value : root);
}

function isSubsequence(small: string, big: string): boolean {
  let i = 0;
  for (const ch of big) if (i < small.length && small[i] === ch) i++;
  return i === small.length;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(stripBom(text)) };
  } catch {
    return { ok: false };
  }
}

function checkJsonFix(original: string, output: string, passes: FixPass[]): string[] {
  const problems: string[] = [];
  if ((original.charCodeAt(0) === 0xfeff) !== (output.charCodeAt(0) === 0xfeff)) problems.push("the BOM was not preserved");
  const before = lineEndings(stripBom(original));
  const after = lineEndings(stripBom(output));
  if (before.lf === 0 && after.lf > 0) problems.push("LF line breaks in a CRLF (or one-line) file");
  if (before.crlf === 0 && after.crlf > 0) problems.push("CRLF line breaks in an LF (or one-line) file");
  passes.forEach((pass, index) => {
    const editable = editableRange(pass.input);
    for (const { ruleId, edits } of pass.applied) {
      for (const edit of edits) {
        if (!editable || edit.range[0] < editable[0] || edit.range[1] > editable[1]) {
          problems.push(`pass ${index + 1}: ${ruleId} edits ${edit.range.join("-")} outside the scripts object (${editable?.join("-") ?? "none"})`);
        }
      }
    }
  });
  const parsedBefore = parseJson(original);
  const parsedAfter = parseJson(output);
  if (parsedBefore.ok && !parsedAfter.ok) return [...problems, "valid JSON became invalid"];
  if (!parsedBefore.ok || !parsedAfter.ok) return problems;
  const a = parsedBefore.value as Record<string, unknown>;
  const b = parsedAfter.value as Record<string, unknown>;
  const withoutScripts = (value: Record<string, unknown>) => JSON.stringify(Object.entries(value).filter(([key]) => key !== "scripts"));
  if (withoutScripts(a) !== withoutScripts(b)) problems.push("a value outside `scripts` changed");
  const scriptsA = (typeof a.scripts === "object" && a.scripts) || {};
  const scriptsB = (typeof b.scripts === "object" && b.scripts) || {};
  if (a.scripts !== undefined && typeof a.scripts !== "object" && JSON.stringify(a.scripts) !== JSON.stringify(b.scripts)) problems.push("a non-object `scripts` changed");
  for (const name of new Set([...Object.keys(scriptsA), ...Object.keys(scriptsB)])) {
    const old = (scriptsA as Record<string, unknown>)[name];
    const now = (scriptsB as Record<string, unknown>)[name];
    if (old === now) continue;
    if (name === "backend:contract-check") {
      if (now !== undefined && now !== "echo 'Contract files unchanged'") problems.push(`backend:contract-check became ${JSON.stringify(now)}`);
      continue;
    }
    if (/^backend:test(:|$)/u.test(name) && typeof old === "string" && typeof now === "string" && isSubsequence(now, old)) continue;
    problems.push(`script ${name} changed from ${JSON.stringify(old)} to ${JSON.stringify(now)}`);
  }
  return problems;
}

function countFixes(passes: FixPass[], firstMessages: { suggestions?: unknown[] }[]): void {
  const applied = passes.reduce((sum, pass) => sum + pass.applied.length, 0);
  if (applied > 0) countStat("files fixed");
  countStat("fixes applied", applied);
  countStat("fix passes", passes.length);
  countStat("suggestions checked", firstMessages.reduce((sum, message) => sum + (message.suggestions?.length ?? 0), 0));
}

const budget: Budget = { runs: 40, fuzzRuns: 1200, timeLimitMs: 10_000 };

describe("package.json autofix safety (property)", () => {
  it(
    "fixes of generated product package.json files never break them",
    async () => {
      const scenario = repoSpec.chain((spec) => fc.record({ spec: fc.constant(spec), product: fc.constantFrom(...spec.products), pkg: packageJsonSpec }));
      await checkProperty(
        "fix-safety",
        "product package.json, --fix",
        fc.asyncProperty(scenario, async ({ spec, product, pkg }) => {
          countCase();
          const root = workspace.newTreeDir();
          try {
            writeRepo(root, spec);
            fs.mkdirSync(path.join(root, `products/${product.folder}/backend/tests`), { recursive: true });
            try {
              fs.symlinkSync("..", path.join(root, `products/${product.folder}/backend/tests/loop`));
            } catch {
              // exists
            }
            const original = renderPackageJson(pkg, product.folder);
            const file = writeFile(root, `products/${product.folder}/package.json`, original);
            const replay = workspace.replayFixes(original, file, root);
            countFixes(replay.passes, replay.firstMessages);
            const [result] = await workspace.eslint(root).lintFiles([file]);
            await ESLint.outputFixes([result!]);
            const output = fs.readFileSync(file, "utf8");
            const problems: string[] = [];
            const unexpected = result!.messages.filter((message) => message.ruleId === null);
            if (unexpected.length > 0) problems.push(`messages without a rule: ${unexpected.map((message) => message.message).join("; ")}`);
            if (output !== replay.output) problems.push(`ESLint's fixed file differs from the replayed passes: ${JSON.stringify(replay.output)}`);
            problems.push(...checkJsonFix(original, output, replay.passes));
            const [second] = await workspace.eslint(root).lintFiles([file]);
            if (second!.output !== undefined && second!.output !== output) problems.push(`a second fix pass changed the file: ${JSON.stringify(second!.output)}`);
            const fixable = second!.messages.filter((message) => message.fix);
            if (fixable.length > 0) problems.push(`fixable reports remain: ${fixable.map((message) => message.message).join("; ")}`);
            for (const [base, messages] of [[original, replay.firstMessages], [output, second!.messages]] as const) {
              for (const message of messages) {
                for (const suggestion of message.suggestions ?? []) {
                  if (parseJson(base).ok && !parseJson(applyFix(base, suggestion.fix)).ok) problems.push(`the suggestion "${suggestion.desc}" makes the JSON invalid`);
                }
              }
            }
            if (problems.length > 0) throw new Error(`- ${problems.join("\n- ")}\n--- original ---\n${JSON.stringify(original)}\n--- output ---\n${JSON.stringify(output)}`);
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
