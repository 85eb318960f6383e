import path from "node:path";
import { childNodes, definitionName, stringValue, textOf, topLevelStatements, type SyntaxNode } from "../languages/python/syntax/index.js";
import { readReported } from "./problems.js";
import { extractPython } from "./python-source.js";
import { PRIMITIVE_TYPES, tachPatternMatches, type TachInterfaceRule } from "./tach-patterns.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem } from "./types.js";

/** A top-level function or variable of a module, as tach's data-type check sees it. */
interface TypedMember {
  name: string;
  /** Every annotation it needs is one of tach's primitive types. */
  primitive: boolean;
}

/** An annotation's simple name or string value (`int`, `"str"`); undefined for anything else (`list[int]`, `a.B`). */
function annotationName(source: string, type: SyntaxNode | null): string | undefined {
  const expression = type?.type === "type" ? childNodes(type)[0] : type;
  if (!expression) return undefined;
  if (expression.type === "identifier") return textOf(source, expression);
  if (expression.type === "string") return stringValue(source, expression);
  return undefined;
}

const isPrimitive = (name: string | undefined): boolean => name !== undefined && PRIMITIVE_TYPES.has(name);

const VARIADIC = new Set(["list_splat_pattern", "dictionary_splat_pattern", "keyword_separator", "positional_separator"]);

/** Every non-variadic parameter and the return carry a primitive annotation. */
function primitiveFunction(source: string, node: SyntaxNode): boolean {
  for (const parameter of childNodes(node.childForFieldName("parameters")!)) {
    if (VARIADIC.has(parameter.type)) continue;
    if (parameter.type === "typed_parameter" && childNodes(parameter).some((child) => VARIADIC.has(child.type))) continue;
    const annotated = parameter.type === "typed_parameter" || parameter.type === "typed_default_parameter";
    if (!annotated || !isPrimitive(annotationName(source, parameter.childForFieldName("type")))) return false;
  }
  return isPrimitive(annotationName(source, node.childForFieldName("return_type")));
}

/** `x = 1` (no annotation: not primitive), `x: int = 1`, `a = b = 1` (each target). */
function assignedMembers(source: string, statement: SyntaxNode): TypedMember[] {
  const members: TypedMember[] = [];
  for (let assignment: SyntaxNode | null = childNodes(statement)[0] ?? null; assignment?.type === "assignment"; assignment = assignment.childForFieldName("right")) {
    const left = assignment.childForFieldName("left");
    if (left?.type !== "identifier") break;
    members.push({ name: textOf(source, left), primitive: isPrimitive(annotationName(source, assignment.childForFieldName("type"))) });
  }
  return members;
}

function typedMembers(source: string, root: SyntaxNode): TypedMember[] {
  const members: TypedMember[] = [];
  for (const { node } of topLevelStatements(root)) {
    if (node.type === "function_definition") {
      const name = definitionName(source, node);
      if (name && node.childForFieldName("parameters")) members.push({ name, primitive: primitiveFunction(source, node) });
    } else if (node.type === "expression_statement") {
      members.push(...assignedMembers(source, node));
    }
  }
  return members;
}

/** `<source root>/a/b.py` or `<source root>/a/b/__init__.py` for module `a.b`, the first that exists. */
function moduleFile(tfs: TrackedFs, sourceRoots: readonly string[], module: string): string | undefined {
  for (const root of sourceRoots) {
    const base = path.join(tfs.root, root, ...module.split("."));
    for (const candidate of [`${base}.py`, path.join(base, "__init__.py")]) if (tfs.isFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * tach's data-type facts of one module (its own file only): each top-level function and variable
 * that an expose pattern of `interfaces` matches, and whether its annotations are primitive.
 * Undefined when the module has no file.
 */
export function readDataTypeMembers(
  tfs: TrackedFs,
  sourceRoots: readonly string[],
  module: string,
  interfaces: readonly TachInterfaceRule[],
  problems: ConfigProblem[],
): Record<string, boolean> | undefined {
  const file = moduleFile(tfs, sourceRoots, module);
  if (!file) return undefined;
  const text = readReported(tfs, file, problems);
  if (text === undefined) return undefined;
  const members = extractPython("tach-data-types", file, text, (tree) => typedMembers(text, tree.rootNode)) ?? [];
  const result: Record<string, boolean> = {};
  for (const member of members) {
    if (interfaces.some((block) => block.expose.some((pattern) => tachPatternMatches(pattern, member.name)))) result[member.name] = member.primitive;
  }
  return result;
}
