import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { clearRepoIndexCache } from "../../src/project/index.js";
import rule, { expectedPackageName } from "../../src/rules/product-naming.js";
import { ASSERTIONS, fixturePath, packageJsonRuleTester, pythonRuleTester } from "../support/helpers.js";

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
      name: "a wrong name: fixed (Django cannot import the app otherwise), in the literal's quotes",
      filename: file("products/surveys/backend/apps.py"),
      code: apps("SurveysConfig", "name = 'surveys'", 'label = "surveys"'),
      output: apps("SurveysConfig", "name = 'products.surveys.backend'", 'label = "surveys"'),
      errors: [{ message: 'AppConfig name must be the app\'s module, "products.surveys.backend", not "surveys": Django cannot import it otherwise.', line: 5, column: 12, endColumn: 21 }],
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
