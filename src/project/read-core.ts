/** What hogli's and the seed's product checks read outside `products/`: the frontend package and ClickHouse's DDL imports. */
import path from "node:path";
import { collectImports } from "../languages/python/syntax/index.js";
import { readReported } from "./problems.js";
import { extractPython } from "./python-source.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, FrontendPackageInfo } from "./types.js";

const DEPENDENCY_KEYS = ["dependencies", "devDependencies", "peerDependencies"];

/** The root `frontend/package.json`'s dependency names; undefined when it is missing or not a JSON object. */
export function readFrontendPackage(tfs: TrackedFs, root: string, problems: ConfigProblem[]): FrontendPackageInfo | undefined {
  const file = path.join(root, "frontend", "package.json");
  const text = readReported(tfs, file, problems);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) return undefined;
  const dependencies = new Set<string>();
  for (const key of DEPENDENCY_KEYS) {
    const value = (json as Record<string, unknown>)[key];
    if (value && typeof value === "object" && !Array.isArray(value)) for (const name of Object.keys(value)) dependencies.add(name);
  }
  return { file, dependencies: [...dependencies].sort() };
}

/** Every module a Python file imports (absolute imports only): `a.b` for `import a.b`; `a.b` and `a.b.c` for `from a.b import c`. */
function importedModules(file: string, text: string): string[] {
  return (
    extractPython("imported-modules", file, text, (tree) => {
      const { fromImports, plainImports } = collectImports(text, tree.rootNode);
      const names: string[] = plainImports.map((entry) => entry.importedModule);
      for (const entry of fromImports) {
        if (entry.level !== 0 || !entry.moduleRest) continue;
        names.push(entry.moduleRest, ...entry.names.map((name) => `${entry.moduleRest}.${name.importedName}`));
      }
      return names;
    }) ?? []
  );
}

/**
 * The modules ClickHouse's frozen migrations and schema registry import (hogli's test of a
 * permanent interface). Only files that mention `products` can import a product: the others are
 * not parsed.
 */
export function readClickhouseImports(tfs: TrackedFs, root: string, problems: ConfigProblem[]): string[] {
  const clickhouse = path.join(root, "posthog", "clickhouse");
  const files = tfs
    .list(path.join(clickhouse, "migrations"))
    .filter((entry) => entry.isFile && entry.name.endsWith(".py"))
    .map((entry) => entry.path);
  files.push(path.join(clickhouse, "schema.py"));
  const imported = new Set<string>();
  for (const file of files) {
    const text = readReported(tfs, file, problems);
    if (text === undefined || !text.includes("products")) continue;
    for (const name of importedModules(file, text)) imported.add(name);
  }
  return [...imported].sort();
}
