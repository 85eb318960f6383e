import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ESLINT_BIN, EXAMPLE_DIR, TMP_ROOT } from "./paths.js";

/** The README's one-liner; the package name resolves to this repository's dist/ (self-reference). */
const USER_CONFIG = `import posthogProducts from "eslint-plugin-posthog-products";

export default [...posthogProducts.configs.recommended];
`;

export interface ExampleTree {
  dir: string;
  /** Absolute path of a file of the tree. */
  file(relative: string): string;
  read(relative: string): string;
  write(relative: string, text: string): void;
  remove(): void;
}

/**
 * A fresh copy of examples/posthog-mini (or of another tree, `source`) under tests/.tmp/ (never
 * the original), with an `eslint.config.js` (by default the user one-liner).
 */
export function copyExampleTree(prefix: string, config: string = USER_CONFIG, source: string = EXAMPLE_DIR): ExampleTree {
  fs.mkdirSync(TMP_ROOT, { recursive: true });
  const dir = fs.mkdtempSync(path.join(TMP_ROOT, `${prefix}-`));
  fs.cpSync(source, dir, { recursive: true, filter: (entry) => !entry.includes(`${path.sep}__pycache__`) });
  fs.writeFileSync(path.join(dir, "eslint.config.js"), config);
  const file = (relative: string): string => path.join(dir, ...relative.split("/"));
  return {
    dir,
    file,
    read: (relative) => fs.readFileSync(file(relative), "utf8"),
    write: (relative, text) => fs.writeFileSync(file(relative), text),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the ESLint CLI (`node node_modules/eslint/bin/eslint.js ...args`) in `cwd`, killed after `timeoutMs`. */
export function runEslintCli(cwd: string, args: string[], timeoutMs = 30_000): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ESLINT_BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`eslint ${args.join(" ")} did not finish within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** `file:line rule` for every message of ESLint JSON results, sorted; paths relative to `dir`. */
export function findingsOf(results: Array<{ filePath: string; messages: Array<{ line: number; ruleId: string | null }> }>, dir: string): string[] {
  return results
    .flatMap((result) =>
      result.messages.map((message) => `${path.relative(dir, result.filePath).split(path.sep).join("/")}:${message.line} ${message.ruleId}`),
    )
    .sort();
}

