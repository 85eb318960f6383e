/**
 * hogli's PackageJsonScriptsCheck presence/absence of `backend:contract-check` and the chain's
 * script checks (test_checks.py), case for case, on the rule contract-check-consistency.
 */
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { clearRepoIndexCache } from "../../src/project/index.js";
import rule from "../../src/rules/contract-check-consistency.js";
import { ASSERTIONS, fixturePath, packageJsonRuleTester } from "../support/helpers.js";
import { hogliProduct, VIOLATION, WITH_SCRIPT, type HogliProduct } from "../support/hogli-products.js";
import { lintTree, TempTrees, type Finding } from "../support/product-trees.js";

const RULE = "contract-check-consistency";
const trees = new TempTrees(`${RULE}-hogli`);
afterAll(() => trees.cleanup());

const PYTEST_BACKEND = "pytest -c ../../pytest.ini --rootdir ../.. backend/ -v --tb=short";

async function lint(options: HogliProduct, pyprojectText?: string): Promise<Finding[]> {
  const files = hogliProduct({ backend: { "tests/test_api.py": "" }, ...options });
  if (pyprojectText !== undefined) files["pyproject.toml"] = pyprojectText;
  return lintTree(trees.tree(files), { [RULE]: [] }, ["products/my_product/package.json"]);
}
const ids = (findings: Finding[]): string[] => findings.map((finding) => finding.messageId);

describe("hogli TestPresenceChecks (backend:contract-check)", () => {
  it("test_contract_check_required_for_isolated (sealed: we require a tach interface first)", async () => {
    const findings = await lint({ isolated: true, sealed: true, scripts: { "backend:test": PYTEST_BACKEND } });
    expect(ids(findings)).toEqual(["missingContractCheck"]);
    expect(findings[0]!.message).toContain('no "backend:contract-check" script');
  });

  it("test_contract_check_present_for_isolated_passes", async () => {
    expect(await lint({ isolated: true, sealed: true, scripts: WITH_SCRIPT })).toEqual([]);
  });
});

describe("hogli TestAbsenceChecks", () => {
  it("test_contract_check_forbidden_for_non_isolated", async () => {
    expect(ids(await lint({ scripts: WITH_SCRIPT }))).toEqual(["notIsolated"]);
  });

  it("test_no_contract_check_for_non_isolated_passes", async () => {
    expect(await lint({ scripts: { "backend:test": PYTEST_BACKEND } })).toEqual([]);
  });
});

/** `[tool.importlinter]` with a routes contract deferring `entries` (hogli's presentation bypass entries). */
const pyproject = (entries: string[]): string =>
  `[tool.importlinter]\nroot_packages = ["products"]\n\n[[tool.importlinter.contracts]]\nname = "routes must only import presentation"\ntype = "forbidden"\nsource_modules = ["products.*.backend.routes"]\nforbidden_modules = ["products.*.backend"]\nignore_imports = [\n${entries.map((entry) => `    ${JSON.stringify(entry)},\n`).join("")}]\n`;

describe("hogli TestAbsenceChecks (the presentation wave)", () => {
  it("test_contract_check_forbidden_with_deferred_presentation_entries", async () => {
    const entries = ["products.my_product.backend.presentation.views -> products.my_product.backend.logic", "products.my_product.backend.routes -> products.my_product.backend.api"];
    const findings = await lint({ isolated: true, sealed: true, scripts: WITH_SCRIPT }, pyproject(entries));
    expect(ids(findings)).toEqual(["deferredPresentation"]);
    expect(findings[0]!.message).toContain("ignore_imports entries of pyproject.toml (from line 10) defer the presentation wave");
  });

  it("test_presentation_bypass_entries_handles_broken_toml: an invalid pyproject.toml defers nothing", async () => {
    expect(await lint({ isolated: true, sealed: true, scripts: WITH_SCRIPT }, "not = [valid")).toEqual([]);
  });
});

describe("hogli TestPackageJsonScriptsWiringWithheld", () => {
  it("test_eligible_facade_violation_is_not_nagged_to_add_the_script", async () => {
    const findings = await lint({ isolated: true, sealed: true, scripts: { "backend:test": PYTEST_BACKEND }, backend: VIOLATION });
    expect(findings.filter((finding) => finding.message.includes("contract-check"))).toEqual([]);
  });

  it("test_eligible_facade_violation_keeps_an_existing_script", async () => {
    expect(await lint({ isolated: true, sealed: true, scripts: WITH_SCRIPT, backend: VIOLATION })).toEqual([]);
  });
});

describe("hogli's chain checks on the script (IsolationChainCheck 1 and 2)", () => {
  it("has 'backend:contract-check' but facade/api.py has no function definitions", async () => {
    const findings = await lint({ isolated: true, sealed: true, scripts: WITH_SCRIPT, backend: { "facade/api.py": "from ..logic import get_thing\n" } });
    expect(ids(findings)).toEqual(["emptyFacade"]);
  });

  it("has 'backend:contract-check' but no tach interfaces", async () => {
    expect(ids(await lint({ isolated: true, scripts: WITH_SCRIPT }))).toEqual(["noTachInterface"]);
  });

  it("an api.py that does not parse is no real facade (a suggestion removes the script)", async () => {
    const findings = await lint({ isolated: true, sealed: true, scripts: WITH_SCRIPT, backend: { "facade/api.py": "def get_thing(:\n    pass\n" } });
    expect(ids(findings)).toEqual(["unparsableFacade"]);
  });
});

// --- the real case: PostHog's feature_flags (contracts.py, a facade with functions, no tach leak, 7 deferred routes entries)

beforeEach(() => clearRepoIndexCache());

const FLAGS = path.join(fixturePath("product-repo"), "products", "feature_flags", "package.json");
const flags = (scripts: Record<string, string>): string => `${JSON.stringify({ name: "@posthog/products-feature-flags", scripts }, null, 4)}\n`;

packageJsonRuleTester("product-repo").run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [{ name: "a product whose routes wave pyproject.toml still defers is not asked for the script", filename: FLAGS, code: flags({ "backend:test": PYTEST_BACKEND }) }],
  invalid: [
    {
      name: "…and must not carry it: the fix removes it",
      filename: FLAGS,
      code: flags({ "backend:test": PYTEST_BACKEND, "backend:contract-check": WITH_SCRIPT["backend:contract-check"] }),
      output: flags({ "backend:test": PYTEST_BACKEND }),
      errors: [
        {
          message: 'Remove "backend:contract-check": 7 ignore_imports entries of pyproject.toml (from line 32) defer the presentation wave of "feature_flags".',
          line: 5,
          column: 9,
        },
      ],
    },
  ],
});
