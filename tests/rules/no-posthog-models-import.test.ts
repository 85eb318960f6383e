import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../src/rules/no-posthog-models-import.js";
import { ASSERTIONS, fixturePath, pythonRuleConfig, pythonRuleTester } from "../support/helpers.js";

const RULE = "no-posthog-models-import";
const tester = pythonRuleTester("python-repo");

/** A module of the surveys product (app "surveys"), and one of feature_flags, next to its `models.py` re-export module. */
const logic = fixturePath("python-repo", "products/surveys/backend/logic.py");
const flagsLogic = fixturePath("python-repo", "products/feature_flags/backend/logic.py");

/** feature_flags defines its models in a module; experiments in a package whose __init__ imports some of them. */
const FLAGS = "products.feature_flags.backend.models";
const EXPERIMENTS = "products.experiments.backend.models";
/** ExperimentSavedMetric: defined in experiments' models package, not imported by its __init__. */
const SAVED_METRIC = "products.experiments.backend.models.saved_metric";
/** SAVED_METRIC as a message too long for it shows it: the longest value is shortened to fit 160 characters. */
const SAVED_METRIC_SHORTENED = "products.experiments.backend.models.…";

/** A `moveImport` error on a name written `written` (the name, or `Name as Alias`) at line:column. */
function moved(name: string, module: string, line: number, column: number, written = name, from = "posthog.models") {
  return { messageId: "moveImport", data: { name, module, from }, line, column, endLine: line, endColumn: column + written.length };
}

function reexported(name: string, module: string, from: string, line: number, column: number) {
  return { messageId: "reexportImport", data: { name, module, from }, line, column, endLine: line, endColumn: column + name.length };
}

const lines = (...text: string[]): string => text.join("\n");

tester.run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "core models (Team, User, Organization) stay in posthog.models", filename: logic, code: "from posthog.models import Team, User, Organization\n" },
    {
      name: "product models imported from their products",
      filename: logic,
      code: `from ${FLAGS} import FeatureFlag\nfrom ${EXPERIMENTS} import Experiment as Exp\nfrom ${SAVED_METRIC} import ExperimentSavedMetric\n`,
    },
    { name: "a plain `import posthog.models`", filename: logic, code: "import posthog.models\n\nteam = posthog.models.Team()\n" },
    { name: "a star import", filename: logic, code: "from posthog.models import *\n" },
    { name: "names of posthog.models that are no product model", filename: logic, code: "from posthog.models.utils import uuid7, UUIDModel\n" },
    {
      name: "the legacy re-export site posthog/models/ is allowed by default",
      filename: fixturePath("python-repo", "posthog/models/__init__.py"),
      code: "from posthog.models.feature_flag import FeatureFlag\n",
    },
    {
      name: "allowedPaths allows other sites",
      filename: fixturePath("python-repo", "posthog/api/legacy.py"),
      code: "from posthog.models import FeatureFlag\n",
      options: [{ allowedPaths: ["posthog/api/"] }],
    },
    {
      name: "generated migrations are not reported",
      filename: fixturePath("python-repo", "products/surveys/backend/migrations/0002_x.py"),
      code: "from posthog.models import FeatureFlag\nfrom products.feature_flags.models import FeatureFlagHashKeyOverride\n",
    },
    {
      name: "a broken statement is skipped, not guessed at (non-strict parsing)",
      filename: logic,
      code: "from posthog.models import (FeatureFlag,\n",
      languageOptions: { strict: false },
    },
  ],
  invalid: [
    // Messages, destinations and names.
    {
      name: "a product model from posthog.models: the statement's module is rewritten",
      filename: logic,
      code: "from posthog.models import FeatureFlag\n",
      output: `from ${FLAGS} import FeatureFlag\n`,
      errors: [
        {
          message: "Import FeatureFlag from its product, products.feature_flags.backend.models, not posthog.models.",
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 39,
        },
      ],
    },
    {
      name: "a model the models package's __init__ does not import is imported from its defining module",
      filename: logic,
      code: "from posthog.models import ExperimentSavedMetric\n",
      output: `from ${SAVED_METRIC} import ExperimentSavedMetric\n`,
      errors: [moved("ExperimentSavedMetric", SAVED_METRIC, 1, 28)],
    },
    {
      name: "a model the models package's __init__ imports is imported from the package",
      filename: logic,
      code: "from posthog.models import ExperimentSavedMetric, Experiment\n",
      output: `from ${SAVED_METRIC} import ExperimentSavedMetric\nfrom ${EXPERIMENTS} import Experiment\n`,
      errors: [moved("ExperimentSavedMetric", SAVED_METRIC, 1, 28), moved("Experiment", EXPERIMENTS, 1, 51)],
    },
    {
      name: "a submodule of posthog.models: the alias and the trailing comment are kept",
      filename: logic,
      code: "from posthog.models.feature_flag import FeatureFlag as Flag  # noqa: F401\n",
      output: `from ${FLAGS} import FeatureFlag as Flag  # noqa: F401\n`,
      errors: [moved("FeatureFlag", FLAGS, 1, 41, "FeatureFlag as Flag", "posthog.models.feature_flag")],
    },
    {
      name: "core names stay; names of two products get a statement each, after the flagged one; the comment stays on its line",
      filename: logic,
      code: "from posthog.models import Team, FeatureFlag as Flag, Experiment  # noqa: F401\n\nprint(Team, Flag, Experiment)\n",
      output: `from posthog.models import Team  # noqa: F401\nfrom ${FLAGS} import FeatureFlag as Flag\nfrom ${EXPERIMENTS} import Experiment\n\nprint(Team, Flag, Experiment)\n`,
      errors: [moved("FeatureFlag", FLAGS, 1, 34, "FeatureFlag as Flag"), moved("Experiment", EXPERIMENTS, 1, 55)],
    },
    {
      name: "an import inside a function: a parenthesised multi-line statement keeps its indentation and per-name comments",
      filename: logic,
      code: lines(
        "def flags_for(team_id):",
        "    from posthog.models import (",
        "        FeatureFlag,  # the flag itself",
        "        Team,",
        "        Experiment as Exp",
        "    )",
        "",
        "    return FeatureFlag.objects.filter(team_id=team_id)",
        "",
      ),
      output: lines(
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
      ),
      errors: [moved("FeatureFlag", FLAGS, 3, 9), moved("Experiment", EXPERIMENTS, 5, 9, "Experiment as Exp")],
    },
    {
      name: "a comment after `import (`: the statement is parenthesised and moved names keep their own comments",
      filename: logic,
      code: "from posthog.models import (  # noqa: F401\n    FeatureFlag,  # the flag itself\n    Team,\n)\n",
      output: `from posthog.models import (  # noqa: F401\n    Team,\n)\nfrom ${FLAGS} import (\n    FeatureFlag,  # the flag itself\n)\n`,
      errors: [moved("FeatureFlag", FLAGS, 2, 5)],
    },
    {
      name: "every name to one product: the parenthesised statement keeps its layout",
      filename: logic,
      code: "from posthog.models import (\n    FeatureFlag,\n    FeatureFlagHashKeyOverride,\n)\n",
      output: `from ${FLAGS} import (\n    FeatureFlag,\n    FeatureFlagHashKeyOverride,\n)\n`,
      errors: [moved("FeatureFlag", FLAGS, 2, 5), moved("FeatureFlagHashKeyOverride", FLAGS, 3, 5)],
    },
    {
      name: "every name moves, to two products, in a nested block: the statement takes the first module and the other follows it",
      filename: logic,
      code: "if True:\n    from posthog.models import FeatureFlag, Experiment\n",
      output: `if True:\n    from ${FLAGS} import FeatureFlag\n    from ${EXPERIMENTS} import Experiment\n`,
      errors: [moved("FeatureFlag", FLAGS, 2, 32), moved("Experiment", EXPERIMENTS, 2, 45)],
    },
    {
      name: "CRLF line endings are kept",
      filename: logic,
      code: "from posthog.models import Team, FeatureFlag\r\nx = 1\r\n",
      output: `from posthog.models import Team\r\nfrom ${FLAGS} import FeatureFlag\r\nx = 1\r\n`,
      errors: [moved("FeatureFlag", FLAGS, 1, 34)],
    },
    {
      name: "a statement after `;` gets its new import after a `;`",
      filename: logic,
      code: "import os; from posthog.models import Team, FeatureFlag\n",
      output: `import os; from posthog.models import Team; from ${FLAGS} import FeatureFlag\n`,
      errors: [moved("FeatureFlag", FLAGS, 1, 45)],
    },
    {
      name: "a statement before `;` gets its new import between it and the next statement",
      filename: logic,
      code: "from posthog.models import Team, FeatureFlag; x = 1\n",
      output: `from posthog.models import Team; from ${FLAGS} import FeatureFlag; x = 1\n`,
      errors: [moved("FeatureFlag", FLAGS, 1, 34)],
    },
    {
      name: "allowedPaths replaces the default: posthog/models/ is reported when it is not listed",
      filename: fixturePath("python-repo", "posthog/models/__init__.py"),
      options: [{ allowedPaths: [] }],
      code: "from posthog.models.feature_flag import FeatureFlag\n",
      output: `from ${FLAGS} import FeatureFlag\n`,
      errors: [moved("FeatureFlag", FLAGS, 1, 41, "FeatureFlag", "posthog.models.feature_flag")],
    },

    // Re-export modules.
    {
      name: "an import from a re-export module goes to the defining module",
      filename: logic,
      code: "from products.feature_flags.models import FeatureFlag\n",
      output: `from ${FLAGS} import FeatureFlag\n`,
      errors: [
        {
          message: "Import FeatureFlag from products.feature_flags.backend.models, where it is defined, not the re-export module products.feature_flags.models.",
          line: 1,
          column: 43,
          endLine: 1,
          endColumn: 54,
        },
      ],
    },
    {
      name: "a relative import that resolves to a re-export module",
      filename: flagsLogic,
      code: "from ..models import FeatureFlag\n",
      output: `from ${FLAGS} import FeatureFlag\n`,
      errors: [reexported("FeatureFlag", FLAGS, "..models", 1, 22)],
    },
    {
      name: "a re-export module's names of two products go to their own modules",
      filename: logic,
      code: "from products.feature_flags.models import Experiment, FeatureFlag\n",
      output: `from ${EXPERIMENTS} import Experiment\nfrom ${FLAGS} import FeatureFlag\n`,
      errors: [
        reexported("Experiment", EXPERIMENTS, "products.feature_flags.models", 1, 43),
        reexported("FeatureFlag", FLAGS, "products.feature_flags.models", 1, 55),
      ],
    },
    {
      name: "a submodule of a re-export module; a model its package's __init__ does not import",
      filename: logic,
      code: "from products.experiments.models.saved_metric import ExperimentSavedMetric\n",
      output: `from ${SAVED_METRIC} import ExperimentSavedMetric\n`,
      errors: [reexported("ExperimentSavedMetric", SAVED_METRIC_SHORTENED, "products.experiments.models.saved_metric", 1, 54)],
    },
    {
      name: "a name no app defines, through a re-export module: reported without a fix",
      filename: logic,
      code: "from products.feature_flags.models import get_flag\n",
      output: null,
      errors: [
        {
          message: "products.feature_flags.models is a re-export module: import get_flag from the module that defines it.",
          line: 1,
          column: 43,
          endLine: 1,
          endColumn: 51,
        },
      ],
    },
    {
      name: "a name no app defines, through a relative import of a re-export module: reported without a fix",
      filename: flagsLogic,
      code: "from ..models import FeatureFlag, get_flag\n",
      output: `from ..models import get_flag\nfrom ${FLAGS} import FeatureFlag\n`,
      errors: [
        reexported("FeatureFlag", FLAGS, "..models", 1, 22),
        { messageId: "reexportUnresolved", data: { name: "get_flag", from: "..models" }, line: 1, column: 35, endLine: 1, endColumn: 43 },
      ],
    },
    {
      name: "the re-export module file itself (a module) is reported on its first line",
      filename: fixturePath("python-repo", "products/feature_flags/models.py"),
      code: `# Legacy shim kept for old imports.\nfrom ${FLAGS} import FeatureFlag, FeatureFlagHashKeyOverride  # noqa: F401\n`,
      output: null,
      errors: [
        {
          message: "products/feature_flags/models.py re-exports product models: import them from products.feature_flags.backend.models and delete it.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 36,
        },
      ],
    },
    {
      name: "the re-export module file itself (a package)",
      filename: fixturePath("python-repo", "products/experiments/models/__init__.py"),
      code: `from ${EXPERIMENTS} import Experiment\n`,
      output: null,
      errors: [
        {
          messageId: "reexportModule",
          data: { path: "products/experiments/models/__init__.py", product: "experiments" },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 59,
        },
      ],
    },

    // Models of several products.
    {
      name: "a model defined in two products is reported without a fix",
      filename: logic,
      code: "from posthog.models import Annotation\n",
      output: null,
      errors: [
        {
          message: "Annotation is a model of several products (experiments, surveys): import it from the one you mean, not posthog.models.",
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 38,
        },
      ],
    },
    {
      name: "a model defined in two products, aliased, inside a function: reported without a fix, the other names still move",
      filename: logic,
      code: "def f():\n    from posthog.models.feature_flag import Annotation as Note, FeatureFlag\n",
      output: `def f():\n    from posthog.models.feature_flag import Annotation as Note\n    from ${FLAGS} import FeatureFlag\n`,
      errors: [
        {
          messageId: "ambiguousModel",
          data: { name: "Annotation", apps: "experiments, surveys", from: "posthog.models.feature_flag" },
          line: 2,
          column: 45,
          endLine: 2,
          endColumn: 63,
        },
        moved("FeatureFlag", FLAGS, 2, 65, "FeatureFlag", "posthog.models.feature_flag"),
      ],
    },

    // Layout (a): joining a statement of the destination module in the same run of imports.
    {
      name: "the moved name joins a sorted `from <destination> import` at its sorted place (CONSTANTS, Classes, others); the emptied statement goes",
      filename: logic,
      code: `from posthog.models import FeatureFlagHashKeyOverride\nfrom ${FLAGS} import FEATURE_LIMIT, FeatureFlag, get_flag\n`,
      output: `from ${FLAGS} import FEATURE_LIMIT, FeatureFlag, FeatureFlagHashKeyOverride, get_flag\n`,
      errors: [moved("FeatureFlagHashKeyOverride", FLAGS, 1, 28)],
    },
    {
      name: "the moved name is appended to an unsorted `from <destination> import`",
      filename: logic,
      code: `from posthog.models import FeatureFlag\nfrom ${FLAGS} import get_flag, FeatureFlagHashKeyOverride\n`,
      output: `from ${FLAGS} import get_flag, FeatureFlagHashKeyOverride, FeatureFlag\n`,
      errors: [moved("FeatureFlag", FLAGS, 1, 28)],
    },
    {
      name: "a statement written one name a line gets the moved name (with its alias) on a line of its own, at its sorted place",
      filename: logic,
      code: lines(
        "from posthog.models import Team, FeatureFlagHashKeyOverride as Override",
        `from ${FLAGS} import (`,
        "    FEATURE_LIMIT,",
        "    FeatureFlag,",
        "    get_flag,",
        ")",
        "",
      ),
      output: lines(
        "from posthog.models import Team",
        `from ${FLAGS} import (`,
        "    FEATURE_LIMIT,",
        "    FeatureFlag,",
        "    FeatureFlagHashKeyOverride as Override,",
        "    get_flag,",
        ")",
        "",
      ),
      errors: [moved("FeatureFlagHashKeyOverride", FLAGS, 1, 34, "FeatureFlagHashKeyOverride as Override")],
    },
    {
      name: "an unsorted statement written one name a line, without a trailing comma, gets the moved name last",
      filename: logic,
      code: `from posthog.models import FeatureFlag\nfrom ${FLAGS} import (\n    get_flag,\n    FeatureFlagHashKeyOverride\n)\n`,
      output: `from ${FLAGS} import (\n    get_flag,\n    FeatureFlagHashKeyOverride,\n    FeatureFlag\n)\n`,
      errors: [moved("FeatureFlag", FLAGS, 1, 28)],
    },
    {
      name: "the destination statement may come before the flagged one",
      filename: logic,
      code: `from ${FLAGS} import get_flag\nfrom posthog.models import FeatureFlag, Team\n`,
      output: `from ${FLAGS} import FeatureFlag, get_flag\nfrom posthog.models import Team\n`,
      errors: [moved("FeatureFlag", FLAGS, 2, 28)],
    },
    {
      name: "the destination statement may share the flagged one's line after `;`",
      filename: logic,
      code: `from ${FLAGS} import get_flag; from posthog.models import FeatureFlag\n`,
      output: `from ${FLAGS} import FeatureFlag, get_flag\n`,
      errors: [moved("FeatureFlag", FLAGS, 1, 88)],
    },
    {
      name: "names join the destination statement of the same run inside a nested block",
      filename: logic,
      code: `if True:\n    from posthog.models import FeatureFlag, Team\n    from ${FLAGS} import get_flag\n`,
      output: `if True:\n    from posthog.models import Team\n    from ${FLAGS} import FeatureFlag, get_flag\n`,
      errors: [moved("FeatureFlag", FLAGS, 2, 32)],
    },

    // Layout (b): a new statement among the run's statements of the destination's top package.
    {
      name: "a new statement goes in sorted module order among the `products` imports: the blank line between the groups is kept",
      filename: logic,
      code: lines(
        "from django.db import models",
        "",
        "from posthog.models import FeatureFlag, Team",
        "",
        "from products.alpha.backend.models import Alpha",
        "from products.surveys.backend.models import Survey",
        "",
        "x = 1",
        "",
      ),
      output: lines(
        "from django.db import models",
        "",
        "from posthog.models import Team",
        "",
        "from products.alpha.backend.models import Alpha",
        `from ${FLAGS} import FeatureFlag`,
        "from products.surveys.backend.models import Survey",
        "",
        "x = 1",
        "",
      ),
      errors: [moved("FeatureFlag", FLAGS, 3, 28)],
    },
    {
      name: "a new statement sorting after every `products` import goes after the last one",
      filename: logic,
      code: "import os\n\nfrom posthog.models import FeatureFlag, Team\n\nfrom products.alpha import a\n\nx = 1\n",
      output: `import os\n\nfrom posthog.models import Team\n\nfrom products.alpha import a\nfrom ${FLAGS} import FeatureFlag\n\nx = 1\n`,
      errors: [moved("FeatureFlag", FLAGS, 3, 28)],
    },

    // Layout (c): no statement to join, no group: right after the flagged statement.
    {
      name: "imports after a non-import statement are another run: the new statement goes right after the flagged one",
      filename: logic,
      code: `from posthog.models import FeatureFlag, Team\nx = 1\nfrom ${FLAGS} import get_flag\n`,
      output: `from posthog.models import Team\nfrom ${FLAGS} import FeatureFlag\nx = 1\nfrom ${FLAGS} import get_flag\n`,
      errors: [moved("FeatureFlag", FLAGS, 1, 28)],
    },

    // Layout (d): a statement whose names all move.
    {
      name: "a statement whose names all went elsewhere (joined, placed in the group) is removed",
      filename: logic,
      code: `from posthog.models import Experiment, FeatureFlag\nfrom ${EXPERIMENTS} import get_experiment\n`,
      output: `from ${EXPERIMENTS} import Experiment, get_experiment\nfrom ${FLAGS} import FeatureFlag\n`,
      errors: [moved("Experiment", EXPERIMENTS, 1, 28), moved("FeatureFlag", FLAGS, 1, 40)],
    },
    {
      name: "a statement whose names all move but that has a trailing comment keeps them: its module is rewritten",
      filename: logic,
      code: `from posthog.models import FeatureFlag  # noqa: F401\nfrom ${FLAGS} import get_flag\n`,
      output: `from ${FLAGS} import FeatureFlag  # noqa: F401\nfrom ${FLAGS} import get_flag\n`,
      errors: [moved("FeatureFlag", FLAGS, 1, 28)],
    },
    {
      name: "a statement whose names all move but that has comments inside its parentheses keeps them: it takes the first module, the others follow",
      filename: logic,
      code: "from posthog.models import (  # noqa: F401\n    # models of other products\n    FeatureFlag,  # the flag\n    Experiment,\n)  # end\n",
      output: `from ${FLAGS} import (  # noqa: F401\n    # models of other products\n    FeatureFlag,  # the flag\n)  # end\nfrom ${EXPERIMENTS} import (\n    Experiment,\n)\n`,
      errors: [moved("FeatureFlag", FLAGS, 3, 5), moved("Experiment", EXPERIMENTS, 4, 5)],
    },
    {
      name: "a statement with a comment keeps the first module; a name of another module still joins its destination statement",
      filename: logic,
      code: `from posthog.models import (  # noqa: F401\n    FeatureFlag,\n    Experiment,\n)\nfrom ${EXPERIMENTS} import get_experiment\n`,
      output: `from ${FLAGS} import (  # noqa: F401\n    FeatureFlag,\n)\nfrom ${EXPERIMENTS} import Experiment, get_experiment\n`,
      errors: [moved("FeatureFlag", FLAGS, 2, 5), moved("Experiment", EXPERIMENTS, 3, 5)],
    },

    // Layout (e): a moved name with a comment on its line.
    {
      name: "a moved name with a comment on its own line does not join the destination statement",
      filename: logic,
      code: `from posthog.models import (\n    FeatureFlag,  # the flag\n    Team,\n)\nfrom ${FLAGS} import get_flag\n`,
      output: `from posthog.models import (\n    Team,\n)\nfrom ${FLAGS} import (\n    FeatureFlag,  # the flag\n)\nfrom ${FLAGS} import get_flag\n`,
      errors: [moved("FeatureFlag", FLAGS, 2, 5)],
    },
    {
      name: "a moved name with a comment on its own line is not placed in the `products` group",
      filename: logic,
      code: "from posthog.models import (\n    FeatureFlag,  # the flag\n    Team,\n)\n\nfrom products.surveys.backend.models import Survey\n",
      output: `from posthog.models import (\n    Team,\n)\nfrom ${FLAGS} import (\n    FeatureFlag,  # the flag\n)\n\nfrom products.surveys.backend.models import Survey\n`,
      errors: [moved("FeatureFlag", FLAGS, 2, 5)],
    },

    // Layout (f): another import of the run binds the same local name.
    {
      name: "when another import of the run binds the same local name, the moved name stays right after the flagged statement",
      filename: logic,
      code: `from posthog.models import Team, FeatureFlag\nfrom ${FLAGS} import get_flag\nfrom products.surveys.backend.models import Survey as FeatureFlag\n`,
      output: `from posthog.models import Team\nfrom ${FLAGS} import FeatureFlag\nfrom ${FLAGS} import get_flag\nfrom products.surveys.backend.models import Survey as FeatureFlag\n`,
      errors: [moved("FeatureFlag", FLAGS, 1, 34)],
    },
  ],
});

describe(`${RULE} with the Linter`, () => {
  const linter = new Linter({ configType: "flat" });
  const config = pythonRuleConfig(RULE, "python-repo");
  const message = (name: string, module: string) => `Import ${name} from its product, ${module}, not posthog.models.`;

  it("a fix that joins a destination statement spans that whole statement", () => {
    const code = `from posthog.models import FeatureFlag\nfrom ${FLAGS} import get_flag  # noqa\n`;
    const [report] = linter.verify(code, config, logic);
    const target = code.indexOf(`from ${FLAGS}`);
    expect(report?.fix?.range[0]).toBeLessThanOrEqual(target);
    expect(report?.fix?.range[1]).toBeGreaterThanOrEqual(code.indexOf("  # noqa"));
    expect(linter.verifyAndFix(code, config, logic).output).toBe(`from ${FLAGS} import FeatureFlag, get_flag  # noqa\n`);
  });

  it("two flagged statements joining one destination statement are both fixed over two passes", () => {
    const code = `from posthog.models import FeatureFlag\nfrom posthog.models.flags import FeatureFlagHashKeyOverride\nfrom ${FLAGS} import get_flag\n`;
    const { output, messages } = linter.verifyAndFix(code, config, logic);
    expect(messages).toEqual([]);
    expect(output).toBe(`from ${FLAGS} import FeatureFlag, FeatureFlagHashKeyOverride, get_flag\n`);
  });

  it("does not overflow the stack on deeply nested code", () => {
    const code = `from posthog.models import FeatureFlag\nx = ${"(".repeat(20_000)}1${")".repeat(20_000)}\ny = ${"[".repeat(20_000)}\n`;
    const messages = linter.verify(code, config, logic);
    expect(messages.map((report) => report.message)).toEqual([message("FeatureFlag", FLAGS)]);
  });

  it("a huge import: only the first report carries the shared fix, which still moves every name", () => {
    const names = Array.from({ length: 3000 }, (_, i) => `    FeatureFlag as F${i},`);
    const code = `from posthog.models import (\n${names.join("\n")}\n    Team,\n)\n`;
    const messages = linter.verify(code, config, logic);
    expect(messages).toHaveLength(3000);
    expect(messages.filter((report) => report.fix)).toHaveLength(1);
    expect(messages[0]?.fix).toBeDefined();
    const { output } = linter.verifyAndFix(code, config, logic);
    expect(output).toBe(`from posthog.models import (\n    Team,\n)\nfrom ${FLAGS} import (\n${names.join("\n")}\n)\n`);
  });

  it("every message stays within 160 characters, however long the names in the file", () => {
    const long = "x".repeat(200);
    const inputs: [string, string][] = [
      [logic, `from posthog.models.${long} import ExperimentSavedMetric as ${long}\n`],
      [logic, `from posthog.models.${long} import Annotation as ${long}\n`],
      [logic, `from products.feature_flags.models.${long} import ${long}\n`],
      [logic, `from products.feature_flags.models import FeatureFlag as ${long}\n`],
    ];
    const messages = inputs.flatMap(([file, code]) => linter.verify(code, config, file));
    expect(messages.map((report) => report.messageId)).toEqual(["moveImport", "ambiguousModel", "reexportUnresolved", "reexportImport"]);
    for (const report of messages) expect(report.message.length, report.message).toBeLessThanOrEqual(160);
  });
});

/** Moved-model strings and the core-model option, on the isolation tree (FeatureFlag and Experiment live in products; Team in posthog.models.team). */
const isolation = pythonRuleTester("isolation-repo");
const TEST_FILE = fixturePath("isolation-repo", "posthog/tasks/test/test_usage_report.py");
const TASK_FILE = fixturePath("isolation-repo", "posthog/tasks/usage_report.py");
const FLAG_PATH = "products.feature_flags.backend.models.FeatureFlag";

isolation.run(`${RULE} (moved-model strings)`, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: "patch targets through a model's module now, core models, non-model names",
      filename: TEST_FILE,
      code: lines(
        `@mock.patch("${FLAG_PATH}.objects")`,
        '@mock.patch("posthog.models.Team.objects")',
        '@mock.patch("posthog.tasks.usage_report.get_instance_region")',
        'def test(mocked, setattr_target):',
        '    mock.patch.object(FeatureFlag, "objects")',
        '    setattr(mocked, "posthog.models.FeatureFlag", 1)',
      ),
    },
    { name: "apps.get_model with a label that still has the model", filename: TASK_FILE, code: 'apps.get_model("feature_flags", "FeatureFlag")\napps.get_model("posthog", "Team")\napps.get_model("posthog.team")\n' },
    {
      name: "migrations keep the labels of their time",
      filename: fixturePath("isolation-repo", "posthog/migrations/0900_flags.py"),
      code: 'def forwards(apps, schema_editor):\n    FeatureFlag = apps.get_model("posthog", "FeatureFlag")\n',
    },
    { name: "core models from the package root are fine by default", filename: TASK_FILE, code: "from posthog.models import Team, User\n" },
  ],
  invalid: [
    {
      name: "a patch of an attribute of a moved model's class: fix (the class object is shared)",
      filename: TEST_FILE,
      code: '@mock.patch("posthog.models.FeatureFlag.objects")\ndef test_flags(flags):\n    pass\n',
      output: `@mock.patch("${FLAG_PATH}.objects")\ndef test_flags(flags):\n    pass\n`,
      errors: [
        {
          message: `This patch names FeatureFlag through posthog.models: patch it where it lives, "${FLAG_PATH}.objects".`,
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 49,
        },
      ],
    },
    {
      name: "through a posthog.models submodule, a re-export module, mocker.patch, monkeypatch.setattr, patch.multiple (single quotes kept)",
      filename: TEST_FILE,
      code: lines(
        "def test(mocker, monkeypatch):",
        "    mocker.patch('posthog.models.feature_flag.FeatureFlag.objects.filter')",
        '    monkeypatch.setattr("products.experiments.models.Experiment.objects", None)',
        '    mock.patch.multiple("posthog.models.Experiment", objects=None)',
      ),
      output: lines(
        "def test(mocker, monkeypatch):",
        `    mocker.patch('${FLAG_PATH}.objects.filter')`,
        '    monkeypatch.setattr("products.experiments.backend.models.Experiment.objects", None)',
        '    mock.patch.multiple("products.experiments.backend.models.Experiment", objects=None)',
      ),
      errors: [
        { messageId: "patchOldPath", data: { name: "FeatureFlag", from: "posthog.models.feature_flag", newPath: `${FLAG_PATH}.objects.filter` }, line: 2, column: 18, endLine: 2, endColumn: 74 },
        { messageId: "patchOldPath", data: { name: "Experiment", from: "products.experiments.models", newPath: "products.experiments.backend.models.Experiment.objects" }, line: 3, column: 25, endLine: 3, endColumn: 73 },
        { messageId: "patchOldPath", data: { name: "Experiment", from: "posthog.models", newPath: "products.experiments.backend.models.Experiment" }, line: 4, column: 25, endLine: 4, endColumn: 52 },
      ],
    },
    {
      name: "a patch of the module-level name: a suggestion (another binding than the one the code reads)",
      filename: TEST_FILE,
      code: '@patch("posthog.models.FeatureFlag")\ndef test_flags(flag_class):\n    pass\n',
      errors: [
        {
          message: "This patch replaces the name FeatureFlag in posthog.models, not in products.feature_flags.backend.models, where the code under test imports it from.",
          line: 1,
          column: 8,
          endLine: 1,
          endColumn: 36,
          suggestions: [
            {
              desc: `Patch "${FLAG_PATH}" (check that the code under test looks FeatureFlag up there).`,
              output: `@patch("${FLAG_PATH}")\ndef test_flags(flag_class):\n    pass\n`,
            },
          ],
        },
      ],
    },
    {
      name: "apps.get_model with the old core label: fix to the product's label (both forms)",
      filename: TASK_FILE,
      code: 'FeatureFlag = apps.get_model("posthog", "FeatureFlag")\nExperiment = django_apps.get_model(\'posthog.experiment\')\n',
      output: 'FeatureFlag = apps.get_model("feature_flags", "FeatureFlag")\nExperiment = django_apps.get_model(\'experiments.experiment\')\n',
      errors: [
        {
          message: 'FeatureFlag is no longer a model of "posthog": apps.get_model needs its app label now, "feature_flags".',
          line: 1,
          column: 30,
          endLine: 1,
          endColumn: 39,
        },
        { messageId: "getModelOldLabel", data: { name: "Experiment", label: "posthog", newLabel: "experiments" }, line: 2, column: 36, endLine: 2, endColumn: 56 },
      ],
    },
    {
      name: "coreModelsFromSubmodules: core models move to their submodule, product models to their product",
      filename: TASK_FILE,
      code: "from posthog.models import Team, FeatureFlag, User\nfrom ee.models import License\n",
      options: [{ coreModelsFromSubmodules: true }],
      output: "from posthog.models.team import Team\nfrom products.feature_flags.backend.models import FeatureFlag\nfrom posthog.models.user import User\nfrom ee.models.license import License\n",
      errors: [
        {
          message: "Import Team from posthog.models.team, not posthog.models: the package root imports every model.",
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 32,
        },
        { messageId: "moveImport", data: { name: "FeatureFlag", module: "products.feature_flags.backend.models", from: "posthog.models" }, line: 1, column: 34, endLine: 1, endColumn: 45 },
        { messageId: "coreModelFromRoot", data: { name: "User", module: "posthog.models.user", from: "posthog.models" }, line: 1, column: 47, endLine: 1, endColumn: 51 },
        { messageId: "coreModelFromRoot", data: { name: "License", module: "ee.models.license", from: "ee.models" }, line: 2, column: 23, endLine: 2, endColumn: 30 },
      ],
    },
  ],
});
