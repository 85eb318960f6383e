import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { clearRepoIndexCache, getRepoIndex } from "../../src/project/index.js";
import rule, { expectedPackageName } from "../../src/rules/product-naming.js";
import { ASSERTIONS, fixturePath, packageJsonRuleTester, pythonRuleTester } from "../support/helpers.js";
import { tempTree } from "../support/temp-tree.js";

const RULE = "product-naming";
const TREE = "product-repo";
const file = (relative: string): string => path.join(fixturePath(TREE), ...relative.split("/"));
const pkg = (object: Record<string, unknown>): string => `${JSON.stringify(object, null, 4)}\n`;

/** An apps.py of `product` with these class body lines. */
const apps = (className: string, ...body: string[]): string => `from django.apps import AppConfig\n\n\nclass ${className}(AppConfig):\n${body.map((line) => `    ${line}\n`).join("")}`;

beforeEach(() => clearRepoIndexCache());

describe("expectedPackageName", () => {
  it("is @posthog/products- and the folder name with dashes", () => {
    expect(expectedPackageName("early_access_features")).toBe("@posthog/products-early-access-features");
    expect(expectedPackageName("logs")).toBe("@posthog/products-logs");
  });
});

packageJsonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "the scaffolder's name", filename: file("products/surveys/package.json"), code: pkg({ name: "@posthog/products-surveys" }) },
    { name: "a non-string name is the JSON schema's business", filename: file("products/surveys/package.json"), code: pkg({ name: 42 }) },
  ],
  invalid: [
    {
      name: "another name: a suggestion renames it (references to the old name must follow)",
      filename: file("products/surveys/package.json"),
      code: pkg({ name: "@posthog/surveys" }),
      errors: [
        {
          message: 'The package of products/surveys/ is "@posthog/surveys": the convention is "@posthog/products-surveys".',
          line: 2,
          column: 13,
          suggestions: [
            { messageId: "renamePackage", data: { expected: "@posthog/products-surveys", name: "@posthog/surveys", product: "surveys" }, output: pkg({ name: "@posthog/products-surveys" }) },
          ],
        },
      ],
    },
    {
      name: "no name: the fix adds it first, in the file's indentation",
      filename: file("products/surveys/package.json"),
      code: pkg({ scripts: {} }),
      output: pkg({ name: "@posthog/products-surveys", scripts: {} }),
      errors: [{ messageId: "missingPackageName", data: { product: "surveys", expected: "@posthog/products-surveys" }, line: 1, column: 1 }],
    },
    {
      name: "no name in an empty object",
      filename: file("products/surveys/package.json"),
      code: "{}",
      output: '{\n  "name": "@posthog/products-surveys"\n}',
      errors: [{ messageId: "missingPackageName", data: { product: "surveys", expected: "@posthog/products-surveys" } }],
    },
    {
      name: "a folder name with a dash",
      filename: file("products/web-vitals/package.json"),
      code: pkg({ name: "@posthog/products-web-vitals" }),
      errors: [{ message: "Rename products/web-vitals/ to an under_score name ([a-z][a-z0-9_]*): dashes and capitals break Python imports.", line: 2, column: 5 }],
    },
  ],
});

pythonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "the scaffolder's AppConfig", filename: file("products/surveys/backend/apps.py"), code: apps("SurveysConfig", 'name = "products.surveys.backend"', 'label = "surveys"') },
    { name: "an acronym in the class name is the author's choice", filename: file("products/surveys/backend/apps.py"), code: apps("SURVEYSConfig", 'name = "products.surveys.backend"', 'label = "surveys"') },
    { name: "another file is not looked at", filename: file("products/surveys/backend/models.py"), code: apps("Whatever", 'name = "x"') },
  ],
  invalid: [
    {
      name: "a name that leads to nothing in the repository: fixed (Django cannot import the app, so cannot start), in the literal's quotes",
      filename: file("products/surveys/backend/apps.py"),
      code: apps("SurveysConfig", "name = 'products.survey.backend'", 'label = "surveys"'),
      output: apps("SurveysConfig", "name = 'products.surveys.backend'", 'label = "surveys"'),
      errors: [{ message: 'AppConfig name must be the app\'s module, "products.surveys.backend", not "products.survey.backend": Django cannot import it otherwise.', line: 5, column: 12, endColumn: 37 }],
    },
    {
      name: "a path is no module name: fixed",
      filename: file("products/surveys/backend/apps.py"),
      code: apps("SurveysConfig", 'name = "products/surveys/backend"', 'label = "surveys"'),
      output: apps("SurveysConfig", 'name = "products.surveys.backend"', 'label = "surveys"'),
      errors: [{ messageId: "appConfigName", data: { name: "products/surveys/backend", expected: "products.surveys.backend" }, line: 5, column: 12 }],
    },
    {
      name: "a name that is another package of the repository: a suggestion (a fix would change which package Django loads)",
      filename: file("products/surveys/backend/apps.py"),
      code: apps("SurveysConfig", 'name = "products.alerts.backend"', 'label = "surveys"'),
      errors: [
        {
          message: 'AppConfig name "products.alerts.backend" is another package, which Django loads as this app: the app\'s module is "products.surveys.backend".',
          line: 5,
          column: 12,
          endColumn: 37,
          suggestions: [
            {
              desc: 'Set name = "products.surveys.backend" (Django then loads this package, not products.alerts.backend).',
              output: apps("SurveysConfig", 'name = "products.surveys.backend"', 'label = "surveys"'),
            },
          ],
        },
      ],
    },
    {
      name: "the product folder is a package too: a suggestion",
      filename: file("products/surveys/backend/apps.py"),
      code: apps("SurveysConfig", 'name = "products.surveys"', 'label = "surveys"'),
      errors: [
        {
          messageId: "appConfigNameOther",
          data: { name: "products.surveys", expected: "products.surveys.backend" },
          line: 5,
          column: 12,
          suggestions: [{ messageId: "setName", data: { name: "products.surveys", expected: "products.surveys.backend" }, output: apps("SurveysConfig", 'name = "products.surveys.backend"', 'label = "surveys"') }],
        },
      ],
    },
    {
      name: "a top-level package the repository does not hold (startapp's default, or an installed package): a suggestion, as the index cannot tell",
      filename: file("products/surveys/backend/apps.py"),
      code: apps("SurveysConfig", "name = 'surveys'", 'label = "surveys"'),
      errors: [
        {
          message: 'AppConfig name "surveys" is no package of the repository (an installed one?): the app\'s module is "products.surveys.backend".',
          line: 5,
          column: 12,
          endColumn: 21,
          suggestions: [{ messageId: "setName", data: { name: "surveys", expected: "products.surveys.backend" }, output: apps("SurveysConfig", "name = 'products.surveys.backend'", 'label = "surveys"') }],
        },
      ],
    },
    {
      name: "another label: a suggestion (a label change renames tables and migrations)",
      filename: file("products/surveys/backend/apps.py"),
      code: apps("SurveysConfig", 'name = "products.surveys.backend"', 'label = "posthog_surveys"'),
      errors: [
        {
          message: 'AppConfig label is "posthog_surveys": the convention is the product folder\'s name, "surveys".',
          line: 6,
          column: 13,
          suggestions: [{ messageId: "setLabel", data: { label: "posthog_surveys", expected: "surveys" }, output: apps("SurveysConfig", 'name = "products.surveys.backend"', 'label = "surveys"') }],
        },
      ],
    },
    {
      name: "no label: the fix adds it after name (Django would label the app 'backend')",
      filename: file("products/surveys/backend/apps.py"),
      code: apps("SurveysConfig", 'name = "products.surveys.backend"  # the module', 'verbose_name = "Surveys"'),
      output: apps("SurveysConfig", 'name = "products.surveys.backend"  # the module', 'label = "surveys"', 'verbose_name = "Surveys"'),
      errors: [{ messageId: "missingLabel", data: { expected: "surveys" }, line: 4, column: 7 }],
    },
    {
      name: "no label and no name: reported without a fix",
      filename: file("products/surveys/backend/apps.py"),
      code: apps("SurveysConfig", 'verbose_name = "Surveys"'),
      errors: [{ messageId: "missingLabel", data: { expected: "surveys" }, line: 4, column: 7 }],
    },
    {
      name: "a class name other than <Pascal>Config",
      filename: file("products/surveys/backend/apps.py"),
      code: apps("SurveyAppConfig", 'name = "products.surveys.backend"', 'label = "surveys"'),
      errors: [{ message: "Name the AppConfig class SurveysConfig (the product's name in PascalCase, then Config), not SurveyAppConfig.", line: 4, column: 7, endColumn: 22 }],
    },
  ],
});

/** A product renamed from messaging to workflows, whose AppConfig on disk still names the old package (which still exists). */
const RENAMED = tempTree(
  {
    "products/messaging/__init__.py": "",
    "products/messaging/backend/__init__.py": "",
    "products/messaging/backend/apps.py": apps("MessagingConfig", 'name = "products.messaging.backend"', 'label = "messaging"'),
    "products/workflows/__init__.py": "",
    "products/workflows/backend/__init__.py": "",
    "products/workflows/backend/apps.py": apps("WorkflowsConfig", 'name = "products.messaging.backend"', 'label = "workflows"'),
  },
);

describe("where an AppConfig name leads, in the index", () => {
  it("is read with the AppConfig", () => {
    const index = getRepoIndex(path.join(RENAMED, "products/workflows/backend/apps.py"), { cwd: RENAMED })!;
    expect(index.products.get("workflows")!.app!.config!.name).toEqual({ value: "products.messaging.backend", line: 5, resolves: "repository" });
    expect(index.products.get("messaging")!.app!.config!.name!.resolves).toBe("repository");
  });
});

pythonRuleTester(RENAMED).run(`${RULE} (a renamed product)`, rule, {
  assertionOptions: ASSERTIONS,
  valid: [],
  invalid: [
    {
      name: "the name on disk leads to the old product's package: a suggestion, not a fix",
      filename: path.join(RENAMED, "products/workflows/backend/apps.py"),
      code: apps("WorkflowsConfig", 'name = "products.messaging.backend"', 'label = "workflows"'),
      errors: [
        {
          messageId: "appConfigNameOther",
          data: { name: "products.messaging.backend", expected: "products.workflows.backend" },
          line: 5,
          column: 12,
          suggestions: [
            {
              messageId: "setName",
              data: { name: "products.messaging.backend", expected: "products.workflows.backend" },
              output: apps("WorkflowsConfig", 'name = "products.workflows.backend"', 'label = "workflows"'),
            },
          ],
        },
      ],
    },
  ],
});
