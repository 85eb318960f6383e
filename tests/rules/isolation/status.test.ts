/** hogli's isolation status (isolation.py) computed from the index: its test_checks.py cases, one for one. */
import { afterAll, describe, expect, it } from "vitest";
import { buildRepoIndex } from "../../../src/project/build-index.js";
import { GARAGE_PREFIXES } from "../../../src/project/conventions.js";
import { DEFAULT_REGISTRIES, type IsolationRegistries } from "../../../src/rules/isolation/registries.js";
import { deferredEntries, isolationStatus } from "../../../src/rules/isolation/status.js";
import { hogliProduct, type HogliProduct } from "../../support/hogli-products.js";
import { TempTrees, type Files } from "../../support/product-trees.js";

const trees = new TempTrees("isolation-status");
afterAll(() => trees.cleanup());

function statusOf(options: HogliProduct, more: Files = {}, registries: Partial<IsolationRegistries> = {}) {
  const name = options.name ?? "my_product";
  const { index } = buildRepoIndex(trees.tree({ ...hogliProduct({ isolated: true, scripts: { "backend:test": "pytest backend/" }, ...options }), ...more }));
  return isolationStatus(index, index.products.get(name)!, true, { ...DEFAULT_REGISTRIES, ...registries });
}

/** A permanent-interface block of tach.toml for `products.<name>` exposing `modules` (`backend.sql`). */
const permanentBlock = (name: string, modules: string[]): string =>
  `# isolation:permanent-interface\n[[interfaces]]\nexpose = [${modules.map((module) => JSON.stringify(`${module.replace(/\./gu, "\\.")}.*`)).join(", ")}]\nfrom = ["products.${name}"]\n`;

describe("hogli TestPermanentInterfaceQualification", () => {
  const unqualified = (migration: string, schema: string, marked: string[], name = "foo"): string[] =>
    statusOf({ name, tach: permanentBlock(name, marked) }, { "posthog/clickhouse/migrations/0001_x.py": migration, "posthog/clickhouse/schema.py": schema }).unqualifiedPermanent;

  it.each([
    ["from products.foo.backend.sql import CREATE_X", "", ["backend.sql"], []],
    ["", "from products.foo.backend.sql import CREATE_X", ["backend.sql"], []],
    ["from products.foo.backend.sql.tables import CREATE_X", "", ["backend.sql"], []],
    ["", "", ["backend.models"], ["backend.models"]],
    ["from products.foo.backend.sql_extra import CREATE_X", "", ["backend.sql"], ["backend.sql"]],
    ["from products.foo.backend import sql", "", ["backend.sql"], []],
    ["from products.foo.backend import models\nsql = 1", "", ["backend.sql"], ["backend.sql"]],
    ["# depends on products.foo.backend.models\nimport datetime", "", ["backend.models"], ["backend.models"]],
    ['TABLE_SQL = "see products.foo.backend.models"', "", ["backend.models"], ["backend.models"]],
  ])("test_qualification: migration %j, schema %j, marked %j → %j", (migration, schema, marked, expected) => {
    expect(unqualified(migration, schema, marked)).toEqual(expected);
  });

  it("test_exempt_product_skips_qualification", () => {
    expect(unqualified("", "", ["backend.models"], "warehouse_sources")).toEqual([]);
  });
});

describe("hogli TestUnwatchedGarages", () => {
  const FACADE = "backend/facade/**";
  it.each([
    ["tasks/tasks.py", [FACADE], ["backend/tasks/"]],
    ["tasks/tasks.py", [FACADE, "backend/tasks/**"], []],
    ["tasks/tasks.py", undefined, []],
    ["tasks.py", [FACADE], ["backend/tasks.py"]],
    ["tasks.py", [FACADE, "backend/tasks.py"], []],
    ["tasks/tasks.py", [FACADE, "backend/tasks.py"], ["backend/tasks/"]],
    ["tasks/tasks.py", [FACADE, "backend/tasks_extra/**"], ["backend/tasks/"]],
    ["tasks.py", [FACADE, "backend/tasks.py.bak"], ["backend/tasks.py"]],
  ])("test_present_garage_coverage: %s, inputs %j → %j", (garage, turboInputs, expected) => {
    expect(statusOf({ backend: { [garage]: "" }, ...(turboInputs ? { turboInputs } : {}) }).unwatchedGarages).toEqual(expected);
  });

  it("test_decoupled_garage_is_exempt_for_its_product_only", () => {
    const decoupledGarages = { my_product: ["backend/tasks/"] };
    const of = (name: string) => statusOf({ name, backend: { "tasks/tasks.py": "" }, turboInputs: [FACADE] }, {}, { decoupledGarages }).unwatchedGarages;
    expect(of("my_product")).toEqual([]);
    expect(of("other_product")).toEqual(["backend/tasks/"]);
  });
});

describe("hogli TestStaleDecoupledGarages", () => {
  const decoupledGarages = { my_product: ["backend/tasks/"] };
  it.each([
    ["my_product", { "tasks/tasks.py": "" }, ["backend/facade/**"], []],
    ["my_product", { "tasks/tasks.py": "" }, ["backend/facade/**", "backend/tasks/**"], ["backend/tasks/"]],
    ["my_product", {}, ["backend/facade/**"], ["backend/tasks/"]],
    ["other_product", { "tasks/tasks.py": "" }, ["backend/facade/**", "backend/tasks/**"], []],
    ["other_product", {}, ["backend/facade/**"], []],
  ])("test_declaration_must_describe_reality: %s, %j, inputs %j → %j", (name, backend, turboInputs, expected) => {
    expect(statusOf({ name, backend, turboInputs }, {}, { decoupledGarages }).staleDecoupled).toEqual(expected);
  });
});

describe("hogli TestStaleDecoupledGarages (the registry)", () => {
  it("test_registry_entries_name_real_products_and_garages: every default entry names a wiring location (the products are PostHog's)", () => {
    for (const locations of Object.values(DEFAULT_REGISTRIES.decoupledGarages)) {
      for (const location of locations) expect(GARAGE_PREFIXES).toContain(location);
    }
  });
});

describe("hogli's presentation bypass entries (module-level tests)", () => {
  const IGNORE_IMPORTS = [
    "products.**.backend.presentation.** -> products.**.backend.facade.**",
    "products.logs.backend.presentation.views.api -> products.logs.backend.runner",
    "products.logs.backend.presentation.views.alerts_api -> products.logs.backend.models",
    "products.tracing.backend.presentation.views -> products.tracing.backend.logic",
    "products.**.backend.routes -> products.**.backend.presentation.**",
    "products.tracing.backend.routes -> products.tracing.backend.api",
  ];

  it("test_presentation_bypass_entries", () => {
    expect(deferredEntries(IGNORE_IMPORTS, "logs")).toHaveLength(2);
    expect(deferredEntries(IGNORE_IMPORTS, "tracing")).toHaveLength(2);
    expect(deferredEntries(IGNORE_IMPORTS, "wizard")).toHaveLength(0);
  });
});
