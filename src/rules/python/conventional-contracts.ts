import type { ImportLinterConfig, ImportLinterContract } from "../../project/importlinter.js";

function contract(name: string, sourceModules: string[], forbiddenModules: string[], allowed: [string, string][]): ImportLinterContract {
  return {
    name,
    type: "forbidden",
    line: 0,
    sourceModules,
    forbiddenModules,
    layers: [],
    containers: [],
    modules: [],
    ignoreImports: allowed.map(([importer, imported]) => ({ importer, imported, text: `${importer} -> ${imported}`, line: 0 })),
    asPackages: true,
    allowIndirectImports: true,
  };
}

let conventional: ImportLinterConfig | undefined;

/**
 * The layering of products/architecture.md as import-linter contracts, for a repository whose
 * pyproject.toml has none: core → routes → presentation → facade.
 */
export function conventionalContracts(): ImportLinterConfig {
  conventional ??= {
    file: "",
    present: false,
    rootPackages: ["products"],
    includeExternalPackages: true,
    excludeTypeCheckingImports: false,
    contracts: [
      contract(
        "presentation must use facade",
        ["products.*.backend.presentation"],
        ["products.*.backend"],
        [
          ["products.**.backend.presentation.**", "products.**.backend.facade.**"],
          ["products.**.backend.presentation.**", "products.**.backend.presentation.**"],
        ],
      ),
      contract("routes must only import presentation", ["products.*.backend.routes"], ["products.*.backend"], [["products.**.backend.routes", "products.**.backend.presentation.**"]]),
      contract("facade must not import presentation or DRF", ["products.*.backend.facade"], ["products.*.backend.presentation", "rest_framework"], []),
    ],
  };
  return conventional;
}
