/**
 * The classes a facade hands out (hogli's wiring doctrine, isolation.py), read by the index, and
 * their split into leaks, carve-outs and model crossings: hogli's test_checks.py, case for case.
 */
import { afterAll, describe, expect, it } from "vitest";
import { buildRepoIndex } from "../../src/project/build-index.js";
import { DEFAULT_REGISTRIES } from "../../src/rules/isolation/registries.js";
import { isolationStatus } from "../../src/rules/isolation/status.js";
import { TempTrees, type Files } from "../support/product-trees.js";

const trees = new TempTrees("facade-handouts");
afterAll(() => trees.cleanup());

/** hogli's `_write_facade_product`: facade/contracts.py, the facade files, and backend-relative sources. */
function facadeProduct(facadeFiles: Files, sources: Files, name = "my_product") {
  const product = `products/${name}`;
  const files: Files = { [`${product}/package.json`]: "{}", [`${product}/backend/facade/contracts.py`]: "" };
  for (const [file, text] of Object.entries(facadeFiles)) files[`${product}/backend/facade/${file}`] = text;
  for (const [file, text] of Object.entries(sources)) files[`${product}/backend/${file}`] = text;
  const { index } = buildRepoIndex(trees.tree(files));
  return { index, product: index.products.get(name)! };
}

const handedOut = (facadeFiles: Files, sources: Files): string[] => facadeProduct(facadeFiles, sources).product.facadeHandouts.map((handout) => handout.className);

const THING = { "logic.py": "class Thing:\n    pass\n" };
const BUILD = "\n\ndef build():\n    return Thing()\n";

describe("hogli TestFacadeClassImports", () => {
  it.each([
    ["a re-exported class with __all__", { "queries.py": "from ..logic import Thing\n__all__ = ['Thing']\n" }, THING, ["Thing"]],
    [
      "a class from a wiring location (garage)",
      { "queries.py": "from ..hogql_queries.runner import Runner\n__all__ = ['Runner']\n" },
      { "hogql_queries/runner.py": "class Runner:\n    pass\n" },
      [],
    ],
    ["a function", { "helpers.py": "from ..logic import do_it\n__all__ = ['do_it']\n" }, { "logic.py": "def do_it():\n    pass\n" }, []],
    ["a core class", { "queries.py": "from posthog.models import Team\n__all__ = ['Team']\n" }, {}, []],
    ["a TYPE_CHECKING import", { "queries.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from ..logic import Thing\n" }, THING, []],
    ["a function-bearing module without __all__", { "api2.py": `from ..logic import Thing${BUILD}` }, THING, []],
    ["a function-bearing module listing it in __all__", { "api2.py": `from ..logic import Thing\n__all__ = ['Thing', 'build']${BUILD}` }, THING, ["Thing"]],
    ["the self-alias idiom", { "api2.py": `from ..logic import Thing as Thing${BUILD}` }, THING, ["Thing"]],
    ["a private alias", { "api2.py": `from ..logic import Thing as _Thing${BUILD.replace("Thing()", "_Thing()")}` }, THING, []],
    ["a PEP 562 lazy map", { "lazy.py": "_LAZY = {'Thing': 'logic'}\n\n\ndef __getattr__(name):\n    return name\n" }, THING, ["Thing"]],
    [
      "one relative import away from the source",
      { "queries.py": "from ..logic import Thing\n__all__ = ['Thing']\n" },
      { "logic/__init__.py": "from .impl import Thing\n", "logic/impl.py": "class Thing:\n    pass\n" },
      ["Thing"],
    ],
  ])("test_detection: %s", (_, facadeFiles, sources, expected) => {
    expect(handedOut(facadeFiles, sources)).toEqual(expected);
  });

  const TEAM_EXTENSION = { "team_extension.py": "from ..models.tcac import TeamCustomerAnalyticsConfig\n__all__ = ['TeamCustomerAnalyticsConfig']\n" };
  const TCAC = { "models/__init__.py": "", "models/tcac.py": "class TeamCustomerAnalyticsConfig:\n    pass\n" };

  it("test_carveout_is_not_a_violation_but_is_tracked_for_coverage", () => {
    const { index, product } = facadeProduct(TEAM_EXTENSION, TCAC, "customer_analytics");
    const status = isolationStatus(index, product, true);
    expect(status.facadeLeaks).toEqual([]);
    expect(status.carveOutModules).toEqual(["backend/models/tcac.py"]);
  });

  it("test_carveout_class_is_an_ordinary_violation_for_a_product_that_does_not_own_it", () => {
    const { index, product } = facadeProduct(TEAM_EXTENSION, TCAC, "unrelated_product");
    expect(isolationStatus(index, product, true).facadeLeaks.map((leak) => leak.className)).toEqual(["TeamCustomerAnalyticsConfig"]);
  });
});

describe("hogli TestWatchedModelsAllowance", () => {
  const reexport = (className: string, source = "models/table.py") => ({
    facade: { "models.py": `from ..${source.replace(/\.py$/u, "").replace(/\//gu, ".")} import ${className}\n__all__ = ['${className}']\n` },
    sources: { [source]: `class ${className}:\n    pass\n` },
  });
  const split = (name: string, className: string, source?: string) => {
    const { facade, sources } = reexport(className, source);
    const { index, product } = facadeProduct(facade, sources, name);
    const status = isolationStatus(index, product, true, DEFAULT_REGISTRIES);
    return { leaks: status.facadeLeaks.map((leak) => leak.className), crossings: status.modelCrossings.map((crossing) => crossing.className) };
  };

  it("test_model_reexport_is_a_tracked_crossing_not_a_leak_for_an_allowance_product", () => {
    expect(split("warehouse_sources", "DataWarehouseTable")).toEqual({ leaks: [], crossings: ["DataWarehouseTable"] });
  });

  it("test_model_reexport_stays_a_violation_for_a_product_not_on_the_allowance_list", () => {
    expect(split("unrelated_product", "DataWarehouseTable")).toEqual({ leaks: ["DataWarehouseTable"], crossings: [] });
  });

  it("test_unlisted_class_stays_a_violation_on_an_allowance_product", () => {
    expect(split("warehouse_sources", "BrandNewModel")).toEqual({ leaks: ["BrandNewModel"], crossings: [] });
  });

  it("test_allowance_is_scoped_to_the_model_package", () => {
    expect(split("warehouse_sources", "Engine", "logic/engine.py")).toEqual({ leaks: ["Engine"], crossings: [] });
  });
});
