/**
 * hogli's PackageJsonScriptsCheck presence/absence of `backend:contract-check` and the chain's
 * script checks (test_checks.py), case for case, on the rule contract-check-consistency.
 */
import { afterAll, describe, expect, it } from "vitest";
import { hogliProduct, VIOLATION, WITH_SCRIPT, type HogliProduct } from "../support/hogli-products.js";
import { lintTree, TempTrees, type Finding } from "../support/product-trees.js";

const RULE = "contract-check-consistency";
const trees = new TempTrees(`${RULE}-hogli`);
afterAll(() => trees.cleanup());

const PYTEST_BACKEND = "pytest -c ../../pytest.ini --rootdir ../.. backend/ -v --tb=short";

async function lint(options: HogliProduct): Promise<Finding[]> {
  const files = hogliProduct({ backend: { "tests/test_api.py": "" }, ...options });
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
