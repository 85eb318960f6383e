import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { clearRepoIndexCache, getRepoIndex, type RepoIndex } from "../../src/project/index.js";
import { fixturePath } from "../support/helpers.js";
import { tempTree } from "../support/temp-tree.js";

const indexOf = (root: string): RepoIndex => getRepoIndex(path.join(root, "products", "x.py"), { cwd: root })!;

beforeEach(() => clearRepoIndexCache());

describe("[tool.importlinter] of pyproject.toml", () => {
  it("reads the session options and every contract, with the lines of the ignore_imports entries", () => {
    const root = fixturePath("isolation-repo");
    const config = indexOf(root).importLinter;
    expect(config).toMatchObject({
      file: path.join(root, "pyproject.toml"),
      present: true,
      rootPackages: ["products"],
      includeExternalPackages: true,
      excludeTypeCheckingImports: false,
    });
    expect(config.contracts.map(({ name, type, line }) => ({ name, type, line }))).toEqual([
      { name: "presentation must use facade", type: "forbidden", line: 16 },
      { name: "routes must only import presentation", type: "forbidden", line: 32 },
      { name: "facade must not import presentation or DRF", type: "forbidden", line: 46 },
    ]);
    const [presentation, , facade] = config.contracts;
    expect(presentation).toMatchObject({
      sourceModules: ["products.*.backend.presentation"],
      forbiddenModules: ["products.*.backend"],
      asPackages: true,
      allowIndirectImports: true,
      layers: [],
      containers: [],
    });
    expect(presentation!.ignoreImports).toEqual([
      { importer: "products.**.backend.presentation.**", imported: "products.**.backend.facade.**", text: "products.**.backend.presentation.** -> products.**.backend.facade.**", line: 26 },
      { importer: "products.**.backend.presentation.**", imported: "products.**.backend.presentation.**", text: "products.**.backend.presentation.** -> products.**.backend.presentation.**", line: 27 },
      { importer: "products.alerts.backend.presentation.views", imported: "products.alerts.backend.models", text: "products.alerts.backend.presentation.views -> products.alerts.backend.models", line: 29 },
    ]);
    expect(facade!.forbiddenModules).toEqual(["products.*.backend.presentation", "rest_framework"]);
    expect(facade!.ignoreImports).toEqual([{ importer: "products.tasks.backend.facade.api", imported: "rest_framework", text: "products.tasks.backend.facade.api -> rest_framework", line: 56 }]);
  });

  it("reads layers and independence contracts, inline contracts, string booleans and root_package", () => {
    const root = tempTree({
      "pyproject.toml": [
        "[tool.importlinter]",
        'root_package = "mypackage"',
        'exclude_type_checking_imports = "True"',
        "contracts = [",
        '  { name = "layered", type = "layers", layers = ["api", "logic | tasks", "(models)"], containers = ["mypackage.a", "mypackage.b"], as_packages = "false" },',
        '  { id = "indep", name = "independent", type = "independence", modules = ["mypackage.one", "mypackage.two"] },',
        "]",
        "",
      ].join("\n"),
    });
    const config = indexOf(root).importLinter;
    expect(config.rootPackages).toEqual(["mypackage"]);
    expect(config.excludeTypeCheckingImports).toBe(true);
    expect(config.contracts).toEqual([
      expect.objectContaining({ name: "layered", type: "layers", line: 4, layers: ["api", "logic | tasks", "(models)"], containers: ["mypackage.a", "mypackage.b"], asPackages: false }),
      expect.objectContaining({ id: "indep", name: "independent", type: "independence", line: 4, modules: ["mypackage.one", "mypackage.two"], asPackages: true }),
    ]);
  });

  it("is absent without pyproject.toml or without the section", () => {
    expect(indexOf(tempTree({})).importLinter).toMatchObject({ present: false, contracts: [] });
    const withoutSection = tempTree({ "pyproject.toml": '[project]\nname = "x"\n' });
    expect(indexOf(withoutSection).importLinter).toMatchObject({ present: false, contracts: [] });
    expect(indexOf(withoutSection).problems).toEqual([]);
  });

  it("reports invalid TOML, invalid module expressions and malformed ignore entries on their lines, and keeps the rest", () => {
    const invalid = tempTree({ "pyproject.toml": '[tool.importlinter]\nroot_packages = ["products"\n' });
    expect(indexOf(invalid).problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^pyproject\.toml:3:1: Invalid TOML: /u)]);
    expect(indexOf(invalid).importLinter.present).toBe(false);

    const root = tempTree({
      "pyproject.toml": [
        "[tool.importlinter]",
        'root_packages = ["products"]',
        "",
        "[[tool.importlinter.contracts]]",
        'name = "c"',
        'type = "forbidden"',
        'source_modules = ["products.*.backend.routes", "products.x*"]',
        'forbidden_modules = ["products.*.backend"]',
        "ignore_imports = [",
        '    "products.a.backend.routes -> products.a.backend.api",',
        '    "products.a.backend.routes products.a.backend.views",',
        '    "products.a.backend.routes -> products..api",',
        "]",
        "",
      ].join("\n"),
    });
    const index = indexOf(root);
    expect(index.problems.map((problem) => problem.message)).toEqual([
      'pyproject.toml:7:1: Invalid module expression in `source_modules`: "products.x*".',
      'pyproject.toml:11:1: Invalid `ignore_imports` entry "products.a.backend.routes products.a.backend.views": expected `importer -> imported` module expressions.',
      'pyproject.toml:12:1: Invalid `ignore_imports` entry "products.a.backend.routes -> products..api": expected `importer -> imported` module expressions.',
    ]);
    expect(index.importLinter.contracts[0]).toMatchObject({
      sourceModules: ["products.*.backend.routes"],
      ignoreImports: [{ importer: "products.a.backend.routes", imported: "products.a.backend.api", line: 10 }],
    });
  });
});
