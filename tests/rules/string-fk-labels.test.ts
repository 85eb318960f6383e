import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../src/rules/string-fk-labels.js";
import { ASSERTIONS, fixturePath, pythonRuleConfig, pythonRuleTester } from "../support/helpers.js";

const RULE = "string-fk-labels";
const tester = pythonRuleTester("python-repo");

/** A new module of the experiments app (not on disk: the index does not know its classes). */
const extra = fixturePath("python-repo", "products/experiments/backend/models/extra.py");
/** The experiments app's module defining Experiment and ExperimentHoldout (on disk). */
const experimentFile = fixturePath("python-repo", "products/experiments/backend/models/experiment.py");
const surveyLogic = fixturePath("python-repo", "products/surveys/backend/logic.py");
/** A file of the repository outside every app. */
const noApp = fixturePath("python-repo", "scripts/tool.py");
const migration = fixturePath("python-repo", "products/surveys/backend/migrations/0002_x.py");
const packageInit = fixturePath("python-repo", "products/surveys/backend/helpers/__init__.py");

const HEADER = "from django.db import models\n";

/** A `classReference` error on a target written `name` (its text) at line:column. */
function classReference(kind: string, label: string, name: string, line: number, column: number) {
  return { messageId: "classReference", data: { kind, label }, line, column, endLine: line, endColumn: column + name.length };
}

function unusedImport(name: string, label: string, line: number, column: number, written = name) {
  return { messageId: "unusedImport", data: { name, label }, line, column, endLine: line, endColumn: column + written.length };
}

const lines = (...text: string[]): string => text.join("\n");

/** experiment.py as on disk, but with the holdout named by its class (defined above it in the file). */
const experimentWithClassTarget = (target: string): string =>
  lines(
    "from django.db import models",
    "",
    "",
    "class ExperimentHoldout(models.Model):",
    "    name = models.CharField(max_length=400)",
    '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
    "",
    "",
    "class Experiment(models.Model):",
    "    name = models.CharField(max_length=400)",
    '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
    '    feature_flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)',
    `    holdout = models.ForeignKey(${target}, on_delete=models.SET_NULL, null=True)`,
    "",
  );

tester.run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "an app label", filename: extra, code: `${HEADER}flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)\n` },
    { name: '"self"', filename: extra, code: `${HEADER}parent = models.ForeignKey("self", on_delete=models.CASCADE)\n` },
    { name: "a bare name of the same app", filename: extra, code: `${HEADER}holdout = models.ForeignKey("ExperimentHoldout", on_delete=models.CASCADE)\n` },
    { name: "the target given by `to=`", filename: extra, code: `${HEADER}team = models.ForeignKey(to="posthog.Team", on_delete=models.CASCADE)\n` },
    { name: "model names in labels are case-insensitive", filename: extra, code: `${HEADER}team = models.OneToOneField('posthog.team', on_delete=models.CASCADE)\n` },
    { name: "a label of a Django contrib app", filename: extra, code: `${HEADER}groups = models.ManyToManyField("auth.Group")\n` },
    { name: "a bare `ForeignKey` callee", filename: extra, code: `${HEADER}license = ForeignKey("ee.License", on_delete=CASCADE)\n` },
    {
      name: "a class passed to a field that is no relation field",
      filename: extra,
      code: `${HEADER}from products.feature_flags.backend.models import FeatureFlag\nname = models.CharField(FeatureFlag)\n`,
    },
    { name: "arguments unpacked from *args / **kwargs", filename: extra, code: `${HEADER}fk = models.ForeignKey(*args, **kwargs)\n` },
    { name: "an f-string target", filename: extra, code: `${HEADER}fk = models.ForeignKey(f"{app}.Model", on_delete=models.CASCADE)\n` },
    { name: "a computed target", filename: extra, code: `${HEADER}fk = models.ForeignKey(get_model(), on_delete=models.CASCADE)\n` },
    {
      name: "a broken call is skipped (non-strict parsing)",
      filename: extra,
      code: `${HEADER}class A(models.Model):\n    fk = models.ForeignKey(FeatureFlag,\n`,
      languageOptions: { strict: false },
    },
    {
      name: "knownAppLabels accepts labels of apps outside the repository",
      filename: extra,
      code: `${HEADER}invoice = models.ForeignKey("billing.Invoice", on_delete=models.CASCADE)\n`,
      options: [{ knownAppLabels: ["billing"] }],
    },
    {
      name: "a class defined in the same file is allowed by default",
      filename: experimentFile,
      code: experimentWithClassTarget("ExperimentHoldout"),
    },
    {
      name: "settings.AUTH_USER_MODEL, and any x.AUTH_USER_MODEL, is accepted",
      filename: extra,
      code: lines(
        "from django.conf import settings",
        "from django.db import models",
        "",
        "owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)",
        "editor = models.ForeignKey(django.conf.settings.AUTH_USER_MODEL, on_delete=models.CASCADE)",
        "",
      ),
    },
    {
      name: "generated migrations are not reported, not even stale labels or class references",
      filename: migration,
      code: `${HEADER}from posthog.models import Team\n\nflag = models.ForeignKey(to="posthog.featureflag", on_delete=models.CASCADE)\nteam = models.ForeignKey(Team, on_delete=models.CASCADE)\n`,
    },

    // Imports of a model named by label that are not reported as unused.
    {
      name: "an import used elsewhere in the file",
      filename: extra,
      code: `${HEADER}from posthog.models import Team\n\nteam = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n\n\ndef owner() -> Team: ...\n`,
    },
    {
      name: "an import used in a string annotation",
      filename: extra,
      code: `${HEADER}from posthog.models import Team\n\n\nclass A(models.Model):\n    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n\n    def f(self, team: "Team"): ...\n`,
    },
    {
      name: "an import used in a cast string",
      filename: extra,
      code: `${HEADER}from typing import cast\n\nfrom posthog.models import Team\n\nteam = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\nx = cast("Team", y)\n`,
    },
    {
      name: "an import named in __all__",
      filename: extra,
      code: `${HEADER}from posthog.models import Team\n\n__all__ = ["Team"]\nteam = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n`,
    },
    {
      name: "an import under `if TYPE_CHECKING:`",
      filename: extra,
      code: `${HEADER}from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from posthog.models import Team\n\nteam = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n`,
    },
    {
      name: "an import statement marked `# noqa`",
      filename: extra,
      code: `${HEADER}from posthog.models import Team  # noqa: F401\n\nteam = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n`,
    },
    {
      name: "an import in a file named __init__.py",
      filename: packageInit,
      code: `${HEADER}from posthog.models import Team\n\nteam = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n`,
    },
    {
      name: "an unused import of a model no relation field of the file names",
      filename: extra,
      code: `${HEADER}from posthog.models import Organization\n\nteam = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n`,
    },
  ],
  invalid: [
    // Class references.
    {
      name: "a class reference: its fix replaces only the target, the import stays for a later pass",
      filename: extra,
      code: lines(
        "from django.db import models",
        "",
        "from products.feature_flags.backend.models import FeatureFlag",
        "",
        "",
        "class Rollout(models.Model):",
        "    flag = models.ForeignKey(FeatureFlag, on_delete=models.CASCADE)",
        "",
      ),
      output: lines(
        "from django.db import models",
        "",
        "from products.feature_flags.backend.models import FeatureFlag",
        "",
        "",
        "class Rollout(models.Model):",
        '    flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)',
        "",
      ),
      errors: [
        {
          message: 'Name the ForeignKey target by its label "feature_flags.FeatureFlag", not by the class.',
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 41,
        },
      ],
    },
    {
      name: "two targets of one import: each report fixes its own target, both in one pass",
      filename: extra,
      code: lines(
        "from django.db import models",
        "from posthog.models import Organization, Team",
        "",
        "class Rollout(models.Model):",
        "    team = models.ForeignKey(Team, on_delete=models.CASCADE)",
        "    backup_team = models.ForeignKey(to=Team, on_delete=models.SET_NULL, null=True)",
        "",
        "def owner(rollout) -> Organization: ...",
        "",
      ),
      output: lines(
        "from django.db import models",
        "from posthog.models import Organization, Team",
        "",
        "class Rollout(models.Model):",
        '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
        '    backup_team = models.ForeignKey(to="posthog.Team", on_delete=models.SET_NULL, null=True)',
        "",
        "def owner(rollout) -> Organization: ...",
        "",
      ),
      errors: [classReference("ForeignKey", "posthog.Team", "Team", 5, 30), classReference("ForeignKey", "posthog.Team", "Team", 6, 40)],
    },
    {
      name: "a product model re-exported by posthog.models gets its own app's label",
      filename: surveyLogic,
      code: `${HEADER}from posthog.models import FeatureFlag\nflag = models.OneToOneField(FeatureFlag, on_delete=models.CASCADE)\n`,
      output: `${HEADER}from posthog.models import FeatureFlag\nflag = models.OneToOneField("feature_flags.FeatureFlag", on_delete=models.CASCADE)\n`,
      errors: [classReference("OneToOneField", "feature_flags.FeatureFlag", "FeatureFlag", 3, 29)],
    },
    {
      name: "an attribute of an imported module alias",
      filename: extra,
      code: `${HEADER}from products.feature_flags.backend import models as flag_models\nflag = models.ForeignKey(flag_models.FeatureFlag, on_delete=models.CASCADE)\n`,
      output: `${HEADER}from products.feature_flags.backend import models as flag_models\nflag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)\n`,
      errors: [classReference("ForeignKey", "feature_flags.FeatureFlag", "flag_models.FeatureFlag", 3, 26)],
    },
    {
      name: "a dotted path after a plain `import`",
      filename: extra,
      code: `${HEADER}import posthog.models\n\nteam = models.ForeignKey(posthog.models.Team, on_delete=models.CASCADE)\n`,
      output: `${HEADER}import posthog.models\n\nteam = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n`,
      errors: [classReference("ForeignKey", "posthog.Team", "posthog.models.Team", 4, 26)],
    },
    {
      name: "a class imported from a sibling module of the same app (relative import) is reported; ForeignObject too",
      filename: extra,
      code: `${HEADER}from .experiment import Experiment\n\nlink = models.ForeignObject(Experiment, on_delete=models.CASCADE, from_fields=["experiment_id"], to_fields=["id"])\n`,
      output: `${HEADER}from .experiment import Experiment\n\nlink = models.ForeignObject("experiments.Experiment", on_delete=models.CASCADE, from_fields=["experiment_id"], to_fields=["id"])\n`,
      errors: [classReference("ForeignObject", "experiments.Experiment", "Experiment", 4, 29)],
    },
    {
      name: "an import inside a function binds the class reference",
      filename: extra,
      code: `${HEADER}def make_field():\n    from posthog.models import Team\n    return models.ForeignKey(Team, on_delete=models.CASCADE)\n`,
      output: `${HEADER}def make_field():\n    from posthog.models import Team\n    return models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n`,
      errors: [classReference("ForeignKey", "posthog.Team", "Team", 4, 30)],
    },
    {
      name: "allowSameFileClasses: false reports a class of the same file, fixed to its label",
      filename: experimentFile,
      options: [{ allowSameFileClasses: false }],
      code: experimentWithClassTarget("ExperimentHoldout"),
      output: experimentWithClassTarget('"experiments.ExperimentHoldout"'),
      errors: [classReference("ForeignKey", "experiments.ExperimentHoldout", "ExperimentHoldout", 13, 33)],
    },
    {
      name: "allowSameFileClasses: false, in a file of no app: reported without a fix",
      filename: noApp,
      options: [{ allowSameFileClasses: false }],
      code: `${HEADER}\nclass Parent(models.Model):\n    pass\n\n\nclass Child(models.Model):\n    parent = models.ForeignKey(Parent, on_delete=models.CASCADE)\n`,
      output: null,
      errors: [{ messageId: "unresolvedClassReference", data: { kind: "ForeignKey", name: "Parent" }, line: 8, column: 32, endLine: 8, endColumn: 38 }],
    },
    {
      name: "Django contrib models get their contrib app's label",
      filename: extra,
      code: lines(
        "from django.contrib.auth.models import Group, Permission, User",
        "from django.contrib.contenttypes.models import ContentType",
        "from django.contrib.sites.models import Site",
        "from django.db import models",
        "",
        "content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)",
        "groups = models.ManyToManyField(Group)",
        "permissions = models.ManyToManyField(Permission)",
        "user = models.ForeignKey(User, on_delete=models.CASCADE)",
        "site = models.ForeignKey(Site, on_delete=models.CASCADE)",
        "",
      ),
      output: lines(
        "from django.contrib.auth.models import Group, Permission, User",
        "from django.contrib.contenttypes.models import ContentType",
        "from django.contrib.sites.models import Site",
        "from django.db import models",
        "",
        'content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)',
        'groups = models.ManyToManyField("auth.Group")',
        'permissions = models.ManyToManyField("auth.Permission")',
        'user = models.ForeignKey("auth.User", on_delete=models.CASCADE)',
        'site = models.ForeignKey("sites.Site", on_delete=models.CASCADE)',
        "",
      ),
      errors: [
        classReference("ForeignKey", "contenttypes.ContentType", "ContentType", 6, 34),
        classReference("ManyToManyField", "auth.Group", "Group", 7, 33),
        classReference("ManyToManyField", "auth.Permission", "Permission", 8, 38),
        classReference("ForeignKey", "auth.User", "User", 9, 26),
        classReference("ForeignKey", "sites.Site", "Site", 10, 26),
      ],
    },
    {
      name: "another name of a Django contrib models module is unresolved",
      filename: extra,
      code: `${HEADER}from django.contrib.auth.models import AbstractUser\n\nuser = models.ForeignKey(AbstractUser, on_delete=models.CASCADE)\n`,
      output: null,
      errors: [{ messageId: "unresolvedClassReference", data: { kind: "ForeignKey", name: "AbstractUser" }, line: 4, column: 26, endLine: 4, endColumn: 38 }],
    },
    {
      name: "a class reference that resolves to no model: reported without a fix",
      filename: extra,
      code: `${HEADER}from somewhere import Thing\nthing = models.ForeignKey(Thing, on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          message: 'Thing is not a model of this repository: name the ForeignKey target "<app_label>.<ModelName>".',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 32,
        },
      ],
    },
    {
      name: "a class defined in two apps: reported without a fix",
      filename: surveyLogic,
      code: `${HEADER}from posthog.models import Annotation\nnote = models.ForeignKey(Annotation, on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          message: 'Annotation is a model of several apps (experiments, surveys): name the ForeignKey target "<app_label>.Annotation".',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 36,
        },
      ],
    },
    {
      name: "a class defined in two apps, imported under an alias: the message names the model",
      filename: surveyLogic,
      code: `${HEADER}from posthog.models import Annotation as Note\nnotes = models.ManyToManyField(Note)\n`,
      output: null,
      errors: [
        {
          messageId: "ambiguousClassReference",
          data: { kind: "ManyToManyField", name: "Annotation", apps: "experiments, surveys" },
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 36,
        },
      ],
    },

    // String targets.
    {
      name: "a Python path becomes the label, its quotes and CRLF kept",
      filename: extra,
      code: `${HEADER}flag = models.ForeignKey('products.feature_flags.backend.models.FeatureFlag', on_delete=models.CASCADE)\r\n`,
      output: `${HEADER}flag = models.ForeignKey('feature_flags.FeatureFlag', on_delete=models.CASCADE)\r\n`,
      errors: [
        {
          message: 'Name the ForeignKey target by its label "feature_flags.FeatureFlag", not by its Python path.',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 77,
        },
      ],
    },
    {
      name: "a Python path through the posthog.models re-export",
      filename: extra,
      code: `${HEADER}team = models.ForeignKey("posthog.models.team.team.Team", on_delete=models.CASCADE)\n`,
      output: `${HEADER}team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n`,
      errors: [
        {
          messageId: "pythonPath",
          data: { kind: "ForeignKey", label: "posthog.Team" },
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 57,
        },
      ],
    },
    {
      name: "a Python path to no known model: reported without a fix",
      filename: extra,
      code: `${HEADER}invoice = models.ForeignKey("products.billing.backend.models.Invoice", on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          message: 'No model Invoice in products.billing.backend.models: name the ForeignKey target "<app_label>.<ModelName>".',
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 70,
        },
      ],
    },
    {
      name: "a Python path to a module of a known app that has no such model",
      filename: extra,
      code: `${HEADER}flags = models.ManyToManyField(to="products.feature_flags.backend.models.Missing")\n`,
      output: null,
      errors: [
        {
          messageId: "unresolvedPythonPath",
          data: { kind: "ManyToManyField", name: "Missing", module: "products.feature_flags.backend.models" },
          line: 2,
          column: 35,
          endLine: 2,
          endColumn: 82,
        },
      ],
    },
    {
      name: "an unknown app label close to a known one: a suggestion",
      filename: extra,
      code: `${HEADER}flag = models.ForeignKey("feature_flag.FeatureFlag", on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          message: 'Unknown app label "feature_flag" in the ForeignKey target "feature_flag.FeatureFlag". Did you mean "feature_flags.FeatureFlag"?',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 52,
          suggestions: [
            {
              messageId: "useLabel",
              data: { replacement: "feature_flags.FeatureFlag" },
              output: `${HEADER}flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)\n`,
            },
          ],
        },
      ],
    },
    {
      name: "an unknown app label with nothing close: no suggestion",
      filename: extra,
      code: `${HEADER}invoice = models.ForeignKey("billing.Invoice", on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          messageId: "unknownAppLabel",
          data: { kind: "ForeignKey", appLabel: "billing", value: "billing.Invoice", hint: "" },
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 46,
          suggestions: [],
        },
      ],
    },
    {
      name: "a model another app defines: the suggestion names that app",
      filename: extra,
      code: `${HEADER}exp = models.ForeignKey("feature_flags.Experiment", on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          message: 'App "feature_flags" has no model Experiment (the ForeignKey target "feature_flags.Experiment"). Did you mean "experiments.Experiment"?',
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 51,
          suggestions: [
            {
              messageId: "useLabel",
              data: { replacement: "experiments.Experiment" },
              output: `${HEADER}exp = models.ForeignKey("experiments.Experiment", on_delete=models.CASCADE)\n`,
            },
          ],
        },
      ],
    },
    {
      name: "a misspelt model name: the suggestion has the close name, in single quotes when written so",
      filename: extra,
      code: `${HEADER}flag = models.ForeignKey('feature_flags.FeatureFlg', on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          messageId: "modelNotInApp",
          data: {
            kind: "ForeignKey",
            appLabel: "feature_flags",
            name: "FeatureFlg",
            value: "feature_flags.FeatureFlg",
            hint: ' Did you mean "feature_flags.FeatureFlag"?',
          },
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 52,
          suggestions: [
            {
              messageId: "useLabel",
              data: { replacement: "feature_flags.FeatureFlag" },
              output: `${HEADER}flag = models.ForeignKey('feature_flags.FeatureFlag', on_delete=models.CASCADE)\n`,
            },
          ],
        },
      ],
    },
    {
      name: "requireAppLabel: a bare model name gets the file's app label",
      filename: extra,
      options: [{ requireAppLabel: true }],
      code: `${HEADER}holdout = models.ForeignKey("ExperimentHoldout", on_delete=models.CASCADE)\n`,
      output: `${HEADER}holdout = models.ForeignKey("experiments.ExperimentHoldout", on_delete=models.CASCADE)\n`,
      errors: [
        {
          message: 'Name the ForeignKey target with its app label: "experiments.ExperimentHoldout".',
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 48,
        },
      ],
    },
    {
      name: "requireAppLabel, in a file of no app: reported without a fix",
      filename: noApp,
      options: [{ requireAppLabel: true }],
      code: `${HEADER}holdout = models.ForeignKey("ExperimentHoldout", on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          messageId: "missingAppLabel",
          data: { kind: "ForeignKey", label: "<app_label>.ExperimentHoldout" },
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 48,
        },
      ],
    },

    // Imports left unused once relation fields name the model by its label.
    {
      name: "an import no longer used once every relation field names the model by label: the statement is removed",
      filename: extra,
      code: `${HEADER}from products.feature_flags.backend.models import FeatureFlag\n\nflag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)\n`,
      output: `${HEADER}\nflag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)\n`,
      errors: [
        {
          message: 'Remove the import of FeatureFlag: it is unused now that relation fields name it "feature_flags.FeatureFlag".',
          line: 2,
          column: 51,
          endLine: 2,
          endColumn: 62,
        },
      ],
    },
    {
      name: "an unused name of a statement importing others: only that name is removed",
      filename: extra,
      code: lines(
        "from django.db import models",
        "from posthog.models import (",
        "    Organization,",
        "    Team,",
        ")",
        "",
        'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
        "",
        "",
        "def owner() -> Organization: ...",
        "",
      ),
      output: lines(
        "from django.db import models",
        "from posthog.models import (",
        "    Organization,",
        ")",
        "",
        'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
        "",
        "",
        "def owner() -> Organization: ...",
        "",
      ),
      errors: [unusedImport("Team", "posthog.Team", 4, 5)],
    },
    {
      name: "a label naming the model in another case still makes its import unused",
      filename: extra,
      code: `${HEADER}from posthog.models import Team as CoreTeam\n\nteam = models.ForeignKey("posthog.team", on_delete=models.CASCADE)\n`,
      output: `${HEADER}\nteam = models.ForeignKey("posthog.team", on_delete=models.CASCADE)\n`,
      errors: [unusedImport("CoreTeam", "posthog.Team", 2, 28, "Team as CoreTeam")],
    },
    {
      name: "a relative import of a sibling module left unused",
      filename: extra,
      code: `${HEADER}from .experiment import Experiment, ExperimentHoldout\n\nexperiment = models.ForeignKey("experiments.Experiment", on_delete=models.CASCADE)\nholdout = models.ForeignKey(ExperimentHoldout, on_delete=models.CASCADE)\n`,
      output: `${HEADER}from .experiment import ExperimentHoldout\n\nexperiment = models.ForeignKey("experiments.Experiment", on_delete=models.CASCADE)\nholdout = models.ForeignKey("experiments.ExperimentHoldout", on_delete=models.CASCADE)\n`,
      errors: [
        unusedImport("Experiment", "experiments.Experiment", 2, 25),
        classReference("ForeignKey", "experiments.ExperimentHoldout", "ExperimentHoldout", 5, 29),
      ],
    },
  ],
});

describe(`${RULE} with the Linter`, () => {
  const linter = new Linter({ configType: "flat" });
  const config = pythonRuleConfig(RULE, "python-repo");
  const teamMessage = 'Name the ForeignKey target by its label "posthog.Team", not by the class.';

  it("fixing a class reference, then the import it leaves unused, takes two passes: the label stays, the import goes", () => {
    const code = lines(
      "from django.db import models",
      "",
      "from products.feature_flags.backend.models import FeatureFlag",
      "",
      "",
      "class Rollout(models.Model):",
      "    flag = models.ForeignKey(FeatureFlag, on_delete=models.CASCADE)",
      "",
    );
    expect(linter.verify(code, config, extra).map((report) => report.messageId)).toEqual(["classReference"]);
    const { output, messages, fixed } = linter.verifyAndFix(code, config, extra);
    expect(fixed).toBe(true);
    expect(messages).toEqual([]);
    expect(output).toBe(
      lines(
        "from django.db import models",
        "",
        "",
        "class Rollout(models.Model):",
        '    flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)',
        "",
      ),
    );
  });

  it("names still used elsewhere keep their import after every pass", () => {
    const code = `${HEADER}from posthog.models import Organization, Team\n\n\nclass A(models.Model):\n    team = models.ForeignKey(Team, on_delete=models.CASCADE)\n\n    def other(self) -> Team: ...\n`;
    const { output, messages } = linter.verifyAndFix(code, config, extra);
    expect(messages).toEqual([]);
    expect(output).toBe(
      `${HEADER}from posthog.models import Organization, Team\n\n\nclass A(models.Model):\n    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n\n    def other(self) -> Team: ...\n`,
    );
  });

  it("does not overflow the stack on deeply nested code or a 20,000-long attribute chain", () => {
    const code = [
      HEADER,
      "from posthog.models import Team",
      `x = ${"(".repeat(20_000)}Team${")".repeat(20_000)}`,
      `fk = ${"a.".repeat(20_000)}ForeignKey(Team, on_delete=models.CASCADE)`,
      "team = models.ForeignKey(Team, on_delete=models.CASCADE)",
      "",
    ].join("\n");
    const messages = linter.verify(code, config, extra);
    expect(messages.map((report) => report.message)).toEqual([teamMessage, teamMessage]);
  });

  it("thousands of targets of one import: each report fixes its own target; the passes convert them all and drop the import", () => {
    const fields = Array.from({ length: 3000 }, (_, i) => `    team_${i} = models.ForeignKey(Team, on_delete=models.CASCADE)`);
    const code = `${HEADER}from posthog.models import Organization, Team\n\n\nclass A(models.Model):\n${fields.join("\n")}\n\n\ndef f() -> Organization: ...\n`;
    const messages = linter.verify(code, config, extra);
    expect(messages).toHaveLength(3000);
    expect(messages.every((report) => report.messageId === "classReference" && report.fix?.text === '"posthog.Team"')).toBe(true);
    const { output, messages: remaining } = linter.verifyAndFix(code, config, extra);
    expect(remaining).toEqual([]);
    expect(output).toBe(
      `${HEADER}from posthog.models import Organization\n\n\nclass A(models.Model):\n${fields.map((field) => field.replace("(Team,", '("posthog.Team",')).join("\n")}\n\n\ndef f() -> Organization: ...\n`,
    );
  });

  it("every message stays within 160 characters, however long the names in the file", () => {
    const long = "x".repeat(200);
    const chain = Array.from({ length: 40 }, (_, i) => `attribute_${i}`).join(".");
    const inputs = [
      `${HEADER}import products.feature_flags.backend.models as ${long}\nflag = models.ManyToManyField(${long}.FeatureFlag)\n`,
      `${HEADER}flag = models.ManyToManyField(${chain})\n`,
      `${HEADER}from posthog.models import Annotation as ${long}\nnote = models.ManyToManyField(${long})\n`,
      `${HEADER}from posthog.models import Team as ${long}\nteam = models.ManyToManyField("posthog.Team")\n`,
      `${HEADER}invoice = models.ManyToManyField("${long}.${long}")\n`,
      `${HEADER}flag = models.ManyToManyField("feature_flags.${long}")\n`,
    ];
    const messages = inputs.flatMap((code) => linter.verify(code, config, extra));
    expect(messages.map((report) => report.messageId)).toEqual([
      "classReference",
      "unresolvedClassReference",
      "ambiguousClassReference",
      "unusedImport",
      "unknownAppLabel",
      "modelNotInApp",
    ]);
    const required = linter.verify(`${HEADER}model = models.ManyToManyField("${long}")\n`, [{ ...config[0]!, rules: { [`posthog-products/${RULE}`]: ["error", { requireAppLabel: true }] } }], extra);
    expect(required.map((report) => report.messageId)).toEqual(["missingAppLabel"]);
    for (const report of [...messages, ...required]) expect(report.message.length, report.message).toBeLessThanOrEqual(160);
  });
});
