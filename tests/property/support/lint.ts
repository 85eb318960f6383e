/**
 * Linting generated trees: the plugin's recommended config through the `ESLint` class (as the
 * CLI and the editor use it, `fix: true` and `outputFixes`), and a replay of ESLint's fix passes
 * through `Linter` with a recording copy of the plugin, which yields every individual edit each
 * fix is made of (ESLint only exposes a report's edits merged into one range).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RuleContext, RuleDefinition } from "@eslint/core";
import { ESLint, Linter } from "eslint";
import plugin from "../../../src/index.js";
import { createConfigs } from "../../../src/configs/index.js";
import { clearRepoIndexCache, setIndexRefreshInterval } from "../../../src/project/index.js";

interface Edit {
  range: [number, number];
  text: string;
}

interface RecordedFix {
  ruleId: string;
  edits: Edit[];
}

/** A fresh directory under the OS temp dir (real path: macOS' /var is a symlink). */
function makeTempDir(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

function asEdits(result: unknown): Edit[] {
  if (result === null || result === undefined) return [];
  const list = typeof (result as { range?: unknown }).range === "object" ? [result] : [...(result as Iterable<unknown>)];
  return (list as Edit[]).map((edit) => ({ range: [edit.range[0], edit.range[1]], text: edit.text }));
}

/** The plugin with every rule wrapped so that the edits of each fix are recorded into `sink`. */
function recordingPlugin(sink: RecordedFix[]): typeof plugin {
  const rules: Record<string, RuleDefinition> = {};
  for (const [name, rule] of Object.entries(plugin.rules as Record<string, RuleDefinition>)) {
    rules[name] = {
      ...rule,
      create(context) {
        const ruleId = `posthog-products/${name}`;
        const wrapped = Object.create(context, {
          report: {
            value(descriptor: Parameters<RuleContext["report"]>[0]) {
              const fix = descriptor.fix;
              if (typeof fix !== "function") return context.report(descriptor);
              return context.report({
                ...descriptor,
                fix(fixer) {
                  const edits = asEdits(fix(fixer));
                  sink.push({ ruleId, edits });
                  return edits;
                },
              });
            },
          },
        });
        return rule.create(wrapped);
      },
    } as RuleDefinition;
  }
  return { ...plugin, rules } as typeof plugin;
}

/** ESLint's merge of a fix's edits into one: the span from the first to the last, text between kept. */
function mergeEdits(text: string, edits: Edit[]): Edit {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const start = sorted[0]!.range[0];
  const end = Math.max(...sorted.map((edit) => edit.range[1]));
  let result = "";
  let at = start;
  for (const edit of sorted) {
    result += text.slice(at, edit.range[0]) + edit.text;
    at = Math.max(at, edit.range[1]);
  }
  result += text.slice(at, end);
  return { range: [start, end], text: result };
}

export interface FixPass {
  /** The text the pass started from (no BOM). */
  input: string;
  /** Messages of the pass whose fix ESLint applied, with the individual edits of each. */
  applied: { ruleId: string; fix: Edit; edits: Edit[] }[];
  messages: Linter.LintMessage[];
}

export interface Replay {
  passes: FixPass[];
  /** Final text, BOM restored. */
  output: string;
  /** Messages of the first pass (on the original text). */
  firstMessages: Linter.LintMessage[];
}

/**
 * One temp directory holding generated trees (`t1/`, `t2/`...), each linted by its own `ESLint`
 * and `Linter` (cwd: the tree), and deleted when its run is done.
 */
export class Workspace {
  readonly base: string;
  private readonly linters = new Map<string, Linter>();
  private readonly eslints = new Map<string, ESLint>();
  private readonly sink: RecordedFix[] = [];
  private readonly recordingConfig: Linter.Config[];
  private treeCount = 0;

  constructor(prefix = "posthog-products-prop-") {
    this.base = makeTempDir(prefix);
    const recording = recordingPlugin(this.sink);
    recording.configs = createConfigs(recording);
    this.recordingConfig = recording.configs.recommended;
    // Trees change between lints (a generated file written, a fix saved): no stale index.
    setIndexRefreshInterval(0);
  }

  /**
   * The `ESLint` instance (recommended config, `fix: true`) for a tree: its cwd must be the tree's
   * root, as the config's `products/<p>/package.json` pattern is relative to it.
   */
  eslint(root: string): ESLint {
    let eslint = this.eslints.get(root);
    if (!eslint) {
      eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: plugin.configs.recommended, fix: true });
      this.eslints.set(root, eslint);
    }
    return eslint;
  }

  /** Done with a tree: deletes it and forgets its ESLint and Linter instances. */
  release(root: string): void {
    this.eslints.delete(root);
    this.linters.delete(root);
    clearRepoIndexCache();
    fs.rmSync(root, { recursive: true, force: true });
  }

  /** A new empty tree directory. */
  newTreeDir(): string {
    const dir = path.join(this.base, `t${++this.treeCount}`);
    fs.mkdirSync(dir);
    return dir;
  }

  dispose(): void {
    setIndexRefreshInterval(200);
    clearRepoIndexCache();
    fs.rmSync(this.base, { recursive: true, force: true });
  }

  /** ESLint's fix loop, replayed pass by pass with the recording plugin (`root`: the tree, the cwd). */
  replayFixes(original: string, filename: string, root: string): Replay {
    let linter = this.linters.get(root);
    if (!linter) this.linters.set(root, (linter = new Linter({ cwd: root })));
    const bom = original.charCodeAt(0) === 0xfeff ? "\uFEFF" : "";
    let text = bom ? original.slice(1) : original;
    const passes: FixPass[] = [];
    let firstMessages: Linter.LintMessage[] = [];
    const seen: string[] = [text];
    for (let pass = 0; pass < 10; pass++) {
      this.sink.length = 0;
      const messages = linter.verify(bom + text, this.recordingConfig, { filename });
      if (pass === 0) firstMessages = messages;
      const fatal = messages.find((message) => message.fatal);
      if (fatal) throw new Error(`fatal message during replay: ${fatal.message}`);
      const recorded = [...this.sink];
      const withFix = messages.filter((message) => message.fix).sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
      if (withFix.length === 0) break;
      const applied: FixPass["applied"] = [];
      let output = "";
      let lastPos = Number.NEGATIVE_INFINITY;
      for (const message of withFix) {
        const { range, text: replacement } = message.fix!;
        if (lastPos >= range[0] || range[0] > range[1]) continue;
        const match = recorded.find(
          (entry) =>
            entry.ruleId === message.ruleId &&
            entry.edits.length > 0 &&
            (() => {
              const merged = mergeEdits(text, entry.edits);
              return merged.range[0] === range[0] && merged.range[1] === range[1] && merged.text === replacement;
            })(),
        );
        if (!match) throw new Error(`no recorded edits for the fix of ${message.ruleId} at ${range.join("-")}`);
        output += text.slice(Math.max(0, lastPos), Math.max(0, range[0])) + replacement;
        lastPos = range[1];
        applied.push({ ruleId: message.ruleId!, fix: { range: [range[0], range[1]], text: replacement }, edits: match.edits });
      }
      output += text.slice(Math.max(0, lastPos));
      passes.push({ input: text, applied, messages });
      text = output;
      if (seen.length >= 2 && seen[seen.length - 2] === text) break; // ESLint stops circular fixes too.
      seen.push(text);
    }
    return { passes, output: bom + text, firstMessages };
  }
}

/** Applies one suggestion or fix (ranges relative to the text without BOM). */
export function applyFix(original: string, fix: { range: [number, number]; text: string }): string {
  const bom = original.charCodeAt(0) === 0xfeff ? "\uFEFF" : "";
  const text = bom ? original.slice(1) : original;
  return bom + text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** Line-ending facts: counts of CRLF, bare LF and bare CR. */
export function lineEndings(text: string): { crlf: number; lf: number; cr: number } {
  const crlf = (text.match(/\r\n/gu) ?? []).length;
  const lf = (text.match(/\n/gu) ?? []).length - crlf;
  const cr = (text.match(/\r/gu) ?? []).length - crlf;
  return { crlf, lf, cr };
}
