import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { clearRepoIndexCache } from "../../src/project/index.js";
import rule from "../../src/rules/valid-tach-toml.js";
import { ASSERTIONS, configFileRuleTester, fixturePath } from "../support/helpers.js";

/**
 * The tach-repo fixture: error_tracking, experiments and visual_review are isolated (facade
 * contracts); feature_flags and surveys are not; web_analytics has no Python file but
 * `__init__.py` files; `_template` is the scaffold's folder, not a product.
 */
const TREE = "tach-repo";
const FILE = fixturePath(TREE, "tach.toml");
const TACH = fs.readFileSync(FILE, "utf8");

/** The fixture's tach.toml with text replaced (each `from` must occur). */
function edited(...replacements: [string, string][]): string {
  let text = TACH;
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`not in tach.toml: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

const CANONICAL = '"products\\\\.(error_tracking|experiments|visual_review)"';

configFileRuleTester("toml", TREE).run("valid-tach-toml", rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "the fixture's tach.toml: every module, sorted canonical alternation, a legacy block apart", filename: FILE, code: TACH },
    {
      name: "an isolated product named by its own block, not in the alternation, is tolerated",
      filename: FILE,
      code: edited([CANONICAL, '"products\\\\.(error_tracking|experiments)"']) + '\n[[interfaces]]\nexpose = ["backend\\\\.facade.*"]\nfrom = ["products.visual_review"]\n',
    },
    {
      name: "an interfaces key of the module block counts as its interface",
      filename: FILE,
      code: edited([CANONICAL, '"products\\\\.(error_tracking|experiments)"'], ['path = "products.visual_review"', 'path = "products.visual_review"\ninterfaces = ["backend.facade"]']),
    },
    {
      name: "depends_on entries as inline tables with a path",
      filename: FILE,
      code: edited(['depends_on = ["posthog", "products.feature_flags"]', 'depends_on = [{ path = "posthog" }, { path = "products.feature_flags", deprecated = true }]']),
    },
    { name: "a TOML file other than tach.toml is left alone", filename: fixturePath(TREE, "pyproject.toml"), code: '[[interfaces]]\nexpose = ["backend.*"]\nfrom = ["products.x"]\n' },
    {
      name: "a block without expose is not read (as hogli's parser skips it)",
      filename: FILE,
      code: `${TACH}\n[[interfaces]]\nfrom = ["products.ghost"]\n`,
    },
  ],
  invalid: [
    {
      name: "a product with Python files and no [[modules]] block (full message), at the start of the file",
      filename: FILE,
      code: edited(['[[modules]]\npath = "products.surveys"\ndepends_on = ["posthog"]\n\n', ""]),
      errors: [{ message: 'Product "surveys" has Python files but no [[modules]] block: add one with path = "products.surveys".', line: 1, column: 1 }],
    },
    {
      name: "an isolated product without an interface (full message), at its module's path",
      filename: FILE,
      code: edited([CANONICAL, '"products\\\\.(error_tracking|experiments)"']),
      errors: [
        {
          message: 'Isolated product "visual_review" has no tach interface: add an [[interfaces]] block with from = ["products.visual_review"].',
          line: 26,
          column: 8,
          endLine: 26,
          endColumn: 32,
        },
      ],
    },
    {
      name: "an unsorted canonical alternation (full message): the fix sorts it as written",
      filename: FILE,
      code: edited([CANONICAL, '"products\\\\.(visual_review|error_tracking|experiments)"']),
      output: TACH,
      errors: [{ message: 'The canonical alternation is not sorted alphabetically: write "error_tracking|experiments|visual_review".', line: 36, column: 5 }],
    },
    {
      name: "an unsorted alternation with spaces and a literal string: sorted, spaces dropped",
      filename: FILE,
      code: edited([CANONICAL, "'products\\.(visual_review | error_tracking|experiments)'"]),
      output: edited([CANONICAL, "'products\\.(error_tracking|experiments|visual_review)'"]),
      errors: [{ messageId: "unsortedAlternation", data: { expected: "error_tracking|experiments|visual_review" }, line: 36, column: 5 }],
    },
    {
      name: "a canonical alternation naming a product that does not exist (full message)",
      filename: FILE,
      code: edited([CANONICAL, '"products\\\\.(error_tracking|experiments|replay|visual_review)"']),
      errors: [
        { message: 'The canonical alternation lists "replay" but products/replay/ does not exist: remove the stale entry.', line: 36, column: 5 },
        { messageId: "danglingInterface", data: { product: "replay" }, line: 36, column: 5 },
      ],
    },
    {
      name: "a canonical alternation naming a product that is not isolated (full message)",
      filename: FILE,
      code: edited([CANONICAL, '"products\\\\.(error_tracking|experiments|surveys|visual_review)"']),
      errors: [
        {
          message: 'The canonical alternation lists "surveys", which has no backend/facade/contracts.py: add contracts.py or remove the entry.',
          line: 36,
          column: 5,
        },
      ],
    },
    {
      name: "an unparseable from pattern in a canonical block (full message, as written)",
      filename: FILE,
      code: edited([CANONICAL, '"products\\\\.error_tracking\\\\..*"'], ['from = ["products.experiments"]', 'from = ["products.experiments"]\n\n[[interfaces]]\nexpose = ["backend\\\\.facade.*"]\nfrom = ["products.experiments", "products.visual_review"]']),
      errors: [
        { messageId: "missingInterface", data: { product: "error_tracking" }, line: 10, column: 8 },
        {
          message: 'Canonical [[interfaces]] block: unparseable from pattern "products\\\\.error_tracking\\\\..*"; write "products.<name>" or "products\\\\.(name1|name2|...)".',
          line: 36,
          column: 5,
        },
      ],
    },
    {
      name: "a block mixing facade and internal exposes (full message), at its expose key",
      filename: FILE,
      code: edited(['expose = ["backend\\\\.models.*"]', 'expose = ["backend\\\\.facade.*", "backend\\\\.models.*"]']),
      errors: [
        {
          message: "[[interfaces]] for experiments mixes facade/presentation exposes with internal ones: split the block or remove the facade patterns.",
          line: 41,
          column: 1,
          endLine: 41,
          endColumn: 7,
        },
      ],
    },
    {
      name: "an overly broad expose (full message, as written)",
      filename: FILE,
      code: edited(['expose = ["backend\\\\.models.*"]', 'expose = ["backend\\\\..*"]']),
      errors: [
        {
          message: '[[interfaces]] for experiments exposes "backend\\\\..*", which is overly broad: enumerate specific submodules instead.',
          line: 41,
          column: 11,
        },
      ],
    },
    {
      name: "a block named by patterns of no product is labelled with the patterns",
      filename: FILE,
      code: `${TACH}\n[[interfaces]]\nexpose = ["backend.*"]\nfrom = ["posthog\\\\.api"]\n`,
      errors: [{ messageId: "overlyBroadExpose", data: { label: "posthog\\.api", pattern: "backend.*" }, line: 45, column: 11 }],
    },
    {
      name: "an interface of a product without a [[modules]] block (full message)",
      filename: FILE,
      code: `${TACH}\n[[interfaces]]\nexpose = ["backend\\\\.models.*"]\nfrom = ["products.web_analytics"]\n`,
      errors: [
        {
          message: '[[interfaces]] references "products.web_analytics" but no [[modules]] block has that path: a dangling interface declaration.',
          line: 46,
          column: 9,
        },
      ],
    },
    {
      name: "a dependency on no declared module (full message), with a did-you-mean suggestion",
      filename: FILE,
      code: edited(['depends_on = ["posthog", "products.feature_flags"]', 'depends_on = ["posthog", "products.feature_flag"]']),
      errors: [
        {
          message: '[[modules]] "products.experiments" depends on "products.feature_flag" but no [[modules]] block has that path: a dangling dependency.',
          line: 15,
          column: 26,
          suggestions: [{ messageId: "useModule", data: { module: "products.feature_flags" }, output: TACH }],
        },
      ],
    },
    {
      name: "a dependency far from every module: no suggestion",
      filename: FILE,
      code: edited(['path = "posthog"\ndepends_on = [', 'path = "posthog"\ndepends_on = ["ee", ']),
      errors: [{ messageId: "danglingDependency", data: { module: "posthog", dependency: "ee" }, line: 7, column: 15, suggestions: [] }],
    },
  ],
});

// --- hogli's test_checks.py, case for case ------------------------------------------------------
//
// hogli runs each validator of `validate_tach_toml` alone and asserts its issues; this rule runs
// them all on the file. Each case below builds hogli's tree, lints hogli's tach.toml with the
// rule, and compares the messages of the validator under test (their message ids) with hogli's
// expectation. Messages of the other validators are the other test classes' business.

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "valid-tach-toml-"));
afterAll(() => {
  clearRepoIndexCache();
  fs.rmSync(tempRoot, { recursive: true, force: true });
});
let trees = 0;

/**
 * hogli's `_mkproduct` for each product: `products/<n>/__init__.py`, `backend/__init__.py`, and
 * `facade/contracts.py` when isolated. Plus an empty `products/db_routing.yaml`: how the plugin
 * recognises a repository root when no product has an apps.py or package.json.
 */
function hogliTree(products: Record<string, "isolated" | "lenient">): string {
  const root = path.join(tempRoot, `tree-${trees++}`);
  fs.mkdirSync(path.join(root, "products"), { recursive: true });
  fs.writeFileSync(path.join(root, "products", "db_routing.yaml"), "");
  for (const [name, mode] of Object.entries(products)) {
    const backend = path.join(root, "products", name, "backend");
    fs.mkdirSync(path.join(backend, "facade"), { recursive: true });
    fs.writeFileSync(path.join(root, "products", name, "__init__.py"), "");
    fs.writeFileSync(path.join(backend, "__init__.py"), "");
    if (mode === "isolated") fs.writeFileSync(path.join(backend, "facade", "contracts.py"), "");
  }
  return root;
}

const VALIDATORS = {
  alternation: ["unparseableFrom", "unsortedAlternation", "staleMissing", "staleNotIsolated"],
  blocks: ["mixedExposes", "overlyBroadExpose"],
  references: ["danglingInterface", "danglingDependency"],
} as const;

/** The messages of one validator for `tach` in `root`, as `[messageId, message]`. */
function issues(root: string, tach: string, validator: keyof typeof VALIDATORS): { messageId: string; message: string; fix?: string }[] {
  const ids: readonly string[] = VALIDATORS[validator];
  const messages = new Linter({ configType: "flat", cwd: root }).verify(
    tach,
    [
      {
        files: ["**/*.toml"],
        plugins: { "posthog-products": plugin },
        language: "posthog-products/toml",
        settings: { "posthog-products": { root } },
        rules: { "posthog-products/valid-tach-toml": "error" },
      },
    ],
    path.join(root, "tach.toml"),
  );
  return messages
    .filter((message) => ids.includes(message.messageId ?? ""))
    .map((message) => ({ messageId: message.messageId!, message: message.message, ...(message.fix ? { fix: message.fix.text } : {}) }));
}

/** hogli's `_CANONICAL_BLOCK`: facade and views from `products\\.(alpha|beta)`, two backslashes on disk. */
const CANONICAL_BLOCK = '[[interfaces]]\nexpose = ["backend\\\\.facade.*", "backend\\\\.presentation\\\\.views.*"]\nfrom = ["products\\\\.(alpha|beta)"]\n';

describe("hogli's TestValidateFacadeAlternation (test_validate), case for case", () => {
  it("empty_tach: no products, an empty tach.toml", () => {
    expect(issues(hogliTree({}), "", "alternation")).toEqual([]);
  });

  it("legacy_only_block_silent: a legacy block of an isolated product is not canonical", () => {
    const tach = '[[interfaces]]\nexpose = ["backend\\\\.models.*"]\nfrom = ["products.alpha"]\n';
    expect(issues(hogliTree({ alpha: "isolated" }), tach, "alternation")).toEqual([]);
  });

  it("clean_alternation: both listed products exist and are isolated", () => {
    expect(issues(hogliTree({ alpha: "isolated", beta: "isolated" }), CANONICAL_BLOCK, "alternation")).toEqual([]);
  });

  it("stale_entry_missing_on_disk: beta is listed but products/beta/ does not exist", () => {
    const found = issues(hogliTree({ alpha: "isolated" }), CANONICAL_BLOCK, "alternation");
    expect(found.map((issue) => issue.messageId)).toEqual(["staleMissing"]);
    expect(found[0]!.message).toContain("beta");
    expect(found[0]!.message).toContain("does not exist");
  });

  it("stale_entry_not_isolated: beta is listed but has no contracts.py", () => {
    const found = issues(hogliTree({ alpha: "isolated", beta: "lenient" }), CANONICAL_BLOCK, "alternation");
    expect(found.map((issue) => issue.messageId)).toEqual(["staleNotIsolated"]);
    expect(found[0]!.message).toContain("beta");
    expect(found[0]!.message).toContain("contracts.py");
  });

  it("on_disk_single_name_form_parses: from `products\\\\.alpha` names alpha", () => {
    const tach = '[[interfaces]]\nexpose = ["backend\\\\.facade.*", "backend\\\\.presentation\\\\.views.*"]\nfrom = ["products\\\\.alpha"]\n';
    expect(issues(hogliTree({ alpha: "isolated" }), tach, "alternation")).toEqual([]);
  });

  it("isolated_but_not_in_alternation_is_tolerated: gamma is isolated and not listed", () => {
    expect(issues(hogliTree({ alpha: "isolated", beta: "isolated", gamma: "isolated" }), CANONICAL_BLOCK, "alternation")).toEqual([]);
  });
});

describe("hogli's TestValidateInterfaceBlocks (test_blocks), case for case", () => {
  const block = (...expose: string[]): string => `[[interfaces]]\nexpose = [${expose.map((pattern) => JSON.stringify(pattern)).join(", ")}]\nfrom = ["products.x"]\n`;
  const root = hogliTree({});
  const cases: [string, string[], string | null][] = [
    ["pure_facade", ["backend\\.facade.*", "backend\\.presentation\\.views.*"], null],
    ["pure_legacy", ["backend\\.models.*", "backend\\.logic.*"], null],
    ["mixed_facade_internal", ["backend\\.facade.*", "backend\\.models.*"], "mixes facade/presentation"],
    ["mixed_presentation_internal", ["backend\\.presentation\\.views.*", "backend\\.models.*"], "mixes facade/presentation"],
    ["broad_raw", ["backend.*"], "overly broad"],
    ["broad_tach_regex", ["backend\\..*"], "overly broad"],
    ["broad_globstar", ["backend\\.**"], "overly broad"],
    ["specific_submodule", ["backend\\.models.*"], null],
    ["facade_plus_routes", ["backend\\.facade.*", "backend\\.routes.*"], null],
  ];
  it.each(cases)("%s", (_name, expose, expected) => {
    const found = issues(root, block(...expose), "blocks");
    if (expected === null) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toContain(expected);
    }
  });
});

describe("hogli's TestValidateTachReferences (test_references), case for case", () => {
  const root = hogliTree({});
  const module = (name: string, ...dependsOn: string[]): string => `[[modules]]\npath = "${name}"\ndepends_on = [${dependsOn.map((dep) => `"${dep}"`).join(", ")}]\n\n`;
  const iface = (from: string): string => `[[interfaces]]\nexpose = ["backend\\\\.facade.*"]\nfrom = ["${from}"]\n\n`;

  it("clean_interface: module alpha and an interface from products.alpha", () => {
    expect(issues(root, module("products.alpha") + iface("products.alpha"), "references")).toEqual([]);
  });

  it("dangling_interface: an interface from products.ghost", () => {
    const found = issues(root, module("products.alpha") + iface("products.ghost"), "references");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("products.ghost");
    expect(found[0]!.message).toContain("dangling interface");
  });

  it("dangling_depends_on: alpha depends on products.ghost", () => {
    const found = issues(root, module("products.alpha", "products.ghost"), "references");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("products.ghost");
    expect(found[0]!.message).toContain("dangling dependency");
  });

  it("clean_depends_on: beta depends on alpha", () => {
    expect(issues(root, module("products.alpha") + module("products.beta", "products.alpha"), "references")).toEqual([]);
  });

  it("both_dangling: a dangling dependency and a dangling interface", () => {
    const found = issues(root, module("products.a", "products.missing_dep") + iface("products.missing_iface"), "references");
    expect(found.map((issue) => issue.messageId).sort()).toEqual(["danglingDependency", "danglingInterface"]);
    expect(found.some((issue) => issue.message.includes("products.missing_dep") && issue.message.includes("dangling dependency"))).toBe(true);
    expect(found.some((issue) => issue.message.includes("products.missing_iface") && issue.message.includes("dangling interface"))).toBe(true);
  });
});

describe("hogli's TestAlternationSorting, case for case", () => {
  const root = hogliTree({ alpha: "isolated", beta: "isolated" });

  it("test_sorted_passes: products\\\\.(alpha|beta)", () => {
    expect(issues(root, CANONICAL_BLOCK, "alternation")).toEqual([]);
  });

  it("test_unsorted_fails: (beta|alpha), fixed to (alpha|beta)", () => {
    const found = issues(root, CANONICAL_BLOCK.replace("alpha|beta", "beta|alpha"), "alternation");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("not sorted");
    expect(found[0]!.fix).toBe("alpha|beta");
  });
});
