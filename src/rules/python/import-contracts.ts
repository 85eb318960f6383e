import type { ImportLinterConfig, ImportLinterContract } from "../../project/importlinter.js";
import { matchingPackage, moduleExpressionMatches } from "../../project/module-expressions.js";
import { isWithinModule } from "../../languages/python/syntax/index.js";

/** Why a contract forbids an import. */
type ContractReason =
  | { kind: "forbidden" }
  /** The importer's layer is below the imported module's (or an independent sibling of it). */
  | { kind: "layers"; importerLayer: string; importedLayer: string }
  | { kind: "independence"; importerModule: string; importedModule: string };

export interface ContractViolation {
  contract: ImportLinterContract;
  /** The imported module as import-linter records it. */
  imported: string;
  reason: ContractReason;
}

/** import-linter keeps one node for an external package: `rest_framework.serializers` is `rest_framework`. */
function recorded(config: ImportLinterConfig, module: string): string {
  const top = module.split(".")[0]!;
  return config.rootPackages.length === 0 || config.rootPackages.includes(top) ? module : top;
}

/** The module an expression stands for around `module`: itself, or (as packages) its outermost matching package. */
function instanceOf(expression: string, module: string, asPackages: boolean): string | undefined {
  if (!asPackages) return moduleExpressionMatches(expression, module) ? module : undefined;
  return matchingPackage(expression, module);
}

function isIgnored(contract: ImportLinterContract, importer: string, imported: readonly string[]): boolean {
  return contract.ignoreImports.some(
    (entry) => moduleExpressionMatches(entry.importer, importer) && imported.some((module) => moduleExpressionMatches(entry.imported, module)),
  );
}

/** A contract as it applies to one importing module: what its check needs about the importer, computed once per file. */
type Applied =
  | { kind: "forbidden"; contract: ImportLinterContract; sources: string[] }
  | { kind: "layers"; contract: ImportLinterContract; layers: Layer[]; containers: { container: string; layer: Layer }[] }
  | { kind: "independence"; contract: ImportLinterContract; importerModule: string };

interface Layer {
  name: string;
  level: number;
  independent: boolean;
}

/** `a | b` (independent siblings), `a : b` (siblings), `(a)` (optional): the layers, highest level 0. */
function layersOf(contract: ImportLinterContract): Layer[] {
  return contract.layers.flatMap((entry, level) => {
    const independent = !entry.includes(":");
    return entry.split(/[|:]/u).map((name) => ({ name: name.trim().replace(/^\((.*)\)$/u, "$1").trim(), level, independent }));
  });
}

function layerOf(layers: readonly Layer[], container: string, module: string): Layer | undefined {
  return layers.find((layer) => isWithinModule(module, container ? `${container}.${layer.name}` : layer.name));
}

/** The contract as it applies to `importer`, or undefined when it says nothing about its imports. */
function apply(contract: ImportLinterContract, importer: string): Applied | undefined {
  if (contract.type === "forbidden") {
    const sources = contract.sourceModules.map((expression) => instanceOf(expression, importer, contract.asPackages)).filter((source) => source !== undefined);
    return sources.length > 0 ? { kind: "forbidden", contract, sources } : undefined;
  }
  if (contract.type === "layers") {
    const layers = layersOf(contract);
    const candidates = contract.containers.length > 0 ? contract.containers.map((expression) => matchingPackage(expression, importer)).filter((c) => c !== undefined) : [""];
    const containers = candidates.flatMap((container) => {
      const layer = layerOf(layers, container, importer);
      return layer ? [{ container, layer }] : [];
    });
    return containers.length > 0 ? { kind: "layers", contract, layers, containers } : undefined;
  }
  if (contract.type === "independence") {
    const importerModule = contract.modules.map((expression) => matchingPackage(expression, importer)).find((module) => module !== undefined);
    return importerModule ? { kind: "independence", contract, importerModule } : undefined;
  }
  return undefined;
}

function checkForbidden({ contract, sources }: Extract<Applied, { kind: "forbidden" }>, imported: readonly string[]): ContractViolation | undefined {
  for (const module of imported) {
    // An import inside the source module itself is never forbidden.
    if (sources.some((source) => isWithinModule(module, source))) continue;
    if (contract.forbiddenModules.some((forbidden) => instanceOf(forbidden, module, contract.asPackages) !== undefined)) {
      return { contract, imported: module, reason: { kind: "forbidden" } };
    }
  }
  return undefined;
}

function checkLayers({ contract, layers, containers }: Extract<Applied, { kind: "layers" }>, imported: readonly string[]): ContractViolation | undefined {
  for (const { container, layer: importerLayer } of containers) {
    for (const module of imported) {
      if (container && !isWithinModule(module, container)) continue;
      const importedLayer = layerOf(layers, container, module);
      if (!importedLayer || importedLayer === importerLayer) continue;
      const sameLevelIndependent = importedLayer.level === importerLayer.level && importerLayer.independent;
      if (importedLayer.level < importerLayer.level || sameLevelIndependent) {
        return { contract, imported: module, reason: { kind: "layers", importerLayer: importerLayer.name, importedLayer: importedLayer.name } };
      }
    }
  }
  return undefined;
}

function checkIndependence({ contract, importerModule }: Extract<Applied, { kind: "independence" }>, imported: readonly string[]): ContractViolation | undefined {
  for (const module of imported) {
    const importedModule = contract.modules.map((expression) => matchingPackage(expression, module)).find((found) => found !== undefined);
    if (importedModule && !isWithinModule(importedModule, importerModule) && !isWithinModule(importerModule, importedModule)) {
      return { contract, imported: module, reason: { kind: "independence", importerModule, importedModule } };
    }
  }
  return undefined;
}

function check(applied: Applied, imported: readonly string[]): ContractViolation | undefined {
  if (applied.kind === "forbidden") return checkForbidden(applied, imported);
  if (applied.kind === "layers") return checkLayers(applied, imported);
  return checkIndependence(applied, imported);
}

/**
 * The contracts of `[tool.importlinter]` as they apply to the module `importer`, as a check of one
 * direct import: the first contract it breaks, when `importer` imports `modules` (for
 * `from m import n`: `m` and `m.n`, either of which import-linter may record). `ignore_imports`
 * entries exempt it when they match the importer and one of the modules.
 */
export function contractCheck(config: ImportLinterConfig, importer: string): (modules: readonly string[]) => ContractViolation | undefined {
  const applied = config.contracts.map((contract) => apply(contract, importer)).filter((found) => found !== undefined);
  if (applied.length === 0) return () => undefined;
  return (modules) => {
    const imported = [...new Set(modules.map((module) => recorded(config, module)))].filter((module) => module !== importer);
    for (const contract of applied) {
      const violation = check(contract, imported);
      if (violation && !isIgnored(contract.contract, importer, imported)) return violation;
    }
    return undefined;
  };
}
