import type { ProductInfo } from "../project/types.js";
import { defineProductRule, type ProductProblem } from "./product-rule.js";

type MessageIds = "missingRootFile" | "missingPackageMarker";

const RULE_NAME = "product-required-files";

/**
 * hogli's `product_structure.yaml` root files, in its order: `required` for isolated products,
 * `required_lenient` for the others. `__init__.py` only where there is Python to import (the
 * seed's wording; hogli lints only such products in CI).
 */
const ROOT_FILES: { file: string; isolatedOnly: boolean; purpose: string }[] = [
  { file: "__init__.py", isolatedOnly: false, purpose: "it makes products.{{product}}.backend importable" },
  { file: "manifest.tsx", isolatedOnly: true, purpose: "it describes the product's frontend" },
  { file: "package.json", isolatedOnly: false, purpose: "it makes the product a turbo package" },
  { file: "tsconfig.json", isolatedOnly: true, purpose: "isolated products type-check on their own" },
];

/** The root files a product lacks, in hogli's order. */
function missingRootFiles(product: ProductInfo): { file: string; purpose: string }[] {
  const present = new Set(product.rootEntries);
  return ROOT_FILES.filter(({ file, isolatedOnly }) => {
    if (present.has(file) || (isolatedOnly && !product.isolated)) return false;
    return file !== "__init__.py" || product.hasBackendPython;
  }).map(({ file, purpose }) => ({ file, purpose: purpose.replace("{{product}}", product.name) }));
}

export default defineProductRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Require the files every product needs: root files (`__init__.py`, `package.json`; `manifest.tsx`, `tsconfig.json` when isolated) and the backend's package markers",
      recommended: true,
    },
    schema: [],
    messages: {
      missingRootFile: 'Product "{{product}}" has no {{file}}: add it ({{purpose}}).',
      missingPackageMarker:
        'Add products/{{product}}/{{folder}}__init__.py: without it import-linter cannot see the modules below, and its contracts pass there vacuously.',
    },
  },

  productProblems({ product }) {
    const problems: ProductProblem<MessageIds>[] = missingRootFiles(product).map(({ file, purpose }) => ({
      messageId: "missingRootFile",
      data: { product: product.name, file, purpose },
    }));
    if (product.hasBackendPython) {
      for (const folder of product.missingPackageMarkers) problems.push({ messageId: "missingPackageMarker", data: { product: product.name, folder } });
    }
    return problems;
  },
});
