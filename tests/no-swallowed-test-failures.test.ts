import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import json from "@eslint/json";
import { ESLint, RuleTester } from "eslint";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import plugin from "../src/index.js";
import { clearRepoIndexCache } from "../src/project/index.js";
import { findPytestPathArguments, findSwallowedFailures, isNoOpScript } from "../src/rules/package-json/scripts.js";
import { parseShell, tokenizeShell } from "../src/rules/package-json/shell.js";
import { clearTestPathCache } from "../src/rules/package-json/test-files.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const ROOT = path.join(FIXTURES, "pkg-repo");
const RULE = "no-swallowed-test-failures";
const rule = plugin.rules[RULE];

/** `products/<p>/package.json` of the fixture tree. */
function file(product: string): string {
  return path.join(ROOT, "products", product, "package.json");
}

/** A product package.json as `JSON.stringify` (two spaces) writes it. */
function pkg(scripts: Record<string, string> | null, product = "alpha", indent: string | number = 2): string {
  const object: Record<string, unknown> = { name: `@posthog/products-${product}` };
  if (scripts) object.scripts = scripts;
  return JSON.stringify(object, null, indent);
}

const CONVENTIONAL = "pytest -c ../../pytest.ini --rootdir ../.. backend/tests -v --tb=short";

const ruleTester = new RuleTester({
  plugins: { json, "posthog-products": plugin as never },
  language: "json/json",
  settings: { "posthog-products": { root: ROOT } },
});

beforeEach(() => {
  clearRepoIndexCache();
  clearTestPathCache();
});
afterEach(() => clearTestPathCache());

const swallowMessage = (script: string, swallow: string) =>
  `"${script}" swallows test failures with "${swallow}": CI would pass with failing tests. Remove "${swallow}".`;
const missingMessage = (product: string) =>
  `Product "${product}" has a backend/ folder but no "backend:test" script: turbo cannot discover the product's backend tests, so CI never runs them. Add a "backend:test" script that runs pytest on them.`;
const addDesc = (command: string) => `Add "backend:test": "${command}".`;

ruleTester.run(RULE, rule as never, {
  valid: [
    // The conventional command: `-c ../../pytest.ini` and `--rootdir ../..` are option values, not paths.
    { filename: file("alpha"), code: pkg({ "backend:test": CONVENTIONAL }) },
    // A product without backend/ needs no scripts.
    { filename: file("nobackend"), code: pkg(null, "nobackend") },
    { filename: file("nobackend"), code: "{}" },
    // A no-op is fine when backend/ holds no test files.
    { filename: file("notests"), code: pkg({ "backend:test": "echo 'No backend tests'" }, "notests") },
    { filename: file("notests"), code: pkg({ "backend:test": "true" }, "notests") },
    // Quoted arguments are one token; `-k`/`-m` values are not paths; node ids are checked by their file part.
    {
      filename: file("alpha"),
      code: pkg({
        "backend:test": `pytest -k "not slow and not flaky" -m 'unit' backend/tests "backend/tests/unit/test_unit.py::test_unit"`,
      }),
    },
    // `--opt=value` tokens, `-o`/`-p` values, a `*_test.py` file, a trailing slash.
    {
      filename: file("alpha"),
      code: pkg({ "backend:test": `pytest --rootdir=../.. -o addopts="" -p no:cacheprovider backend/ingest_test.py backend/tests/` }),
    },
    // Other value-taking options of pytest and its plugins.
    {
      filename: file("alpha"),
      code: pkg({
        "backend:test":
          "pytest --ds posthog.settings -n auto --dist loadfile --junitxml junit.xml --ignore backend/empty --deselect x::y --tb short --maxfail 3 --durations 10 -W error -r a backend/tests",
      }),
    },
    // After `--`, even a dash-leading token is a path; here only a real one.
    { filename: file("alpha"), code: pkg({ "backend:test": "pytest -v -- backend/tests" }) },
    // cd is followed; subshells restore the directory.
    { filename: file("alpha"), code: pkg({ "backend:test": "cd ../.. && pytest products/alpha/backend/tests" }) },
    { filename: file("alpha"), code: pkg({ "backend:test": "(cd ../.. && pytest products/alpha/backend) && pytest backend/tests" }) },
    // Failures are not swallowed here.
    { filename: file("alpha"), code: pkg({ "backend:test": "pytest backend/tests || exit 1" }) },
    { filename: file("alpha"), code: pkg({ "backend:test": "pytest backend/tests && echo done" }) },
    { filename: file("alpha"), code: pkg({ "backend:test": "pytest backend/tests || (echo 'tests failed' && exit 1)" }) },
    { filename: file("alpha"), code: pkg({ "backend:test": "pytest backend/tests; exit" }) },
    // Starts with echo but runs pytest: not a no-op.
    { filename: file("alpha"), code: pkg({ "backend:test": "echo 'Running backend tests' && pytest backend/tests" }) },
    // Runners and wrappers.
    { filename: file("alpha"), code: pkg({ "backend:test": "python -m pytest backend" }) },
    { filename: file("alpha"), code: pkg({ "backend:test": "DJANGO_SETTINGS_MODULE=posthog.settings uv run --with pytest-xdist pytest backend/tests" }) },
    { filename: file("alpha"), code: pkg({ "backend:test": "coverage run -m pytest backend/tests" }) },
    // Redirection targets are not paths.
    { filename: file("alpha"), code: pkg({ "backend:test": "pytest backend/tests > pytest.log 2>&1" }) },
    // What the shell expands is not checked; --pyargs takes module names.
    { filename: file("alpha"), code: pkg({ "backend:test": "pytest $TEST_PATHS backend/tests/test_*.py ~/tests" }) },
    { filename: file("alpha"), code: pkg({ "backend:test": "pytest --pyargs products.alpha.backend.tests" }) },
    // `pytest` inside an echo is not a pytest run.
    { filename: file("notests"), code: pkg({ "backend:test": "echo pytest backend/missing" }, "notests") },
    // Variants that are fine; other scripts are not this rule's business.
    {
      filename: file("alpha"),
      code: pkg({
        "backend:test": CONVENTIONAL,
        "backend:test:unit": "pytest -c ../../pytest.ini --rootdir ../.. backend/tests/unit -k \"not slow\"",
        lint: "ruff check . || true",
      }),
    },
    // A script that is not a string is left to other tools.
    { filename: file("alpha"), code: `{\n  "scripts": {\n    "backend:test": 1\n  }\n}` },
    // Not a product package.json, or not an object at the top level.
    { filename: path.join(ROOT, "package.json"), code: pkg({ "backend:test": "pytest || true" }) },
    { filename: path.join(ROOT, "products", "alpha", "frontend", "package.json"), code: pkg(null) },
    { filename: file("alpha"), code: "[]" },
  ],

  invalid: [
    // --- missing backend:test ------------------------------------------------------------
    {
      name: "missing backend:test: reported on the scripts key, suggestion adds the conventional command",
      filename: file("alpha"),
      code: pkg({ lint: "ruff check" }),
      errors: [
        {
          message: missingMessage("alpha"),
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [{ desc: addDesc(CONVENTIONAL), output: pkg({ lint: "ruff check", "backend:test": CONVENTIONAL }) }],
        },
      ],
    },
    {
      name: "missing backend:test without scripts: reported on the name key, suggestion creates scripts",
      filename: file("alpha"),
      code: pkg(null),
      errors: [
        {
          message: missingMessage("alpha"),
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 9,
          suggestions: [{ desc: addDesc(CONVENTIONAL), output: pkg({ "backend:test": CONVENTIONAL }) }],
        },
      ],
    },
    {
      name: "missing backend:test in an empty one-line object: stays on one line",
      filename: file("alpha"),
      code: "{}",
      errors: [
        {
          message: missingMessage("alpha"),
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
          suggestions: [{ desc: addDesc(CONVENTIONAL), output: `{"scripts": {"backend:test": "${CONVENTIONAL}"}}` }],
        },
      ],
    },
    {
      name: "missing backend:test with only a variant; no backend/tests folder: suggestion runs backend/",
      filename: file("notests"),
      code: pkg({ "backend:test:unit": "echo 'none'" }, "notests"),
      errors: [
        {
          message: missingMessage("notests"),
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              desc: addDesc("pytest -c ../../pytest.ini --rootdir ../.. backend -v --tb=short"),
              output: pkg(
                { "backend:test:unit": "echo 'none'", "backend:test": "pytest -c ../../pytest.ini --rootdir ../.. backend -v --tb=short" },
                "notests",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "misspelt backend:tests: a second suggestion renames it",
      filename: file("alpha"),
      code: pkg({ "backend:tests": CONVENTIONAL }),
      errors: [
        {
          message: missingMessage("alpha"),
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            { desc: 'Rename "backend:tests" to "backend:test".', output: pkg({ "backend:test": CONVENTIONAL }) },
            { desc: addDesc(CONVENTIONAL), output: pkg({ "backend:tests": CONVENTIONAL, "backend:test": CONVENTIONAL }) },
          ],
        },
      ],
    },
    {
      name: "missing backend:test keeps tabs and CRLF",
      filename: file("alpha"),
      code: pkg({ lint: "ruff check" }, "alpha", "\t").replace(/\n/g, "\r\n"),
      errors: [
        {
          message: missingMessage("alpha"),
          line: 3,
          column: 2,
          endLine: 3,
          endColumn: 11,
          suggestions: [
            {
              desc: addDesc(CONVENTIONAL),
              output: pkg({ lint: "ruff check", "backend:test": CONVENTIONAL }, "alpha", "\t").replace(/\n/g, "\r\n"),
            },
          ],
        },
      ],
    },
    {
      name: "missing backend:test in a one-line file",
      filename: file("alpha"),
      code: `{"name":"@posthog/products-alpha","scripts":{"lint":"ruff check"}}`,
      errors: [
        {
          message: missingMessage("alpha"),
          line: 1,
          column: 35,
          endLine: 1,
          endColumn: 44,
          suggestions: [
            {
              desc: addDesc(CONVENTIONAL),
              output: `{"name":"@posthog/products-alpha","scripts":{"lint":"ruff check","backend:test":"${CONVENTIONAL}"}}`,
            },
          ],
        },
      ],
    },

    // --- swallowed failures --------------------------------------------------------------
    {
      name: "|| true",
      filename: file("alpha"),
      code: pkg({ "backend:test": `${CONVENTIONAL} || true` }),
      output: pkg({ "backend:test": CONVENTIONAL }),
      errors: [{ message: swallowMessage("backend:test", "|| true"), line: 4, column: 93, endLine: 4, endColumn: 100 }],
    },
    {
      name: "|| exit 0",
      filename: file("alpha"),
      code: pkg({ "backend:test": `${CONVENTIONAL} || exit 0` }),
      output: pkg({ "backend:test": CONVENTIONAL }),
      errors: [{ message: swallowMessage("backend:test", "|| exit 0"), line: 4, column: 93, endLine: 4, endColumn: 102 }],
    },
    {
      name: "|| :",
      filename: file("alpha"),
      code: pkg({ "backend:test": "pytest backend/tests || :" }),
      output: pkg({ "backend:test": "pytest backend/tests" }),
      errors: [{ message: swallowMessage("backend:test", "|| :"), line: 4, column: 43, endLine: 4, endColumn: 47 }],
    },
    {
      name: "|| echo with escaped quotes: the range maps through the JSON escapes",
      filename: file("alpha"),
      code: pkg({ "backend:test": 'pytest backend/tests || echo "tests failed"' }),
      output: pkg({ "backend:test": "pytest backend/tests" }),
      errors: [
        { message: swallowMessage("backend:test", '|| echo "tests failed"'), line: 4, column: 43, endLine: 4, endColumn: 67 },
      ],
    },
    {
      name: "; true at the end",
      filename: file("alpha"),
      code: pkg({ "backend:test": "pytest backend/tests; true" }),
      output: pkg({ "backend:test": "pytest backend/tests" }),
      errors: [{ message: swallowMessage("backend:test", "; true"), line: 4, column: 42, endLine: 4, endColumn: 48 }],
    },
    {
      name: "; exit 0 at the end",
      filename: file("alpha"),
      code: pkg({ "backend:test": "pytest backend/tests ; exit 0" }),
      output: pkg({ "backend:test": "pytest backend/tests" }),
      errors: [{ message: swallowMessage("backend:test", "; exit 0"), line: 4, column: 43, endLine: 4, endColumn: 51 }],
    },
    {
      name: "|| true in the middle keeps what follows",
      filename: file("alpha"),
      code: pkg({ "backend:test": "pytest backend/tests/unit || true && pytest backend/ingest_test.py" }),
      output: pkg({ "backend:test": "pytest backend/tests/unit && pytest backend/ingest_test.py" }),
      errors: [{ message: swallowMessage("backend:test", "|| true"), line: 4, column: 48, endLine: 4, endColumn: 55 }],
    },
    {
      name: "backend:test:unit variant",
      filename: file("alpha"),
      code: pkg({ "backend:test": "pytest backend/tests", "backend:test:unit": "pytest backend/tests/unit || true" }),
      output: pkg({ "backend:test": "pytest backend/tests", "backend:test:unit": "pytest backend/tests/unit" }),
      errors: [{ message: swallowMessage("backend:test:unit", "|| true"), line: 5, column: 53, endLine: 5, endColumn: 60 }],
    },
    {
      name: "CRLF file: only the swallowing text is removed",
      filename: file("alpha"),
      code: pkg({ "backend:test": "pytest backend/tests||true" }).replace(/\n/g, "\r\n"),
      output: pkg({ "backend:test": "pytest backend/tests" }).replace(/\n/g, "\r\n"),
      errors: [{ message: swallowMessage("backend:test", "||true"), line: 4, column: 42, endLine: 4, endColumn: 48 }],
    },

    // --- no-op scripts --------------------------------------------------------------------
    {
      name: "no-op while backend/ holds tests, with a suggestion",
      filename: file("alpha"),
      code: pkg({ "backend:test": "echo 'No backend tests'" }),
      errors: [
        {
          message: `"backend:test" is a no-op ("echo 'No backend tests'") but products/alpha/backend/ contains test files (e.g. backend/ingest_test.py): CI would never run them. Make the script run pytest on them.`,
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 46,
          suggestions: [{ desc: `Replace it with "${CONVENTIONAL}".`, output: pkg({ "backend:test": CONVENTIONAL }) }],
        },
      ],
    },
    {
      name: "no-op variant: reported without a suggestion",
      filename: file("alpha"),
      code: pkg({ "backend:test": CONVENTIONAL, "backend:test:integration": "true" }),
      errors: [
        {
          message: `"backend:test:integration" is a no-op ("true") but products/alpha/backend/ contains test files (e.g. backend/ingest_test.py): CI would never run them. Make the script run pytest on them.`,
          line: 5,
          column: 33,
          endLine: 5,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },

    // --- pytest paths ---------------------------------------------------------------------
    {
      name: "path that does not exist",
      filename: file("alpha"),
      code: pkg({ "backend:test": "pytest backend/tset" }),
      errors: [
        {
          message: `"backend:test" runs pytest on "backend/tset", but products/alpha/backend/tset does not exist (scripts run from products/alpha/). Fix the path.`,
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 41,
        },
      ],
    },
    {
      name: "path that exists but holds no tests (after -c and --rootdir values)",
      filename: file("alpha"),
      code: pkg({ "backend:test": "pytest -c ../../pytest.ini --rootdir ../.. backend/empty -v" }),
      errors: [
        {
          message: `"backend:test" runs pytest on "backend/empty", but products/alpha/backend/empty contains no test files (test_*.py or *_test.py): pytest would collect nothing. Point it at the product's tests.`,
          line: 4,
          column: 65,
          endLine: 4,
          endColumn: 78,
        },
      ],
    },
    {
      name: "a file that is not a test file",
      filename: file("alpha"),
      code: pkg({ "backend:test": "pytest backend/conftest.py" }),
      errors: [
        {
          message: `"backend:test" runs pytest on "backend/conftest.py", but products/alpha/backend/conftest.py is not a test file (test_*.py or *_test.py): pytest would collect nothing from it. Point it at the product's tests.`,
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 48,
        },
      ],
    },
    {
      name: "a quoted path with spaces is one argument; the quoted -k value is not a path",
      filename: file("alpha"),
      code: pkg({ "backend:test": 'pytest -k "not slow" "backend/no such dir" -v' }),
      errors: [
        {
          message: `"backend:test" runs pytest on "backend/no such dir", but products/alpha/backend/no such dir does not exist (scripts run from products/alpha/). Fix the path.`,
          line: 4,
          column: 45,
          endLine: 4,
          endColumn: 68,
        },
      ],
    },
    {
      name: "after cd ../.. paths are relative to the repository root",
      filename: file("alpha"),
      code: pkg({ "backend:test": "cd ../.. && pytest backend/tests" }),
      errors: [
        {
          message: `"backend:test" runs pytest on "backend/tests", but backend/tests does not exist (scripts run from products/alpha/). Fix the path.`,
          line: 4,
          column: 41,
          endLine: 4,
          endColumn: 54,
        },
      ],
    },
    {
      name: "node id of a missing file",
      filename: file("alpha"),
      code: pkg({ "backend:test:unit": "pytest backend/tests/test_gone.py::test_x" }),
      errors: [
        { message: missingMessage("alpha"), line: 3, column: 3, endLine: 3, endColumn: 12, suggestions: [{ desc: addDesc(CONVENTIONAL), output: pkg({ "backend:test:unit": "pytest backend/tests/test_gone.py::test_x", "backend:test": CONVENTIONAL }) }] },
        {
          message: `"backend:test:unit" runs pytest on "backend/tests/test_gone.py::test_x", but products/alpha/backend/tests/test_gone.py does not exist (scripts run from products/alpha/). Fix the path.`,
          line: 4,
          column: 34,
          endLine: 4,
          endColumn: 68,
        },
      ],
    },
    {
      name: "several problems in one script",
      filename: file("alpha"),
      code: pkg({ "backend:test": "python -m pytest backend/tset backend/empty || echo skipped" }),
      output: pkg({ "backend:test": "python -m pytest backend/tset backend/empty" }),
      errors: [
        {
          message: `"backend:test" runs pytest on "backend/tset", but products/alpha/backend/tset does not exist (scripts run from products/alpha/). Fix the path.`,
          line: 4,
          column: 39,
          endLine: 4,
          endColumn: 51,
        },
        {
          message: `"backend:test" runs pytest on "backend/empty", but products/alpha/backend/empty contains no test files (test_*.py or *_test.py): pytest would collect nothing. Point it at the product's tests.`,
          line: 4,
          column: 52,
          endLine: 4,
          endColumn: 65,
        },
        { message: swallowMessage("backend:test", "|| echo skipped"), line: 4, column: 66, endLine: 4, endColumn: 81 },
      ],
    },
  ],
});

describe("shell reading", () => {
  it("keeps quoted arguments whole and records their ranges", () => {
    const words = tokenizeShell(`pytest -k "not slow" 'a b' c\\ d`).filter((t) => t.type === "word");
    expect(words.map((w) => [w.type === "word" && w.value, w.start, w.end])).toEqual([
      ["pytest", 0, 6],
      ["-k", 7, 9],
      ["not slow", 10, 20],
      ["a b", 21, 26],
      ["c d", 27, 31],
    ]);
  });

  it("splits commands on control operators and skips redirection targets", () => {
    const commands = parseShell("cd ../.. && pytest x > out.log 2>&1 || true; echo done");
    expect(commands.map((c) => c.words.map((w) => w.value))).toEqual([
      ["cd", "../.."],
      ["pytest", "x"],
      ["true"],
      ["echo", "done"],
    ]);
    expect(commands.map((c) => c.before?.value ?? null)).toEqual([null, "&&", "||", ";"]);
  });

  it("finds swallowed failures", () => {
    expect(findSwallowedFailures("pytest || true").map((s) => s.text)).toEqual(["|| true"]);
    expect(findSwallowedFailures("pytest || echo 'x' || exit 0").map((s) => s.text)).toEqual(["|| echo 'x'", "|| exit 0"]);
    expect(findSwallowedFailures("pytest; true; ").map((s) => s.text)).toEqual(["; true"]);
    expect(findSwallowedFailures("pytest; true; pytest other")).toEqual([]);
    expect(findSwallowedFailures("pytest && true")).toEqual([]);
    expect(findSwallowedFailures("pytest || exit 1")).toEqual([]);
  });

  it("knows no-op scripts", () => {
    expect(isNoOpScript("echo 'No backend tests'")).toBe(true);
    expect(isNoOpScript(":")).toBe(true);
    expect(isNoOpScript("exit 0")).toBe(true);
    expect(isNoOpScript("echo a && true")).toBe(true);
    expect(isNoOpScript("echo a && pytest")).toBe(false);
    expect(isNoOpScript("")).toBe(false);
  });

  it("takes the values of pytest options as values, not paths", () => {
    const args = findPytestPathArguments(
      parseShell(
        "pytest -c ../../pytest.ini --rootdir ../.. -k 'a or b' -m slow -p no:x -o addopts= --override-ini x=y --ignore=z -vx --tb=short t1 -- -odd",
      ),
    );
    expect(args.map((a) => a.value)).toEqual(["t1", "-odd"]);
  });
});

describe("the recommended config", () => {
  it("lints products/*/package.json with both package.json rules", async () => {
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended, { ignores: ["**/*.py"] }],
    });
    const results = await eslint.lintFiles(["."]);
    const byFile = Object.fromEntries(
      results.map((r) => [path.relative(ROOT, r.filePath).split(path.sep).join("/"), r.messages.map((m) => m.ruleId)]),
    );
    expect(byFile["products/alpha/package.json"]).toEqual([`posthog-products/${RULE}`]);
    expect(byFile["products/iso/package.json"]).toEqual([]);
    expect(byFile["products/notiso/package.json"]).toEqual(["posthog-products/contract-check-consistency"]);
    expect(byFile["products/isodir/package.json"]).toEqual(["posthog-products/contract-check-consistency"]);
    expect(byFile["products/leaky/package.json"]).toEqual([]);
    expect(Object.keys(byFile).every((f) => /^products\/[^/]+\/package\.json$/.test(f))).toBe(true);
  });

  it("fixes with --fix and leaves a file that no longer changes", async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended, fix: true });
    const code = pkg({ "backend:test": `${CONVENTIONAL} || true` });
    const [result] = await eslint.lintText(code, { filePath: file("alpha") });
    expect(result.output).toBe(pkg({ "backend:test": CONVENTIONAL }));
    const [again] = await eslint.lintText(result.output!, { filePath: file("alpha") });
    expect(again.output).toBeUndefined();
    expect(again.messages).toEqual([]);
  });

  it("reports a malformed package.json as a parse error, without crashing", async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintText(`{\n  "name": "@posthog/products-alpha",\n  "scripts": {\n`, {
      filePath: file("alpha"),
    });
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ fatal: true, ruleId: null, line: 3, message: expect.stringMatching(/^Parsing error: /) });
  });
});

describe("robustness (found by the property tests)", () => {
  const lintScript = async (script: string) => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintText(pkg({ "backend:test": script }), { filePath: file("alpha") });
    return result!.messages.map((message) => message.message);
  };

  it("a pytest path the OS refuses (NUL byte, longer than NAME_MAX or PATH_MAX) does not crash the rule", async () => {
    expect(await lintScript("pytest backend/tests a\u0000b")).toEqual([]);
    expect(await lintScript(`pytest backend/tests ${"a".repeat(5000)}`)).toEqual([]);
    // Its first component does not exist: reported as missing, without walking 100,000 components.
    const deep = await lintScript(`pytest backend/tests ${"a/".repeat(100_000)}`);
    expect(deep.length).toBe(1);
    expect(deep[0]!.endsWith("does not exist (scripts run from products/alpha/). Fix the path.")).toBe(true);
  });

  it("a pytest path outside the repository root is not looked at (no stat, no directory walk) nor reported", async () => {
    const touched: string[] = [];
    const spies = (["statSync", "lstatSync", "readdirSync", "existsSync", "realpathSync"] as const).map((method) => {
      const original = (fs[method] as (...args: unknown[]) => unknown).bind(fs);
      return vi.spyOn(fs, method).mockImplementation(((target: unknown, ...rest: unknown[]) => {
        if (typeof target === "string") touched.push(path.resolve(target));
        return original(target, ...rest);
      }) as never);
    });
    try {
      expect(await lintScript("pytest backend/tests ../../../../.. /etc /")).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const real = fs.realpathSync(ROOT);
    expect(touched.filter((target) => target !== ROOT && !target.startsWith(ROOT + path.sep) && !target.startsWith(real + path.sep) && target !== real)).toEqual([]);
  });

  it("is linear in the number of commands of a script (100,000 commands, 100,000 redirections)", async () => {
    const started = Date.now();
    expect(findSwallowedFailures(`pytest backend/tests${"; echo a".repeat(100_000)}; true`).map((s) => s.text)).toEqual(["; true"]);
    expect(tokenizeShell(`pytest backend/tests${" >a".repeat(100_000)}`)).toHaveLength(200_002);
    expect(await lintScript(`pytest backend/tests${"; echo a".repeat(100_000)}`)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
