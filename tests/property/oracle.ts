/** The ground truth of a generated tree plus one generated file, for the fix checks. */
import type { Oracle } from "./support/fix-checks.js";
import { topLevelClasses, type LintTarget, type PyDoc } from "./arbitraries/python.js";
import { definingModules, modelsModuleOf, type RepoSpec } from "./arbitraries/repo.js";

export function oracleFor(spec: RepoSpec, target: LintTarget, doc: PyDoc): Oracle {
  const fileClasses = topLevelClasses(doc);
  const effective: RepoSpec = target.replacesModels
    ? {
        ...spec,
        products: spec.products.map((product) => (product === target.product ? { ...product, models: [] } : product)),
      }
    : spec;
  const generated = target.indexedAs?.endsWith(".generated")
    ? { module: target.indexedAs, names: fileClasses, package: target.indexedAs.slice(0, -".generated".length), entry: "generated.py" }
    : target.indexedAs
      ? { module: target.indexedAs, names: fileClasses }
      : undefined;
  const defining = definingModules(effective, generated ? [generated] : []);
  const labelOfPackage = new Map<string, string>([
    ["posthog.models", "posthog"],
    ["ee.models", "ee"],
  ]);
  const productModules = new Map<string, string>();
  for (const product of spec.products) {
    labelOfPackage.set(modelsModuleOf(product), product.label);
    productModules.set(product.folder, modelsModuleOf(product));
  }
  const labelOf = (module: string): string | undefined => {
    for (const [prefix, label] of labelOfPackage) if (module === prefix || module.startsWith(`${prefix}.`)) return label;
    return undefined;
  };
  const parts = target.path.replace(/\.py$/u, "").split("/");
  const fileAppLabel = target.product?.label ?? (parts[0] === "posthog" ? "posthog" : parts[0] === "ee" ? "ee" : undefined);
  return {
    definingModules: defining,
    labelOf,
    productModules,
    fileModule: parts.join("."),
    ...(fileAppLabel ? { fileAppLabel } : {}),
    fileClasses: new Set(fileClasses),
    importRuleOff: target.path.startsWith("posthog/models/"),
  };
}
