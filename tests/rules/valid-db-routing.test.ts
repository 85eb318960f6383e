import path from "node:path";
import { describe, expect, it } from "vitest";
import { Linter } from "eslint";
import plugin from "../../src/index.js";
import rule from "../../src/rules/valid-db-routing.js";
import { ASSERTIONS, configFileRuleTester, fixturePath } from "../support/helpers.js";

/**
 * The cross-db-repo fixture: Django apps posthog, ee, visual_review, review_comments,
 * error_tracking, feature_flags, experiments and surveys.
 */
const TREE = "cross-db-repo";
const FILE = fixturePath(TREE, "products/db_routing.yaml");
const lines = (...text: string[]): string => `${text.join("\n")}\n`;

configFileRuleTester("yaml", TREE).run("valid-db-routing", rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: "routes of real apps, each to one database, optional a boolean",
      filename: FILE,
      code: lines(
        "# Products that live in their own database.",
        "routes:",
        "  - app_label: visual_review",
        "    database: visual_review",
        "  - app_label: error_tracking",
        "    database: error_tracking",
        "    optional: true",
        "  - app_label: review_comments",
        "    database: visual_review",
      ),
    },
    { name: "an empty file routes nothing", filename: FILE, code: "" },
    { name: "a file of comments routes nothing", filename: FILE, code: "# no product has its own database yet\n" },
    { name: "an empty `routes:` routes nothing", filename: FILE, code: "routes:\n" },
    { name: "an empty list of routes", filename: FILE, code: "routes: []\n" },
    { name: "a flow mapping entry", filename: FILE, code: "routes: [{app_label: surveys, database: surveys}]\n" },
    { name: "quoted keys and values", filename: FILE, code: lines("routes:", '  - "app_label": "surveys"', "    'database': 'surveys'", "    optional: false") },
    { name: "an entry through an alias", filename: FILE, code: lines("routes:", "  - &r {app_label: surveys, database: surveys}", "  - *r") },
    {
      name: "the same route given twice is not this rule's (no-duplicate-db-route warns)",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    database: surveys", "  - app_label: surveys", "    database: surveys"),
    },
    { name: "a YAML file other than products/db_routing.yaml is left alone", filename: fixturePath(TREE, "products/surveys/config.yaml"), code: "routes: 3\n" },
    { name: "a db_routing.yaml outside products/ is left alone", filename: fixturePath(TREE, "db_routing.yaml"), code: "routes: 3\n" },
  ],
  invalid: [
    {
      name: "a second YAML document (full message)",
      filename: FILE,
      code: lines("routes: []", "---", "routes: []"),
      errors: [{ message: "db_routing.yaml must hold one YAML document: PostHog's loader (yaml.safe_load) refuses a second one.", line: 2, column: 1 }],
    },
    {
      name: "a top level that is not a mapping (full message), nothing else reported",
      filename: FILE,
      code: lines("- app_label: nope", "  database: nope"),
      errors: [{ message: "db_routing.yaml must be a mapping with a `routes:` list of `{app_label, database}` entries.", line: 1, column: 1 }],
    },
    {
      name: "routes that is not a list (full message)",
      filename: FILE,
      code: lines("routes:", "  app_label: surveys", "  database: surveys"),
      errors: [{ message: "`routes` must be a list of `{app_label, database, optional?}` entries.", line: 2, column: 3 }],
    },
    {
      name: "an entry that is not a mapping (full message)",
      filename: FILE,
      code: lines("routes:", "  - surveys", "  - app_label: surveys", "    database: surveys"),
      errors: [{ message: "Each route must be a mapping with `app_label` and `database`.", line: 2, column: 5 }],
    },
    {
      name: "a route without database (full message), reported once, on its first line",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    optional: true"),
      errors: [{ message: "This route has no `database`: PostHog's loader skips it; add `database`.", line: 2, column: 5, endLine: 2, endColumn: 23 }],
    },
    {
      name: "a route without app_label",
      filename: FILE,
      code: lines("routes:", "  - database: surveys"),
      errors: [{ messageId: "missingKey", data: { key: "app_label" }, line: 2, column: 5 }],
    },
    {
      name: "an empty or non-string database (full message)",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", '    database: ""', "  - app_label: experiments", "    database: 12"),
      errors: [
        { message: "`database` must be a non-empty string: PostHog's loader skips this route.", line: 3, column: 15 },
        { messageId: "notAString", data: { key: "database" }, line: 5, column: 15 },
      ],
    },
    {
      name: "a null app_label",
      filename: FILE,
      code: lines("routes:", "  - app_label:", "    database: surveys"),
      errors: [{ messageId: "notAString", data: { key: "app_label" }, line: 2, column: 5 }],
    },
    {
      name: "an optional that is not a boolean (full message)",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    database: surveys", '    optional: "yes"'),
      errors: [{ message: "`optional` must be `true` or `false`.", line: 4, column: 15 }],
    },
    {
      name: "an unknown key in a route (full message)",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    database: surveys", "    replica: surveys_ro"),
      errors: [
        { message: "Unknown key `replica`: PostHog's loader reads only `app_label`, `database` and `optional` here; remove it.", line: 4, column: 5 },
      ],
    },
    {
      name: "an unknown top-level key",
      filename: FILE,
      code: lines("version: 2", "routes: []"),
      errors: [{ messageId: "unknownKey", data: { key: "version", known: "`routes`" }, line: 1, column: 1 }],
    },
    {
      name: "a misspelled key is one problem, with a suggestion (full message), not also a missing key",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    databse: surveys"),
      errors: [
        {
          message: "Unknown key `databse`: did you mean `database`?",
          line: 3,
          column: 5,
          suggestions: [{ messageId: "renameKey", data: { key: "databse", expected: "database" }, output: lines("routes:", "  - app_label: surveys", "    database: surveys") }],
        },
      ],
    },
    {
      name: "a misspelled top-level key",
      filename: FILE,
      code: lines("route:", "  - app_label: surveys", "    database: surveys"),
      errors: [
        {
          messageId: "misspelledKey",
          data: { key: "route", expected: "routes" },
          line: 1,
          column: 1,
          suggestions: [{ messageId: "renameKey", data: { key: "route", expected: "routes" }, output: lines("routes:", "  - app_label: surveys", "    database: surveys") }],
        },
      ],
    },
    {
      name: "a key misspelled as one already present is unknown, not a typo",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    database: surveys", "    databases: other"),
      errors: [{ messageId: "unknownKey", data: { key: "databases", known: "`app_label`, `database` and `optional`" }, line: 4, column: 5 }],
    },
    {
      name: "a label routed to two databases (full message), on the second entry's label (posthog.E003)",
      filename: FILE,
      code: lines("routes:", "  - app_label: surveys", "    database: surveys", "  - app_label: surveys", "    database: surveys_two"),
      errors: [
        {
          message: 'App "surveys" is routed to "surveys_two" here and to "surveys" on line 2: route it to one database (posthog.E003).',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 23,
        },
      ],
    },
    {
      name: "an app label of no app, with a did-you-mean suggestion (full message)",
      filename: FILE,
      code: lines("routes:", "  - app_label: visual_reveiw", "    database: visual_review"),
      errors: [
        {
          message: '"visual_reveiw" is not the label of a Django app of this repository: the route applies to nothing.',
          line: 2,
          column: 16,
          suggestions: [{ messageId: "useApp", data: { label: "visual_review" }, output: lines("routes:", "  - app_label: visual_review", "    database: visual_review") }],
        },
      ],
    },
    {
      name: "a quoted app label of no app: the suggestion replaces the whole scalar",
      filename: FILE,
      code: lines("routes:", '  - app_label: "survey"', "    database: surveys"),
      errors: [
        {
          messageId: "unknownApp",
          data: { label: "survey" },
          line: 2,
          column: 16,
          suggestions: [{ messageId: "useApp", data: { label: "surveys" }, output: lines("routes:", "  - app_label: surveys", "    database: surveys") }],
        },
      ],
    },
    {
      name: "an app label far from every app: no suggestion",
      filename: FILE,
      code: lines("routes:", "  - app_label: billing", "    database: billing"),
      errors: [{ messageId: "unknownApp", data: { label: "billing" }, line: 2, column: 16, suggestions: [] }],
    },
    {
      name: "every problem once, each on its line",
      filename: FILE,
      code: lines(
        "routes:",
        "  - app_label: visual_review",
        "    database: visual_review",
        "  - app_label: error_tracking",
        "  - app_label: visual_review",
        "    database: other",
        "  - app_label: feature_flags",
        "    database: flags",
        "    optional: maybe",
        "    owner: team-flags",
      ),
      errors: [
        { messageId: "missingKey", data: { key: "database" }, line: 4, column: 5 },
        { messageId: "routedTwice", data: { label: "visual_review", database: "other", first: "visual_review", line: 2 }, line: 5, column: 16 },
        { messageId: "optionalNotBoolean", data: {}, line: 9, column: 15 },
        { messageId: "unknownKey", data: { key: "owner", known: "`app_label`, `database` and `optional`" }, line: 10, column: 5 },
      ],
    },
  ],
});

describe("valid-db-routing in a file that does not parse", () => {
  it("leaves the one parse error to the YAML language", () => {
    const messages = new Linter({ configType: "flat" }).verify(
      lines("routes:", "  - app_label: surveys", "   - app_label: broken"),
      [
        {
          files: ["**/*.yaml"],
          plugins: { "posthog-products": plugin },
          language: "posthog-products/yaml",
          settings: { "posthog-products": { root: fixturePath(TREE) } },
          rules: { "posthog-products/valid-db-routing": "error" },
        },
      ],
      path.join(fixturePath(TREE), "products", "db_routing.yaml"),
    );
    expect(messages.map(({ ruleId, line, fatal }) => ({ ruleId, line, fatal }))).toEqual([{ ruleId: null, line: 3, fatal: true }]);
  });
});
