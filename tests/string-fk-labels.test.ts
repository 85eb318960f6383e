import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";
import rule from "../src/rules/string-fk-labels.js";
import { fixturePath, pythonRuleTester } from "./helpers.js";

const tester = pythonRuleTester("python-repo");
const extra = fixturePath("python-repo", "products/experiments/backend/models/extra.py");
const surveyLogic = fixturePath("python-repo", "products/surveys/backend/logic.py");

const HEADER = "from django.db import models\n";

tester.run("string-fk-labels", rule as never, {
  valid: [
    { filename: extra, code: `${HEADER}flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)\n` },
    { filename: extra, code: `${HEADER}parent = models.ForeignKey("self", on_delete=models.CASCADE)\n` },
    { filename: extra, code: `${HEADER}holdout = models.ForeignKey("ExperimentHoldout", on_delete=models.CASCADE)\n` },
    { filename: extra, code: `${HEADER}team = models.ForeignKey(to="posthog.Team", on_delete=models.CASCADE)\n` },
    { filename: extra, code: `${HEADER}team = models.OneToOneField('posthog.team', on_delete=models.CASCADE)\n` },
    { filename: extra, code: `${HEADER}groups = models.ManyToManyField("auth.Group")\n` },
    { filename: extra, code: `${HEADER}license = ForeignKey("ee.License", on_delete=CASCADE)\n` },
    { filename: extra, code: `${HEADER}from products.feature_flags.backend.models import FeatureFlag\nname = models.CharField(FeatureFlag)\n` },
    { filename: extra, code: `${HEADER}fk = models.ForeignKey(*args, **kwargs)\n` },
    { filename: extra, code: `${HEADER}fk = models.ForeignKey(f"{app}.Model", on_delete=models.CASCADE)\n` },
    { filename: extra, code: `${HEADER}fk = models.ForeignKey(get_model(), on_delete=models.CASCADE)\n` },
    { filename: extra, code: `${HEADER}class A(models.Model):\n    fk = models.ForeignKey(FeatureFlag,\n` },
    {
      filename: extra,
      code: `${HEADER}invoice = models.ForeignKey("billing.Invoice", on_delete=models.CASCADE)\n`,
      options: [{ knownAppLabels: ["billing"] }],
    },
  ],
  invalid: [
    {
      name: "class reference: string label, and the import it no longer needs goes",
      filename: extra,
      code: [
        "from django.db import models",
        "",
        "from products.feature_flags.backend.models import FeatureFlag",
        "",
        "",
        "class Rollout(models.Model):",
        "    flag = models.ForeignKey(FeatureFlag, on_delete=models.CASCADE)",
        "",
      ].join("\n"),
      output: [
        "from django.db import models",
        "",
        "",
        "class Rollout(models.Model):",
        '    flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)',
        "",
      ].join("\n"),
      errors: [
        {
          message: 'Name the ForeignKey target with the string "feature_flags.FeatureFlag", not the class FeatureFlag.',
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 41,
        },
      ],
    },
    {
      name: "two targets of one import: one fix pass converts both and drops the name",
      filename: extra,
      code: [
        "from django.db import models",
        "from posthog.models import Organization, Team",
        "",
        "class Rollout(models.Model):",
        "    team = models.ForeignKey(Team, on_delete=models.CASCADE)",
        "    backup_team = models.ForeignKey(to=Team, on_delete=models.SET_NULL, null=True)",
        "",
        "def owner(rollout) -> Organization: ...",
        "",
      ].join("\n"),
      output: [
        "from django.db import models",
        "from posthog.models import Organization",
        "",
        "class Rollout(models.Model):",
        '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
        '    backup_team = models.ForeignKey(to="posthog.Team", on_delete=models.SET_NULL, null=True)',
        "",
        "def owner(rollout) -> Organization: ...",
        "",
      ].join("\n"),
      errors: [
        { message: 'Name the ForeignKey target with the string "posthog.Team", not the class Team.', line: 5, column: 30 },
        { message: 'Name the ForeignKey target with the string "posthog.Team", not the class Team.', line: 6, column: 40 },
      ],
    },
    {
      name: "a name still used elsewhere keeps its import",
      filename: extra,
      code: `${HEADER}from posthog.models import Team\n\nclass A(models.Model):\n    team = models.ForeignKey(Team, on_delete=models.CASCADE)\n\n    def other(self) -> Team: ...\n`,
      output: `${HEADER}from posthog.models import Team\n\nclass A(models.Model):\n    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n\n    def other(self) -> Team: ...\n`,
      errors: [{ message: 'Name the ForeignKey target with the string "posthog.Team", not the class Team.', line: 5 }],
    },
    {
      name: "a product model re-exported by posthog.models gets its own app's label",
      filename: surveyLogic,
      code: `${HEADER}from posthog.models import FeatureFlag\nflag = models.OneToOneField(FeatureFlag, on_delete=models.CASCADE)\n`,
      output: `${HEADER}flag = models.OneToOneField("feature_flags.FeatureFlag", on_delete=models.CASCADE)\n`,
      errors: [{ message: 'Name the OneToOneField target with the string "feature_flags.FeatureFlag", not the class FeatureFlag.', line: 3 }],
    },
    {
      name: "module alias attribute reference",
      filename: extra,
      code: `${HEADER}from products.feature_flags.backend import models as flag_models\nflag = models.ForeignKey(flag_models.FeatureFlag, on_delete=models.CASCADE)\n`,
      output: `${HEADER}from products.feature_flags.backend import models as flag_models\nflag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)\n`,
      errors: [{ message: 'Name the ForeignKey target with the string "feature_flags.FeatureFlag", not the class flag_models.FeatureFlag.', line: 3, column: 26 }],
    },
    {
      name: "relative import inside a models package; ForeignObject too",
      filename: extra,
      code: `${HEADER}from .experiment import Experiment\n\nlink = models.ForeignObject(Experiment, on_delete=models.CASCADE, from_fields=["experiment_id"], to_fields=["id"])\n`,
      output: `${HEADER}\nlink = models.ForeignObject("experiments.Experiment", on_delete=models.CASCADE, from_fields=["experiment_id"], to_fields=["id"])\n`,
      errors: [{ message: 'Name the ForeignObject target with the string "experiments.Experiment", not the class Experiment.', line: 4 }],
    },
    {
      name: "a class of the same file gets the file's app label",
      filename: extra,
      code: `${HEADER}\nclass Parent(models.Model):\n    pass\n\n\nclass Child(models.Model):\n    parent = models.ManyToManyField(Parent)\n`,
      output: `${HEADER}\nclass Parent(models.Model):\n    pass\n\n\nclass Child(models.Model):\n    parent = models.ManyToManyField("experiments.Parent")\n`,
      errors: [{ message: 'Name the ManyToManyField target with the string "experiments.Parent", not the class Parent.', line: 8 }],
    },
    {
      name: "Python path string becomes the label, quotes kept",
      filename: extra,
      code: `${HEADER}flag = models.ForeignKey('products.feature_flags.backend.models.FeatureFlag', on_delete=models.CASCADE)\r\n`,
      output: `${HEADER}flag = models.ForeignKey('feature_flags.FeatureFlag', on_delete=models.CASCADE)\r\n`,
      errors: [
        {
          message:
            'Name the ForeignKey target with the app label "feature_flags.FeatureFlag", not the Python path "products.feature_flags.backend.models.FeatureFlag".',
          line: 2,
          column: 26,
          endColumn: 77,
        },
      ],
    },
    {
      name: "Python path through the posthog.models re-export",
      filename: extra,
      code: `${HEADER}team = models.ForeignKey("posthog.models.team.team.Team", on_delete=models.CASCADE)\n`,
      output: `${HEADER}team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n`,
      errors: [{ message: 'Name the ForeignKey target with the app label "posthog.Team", not the Python path "posthog.models.team.team.Team".', line: 2 }],
    },
    {
      name: "Python path to nothing known",
      filename: extra,
      code: `${HEADER}invoice = models.ForeignKey("products.billing.backend.models.Invoice", on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          message:
            'Name the ForeignKey target with an app label "<app_label>.<ModelName>", not the Python path "products.billing.backend.models.Invoice" (no model Invoice found in products.billing.backend.models).',
          line: 2,
        },
      ],
    },
    {
      name: "typo in the app label: suggestion",
      filename: extra,
      code: `${HEADER}flag = models.ForeignKey("feature_flag.FeatureFlag", on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          message: 'Unknown app label "feature_flag" in the ForeignKey target "feature_flag.FeatureFlag". Did you mean "feature_flags.FeatureFlag"?',
          line: 2,
          column: 26,
          suggestions: [
            {
              desc: 'Use "feature_flags.FeatureFlag".',
              output: `${HEADER}flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)\n`,
            },
          ],
        },
      ],
    },
    {
      name: "unknown app label with nothing close: no suggestion",
      filename: extra,
      code: `${HEADER}invoice = models.ForeignKey("billing.Invoice", on_delete=models.CASCADE)\n`,
      output: null,
      errors: [{ message: 'Unknown app label "billing" in the ForeignKey target "billing.Invoice".', line: 2, suggestions: [] }],
    },
    {
      name: "model defined in another app: suggestion names that app",
      filename: extra,
      code: `${HEADER}exp = models.ForeignKey("feature_flags.Experiment", on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          message: 'App "feature_flags" defines no model Experiment (the ForeignKey target "feature_flags.Experiment"). Did you mean "experiments.Experiment"?',
          suggestions: [
            { desc: 'Use "experiments.Experiment".', output: `${HEADER}exp = models.ForeignKey("experiments.Experiment", on_delete=models.CASCADE)\n` },
          ],
        },
      ],
    },
    {
      name: "misspelt model: suggestion with the close name",
      filename: extra,
      code: `${HEADER}flag = models.ForeignKey("feature_flags.FeatureFlg", on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          message: 'App "feature_flags" defines no model FeatureFlg (the ForeignKey target "feature_flags.FeatureFlg"). Did you mean "feature_flags.FeatureFlag"?',
          suggestions: [
            { desc: 'Use "feature_flags.FeatureFlag".', output: `${HEADER}flag = models.ForeignKey("feature_flags.FeatureFlag", on_delete=models.CASCADE)\n` },
          ],
        },
      ],
    },
    {
      name: "unresolvable class reference: reported, no fix",
      filename: extra,
      code: `${HEADER}from somewhere import Thing\nthing = models.ForeignKey(Thing, on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          message: 'Name the ForeignKey target with a string "<app_label>.<ModelName>": Thing could not be resolved to a model of this repository.',
          line: 3,
          column: 27,
        },
      ],
    },
    {
      name: "a class defined in two apps: reported, no fix",
      filename: surveyLogic,
      code: `${HEADER}from posthog.models import Annotation\nnote = models.ForeignKey(Annotation, on_delete=models.CASCADE)\n`,
      output: null,
      errors: [
        {
          message: 'Name the ForeignKey target with a string "<app_label>.Annotation": Annotation is defined in several apps (experiments, surveys).',
          line: 3,
        },
      ],
    },
    {
      name: "requireAppLabel: a bare model name gets the app label",
      filename: extra,
      options: [{ requireAppLabel: true }],
      code: `${HEADER}holdout = models.ForeignKey("ExperimentHoldout", on_delete=models.CASCADE)\n`,
      output: `${HEADER}holdout = models.ForeignKey("experiments.ExperimentHoldout", on_delete=models.CASCADE)\n`,
      errors: [{ message: 'Name the ForeignKey target with its app label: "experiments.ExperimentHoldout".', line: 2 }],
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
      rules: { "posthog-products/string-fk-labels": "error" as const },
    },
  ];

  it("does not overflow the stack on deeply nested code or a 20,000-long attribute chain (recursive helpers)", () => {
    const code = [
      HEADER,
      "from posthog.models import Team",
      `x = ${"(".repeat(20_000)}Team${")".repeat(20_000)}`,
      `fk = ${"a.".repeat(20_000)}ForeignKey(Team, on_delete=models.CASCADE)`,
      "team = models.ForeignKey(Team, on_delete=models.CASCADE)",
      "",
    ].join("\n");
    const messages = linter.verify(code, config, extra);
    expect(messages.map((message) => message.message)).toEqual([
      'Name the ForeignKey target with the string "posthog.Team", not the class Team.',
      'Name the ForeignKey target with the string "posthog.Team", not the class Team.',
    ]);
  });

  it("thousands of targets of one import: one report carries the group's fix, one pass converts them all and drops the import", () => {
    const fields = Array.from({ length: 3000 }, (_, i) => `    team_${i} = models.ForeignKey(Team, on_delete=models.CASCADE)`);
    const code = `${HEADER}from posthog.models import Organization, Team\n\n\nclass A(models.Model):\n${fields.join("\n")}\n\n\ndef f() -> Organization: ...\n`;
    const messages = linter.verify(code, config, extra);
    expect(messages).toHaveLength(3000);
    expect(messages.filter((message) => message.fix)).toHaveLength(1);
    const { output, messages: remaining } = linter.verifyAndFix(code, config, extra);
    expect(remaining).toEqual([]);
    expect(output).toBe(
      `${HEADER}from posthog.models import Organization\n\n\nclass A(models.Model):\n${fields.map((field) => field.replace("(Team,", '("posthog.Team",')).join("\n")}\n\n\ndef f() -> Organization: ...\n`,
    );
  });
});
