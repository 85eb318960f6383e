import { findAppConfigClass } from "../project/read-apps.js";
import { relativeToRoot } from "../project/problems.js";
import type { ProductInfo, RepoIndex } from "../project/types.js";
import { rangeOf } from "./package-json/package-document.js";
import { defineProductRule } from "./product-rule.js";

type MessageIds = "notInProductsApps" | "wrongProductsAppsEntry" | "missingMigrations" | "missingFrontendDependency";
type Options = [{ frontendDependency: boolean }];

const RULE_NAME = "product-registration";

/** What PRODUCTS_APPS says of a product's AppConfig: listed, listed under another class, or not at all. */
function productsAppsEntry(index: RepoIndex, product: string, className: string): { status: "listed" } | { status: "other"; entry: string } | { status: "missing" } | undefined {
  const entries = index.settings.productsApps?.entries;
  if (!entries) return undefined;
  const backend = `products.${product}.backend`;
  if (entries.includes(`${backend}.apps.${className}`) || entries.includes(backend)) return { status: "listed" };
  const other = entries.find((entry) => entry.startsWith(`${backend}.apps.`));
  return other ? { status: "other", entry: other } : { status: "missing" };
}

/** A product with a frontend: a `frontend/` folder or a `manifest.tsx`. */
function hasFrontend(product: ProductInfo): boolean {
  return product.rootEntries.includes("frontend") || product.rootEntries.includes("manifest.tsx");
}

export default defineProductRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Require a product to be registered where the seed's steps say: its AppConfig in `PRODUCTS_APPS`, its package in `frontend/package.json`, a `migrations/` package for its models",
      recommended: true,
    },
    schema: [
      {
        type: "object",
        properties: {
          frontendDependency: {
            type: "boolean",
            description: "Require the package of a product with a frontend (`frontend/` or `manifest.tsx`) among the dependencies of the root `frontend/package.json`.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ frontendDependency: true }],
    messages: {
      notInProductsApps: '{{className}} is not in PRODUCTS_APPS ({{settings}}): add "products.{{product}}.backend.apps.{{className}}" so that Django loads the app.',
      wrongProductsAppsEntry: "PRODUCTS_APPS ({{settings}}) names {{listed}} for this app, but its AppConfig is {{className}}: make them agree, or Django fails to start.",
      missingMigrations: "products/{{product}}/backend defines models but has no migrations/ package: create it (manage.py makemigrations {{label}}).",
      missingFrontendDependency: 'frontend/package.json does not depend on "{{package}}": add it to its dependencies ("workspace:*").',
    },
  },

  packageJson({ context, doc, index, product, options: [options], locOf }) {
    const name = doc.nameMember?.value;
    if (!options.frontendDependency || !index.frontendPackage || !hasFrontend(product) || name?.type !== "String") return;
    if (index.frontendPackage.dependencies.includes(name.value)) return;
    context.report({ loc: locOf(rangeOf(name)), messageId: "missingFrontendDependency", data: { package: name.value } });
  },

  python({ context, code, file, index, product }) {
    if (file.relativePath !== `products/${product.name}/backend/apps.py`) return;
    const config = findAppConfigClass(code.text, code.ast);
    if (!config) return;
    const loc = { start: code.getLocFromIndex(config.nameNode.startIndex), end: code.getLocFromIndex(config.nameNode.endIndex) };
    const settings = index.settings.productsApps;
    const entry = productsAppsEntry(index, product.name, config.className);
    const data = { className: config.className, product: product.name, settings: settings ? relativeToRoot(index.root, settings.file) : "" };
    if (entry?.status === "missing") context.report({ loc, messageId: "notInProductsApps", data });
    if (entry?.status === "other") context.report({ loc, messageId: "wrongProductsAppsEntry", data: { ...data, listed: entry.entry.slice(entry.entry.lastIndexOf(".") + 1) } });
    if (product.app?.definesModels && !product.hasMigrationsPackage) {
      context.report({ loc, messageId: "missingMigrations", data: { product: product.name, label: config.label?.value ?? product.app.label } });
    }
  },
});
