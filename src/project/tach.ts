import { parse, TomlError } from "smol-toml";
import { configProblem, errorText } from "./problems.js";
import { scanToml, type TomlBlock } from "./toml-scan.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, RepoIndex, TachInterface, TachModule } from "./types.js";

function stringList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string");
}

/** `depends_on` entries are strings or (newer tach) `{ path = "...", deprecated = true }`. */
function dependencyList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const result: string[] = [];
  for (const item of value) {
    if (typeof item === "string") result.push(item);
    else if (item && typeof item === "object" && typeof (item as { path?: unknown }).path === "string") {
      result.push((item as { path: string }).path);
    }
  }
  return result;
}

function tablesOf(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => (item && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : {}));
}

/**
 * hogli exempts an `[[interfaces]]` block whose comment lines directly above the header carry
 * this marker: a declared, permanent coupling (ClickHouse DDL used by core), not a leak.
 */
export const PERMANENT_INTERFACE_MARKER = "isolation:permanent-interface";

function blockComments(block: TomlBlock | undefined): string[] {
  return block ? [...block.leadingComments, ...block.innerComments] : [];
}

/**
 * Reads `tach.toml`: each `[[interfaces]]` block's `from` and `expose` patterns (as TOML decodes
 * them) with the lines of the header and of each expose entry, and each `[[modules]]` block.
 */
export function readTach(tfs: TrackedFs, file: string, problems: ConfigProblem[]): RepoIndex["tach"] {
  const tach: RepoIndex["tach"] = { file, exists: false, interfaces: [], modules: [] };
  const text = tfs.readText(file);
  if (text === undefined) return tach;
  tach.exists = true;
  if (text instanceof Error) {
    problems.push(configProblem(tfs.root, file, 1, 1, `Cannot read the file: ${errorText(text)}`));
    return tach;
  }
  let data: Record<string, unknown>;
  try {
    data = parse(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = errorText(error).replace(/^Invalid TOML document:\s*/u, "");
      problems.push(configProblem(tfs.root, file, error.line, error.column, `Invalid TOML: ${reason}`));
    } else {
      problems.push(configProblem(tfs.root, file, 1, 1, `Invalid TOML: ${errorText(error)}`));
    }
    return tach;
  }

  let scan: ReturnType<typeof scanToml> | undefined;
  try {
    scan = scanToml(text);
  } catch {
    // Lines are a nicety: without them every entry points at line 1.
  }
  const headers = (name: string): TomlBlock[] =>
    scan?.blocks.filter((block) => block.kind === "array" && block.name === name) ?? [];

  const interfaceBlocks = headers("interfaces");
  tach.interfaces = tablesOf(data.interfaces).map((table, index): TachInterface => {
    const block = interfaceBlocks[index];
    const line = block?.line ?? 1;
    const expose = stringList(table.expose);
    const from = stringList(table.from);
    const exposeStatement = block?.statements.find((statement) => statement.key === "expose");
    const elementLines = exposeStatement?.elementLines ?? [];
    const rawExpose = Array.isArray(table.expose) ? (table.expose as unknown[]) : [];
    // Element lines are per array element; keep those of the string elements.
    const stringLines = rawExpose.length === elementLines.length
      ? elementLines.filter((_, position) => typeof rawExpose[position] === "string")
      : [];
    const exposeLines = expose.map((_, position) => stringLines[position] ?? exposeStatement?.line ?? line);
    const fromStatement = block?.statements.find((statement) => statement.key === "from");
    return {
      from,
      expose,
      line,
      exposeLines,
      fromLine: fromStatement?.line ?? line,
      comments: blockComments(block),
      permanent: block?.leadingComments.some((comment) => comment.includes(PERMANENT_INTERFACE_MARKER)) ?? false,
    };
  });

  const moduleBlocks = headers("modules");
  tach.modules = tablesOf(data.modules).map((table, index): TachModule => {
    const block = moduleBlocks[index];
    const paths = typeof table.path === "string" ? [table.path] : stringList(table.paths);
    return {
      path: paths[0] ?? "",
      paths,
      dependsOn: dependencyList(table.depends_on),
      line: block?.line ?? 1,
      comments: blockComments(block),
    };
  });
  return tach;
}
