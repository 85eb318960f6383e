/**
 * The plugin as editor users meet it: squiggles, fix-on-save and the index refresh, through the
 * real ESLint language server that VS Code's ESLint extension runs
 * (`vscode-eslint-language-server` from vscode-langservers-extracted), spoken to over stdio.
 *
 * The server's settings are what the extension sends for the README's `.vscode/settings.json`
 * (parsed from the README, so the documented settings are the tested ones).
 */
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyTextEdits, LspClient } from "./lsp/client.js";
import { documentSettings, validates, type UserSettings } from "./lsp/vscode-eslint-settings.js";
import { copyExampleTree, type ExampleTree } from "../support/example-tree.js";
import { ESLINT_SERVER_BIN, REPO_ROOT } from "../support/paths.js";

const WAIT_MS = 20_000;
const MODELS = "products/experiments/backend/models.py";
const PACKAGE_JSON = "products/error_tracking/package.json";
const DB_ROUTING = "products/db_routing.yaml";
const TACH = "tach.toml";

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  edit?: { documentChanges?: Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }> };
  command?: unknown;
}

/** The first ```json block of the README's "Editor (VS Code)" section. */
function readmeVsCodeSettings(): UserSettings {
  const readme = fs.readFileSync(`${REPO_ROOT}/README.md`, "utf8");
  const section = readme.slice(readme.indexOf("## Editor (VS Code)"));
  const block = /```json\n([\s\S]*?)\n```/u.exec(section);
  if (!readme.includes("## Editor (VS Code)") || !block) throw new Error('README.md has no "## Editor (VS Code)" section with a ```json block');
  return JSON.parse(block[1]) as UserSettings;
}

const userSettings = readmeVsCodeSettings();
let tree: ExampleTree;
let server: LspClient;
let pullDiagnostics = false;
const versions = new Map<string, number>();
const texts = new Map<string, string>();
/** Number of server notifications received when the document was last opened or changed. */
const sentAt = new Map<string, number>();

const uriOf = (relative: string): string => pathToFileURL(tree.file(relative)).href;
const brief = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`).sort();

function open(relative: string, languageId: string): void {
  const text = tree.read(relative);
  versions.set(relative, 1);
  texts.set(relative, text);
  sentAt.set(relative, server.notifications.length);
  server.notify("textDocument/didOpen", { textDocument: { uri: uriOf(relative), languageId, version: 1, text } });
}

/** A full-text change (what an editor sends when the document is edited or re-sent). */
function change(relative: string, text: string): void {
  const version = (versions.get(relative) ?? 0) + 1;
  versions.set(relative, version);
  texts.set(relative, text);
  sentAt.set(relative, server.notifications.length);
  server.notify("textDocument/didChange", { textDocument: { uri: uriOf(relative), version }, contentChanges: [{ text }] });
}

/**
 * The document's current diagnostics. This server announces `diagnosticProvider` and never
 * sends `textDocument/publishDiagnostics`: VS Code pulls (`textDocument/diagnostic`) after open
 * and change, and so does this test. A server that pushes instead is waited on for
 * `textDocument/publishDiagnostics` after the document's last open/change.
 */
async function diagnosticsOf(relative: string): Promise<Diagnostic[]> {
  const uri = uriOf(relative);
  if (pullDiagnostics) {
    const report = await server.request<{ kind: string; items: Diagnostic[] }>("textDocument/diagnostic", { textDocument: { uri } }, WAIT_MS);
    expect(report.kind).toBe("full");
    return report.items;
  }
  const version = versions.get(relative);
  const published = await server.waitForNotification(
    (m) => {
      const params = m.params as { uri?: string; version?: number } | undefined;
      return m.method === "textDocument/publishDiagnostics" && params?.uri === uri && (params.version === undefined || params.version === version);
    },
    WAIT_MS,
    sentAt.get(relative) ?? 0,
  );
  return (published.params as { diagnostics: Diagnostic[] }).diagnostics;
}

/** Re-sends the document until its diagnostics satisfy `accept` (bounded). */
async function diagnosticsUntil(relative: string, accept: (diagnostics: Diagnostic[]) => boolean): Promise<{ diagnostics: Diagnostic[]; tries: number }> {
  const deadline = Date.now() + WAIT_MS;
  for (let tries = 1; ; tries++) {
    change(relative, texts.get(relative)!);
    const diagnostics = await diagnosticsOf(relative);
    if (accept(diagnostics) || Date.now() > deadline) return { diagnostics, tries };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** What VS Code sends on save for `"source.fixAll.eslint": "explicit"`. */
async function fixAllOnSave(relative: string): Promise<CodeAction[]> {
  const lines = texts.get(relative)!.split("\n");
  return server.request<CodeAction[]>(
    "textDocument/codeAction",
    {
      textDocument: { uri: uriOf(relative) },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines.at(-1)!.length } },
      context: { diagnostics: [], only: ["source.fixAll.eslint"], triggerKind: 2 },
    },
    WAIT_MS,
  );
}

function editsOf(actions: CodeAction[], relative: string): TextEdit[] {
  const action = actions.find((a) => a.kind === "source.fixAll.eslint");
  expect(action, `a source.fixAll.eslint action for ${relative}`).toBeDefined();
  const change = action!.edit?.documentChanges?.[0];
  expect(change?.textDocument).toEqual({ uri: uriOf(relative), version: versions.get(relative) });
  return change!.edits;
}

beforeAll(async () => {
  tree = copyExampleTree("editor-lsp");
  server = new LspClient(process.execPath, [ESLINT_SERVER_BIN, "--stdio"], { cwd: tree.dir });
  const workspaceFolder = { name: "posthog-mini", uri: pathToFileURL(tree.dir).href };
  const languageOf = new Map<string, string>();
  server.onRequest("workspace/configuration", (params) =>
    (params as { items: Array<{ scopeUri?: string; section?: string }> }).items.map((item) =>
      item.section || !item.scopeUri ? null : documentSettings(userSettings, languageOf.get(item.scopeUri) ?? "plaintext", workspaceFolder),
    ),
  );
  // Everything else the server may ask (client/registerCapability, window/workDoneProgress/create,
  // workspace/diagnostic/refresh, eslint/noLibrary, eslint/noConfig, eslint/probeFailed, ...) is
  // answered with null by the client.
  const init = await server.request<{ capabilities: Record<string, unknown> }>(
    "initialize",
    {
      processId: process.pid,
      clientInfo: { name: "posthog-products tests" },
      rootUri: workspaceFolder.uri,
      workspaceFolders: [workspaceFolder],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true, willSaveWaitUntil: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          codeAction: {
            isPreferredSupport: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ["", "quickfix", "source", "source.fixAll", "source.fixAll.eslint"] } },
          },
        },
        window: { workDoneProgress: true },
      },
      initializationOptions: {},
    },
    WAIT_MS,
  );
  pullDiagnostics = init.capabilities.diagnosticProvider !== undefined;
  server.notify("initialized", {});
  for (const [relative, languageId] of [
    [MODELS, "python"],
    [PACKAGE_JSON, "json"],
    [DB_ROUTING, "yaml"],
    [TACH, "toml"],
  ] as const) {
    languageOf.set(uriOf(relative), languageId);
    open(relative, languageId);
  }
}, 60_000);

afterAll(async () => {
  await server?.stop();
  tree?.remove();
}, 20_000);

describe("VS Code's ESLint language server with the README settings", () => {
  it("the README settings validate Python, JSON, YAML and TOML and fix Python and JSON on save", () => {
    for (const language of ["python", "json", "yaml", "toml"]) expect(validates(userSettings, language), language).toBe(true);
    for (const language of ["[python]", "[json]"]) {
      expect((userSettings[language] as Record<string, Record<string, string>>)["editor.codeActionsOnSave"]["source.fixAll.eslint"]).toBe("explicit");
    }
  });

  it("shows the diagnostics of an open models.py (rule, line, message)", async () => {
    const diagnostics = await diagnosticsOf(MODELS);
    expect(brief(diagnostics)).toEqual(["29:38 posthog-products/string-fk-labels"]);
    const [fk] = diagnostics;
    expect(fk.message).toBe('Name the ForeignKey target by its label "feature_flags.FeatureFlag", not by the class.');
    expect(fk.source).toBe("eslint");
    expect(fk.severity).toBe(1);
    expect(fk.codeDescription?.href).toMatch(/docs\/rules\/string-fk-labels\.md$/u);
  });

  it("shows the diagnostics of an open product package.json", async () => {
    const diagnostics = await diagnosticsOf(PACKAGE_JSON);
    expect(brief(diagnostics)).toEqual(["2:5 posthog-products/product-required-files", "4:97 posthog-products/no-swallowed-test-failures"]);
    expect(diagnostics[1].message).toBe('"backend:test" swallows test failures with "|| true": remove it.');
  });

  it("offers quick fixes, and no disable-comment action (disabled: it would insert `//` into Python)", async () => {
    const diagnostics = await diagnosticsOf(MODELS);
    const actions = await server.request<CodeAction[]>(
      "textDocument/codeAction",
      { textDocument: { uri: uriOf(MODELS) }, range: diagnostics[0].range, context: { diagnostics, triggerKind: 1 } },
      WAIT_MS,
    );
    const titles = actions.map((a) => a.title);
    expect(titles).toContain("Fix this posthog-products/string-fk-labels problem");
    expect(titles.some((title) => /disable/iu.test(title))).toBe(false);
  });

  it("fix-on-save (source.fixAll.eslint) returns the autofix as a text edit of the models file, the import it leaves unused removed", async () => {
    const before = texts.get(MODELS)!;
    const fixed = applyTextEdits(before, editsOf(await fixAllOnSave(MODELS), MODELS));
    const expected = before
      .replace("from products.feature_flags.backend.models import FeatureFlag\n\n", "")
      .replace("models.ForeignKey(FeatureFlag, ", 'models.ForeignKey("feature_flags.FeatureFlag", ');
    expect(expected).not.toBe(before);
    expect(fixed).toBe(expected);
    // The editor applies the edit: the squiggle goes.
    change(MODELS, fixed);
    expect(brief(await diagnosticsOf(MODELS))).toEqual([]);
  });

  it("fix-on-save fixes the package.json too", async () => {
    const before = texts.get(PACKAGE_JSON)!;
    const fixed = applyTextEdits(before, editsOf(await fixAllOnSave(PACKAGE_JSON), PACKAGE_JSON));
    expect(fixed).toBe(before.replace(" --tb=short || true", " --tb=short"));
  });

  it("shows the diagnostics inside products/db_routing.yaml: an error, and a warning (severity 2)", async () => {
    const diagnostics = await diagnosticsOf(DB_ROUTING);
    expect(brief(diagnostics)).toEqual(["11:16 posthog-products/valid-db-routing", "14:16 posthog-products/no-duplicate-db-route"]);
    const [unknownApp, repeat] = diagnostics.sort((a, b) => a.range.start.line - b.range.start.line);
    expect(unknownApp.message).toBe('"early_access_feature" is not the label of a Django app of this repository: the route applies to nothing.');
    expect(unknownApp.severity).toBe(1);
    expect(repeat.severity).toBe(2);
    expect(unknownApp.codeDescription?.href).toMatch(/docs\/rules\/valid-db-routing\.md$/u);
  });

  it("shows the diagnostics inside tach.toml, and fix-on-save sorts the canonical alternation", async () => {
    const diagnostics = await diagnosticsOf(TACH);
    expect(brief(diagnostics)).toEqual([
      "101:5 posthog-products/valid-tach-toml",
      "109:5 posthog-products/no-legacy-interface-leak",
      "118:5 posthog-products/no-legacy-interface-leak",
      "132:5 posthog-products/no-legacy-interface-leak",
    ]);
    expect(diagnostics.find((d) => d.range.start.line === 100)?.message).toBe(
      'The canonical alternation is not sorted alphabetically: write "early_access_features|error_tracking|visual_review".',
    );
    const before = texts.get(TACH)!;
    const fixed = applyTextEdits(before, editsOf(await fixAllOnSave(TACH), TACH));
    expect(fixed).toBe(before.replace("(error_tracking|early_access_features|visual_review)", "(early_access_features|error_tracking|visual_review)"));
  });

  it("the config files' diagnostics follow their unsaved text", async () => {
    const original = texts.get(DB_ROUTING)!;
    change(DB_ROUTING, original.replace("app_label: early_access_feature\n", "app_label: early_access_features\n"));
    expect(brief(await diagnosticsOf(DB_ROUTING))).toEqual(["14:16 posthog-products/no-duplicate-db-route"]);
    change(DB_ROUTING, original);
    expect(brief(await diagnosticsOf(DB_ROUTING))).toHaveLength(2);
  });

  it("Python diagnostics follow an edit of products/db_routing.yaml once saved, without a restart (the index refresh)", async () => {
    const pid = server.process.pid;
    expect(brief(await diagnosticsOf(MODELS))).toEqual([]);
    // Route the experiments app to its own database: its foreign keys to posthog.Team and to
    // feature_flags (default database) become cross-database relations. The editor sends the
    // edit, then saves the file.
    const routed = `${texts.get(DB_ROUTING)!}  - app_label: experiments\n    database: experiments\n`;
    change(DB_ROUTING, routed);
    expect(brief(await diagnosticsOf(DB_ROUTING))).toHaveLength(2);
    tree.write(DB_ROUTING, routed);
    const started = Date.now();
    const { diagnostics } = await diagnosticsUntil(MODELS, (d) => d.length > 0);
    // Lines of the fixed file (the import on line 6 and the blank line after it went).
    expect(brief(diagnostics)).toEqual([
      "10:30 posthog-products/no-cross-db-fk",
      "24:30 posthog-products/no-cross-db-fk",
      "27:38 posthog-products/no-cross-db-fk",
      "55:33 posthog-products/no-cross-db-fk",
    ]);
    expect(diagnostics.find((d) => d.range.start.line === 26)?.message).toBe(
      'Experiment.feature_flag points at feature_flags.FeatureFlag in database "default", not "experiments": store feature_flag_id as a BigIntegerField.',
    );
    // Within a few refresh intervals (200 ms each), not a timeout.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(server.process.pid).toBe(pid);
    expect(server.process.exitCode).toBeNull();

    // And back: removing the route clears them.
    const original = fs.readFileSync(`${REPO_ROOT}/examples/posthog-mini/products/db_routing.yaml`, "utf8");
    change(DB_ROUTING, original);
    tree.write(DB_ROUTING, original);
    const back = await diagnosticsUntil(MODELS, (d) => d.length === 0);
    expect(brief(back.diagnostics)).toEqual([]);
  });

  it("the package.json diagnostics follow an edit of tach.toml once saved (no Python rule reads tach.toml)", async () => {
    expect(brief(await diagnosticsOf(PACKAGE_JSON))).toEqual(["2:5 posthog-products/product-required-files", "4:97 posthog-products/no-swallowed-test-failures"]);
    // Remove error_tracking's legacy-leak block: the isolated product, with a real facade and no
    // leak left, must have backend:contract-check.
    const block = '[[interfaces]]\nexpose = [\n    "backend\\\\.models.*",\n]\nfrom = [\n    "products.error_tracking",\n]\n';
    const original = texts.get(TACH)!;
    expect(original).toContain(block);
    const sealed = original.replace(block, "");
    change(TACH, sealed);
    expect(brief(await diagnosticsOf(TACH))).toEqual([
      "101:5 posthog-products/valid-tach-toml",
      "109:5 posthog-products/no-legacy-interface-leak",
      "118:5 posthog-products/no-legacy-interface-leak",
    ]);
    tree.write(TACH, sealed);
    const { diagnostics } = await diagnosticsUntil(PACKAGE_JSON, (d) => d.length === 3);
    expect(brief(diagnostics)).toEqual([
      "2:5 posthog-products/product-required-files",
      "3:5 posthog-products/contract-check-consistency",
      "4:97 posthog-products/no-swallowed-test-failures",
    ]);

    change(TACH, original);
    tree.write(TACH, original);
    const back = await diagnosticsUntil(PACKAGE_JSON, (d) => d.length === 2);
    expect(brief(back.diagnostics)).toEqual(["2:5 posthog-products/product-required-files", "4:97 posthog-products/no-swallowed-test-failures"]);
  });
});
