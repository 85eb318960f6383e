/**
 * Real code's Python idioms, one case each, on the real-code tree: the exact findings, the fixed
 * text, and that the fixed file parses and leaves no name undefined (`RealCodeTree.fixed`).
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { RealCodeTree } from "./support.js";

const tree = new RealCodeTree("real-code-python");
afterEach(() => tree.restore());
afterAll(() => tree.remove());

const CONFIG = "products/experiments/backend/models/team_experiments_config.py";

describe("names still used elsewhere keep their import", () => {
  it("a class target also named by a string annotation: the target becomes a label, the import stays", async () => {
    tree.edit(
      CONFIG,
      ["from posthog.models.organization import Organization\n", "from posthog.models.organization import Organization\nfrom posthog.models.team import Team\n"],
      ['team = models.OneToOneField("posthog.Team",', "team = models.OneToOneField(Team,"],
    );
    tree.write(CONFIG, `${tree.read(CONFIG)}\n    def for_team(self, team: "Team") -> bool:\n        return self.team_id == team.id\n`);
    expect(await tree.findings([CONFIG])).toEqual([
      { file: CONFIG, line: 8, column: 33, rule: "string-fk-labels", messageId: "classReference" },
    ]);
    const fixed = await tree.fixed(CONFIG);
    expect(fixed).toContain("from posthog.models.team import Team\n");
    expect(fixed).toContain('team = models.OneToOneField("posthog.Team", on_delete=models.CASCADE, primary_key=True)');
  });

  it("a name listed in __all__ or used by cast() keeps its import", async () => {
    const file = "posthog/models/project.py";
    tree.write(
      file,
      [
        "from typing import cast",
        "",
        "from django.db import models",
        "",
        "from posthog.models.organization import Organization",
        "from posthog.models.user import User",
        "",
        "__all__ = [\"Project\", \"Organization\"]",
        "",
        "",
        "class Project(models.Model):",
        "    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name=\"projects\")",
        "    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True)",
        "",
        "    def creator(self) -> object:",
        "        return cast(\"User\", self.created_by)",
        "",
      ].join("\n"),
    );
    expect(await tree.findings([file])).toEqual([
      { file, line: 12, column: 38, rule: "string-fk-labels", messageId: "classReference" },
      { file, line: 13, column: 36, rule: "string-fk-labels", messageId: "classReference" },
    ]);
    const fixed = await tree.fixed(file);
    expect(fixed).toContain("from posthog.models.organization import Organization\nfrom posthog.models.user import User\n");
    expect(fixed).toContain('models.ForeignKey("posthog.Organization", on_delete');
    expect(fixed).toContain('models.ForeignKey("posthog.User", on_delete');
  });

  it("an import only the targets used goes once they are labels; the TYPE_CHECKING import of the same name stays", async () => {
    const file = "products/experiments/backend/models/experiment.py";
    tree.edit(
      file,
      ["from posthog.models.utils import UUIDModel\n", "from posthog.models.team import Team as TeamModel\nfrom posthog.models.utils import UUIDModel\n"],
      ['class ExperimentHoldout(models.Model):\n    name = models.CharField(max_length=400)\n    team = models.ForeignKey("posthog.Team",', "class ExperimentHoldout(models.Model):\n    name = models.CharField(max_length=400)\n    team = models.ForeignKey(TeamModel,"],
    );
    expect(await tree.findings([file])).toEqual([{ file, line: 35, column: 30, rule: "string-fk-labels", messageId: "classReference" }]);
    const fixed = await tree.fixed(file);
    expect(fixed).not.toContain("TeamModel");
    expect(fixed).toContain("if TYPE_CHECKING:\n    from posthog.models.team import Team\n");
    expect(fixed).toContain('    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n\n\nclass ExperimentSavedMetric');
  });
});

describe("imports that would raise ImportError are never written", () => {
  const TEST = "products/experiments/backend/test/test_experiment.py";

  it("a model its package's __init__.py does not bind moves to its defining module, into the products group", async () => {
    tree.edit(
      TEST,
      ["from posthog.models import Team\n", "from posthog.models import FeatureFlag, Team\n"],
      ["from products.feature_flags.backend.models.feature_flag import FeatureFlag\n", ""],
    );
    expect(await tree.findings([TEST])).toEqual([{ file: TEST, line: 1, column: 28, rule: "no-posthog-models-import", messageId: "moveImport" }]);
    expect(await tree.fixed(TEST)).toBe(
      [
        "from posthog.models import Team",
        "",
        "from products.experiments.backend.models import TeamExperimentsConfig",
        "from products.experiments.backend.models.experiment import Experiment, ExperimentHoldout",
        "from products.feature_flags.backend.models.feature_flag import FeatureFlag",
        "",
        "",
        "def test_experiment_relations():",
        '    assert Experiment._meta.get_field("feature_flag").related_model is FeatureFlag',
        '    assert Experiment._meta.get_field("holdout").related_model is ExperimentHoldout',
        '    assert TeamExperimentsConfig._meta.get_field("team").related_model is Team',
        "",
      ].join("\n"),
    );
  });

  it("a moved name joins the statement that already imports from its module", async () => {
    tree.edit(
      TEST,
      ["from posthog.models import Team\n", "from posthog.models import Experiment, Team\n"],
      ["from products.experiments.backend.models.experiment import Experiment, ExperimentHoldout\n", "from products.experiments.backend.models.experiment import ExperimentHoldout\n"],
    );
    const fixed = await tree.fixed(TEST);
    expect(fixed.split("\n").slice(0, 6)).toEqual([
      "from posthog.models import Team",
      "",
      "from products.experiments.backend.models import TeamExperimentsConfig",
      "from products.experiments.backend.models.experiment import Experiment, ExperimentHoldout",
      "from products.feature_flags.backend.models.feature_flag import FeatureFlag",
      "",
    ]);
  });

  it("a model its package binds is imported from the package", async () => {
    tree.edit(TEST, ["from products.experiments.backend.models import TeamExperimentsConfig\n", ""], ["from posthog.models import Team\n", "from posthog.models import Team, TeamExperimentsConfig\n"]);
    expect(await tree.fixed(TEST)).toContain("from posthog.models import Team\n\nfrom products.experiments.backend.models import TeamExperimentsConfig\nfrom products.experiments.backend.models.experiment import");
  });
});

describe("same-file classes, the user model, Django's contrib models", () => {
  it("relation targets that are classes of the same file are fine (visual_review's shape)", async () => {
    expect(await tree.findings(["products/visual_review/backend/models.py", "products/actions/backend/models/action.py"])).toEqual([]);
  });

  it("a class of a sibling module of the same app is reported, and its import stays while a function uses it", async () => {
    const file = "products/dashboards/backend/models/dashboard_tile.py";
    tree.edit(file, ['dashboard = models.ForeignKey("Dashboard",', "dashboard = models.ForeignKey(Dashboard,"]);
    expect(await tree.findings([file])).toEqual([{ file, line: 8, column: 35, rule: "string-fk-labels", messageId: "classReference" }]);
    const fixed = await tree.fixed(file);
    expect(fixed).toContain('dashboard = models.ForeignKey("dashboards.Dashboard", on_delete');
    expect(fixed).toContain("from .dashboard import Dashboard\n");
  });

  it("settings.AUTH_USER_MODEL is accepted, and from a routed product it is a relation into the default database", async () => {
    const file = "products/visual_review/backend/models.py";
    tree.edit(
      file,
      ["from django.db import models\n", "from django.conf import settings\nfrom django.db import models\n"],
      ["    approved_by_id = models.BigIntegerField(null=True, blank=True)\n", "    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)\n"],
    );
    const messages = await tree.messages(file);
    expect(messages.map(({ ruleId, messageId, line, column }) => ({ ruleId, messageId, line, column }))).toEqual([
      { ruleId: "posthog-products/no-cross-db-fk", messageId: "crossDatabase", line: 20, column: 37 },
    ]);
    expect(messages[0]!.message).toBe('Run.approved_by points at posthog.User in database "default", not "visual_review": store approved_by_id as a BigIntegerField.');
    expect(messages[0]!.suggestions?.map((suggestion) => suggestion.fix.text)).toEqual(["approved_by_id = models.BigIntegerField(db_index=True, null=True, blank=True)"]);
  });

  it("a Django contrib class target becomes its label, and its import goes", async () => {
    const file = "posthog/models/integration.py";
    tree.edit(
      file,
      ["from django.db import models\n", "from django.contrib.contenttypes.models import ContentType\nfrom django.db import models\n"],
      ['    kind = models.CharField(max_length=20)\n', '    kind = models.CharField(max_length=20)\n    content_type = models.ForeignKey(ContentType, null=True, on_delete=models.SET_NULL)\n'],
    );
    expect(await tree.findings([file])).toEqual([{ file, line: 8, column: 38, rule: "string-fk-labels", messageId: "classReference" }]);
    expect(await tree.fixed(file)).toBe(
      'from django.db import models\n\n\nclass Integration(models.Model):\n    team = models.ForeignKey("Team", on_delete=models.CASCADE)\n    kind = models.CharField(max_length=20)\n    content_type = models.ForeignKey("contenttypes.ContentType", null=True, on_delete=models.SET_NULL)\n',
    );
  });
});

describe("generated migrations", () => {
  it("are never reported: stale labels, the user model, imports of moved models", async () => {
    const file = "products/early_access_features/backend/migrations/0003_fix_contenttype_duplicates.py";
    tree.edit(file, ["from django.db import migrations\n", "from django.db import migrations\n\nfrom posthog.models import FeatureFlag  # noqa: F401\n"]);
    expect(await tree.findings(["products/early_access_features/backend/migrations", "products/feature_flags/backend/migrations", "products/visual_review/backend/migrations"])).toEqual([]);
  });
});
