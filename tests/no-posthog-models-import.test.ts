import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";
import rule from "../src/rules/no-posthog-models-import.js";
import { fixturePath, pythonRuleTester } from "./helpers.js";

const tester = pythonRuleTester("python-repo");
const logic = fixturePath("python-repo", "products/surveys/backend/logic.py");
const flagsLogic = fixturePath("python-repo", "products/feature_flags/backend/logic.py");

const move = (name: string, module: string, from = "posthog.models") =>
  `Import ${name} from its product: ${module} (not ${from}).`;
const FLAGS = "products.feature_flags.backend.models";
const EXPERIMENTS = "products.experiments.backend.models";

tester.run("no-posthog-models-import", rule as never, {
  valid: [
    { filename: logic, code: "from posthog.models import Team, User, Organization\n" },
    { filename: logic, code: `from ${FLAGS} import FeatureFlag\nfrom ${EXPERIMENTS} import Experiment as Exp\n` },
    { filename: logic, code: "import posthog.models\n\nteam = posthog.models.Team()\n" },
    { filename: logic, code: "from posthog.models import *\n" },
    { filename: logic, code: "from posthog.models.utils import uuid7, UUIDModel\n" },
    // The legacy re-export site itself is allowed by default...
    { filename: fixturePath("python-repo", "posthog/models/__init__.py"), code: "from posthog.models.feature_flag import FeatureFlag\n" },
    // ...and other sites can be allowed with the option.
    {
      filename: fixturePath("python-repo", "posthog/api/legacy.py"),
      code: "from posthog.models import FeatureFlag\n",
      options: [{ allowedPaths: ["posthog/api/"] }],
    },
    // Broken statements are skipped, not guessed at.
    { filename: logic, code: "from posthog.models import (FeatureFlag,\n" },
  ],
  invalid: [
    {
      name: "single product name: only the module is rewritten",
      filename: logic,
      code: "from posthog.models import FeatureFlag\n",
      output: `from ${FLAGS} import FeatureFlag\n`,
      errors: [{ message: move("FeatureFlag", FLAGS), line: 1, column: 28, endLine: 1, endColumn: 39 }],
    },
    {
      name: "submodule of posthog.models, alias and trailing comment kept",
      filename: logic,
      code: "from posthog.models.feature_flag import FeatureFlag as Flag  # noqa: F401\n",
      output: `from ${FLAGS} import FeatureFlag as Flag  # noqa: F401\n`,
      errors: [{ message: move("FeatureFlag", FLAGS, "posthog.models.feature_flag"), line: 1, column: 41, endColumn: 60 }],
    },
    {
      name: "core names stay, two products give two imports, the comment stays on the original line",
      filename: logic,
      code: "from posthog.models import Team, FeatureFlag as Flag, Experiment  # noqa: F401\n\nprint(Team, Flag, Experiment)\n",
      output: `from posthog.models import Team  # noqa: F401\nfrom ${FLAGS} import FeatureFlag as Flag\nfrom ${EXPERIMENTS} import Experiment\n\nprint(Team, Flag, Experiment)\n`,
      errors: [
        { message: move("FeatureFlag", FLAGS), line: 1, column: 34 },
        { message: move("Experiment", EXPERIMENTS), line: 1, column: 55 },
      ],
    },
    {
      name: "parenthesised multi-line import inside a function keeps indentation and per-name comments",
      filename: logic,
      code: [
        "def flags_for(team_id):",
        "    from posthog.models import (",
        "        FeatureFlag,  # the flag itself",
        "        Team,",
        "        Experiment as Exp",
        "    )",
        "",
        "    return FeatureFlag.objects.filter(team_id=team_id)",
        "",
      ].join("\n"),
      output: [
        "def flags_for(team_id):",
        "    from posthog.models import (",
        "        Team,",
        "    )",
        `    from ${FLAGS} import (`,
        "        FeatureFlag,  # the flag itself",
        "    )",
        `    from ${EXPERIMENTS} import (`,
        "        Experiment as Exp,",
        "    )",
        "",
        "    return FeatureFlag.objects.filter(team_id=team_id)",
        "",
      ].join("\n"),
      errors: [
        { message: move("FeatureFlag", FLAGS), line: 3, column: 9 },
        { message: move("Experiment", EXPERIMENTS), line: 5, column: 9 },
      ],
    },
    {
      name: "a comment after `import (`: moved names keep their own comments (regression: the import was not seen as parenthesised)",
      filename: logic,
      code: "from posthog.models import (  # noqa: F401\n    FeatureFlag,  # the flag itself\n    Team,\n)\n",
      output: `from posthog.models import (  # noqa: F401\n    Team,\n)\nfrom ${FLAGS} import (\n    FeatureFlag,  # the flag itself\n)\n`,
      errors: [{ message: move("FeatureFlag", FLAGS), line: 2, column: 5 }],
    },
    {
      name: "every name moves, to two products: the statement's own comments stay (regression: it was replaced whole)",
      filename: logic,
      code: "from posthog.models import (  # noqa: F401\n    # models of other products\n    FeatureFlag,  # the flag\n    Experiment,\n)  # end\n",
      output: `from ${FLAGS} import (  # noqa: F401\n    # models of other products\n    FeatureFlag,  # the flag\n)  # end\nfrom ${EXPERIMENTS} import (\n    Experiment,\n)\n`,
      errors: [
        { message: move("FeatureFlag", FLAGS), line: 3 },
        { message: move("Experiment", EXPERIMENTS), line: 4 },
      ],
    },
    {
      name: "every name to one product: the parenthesised statement keeps its layout",
      filename: logic,
      code: "from posthog.models import (\n    FeatureFlag,\n    FeatureFlagHashKeyOverride,\n)\n",
      output: `from ${FLAGS} import (\n    FeatureFlag,\n    FeatureFlagHashKeyOverride,\n)\n`,
      errors: [
        { message: move("FeatureFlag", FLAGS), line: 2 },
        { message: move("FeatureFlagHashKeyOverride", FLAGS), line: 3 },
      ],
    },
    {
      name: "every name moves, to two products: the statement is replaced by two",
      filename: logic,
      code: "if True:\n    from posthog.models import FeatureFlag, Experiment\n",
      output: `if True:\n    from ${FLAGS} import FeatureFlag\n    from ${EXPERIMENTS} import Experiment\n`,
      errors: [
        { message: move("FeatureFlag", FLAGS), line: 2 },
        { message: move("Experiment", EXPERIMENTS), line: 2 },
      ],
    },
    {
      name: "CRLF line endings are kept",
      filename: logic,
      code: "from posthog.models import Team, FeatureFlag\r\nx = 1\r\n",
      output: `from posthog.models import Team\r\nfrom ${FLAGS} import FeatureFlag\r\nx = 1\r\n`,
      errors: [{ message: move("FeatureFlag", FLAGS), line: 1, column: 34 }],
    },
    {
      name: "a statement after a semicolon gets its new import after a semicolon",
      filename: logic,
      code: "import os; from posthog.models import Team, FeatureFlag\n",
      output: `import os; from posthog.models import Team; from ${FLAGS} import FeatureFlag\n`,
      errors: [{ message: move("FeatureFlag", FLAGS), line: 1, column: 45 }],
    },
    {
      name: "import from a re-export module",
      filename: logic,
      code: "from products.feature_flags.models import FeatureFlag\n",
      output: `from ${FLAGS} import FeatureFlag\n`,
      errors: [
        {
          message: `Import FeatureFlag from ${FLAGS}, where it is defined (products.feature_flags.models is a re-export module).`,
          line: 1,
          column: 43,
        },
      ],
    },
    {
      name: "relative import that resolves to the re-export module",
      filename: flagsLogic,
      code: "from ..models import FeatureFlag\n",
      output: `from ${FLAGS} import FeatureFlag\n`,
      errors: [
        {
          message: `Import FeatureFlag from ${FLAGS}, where it is defined (..models is a re-export module).`,
          line: 1,
          column: 22,
        },
      ],
    },
    {
      name: "a name no app defines, through a re-export module: reported without a fix",
      filename: logic,
      code: "from products.feature_flags.models import get_flag\n",
      output: null,
      errors: [
        {
          message:
            "products.feature_flags.models is a re-export module: import get_flag from the module that defines it (products.feature_flags.backend.models for its models).",
          line: 1,
          column: 43,
        },
      ],
    },
    {
      name: "a model defined in two products is reported without a fix",
      filename: logic,
      code: "from posthog.models import Annotation\n",
      output: null,
      errors: [
        {
          message: "Annotation is defined in several products (experiments, surveys): import it from the one you mean (not posthog.models).",
          line: 1,
          column: 28,
        },
      ],
    },
    {
      name: "the re-export module file itself",
      filename: fixturePath("python-repo", "products/feature_flags/models.py"),
      code: `# Legacy shim kept for old imports.\nfrom ${FLAGS} import FeatureFlag  # noqa: F401\n`,
      output: null,
      errors: [
        {
          message:
            "products/feature_flags/models.py is a re-export module for product models: import them from products.feature_flags.backend.models and delete this file.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 36,
        },
      ],
    },
  ],
});

describe("robustness (found by the property tests)", () => {
  const linter = new Linter({ configType: "flat" });
  const config = [
    {
      files: ["**/*.py"],
      plugins: { "posthog-products": plugin as never },
      language: "posthog-products/python",
      settings: { "posthog-products": { root: fixturePath("python-repo") } },
      rules: { "posthog-products/no-posthog-models-import": "error" as const },
    },
  ];

  it("does not overflow the stack on deeply nested code (the import collector was recursive)", () => {
    const code = `from posthog.models import FeatureFlag\nx = ${"(".repeat(20_000)}1${")".repeat(20_000)}\ny = ${"[".repeat(20_000)}\n`;
    const messages = linter.verify(code, config, logic);
    expect(messages.map((message) => message.message)).toEqual([move("FeatureFlag", FLAGS)]);
  });

  it("a huge import: only the first report carries the (shared) fix, which still moves every name", () => {
    const names = Array.from({ length: 3000 }, (_, i) => `    FeatureFlag as F${i},`);
    const code = `from posthog.models import (\n${names.join("\n")}\n    Team,\n)\n`;
    const messages = linter.verify(code, config, logic);
    expect(messages).toHaveLength(3000);
    expect(messages.filter((message) => message.fix)).toHaveLength(1);
    const { output } = linter.verifyAndFix(code, config, logic);
    expect(output).toBe(`from posthog.models import (\n    Team,\n)\nfrom ${FLAGS} import (\n${names.join("\n")}\n)\n`);
  });
});
