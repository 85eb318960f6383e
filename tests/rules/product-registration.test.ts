import fs from "node:fs";
import path from "node:path";
import { beforeEach } from "vitest";
import { clearRepoIndexCache } from "../../src/project/index.js";
import rule from "../../src/rules/product-registration.js";
import { ASSERTIONS, fixturePath, packageJsonRuleTester, pythonRuleTester } from "../support/helpers.js";

const RULE = "product-registration";
const TREE = "product-repo";
const file = (relative: string): string => path.join(fixturePath(TREE), ...relative.split("/"));
const read = (relative: string): string => fs.readFileSync(file(relative), "utf8");
const pkg = (name: string): string => `${JSON.stringify({ name, scripts: {} }, null, 4)}\n`;

beforeEach(() => clearRepoIndexCache());

pythonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "listed in PRODUCTS_APPS, with models and migrations", filename: file("products/surveys/backend/apps.py"), code: read("products/surveys/backend/apps.py") },
    { name: "only apps.py is looked at", filename: file("products/links/backend/__init__.py"), code: "" },
    {
      name: "a legacy product listed by its AppConfig path",
      filename: file("products/notebooks/backend/apps.py"),
      code: read("products/notebooks/backend/apps.py"),
    },
    { name: "an apps.py without an AppConfig", filename: file("products/links/backend/apps.py"), code: "APP_NAME = 'links'\n" },
  ],
  invalid: [
    {
      name: "an AppConfig missing from PRODUCTS_APPS, reported on its class name",
      filename: file("products/links/backend/apps.py"),
      code: read("products/links/backend/apps.py"),
      errors: [
        {
          message: 'LinksConfig is not in PRODUCTS_APPS (posthog/settings/web.py): add "products.links.backend.apps.LinksConfig" so that Django loads the app.',
          line: 4,
          column: 7,
          endColumn: 18,
        },
      ],
    },
    {
      name: "PRODUCTS_APPS names another class; models without a migrations package",
      filename: file("products/alerts/backend/apps.py"),
      code: read("products/alerts/backend/apps.py"),
      errors: [
        { messageId: "wrongProductsAppsEntry", data: { settings: "posthog/settings/web.py", listed: "AlertConfig", className: "AlertsConfig", product: "alerts" }, line: 4, column: 7 },
        { message: "products/alerts/backend defines models but has no migrations/ package: create it (manage.py makemigrations alerts).", line: 4, column: 7 },
      ],
    },
    {
      name: "the class as the linted text has it (an editor's unsaved rename)",
      filename: file("products/surveys/backend/apps.py"),
      code: read("products/surveys/backend/apps.py").replace("SurveysConfig", "SurveyConfig"),
      errors: [
        { messageId: "wrongProductsAppsEntry", data: { className: "SurveyConfig", listed: "SurveysConfig", product: "surveys", settings: "posthog/settings/web.py" }, line: 4, column: 7 },
      ],
    },
  ],
});

packageJsonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "a product with a frontend that frontend/package.json depends on", filename: file("products/surveys/package.json"), code: pkg("@posthog/products-surveys") },
    { name: "a product without a frontend need not be a dependency", filename: file("products/notebooks/package.json"), code: pkg("@posthog/products-notebooks") },
    {
      name: "the frontendDependency option off",
      filename: file("products/alerts/package.json"),
      code: pkg("@posthog/products-alerts"),
      options: [{ frontendDependency: false }],
    },
    { name: "a package without a name is product-naming's", filename: file("products/alerts/package.json"), code: "{}" },
  ],
  invalid: [
    {
      name: "a product with a frontend missing from frontend/package.json, reported on its name",
      filename: file("products/alerts/package.json"),
      code: pkg("@posthog/products-alerts"),
      errors: [{ message: 'frontend/package.json does not depend on "@posthog/products-alerts": add it to its dependencies ("workspace:*").', line: 2, column: 13, endColumn: 39 }],
    },
  ],
});
