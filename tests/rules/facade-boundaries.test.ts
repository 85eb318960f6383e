import path from "node:path";
import type { RuleTester } from "eslint";
import rule from "../../src/rules/facade-boundaries.js";
import { ASSERTIONS, fixturePath, pythonRuleTester } from "../support/helpers.js";
import { tempTree } from "../support/temp-tree.js";

const RULE = "facade-boundaries";
const TREE = "isolation-repo";
const tester = pythonRuleTester(TREE);
const at = (relative: string): string => fixturePath(TREE, relative);

/** Core code, an isolated product's presentation, routes and facade, and a legacy product. */
const CORE = at("posthog/api/reports.py");
const EE = at("ee/clickhouse/queries/issues.py");
const VR_VIEWS = at("products/visual_review/backend/presentation/views.py");
const VR_ROUTES = at("products/visual_review/backend/routes.py");
const VR_FACADE = at("products/visual_review/backend/facade/api.py");
const ET_VIEWS = at("products/error_tracking/backend/presentation/views.py");
const TASKS_LOGIC = at("products/tasks/backend/logic.py");
const TASKS_TEST = at("products/tasks/backend/tests/test_runs.py");

const lines = (...text: string[]): string => `${text.join("\n")}\n`;

function privateImport(dependency: string, module: string, line: number, column: number, endColumn: number, suggestions?: RuleTester.SuggestionOutput[]) {
  return { messageId: "privateImport", data: { dependency, module }, line, column, endLine: line, endColumn, ...(suggestions ? { suggestions } : {}) };
}

function forbidden(contract: string, imported: string, line: number, column: number, endColumn: number) {
  return { messageId: "forbiddenImport", data: { contract, imported }, line, column, endLine: line, endColumn };
}

const PRESENTATION = "presentation must use facade";
const ROUTES = "routes must only import presentation";
const FACADE = "facade must not import presentation or DRF";

tester.run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "core imports an isolated product's facade module", filename: CORE, code: "from products.visual_review.backend.facade.api import get_run\n" },
    { name: "core imports a name the facade package binds", filename: CORE, code: "from products.visual_review.backend.facade import get_run\n" },
    { name: "`import` of a facade module", filename: CORE, code: "import products.visual_review.backend.facade.api\n" },
    { name: "the product module itself (an empty member)", filename: CORE, code: "import products.visual_review\nfrom products import notebooks\n" },
    {
      name: "a legacy interface exposes internals (alternation, escaped dots)",
      filename: CORE,
      code: lines("from products.experiments.backend.models import Experiment", "from products.experiments.backend.logic import experiments_for_flag", "from products.experiments.stats.bayesian import probability_to_beat"),
    },
    { name: "a legacy product without an interface is open (as tach leaves it)", filename: CORE, code: "from products.feature_flags.backend.models import FeatureFlag\n" },
    { name: "an interface visible to ee only, imported from ee", filename: EE, code: "from products.error_tracking.backend.sql import EMBEDDING_TABLE_SQL\n" },
    { name: "a product's own internals", filename: VR_FACADE, code: "from products.visual_review.backend.logic import get_run\nfrom ..models import Run\n" },
    {
      name: "imports under `if TYPE_CHECKING:` are skipped (tach's ignore_type_checking_imports default)",
      filename: CORE,
      code: lines("from typing import TYPE_CHECKING", "", "if TYPE_CHECKING:", "    from products.visual_review.backend.models import Run"),
    },
    {
      name: "`# tach-ignore` on the line, on the line above, and naming the import",
      filename: CORE,
      code: lines(
        "from products.visual_review.backend.models import Run  # tach-ignore",
        "# tach-ignore(legacy report) Snapshot",
        "from products.visual_review.backend.models import Snapshot",
        "import products.notebooks.backend.models  # tach-ignore products.notebooks.backend.models",
      ),
    },
    { name: "presentation imports its facade (relative) and its own serializers", filename: VR_VIEWS, code: "from ..facade import api\nfrom .serializers import RunSerializer\n" },
    { name: "presentation imports another product's facade", filename: ET_VIEWS, code: "from products.notebooks.backend.facade.api import get_notebook\n" },
    { name: "routes import presentation", filename: VR_ROUTES, code: "from .presentation.views import RunViewSet\n" },
    { name: "a grandfathered presentation edge (ignore_imports)", filename: at("products/alerts/backend/presentation/views.py"), code: "from products.alerts.backend.models import AlertConfiguration\n" },
    { name: "a grandfathered routes edge", filename: at("products/tasks/backend/routes.py"), code: "from .api import TaskViewSet\n" },
    { name: "a grandfathered facade → DRF edge (external package, squashed)", filename: at("products/tasks/backend/facade/api.py"), code: "from rest_framework.exceptions import ValidationError\n" },
    { name: "the facade imports its product's logic and models", filename: VR_FACADE, code: "from .. import logic\nfrom ..models import Run\n" },
    {
      name: "an isolated product without an interface is open with uncoveredProducts: none",
      filename: CORE,
      code: "from products.tasks.backend.logic import open_tasks\n",
      options: [{ uncoveredProducts: "none" }],
    },
    { name: "migrations are not checked", filename: at("posthog/migrations/0002_runs.py"), code: "from products.visual_review.backend.models import Run\n" },
  ],
  invalid: [
    {
      name: "core imports an isolated product's logic: suggestion imports the same name from the facade package",
      filename: CORE,
      code: "from products.visual_review.backend.logic import get_run\n",
      errors: [
        {
          message: "products.visual_review.backend.logic.get_run is private to products.visual_review (not in its tach interfaces): import it from its facade.",
          line: 1,
          column: 50,
          endLine: 1,
          endColumn: 57,
          suggestions: [
            {
              desc: "Import get_run from products.visual_review.backend.facade, which hands out the same name (check that it is the same object).",
              output: "from products.visual_review.backend.facade import get_run\n",
            },
          ],
        },
      ],
    },
    {
      name: "one name of several moves to the facade in the suggestion; a model has no facade alternative",
      filename: CORE,
      code: "from products.visual_review.backend.logic import runs_with_snapshots, get_run as fetch_run\n",
      errors: [
        privateImport("products.visual_review.backend.logic.runs_with_snapshots", "products.visual_review", 1, 50, 69),
        privateImport("products.visual_review.backend.logic.get_run", "products.visual_review", 1, 71, 91, [
          {
            messageId: "importFromFacade",
            data: { name: "get_run", module: "products.visual_review.backend.facade" },
            output: "from products.visual_review.backend.logic import runs_with_snapshots\nfrom products.visual_review.backend.facade import get_run as fetch_run\n",
          },
        ]),
      ],
    },
    {
      name: "`import a.b` of a models module, and a wildcard import",
      filename: CORE,
      code: "import products.notebooks.backend.models\nfrom products.visual_review.backend.models import *\n",
      errors: [
        privateImport("products.notebooks.backend.models", "products.notebooks", 1, 8, 41),
        privateImport("products.visual_review.backend.models.*", "products.visual_review", 2, 1, 52),
      ],
    },
    {
      name: "an import inside a function, and a relative import that climbs into another product",
      filename: TASKS_LOGIC,
      code: lines("def report(team_id: int):", "    from products.notebooks.backend.logic import notes_for", "", "", "from ...visual_review.backend.models import Run"),
      errors: [
        privateImport("products.notebooks.backend.logic.notes_for", "products.notebooks", 2, 50, 59),
        privateImport("products.visual_review.backend.models.Run", "products.visual_review", 5, 45, 48),
      ],
    },
    {
      name: "test files are checked too",
      filename: TASKS_TEST,
      code: "from products.visual_review.backend.models import Run\n",
      errors: [privateImport("products.visual_review.backend.models.Run", "products.visual_review", 1, 51, 54)],
    },
    {
      name: "an interface visible to ee only does not expose to core; `stats\\..*` needs the dot",
      filename: CORE,
      code: "from products.error_tracking.backend.sql import EMBEDDING_TABLE_SQL\nimport products.experiments.stats\n",
      errors: [
        privateImport("products.error_tracking.backend.sql.EMBEDDING_TABLE_SQL", "products.error_tracking", 1, 49, 68),
        privateImport("products.experiments.stats", "products.experiments", 2, 8, 34),
      ],
    },
    {
      name: "an isolated product without an interface exposes its facade only (uncoveredProducts: isolated); no suggestion for a name the facade imports for its own use",
      filename: CORE,
      code: "from products.tasks.backend.logic import open_tasks\nfrom products.tasks.backend.facade.api import list_open_tasks\n",
      errors: [
        {
          message: "products.tasks.backend.logic.open_tasks is private to products.tasks: import it from its backend.facade (no tach interface exposes more).",
          line: 1,
          column: 42,
          endLine: 1,
          endColumn: 52,
          // facade/api.py imports open_tasks from ..logic to call it: it does not hand it out.
          suggestions: [],
        },
      ],
    },
    {
      name: "uncoveredProducts: all closes legacy products without an interface too",
      filename: CORE,
      code: "from products.feature_flags.backend.models import FeatureFlag\n",
      options: [{ uncoveredProducts: "all" }],
      errors: [{ messageId: "privateByDefault", data: { dependency: "products.feature_flags.backend.models.FeatureFlag", module: "products.feature_flags" }, line: 1, column: 51, endLine: 1, endColumn: 62 }],
    },
    {
      name: "presentation imports its product's logic (relative and absolute)",
      filename: VR_VIEWS,
      code: "from ..logic import get_run\nfrom products.visual_review.backend.models import Run\n",
      errors: [
        {
          message: 'Contract "presentation must use facade" forbids importing products.visual_review.backend.logic here: use a module it allows.',
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 28,
        },
        forbidden(PRESENTATION, "products.visual_review.backend.models", 2, 51, 54),
      ],
    },
    {
      name: "routes import logic; the facade imports presentation and DRF",
      filename: VR_ROUTES,
      code: "from .logic import get_run\n",
      errors: [forbidden(ROUTES, "products.visual_review.backend.logic", 1, 20, 27)],
    },
    {
      name: "the facade imports presentation and DRF",
      filename: VR_FACADE,
      code: "from ..presentation.serializers import RunSerializer\nfrom rest_framework import serializers\n",
      errors: [
        forbidden(FACADE, "products.visual_review.backend.presentation.serializers", 1, 40, 53),
        forbidden(FACADE, "rest_framework", 2, 28, 39),
      ],
    },
    {
      name: "presentation imports another product's internals: tach reports it (one report per import), with no suggestion for a name the facade does not hand out",
      filename: ET_VIEWS,
      code: "from products.notebooks.backend.logic import notebook\n",
      errors: [
        // facade/api.py imports notebook from ..logic for its own use: no suggestion.
        privateImport("products.notebooks.backend.logic.notebook", "products.notebooks", 1, 46, 54, []),
      ],
    },
  ],
});

/** The fixture without pyproject.toml, and with layers and independence contracts. */
const NO_PYPROJECT = tempTree({ "pyproject.toml": "[project]\nname = 'x'\n" }, fixturePath(TREE));
const LAYERED = tempTree(
  {
    "pyproject.toml": lines(
      "[tool.importlinter]",
      'root_packages = ["products", "posthog"]',
      "",
      "[[tool.importlinter.contracts]]",
      'name = "product layers"',
      'type = "layers"',
      'containers = ["products.*.backend"]',
      'layers = ["presentation", "facade", "logic | tasks", "models"]',
      "",
      "[[tool.importlinter.contracts]]",
      'name = "core apps are independent"',
      'type = "independence"',
      'modules = ["posthog.api", "posthog.tasks"]',
      'ignore_imports = ["posthog.tasks.legacy -> posthog.api.**"]',
    ),
  },
  fixturePath(TREE),
);

pythonRuleTester(NO_PYPROJECT).run(`${RULE} (conventional contracts)`, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "presentation imports its facade", filename: path.join(NO_PYPROJECT, "products/visual_review/backend/presentation/views.py"), code: "from ..facade import api\n" },
    {
      name: "conventionalContracts: false checks no contract",
      filename: path.join(NO_PYPROJECT, "products/visual_review/backend/presentation/views.py"),
      code: "from ..logic import get_run\n",
      options: [{ conventionalContracts: false }],
    },
  ],
  invalid: [
    {
      name: "without [tool.importlinter], presentation → logic breaks the conventional contract",
      filename: path.join(NO_PYPROJECT, "products/visual_review/backend/presentation/views.py"),
      code: "from ..logic import get_run\n",
      errors: [forbidden(PRESENTATION, "products.visual_review.backend.logic", 1, 21, 28)],
    },
  ],
});

pythonRuleTester(LAYERED).run(`${RULE} (layers and independence contracts)`, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "a higher layer imports a lower one", filename: path.join(LAYERED, "products/tasks/backend/facade/api.py"), code: "from ..logic import open_tasks\nfrom ..models import Task\n" },
    { name: "another container is not checked against this one", filename: path.join(LAYERED, "products/tasks/backend/logic.py"), code: "from products.tasks.backend.logic import open_tasks\n" },
    { name: "an ignored edge between independent modules", filename: path.join(LAYERED, "posthog/tasks/legacy.py"), code: "from posthog.api.sharing import shared_resources\n" },
  ],
  invalid: [
    {
      name: "a lower layer imports a higher one",
      filename: path.join(LAYERED, "products/tasks/backend/models.py"),
      code: "from .facade.api import list_open_tasks\n",
      errors: [
        {
          message: 'Contract "product layers": layer models cannot import products.tasks.backend.facade.api (layer facade): move the shared code down.',
          line: 1,
          column: 25,
          endLine: 1,
          endColumn: 40,
        },
      ],
    },
    {
      name: "independent siblings of one layer (`logic | tasks`)",
      filename: path.join(LAYERED, "products/tasks/backend/logic.py"),
      code: "from .tasks import sync\n",
      errors: [
        {
          messageId: "layerImport",
          data: { contract: "product layers", imported: "products.tasks.backend.tasks", importerLayer: "logic", importedLayer: "tasks" },
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 24,
        },
      ],
    },
    {
      name: "independent modules import each other",
      filename: path.join(LAYERED, "posthog/tasks/usage.py"),
      code: "from posthog.api.sharing import shared_resources\n",
      errors: [
        {
          message: 'Contract "core apps are independent" keeps posthog.tasks independent of posthog.api: move what both need to another module.',
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 49,
        },
      ],
    },
  ],
});

/** The tasks facade hands out some names and imports others for its own use. */
const HANDOUTS = tempTree(
  {
    "products/tasks/backend/facade/__init__.py": lines("from .api import list_open_tasks", "from .contracts import TaskSummary"),
    "products/tasks/backend/facade/api.py": lines(
      "from ..logic import open_tasks",
      "from ..models import Task",
      "from .contracts import TaskSummary",
      "",
      "MAX_OPEN_TASKS = 100",
      "",
      "",
      "def list_open_tasks(*, team_id: int) -> list[TaskSummary]:",
      "    return [TaskSummary(id=str(task.id), title=task.title) for task in open_tasks(team_id)[:MAX_OPEN_TASKS]]",
      "",
      "",
      "def _first(tasks: list[Task]) -> Task:",
      "    return tasks[0]",
    ),
    "products/tasks/backend/facade/queries.py": lines(
      "from ..models import Task",
      "",
      '__all__ = ["Task", "count_open"]',
      "",
      "",
      "def count_open(team_id: int) -> int:",
      "    return Task.objects.filter(team_id=team_id).count()",
      "",
      "",
      "def open_tasks(team_id: int) -> list[Task]:",
      "    return list(Task.objects.filter(team_id=team_id))",
    ),
  },
  fixturePath(TREE),
);
const HANDOUTS_CORE = path.join(HANDOUTS, "posthog/api/reports.py");
const privateByDefault = (dependency: string, column: number, endColumn: number, suggestions: RuleTester.SuggestionOutput[]) => ({
  messageId: "privateByDefault",
  data: { dependency, module: "products.tasks" },
  line: 1,
  column,
  endLine: 1,
  endColumn,
  suggestions,
});

pythonRuleTester(HANDOUTS).run(`${RULE} (what a facade hands out)`, rule, {
  assertionOptions: ASSERTIONS,
  valid: [],
  invalid: [
    {
      name: "a name the facade module assigns itself is offered",
      filename: HANDOUTS_CORE,
      code: "from products.tasks.backend.logic import MAX_OPEN_TASKS\n",
      errors: [
        privateByDefault("products.tasks.backend.logic.MAX_OPEN_TASKS", 42, 56, [
          {
            messageId: "importFromFacade",
            data: { name: "MAX_OPEN_TASKS", module: "products.tasks.backend.facade.api" },
            output: "from products.tasks.backend.facade.api import MAX_OPEN_TASKS\n",
          },
        ]),
      ],
    },
    {
      name: "a name the facade package re-imports from its contracts under the same name is offered from the package",
      filename: HANDOUTS_CORE,
      code: "from products.tasks.backend.types import TaskSummary\n",
      errors: [
        privateByDefault("products.tasks.backend.types.TaskSummary", 42, 53, [
          {
            messageId: "importFromFacade",
            data: { name: "TaskSummary", module: "products.tasks.backend.facade" },
            output: "from products.tasks.backend.facade import TaskSummary\n",
          },
        ]),
      ],
    },
    {
      name: "a name in __all__ is offered; a function the module defines but leaves out of __all__ is not",
      filename: HANDOUTS_CORE,
      code: "from products.tasks.backend.logic import count_open, open_tasks\n",
      errors: [
        privateByDefault("products.tasks.backend.logic.count_open", 42, 52, [
          {
            messageId: "importFromFacade",
            data: { name: "count_open", module: "products.tasks.backend.facade.queries" },
            output: "from products.tasks.backend.logic import open_tasks\nfrom products.tasks.backend.facade.queries import count_open\n",
          },
        ]),
        // queries.py defines open_tasks but its __all__ leaves it out; api.py only imports it; the package re-imports list_open_tasks, not it.
        privateByDefault("products.tasks.backend.logic.open_tasks", 54, 64, []),
      ],
    },
    {
      name: "a model is never offered, even when a facade's __all__ lists it; a private helper is not offered",
      filename: HANDOUTS_CORE,
      code: "from products.tasks.backend.models import Task\nfrom products.tasks.backend.logic import _first\n",
      errors: [
        privateByDefault("products.tasks.backend.models.Task", 43, 47, []),
        { ...privateByDefault("products.tasks.backend.logic._first", 42, 48, []), line: 2, endLine: 2 },
      ],
    },
  ],
});
