import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint, type RuleTester } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { getPythonParser } from "../../src/languages/python/tree-sitter.js";
import { clearRepoIndexCache } from "../../src/project/index.js";
import rule from "../../src/rules/no-cross-db-fk.js";
import { ASSERTIONS, fixturePath, pythonRuleTester } from "../support/helpers.js";

/**
 * The fixture tree routes visual_review and review_comments to database "visual_review" and
 * error_tracking to database "error_tracking"; posthog, ee, feature_flags, experiments and
 * surveys have no route (the default database).
 */
const TREE = "cross-db-repo";
const tester = pythonRuleTester(TREE);

const SNAPSHOT = "products/visual_review/backend/models/snapshot.py";
const RUN = "products/visual_review/backend/models/run.py";
const COMMENT = "products/review_comments/backend/models.py";
const ISSUE = "products/error_tracking/backend/models.py";
const FLAG = "products/feature_flags/backend/models.py";
const TEAM = "posthog/models/team/team.py";

const snapshotFile = fixturePath(TREE, SNAPSHOT);
const runFile = fixturePath(TREE, RUN);
const commentFile = fixturePath(TREE, COMMENT);
const issueFile = fixturePath(TREE, ISSUE);
const flagFile = fixturePath(TREE, FLAG);
const teamFile = fixturePath(TREE, TEAM);

/** Temporary copies of the fixture tree (fixture files are never modified). */
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "no-cross-db-fk-"));

/** A copy of the fixture tree with another db_routing.yaml (null: none). */
function treeWithRouting(name: string, routing: string | null): string {
  const dir = path.join(tempRoot, name);
  fs.cpSync(fixturePath(TREE), dir, { recursive: true });
  const file = path.join(dir, "products", "db_routing.yaml");
  if (routing === null) fs.rmSync(file);
  else fs.writeFileSync(file, routing);
  return dir;
}

/** A copy of the fixture tree with extra files (relative path → text). */
function treeWithFiles(name: string, files: Record<string, string>): string {
  const dir = path.join(tempRoot, name);
  fs.cpSync(fixturePath(TREE), dir, { recursive: true });
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), text);
  }
  return dir;
}

const lines = (...text: string[]): string => `${text.join("\n")}\n`;

const missingRouting = treeWithRouting("missing", null);
const emptyRouting = treeWithRouting("empty", "");
const commentOnlyRouting = treeWithRouting("comments", lines("# No product has its own database yet.", "routes:"));
/** Unreadable as a list of routes: a YAML syntax error (line 4). */
const yamlError = treeWithRouting(
  "yaml-error",
  lines("routes:", "  - app_label: visual_review", "    database: visual_review", "   - app_label: broken"),
);
/** Unreadable as a list of routes: the top level is a list, not a mapping. */
const topLevelList = treeWithRouting("top-level-list", lines("- app_label: visual_review", "  database: visual_review"));
/** Unreadable as a list of routes: `routes` is a mapping. */
const routesNotList = treeWithRouting("routes-not-list", lines("routes:", "  app_label: visual_review", "  database: visual_review"));
/** The error_tracking entry has no database (line 4): skipped, the other routes stand. */
const missingDatabase = treeWithRouting(
  "missing-database",
  lines(
    "routes:",
    "  - app_label: visual_review",
    "    database: visual_review",
    "  - app_label: error_tracking",
    "  - app_label: review_comments",
    "    database: visual_review",
  ),
);
/** The visual_review entry has an invalid `optional` (line 4): skipped, error_tracking stands. */
const invalidOptional = treeWithRouting(
  "invalid-optional",
  lines(
    "routes:",
    "  - app_label: visual_review",
    "    database: visual_review",
    "    optional: maybe",
    "  - app_label: error_tracking",
    "    database: error_tracking",
  ),
);
/** visual_review is routed to two databases (second entry, line 6); error_tracking twice to the same one. */
const twoDatabases = treeWithRouting(
  "two-databases",
  lines(
    "routes:",
    "  - app_label: visual_review",
    "    database: visual_review",
    "  - app_label: error_tracking",
    "    database: error_tracking",
    "  - app_label: visual_review",
    "    database: reviews",
    "  - app_label: error_tracking",
    "    database: error_tracking",
  ),
);
/** Invalid entries without a usable app_label (missing, empty, not a mapping), and one valid route. */
const unlabelledEntries = treeWithRouting(
  "unlabelled-entries",
  lines(
    "routes:",
    "  - database: orphan",
    '  - app_label: ""',
    "    database: empty",
    "  - just a string",
    "  - app_label: visual_review",
    "    database: visual_review",
  ),
);
/** The only entry has no app_label: no routes. */
const onlyUnlabelledEntry = treeWithRouting("only-unlabelled-entry", lines("routes:", "  - database: visual_review"));
/** visual_review's entry lacks `database` (line 2); the second entry has no app_label. */
const twoInvalidEntries = treeWithRouting("two-invalid-entries", lines("routes:", "  - app_label: visual_review", "  - database: error_tracking"));
/**
 * A `posthog/settings/` package whose web.py names the user model with a plain string (base.py,
 * read first, assigns it something else than a string).
 */
const settingsPackage = treeWithFiles("settings-package", {
  "posthog/settings/__init__.py": lines("from .base import *", "from .web import *"),
  "posthog/settings/base.py": lines("import os", "", 'AUTH_USER_MODEL = os.environ.get("USER_MODEL")'),
  "posthog/settings/web.py": lines('AUTH_USER_MODEL = "review_comments.Reviewer"'),
});

/** A single `posthog/settings.py` naming the user model. */
const settingsModule = treeWithFiles("settings-module", {
  "posthog/settings.py": lines('AUTH_USER_MODEL = "error_tracking.Member"'),
});

/** The same file of another tree, with that tree as the root. */
function inTree(root: string, relative: string): { filename: string; settings: Record<string, unknown> } {
  return { filename: path.join(root, relative), settings: { "posthog-products": { root } } };
}

afterAll(() => {
  clearRepoIndexCache();
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

const HEADER = "from django.db import models\n\n\n";

/** A module of imports and one model class; the class body starts on line `imports.length + 4`. */
function pyModule(imports: string[], className: string, ...body: string[]): string {
  return `${imports.join("\n")}\n\n\nclass ${className}(models.Model):\n${body.map((line) => `    ${line}`).join("\n")}\n`;
}

/** `from django.db import models` and one model class; the class body starts on line 5. */
function model(className: string, ...body: string[]): string {
  return pyModule(["from django.db import models"], className, ...body);
}

type CrossData = {
  owner: string;
  target: string;
  targetDatabase: string;
  ownerDatabase: string;
};

type TestCaseError = RuleTester.TestCaseError;
type UseIdField = RuleTester.SuggestionOutput & { messageId: "useIdField" };

/** Every suggestion output of the invalid cases below, checked to parse without errors. */
const suggestionOutputs: string[] = [];
function useIdField(output: string): UseIdField {
  suggestionOutputs.push(output);
  return { messageId: "useIdField", output };
}

function crossDatabase(data: CrossData & { idField: string }, line: number, column: number, suggestions: UseIdField[]): TestCaseError {
  return { messageId: "crossDatabase", data, line, column, suggestions };
}

function crossDatabaseManyToMany(data: CrossData, line: number, column: number): TestCaseError {
  return { messageId: "crossDatabaseManyToMany", data, line, column, suggestions: [] };
}

function crossDatabaseForeignObject(data: CrossData, line: number, column: number): TestCaseError {
  return { messageId: "crossDatabaseForeignObject", data, line, column, suggestions: [] };
}


const SNAPSHOT_TEAM = {
  owner: "Snapshot.team",
  target: "posthog.Team",
  targetDatabase: "default",
  ownerDatabase: "visual_review",
  idField: "team_id",
};

const SPEC_MESSAGE = 'Snapshot.team points at posthog.Team in database "default", not "visual_review": store team_id as a BigIntegerField.';

tester.run("no-cross-db-fk", rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: "a string label of the same app",
      filename: snapshotFile,
      code: model("Snapshot", 'run = models.ForeignKey("visual_review.Run", on_delete=models.CASCADE)'),
    },
    {
      name: '"self" is the same model',
      filename: snapshotFile,
      code: model("Baseline", 'parent = models.ForeignKey("self", on_delete=models.SET_NULL, null=True)'),
    },
    {
      name: "a bare model name is a model of the same app",
      filename: snapshotFile,
      code: model("Snapshot", 'run = models.ForeignKey("Run", on_delete=models.CASCADE)'),
    },
    {
      name: "a class of the same file is a model of the same app",
      filename: snapshotFile,
      code: `${HEADER}class Run(models.Model):\n    pass\n\n\nclass Snapshot(models.Model):\n    run = models.ForeignKey(Run, on_delete=models.CASCADE)\n`,
    },
    {
      name: "a class of the same file defined after an import of the same name is the class",
      filename: snapshotFile,
      code: `${HEADER}from posthog.models import Team\n\n\nclass Team(models.Model):\n    pass\n\n\nclass Snapshot(models.Model):\n    team = models.ForeignKey(Team, on_delete=models.CASCADE)\n`,
    },
    {
      name: "a relative import within the product",
      filename: snapshotFile,
      code: `${HEADER}from .run import Run\n\n\nclass Snapshot(models.Model):\n    run = models.ForeignKey(Run, on_delete=models.CASCADE)\n`,
    },
    {
      name: "two products routed to the same database",
      filename: commentFile,
      code: model("Comment", 'snapshot = models.ForeignKey("visual_review.Snapshot", on_delete=models.CASCADE)'),
    },
    {
      name: "a many-to-many field within one database",
      filename: commentFile,
      code: model("Thread", 'snapshots = models.ManyToManyField("visual_review.Snapshot")'),
    },
    {
      name: "a default-database model pointing at another default-database model",
      filename: flagFile,
      code: model("FeatureFlag", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },
    {
      name: "a default-database model pointing at a Django contrib label",
      filename: flagFile,
      code: model("FeatureFlag", 'groups = models.ManyToManyField("auth.Group")'),
    },
    {
      name: "a default-database model pointing at a Django contrib model class",
      filename: flagFile,
      code: pyModule(
        ["from django.contrib.contenttypes.models import ContentType", "from django.db import models"],
        "FeatureFlag",
        "content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)",
      ),
    },
    {
      name: "a class of a Django contrib module that is not a known model is not resolved",
      filename: snapshotFile,
      code: pyModule(
        ["from django.contrib.auth.models import AbstractUser", "from django.db import models"],
        "Snapshot",
        "owner = models.ForeignKey(AbstractUser, on_delete=models.CASCADE)",
      ),
    },
    {
      name: "settings.AUTH_USER_MODEL from a default-database model is the default user model, same database",
      filename: flagFile,
      code: pyModule(
        ["from django.conf import settings", "from django.db import models"],
        "FeatureFlag",
        "created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)",
      ),
    },
    {
      name: "settings.AUTH_USER_MODEL is the authUserModel setting: a user model in the same database",
      filename: snapshotFile,
      settings: { "posthog-products": { root: fixturePath(TREE), authUserModel: "visual_review.Reviewer" } },
      code: pyModule(
        ["from django.conf import settings", "from django.db import models"],
        "Snapshot",
        "reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)",
      ),
    },
    {
      name: "settings.AUTH_USER_MODEL is the label a posthog/settings/ module assigns: a user model in the same database",
      ...inTree(settingsPackage, SNAPSHOT),
      code: pyModule(
        ["from django.conf import settings", "from django.db import models"],
        "Snapshot",
        "reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)",
      ),
    },
    {
      name: "the plain id field",
      filename: runFile,
      code: model("Run", "team_id = models.BigIntegerField(db_index=True)"),
    },
    {
      name: "relation fields outside a model class: module level, function body, migration operation",
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
      name: "a migration is not checked, even a model class in it",
      filename: fixturePath(TREE, "products/visual_review/backend/migrations/0002_snapshot_team.py"),
      code: [
        "from django.db import migrations, models",
        "",
        "",
        "class Snapshot(models.Model):",
        '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
        "",
        "",
        "class Migration(migrations.Migration):",
        "    operations = [",
        '        migrations.AddField(model_name="snapshot", name="team", field=models.ForeignKey(on_delete=models.CASCADE, to="posthog.team")),',
        "    ]",
        "",
      ].join("\n"),
    },
    {
      name: "a migration stub (.pyi) is not checked",
      filename: fixturePath(TREE, "products/visual_review/backend/migrations/0002_snapshot_team.pyi"),
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },
    {
      name: "class references that cannot be resolved",
      filename: runFile,
      code: model("Run", "team = models.ForeignKey(get_team_model(), on_delete=models.CASCADE)", "other = models.ForeignKey(Unknown, on_delete=models.CASCADE)"),
    },
    {
      name: "a default-database model pointing into a routed product, with checkUnroutedModels off",
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
      name: "a relation inside a syntax error (the language recovering from it, as in an editor)",
      filename: runFile,
      languageOptions: { strict: false },
      code: `${HEADER}class Run(models.Model):\n    team = models.ForeignKey("posthog.Team",\n`,
    },
    {
      name: "no db_routing.yaml: no routes",
      ...inTree(missingRouting, SNAPSHOT),
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },
    {
      name: "an empty db_routing.yaml: no routes",
      ...inTree(emptyRouting, SNAPSHOT),
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },
    {
      name: "a db_routing.yaml with an empty routes list: no routes",
      ...inTree(commentOnlyRouting, SNAPSHOT),
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },
    {
      name: "an unreadable db_routing.yaml: a file without relation fields has nothing to report",
      ...inTree(yamlError, RUN),
      code: model("Run", "team_id = models.BigIntegerField(db_index=True)"),
    },
    {
      name: "an unreadable db_routing.yaml: relation fields outside a model class are not reported",
      ...inTree(yamlError, RUN),
      code: `${HEADER}team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n`,
    },
    {
      name: "an invalid entry: a file whose relations involve no label of an invalid entry is checked with the valid routes",
      ...inTree(missingDatabase, COMMENT),
      code: model(
        "Comment",
        'snapshot = models.ForeignKey("visual_review.Snapshot", on_delete=models.CASCADE)',
        'reply_to = models.ForeignKey("review_comments.Comment", on_delete=models.CASCADE)',
      ),
    },
    {
      name: "an invalid entry is skipped: its app is in the default database for relations not involving it",
      ...inTree(invalidOptional, TEAM),
      code: model("Team", 'organization = models.ForeignKey("posthog.Organization", on_delete=models.CASCADE)'),
    },
    {
      name: "an app label routed twice to the same database is valid",
      ...inTree(twoDatabases, ISSUE),
      code: model("ErrorTrackingIssueFingerprint", 'issue = models.ForeignKey("ErrorTrackingIssue", on_delete=models.CASCADE)'),
    },
    {
      name: "invalid entries without a usable app_label name no app: nothing reported for them",
      ...inTree(unlabelledEntries, TEAM),
      code: model("Team", 'organization = models.ForeignKey("posthog.Organization", on_delete=models.CASCADE)'),
    },
    {
      name: "a db_routing.yaml whose only entry has no usable app_label: no routes, nothing reported",
      ...inTree(onlyUnlabelledEntry, SNAPSHOT),
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },
    {
      name: "invalid entries without a usable app_label: apps without a valid route are in the default database",
      ...inTree(unlabelledEntries, ISSUE),
      code: model("ErrorTrackingIssue", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },

    // An invalid db_routing.yaml is reported in that file (the YAML language, valid-db-routing):
    // here, relations whose databases it leaves unknown are not checked, and nothing names it.
    {
      name: "a class of the same file, in an app whose route is invalid: its relations are not checked (valid-db-routing reports the route)",
      ...inTree(missingDatabase, ISSUE),
      code: `${HEADER}class ErrorTrackingIssue(models.Model):\n    pass\n\n\nclass ErrorTrackingIssueFingerprint(models.Model):\n    other = models.ForeignKey(Unknown, on_delete=models.CASCADE)\n    issue = models.ForeignKey(ErrorTrackingIssue, on_delete=models.CASCADE)\n`,
    },
    {
      name: "a YAML syntax error in db_routing.yaml: nothing reported here (the YAML language reports it in that file)",
      ...inTree(yamlError, SNAPSHOT),
      code: model(
        "Snapshot",
        "image_hash = models.CharField(max_length=64)",
        'run = models.ForeignKey("visual_review.Run", on_delete=models.CASCADE)',
        'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
      ),
    },
    {
      name: "a db_routing.yaml whose top level is not a mapping: nothing reported, also in a default-database model",
      ...inTree(topLevelList, TEAM),
      code: model(
        "Team",
        'organization = models.ForeignKey("posthog.Organization", on_delete=models.CASCADE)',
        'latest_run = models.ForeignKey("visual_review.Run", on_delete=models.SET_NULL, null=True)',
      ),
    },
    {
      name: "a db_routing.yaml whose top level is not a mapping: nothing reported with checkUnroutedModels off",
      ...inTree(topLevelList, TEAM),
      options: [{ checkUnroutedModels: false }],
      code: model("Team", 'organization = models.ForeignKey("posthog.Organization", on_delete=models.CASCADE)'),
    },
    {
      name: "a db_routing.yaml whose routes is not a list: nothing reported",
      ...inTree(routesNotList, RUN),
      code: model("Run", "team = models.ForeignKey(get_team_model(), on_delete=models.CASCADE)", 'other = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },
    {
      name: "an entry without database: a model of its app is not checked",
      ...inTree(missingDatabase, ISSUE),
      code: model(
        "ErrorTrackingSettings",
        'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
        'run = models.ForeignKey("visual_review.Run", on_delete=models.CASCADE)',
      ),
    },
    {
      name: "an entry without database: a default-database model pointing at its app is not checked",
      ...inTree(missingDatabase, FLAG),
      code: model(
        "FeatureFlag",
        'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
        'issue = models.ForeignKey("error_tracking.ErrorTrackingIssue", on_delete=models.SET_NULL, null=True)',
      ),
    },
    {
      name: "an invalid optional: relations of its app are not checked",
      ...inTree(invalidOptional, RUN),
      code: model("Run", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },
    {
      name: "two invalid entries: relations of the file's app are not checked",
      ...inTree(twoInvalidEntries, RUN),
      code: model("Run", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
    },
  ],
  invalid: [
    {
      name: "a string label to the default database (full message)",
      filename: snapshotFile,
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
      errors: [
        {
          message: SPEC_MESSAGE,
          line: 5,
          column: 30,
          endLine: 5,
          endColumn: 44,
          suggestions: [useIdField(model("Snapshot", "team_id = models.BigIntegerField(db_index=True)"))],
        },
      ],
    },
    {
      name: "to= keyword: null and blank kept, on_delete and related_name dropped",
      filename: snapshotFile,
      code: model(
        "Snapshot",
        'team = models.ForeignKey(to="posthog.Team", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")',
      ),
      errors: [
        crossDatabase(SNAPSHOT_TEAM, 5, 33, [
          useIdField(model("Snapshot", "team_id = models.BigIntegerField(db_index=True, null=True, blank=True)")),
        ]),
      ],
    },
    {
      name: "a multi-line call: one argument a line, comments of kept arguments kept, indentation kept",
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
          ...crossDatabase({ ...SNAPSHOT_TEAM, owner: "Snapshot.approved_by", target: "posthog.User", idField: "approved_by_id" }, 6, 9, [
            useIdField(model(
                "Snapshot",
                "approved_by_id = models.BigIntegerField(",
                "    db_index=True,",
                "    null=True,  # not approved yet",
                "    blank=True,",
                ")",
                "image_hash = models.CharField(max_length=64)",
              ),
            ),
          ]),
          endLine: 6,
          endColumn: 23,
        },
      ],
    },
    {
      name: "a hanging multi-line call becomes one line; db_column kept so the column stays",
      filename: snapshotFile,
      code: model(
        "Snapshot",
        'team = models.ForeignKey("posthog.Team",',
        '                         on_delete=models.CASCADE, db_column="team_ref",',
        "                         null=True)",
      ),
      errors: [
        crossDatabase(SNAPSHOT_TEAM, 5, 30, [
          useIdField(model("Snapshot", 'team_id = models.BigIntegerField(db_index=True, db_column="team_ref", null=True)')),
        ]),
      ],
    },
    {
      name: "CRLF line endings and tab indentation are kept",
      filename: snapshotFile,
      code: 'from django.db import models\r\n\r\n\r\nclass Snapshot(models.Model):\r\n\tteam = models.ForeignKey(\r\n\t\t"posthog.Team",\r\n\t\ton_delete=models.CASCADE,\r\n\t\tnull=True,\r\n\t)\r\n',
      errors: [
        crossDatabase(SNAPSHOT_TEAM, 6, 3, [
          useIdField("from django.db import models\r\n\r\n\r\nclass Snapshot(models.Model):\r\n\tteam_id = models.BigIntegerField(\r\n\t\tdb_index=True,\r\n\t\tnull=True,\r\n\t)\r\n",
          ),
        ]),
      ],
    },
    {
      name: "a class reference through an absolute import",
      filename: snapshotFile,
      code: `${HEADER}from posthog.models import Team\n\n\nclass Snapshot(models.Model):\n    team = models.ForeignKey(Team, on_delete=models.CASCADE)\n`,
      errors: [
        {
          ...crossDatabase(SNAPSHOT_TEAM, 8, 30, [
            useIdField(`${HEADER}from posthog.models import Team\n\n\nclass Snapshot(models.Model):\n    team_id = models.BigIntegerField(db_index=True)\n`,
            ),
          ]),
          endColumn: 34,
        },
      ],
    },
    {
      name: "a class reference through a relative import, into another product's database; primary_key kept without an index",
      filename: snapshotFile,
      code: `${HEADER}from ....error_tracking.backend.models import ErrorTrackingIssue\n\n\nclass Snapshot(models.Model):\n    issue = models.OneToOneField(ErrorTrackingIssue, on_delete=models.CASCADE, primary_key=True)\n`,
      errors: [
        crossDatabase(
          {
            owner: "Snapshot.issue",
            target: "error_tracking.ErrorTrackingIssue",
            targetDatabase: "error_tracking",
            ownerDatabase: "visual_review",
            idField: "issue_id",
          },
          8,
          34,
          [
            useIdField(`${HEADER}from ....error_tracking.backend.models import ErrorTrackingIssue\n\n\nclass Snapshot(models.Model):\n    issue_id = models.BigIntegerField(primary_key=True)\n`,
            ),
          ],
        ),
      ],
    },
    {
      name: "a module alias attribute reference; a OneToOneField keeps its uniqueness",
      filename: issueFile,
      code: `${HEADER}from posthog import models as core_models\n\n\nclass ErrorTrackingSettings(models.Model):\n    team = models.OneToOneField(core_models.Team, on_delete=models.CASCADE)\n`,
      errors: [
        crossDatabase(
          { owner: "ErrorTrackingSettings.team", target: "posthog.Team", targetDatabase: "default", ownerDatabase: "error_tracking", idField: "team_id" },
          8,
          33,
          [
            useIdField(`${HEADER}from posthog import models as core_models\n\n\nclass ErrorTrackingSettings(models.Model):\n    team_id = models.BigIntegerField(unique=True)\n`,
            ),
          ],
        ),
      ],
    },
    {
      name: "a default-database model pointing into a routed product; a Python-path string",
      filename: teamFile,
      code: model(
        "Team",
        'latest_run = models.ForeignKey("visual_review.Run", on_delete=models.SET_NULL, null=True)',
        'pinned = models.ForeignKey("products.visual_review.backend.models.Snapshot", on_delete=models.SET_NULL, null=True)',
      ),
      errors: [
        crossDatabase(
          { owner: "Team.latest_run", target: "visual_review.Run", targetDatabase: "visual_review", ownerDatabase: "default", idField: "latest_run_id" },
          5,
          36,
          [
            useIdField(model(
                "Team",
                "latest_run_id = models.BigIntegerField(db_index=True, null=True)",
                'pinned = models.ForeignKey("products.visual_review.backend.models.Snapshot", on_delete=models.SET_NULL, null=True)',
              ),
            ),
          ],
        ),
        crossDatabase(
          { owner: "Team.pinned", target: "visual_review.Snapshot", targetDatabase: "visual_review", ownerDatabase: "default", idField: "pinned_id" },
          6,
          32,
          [
            useIdField(model(
                "Team",
                'latest_run = models.ForeignKey("visual_review.Run", on_delete=models.SET_NULL, null=True)',
                "pinned_id = models.BigIntegerField(db_index=True, null=True)",
              ),
            ),
          ],
        ),
      ],
    },
    {
      name: "a ManyToManyField across databases is reported without a suggestion (full message)",
      filename: snapshotFile,
      code: model("Snapshot", 'reviewers = models.ManyToManyField("posthog.User", related_name="reviewed_snapshots")'),
      errors: [
        {
          message: 'Snapshot.reviewers points at posthog.User in database "default", not "visual_review": a ManyToManyField cannot span databases.',
          line: 5,
          column: 40,
          suggestions: [],
        },
      ],
    },
    {
      name: "a ForeignObject across databases is reported without a suggestion (full message)",
      filename: snapshotFile,
      code: model(
        "Snapshot",
        "team_id = models.BigIntegerField()",
        'team = models.ForeignObject("posthog.Team", on_delete=models.DO_NOTHING, from_fields=["team_id"], to_fields=["id"])',
      ),
      errors: [
        {
          message: 'Snapshot.team points at posthog.Team in database "default", not "visual_review": a ForeignObject cannot join across databases.',
          line: 6,
          column: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: "a ForeignObject given by to= keyword",
      filename: runFile,
      code: model("Run", 'team = models.ForeignObject(to="posthog.Team", on_delete=models.DO_NOTHING, from_fields=["team_id"], to_fields=["id"])'),
      errors: [
        crossDatabaseForeignObject({ owner: "Run.team", target: "posthog.Team", targetDatabase: "default", ownerDatabase: "visual_review" }, 5, 36),
      ],
    },
    {
      name: "a field already named *_id keeps its name",
      filename: runFile,
      code: model("Run", 'team_id = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, db_column="team_id")'),
      errors: [
        crossDatabase({ ...SNAPSHOT_TEAM, owner: "Run.team_id" }, 5, 33, [
          useIdField(model("Run", 'team_id = models.BigIntegerField(db_index=True, db_column="team_id")')),
        ]),
      ],
    },
    {
      name: "no suggestion when the class already has the id field",
      filename: runFile,
      code: model("Run", "team_id = models.BigIntegerField()", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, db_column="team_ref")'),
      errors: [crossDatabase({ ...SNAPSHOT_TEAM, owner: "Run.team" }, 6, 30, [])],
    },
    {
      name: "the suggestion stays when the class names the id field without assigning it",
      filename: runFile,
      code: model("Run", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)', "", "class Meta:", '    indexes = [models.Index(fields=["team_id"])]'),
      errors: [
        crossDatabase({ ...SNAPSHOT_TEAM, owner: "Run.team" }, 5, 30, [
          useIdField(model("Run", "team_id = models.BigIntegerField(db_index=True)", "", "class Meta:", '    indexes = [models.Index(fields=["team_id"])]')),
        ]),
      ],
    },
    {
      name: "no suggestion when the field name is unknown; the id field is named after the target",
      filename: runFile,
      code: model("Run", '(team) = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
      errors: [crossDatabase({ ...SNAPSHOT_TEAM, owner: "a ForeignKey of Run" }, 5, 32, [])],
    },
    {
      name: "the id field named after a camel-case target when the field name is unknown; the longest value is shortened to fit the message",
      filename: runFile,
      code: model("Run", '(issue) = models.ForeignKey("error_tracking.ErrorTrackingIssue", on_delete=models.CASCADE)'),
      errors: [
        crossDatabase(
          {
            owner: "a ForeignKey of Run",
            target: "error_tracking.ErrorTracki…",
            targetDatabase: "error_tracking",
            ownerDatabase: "visual_review",
            idField: "error_tracking_issue_id",
          },
          5,
          33,
          [],
        ),
      ],
    },
    {
      name: "an annotated field; a lowercase model name in the label names the real class",
      filename: runFile,
      code: model("Run", 'team: "models.ForeignKey[Team]" = models.ForeignKey("posthog.team", on_delete=models.CASCADE)'),
      errors: [
        crossDatabase({ ...SNAPSHOT_TEAM, owner: "Run.team" }, 5, 57, [useIdField(model("Run", "team_id = models.BigIntegerField(db_index=True)"))]),
      ],
    },
    {
      name: "a long owner is kept whole when the message fits",
      filename: snapshotFile,
      code: model("SnapshotComparisonResultWithBaseline", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
      errors: [
        crossDatabase({ ...SNAPSHOT_TEAM, owner: "SnapshotComparisonResultWithBaseline.team" }, 5, 30, [
          useIdField(model("SnapshotComparisonResultWithBaseline", "team_id = models.BigIntegerField(db_index=True)")),
        ]),
      ],
    },
    {
      name: "a bare ForeignKey imported from django.db.models: BigIntegerField joins the import",
      filename: runFile,
      code: 'from django.db.models import CASCADE, ForeignKey, Model\n\n\nclass Run(Model):\n    team = ForeignKey("posthog.Team", on_delete=CASCADE)\n',
      errors: [
        crossDatabase({ ...SNAPSHOT_TEAM, owner: "Run.team" }, 5, 23, [
          useIdField("from django.db.models import CASCADE, ForeignKey, Model, BigIntegerField\n\n\nclass Run(Model):\n    team_id = BigIntegerField(db_index=True)\n"),
        ]),
      ],
    },
    {
      name: "a bare ForeignKey while django.db's models is imported too: models.BigIntegerField, the imports stay",
      filename: runFile,
      code: 'from django.db import models\nfrom django.db.models import ForeignKey\n\n\nclass Run(models.Model):\n    team = ForeignKey("posthog.Team", on_delete=models.CASCADE)\n',
      errors: [
        crossDatabase({ ...SNAPSHOT_TEAM, owner: "Run.team" }, 6, 23, [
          useIdField("from django.db import models\nfrom django.db.models import ForeignKey\n\n\nclass Run(models.Model):\n    team_id = models.BigIntegerField(db_index=True)\n"),
        ]),
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
        crossDatabase(
          { owner: "Comment.issue", target: "error_tracking.ErrorTrackingIssue", targetDatabase: "error_tracking", ownerDatabase: "visual_review", idField: "issue_id" },
          6,
          31,
          [
            useIdField(model(
                "Comment",
                'snapshot = models.ForeignKey("visual_review.Snapshot", on_delete=models.CASCADE)',
                "issue_id = models.BigIntegerField(db_index=True)",
                'author = models.ForeignKey("posthog.User", on_delete=models.CASCADE)',
              ),
            ),
          ],
        ),
        crossDatabase(
          { owner: "Comment.author", target: "posthog.User", targetDatabase: "default", ownerDatabase: "visual_review", idField: "author_id" },
          7,
          32,
          [
            useIdField(model(
                "Comment",
                'snapshot = models.ForeignKey("visual_review.Snapshot", on_delete=models.CASCADE)',
                'issue = models.ForeignKey("error_tracking.ErrorTrackingIssue", on_delete=models.CASCADE)',
                "author_id = models.BigIntegerField(db_index=True)",
              ),
            ),
          ],
        ),
      ],
    },
    {
      name: "a class of the same file is resolved: the same app is fine, a cross-database field of that file is reported",
      filename: snapshotFile,
      code: `${HEADER}class Run(models.Model):\n    pass\n\n\nclass Snapshot(models.Model):\n    run = models.ForeignKey(Run, on_delete=models.CASCADE)\n    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n`,
      errors: [
        crossDatabase(SNAPSHOT_TEAM, 10, 30, [
          useIdField(`${HEADER}class Run(models.Model):\n    pass\n\n\nclass Snapshot(models.Model):\n    run = models.ForeignKey(Run, on_delete=models.CASCADE)\n    team_id = models.BigIntegerField(db_index=True)\n`,
          ),
        ]),
      ],
    },
    {
      name: "settings.AUTH_USER_MODEL is posthog.User by default, in the default database",
      filename: snapshotFile,
      code: pyModule(
        ["from django.conf import settings", "from django.db import models"],
        "Snapshot",
        "reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)",
      ),
      errors: [
        {
          ...crossDatabase({ ...SNAPSHOT_TEAM, owner: "Snapshot.reviewer", target: "posthog.User", idField: "reviewer_id" }, 6, 34, [
            useIdField(pyModule(["from django.conf import settings", "from django.db import models"], "Snapshot", "reviewer_id = models.BigIntegerField(db_index=True)"),
            ),
          ]),
          endLine: 6,
          endColumn: 58,
        },
      ],
    },
    {
      name: "settings.AUTH_USER_MODEL as a to= keyword of a ManyToManyField",
      filename: snapshotFile,
      code: pyModule(["from django.conf import settings", "from django.db import models"], "Snapshot", "reviewers = models.ManyToManyField(to=settings.AUTH_USER_MODEL)"),
      errors: [
        crossDatabaseManyToMany({ owner: "Snapshot.reviewers", target: "posthog.User", targetDatabase: "default", ownerDatabase: "visual_review" }, 6, 43),
      ],
    },
    {
      name: "settings.AUTH_USER_MODEL is the authUserModel setting: a user model in a routed product",
      filename: teamFile,
      settings: { "posthog-products": { root: fixturePath(TREE), authUserModel: "visual_review.Reviewer" } },
      code: pyModule(
        ["from django.conf import settings", "from django.db import models"],
        "Team",
        "owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)",
      ),
      errors: [
        crossDatabase({ owner: "Team.owner", target: "visual_review.Reviewer", targetDatabase: "visual_review", ownerDatabase: "default", idField: "owner_id" }, 6, 31, [
          useIdField(pyModule(["from django.conf import settings", "from django.db import models"], "Team", "owner_id = models.BigIntegerField(db_index=True)")),
        ]),
      ],
    },
    {
      name: "settings.AUTH_USER_MODEL is the plain string a posthog/settings/ module assigns",
      ...inTree(settingsPackage, FLAG),
      code: pyModule(
        ["from django.conf import settings", "from django.db import models"],
        "FeatureFlag",
        "created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)",
      ),
      errors: [
        crossDatabase(
          { owner: "FeatureFlag.created_by", target: "review_comments.Reviewer", targetDatabase: "visual_review", ownerDatabase: "default", idField: "created_by_id" },
          6,
          36,
          [
            useIdField(pyModule(["from django.conf import settings", "from django.db import models"], "FeatureFlag", "created_by_id = models.BigIntegerField(db_index=True, null=True)"),
            ),
          ],
        ),
      ],
    },
    {
      name: "settings.AUTH_USER_MODEL is the plain string posthog/settings.py assigns",
      ...inTree(settingsModule, TEAM),
      code: pyModule(
        ["from django.conf import settings", "from django.db import models"],
        "Team",
        "owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)",
      ),
      errors: [
        crossDatabase({ owner: "Team.owner", target: "error_tracking.Member", targetDatabase: "error_tracking", ownerDatabase: "default", idField: "owner_id" }, 6, 31, [
          useIdField(pyModule(["from django.conf import settings", "from django.db import models"], "Team", "owner_id = models.BigIntegerField(db_index=True)")),
        ]),
      ],
    },
    {
      name: "the authUserModel setting wins over the label of posthog/settings/",
      filename: path.join(settingsPackage, SNAPSHOT),
      settings: { "posthog-products": { root: settingsPackage, authUserModel: "posthog.User" } },
      code: pyModule(
        ["from django.conf import settings", "from django.db import models"],
        "Snapshot",
        "reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)",
      ),
      errors: [
        crossDatabase({ ...SNAPSHOT_TEAM, owner: "Snapshot.reviewer", target: "posthog.User", idField: "reviewer_id" }, 6, 34, [
          useIdField(pyModule(["from django.conf import settings", "from django.db import models"], "Snapshot", "reviewer_id = models.BigIntegerField(db_index=True)"),
          ),
        ]),
      ],
    },
    {
      name: "a Django contrib model imported from django.contrib.*.models is in the default database",
      filename: snapshotFile,
      code: pyModule(
        ["from django.contrib.contenttypes.models import ContentType", "from django.db import models"],
        "Snapshot",
        "content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)",
      ),
      errors: [
        crossDatabase(
          { owner: "Snapshot.content_type", target: "contenttypes.ContentType", targetDatabase: "default", ownerDatabase: "visual_review", idField: "content_type_id" },
          6,
          38,
          [
            useIdField(pyModule(
                ["from django.contrib.contenttypes.models import ContentType", "from django.db import models"],
                "Snapshot",
                "content_type_id = models.BigIntegerField(db_index=True)",
              ),
            ),
          ],
        ),
      ],
    },
    {
      name: "Django contrib models through a module alias and as a ManyToManyField target",
      filename: snapshotFile,
      code: pyModule(
        ["from django.contrib.auth import models as auth_models", "from django.contrib.auth.models import Group", "from django.db import models"],
        "Snapshot",
        "permissions = models.ManyToManyField(auth_models.Permission)",
        "groups = models.ManyToManyField(Group)",
      ),
      errors: [
        crossDatabaseManyToMany({ owner: "Snapshot.permissions", target: "auth.Permission", targetDatabase: "default", ownerDatabase: "visual_review" }, 7, 42),
        crossDatabaseManyToMany({ owner: "Snapshot.groups", target: "auth.Group", targetDatabase: "default", ownerDatabase: "visual_review" }, 8, 37),
      ],
    },
    {
      name: "a Django contrib label string is in the default database",
      filename: snapshotFile,
      code: model("Snapshot", 'content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)'),
      errors: [
        crossDatabase(
          { owner: "Snapshot.content_type", target: "contenttypes.ContentType", targetDatabase: "default", ownerDatabase: "visual_review", idField: "content_type_id" },
          5,
          38,
          [useIdField(model("Snapshot", "content_type_id = models.BigIntegerField(db_index=True)"))],
        ),
      ],
    },
    {
      name: "a module named migrations.py is not a migration",
      filename: fixturePath(TREE, "products/visual_review/backend/migrations.py"),
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
      errors: [crossDatabase(SNAPSHOT_TEAM, 5, 30, [useIdField(model("Snapshot", "team_id = models.BigIntegerField(db_index=True)"))])],
    },

    // Partly invalid db_routing.yaml: invalid entries are skipped, the valid routes stand.
    {
      name: "an entry without database: relations to its app are not checked, the others are checked with the valid routes",
      ...inTree(missingDatabase, SNAPSHOT),
      code: model(
        "Snapshot",
        'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
        'issue = models.ForeignKey("error_tracking.ErrorTrackingIssue", on_delete=models.CASCADE)',
        'fingerprint = models.ForeignKey("error_tracking.ErrorTrackingIssueFingerprint", on_delete=models.CASCADE)',
        'run = models.ForeignKey("visual_review.Run", on_delete=models.CASCADE)',
      ),
      errors: [
        crossDatabase(SNAPSHOT_TEAM, 5, 30, [
          useIdField(model(
              "Snapshot",
              "team_id = models.BigIntegerField(db_index=True)",
              'issue = models.ForeignKey("error_tracking.ErrorTrackingIssue", on_delete=models.CASCADE)',
              'fingerprint = models.ForeignKey("error_tracking.ErrorTrackingIssueFingerprint", on_delete=models.CASCADE)',
              'run = models.ForeignKey("visual_review.Run", on_delete=models.CASCADE)',
            ),
          ),
        ]),
      ],
    },
    {
      name: "an invalid optional: the other routes are used",
      ...inTree(invalidOptional, TEAM),
      code: model("Team", 'issue = models.ForeignKey("error_tracking.ErrorTrackingIssue", on_delete=models.SET_NULL, null=True)'),
      errors: [
        crossDatabase(
          { owner: "Team.issue", target: "error_tracking.ErrorTrackingIssue", targetDatabase: "error_tracking", ownerDatabase: "default", idField: "issue_id" },
          5,
          31,
          [useIdField(model("Team", "issue_id = models.BigIntegerField(db_index=True, null=True)"))],
        ),
      ],
    },
    {
      name: "an app label routed to two databases: its relations are not checked, the others are",
      ...inTree(twoDatabases, COMMENT),
      code: model(
        "Comment",
        'issue = models.ForeignKey("error_tracking.ErrorTrackingIssue", on_delete=models.CASCADE)',
        'snapshot = models.ForeignKey("visual_review.Snapshot", on_delete=models.CASCADE)',
      ),
      errors: [
        crossDatabase(
          { owner: "Comment.issue", target: "error_tracking.ErrorTrackingIssue", targetDatabase: "error_tracking", ownerDatabase: "default", idField: "issue_id" },
          5,
          31,
          [
            useIdField(model("Comment", "issue_id = models.BigIntegerField(db_index=True)", 'snapshot = models.ForeignKey("visual_review.Snapshot", on_delete=models.CASCADE)'),
            ),
          ],
        ),
      ],
    },
    {
      name: "invalid entries without a usable app_label: the valid routes are used",
      ...inTree(unlabelledEntries, SNAPSHOT),
      code: model("Snapshot", 'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)'),
      errors: [crossDatabase(SNAPSHOT_TEAM, 5, 30, [useIdField(model("Snapshot", "team_id = models.BigIntegerField(db_index=True)"))])],
    },
  ],
});

describe("no-cross-db-fk suggestions", () => {
  it("every suggested output parses without errors", () => {
    expect(suggestionOutputs.length).toBeGreaterThan(20);
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
  it("is on for Python files, not for the JSON language", () => {
    const blocks = plugin.configs.recommended;
    const python = blocks.find((block) => block.language === "posthog-products/python");
    const json = blocks.find((block) => block.language === "posthog-products/json");
    expect(python?.rules?.["posthog-products/no-cross-db-fk"]).toBe("error");
    expect(json).toBeDefined();
    expect(json?.rules?.["posthog-products/no-cross-db-fk"]).toBeUndefined();
  });

  it("reports the cross-database relations of a real models file with `...configs.recommended`", async () => {
    const eslint = new ESLint({
      cwd: fixturePath(TREE),
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended],
    });
    const [result] = await eslint.lintFiles([SNAPSHOT]);
    const messages = result!.messages.filter((message) => message.ruleId === "posthog-products/no-cross-db-fk");
    expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
    expect(messages.map(({ line, column, message, severity }) => ({ line, column, message, severity }))).toEqual([
      { line: 8, column: 30, severity: 2, message: SPEC_MESSAGE },
      {
        line: 10,
        column: 9,
        severity: 2,
        message: 'Snapshot.approved_by points at posthog.User in database "default", not "visual_review": store approved_by_id as a BigIntegerField.',
      },
    ]);
    expect(messages.map((message) => message.suggestions?.map((suggestion) => suggestion.desc))).toEqual([
      ["Store the id as a BigIntegerField (a schema change: make a migration)."],
      ["Store the id as a BigIntegerField (a schema change: make a migration)."],
    ]);
  });
});
