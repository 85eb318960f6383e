import fs from "node:fs";
import path from "node:path";
import { beforeEach } from "vitest";
import { clearRepoIndexCache } from "../../src/project/index.js";
import rule from "../../src/rules/facade-handouts.js";
import { ASSERTIONS, fixturePath, pythonRuleTester } from "../support/helpers.js";

const RULE = "facade-handouts";
const TREE = "product-repo";
const file = (relative: string): string => path.join(fixturePath(TREE), ...relative.split("/"));
const read = (relative: string): string => fs.readFileSync(file(relative), "utf8");

beforeEach(() => clearRepoIndexCache());

pythonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "a facade of functions returning contracts", filename: file("products/surveys/backend/facade/api.py"), code: read("products/surveys/backend/facade/api.py") },
    { name: "a file outside the facade", filename: file("products/replay/backend/logic.py"), code: read("products/replay/backend/logic.py") },
    {
      name: "a re-exporting api.py of a product with the script is contract-check-consistency's finding",
      filename: file("products/replay/backend/facade/api.py"),
      code: read("products/replay/backend/facade/api.py"),
    },
    {
      name: "a class the carveOuts option sanctions",
      filename: file("products/replay/backend/facade/queries.py"),
      code: read("products/replay/backend/facade/queries.py"),
      options: [{ carveOuts: { replay: ["RecordingQuery"] }, modelCrossings: {}, decoupledGarages: {}, permanentInterfaceExempt: [] }],
    },
  ],
  invalid: [
    {
      name: "a facade api.py that only re-exports (no script yet)",
      filename: file("products/metrics/backend/facade/api.py"),
      code: read("products/metrics/backend/facade/api.py"),
      errors: [{ message: "facade/api.py defines no function: a real facade converts models to contracts instead of re-exporting them.", line: 1, column: 1 }],
    },
    {
      name: "an internal class handed out while the skip is not narrowed, reported on its import",
      filename: file("products/replay/backend/facade/queries.py"),
      code: read("products/replay/backend/facade/queries.py"),
      errors: [
        {
          message: "The facade hands out RecordingQuery from backend/logic.py: narrowing the contract check stays blocked. Move it to facade/contracts.py or a wiring location.",
          line: 1,
          column: 21,
          endColumn: 35,
        },
      ],
    },
  ],
});
