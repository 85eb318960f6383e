import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { clearRepoIndexCache } from "../../src/project/index.js";
import rule from "../../src/rules/product-yaml.js";
import { ASSERTIONS, configFileRuleTester, fixturePath, packageJsonRuleTester, pythonRuleTester } from "../support/helpers.js";
import { lintTree, TempTrees, type Finding } from "../support/product-trees.js";

const RULE = "product-yaml";
const TREE = "product-repo";
const file = (relative: string): string => path.join(fixturePath(TREE), ...relative.split("/"));
const YAML = file("products/surveys/product.yaml");

beforeEach(() => clearRepoIndexCache());

configFileRuleTester("yaml", TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "a name and owners", filename: YAML, code: "name: Surveys\nowners:\n    - team-surveys\n" },
    { name: "a flow list of owners, a comment", filename: YAML, code: "# Owned by two teams\nname: Surveys\nowners: [team-surveys, team-growth]\n" },
    { name: "db_routing.yaml is not a product.yaml", filename: file("products/db_routing.yaml"), code: "routes: []\n" },
  ],
  invalid: [
    {
      name: "the scaffold's placeholder owner, reported on it",
      filename: YAML,
      code: "name: Surveys\nowners:\n    - team-surveys\n    - team-CHANGEME\n",
      errors: [{ message: 'The owner is still the scaffold\'s "team-CHANGEME": name the real owning team.', line: 4, column: 7, endColumn: 20 }],
    },
    {
      name: "no name: reported on the mapping",
      filename: YAML,
      code: "owners:\n    - team-surveys\n",
      errors: [{ message: 'product.yaml has no "name": give the product its name (a non-empty string).', line: 1, column: 1 }],
    },
    {
      name: "a name that is not a string: reported on it",
      filename: YAML,
      code: "name: 42\nowners: [team-surveys]\n",
      errors: [{ messageId: "missingName", data: {}, line: 1, column: 1, endColumn: 9 }],
    },
    {
      name: "empty owners",
      filename: YAML,
      code: "name: Surveys\nowners: []\n",
      errors: [{ message: 'product.yaml has no "owners": list the teams that own this product.', line: 2, column: 1 }],
    },
    {
      name: "owners that are not a list of strings",
      filename: YAML,
      code: "name: Surveys\nowners:\n    - team: surveys\n",
      errors: [{ message: '"owners" must be a list of strings (GitHub team slugs).', line: 2, column: 1 }],
    },
    { name: "a list, not a mapping", filename: YAML, code: "- name\n- owners\n", errors: [{ message: "product.yaml must be a mapping (name, owners), not list.", line: 1, column: 1 }] },
  ],
});

packageJsonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [{ name: "a product with a product.yaml", filename: file("products/surveys/package.json"), code: "{}" }],
  invalid: [
    {
      name: "a product without product.yaml: reported in its package.json",
      filename: file("products/web-vitals/package.json"),
      code: '{"name": "@posthog/products-web-vitals"}',
      errors: [{ message: 'Product "web-vitals" has no product.yaml: add one with its name and owners (who owns this product?).', line: 1, column: 2 }],
    },
  ],
});

pythonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [{ name: "a product without package.json but with product.yaml", filename: file("products/links/backend/apps.py"), code: "" }],
  invalid: [],
});

// --- hogli's test_checks.py, case for case ------------------------------------------------------------

const trees = new TempTrees(RULE);
afterAll(() => trees.cleanup());

/** hogli's `test_product` (with backend/), with this product.yaml (none when undefined). */
async function check(text?: string): Promise<Finding[]> {
  const product = "products/test_product";
  const files: Record<string, string> = { [`${product}/backend/`]: "", [`${product}/package.json`]: "{}" };
  if (text !== undefined) files[`${product}/product.yaml`] = text;
  return lintTree(trees.tree(files), { [RULE]: [] }, [`${product}/package.json`, ...(text !== undefined ? [`${product}/product.yaml`] : [])]);
}
const ids = (findings: Finding[]): string[] => findings.map((finding) => finding.messageId || finding.rule);

describe("hogli TestProductYamlCheck", () => {
  it("test_missing_file", async () => expect(ids(await check())).toEqual(["missingProductYaml"]));
  it("test_valid_yaml", async () => expect(await check("name: My product\nowners: [team-foo]\n")).toEqual([]));
  it("test_invalid_yaml (the YAML language's parse error)", async () => expect(ids(await check("name: [\ninvalid"))).toEqual(["(parser)"]));
  it("test_non_dict_yaml", async () => expect(ids(await check("- a\n- b\n"))).toEqual(["notMapping"]));
  it("an empty file is not a mapping either (NoneType)", async () => expect((await check(""))[0]!.message).toContain("not NoneType"));
  it("test_missing_name", async () => expect(ids(await check("owners: [team-foo]\n"))).toEqual(["missingName"]));
  it("test_missing_owners", async () => expect(ids(await check("name: My product\n"))).toEqual(["missingOwners"]));
  it("test_owners_must_be_list", async () => expect(ids(await check("name: My product\nowners: team-foo\n"))).toEqual(["ownersNotStrings"]));
  it("test_owners_must_be_strings", async () => expect(ids(await check("name: My product\nowners: [123]\n"))).toEqual(["ownersNotStrings"]));
  it("test_name_must_be_string", async () => expect(ids(await check("name: 42\nowners: [team-foo]\n"))).toEqual(["missingName"]));
});
