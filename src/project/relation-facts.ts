import { childNodes, dottedName, expressionOf, keywordArgument, readRelationField, resolveRelativeImport, stringValue, type ModuleBindings, type SyntaxNode } from "../languages/python/syntax/index.js";
import type { RelationFact } from "./types.js";

/** A relation target as the models file writes it, before relative imports are resolved. */
type WrittenTarget =
  | { kind: "string"; value: string }
  | { kind: "import"; level: number; module: string; name: string }
  | { kind: "local"; name: string }
  | { kind: "user-model" };

/** A relation field of a class, read from its file (see {@link RelationFact}). */
export interface WrittenRelation extends Omit<RelationFact, "target"> {
  target: WrittenTarget;
}

function keywordString(source: string, call: SyntaxNode, name: string): string | undefined {
  const args = call.childForFieldName("arguments");
  const value = args ? keywordArgument(source, args, name)?.childForFieldName("value") : undefined;
  return value ? stringValue(source, value) : undefined;
}

/** What a class reference (`Team`, `team_models.Team`, `settings.AUTH_USER_MODEL`) stands for in the file. */
function writtenClass(source: string, target: SyntaxNode, bindings: ModuleBindings): WrittenTarget | undefined {
  const written = dottedName(source, target);
  if (!written) return undefined;
  const parts = written.split(".");
  if (parts.at(-1) === "AUTH_USER_MODEL") return { kind: "user-model" };
  const binding = bindings.byName.get(parts[0]!);
  const name = parts.at(-1)!;
  if (parts.length === 1 && binding?.kind === "class") return { kind: "local", name };
  if (binding?.kind === "from-import") {
    if (parts.length === 1) return { kind: "import", level: binding.fromImport.level, module: binding.fromImport.moduleRest, name: binding.imported.importedName };
    const module = [binding.fromImport.moduleRest, binding.imported.importedName, ...parts.slice(1, -1)].filter(Boolean).join(".");
    return { kind: "import", level: binding.fromImport.level, module, name };
  }
  if (binding?.kind === "import" && parts.length > 1) {
    const module = binding.bindsTopPackage ? parts.slice(0, -1).join(".") : [binding.module, ...parts.slice(1, -1)].join(".");
    return { kind: "import", level: 0, module, name };
  }
  return undefined;
}

/** A relation field's name in the text of a statement: most statements are ruled out without touching their nodes. */
const RELATION_TEXT = /ForeignKey|OneToOneField|ManyToManyField|ForeignObject/u;

/** The relation fields assigned in a class body (`team = models.ForeignKey(...)`), in order. */
export function classRelations(source: string, classNode: SyntaxNode, bindings: ModuleBindings): WrittenRelation[] {
  const body = classNode.childForFieldName("body");
  const relations: WrittenRelation[] = [];
  if (!body || !RELATION_TEXT.test(source.slice(body.startIndex, body.endIndex))) return relations;
  for (const statement of childNodes(body)) {
    if (statement.type !== "expression_statement" || !RELATION_TEXT.test(source.slice(statement.startIndex, statement.endIndex))) continue;
    const assignment = expressionOf(statement);
    const call = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
    if (!call || call.type !== "call") continue;
    const field = readRelationField(source, call);
    if (!field?.fieldName) continue;
    const value = field.target.type === "string" ? stringValue(source, field.target) : undefined;
    const target: WrittenTarget | undefined = value !== undefined ? { kind: "string", value } : writtenClass(source, field.target, bindings);
    if (!target) continue;
    const relatedName = keywordString(source, call, "related_name");
    const relatedQueryName = keywordString(source, call, "related_query_name");
    relations.push({
      name: field.fieldName,
      kind: field.kind,
      target,
      ...(relatedName !== undefined ? { relatedName } : {}),
      ...(relatedQueryName !== undefined ? { relatedQueryName } : {}),
    });
  }
  return relations;
}

/**
 * The relations with relative imports resolved against the file's module. Relations naming the
 * same label share one target object of `labelTargets` (one map per models file): the index keeps
 * them for the whole run, and a models file names the same few labels over and over.
 */
export function resolvedRelations(
  relations: readonly WrittenRelation[],
  module: string,
  isPackageInit: boolean,
  labelTargets: Map<string, RelationFact["target"]>,
): RelationFact[] {
  return relations.flatMap((relation): RelationFact[] => {
    const { target } = relation;
    if (target.kind === "string") {
      let shared = labelTargets.get(target.value);
      if (!shared) labelTargets.set(target.value, (shared = target));
      return [{ ...relation, target: shared }];
    }
    if (target.kind !== "import") return [{ ...relation, target }];
    const absolute = target.level > 0 ? resolveRelativeImport(module, isPackageInit, target.level, target.module) : target.module;
    return absolute ? [{ ...relation, target: { kind: "import", module: absolute, name: target.name } }] : [];
  });
}
