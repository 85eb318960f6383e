import type { ImportLinterConfig, ImportLinterContract } from "../../project/importlinter.js";
import { matchingPackage, moduleExpressionMatches } from "../../project/module-expressions.js";

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

const within = (module: string, base: string): boolean => module === base || module.startsWith(`${base}.`);

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

function checkForbidden(contract: ImportLinterContract, importer: string, imported: readonly string[]): ContractViolation | undefined {
  const sources = contract.sourceModules.map((expression) => instanceOf(expression, importer, contract.asPackages)).filter((source) => source !== undefined);
  if (sources.length === 0) return undefined;
  for (const module of imported) {
    // An import inside the source module itself is never forbidden.
    if (sources.some((source) => within(module, source))) continue;
    if (contract.forbiddenModules.some((forbidden) => instanceOf(forbidden, module, contract.asPackages) !== undefined)) {
      return { contract, imported: module, reason: { kind: "forbidden" } };
    }
  }
  return undefined;
}

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
  return layers.find((layer) => within(module, container ? `${container}.${layer.name}` : layer.name));
}

function checkLayers(contract: ImportLinterContract, importer: string, imported: readonly string[]): ContractViolation | undefined {
  const layers = layersOf(contract);
  const containers = contract.containers.length > 0 ? contract.containers.map((expression) => matchingPackage(expression, importer)).filter((c) => c !== undefined) : [""];
  for (const container of containers) {
    const importerLayer = layerOf(layers, container, importer);
    if (!importerLayer) continue;
    for (const module of imported) {
      if (container && !within(module, container)) continue;
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

function checkIndependence(contract: ImportLinterContract, importer: string, imported: readonly string[]): ContractViolation | undefined {
  const importerModule = contract.modules.map((expression) => matchingPackage(expression, importer)).find((module) => module !== undefined);
  if (!importerModule) return undefined;
  for (const module of imported) {
    const importedModule = contract.modules.map((expression) => matchingPackage(expression, module)).find((found) => found !== undefined);
    if (importedModule && !within(importedModule, importerModule) && !within(importerModule, importedModule)) {
      return { contract, imported: module, reason: { kind: "independence", importerModule, importedModule } };
    }
  }
  return undefined;
}

const CHECKS: Record<string, (contract: ImportLinterContract, importer: string, imported: readonly string[]) => ContractViolation | undefined> = {
  forbidden: checkForbidden,
  layers: checkLayers,
  independence: checkIndependence,
};

/**
 * The first contract of `[tool.importlinter]` that a direct import breaks: `importer` imports
 * `modules` (for `from m import n`: `m` and `m.n`, either of which import-linter may record).
 * `ignore_imports` entries exempt it when they match the importer and one of the modules.
 */
export function checkContracts(config: ImportLinterConfig, importer: string, modules: readonly string[]): ContractViolation | undefined {
  const imported = [...new Set(modules.map((module) => recorded(config, module)))].filter((module) => module !== importer);
  for (const contract of config.contracts) {
    const violation = CHECKS[contract.type]?.(contract, importer, imported);
    if (violation && !isIgnored(contract, importer, imported)) return violation;
  }
  return undefined;
}
