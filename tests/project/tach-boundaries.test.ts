import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { clearRepoIndexCache, getRepoIndex, type RepoIndex } from "../../src/project/index.js";
import { fixturePath } from "../support/helpers.js";
import { tempTree } from "../support/temp-tree.js";

const indexOf = (root: string): RepoIndex => getRepoIndex(path.join(root, "products", "x.py"), { cwd: root })!;

beforeEach(() => clearRepoIndexCache());

describe("tach.toml beyond the interface patterns", () => {
  it("reads module paths (path and paths), source roots and the interfaces' from, visibility, exclusive and data_types", () => {
    const tach = indexOf(fixturePath("isolation-repo")).tach;
    expect(tach.modulePaths).toEqual([
      "<root>",
      "posthog",
      "ee",
      "products.alerts",
      "products.error_tracking",
      "products.notebooks",
      "products.tasks",
      "products.visual_review",
      "products.experiments",
      "products.feature_flags",
    ]);
    expect(tach.sourceRoots).toEqual(["."]);
    expect(tach.ignoreTypeCheckingImports).toBe(true);
    expect(tach.interfaces.map(({ from, fromPatterns, visibility, exclusive, dataTypes }) => ({ from, fromPatterns, visibility, exclusive, dataTypes }))).toEqual([
      { from: ["products\\.(alerts|error_tracking|notebooks|visual_review)"], fromPatterns: ["products\\.(alerts|error_tracking|notebooks|visual_review)"], visibility: undefined, exclusive: false, dataTypes: "all" },
      { from: ["products.experiments"], fromPatterns: ["products.experiments"], visibility: undefined, exclusive: false, dataTypes: "all" },
      { from: ["products.error_tracking"], fromPatterns: ["products.error_tracking"], visibility: ["ee"], exclusive: false, dataTypes: "all" },
    ]);
  });

  it("defaults `from` to every module, leaves glob module paths out, and reads source roots and ignore_type_checking_imports", () => {
    const root = tempTree({
      "tach.toml": [
        'source_roots = ["src/", "./lib"]',
        "ignore_type_checking_imports = false",
        "[[modules]]",
        'path = "libs.**"',
        "[[modules]]",
        'path = "core"',
        "[[interfaces]]",
        'expose = ["types.*"]',
        "[[interfaces]]",
        'expose = ["x"]',
        "from = []",
        "exclusive = true",
        "",
      ].join("\n"),
    });
    const tach = indexOf(root).tach;
    expect(tach.modulePaths).toEqual(["core"]);
    expect(tach.sourceRoots).toEqual(["src", "lib"]);
    expect(tach.ignoreTypeCheckingImports).toBe(false);
    expect(tach.interfaces.map((block) => [block.from, block.fromPatterns, block.exclusive])).toEqual([
      [[], [".*"], false],
      [[], [], true],
    ]);
  });

  it("reads the data-type facts of the module files adopted by a primitive interface", () => {
    const root = tempTree({
      "tach.toml": [
        "[[modules]]",
        'path = "core"',
        "[[modules]]",
        'path = "other"',
        "[[interfaces]]",
        'expose = ["get_.*", "LIMIT", "RATE", "Thing", "first", "second", "variadic"]',
        'from = ["core"]',
        'data_types = "primitive"',
        "",
      ].join("\n"),
      "core/__init__.py": [
        "LIMIT: int = 10",
        "RATE = 0.5",
        "def get_data(team_id: int, name: 'str') -> dict:",
        "    return {}",
        "def get_model(team_id: int) -> Model:",
        "    pass",
        "def get_untyped(team_id) -> int:",
        "    return 1",
        "def get_list(ids: list[int]) -> list:",
        "    return ids",
        "def get_nothing(team_id: int):",
        "    pass",
        "def variadic(*args: Model, key: str = '', **kwargs: Model) -> bool:",
        "    return True",
        "first = second = 1",
        "class Thing:",
        "    pass",
        "def helper() -> int:",
        "    return 1",
        "",
      ].join("\n"),
      "other.py": "def get_data() -> Model:\n    pass\n",
    });
    expect(indexOf(root).tach.dataTypeMembers).toEqual({
      core: {
        LIMIT: true,
        RATE: false,
        get_data: true,
        get_model: false,
        get_untyped: false,
        get_list: false,
        get_nothing: false,
        variadic: true,
        first: false,
        second: false,
      },
    });
  });

  it("reports an expose or from pattern that is not a valid regex, on its line", () => {
    const root = tempTree({ "tach.toml": '[[interfaces]]\nexpose = [\n  "backend\\\\.facade.*",\n  "backend\\\\.(logic",\n]\nfrom = ["products.x"]\n' });
    expect(indexOf(root).problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^tach\.toml:4:1: Invalid regex in `expose`: "backend\\\\\.\(logic" \(.*Unterminated group.*\)\.$/u)]);
  });
});
