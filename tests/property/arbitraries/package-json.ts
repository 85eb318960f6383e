/**
 * Generated product package.json files: `backend:test` scripts written many ways (runners, `cd`,
 * options that take values, node ids, paths that exist, are missing, climb out of the repository,
 * hold NUL bytes or are absurdly long), swallowed failures (`|| true`, `; exit 0`, `|| echo`),
 * no-op scripts and `backend:contract-check`, rendered minified or indented with spaces or tabs,
 * LF or CRLF, with or without BOM.
 */
import fc from "fast-check";

const RUNNERS = ["pytest", "python -m pytest", "uv run pytest", "poetry run pytest -n 4", "cd ../.. && pytest", "env DJANGO=1 pytest", "coverage run -m pytest"];
const ARGS = [
  "backend/tests",
  "backend",
  "backend/tests/test_api.py",
  "backend/tests/test_api.py::TestApi::test_get",
  "backend/models.py",
  "missing/dir",
  "../../posthog",
  "../../../../outside",
  "/etc",
  "backend/tests/loop/x",
  "a\u0000b",
  "$TESTS",
  "backend/*.py",
  "'backend/tests'",
  "-k 'not slow'",
  "-m integration",
  "--cov=backend",
  "-c ../../pytest.ini",
  "--rootdir ../..",
  "-v",
  "--tb=short",
  "-p no:warnings",
];
const SWALLOW = ["", "", "", " || true", " || exit 0", " || :", " || echo 'tests failed'", "; true", "; exit 0", " || true || true", "\ntrue", " ; :"];

const script: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...RUNNERS),
        fc.array(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...ARGS) }, { weight: 1, arbitrary: fc.integer({ min: 200, max: 6000 }).map((n) => "x".repeat(n)) }), { maxLength: 4 }),
        fc.constantFrom(...SWALLOW),
      )
      .map(([runner, args, swallow]) => [runner, ...args].join(" ") + swallow),
  },
  { weight: 2, arbitrary: fc.constantFrom("echo 'No backend tests'", "true", "exit 0", ":", "echo skip && true", "") },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
);

export interface PackageJsonSpec {
  scripts: [string, string][];
  extra: boolean;
  scriptsValue: "object" | "missing" | "string";
  indent: "" | "  " | "    " | "\t";
  eol: "\n" | "\r\n";
  bom: boolean;
}

export const packageJsonSpec: fc.Arbitrary<PackageJsonSpec> = fc.record({
  scripts: fc.uniqueArray(
    fc.tuple(fc.constantFrom("backend:test", "backend:test:unit", "backend:tests", "backend:contract-check", "lint", "build"), script),
    { selector: ([name]) => name, maxLength: 4 },
  ),
  extra: fc.boolean(),
  scriptsValue: fc.constantFrom<PackageJsonSpec["scriptsValue"]>("object", "object", "object", "object", "missing", "string"),
  indent: fc.constantFrom<PackageJsonSpec["indent"]>("", "  ", "    ", "\t"),
  eol: fc.constantFrom<PackageJsonSpec["eol"]>("\n", "\r\n"),
  bom: fc.boolean(),
});

export function renderPackageJson(spec: PackageJsonSpec, product: string): string {
  const value: Record<string, unknown> = { name: `@posthog/products-${product.replace(/_/gu, "-")}` };
  if (spec.extra) value.version = "0.0.0";
  if (spec.scriptsValue === "object") value.scripts = Object.fromEntries(spec.scripts);
  if (spec.scriptsValue === "string") value.scripts = "not an object";
  if (spec.extra) value.peerDependencies = { react: "*" };
  let text = JSON.stringify(value, null, spec.indent || undefined);
  if (spec.indent) text = `${text}\n`;
  return (spec.bom ? "\uFEFF" : "") + text.replace(/\n/gu, spec.eol);
}
