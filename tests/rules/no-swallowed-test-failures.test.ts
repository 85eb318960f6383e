import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import plugin from "../../src/index.js";
import { clearRepoIndexCache } from "../../src/project/index.js";
import rule from "../../src/rules/no-swallowed-test-failures.js";
import { findHiddenStatuses } from "../../src/rules/package-json/exit-status.js";
import { findPytestPathArguments } from "../../src/project/index.js";
import { findSwallowedFailures, isNoOpScript } from "../../src/rules/package-json/scripts.js";
import { parseShell } from "../../src/languages/shell/index.js";
import { ASSERTIONS, fixturePath, packageJsonRuleTester } from "../support/helpers.js";

const RULE = "no-swallowed-test-failures";
const TREE = "pkg-repo";
const ROOT = fixturePath(TREE);
const tester = packageJsonRuleTester(TREE);

/** `products/<p>/package.json` of a tree (the fixture tree by default). */
function file(product: string, root = ROOT): string {
  return path.join(root, "products", product, "package.json");
}

/** A product package.json as `JSON.stringify` writes it (two spaces unless told). */
function pkg(scripts: Record<string, string> | null, product = "alpha", indent: string | number = 2): string {
  const object: Record<string, unknown> = { name: `@posthog/products-${product}` };
  if (scripts) object.scripts = scripts;
  return JSON.stringify(object, null, indent);
}

/**
 * alpha's package.json with only a `backend:test` script: the script sits on line 4 and its
 * character at offset k on column 22 + k.
 */
const testScript = (script: string): string => pkg({ "backend:test": script });

/** The command the rule suggests for a product with a backend/tests folder. */
const CONVENTIONAL = "pytest -c ../../pytest.ini --rootdir ../.. backend/tests -v --tb=short";
/** The command it suggests for a product without one. */
const CONVENTIONAL_BACKEND = "pytest -c ../../pytest.ini --rootdir ../.. backend -v --tb=short";
/** A no-op whose message would be longer than 160 characters. */
const LONG_NO_OP = "echo 'No backend tests yet: this product only has a frontend for now, and its backend folder holds nothing but an apps.py module'";

beforeEach(() => {
  clearRepoIndexCache();
});

/** Temporary trees (fixtures are never modified), removed after the file's tests. */
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), `${RULE}-`));
afterAll(() => {
  clearRepoIndexCache();
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

tester.run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: "the conventional command: the values of -c and --rootdir are not paths",
      filename: file("alpha"),
      code: testScript(CONVENTIONAL),
    },
    { name: "a product without backend/ needs no script", filename: file("nobackend"), code: pkg(null, "nobackend") },
    {
      name: "a script of more than a million characters is not read (no finding, where a short one would have one)",
      filename: file("alpha"),
      code: testScript(`${CONVENTIONAL} || true${"; echo done".repeat(100_000)}`),
    },
    { name: "a product without backend/ may have an empty package.json", filename: file("nobackend"), code: "{}" },
    {
      name: "an echo no-op is allowed when backend/ holds no test files",
      filename: file("notests"),
      code: pkg({ "backend:test": "echo 'No backend tests'" }, "notests"),
    },
    { name: "`true` is allowed when backend/ holds no test files", filename: file("notests"), code: pkg({ "backend:test": "true" }, "notests") },
    {
      name: "quoted arguments are one word, -k and -m values are not paths, a node id is checked by its file part",
      filename: file("alpha"),
      code: testScript(`pytest -k "not slow and not flaky" -m 'unit' backend/tests "backend/tests/unit/test_unit.py::test_unit"`),
    },
    {
      name: "--opt=value words, -o and -p values, a *_test.py file and a trailing slash are accepted",
      filename: file("alpha"),
      code: testScript(`pytest --rootdir=../.. -o addopts="" -p no:cacheprovider backend/ingest_test.py backend/tests/`),
    },
    {
      name: "the values of pytest's and its plugins' options are not paths",
      filename: file("alpha"),
      code: testScript(
        "pytest --ds posthog.settings -n auto --dist loadfile --junitxml junit.xml --ignore backend/empty --deselect x::y --tb short --maxfail 3 --durations 10 -W error -r a backend/tests",
      ),
    },
    { name: "a path after -- is checked like any other", filename: file("alpha"), code: testScript("pytest -v -- backend/tests") },
    {
      name: "paths after cd are relative to the new directory",
      filename: file("alpha"),
      code: testScript("cd ../.. && pytest products/alpha/backend/tests"),
    },
    {
      name: "a subshell restores the directory after its cd",
      filename: file("alpha"),
      code: testScript("(cd ../.. && pytest products/alpha/backend) && pytest backend/tests"),
    },
    { name: "`|| exit 1` keeps the failure", filename: file("alpha"), code: testScript("pytest backend/tests || exit 1") },
    { name: "`&& echo` runs only on success", filename: file("alpha"), code: testScript("pytest backend/tests && echo done") },
    {
      name: "an `||` group that ends in exit 1 keeps the failure",
      filename: file("alpha"),
      code: testScript("pytest backend/tests || (echo 'tests failed' && exit 1)"),
    },
    {
      name: "later commands may run when the script exits with the saved status",
      filename: file("alpha"),
      code: testScript("pytest backend/tests; status=$?; rm -rf tmp; exit $status"),
    },
    { name: 'a final `exit "$?"` keeps the status', filename: file("alpha"), code: testScript('pytest backend/tests; exit "$?"') },
    {
      name: "commands before pytest do not hide its status",
      filename: file("alpha"),
      code: testScript("rm -rf tmp; echo 'Running backend tests'; pytest backend/tests"),
    },
    {
      name: "pytest runs chained with && all count",
      filename: file("alpha"),
      code: testScript("pytest backend/tests/unit && pytest backend/ingest_test.py"),
    },
    {
      name: "pytest at the end of a pipeline gives the pipeline its status",
      filename: file("alpha"),
      code: testScript("printf 'y' | pytest backend/tests"),
    },
    {
      name: "a pipe is allowed after `set -o pipefail`",
      filename: file("alpha"),
      code: testScript("set -o pipefail; pytest backend/tests | tee out.log"),
    },
    {
      name: "`set -euo pipefail` allows both a pipe and later commands",
      filename: file("alpha"),
      code: testScript("set -euo pipefail && pytest backend/tests | tee out.log; rm -rf tmp"),
    },
    {
      name: "later commands are allowed after `set -e`",
      filename: file("alpha"),
      code: testScript("set -e; pytest backend/tests/unit; pytest backend/ingest_test.py"),
    },
    { name: "later commands are allowed after `set -eu`", filename: file("alpha"), code: testScript("set -eu; pytest backend/tests; rm -rf tmp") },
    {
      name: "later commands are allowed after `set -o errexit`",
      filename: file("alpha"),
      code: testScript("set -o errexit\npytest backend/tests\nrm -rf tmp"),
    },
    {
      name: "a script that starts with echo but runs pytest is not a no-op",
      filename: file("alpha"),
      code: testScript("echo 'Running backend tests' && pytest backend/tests"),
    },
    { name: "python -m pytest is a pytest run", filename: file("alpha"), code: testScript("python -m pytest backend") },
    {
      name: "env assignments and uv run options are skipped before pytest",
      filename: file("alpha"),
      code: testScript("DJANGO_SETTINGS_MODULE=posthog.settings uv run --with pytest-xdist pytest backend/tests"),
    },
    { name: "coverage run -m pytest is a pytest run", filename: file("alpha"), code: testScript("coverage run -m pytest backend/tests") },
    { name: "redirection targets are not paths", filename: file("alpha"), code: testScript("pytest backend/tests > pytest.log 2>&1") },
    {
      name: "arguments the shell expands are not checked",
      filename: file("alpha"),
      code: testScript("pytest $TEST_PATHS backend/tests/test_*.py ~/tests"),
    },
    { name: "--pyargs takes module names, not paths", filename: file("alpha"), code: testScript("pytest --pyargs products.alpha.backend.tests") },
    {
      name: "pytest as an echo argument is not a pytest run",
      filename: file("notests"),
      code: pkg({ "backend:test": "echo pytest backend/missing" }, "notests"),
    },
    {
      name: "backend:test variants are checked; other scripts are not",
      filename: file("alpha"),
      code: pkg({
        "backend:test": CONVENTIONAL,
        "backend:test:unit": 'pytest -c ../../pytest.ini --rootdir ../.. backend/tests/unit -k "not slow"',
        lint: "ruff check . || true",
        "lint:log": "ruff check . | tee lint.log",
      }),
    },
    {
      name: "a script that is not a string is left alone",
      filename: file("alpha"),
      code: `{\n  "scripts": {\n    "backend:test": 1\n  }\n}`,
    },
    { name: "the root package.json is not a product's", filename: path.join(ROOT, "package.json"), code: testScript("pytest || true") },
    {
      name: "a package.json deeper in a product is not the product's",
      filename: path.join(ROOT, "products", "alpha", "frontend", "package.json"),
      code: pkg(null),
    },
    { name: "a package.json whose top level is not an object is not checked", filename: file("alpha"), code: "[]" },
  ],

  invalid: [
    // --- missing backend:test --------------------------------------------------------------
    {
      name: "a product with backend/ and no backend:test is reported on the scripts key, with the conventional command suggested",
      filename: file("alpha"),
      code: pkg({ lint: "ruff check" }),
      errors: [
        {
          message: 'Product "alpha" has a backend/ but no "backend:test" script, so CI never runs its tests: add one.',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            { messageId: "addTestScript", data: { command: CONVENTIONAL }, output: pkg({ lint: "ruff check", "backend:test": CONVENTIONAL }) },
          ],
        },
      ],
    },
    {
      name: "without a scripts object the report is on the name key and the suggestion creates scripts",
      filename: file("alpha"),
      code: pkg(null),
      errors: [
        {
          messageId: "missingTestScript",
          data: { product: "alpha" },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 9,
          suggestions: [{ messageId: "addTestScript", data: { command: CONVENTIONAL }, output: pkg({ "backend:test": CONVENTIONAL }) }],
        },
      ],
    },
    {
      name: "a scripts value that is not an object is reported on its key without a suggestion",
      filename: file("alpha"),
      code: `{\n  "name": "@posthog/products-alpha",\n  "scripts": "pytest backend/tests"\n}`,
      errors: [{ messageId: "missingTestScript", data: { product: "alpha" }, line: 3, column: 3, endLine: 3, endColumn: 12, suggestions: [] }],
    },
    {
      name: "in an empty one-line object the suggestion stays on one line",
      filename: file("alpha"),
      code: "{}",
      errors: [
        {
          messageId: "missingTestScript",
          data: { product: "alpha" },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
          suggestions: [{ messageId: "addTestScript", data: { command: CONVENTIONAL }, output: `{"scripts": {"backend:test": "${CONVENTIONAL}"}}` }],
        },
      ],
    },
    {
      name: "a variant does not stand for backend:test; without backend/tests/ the suggestion runs backend/",
      filename: file("notests"),
      code: pkg({ "backend:test:unit": "echo 'none'" }, "notests"),
      errors: [
        {
          messageId: "missingTestScript",
          data: { product: "notests" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: "addTestScript",
              data: { command: CONVENTIONAL_BACKEND },
              output: pkg({ "backend:test:unit": "echo 'none'", "backend:test": CONVENTIONAL_BACKEND }, "notests"),
            },
          ],
        },
      ],
    },
    {
      name: "a misspelt backend:tests gets a rename suggestion before the add suggestion",
      filename: file("alpha"),
      code: pkg({ "backend:tests": CONVENTIONAL }),
      errors: [
        {
          messageId: "missingTestScript",
          data: { product: "alpha" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            { messageId: "renameToTestScript", data: { name: "backend:tests" }, output: pkg({ "backend:test": CONVENTIONAL }) },
            { messageId: "addTestScript", data: { command: CONVENTIONAL }, output: pkg({ "backend:tests": CONVENTIONAL, "backend:test": CONVENTIONAL }) },
          ],
        },
      ],
    },
    {
      name: "test:backend is taken for a misspelt backend:test",
      filename: file("alpha"),
      code: pkg({ "test:backend": "pytest backend/tests" }),
      errors: [
        {
          messageId: "missingTestScript",
          data: { product: "alpha" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            { messageId: "renameToTestScript", data: { name: "test:backend" }, output: pkg({ "backend:test": "pytest backend/tests" }) },
            {
              messageId: "addTestScript",
              data: { command: CONVENTIONAL },
              output: pkg({ "test:backend": "pytest backend/tests", "backend:test": CONVENTIONAL }),
            },
          ],
        },
      ],
    },
    {
      name: "the added script keeps tabs and CRLF",
      filename: file("alpha"),
      code: pkg({ lint: "ruff check" }, "alpha", "\t").replace(/\n/g, "\r\n"),
      errors: [
        {
          messageId: "missingTestScript",
          data: { product: "alpha" },
          line: 3,
          column: 2,
          endLine: 3,
          endColumn: 11,
          suggestions: [
            {
              messageId: "addTestScript",
              data: { command: CONVENTIONAL },
              output: pkg({ lint: "ruff check", "backend:test": CONVENTIONAL }, "alpha", "\t").replace(/\n/g, "\r\n"),
            },
          ],
        },
      ],
    },
    {
      name: "in a one-line file the added script stays on the line",
      filename: file("alpha"),
      code: `{"name":"@posthog/products-alpha","scripts":{"lint":"ruff check"}}`,
      errors: [
        {
          messageId: "missingTestScript",
          data: { product: "alpha" },
          line: 1,
          column: 35,
          endLine: 1,
          endColumn: 44,
          suggestions: [
            {
              messageId: "addTestScript",
              data: { command: CONVENTIONAL },
              output: `{"name":"@posthog/products-alpha","scripts":{"lint":"ruff check","backend:test":"${CONVENTIONAL}"}}`,
            },
          ],
        },
      ],
    },

    // --- swallowed failures ----------------------------------------------------------------
    {
      name: "`|| true` swallows failures and is removed",
      filename: file("alpha"),
      code: testScript(`${CONVENTIONAL} || true`),
      output: testScript(CONVENTIONAL),
      errors: [{ message: '"backend:test" swallows test failures with "|| true": remove it.', line: 4, column: 93, endLine: 4, endColumn: 100 }],
    },
    {
      name: "`|| exit 0` swallows failures and is removed",
      filename: file("alpha"),
      code: testScript(`${CONVENTIONAL} || exit 0`),
      output: testScript(CONVENTIONAL),
      errors: [
        { messageId: "swallowedFailure", data: { script: "backend:test", swallow: "|| exit 0" }, line: 4, column: 93, endLine: 4, endColumn: 102 },
      ],
    },
    {
      name: "`|| :` swallows failures and is removed",
      filename: file("alpha"),
      code: testScript("pytest backend/tests || :"),
      output: testScript("pytest backend/tests"),
      errors: [{ messageId: "swallowedFailure", data: { script: "backend:test", swallow: "|| :" }, line: 4, column: 43, endLine: 4, endColumn: 47 }],
    },
    {
      name: "`|| echo` swallows failures; the range maps through the JSON escapes of its quotes",
      filename: file("alpha"),
      code: testScript('pytest backend/tests || echo "tests failed"'),
      output: testScript("pytest backend/tests"),
      errors: [
        {
          messageId: "swallowedFailure",
          data: { script: "backend:test", swallow: '|| echo "tests failed"' },
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 67,
        },
      ],
    },
    {
      name: "a final `; true` swallows failures and is removed",
      filename: file("alpha"),
      code: testScript("pytest backend/tests; true"),
      output: testScript("pytest backend/tests"),
      errors: [{ messageId: "swallowedFailure", data: { script: "backend:test", swallow: "; true" }, line: 4, column: 42, endLine: 4, endColumn: 48 }],
    },
    {
      name: "a final `; exit 0` swallows failures and is removed with the space before it",
      filename: file("alpha"),
      code: testScript("pytest backend/tests ; exit 0"),
      output: testScript("pytest backend/tests"),
      errors: [
        { messageId: "swallowedFailure", data: { script: "backend:test", swallow: "; exit 0" }, line: 4, column: 43, endLine: 4, endColumn: 51 },
      ],
    },
    {
      name: "a final `; :` swallows failures and is removed",
      filename: file("alpha"),
      code: testScript("pytest backend/tests; :"),
      output: testScript("pytest backend/tests"),
      errors: [{ messageId: "swallowedFailure", data: { script: "backend:test", swallow: "; :" }, line: 4, column: 42, endLine: 4, endColumn: 45 }],
    },
    {
      name: "a final `; echo` swallows failures and is removed",
      filename: file("alpha"),
      code: testScript("pytest backend/tests; echo done"),
      output: testScript("pytest backend/tests"),
      errors: [
        { messageId: "swallowedFailure", data: { script: "backend:test", swallow: "; echo done" }, line: 4, column: 42, endLine: 4, endColumn: 53 },
      ],
    },
    {
      name: "a final echo on its own line swallows failures and is removed with the newline",
      filename: file("alpha"),
      code: testScript("pytest backend/tests\necho done"),
      output: testScript("pytest backend/tests"),
      errors: [
        { messageId: "swallowedFailure", data: { script: "backend:test", swallow: "echo done" }, line: 4, column: 42, endLine: 4, endColumn: 53 },
      ],
    },
    {
      name: "`|| true` in the middle is removed and what follows is kept",
      filename: file("alpha"),
      code: testScript("pytest backend/tests/unit || true && pytest backend/ingest_test.py"),
      output: testScript("pytest backend/tests/unit && pytest backend/ingest_test.py"),
      errors: [{ messageId: "swallowedFailure", data: { script: "backend:test", swallow: "|| true" }, line: 4, column: 48, endLine: 4, endColumn: 55 }],
    },
    {
      name: "a backend:test:unit variant is checked like backend:test",
      filename: file("alpha"),
      code: pkg({ "backend:test": "pytest backend/tests", "backend:test:unit": "pytest backend/tests/unit || true" }),
      output: pkg({ "backend:test": "pytest backend/tests", "backend:test:unit": "pytest backend/tests/unit" }),
      errors: [
        { messageId: "swallowedFailure", data: { script: "backend:test:unit", swallow: "|| true" }, line: 5, column: 53, endLine: 5, endColumn: 60 },
      ],
    },
    {
      name: "in a CRLF file only the swallowing text is removed",
      filename: file("alpha"),
      code: testScript("pytest backend/tests||true").replace(/\n/g, "\r\n"),
      output: testScript("pytest backend/tests").replace(/\n/g, "\r\n"),
      errors: [{ messageId: "swallowedFailure", data: { script: "backend:test", swallow: "||true" }, line: 4, column: 42, endLine: 4, endColumn: 48 }],
    },

    // --- statuses lost in a pipe, the background or a sequence -----------------------------
    {
      name: "piping pytest into tee loses its status; the suggestion removes the pipe",
      filename: file("alpha"),
      code: testScript("pytest backend/tests | tee out.log"),
      errors: [
        {
          message: `"backend:test" pipes pytest into "| tee out.log": sh reports the last command's status, so failing tests pass.`,
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 56,
          suggestions: [
            { messageId: "removePipe", data: { script: "backend:test", rest: "| tee out.log" }, output: testScript("pytest backend/tests") },
          ],
        },
      ],
    },
    {
      name: "the suggestion removes every stage of a longer pipeline",
      filename: file("alpha"),
      code: testScript("pytest backend/tests | tee a.log | grep -v warn"),
      errors: [
        {
          messageId: "pipedStatus",
          data: { script: "backend:test", rest: "| tee a.log | grep -v warn" },
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 69,
          suggestions: [
            {
              messageId: "removePipe",
              data: { script: "backend:test", rest: "| tee a.log | grep -v warn" },
              output: testScript("pytest backend/tests"),
            },
          ],
        },
      ],
    },
    {
      name: "the suggestion keeps pytest's redirections",
      filename: file("alpha"),
      code: testScript("pytest backend/tests 2>&1 | tee out.log"),
      errors: [
        {
          messageId: "pipedStatus",
          data: { script: "backend:test", rest: "| tee out.log" },
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 61,
          suggestions: [
            { messageId: "removePipe", data: { script: "backend:test", rest: "| tee out.log" }, output: testScript("pytest backend/tests 2>&1") },
          ],
        },
      ],
    },
    {
      name: "a pipe and a swallowed failure in one script are reported and edited separately",
      filename: file("alpha"),
      code: testScript("pytest backend/tests | tee out.log || true"),
      output: testScript("pytest backend/tests | tee out.log"),
      errors: [
        {
          messageId: "pipedStatus",
          data: { script: "backend:test", rest: "| tee out.log" },
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 56,
          suggestions: [
            { messageId: "removePipe", data: { script: "backend:test", rest: "| tee out.log" }, output: testScript("pytest backend/tests || true") },
          ],
        },
        { messageId: "swallowedFailure", data: { script: "backend:test", swallow: "|| true" }, line: 4, column: 57, endLine: 4, endColumn: 64 },
      ],
    },
    {
      name: "pytest in the background loses its status; with a bare final wait the suggestion runs it in the foreground",
      filename: file("alpha"),
      code: testScript("pytest backend/tests & wait"),
      errors: [
        {
          message: '"backend:test" runs pytest in the background ("& wait"): its failures are lost.',
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 49,
          suggestions: [
            { messageId: "runInForeground", data: { script: "backend:test", rest: "& wait" }, output: testScript("pytest backend/tests") },
          ],
        },
      ],
    },
    {
      name: "pytest in the background followed by another command has no suggestion",
      filename: file("alpha"),
      code: testScript("pytest backend/tests/unit & pytest backend/ingest_test.py"),
      errors: [
        { messageId: "backgroundStatus", data: { script: "backend:test", rest: "&" }, line: 4, column: 48, endLine: 4, endColumn: 49, suggestions: [] },
      ],
    },
    {
      name: "pytest in the background at the end of the script has no suggestion",
      filename: file("alpha"),
      code: testScript("pytest backend/tests &"),
      errors: [
        { messageId: "backgroundStatus", data: { script: "backend:test", rest: "&" }, line: 4, column: 43, endLine: 4, endColumn: 44, suggestions: [] },
      ],
    },
    {
      name: "a wait that is not the last command has no suggestion; the final echo is a swallowed failure",
      filename: file("alpha"),
      code: testScript("pytest backend/tests & wait; echo done"),
      output: testScript("pytest backend/tests & wait"),
      errors: [
        { messageId: "backgroundStatus", data: { script: "backend:test", rest: "&" }, line: 4, column: 43, endLine: 4, endColumn: 44, suggestions: [] },
        { messageId: "swallowedFailure", data: { script: "backend:test", swallow: "; echo done" }, line: 4, column: 49, endLine: 4, endColumn: 60 },
      ],
    },
    {
      name: "a second pytest run after `;` gives the script its status; the suggestion chains them with &&",
      filename: file("alpha"),
      code: testScript("pytest backend/tests/unit; pytest backend/ingest_test.py"),
      errors: [
        {
          message: `"backend:test" runs "; pytest backend/ingest_test.py" after pytest: the script ends with that status, not pytest's.`,
          line: 4,
          column: 47,
          endLine: 4,
          endColumn: 78,
          suggestions: [
            {
              messageId: "chainWithAnd",
              data: { script: "backend:test", rest: "; pytest backend/ingest_test.py" },
              output: testScript("pytest backend/tests/unit && pytest backend/ingest_test.py"),
            },
          ],
        },
      ],
    },
    {
      name: "a clean-up command after `;` gives the script its status; the suggestion chains it with &&",
      filename: file("alpha"),
      code: testScript("pytest backend/tests ; rm -rf tmp"),
      errors: [
        {
          messageId: "sequenceStatus",
          data: { script: "backend:test", rest: "; rm -rf tmp" },
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 55,
          suggestions: [
            {
              messageId: "chainWithAnd",
              data: { script: "backend:test", rest: "; rm -rf tmp" },
              output: testScript("pytest backend/tests && rm -rf tmp"),
            },
          ],
        },
      ],
    },
    {
      name: "each pytest run followed by `;` is reported; each suggestion chains its own separator",
      filename: file("alpha"),
      code: testScript("pytest backend/tests/unit; pytest backend/ingest_test.py; pytest backend/tests"),
      errors: [
        {
          messageId: "sequenceStatus",
          data: { script: "backend:test", rest: "; pytest backend/ingest_test.py; pytest backend/tests" },
          line: 4,
          column: 47,
          endLine: 4,
          endColumn: 100,
          suggestions: [
            {
              messageId: "chainWithAnd",
              data: { script: "backend:test", rest: "; pytest backend/ingest_test.py; pytest backend/tests" },
              output: testScript("pytest backend/tests/unit && pytest backend/ingest_test.py; pytest backend/tests"),
            },
          ],
        },
        {
          messageId: "sequenceStatus",
          data: { script: "backend:test", rest: "; pytest backend/tests" },
          line: 4,
          column: 78,
          endLine: 4,
          endColumn: 100,
          suggestions: [
            {
              messageId: "chainWithAnd",
              data: { script: "backend:test", rest: "; pytest backend/tests" },
              output: testScript("pytest backend/tests/unit; pytest backend/ingest_test.py && pytest backend/tests"),
            },
          ],
        },
      ],
    },
    {
      name: "a command on the next line gives the script its status; reported without a suggestion",
      filename: file("alpha"),
      code: testScript("pytest backend/tests\npytest backend/ingest_test.py"),
      errors: [
        {
          messageId: "sequenceStatus",
          data: { script: "backend:test", rest: "pytest backend/ingest_test.py" },
          line: 4,
          column: 42,
          endLine: 4,
          endColumn: 73,
          suggestions: [],
        },
      ],
    },

    // --- no-op scripts ---------------------------------------------------------------------
    {
      name: "a no-op backend:test while backend/ holds tests names a test file and suggests the conventional command",
      filename: file("alpha"),
      code: testScript("echo 'No backend tests'"),
      errors: [
        {
          message: `"backend:test" is a no-op ("echo 'No backend tests'") but backend/ has tests (e.g. ingest_test.py): make it run pytest.`,
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 46,
          suggestions: [{ messageId: "replaceNoOp", data: { command: CONVENTIONAL }, output: testScript(CONVENTIONAL) }],
        },
      ],
    },
    {
      name: "a no-op variant is reported without a suggestion",
      filename: file("alpha"),
      code: pkg({ "backend:test": CONVENTIONAL, "backend:test:integration": "true" }),
      errors: [
        {
          messageId: "noOpScript",
          data: { script: "backend:test:integration", command: "true", example: "ingest_test.py" },
          line: 5,
          column: 33,
          endLine: 5,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
    {
      name: "a no-op command too long for one message is shortened in it",
      filename: file("alpha"),
      code: testScript(LONG_NO_OP),
      errors: [
        {
          messageId: "noOpScript",
          // 70 characters of template, 12 of script name and 14 of example leave 64 of the 160 for the command.
          data: { script: "backend:test", command: `${LONG_NO_OP.slice(0, 63)}…`, example: "ingest_test.py" },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 23 + LONG_NO_OP.length,
          suggestions: [{ messageId: "replaceNoOp", data: { command: CONVENTIONAL }, output: testScript(CONVENTIONAL) }],
        },
      ],
    },

    // --- pytest paths ----------------------------------------------------------------------
    {
      name: "a pytest path that does not exist",
      filename: file("alpha"),
      code: testScript("pytest backend/tset"),
      errors: [
        {
          message: '"backend:test" runs pytest on "backend/tset", which does not exist (scripts run from products/alpha/).',
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 41,
        },
      ],
    },
    {
      name: "a pytest path that holds no test files, after the values of -c and --rootdir",
      filename: file("alpha"),
      code: testScript("pytest -c ../../pytest.ini --rootdir ../.. backend/empty -v"),
      errors: [
        {
          message: '"backend:test" runs pytest on "backend/empty", which holds no test files (test_*.py or *_test.py).',
          line: 4,
          column: 65,
          endLine: 4,
          endColumn: 78,
        },
      ],
    },
    {
      name: "a pytest path to a file that is not a test file",
      filename: file("alpha"),
      code: testScript("pytest backend/conftest.py"),
      errors: [
        {
          message: '"backend:test" runs pytest on "backend/conftest.py", which is not a test file (test_*.py or *_test.py).',
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
      code: testScript('pytest -k "not slow" "backend/no such dir" -v'),
      errors: [
        {
          messageId: "pytestPathMissing",
          data: { script: "backend:test", path: "backend/no such dir", product: "alpha" },
          line: 4,
          column: 45,
          endLine: 4,
          endColumn: 68,
        },
      ],
    },
    {
      name: "after cd ../.. a path is looked up from the repository root",
      filename: file("alpha"),
      code: testScript("cd ../.. && pytest backend/tests"),
      errors: [
        {
          messageId: "pytestPathMissing",
          data: { script: "backend:test", path: "backend/tests", product: "alpha" },
          line: 4,
          column: 41,
          endLine: 4,
          endColumn: 54,
        },
      ],
    },
    {
      name: "a node id is looked up by its file part",
      filename: file("alpha"),
      code: pkg({ "backend:test:unit": "pytest backend/tests/test_gone.py::test_x" }),
      errors: [
        {
          messageId: "missingTestScript",
          data: { product: "alpha" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: "addTestScript",
              data: { command: CONVENTIONAL },
              output: pkg({ "backend:test:unit": "pytest backend/tests/test_gone.py::test_x", "backend:test": CONVENTIONAL }),
            },
          ],
        },
        {
          messageId: "pytestPathMissing",
          data: { script: "backend:test:unit", path: "backend/tests/test_gone.py::test_x", product: "alpha" },
          line: 4,
          column: 34,
          endLine: 4,
          endColumn: 68,
        },
      ],
    },
    {
      name: "every problem of one script is reported",
      filename: file("alpha"),
      code: testScript("python -m pytest backend/tset backend/empty || echo skipped"),
      output: testScript("python -m pytest backend/tset backend/empty"),
      errors: [
        {
          messageId: "pytestPathMissing",
          data: { script: "backend:test", path: "backend/tset", product: "alpha" },
          line: 4,
          column: 39,
          endLine: 4,
          endColumn: 51,
        },
        {
          messageId: "pytestPathWithoutTests",
          data: { script: "backend:test", path: "backend/empty", product: "alpha" },
          line: 4,
          column: 52,
          endLine: 4,
          endColumn: 65,
        },
        { messageId: "swallowedFailure", data: { script: "backend:test", swallow: "|| echo skipped" }, line: 4, column: 66, endLine: 4, endColumn: 81 },
      ],
    },
  ],
});

// --- symlinks -------------------------------------------------------------------------------

/**
 * A copy of the fixture tree with symlinks: in alpha's backend/, `outside_tests` (to a folder of
 * tests outside the root), `tests_link` and `empty_link` (to folders inside it); a product
 * `linked` whose backend/tests leads out of the root, and a product `borrowed` whose
 * backend/tests is alpha's (inside the root, outside the product).
 */
const linkedRoot = path.join(tempRoot, "linked-repo");
const outside = path.join(tempRoot, "outside");
fs.cpSync(ROOT, linkedRoot, { recursive: true });
fs.mkdirSync(path.join(outside, "tests"), { recursive: true });
fs.writeFileSync(path.join(outside, "tests", "test_outside.py"), "def test_x():\n    pass\n");
fs.symlinkSync(path.join(outside, "tests"), path.join(linkedRoot, "products/alpha/backend/outside_tests"));
fs.symlinkSync("tests", path.join(linkedRoot, "products/alpha/backend/tests_link"));
fs.symlinkSync("empty", path.join(linkedRoot, "products/alpha/backend/empty_link"));
for (const [product, target] of [
  ["linked", path.join(outside, "tests")],
  ["borrowed", path.join(linkedRoot, "products/alpha/backend/tests")],
] as const) {
  fs.mkdirSync(path.join(linkedRoot, "products", product, "backend"), { recursive: true });
  fs.writeFileSync(path.join(linkedRoot, "products", product, "backend", "__init__.py"), "");
  fs.symlinkSync(target, path.join(linkedRoot, "products", product, "backend", "tests"));
}

packageJsonRuleTester(linkedRoot).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: "a pytest path behind a symlink leading out of the root is not looked at",
      filename: file("alpha", linkedRoot),
      code: testScript("pytest backend/outside_tests backend/outside_tests/test_gone.py"),
    },
    {
      name: "a symlink inside the root is followed to the tests it leads to",
      filename: file("alpha", linkedRoot),
      code: testScript("pytest backend/tests_link backend/tests_link/test_api.py"),
    },
  ],
  invalid: [
    {
      name: "a symlink inside the root to a folder without tests is reported like the folder",
      filename: file("alpha", linkedRoot),
      code: testScript("pytest backend/empty_link"),
      errors: [
        {
          messageId: "pytestPathWithoutTests",
          data: { script: "backend:test", path: "backend/empty_link", product: "alpha" },
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 47,
        },
      ],
    },
    {
      name: "a backend/tests symlink leading out of the root is not taken for the product's tests folder",
      filename: file("linked", linkedRoot),
      code: pkg(null, "linked"),
      errors: [
        {
          messageId: "missingTestScript",
          data: { product: "linked" },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 9,
          suggestions: [{ messageId: "addTestScript", data: { command: CONVENTIONAL_BACKEND }, output: pkg({ "backend:test": CONVENTIONAL_BACKEND }, "linked") }],
        },
      ],
    },
    {
      name: "a backend/tests symlink to another product's tests is not taken for the product's tests folder",
      filename: file("borrowed", linkedRoot),
      code: pkg(null, "borrowed"),
      errors: [
        {
          messageId: "missingTestScript",
          data: { product: "borrowed" },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 9,
          suggestions: [
            { messageId: "addTestScript", data: { command: CONVENTIONAL_BACKEND }, output: pkg({ "backend:test": CONVENTIONAL_BACKEND }, "borrowed") },
          ],
        },
      ],
    },
  ],
});

// --- script analysis ------------------------------------------------------------------------

/** The swallowed failures of a script: their text, and the script once each is removed. */
function swallowed(script: string): { text: string; fixed: string }[] {
  return findSwallowedFailures(script, parseShell(script)).map((found) => ({
    text: found.text,
    fixed: script.slice(0, found.removeStart) + script.slice(found.removeEnd),
  }));
}

/** The hidden statuses of a script: kind, text, what is reported, and the script once the edit is made (null: none). */
function hidden(script: string): { kind: string; text: string; reported: string; fixed: string | null }[] {
  return findHiddenStatuses(script, parseShell(script)).map((found) => ({
    kind: found.kind,
    text: found.text,
    reported: script.slice(found.start, found.end),
    fixed: found.edit ? script.slice(0, found.edit.start) + found.edit.text + script.slice(found.edit.end) : null,
  }));
}

const noOp = (script: string): boolean => isNoOpScript(script, parseShell(script));

/** The pytest path arguments of a script with the directory each is run from. */
function pytestPaths(script: string): { value: string; path: string; cwd: string; written: string }[] {
  return findPytestPathArguments(parseShell(script)).map((argument) => ({
    value: argument.value,
    path: argument.path,
    cwd: argument.cwd,
    written: script.slice(argument.start, argument.end),
  }));
}

describe("script analysis", () => {
  it("reads scripts nested deeper than any call stack (subshells and compound commands, walked without recursion)", () => {
    const depth = 20_000;
    const subshells = `${"( ".repeat(depth)}pytest backend/tests || true${" )".repeat(depth)}`;
    expect(swallowed(subshells).map(({ text }) => text)).toEqual(["|| true"]);
    const blocks = `${"{ ".repeat(depth)}pytest backend/tests${" ; }".repeat(depth)}`;
    expect(parseShell(blocks).some((command) => command.words[0]?.value === "pytest")).toBe(true);
  });

  it("finds failures swallowed by ||", () => {
    expect(swallowed("pytest || true")).toEqual([{ text: "|| true", fixed: "pytest" }]);
    expect(swallowed("pytest || :")).toEqual([{ text: "|| :", fixed: "pytest" }]);
    expect(swallowed("pytest || exit 00")).toEqual([{ text: "|| exit 00", fixed: "pytest" }]);
    expect(swallowed("pytest || echo 'x' || exit 0")).toEqual([
      { text: "|| echo 'x'", fixed: "pytest || exit 0" },
      { text: "|| exit 0", fixed: "pytest || echo 'x'" },
    ]);
  });

  it("finds failures swallowed by a final command that always succeeds", () => {
    expect(swallowed("pytest; true; ")).toEqual([{ text: "; true", fixed: "pytest; " }]);
    expect(swallowed("pytest ; echo done")).toEqual([{ text: "; echo done", fixed: "pytest" }]);
    expect(swallowed("pytest\nexit 0")).toEqual([{ text: "exit 0", fixed: "pytest" }]);
    // Only the last one: once it is removed, the one before it is last.
    expect(swallowed("pytest; echo a; echo b")).toEqual([{ text: "; echo b", fixed: "pytest; echo a" }]);
  });

  it("leaves alone what keeps the failure", () => {
    expect(swallowed("pytest; true; pytest other")).toEqual([]);
    expect(swallowed("pytest && true")).toEqual([]);
    expect(swallowed("pytest && echo done")).toEqual([]);
    expect(swallowed("pytest || exit 1")).toEqual([]);
    expect(swallowed("pytest || exit $?")).toEqual([]);
    expect(swallowed("echo start; pytest")).toEqual([]);
    expect(swallowed("true")).toEqual([]);
  });

  it("finds a pipe that hides pytest's status, unless pipefail is set before it", () => {
    expect(hidden("pytest x | tee out.log")).toEqual([{ kind: "pipe", text: "| tee out.log", reported: "| tee out.log", fixed: "pytest x" }]);
    expect(hidden("python -m pytest x|tee a | grep b")).toEqual([
      { kind: "pipe", text: "|tee a | grep b", reported: "|tee a | grep b", fixed: "python -m pytest x" },
    ]);
    expect(hidden("set -o pipefail; pytest x | tee out.log")).toEqual([]);
    expect(hidden("set -euo pipefail\npytest x | tee out.log")).toEqual([]);
    expect(hidden("pytest x | tee out.log; set -o pipefail")).toHaveLength(1);
    expect(hidden("echo pytest | tee out.log")).toEqual([]);
    expect(hidden("printf y | pytest x")).toEqual([]);
  });

  it("finds pytest in the background; the edit runs it in the foreground only before a bare final wait", () => {
    expect(hidden("pytest x & wait")).toEqual([{ kind: "background", text: "& wait", reported: "& wait", fixed: "pytest x" }]);
    expect(hidden("pytest x  &  wait  ")).toEqual([{ kind: "background", text: "& wait", reported: "&  wait", fixed: "pytest x  " }]);
    expect(hidden("pytest a & pytest b")).toEqual([{ kind: "background", text: "&", reported: "&", fixed: null }]);
    expect(hidden("pytest a & wait; echo done")).toEqual([{ kind: "background", text: "&", reported: "&", fixed: null }]);
    expect(hidden("pytest a &")).toEqual([{ kind: "background", text: "&", reported: "&", fixed: null }]);
    expect(hidden("pytest a && wait")).toEqual([]);
    // `wait <pid>` returns pytest's status.
    expect(hidden("pytest a & wait $!")).toEqual([]);
    expect(hidden("pytest a & pid=$!; wait $pid")).toEqual([]);
  });

  it("a bare `exit` keeps pytest's status; `set +e` and `set +o pipefail` turn the options off again", () => {
    expect(hidden("pytest a; exit")).toEqual([]);
    expect(hidden("set -e; set +e; pytest a; rm -rf tmp").map((found) => found.kind)).toEqual(["sequence"]);
    expect(hidden("set -o pipefail; set +o pipefail; pytest a | tee out.log").map((found) => found.kind)).toEqual(["pipe"]);
  });

  it("handles 20,000 pytest runs joined by `;`, `&` or `|` (a quadratic pass would not finish)", () => {
    const many = (separator: string): string => `${"pytest a".concat(separator).repeat(20_000)}pytest b`;
    expect(findHiddenStatuses(many("; "), parseShell(many("; "))).length).toBe(20_000);
    expect(findHiddenStatuses(many(" & "), parseShell(many(" & "))).length).toBe(20_000);
    expect(findHiddenStatuses(many(" | "), parseShell(many(" | "))).length).toBe(20_000);
  });

  it("finds later commands after `;` or a newline that give the script their status", () => {
    expect(hidden("pytest a; pytest b")).toEqual([{ kind: "sequence", text: "; pytest b", reported: "; pytest b", fixed: "pytest a && pytest b" }]);
    expect(hidden("pytest a ;  rm -rf tmp")).toEqual([
      { kind: "sequence", text: "; rm -rf tmp", reported: ";  rm -rf tmp", fixed: "pytest a && rm -rf tmp" },
    ]);
    expect(hidden("pytest a\nrm -rf tmp")).toEqual([{ kind: "sequence", text: "rm -rf tmp", reported: "\nrm -rf tmp", fixed: null }]);
    expect(hidden("pytest a; pytest b; pytest c").map((found) => found.fixed)).toEqual([
      "pytest a && pytest b; pytest c",
      "pytest a; pytest b && pytest c",
    ]);
  });

  it("leaves later commands alone after set -e, before an explicit exit status, or when they always succeed", () => {
    for (const options of ["set -e", "set -eu", "set -ue", "set -x -e", "set -o errexit", "set -euo pipefail"]) {
      expect(hidden(`${options}; pytest a; pytest b`)).toEqual([]);
    }
    expect(hidden("pytest a; status=$?; rm -rf tmp; exit $status")).toEqual([]);
    expect(hidden('pytest a\nrm -rf tmp\nexit "$?"')).toEqual([]);
    // Reported as swallowed failures instead.
    expect(hidden("pytest a; echo done")).toEqual([]);
    expect(hidden("pytest a; true")).toEqual([]);
    expect(hidden("pytest a; :; exit 0")).toEqual([]);
    expect(hidden("pytest a;")).toEqual([]);
    expect(hidden("rm -rf tmp; pytest a")).toEqual([]);
  });

  it("knows no-op scripts", () => {
    expect(noOp("echo 'No backend tests'")).toBe(true);
    expect(noOp(":")).toBe(true);
    expect(noOp("true")).toBe(true);
    expect(noOp("exit 0")).toBe(true);
    expect(noOp("echo a && true")).toBe(true);
    expect(noOp("echo a && pytest")).toBe(false);
    expect(noOp("echo pytest backend/tests")).toBe(true);
    expect(noOp("exit 1")).toBe(false);
    expect(noOp("")).toBe(false);
    expect(noOp("   ")).toBe(false);
  });

  it("takes the values of pytest options as values, not paths", () => {
    expect(
      pytestPaths(
        "pytest -c ../../pytest.ini --rootdir ../.. -k 'a or b' -m slow -p no:x -o addopts= --override-ini x=y --ignore=z -vx --tb=short t1 -- -odd",
      ).map((argument) => argument.value),
    ).toEqual(["t1", "-odd"]);
    expect(pytestPaths("pytest -n4 -kexpr --pyargs products.alpha")).toEqual([]);
  });

  it("gives each path as pytest sees it, where it is written, and the directory pytest runs from", () => {
    expect(pytestPaths(`pytest "a b/test_x.py::test_y" c\\ d`)).toEqual([
      { value: "a b/test_x.py::test_y", path: "a b/test_x.py", cwd: ".", written: '"a b/test_x.py::test_y"' },
      { value: "c d", path: "c d", cwd: ".", written: "c\\ d" },
    ]);
    expect(pytestPaths("cd ../.. && pytest products/alpha/backend").map((argument) => argument.cwd)).toEqual(["../.."]);
    expect(pytestPaths("(cd backend && pytest tests) && pytest backend").map((argument) => [argument.value, argument.cwd])).toEqual([
      ["tests", "backend"],
      ["backend", "."],
    ]);
    expect(pytestPaths("cd $DIR && pytest tests")).toEqual([]);
    expect(pytestPaths("cd - && pytest tests")).toEqual([]);
  });

  it("finds pytest behind runners and wrappers, and leaves out redirection targets and what the shell expands", () => {
    expect(pytestPaths("env -u X A=1 time uv run --with pytest-xdist pytest a").map((argument) => argument.value)).toEqual(["a"]);
    expect(pytestPaths("poetry run python -W error -m pytest a").map((argument) => argument.value)).toEqual(["a"]);
    expect(pytestPaths("python3.12 -mpytest a").map((argument) => argument.value)).toEqual(["a"]);
    expect(pytestPaths("coverage run -m pytest a").map((argument) => argument.value)).toEqual(["a"]);
    expect(pytestPaths("python -m mypy a")).toEqual([]);
    expect(pytestPaths("pytest a > out.log 2>&1 < in.txt").map((argument) => argument.value)).toEqual(["a"]);
    expect(pytestPaths("pytest $X t/test_*.py ~/t '' real").map((argument) => argument.value)).toEqual(["real"]);
  });
});

// --- the plugin's configs and the ESLint class ------------------------------------------------

/** The findings of the two script rules (the recommended config has more package.json rules, tested on their own). */
const SCRIPT_RULES = [`posthog-products/${RULE}`, "posthog-products/contract-check-consistency"];
const scriptFindings = <T extends { ruleId: string | null }>(messages: T[]): T[] => messages.filter((message) => message.ruleId === null || SCRIPT_RULES.includes(message.ruleId));

describe("the recommended config", () => {
  it("lints products/*/package.json with both script rules", async () => {
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended, { ignores: ["**/*.py", "tach.toml"] }],
    });
    const results = await eslint.lintFiles(["."]);
    const byFile = Object.fromEntries(
      results.filter((result) => result.filePath.endsWith("package.json")).map((result) => [
        path.relative(ROOT, result.filePath).split(path.sep).join("/"),
        scriptFindings(result.messages).map((message) => `${message.ruleId}:${message.messageId}`),
      ]),
    );
    expect(byFile).toEqual({
      "products/alpha/package.json": [`posthog-products/${RULE}:swallowedFailure`],
      "products/chdl/package.json": [],
      "products/emptyfacade/package.json": [],
      "products/iso/package.json": [],
      "products/isodir/package.json": ["posthog-products/contract-check-consistency:missingContractCheck"],
      "products/leaky/package.json": [],
      "products/nobackend/package.json": [],
      "products/nofacade/package.json": [],
      "products/notests/package.json": [],
      "products/notiso/package.json": ["posthog-products/contract-check-consistency:notIsolated"],
    });
  });

  it("fixes with --fix and leaves a file that no longer changes", async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended, fix: true });
    const [result] = await eslint.lintText(testScript(`${CONVENTIONAL} || true`), { filePath: file("alpha") });
    expect(result!.output).toBe(testScript(CONVENTIONAL));
    const [again] = await eslint.lintText(result!.output!, { filePath: file("alpha") });
    expect(again!.output).toBeUndefined();
    expect(scriptFindings(again!.messages)).toEqual([]);
  });

  it("removes several final echoes over its fix passes", async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended, fix: true });
    const [result] = await eslint.lintText(testScript("pytest backend/tests; echo a; echo b"), { filePath: file("alpha") });
    expect(result!.output).toBe(testScript("pytest backend/tests"));
    expect(scriptFindings(result!.messages)).toEqual([]);
  });

  it("does not apply suggestions with --fix", async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended, fix: true });
    const [result] = await eslint.lintText(testScript("pytest backend/tests | tee out.log"), { filePath: file("alpha") });
    expect(result!.output).toBeUndefined();
    expect(scriptFindings(result!.messages).map((message) => message.messageId)).toEqual(["pipedStatus"]);
  });

  it("reports a malformed package.json as a parse error, without crashing", async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintText(`{\n  "name": "@posthog/products-alpha",\n  "scripts": {\n`, { filePath: file("alpha") });
    expect(result!.messages).toHaveLength(1);
    expect(result!.messages[0]).toMatchObject({ fatal: true, ruleId: null, line: 3, message: expect.stringMatching(/^Parsing error: /) });
  });
});

describe("robustness", () => {
  /** The message ids the recommended config reports on alpha's package.json with this backend:test. */
  const lintScript = async (script: string): Promise<(string | undefined)[]> => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintText(testScript(script), { filePath: file("alpha") });
    return scriptFindings(result!.messages).map((message) => message.messageId);
  };

  it("a pytest path the OS refuses (NUL byte, longer than NAME_MAX or PATH_MAX) does not crash the rule", async () => {
    expect(await lintScript("pytest backend/tests a\u0000b")).toEqual([]);
    expect(await lintScript(`pytest backend/tests ${"a".repeat(5000)}`)).toEqual([]);
    // Its first component does not exist: reported as missing, without walking 100,000 components.
    expect(await lintScript(`pytest backend/tests ${"a/".repeat(100_000)}`)).toEqual(["pytestPathMissing"]);
  });

  it("a pytest path outside the repository root is not looked at (no stat, no directory walk) nor reported", async () => {
    const touched: string[] = [];
    const spies = (["statSync", "lstatSync", "readdirSync", "existsSync", "realpathSync"] as const).map((method) => {
      const original: (...args: unknown[]) => unknown = fs[method].bind(fs);
      return vi.spyOn(fs, method).mockImplementation(((target: unknown, ...rest: unknown[]) => {
        if (typeof target === "string") touched.push(path.resolve(target));
        return original(target, ...rest);
      }) as (typeof fs)[typeof method]);
    });
    try {
      expect(await lintScript("pytest backend/tests ../../../../.. /etc /")).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const real = fs.realpathSync(ROOT);
    const inside = (target: string) => target === ROOT || target === real || target.startsWith(ROOT + path.sep) || target.startsWith(real + path.sep);
    expect(touched.filter((target) => !inside(target))).toEqual([]);
  });

  it("reads a script of 100,000 commands and one of 100,000 redirections", async () => {
    const echoes = `pytest backend/tests${"; echo a".repeat(100_000)}`;
    expect(swallowed(`${echoes}; true`).map((found) => found.text)).toEqual(["; true"]);
    expect(hidden(echoes)).toEqual([]);
    const redirections = `pytest backend/tests${" >a".repeat(100_000)}`;
    expect(pytestPaths(redirections).map((argument) => argument.value)).toEqual(["backend/tests"]);
    expect(await lintScript(echoes)).toEqual(["swallowedFailure"]);
  });
});
