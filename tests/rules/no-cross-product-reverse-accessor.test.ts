import rule from "../../src/rules/no-cross-product-reverse-accessor.js";
import path from "node:path";
import { ASSERTIONS, fixturePath, pythonRuleTester } from "../support/helpers.js";
import { tempTree } from "../support/temp-tree.js";

const RULE = "no-cross-product-reverse-accessor";
const TREE = "isolation-repo";
const tester = pythonRuleTester(TREE);

const EXPERIMENTS = fixturePath(TREE, "products/experiments/backend/models/experiment.py");
const SHARING = fixturePath(TREE, "posthog/models/sharing_configuration.py");
const NOTEBOOKS = fixturePath(TREE, "products/notebooks/backend/models.py");

const lines = (...text: string[]): string => `${text.join("\n")}\n`;
const model = (...fields: string[]): string => lines("from django.conf import settings", "from django.db import models", "", "", "class Experiment(models.Model):", ...fields.map((field) => `    ${field}`));

/** Fields into core; the trailing comma of created_by's arguments stays where it is. */
const INTO_CORE = model(
  "team = models.ForeignKey(Team, on_delete=models.CASCADE)",
  "created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,)",
  'config = models.OneToOneField("posthog.Team", on_delete=models.CASCADE, related_name="experiment_config")',
  'viewers = models.ManyToManyField("posthog.User", related_name="%(app_label)s_%(class)s_viewed")',
).replace("from django.db import models\n", "from django.db import models\n\nfrom posthog.models import Team\n");

function crossing(field: string, target: string, accessor: string, line: number, column: number, endColumn: number, output: string) {
  return {
    messageId: "reverseAccessor",
    data: { field, target, accessor },
    line,
    column,
    endLine: line,
    endColumn,
    suggestions: [{ messageId: "hideAccessor", output }],
  };
}

tester.run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: 'related_name="+" hides the accessor', filename: EXPERIMENTS, code: model('team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, related_name="+")') },
    { name: "a related_name ending in + hides it too", filename: EXPERIMENTS, code: model('flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE, related_name="experiments+")') },
    { name: "a relation inside the product", filename: EXPERIMENTS, code: model('holdout = models.ForeignKey("ExperimentHoldout", on_delete=models.SET_NULL, null=True)', 'parent = models.ForeignKey("self", on_delete=models.CASCADE)') },
    { name: "a relation inside core", filename: SHARING, code: lines("from django.db import models", "", "class SharingConfiguration(models.Model):", '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)') },
    {
      name: "a relation between databases is left to no-cross-db-fk",
      filename: NOTEBOOKS,
      code: lines("from django.db import models", "", "class Notebook(models.Model):", '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },
    { name: "a related_name given by an expression is left alone", filename: EXPERIMENTS, code: model('flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE, related_name=NAME)') },
    { name: "a target outside the repository (Django contrib)", filename: EXPERIMENTS, code: model('group = models.ForeignKey("auth.Group", on_delete=models.CASCADE)') },
    { name: "migrations are left alone", filename: fixturePath(TREE, "products/experiments/backend/migrations/0002_flag.py"), code: 'from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    operations = [migrations.AddField("experiment", "flag", models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE))]\n' },
  ],
  invalid: [
    {
      name: "a product's field into another product (the accessor is <model>_set)",
      filename: EXPERIMENTS,
      code: model('feature_flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.RESTRICT)'),
      errors: [
        {
          message: 'Experiment.feature_flag adds a cross-product reverse accessor, FeatureFlag.experiment_set: pass related_name="+".',
          line: 6,
          column: 38,
          endLine: 6,
          endColumn: 65,
          suggestions: [
            {
              desc: 'Pass related_name="+" (code that reads the reverse accessor must query this model instead).',
              output: model('feature_flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.RESTRICT, related_name="+")'),
            },
          ],
        },
      ],
    },
    {
      name: "into core: a class reference, settings.AUTH_USER_MODEL, a one-to-one (accessor <model>), a many-to-many",
      filename: EXPERIMENTS,
      code: INTO_CORE,
      errors: [
        crossing("Experiment.team", "Team", "experiment_set", 8, 30, 34, INTO_CORE.replace("on_delete=models.CASCADE)\n", 'on_delete=models.CASCADE, related_name="+")\n')),
        crossing("Experiment.created_by", "User", "experiment_set", 9, 36, 60, INTO_CORE.replace("null=True,)", 'null=True, related_name="+",)')),
        crossing("Experiment.config", "Team", "experiment_config", 10, 35, 49, INTO_CORE.replace('related_name="experiment_config"', 'related_name="+"')),
        crossing("Experiment.viewers", "User", "experiments_experiment_viewed", 11, 38, 52, INTO_CORE.replace('related_name="%(app_label)s_%(class)s_viewed"', 'related_name="+"')),
      ],
    },
    {
      name: "core into a product",
      filename: SHARING,
      code: lines("from django.db import models", "", "class SharingConfiguration(models.Model):", '    experiment = models.ForeignKey("experiments.Experiment", on_delete=models.CASCADE, null=True)'),
      errors: [
        crossing(
          "SharingConfiguration.experiment",
          "Experiment",
          "sharingconfiguration_set",
          4,
          36,
          60,
          lines("from django.db import models", "", "class SharingConfiguration(models.Model):", '    experiment = models.ForeignKey("experiments.Experiment", on_delete=models.CASCADE, null=True, related_name="+")'),
        ),
      ],
    },
  ],
});

/** db_routing.yaml cannot be read (a YAML error): no-cross-db-fk reports that, and this rule cannot tell which fields it would report. */
const BROKEN_ROUTING = tempTree({ "products/db_routing.yaml": "routes:\n  - app_label: notebooks\n   database: notebooks\n" }, fixturePath(TREE));
const UNROUTED_NOTEBOOKS = tempTree({ "products/db_routing.yaml": "routes:\n  - app_label: notebooks\n" }, fixturePath(TREE));

pythonRuleTester(BROKEN_ROUTING).run(`${RULE} (db_routing.yaml unreadable)`, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "fields are left to no-cross-db-fk when the routing cannot be read", filename: path.join(BROKEN_ROUTING, "products/experiments/backend/models/experiment.py"), code: model('flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)') },
  ],
  invalid: [],
});

pythonRuleTester(UNROUTED_NOTEBOOKS).run(`${RULE} (an invalid route)`, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: "fields of an app whose route is invalid are left to no-cross-db-fk",
      filename: path.join(UNROUTED_NOTEBOOKS, "products/notebooks/backend/models.py"),
      code: lines("from django.db import models", "", "class Notebook(models.Model):", '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },
  ],
  invalid: [],
});

/** hogli's ratchet freezes two of the fields (a header comment and lines of other kinds around them). */
const WITH_BASELINE = tempTree(
  {
    "products/model_crossing_uses_baseline.txt": [
      "# Disallowed uses of product model classes in consumer code.",
      "feature_flags.FeatureFlag experiments.Experiment.feature_flag reverse-accessor(experiment_set) 1",
      "feature_flags.FeatureFlag products.experiments.backend.logic get_model 1",
      "posthog.Team experiments.Experiment.team reverse-accessor(experiment_set) 1",
      "feature_flags.FeatureFlag experiments.Experiment.query_flag reverse-accessor(query:experiment) 1",
      "",
    ].join("\r\n"),
  },
  fixturePath(TREE),
);
const BASELINED = path.join(WITH_BASELINE, "products/experiments/backend/models/experiment.py");
const BASELINE_FIELDS = model(
  'feature_flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.RESTRICT)',
  'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
  'holdout_flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.RESTRICT)',
);

pythonRuleTester(WITH_BASELINE).run(`${RULE} (products/model_crossing_uses_baseline.txt)`, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "the fields the baseline freezes are left alone", filename: BASELINED, code: model('feature_flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.RESTRICT)') },
    {
      name: "a reverse query name the baseline freezes (a query: row) is left alone",
      filename: BASELINED,
      code: model('query_flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.RESTRICT, related_name="+", related_query_name="experiment")'),
    },
  ],
  invalid: [
    {
      name: "a field the baseline does not list is reported (only new crossings)",
      filename: BASELINED,
      code: BASELINE_FIELDS,
      errors: [
        crossing("Experiment.holdout_flag", "FeatureFlag", "experiment_set", 8, 38, 65, BASELINE_FIELDS.replace('holdout_flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.RESTRICT)', 'holdout_flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.RESTRICT, related_name="+")')),
      ],
    },
    {
      name: "baseline: false reports the frozen fields too",
      filename: BASELINED,
      code: model('team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
      options: [{ baseline: false }],
      errors: [crossing("Experiment.team", "Team", "experiment_set", 6, 30, 44, model('team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, related_name="+")'))],
    },
  ],
});

/**
 * feature_flags keeps a legacy app label, `flags`: hogli's rows name its models by product
 * (`feature_flags.FeatureFlag`), older rows by label (`flags.FeatureFlag`).
 */
const LEGACY_LABEL = tempTree(
  {
    "products/feature_flags/backend/apps.py": lines("from django.apps import AppConfig", "", "", "class FeatureFlagsConfig(AppConfig):", '    name = "products.feature_flags.backend"', '    label = "flags"'),
    "products/model_crossing_uses_baseline.txt": lines(
      "feature_flags.FeatureFlag experiments.Experiment.feature_flag reverse-accessor(experiment_set) 1",
      "flags.FeatureFlag experiments.Experiment.holdout_flag reverse-accessor(experiment_set) 1",
      "experiments.Experiment feature_flags.FeatureFlag.experiment reverse-accessor(featureflag_set) 1",
    ),
  },
  fixturePath(TREE),
);
const LEGACY_EXPERIMENT = path.join(LEGACY_LABEL, "products/experiments/backend/models/experiment.py");
const LEGACY_FLAG = path.join(LEGACY_LABEL, "products/feature_flags/backend/models.py");
const flagModel = (field: string): string => lines("from django.db import models", "", "", "class FeatureFlag(models.Model):", `    ${field}`);

pythonRuleTester(LEGACY_LABEL).run(`${RULE} (a product with a legacy app label)`, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "the baseline names the target by its product", filename: LEGACY_EXPERIMENT, code: model('feature_flag = models.ForeignKey("flags.FeatureFlag", on_delete=models.RESTRICT)') },
    { name: "the baseline names the target by its app label", filename: LEGACY_EXPERIMENT, code: model('holdout_flag = models.ForeignKey("flags.FeatureFlag", on_delete=models.RESTRICT)') },
    { name: "the baseline names the owner by its product", filename: LEGACY_FLAG, code: flagModel('experiment = models.ForeignKey("experiments.Experiment", on_delete=models.CASCADE)') },
  ],
  invalid: [
    {
      name: "a field the baseline does not list, into the product with the legacy label",
      filename: LEGACY_EXPERIMENT,
      code: model('rollout_flag = models.ForeignKey("flags.FeatureFlag", on_delete=models.RESTRICT)'),
      errors: [
        crossing("Experiment.rollout_flag", "FeatureFlag", "experiment_set", 6, 38, 57, model('rollout_flag = models.ForeignKey("flags.FeatureFlag", on_delete=models.RESTRICT, related_name="+")')),
      ],
    },
  ],
});

/** A field of `Experiment` spread over lines, one argument a line, with its closing parenthesis. */
const spread = (...args: string[]): string => model(["flag = models.ForeignKey(", ...args.map((arg) => `    ${arg}`), ")"].join("\n    "));
const FLAG = '"feature_flags.FeatureFlag",';
const CASCADE = "on_delete=models.CASCADE,";

tester.run(`${RULE} (related_query_name)`, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: 'a related_query_name given by an expression under related_name="+" is left alone',
      filename: EXPERIMENTS,
      code: model('flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE, related_name="+", related_query_name=NAME)'),
    },
  ],
  invalid: [
    {
      name: 'related_name="+" with a related_query_name: filter() still crosses',
      filename: EXPERIMENTS,
      code: model('flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE, related_name="+", related_query_name="experiment")'),
      errors: [
        {
          message: "Experiment.flag keeps the cross-product reverse lookup FeatureFlag.objects.filter(experiment__…): remove related_query_name.",
          line: 6,
          column: 103,
          endLine: 6,
          endColumn: 134,
          suggestions: [
            {
              desc: "Remove related_query_name (code that filters through it must query this model instead).",
              output: model('flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE, related_name="+")'),
            },
          ],
        },
      ],
    },
    {
      name: "a visible accessor with a related_query_name: the suggestion hides the one and removes the other",
      filename: EXPERIMENTS,
      code: model('flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE, related_name="experiments", related_query_name="experiment")'),
      errors: [
        {
          messageId: "reverseAccessor",
          data: { field: "Experiment.flag", target: "FeatureFlag", accessor: "experiments" },
          line: 6,
          column: 30,
          endLine: 6,
          endColumn: 57,
          suggestions: [
            {
              messageId: "hideAccessorAndQueryName",
              output: model('flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE, related_name="+")'),
            },
          ],
        },
      ],
    },
    {
      name: "a last related_query_name with a trailing comma and no related_name: related_name takes its place",
      filename: EXPERIMENTS,
      code: spread(FLAG, CASCADE, 'related_query_name="experiment",'),
      errors: [
        {
          messageId: "reverseAccessor",
          data: { field: "Experiment.flag", target: "FeatureFlag", accessor: "experiment_set" },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 36,
          suggestions: [
            {
              desc: 'Pass related_name="+" and remove related_query_name (code that reads the reverse accessor or filters through it must query this model instead).',
              output: spread(FLAG, 'on_delete=models.CASCADE, related_name="+",'),
            },
          ],
        },
      ],
    },
    {
      name: "a comment before related_query_name may be about the argument before it: no suggestion",
      filename: EXPERIMENTS,
      code: spread(FLAG, CASCADE, 'related_name="+",', "# how filters reach the experiments of a flag", 'related_query_name="experiment",'),
      errors: [{ messageId: "reverseQueryName", data: { field: "Experiment.flag", target: "FeatureFlag", query: "experiment" }, line: 11, column: 9, endLine: 11, endColumn: 40, suggestions: [] }],
    },
  ],
});
