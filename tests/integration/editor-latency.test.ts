/**
 * How long the real ESLint language server takes to re-lint a models file of about 2,000 lines
 * after one character is typed into a field name, beside a full tree-sitter parse of the same
 * text. Printed, not asserted: timing belongs to `npm run bench`; this test checks that every
 * edit gets its diagnostics back and shows the figure in the editor's own setting.
 */
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPythonParser } from "../../src/languages/python/tree-sitter.js";
import { LspClient } from "./lsp/client.js";
import { documentSettings } from "./lsp/vscode-eslint-settings.js";
import { copyExampleTree, type ExampleTree } from "../support/example-tree.js";
import { ESLINT_SERVER_BIN } from "../support/paths.js";

const WAIT_MS = 20_000;
const EDITS = 30;
const MODELS = "products/experiments/backend/models.py";

let tree: ExampleTree;
let server: LspClient;
let version = 1;

/** The example's models file, grown to about 2,000 lines with more models of the same shape. */
function largeModelsFile(original: string): string {
  const classes: string[] = [];
  for (let i = 0; classes.join("\n").split("\n").length < 1900; i++) {
    classes.push(
      [
        `class Generated${i}(models.Model):`,
        '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
        `    experiment = models.ForeignKey("experiments.Experiment", on_delete=models.CASCADE, related_name="generated_${i}")`,
        "    name = models.CharField(max_length=400)",
        "    created_at = models.DateTimeField(auto_now_add=True)",
        "    filters = models.JSONField(default=dict)",
        "",
        "    class Meta:",
        `        db_table = "posthog_generated_${i}"`,
        "",
        "",
      ].join("\n"),
    );
  }
  return `${original}\n\n${classes.join("\n")}`;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;

beforeAll(async () => {
  tree = copyExampleTree("editor-latency");
  tree.write(MODELS, largeModelsFile(tree.read(MODELS)));
  server = new LspClient(process.execPath, [ESLINT_SERVER_BIN, "--stdio"], { cwd: tree.dir });
  const workspaceFolder = { name: "posthog-mini", uri: pathToFileURL(tree.dir).href };
  const settings = documentSettings({ "eslint.validate": ["python"] }, "python", workspaceFolder);
  server.onRequest("workspace/configuration", (params) => (params as { items: unknown[] }).items.map(() => settings));
  await server.request(
    "initialize",
    {
      processId: process.pid,
      rootUri: workspaceFolder.uri,
      workspaceFolders: [workspaceFolder],
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
    },
    WAIT_MS,
  );
  server.notify("initialized", {});
}, 60_000);

afterAll(async () => {
  await server?.stop();
  tree?.remove();
}, 20_000);

describe("editor latency (printed)", () => {
  it("re-lints a 2,000-line models file after each typed character", async () => {
    const uri = pathToFileURL(tree.file(MODELS)).href;
    let text = tree.read(MODELS);
    server.notify("textDocument/didOpen", { textDocument: { uri, languageId: "python", version, text } });
    const pull = () => server.request<{ kind: string; items: unknown[] }>("textDocument/diagnostic", { textDocument: { uri } }, WAIT_MS);
    const first = await pull();
    expect(first.items.length).toBeGreaterThan(0);
    let at = text.indexOf("    name = models.CharField", Math.floor(text.length / 2)) + "    name".length;
    const lintMs: number[] = [];
    const parseMs: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      text = `${text.slice(0, at)}x${text.slice(at)}`;
      at++;
      const started = performance.now();
      server.notify("textDocument/didChange", { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
      const report = await pull();
      lintMs.push(performance.now() - started);
      expect(report.items.length).toBe(first.items.length);
      const parseStarted = performance.now();
      getPythonParser().parse(text)!.delete();
      parseMs.push(performance.now() - parseStarted);
    }
    console.log(
      `[editor latency] ${text.split("\n").length}-line models.py, ${EDITS} edits through vscode-eslint-language-server: ` +
        `median ${median(lintMs).toFixed(1)} ms, p95 ${p95(lintMs).toFixed(1)} ms; full tree-sitter parse median ${median(parseMs).toFixed(1)} ms`,
    );
  }, 120_000);
});
