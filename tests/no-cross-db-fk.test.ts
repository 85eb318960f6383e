import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../src/index.js";
import { getPythonParser } from "../src/parsers/python/tree-sitter.js";
import { clearRepoIndexCache } from "../src/project/index.js";
import rule from "../src/rules/no-cross-db-fk.js";
import { fixturePath, pythonRuleTester } from "./helpers.js";

const TREE = "cross-db-repo";
const tester = pythonRuleTester(TREE);

/** Files of the fixture tree by app: visual_review and review_comments share database "visual_review". */
const snapshotFile = fixturePath(TREE, "products/visual_review/backend/models/snapshot.py");
const runFile = fixturePath(TREE, "products/visual_review/backend/models/run.py");
const commentFile = fixturePath(TREE, "products/review_comments/backend/models.py");
const issueFile = fixturePath(TREE, "products/error_tracking/backend/models.py");
const flagFile = fixturePath(TREE, "products/feature_flags/backend/models.py");
const teamFile = fixturePath(TREE, "posthog/models/team/team.py");

/** Temporary copies of the fixture tree with a different db_routing.yaml (fixtures are never modified). */
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "no-cross-db-fk-"));
function treeWithRouting(name: string, routing: string | null): string {
  const dir = path.join(tempRoot, name);
  fs.cpSync(fixturePath(TREE), dir, { recursive: true });
  const file = path.join(dir, "products", "db_routing.yaml");
  if (routing === null) fs.rmSync(file);
  else fs.writeFileSync(file, routing);
  return dir;
}
const missingRouting = treeWithRouting("missing", null);
const emptyRouting = treeWithRouting("empty", "");
const commentOnlyRouting = treeWithRouting("comments", "# No product has its own database yet.\nroutes:\n");
const invalidYaml = treeWithRouting(
  "invalid-yaml",
  ["routes:", "  - app_label: visual_review", "    database: visual_review", "   - app_label: broken", ""].join("\n"),
);
const invalidShape = treeWithRouting(
  "invalid-shape",
  ["routes:", "  - app_label: visual_review", "    database: visual_review", "    optional: maybe", ""].join("\n"),
);
const twoProblems = treeWithRouting(
  "two-problems",
  ["routes:", "  - app_label: visual_review", "  - database: error_tracking", ""].join("\n"),
);

afterAll(() => {
  clearRepoIndexCache();
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

const HEADER = "from django.db import models\n\n\n";

function model(className: string, ...body: string[]): string {
  return `${HEADER}class ${className}(models.Model):\n${body.map((line) => `    ${line}`).join("\n")}\n`;
}

const SPEC_MESSAGE =
  'Snapshot.team points at posthog.Team in the default database, but visual_review lives in database "visual_review". Store team_id as a BigIntegerField and fetch Team through its facade.';

/** Every suggestion output of the invalid cases below, checked to parse without errors. */
const suggestionOutputs: string[] = [];
function suggestion(desc: string, output: string): { desc: string; output: string } {
  suggestionOutputs.push(output);
  return { desc, output };
}

tester.run("no-cross-db-fk", rule as never, {
  valid: [
    { name: "same app, string label", filename: snapshotFile, code: model("Snapshot", 'run = models.ForeignKey("visual_review.Run", on_delete=models.CASCADE)') },
    { name: '"self"', filename: snapshotFile, code: model("Baseline", 'parent = models.ForeignKey("self", on_delete=models.SET_NULL, null=True)') },
    { name: "bare same-app name", filename: snapshotFile, code: model("Snapshot", 'run = models.ForeignKey("Run", on_delete=models.CASCADE)') },
    {
      name: "same-file class",
      filename: snapshotFile,
      code: `${HEADER}class Run(models.Model):\n    pass\n\n\nclass Snapshot(models.Model):\n    run = models.ForeignKey(Run, on_delete=models.CASCADE)\n`,
    },
    {
      name: "relative import within the product",
      filename: snapshotFile,
      code: `${HEADER}from .run import Run\n\n\nclass Snapshot(models.Model):\n    run = models.ForeignKey(Run, on_delete=models.CASCADE)\n`,
    },
    {
      name: "two products routed to the same database",
      filename: commentFile,
      code: model("Comment", 'snapshot = models.ForeignKey("visual_review.Snapshot", on_delete=models.CASCADE)'),
    },
    {
      name: "same database, many-to-many",
      filename: commentFile,
      code: model("Thread", 'snapshots = models.ManyToManyField("visual_review.Snapshot")'),
    },
    { name: "default to default", filename: flagFile, code: model("FeatureFlag", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)') },
    { name: "default to Django contrib", filename: flagFile, code: model("FeatureFlag", 'groups = models.ManyToManyField("auth.Group")') },
    { name: "the plain id field", filename: runFile, code: model("Run", "team_id = models.BigIntegerField(db_index=True)") },
    {
      name: "not a model field: module level, function body, migration operation",
      filename: runFile,
      code: [
        HEADER,
        'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
        "",
        "def build():",
        '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
        "",
        'operation = migrations.AddField(model_name="run", name="team", field=models.ForeignKey(to="posthog.Team", on_delete=models.CASCADE))',
        "",
      ].join("\n"),
    },
    {
      name: "unresolvable class reference (string-fk-labels reports it)",
      filename: runFile,
      code: model("Run", "team = models.ForeignKey(get_team_model(), on_delete=models.CASCADE)", "other = models.ForeignKey(Unknown, on_delete=models.CASCADE)"),
    },
    {
      name: "default-database model into a routed product, with checkUnroutedModels off",
      filename: teamFile,
      code: model("Team", 'latest_run = models.ForeignKey("visual_review.Run", on_delete=models.SET_NULL, null=True)'),
      options: [{ checkUnroutedModels: false }],
    },
    {
      name: "a file outside any Django app",
      filename: fixturePath(TREE, "scripts/seed.py"),
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },
    {
      name: "a relation inside a syntax error",
      filename: runFile,
      code: `${HEADER}class Run(models.Model):\n    team = models.ForeignKey("posthog.Team",\n`,
    },
    {
      name: "missing db_routing.yaml: no routes",
      filename: path.join(missingRouting, "products/visual_review/backend/models/snapshot.py"),
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
      settings: { "posthog-products": { root: missingRouting } },
    },
    {
      name: "empty db_routing.yaml: no routes",
      filename: path.join(emptyRouting, "products/visual_review/backend/models/snapshot.py"),
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
      settings: { "posthog-products": { root: emptyRouting } },
    },
    {
      name: "db_routing.yaml with an empty routes list",
      filename: path.join(commentOnlyRouting, "products/visual_review/backend/models/snapshot.py"),
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
      settings: { "posthog-products": { root: commentOnlyRouting } },
    },
    {
      name: "invalid db_routing.yaml: a file without relation fields has nothing to report",
      filename: path.join(invalidYaml, "products/visual_review/backend/models/run.py"),
      code: model("Run", "team_id = models.BigIntegerField(db_index=True)"),
      settings: { "posthog-products": { root: invalidYaml } },
    },
  ],
  invalid: [
    {
      name: "the SPEC example: string label to the default database",
      filename: snapshotFile,
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
      errors: [
        {
          message: SPEC_MESSAGE,
          line: 5,
          column: 30,
          endLine: 5,
          endColumn: 44,
          suggestions: [
            suggestion(
              "Store team_id as a BigIntegerField instead (a schema change: make a migration).",
              model("Snapshot", "team_id = models.BigIntegerField(db_index=True)"),
            ),
          ],
        },
      ],
    },
    {
      name: "to= keyword; null and blank kept, on_delete and related_name dropped",
      filename: snapshotFile,
      code: model(
        "Snapshot",
        'team = models.ForeignKey(to="posthog.Team", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")',
      ),
      errors: [
        {
          message: SPEC_MESSAGE,
          line: 5,
          column: 33,
          suggestions: [
            suggestion(
              "Store team_id as a BigIntegerField instead (a schema change: make a migration).",
              model("Snapshot", "team_id = models.BigIntegerField(db_index=True, null=True, blank=True)"),
            ),
          ],
        },
      ],
    },
    {
      name: "multi-line call: one argument a line, comments of kept arguments kept, indentation kept",
      filename: snapshotFile,
      code: model(
        "Snapshot",
        "approved_by = models.ForeignKey(",
        '    "posthog.User",',
        "    on_delete=models.SET_NULL,  # keep history",
        "    null=True,  # not approved yet",
        "    blank=True,",
        '    related_name="approved_snapshots",',
        ")",
        "image_hash = models.CharField(max_length=64)",
      ),
      errors: [
        {
          message:
            'Snapshot.approved_by points at posthog.User in the default database, but visual_review lives in database "visual_review". Store approved_by_id as a BigIntegerField and fetch User through its facade.',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            suggestion(
              "Store approved_by_id as a BigIntegerField instead (a schema change: make a migration).",
              model(
                "Snapshot",
                "approved_by_id = models.BigIntegerField(",
                "    db_index=True,",
                "    null=True,  # not approved yet",
                "    blank=True,",
                ")",
                "image_hash = models.CharField(max_length=64)",
              ),
            ),
          ],
        },
      ],
    },
    {
      name: "hanging multi-line call becomes one line; db_column kept so the column stays",
      filename: snapshotFile,
      code: model(
        "Snapshot",
        'team = models.ForeignKey("posthog.Team",',
        '                         on_delete=models.CASCADE, db_column="team_ref",',
        "                         null=True)",
      ),
      errors: [
        {
          message: SPEC_MESSAGE,
          line: 5,
          suggestions: [
            suggestion(
              "Store team_id as a BigIntegerField instead (a schema change: make a migration).",
              model("Snapshot", 'team_id = models.BigIntegerField(db_index=True, db_column="team_ref", null=True)'),
            ),
          ],
        },
      ],
    },
    {
      name: "CRLF line endings and tab indentation are kept",
      filename: snapshotFile,
      code: 'from django.db import models\r\n\r\n\r\nclass Snapshot(models.Model):\r\n\tteam = models.ForeignKey(\r\n\t\t"posthog.Team",\r\n\t\ton_delete=models.CASCADE,\r\n\t\tnull=True,\r\n\t)\r\n',
      errors: [
        {
          message: SPEC_MESSAGE,
          line: 6,
          column: 3,
          suggestions: [
            suggestion(
              "Store team_id as a BigIntegerField instead (a schema change: make a migration).",
              "from django.db import models\r\n\r\n\r\nclass Snapshot(models.Model):\r\n\tteam_id = models.BigIntegerField(\r\n\t\tdb_index=True,\r\n\t\tnull=True,\r\n\t)\r\n",
            ),
          ],
        },
      ],
    },
    {
      name: "class reference through an absolute import",
      filename: snapshotFile,
      code: `${HEADER}from posthog.models import Team\n\n\nclass Snapshot(models.Model):\n    team = models.ForeignKey(Team, on_delete=models.CASCADE)\n`,
      errors: [
        {
          message: SPEC_MESSAGE,
          line: 8,
          column: 30,
          endColumn: 34,
          suggestions: [
            suggestion(
              "Store team_id as a BigIntegerField instead (a schema change: make a migration).",
              `${HEADER}from posthog.models import Team\n\n\nclass Snapshot(models.Model):\n    team_id = models.BigIntegerField(db_index=True)\n`,
            ),
          ],
        },
      ],
    },
    {
      name: "class reference through a relative import, into another product database",
      filename: snapshotFile,
      code: `${HEADER}from ....error_tracking.backend.models import ErrorTrackingIssue\n\n\nclass Snapshot(models.Model):\n    issue = models.OneToOneField(ErrorTrackingIssue, on_delete=models.CASCADE, primary_key=True)\n`,
      errors: [
        {
          message:
            'Snapshot.issue points at error_tracking.ErrorTrackingIssue in database "error_tracking", but visual_review lives in database "visual_review". Store issue_id as a BigIntegerField and fetch ErrorTrackingIssue through its facade.',
          line: 8,
          column: 34,
          suggestions: [
            suggestion(
              "Store issue_id as a BigIntegerField instead (a schema change: make a migration).",
              `${HEADER}from ....error_tracking.backend.models import ErrorTrackingIssue\n\n\nclass Snapshot(models.Model):\n    issue_id = models.BigIntegerField(primary_key=True)\n`,
            ),
          ],
        },
      ],
    },
    {
      name: "module alias attribute reference; OneToOneField keeps its uniqueness",
      filename: issueFile,
      code: `${HEADER}from posthog import models as core_models\n\n\nclass ErrorTrackingSettings(models.Model):\n    team = models.OneToOneField(core_models.Team, on_delete=models.CASCADE)\n`,
      errors: [
        {
          message:
            'ErrorTrackingSettings.team points at posthog.Team in the default database, but error_tracking lives in database "error_tracking". Store team_id as a BigIntegerField and fetch Team through its facade.',
          line: 8,
          suggestions: [
            suggestion(
              "Store team_id as a BigIntegerField instead (a schema change: make a migration).",
              `${HEADER}from posthog import models as core_models\n\n\nclass ErrorTrackingSettings(models.Model):\n    team_id = models.BigIntegerField(unique=True)\n`,
            ),
          ],
        },
      ],
    },
    {
      name: "a default-database model pointing into a routed product; Python-path string",
      filename: teamFile,
      code: model(
        "Team",
        'latest_run = models.ForeignKey("visual_review.Run", on_delete=models.SET_NULL, null=True)',
        'pinned = models.ForeignKey("products.visual_review.backend.models.Snapshot", on_delete=models.SET_NULL, null=True)',
      ),
      errors: [
        {
          message:
            'Team.latest_run points at visual_review.Run in database "visual_review", but posthog lives in the default database. Store latest_run_id as a BigIntegerField and fetch Run through its facade.',
          line: 5,
          suggestions: [
            suggestion(
              "Store latest_run_id as a BigIntegerField instead (a schema change: make a migration).",
              model(
                "Team",
                "latest_run_id = models.BigIntegerField(db_index=True, null=True)",
                'pinned = models.ForeignKey("products.visual_review.backend.models.Snapshot", on_delete=models.SET_NULL, null=True)',
              ),
            ),
          ],
        },
        {
          message:
            'Team.pinned points at visual_review.Snapshot in database "visual_review", but posthog lives in the default database. Store pinned_id as a BigIntegerField and fetch Snapshot through its facade.',
          line: 6,
          suggestions: [
            suggestion(
              "Store pinned_id as a BigIntegerField instead (a schema change: make a migration).",
              model(
                "Team",
                'latest_run = models.ForeignKey("visual_review.Run", on_delete=models.SET_NULL, null=True)',
                "pinned_id = models.BigIntegerField(db_index=True, null=True)",
              ),
            ),
          ],
        },
      ],
    },
    {
      name: "ManyToManyField across databases: reported without a suggestion",
      filename: snapshotFile,
      code: model("Snapshot", 'reviewers = models.ManyToManyField("posthog.User", related_name="reviewed_snapshots")'),
      errors: [
        {
          message:
            'Snapshot.reviewers points at posthog.User in the default database, but visual_review lives in database "visual_review". A ManyToManyField cannot span two databases: replace it with a model of visual_review that stores user_id as a BigIntegerField, and fetch User through its facade.',
          line: 5,
          column: 40,
          suggestions: [],
        },
      ],
    },
    {
      name: "ForeignObject across databases: reported without a suggestion",
      filename: snapshotFile,
      code: model(
        "Snapshot",
        "team_id = models.BigIntegerField()",
        'team = models.ForeignObject("posthog.Team", on_delete=models.DO_NOTHING, from_fields=["team_id"], to_fields=["id"])',
      ),
      errors: [
        {
          message:
            'Snapshot.team points at posthog.Team in the default database, but visual_review lives in database "visual_review". A ForeignObject cannot join across databases: remove it, keep the plain id column, and fetch Team through its facade.',
          line: 6,
          suggestions: [],
        },
      ],
    },
    {
      name: "a field already named *_id keeps its name",
      filename: runFile,
      code: model("Run", 'team_id = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, db_column="team_id")'),
      errors: [
        {
          message:
            'Run.team_id points at posthog.Team in the default database, but visual_review lives in database "visual_review". Store team_id as a BigIntegerField and fetch Team through its facade.',
          suggestions: [
            suggestion(
              "Store team_id as a BigIntegerField instead (a schema change: make a migration).",
              model("Run", 'team_id = models.BigIntegerField(db_index=True, db_column="team_id")'),
            ),
          ],
        },
      ],
    },
    {
      name: "no suggestion when the class already has the id field",
      filename: runFile,
      code: model("Run", "team_id = models.BigIntegerField()", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, db_column="team_ref")'),
      errors: [
        {
          message:
            'Run.team points at posthog.Team in the default database, but visual_review lives in database "visual_review". Store team_id as a BigIntegerField and fetch Team through its facade.',
          line: 6,
          suggestions: [],
        },
      ],
    },
    {
      name: "no suggestion when the field name is unknown",
      filename: runFile,
      code: model("Run", '(team) = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
      errors: [
        {
          message:
            'A ForeignKey of Run points at posthog.Team in the default database, but visual_review lives in database "visual_review". Store the Team id as a BigIntegerField and fetch Team through its facade.',
          suggestions: [],
        },
      ],
    },
    {
      name: "an annotated field; a lowercase model name in the label",
      filename: runFile,
      code: model("Run", 'team: "models.ForeignKey[Team]" = models.ForeignKey("posthog.team", on_delete=models.CASCADE)'),
      errors: [
        {
          message:
            'Run.team points at posthog.Team in the default database, but visual_review lives in database "visual_review". Store team_id as a BigIntegerField and fetch Team through its facade.',
          suggestions: [
            suggestion(
              "Store team_id as a BigIntegerField instead (a schema change: make a migration).",
              model("Run", "team_id = models.BigIntegerField(db_index=True)"),
            ),
          ],
        },
      ],
    },
    {
      name: "bare ForeignKey imported from django.db.models: BigIntegerField joins the import",
      filename: runFile,
      code: 'from django.db.models import CASCADE, ForeignKey, Model\n\n\nclass Run(Model):\n    team = ForeignKey("posthog.Team", on_delete=CASCADE)\n',
      errors: [
        {
          message:
            'Run.team points at posthog.Team in the default database, but visual_review lives in database "visual_review". Store team_id as a BigIntegerField and fetch Team through its facade.',
          suggestions: [
            suggestion(
              "Store team_id as a BigIntegerField instead (a schema change: make a migration).",
              'from django.db.models import CASCADE, ForeignKey, Model, BigIntegerField\n\n\nclass Run(Model):\n    team_id = BigIntegerField(db_index=True)\n',
            ),
          ],
        },
      ],
    },
    {
      name: "a product sharing another product's database: that product is fine, the others are not",
      filename: commentFile,
      code: model(
        "Comment",
        'snapshot = models.ForeignKey("visual_review.Snapshot", on_delete=models.CASCADE)',
        'issue = models.ForeignKey("error_tracking.ErrorTrackingIssue", on_delete=models.CASCADE)',
        'author = models.ForeignKey("posthog.User", on_delete=models.CASCADE)',
      ),
      errors: [
        {
          message:
            'Comment.issue points at error_tracking.ErrorTrackingIssue in database "error_tracking", but review_comments lives in database "visual_review". Store issue_id as a BigIntegerField and fetch ErrorTrackingIssue through its facade.',
          line: 6,
          suggestions: [
            suggestion(
              "Store issue_id as a BigIntegerField instead (a schema change: make a migration).",
              model(
                "Comment",
                'snapshot = models.ForeignKey("visual_review.Snapshot", on_delete=models.CASCADE)',
                "issue_id = models.BigIntegerField(db_index=True)",
                'author = models.ForeignKey("posthog.User", on_delete=models.CASCADE)',
              ),
            ),
          ],
        },
        {
          message:
            'Comment.author points at posthog.User in the default database, but review_comments lives in database "visual_review". Store author_id as a BigIntegerField and fetch User through its facade.',
          line: 7,
          suggestions: [
            suggestion(
              "Store author_id as a BigIntegerField instead (a schema change: make a migration).",
              model(
                "Comment",
                'snapshot = models.ForeignKey("visual_review.Snapshot", on_delete=models.CASCADE)',
                'issue = models.ForeignKey("error_tracking.ErrorTrackingIssue", on_delete=models.CASCADE)',
                "author_id = models.BigIntegerField(db_index=True)",
              ),
            ),
          ],
        },
      ],
    },
    {
      name: "invalid db_routing.yaml (YAML error): one report per file, at the first relation field",
      filename: path.join(invalidYaml, "products/visual_review/backend/models/snapshot.py"),
      settings: { "posthog-products": { root: invalidYaml } },
      code: model(
        "Snapshot",
        "image_hash = models.CharField(max_length=64)",
        'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
        'run = models.ForeignKey("visual_review.Run", on_delete=models.CASCADE)',
      ),
      errors: [
        {
          message:
            "products/db_routing.yaml:4:4 is invalid (Invalid YAML: All sequence items must start at the same column): no-cross-db-fk cannot check relations across databases until it is fixed.",
          line: 6,
          column: 30,
          endLine: 6,
          endColumn: 44,
        },
      ],
    },
    {
      name: "invalid db_routing.yaml (wrong shape): the message names the file and line",
      filename: path.join(invalidShape, "posthog/models/team/team.py"),
      settings: { "posthog-products": { root: invalidShape } },
      code: model("Team", 'organization = models.ForeignKey("posthog.Organization", on_delete=models.CASCADE)'),
      errors: [
        {
          message:
            "products/db_routing.yaml:4:15 is invalid (`optional` must be `true` or `false`): no-cross-db-fk cannot check relations across databases until it is fixed.",
          line: 5,
          column: 38,
        },
      ],
    },
    {
      name: "invalid db_routing.yaml with several problems: the first is named, the others counted",
      filename: path.join(twoProblems, "products/visual_review/backend/models/run.py"),
      settings: { "posthog-products": { root: twoProblems } },
      code: model("Run", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
      errors: [
        {
          message:
            "products/db_routing.yaml:2:5 is invalid (Route is missing `database`; and 1 more problem): no-cross-db-fk cannot check relations across databases until it is fixed.",
          line: 5,
        },
      ],
    },
  ],
});

describe("no-cross-db-fk suggestions", () => {
  it("every suggested output parses without errors", () => {
    expect(suggestionOutputs.length).toBeGreaterThan(10);
    for (const output of suggestionOutputs) {
      const tree = getPythonParser().parse(output)!;
      try {
        expect(tree.rootNode.hasError, output).toBe(false);
      } finally {
        tree.delete();
      }
    }
  });
});

describe("no-cross-db-fk in the recommended config", () => {
  it("reports the cross-database relations of a real models file with `...configs.recommended`", async () => {
    const eslint = new ESLint({
      cwd: fixturePath(TREE),
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended],
    });
    const [result] = await eslint.lintFiles(["products/visual_review/backend/models/snapshot.py"]);
    const messages = result!.messages.filter((message) => message.ruleId === "posthog-products/no-cross-db-fk");
    expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
    expect(messages.map(({ line, column, message, severity }) => ({ line, column, message, severity }))).toEqual([
      {
        line: 8,
        column: 30,
        severity: 2,
        message: SPEC_MESSAGE,
      },
      {
        line: 10,
        column: 9,
        severity: 2,
        message:
          'Snapshot.approved_by points at posthog.User in the default database, but visual_review lives in database "visual_review". Store approved_by_id as a BigIntegerField and fetch User through its facade.',
      },
    ]);
    expect(messages.every((message) => message.suggestions?.length === 1)).toBe(true);
  });
});
