import type { PyNode } from "../../parsers/python/ast.js";
import { resolveModelImport } from "../../project/index.js";
import type { ModelInfo } from "../../project/types.js";
import type { PythonFileContext } from "./file-context.js";
import type { FromImport, ImportedName } from "./imports.js";
import { childByField, dottedName, stringLiteralValue, textOf } from "./syntax.js";

/** How a relation target written as a string reads. */
export type StringTarget =
  | { kind: "self" }
  /** `"Model"`: a model of the same app. */
  | { kind: "bare"; name: string }
  /** `"app_label.Model"`. */
  | { kind: "label"; appLabel: string; name: string }
  /** `"products.x.backend.models.Model"`: a Python path where a label belongs. */
  | { kind: "path"; module: string; name: string }
  | { kind: "invalid" };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/u;

export function parseStringTarget(value: string): StringTarget {
  if (value === "self") return { kind: "self" };
  const parts = value.split(".");
  if (!parts.every((part) => IDENTIFIER.test(part))) return { kind: "invalid" };
  if (parts.length === 1) return { kind: "bare", name: parts[0]! };
  if (parts.length === 2) return { kind: "label", appLabel: parts[0]!, name: parts[1]! };
  return { kind: "path", module: parts.slice(0, -1).join("."), name: parts[parts.length - 1]! };
}

/** A class reference (`FeatureFlag`, `ff_models.FeatureFlag`) resolved to the model it names. */
export type ClassReference =
  | { kind: "model"; model: ModelInfo; binding?: { fromImport: FromImport; name: ImportedName } }
  | { kind: "ambiguous"; name: string; candidates: ModelInfo[] }
  | { kind: "unresolved"; name?: string };

function topLevelClassNames(text: string, ast: PyNode): Map<string, PyNode> {
  const classes = new Map<string, PyNode>();
  for (const statement of ast.children) {
    const definition = statement.type === "decorated_definition" ? childByField(statement, "definition") : statement;
    if (definition?.type !== "class_definition" || definition.hasError) continue;
    const name = childByField(definition, "name");
    if (name) classes.set(textOf(text, name), definition);
  }
  return classes;
}

const localClassCache = new WeakMap<PyNode, Map<string, PyNode>>();

function fromResolution(found: { model?: ModelInfo; candidates: ModelInfo[] }, name: string): ClassReference {
  if (found.model) return { kind: "model", model: found.model };
  if (found.candidates.length > 1) return { kind: "ambiguous", name, candidates: found.candidates };
  return { kind: "unresolved", name };
}

/** Resolves a class reference through same-file classes and the file's imports (absolute and relative). */
export function resolveClassReference(file: PythonFileContext, text: string, ast: PyNode, node: PyNode): ClassReference {
  const written = dottedName(text, node);
  if (!written) return { kind: "unresolved" };
  const parts = written.split(".");
  const head = parts[0]!;
  const name = parts[parts.length - 1]!;

  if (parts.length === 1) {
    let local = localClassCache.get(ast);
    if (!local) localClassCache.set(ast, (local = topLevelClassNames(text, ast)));
    const localClass = local.get(head);
    if (localClass && file.app) {
      const model = file.app.models.get(head);
      if (model) return { kind: "model", model };
      const line = text.slice(0, localClass.range[0]).split(/\r\n|\r|\n/u).length;
      return {
        kind: "model",
        model: { name: head, appLabel: file.app.label, definingModule: file.module ?? "", file: file.file, line },
      };
    }
    const binding = file.imports.byLocalName.get(head);
    if (!binding || !binding.fromImport.module) return { kind: "unresolved", name };
    const resolved = fromResolution(resolveModelImport(file.index, binding.fromImport.module, binding.name.importedName), name);
    return resolved.kind === "model" ? { ...resolved, binding } : resolved;
  }

  // Attribute chain: `alias.Model` where alias is an imported module, or `pkg.mod.Model` after `import pkg.mod`.
  const fromBinding = file.imports.byLocalName.get(head);
  if (fromBinding?.fromImport.module) {
    const module = [fromBinding.fromImport.module, fromBinding.name.importedName, ...parts.slice(1, -1)].join(".");
    return fromResolution(resolveModelImport(file.index, module, name), name);
  }
  const moduleBinding = file.imports.moduleBindings.find((binding) => binding.localName === head);
  if (moduleBinding) {
    const module = moduleBinding.bindsTopPackage
      ? parts.slice(0, -1).join(".")
      : [moduleBinding.module, ...parts.slice(1, -1)].join(".");
    return fromResolution(resolveModelImport(file.index, module, name), name);
  }
  return { kind: "unresolved", name };
}

/** The app label and model name a relation target points at, however it is written; undefined when unknown. */
export function resolveRelationTarget(
  file: PythonFileContext,
  text: string,
  ast: PyNode,
  target: PyNode,
): { appLabel: string; name: string; model?: ModelInfo } | undefined {
  if (target.type === "string") {
    const value = stringLiteralValue(text, target);
    if (value === undefined) return undefined;
    const parsed = parseStringTarget(value);
    switch (parsed.kind) {
      case "self":
        return file.app ? { appLabel: file.app.label, name: "self" } : undefined;
      case "bare":
        return file.app ? { appLabel: file.app.label, name: parsed.name, model: file.app.models.get(parsed.name) } : undefined;
      case "label":
        return {
          appLabel: parsed.appLabel,
          name: parsed.name,
          model: file.index.apps.get(parsed.appLabel)?.models.get(parsed.name),
        };
      case "path": {
        const found = resolveModelImport(file.index, parsed.module, parsed.name);
        return found.model ? { appLabel: found.model.appLabel, name: parsed.name, model: found.model } : undefined;
      }
      default:
        return undefined;
    }
  }
  const reference = resolveClassReference(file, text, ast, target);
  return reference.kind === "model"
    ? { appLabel: reference.model.appLabel, name: reference.model.name, model: reference.model }
    : undefined;
}
