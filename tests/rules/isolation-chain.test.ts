import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { clearRepoIndexCache } from "../../src/project/index.js";
import rule from "../../src/rules/isolation-chain.js";
import { ASSERTIONS, fixturePath, packageJsonRuleTester, turboJsonRuleTester } from "../support/helpers.js";
import { chainFiles, hogliProduct, NARROWED_TURBO, NARROWED_TURBO_WITH_ROUTES, VIOLATION, WITH_SCRIPT, type HogliProduct } from "../support/hogli-products.js";
import { lintTree, TempTrees, type Finding } from "../support/product-trees.js";

const RULE = "isolation-chain";
const TREE = "product-repo";
const file = (relative: string): string => path.join(fixturePath(TREE), ...relative.split("/"));
const SURVEYS_TURBO = fs.readFileSync(file("products/surveys/turbo.json"), "utf8");
const turbo = (inputs: string[], more = ""): string =>
  `{\n    "tasks": {\n        "backend:contract-check": {\n            "inputs": [\n${inputs.map((input) => `                ${JSON.stringify(input)}`).join(",\n")}\n            ]${more}\n        }\n    }\n}\n`;

beforeEach(() => clearRepoIndexCache());

turboJsonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "a sealed product narrowed to its facade, presentation and model surface (comments allowed)", filename: file("products/surveys/turbo.json"), code: SURVEYS_TURBO },
    { name: "a turbo.json without the contract-check task, for a product without the script", filename: file("products/notebooks/turbo.json"), code: '{ "extends": ["//"] }' },
    { name: "a turbo.json outside a product folder is not looked at", filename: file("turbo.json"), code: turbo(["backend/facade/**"]) },
  ],
  invalid: [
    {
      name: "the model surface left out: the fix adds its globs to the inputs",
      filename: file("products/surveys/turbo.json"),
      code: turbo(["backend/facade/**", "backend/presentation/**"]),
      output: turbo(["backend/facade/**", "backend/presentation/**", "backend/models.py", "backend/migrations/**"]),
      errors: [
        {
          message: "The narrowing omits the model surface (backend/models.py, backend/migrations/**): models and migrations are reached without imports. Add it.",
          line: 4,
          column: 23,
          endLine: 7,
          endColumn: 14,
        },
      ],
    },
    {
      name: "a trailing comma (JSONC) stays where the inputs end",
      filename: file("products/surveys/turbo.json"),
      code: '{"tasks": {"backend:contract-check": {"inputs": ["backend/facade/**", "backend/models.py",]}}}',
      output: '{"tasks": {"backend:contract-check": {"inputs": ["backend/facade/**", "backend/models.py", "backend/migrations/**",]}}}',
      errors: [{ messageId: "modelSurfaceUnwatched", data: { globs: "backend/migrations/**" } }],
    },
    {
      name: "a sealed, eligible product with the script but no narrowing: the skip is inert",
      filename: file("products/surveys/turbo.json"),
      code: turbo(["backend/**"]),
      errors: [{ message: "The product is sealed and eligible, but turbo.json does not narrow the contract-check inputs to the facade/presentation: the skip is inert.", line: 4 }],
    },
    {
      name: "a narrowing without the script and without a real facade: a suggestion removes the dead override",
      filename: file("products/notebooks/turbo.json"),
      code: `{\n    "tasks": {\n        "backend:test": {},\n        "backend:contract-check": { "inputs": ["backend/facade/**", "backend/migrations/**", "backend/models.py"] }\n    }\n}\n`,
      errors: [
        {
          message: 'turbo.json narrows "backend:contract-check", but package.json has no such script: the override is dead config.',
          line: 4,
          column: 47,
          suggestions: [{ messageId: "removeOverride", data: {}, output: `{\n    "tasks": {\n        "backend:test": {}\n    }\n}\n` }],
        },
        { message: "The narrowing skips the Django suite for internal changes, but backend/facade/api.py defines no function: the facade is no boundary.", line: 4 },
      ],
    },
  ],
});

packageJsonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "a narrowed product: its package.json carries nothing", filename: file("products/surveys/package.json"), code: fs.readFileSync(file("products/surveys/package.json"), "utf8") },
    { name: "an eligible product without the script is not told to narrow", filename: file("products/logs/package.json"), code: '{"scripts": {"backend:test": "pytest backend/tests"}}' },
  ],
  invalid: [
    {
      name: "without a turbo.json, the inert skip is reported on the script",
      filename: file("products/logs/package.json"),
      code: fs.readFileSync(file("products/logs/package.json"), "utf8"),
      errors: [{ messageId: "inert", data: {}, line: 5, column: 9, endColumn: 33 }],
    },
  ],
});

// --- hogli's test_checks.py, case for case ------------------------------------------------------------

const trees = new TempTrees(RULE);
afterAll(() => trees.cleanup());

/** Lints a hogli product with the chain rule (and facade-handouts, which carries hogli's chain warnings). */
async function chain(options: HogliProduct, ruleOptions: unknown[] = []): Promise<Finding[]> {
  const files = hogliProduct({ isolated: true, scripts: WITH_SCRIPT, sealed: true, ...options });
  return lintTree(trees.tree(files), { [RULE]: ruleOptions, "facade-handouts": ruleOptions }, chainFiles(files, options.name));
}
const issues = (findings: Finding[]): Finding[] => findings.filter((finding) => finding.rule === RULE);
const warnings = (findings: Finding[]): Finding[] => findings.filter((finding) => finding.rule === "facade-handouts");
const containing = (findings: Finding[], text: string): Finding[] => findings.filter((finding) => finding.message.includes(text));

describe("hogli TestIsolationChainTurnOn", () => {
  it("test_eligible_with_script_but_no_narrowed_turbo_fails (no turbo.json: on the package.json's script)", async () => {
    const found = containing(issues(await chain({})), "inert");
    expect(found.map((finding) => finding.file)).toEqual(["products/my_product/package.json"]);
  });

  it("test_eligible_with_narrowed_turbo_passes", async () => {
    expect(issues(await chain({ turboInputs: NARROWED_TURBO }))).toEqual([]);
  });

  it("test_eligible_without_script_is_not_nagged_to_narrow_turbo", async () => {
    expect(containing(issues(await chain({ scripts: { "backend:test": WITH_SCRIPT["backend:test"] } })), "inert")).toEqual([]);
  });

  it("test_not_externally_sealed_does_not_demand_turbo", async () => {
    expect(containing(issues(await chain({ sealed: false })), "inert")).toEqual([]);
  });
});

describe("hogli TestIsolationChainRoutes", () => {
  it("test_narrowed_with_routes_not_in_inputs_fails", async () => {
    const found = containing(issues(await chain({ backend: { "routes.py": "" }, turboInputs: NARROWED_TURBO })), "routes.py");
    expect(found.map((finding) => finding.file)).toEqual(["products/my_product/turbo.json"]);
  });

  it("test_narrowed_with_routes_in_inputs_passes", async () => {
    expect(issues(await chain({ backend: { "routes.py": "" }, turboInputs: NARROWED_TURBO_WITH_ROUTES }))).toEqual([]);
  });

  it("test_narrowed_with_routes_package_dir_not_in_inputs_fails", async () => {
    expect(containing(issues(await chain({ backend: { "routes/": "" }, turboInputs: NARROWED_TURBO })), "backend/routes/**")).toHaveLength(1);
  });

  it("test_narrowed_without_routes_module_is_not_demanded", async () => {
    expect(containing(issues(await chain({ turboInputs: NARROWED_TURBO })), "routes.py")).toEqual([]);
  });

  it("test_unnarrowed_with_routes_is_not_demanded", async () => {
    expect(containing(issues(await chain({ backend: { "routes.py": "" } })), "routes.py")).toEqual([]);
  });
});

describe("hogli TestWatchedModelsAllowance (the chain)", () => {
  const TABLE = { "facade/models.py": "from ..models.table import Table\n__all__ = ['Table']\n", "models/__init__.py": "", "models/table.py": "class Table:\n    pass\n", "migrations/": "" };
  const allowance = [{ modelCrossings: { my_product: ["Table"] } }];

  it("test_chain_check_narrows_with_standing_warning_when_surface_watched", async () => {
    const findings = await chain({ backend: TABLE, turboInputs: ["backend/facade/**", "backend/models/**", "backend/migrations/**"] }, allowance);
    expect(issues(findings)).toEqual([]);
    expect(warnings(findings).map((finding) => [finding.messageId, finding.severity])).toEqual([["modelCrossing", 2]]);
    expect(warnings(findings)[0]!.message).toContain("modelCrossings allowance");
  });

  it("test_chain_check_blocks_when_surface_omitted", async () => {
    const found = containing(issues(await chain({ backend: TABLE, turboInputs: ["backend/facade/**", "backend/models/**"] }, allowance)), "model surface");
    expect(found.map((finding) => [finding.file, finding.message.includes("backend/migrations/")])).toEqual([["products/my_product/turbo.json", true]]);
  });

  it.each([
    [["backend/facade/**"], ["backend/models.py, backend/migrations/**"]],
    [["backend/facade/**", "backend/models.py"], ["backend/migrations/**"]],
    [["backend/facade/**", "backend/models.py", "backend/migrations/**"], []],
  ])("test_chain_check_requires_the_model_surface_without_an_allowance: %j", async (turboInputs, globs) => {
    const found = containing(issues(await chain({ backend: { "models.py": "class Table:\n    pass\n", "migrations/": "" }, turboInputs })), "model surface");
    expect(found.map((finding) => /\(([^)]*)\)/u.exec(finding.message)![1])).toEqual(globs);
  });
});

describe("hogli TestIsolationChainWiringGate", () => {
  it("test_narrowed_facade_violation_blocks", async () => {
    expect(containing(containing(issues(await chain({ backend: VIOLATION, turboInputs: NARROWED_TURBO })), "Thing"), "wiring location")).toHaveLength(1);
  });

  it("test_unnarrowed_facade_violation_warns_and_suppresses_the_narrowing_nag", async () => {
    const findings = await chain({ backend: VIOLATION });
    expect(containing(containing(warnings(findings), "Thing"), "narrowing the contract check stays blocked")).toHaveLength(1);
    expect(containing(issues(findings), "Thing")).toEqual([]);
    expect(containing(issues(findings), "inert")).toEqual([]);
  });

  it("test_narrowed_unwatched_garage_blocks", async () => {
    const found = containing(issues(await chain({ backend: { "tasks/tasks.py": "" }, turboInputs: NARROWED_TURBO })), "backend/tasks/");
    expect(containing(found, "wiring location")).toHaveLength(1);
  });
});

describe("hogli TestPermanentInterfaceQualification (the chain)", () => {
  it("test_unqualified_exposure_blocks_isolation_chain (on the package.json: tach.toml is another rule's file)", async () => {
    const tach = '# isolation:permanent-interface\n[[interfaces]]\nexpose = ["backend\\\\.models.*"]\nfrom = ["products.my_product"]\n';
    const found = containing(issues(await chain({ tach })), "ClickHouse migration or schema imports");
    expect(found.map((finding) => finding.file)).toEqual(["products/my_product/package.json"]);
  });
});
