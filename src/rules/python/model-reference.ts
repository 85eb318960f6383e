import { dottedName, lastComponent, stringValue, type SyntaxNode } from "../../languages/python/syntax/index.js";
import { resolveModelImport } from "../../project/index.js";
import type { ModelInfo } from "../../project/types.js";
import type { PythonFileContext } from "./file-context.js";
import { bindingAt, type ImportBinding } from "./name-bindings.js";

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

/** The models of Django's contrib apps, by the module that defines them; their label is `<app>.<Model>`. */
const CONTRIB_MODELS: ReadonlyMap<string, { app: string; models: ReadonlySet<string> }> = new Map([
  ["django.contrib.auth.models", { app: "auth", models: new Set(["User", "Group", "Permission"]) }],
  ["django.contrib.contenttypes.models", { app: "contenttypes", models: new Set(["ContentType"]) }],
  ["django.contrib.sites.models", { app: "sites", models: new Set(["Site"]) }],
  ["django.contrib.admin.models", { app: "admin", models: new Set(["LogEntry"]) }],
  ["django.contrib.sessions.models", { app: "sessions", models: new Set(["Session"]) }],
  ["django.contrib.redirects.models", { app: "redirects", models: new Set(["Redirect"]) }],
  ["django.contrib.flatpages.models", { app: "flatpages", models: new Set(["FlatPage"]) }],
]);

/** `contenttypes` for `ContentType` from `django.contrib.contenttypes.models`; undefined for anything else. */
export function contribAppLabel(module: string, name: string): string | undefined {
  const contrib = CONTRIB_MODELS.get(module);
  return contrib?.models.has(name) ? contrib.app : undefined;
}

/** A class reference (`FeatureFlag`, `ff_models.FeatureFlag`, `settings.AUTH_USER_MODEL`) resolved to the model it names. */
export type ClassReference =
  /** A model with a label; `binding` when a `from … import` of this file binds the name. */
  | { kind: "model"; appLabel: string; name: string; model?: ModelInfo; binding?: ImportBinding }
  /** A class defined in this file. */
  | { kind: "local"; appLabel?: string; name: string; model?: ModelInfo }
  /** `settings.AUTH_USER_MODEL`. */
  | { kind: "user-model"; appLabel: string; name: string }
  | { kind: "ambiguous"; name: string; candidates: ModelInfo[] }
  | { kind: "unresolved"; name?: string };

function fromModule(file: PythonFileContext, module: string, name: string, binding?: ImportBinding): ClassReference {
  const contrib = contribAppLabel(module, name);
  if (contrib) return { kind: "model", appLabel: contrib, name, ...(binding ? { binding } : {}) };
  const found = resolveModelImport(file.index, module, name);
  if (found.model) return { kind: "model", appLabel: found.model.appLabel, name, model: found.model, ...(binding ? { binding } : {}) };
  if (found.candidates.length > 1) return { kind: "ambiguous", name, candidates: found.candidates };
  return { kind: "unresolved", name };
}

function userModel(file: PythonFileContext): ClassReference {
  const [appLabel, name] = file.userModel.split(".") as [string, string];
  return { kind: "user-model", appLabel, name };
}

/** Resolves a class reference through the file's classes and imports (absolute and relative). */
export function resolveClassReference(file: PythonFileContext, source: string, node: SyntaxNode): ClassReference {
  const written = dottedName(source, node);
  if (!written) return { kind: "unresolved" };
  const parts = written.split(".");
  const head = parts[0]!;
  const name = lastComponent(written);
  if (name === "AUTH_USER_MODEL") return userModel(file);
  const binding = bindingAt(file, source, head, node);

  if (parts.length === 1) {
    if (binding?.kind === "class") {
      const model = file.app?.models.get(head);
      return { kind: "local", name: head, ...(file.app ? { appLabel: file.app.label } : {}), ...(model ? { model } : {}) };
    }
    if (binding?.kind !== "from-import" || !binding.module) return { kind: "unresolved", name };
    return fromModule(file, binding.module, binding.binding.name.importedName, binding.binding);
  }

  // Attribute chain: `alias.Model` where alias is an imported module, or `pkg.mod.Model` after `import pkg.mod`.
  if (binding?.kind === "from-import" && binding.module) {
    return fromModule(file, [binding.module, binding.binding.name.importedName, ...parts.slice(1, -1)].join("."), name);
  }
  if (binding?.kind === "import") {
    const module = binding.bindsTopPackage ? parts.slice(0, -1).join(".") : [binding.module, ...parts.slice(1, -1)].join(".");
    return fromModule(file, module, name);
  }
  return { kind: "unresolved", name };
}

type RelationTarget = { appLabel: string; name: string; model?: ModelInfo } | undefined;

/**
 * The resolved targets of the file linted last, by node: the rules that check relation fields
 * share the work on a file, and run one after the other on it.
 */
let resolvedTargets: { file: PythonFileContext; targets: Map<SyntaxNode, RelationTarget> } | undefined;

/** The app label and model name a relation target points at, however it is written; undefined when unknown. */
export function resolveRelationTarget(file: PythonFileContext, source: string, target: SyntaxNode): RelationTarget {
  if (resolvedTargets?.file !== file) resolvedTargets = { file, targets: new Map() };
  const { targets } = resolvedTargets;
  if (targets.has(target)) return targets.get(target);
  const resolved = resolveTarget(file, source, target);
  targets.set(target, resolved);
  return resolved;
}

function resolveTarget(file: PythonFileContext, source: string, target: SyntaxNode): RelationTarget {
  if (target.type === "string") {
    const value = stringValue(source, target);
    if (value === undefined) return undefined;
    const parsed = parseStringTarget(value);
    switch (parsed.kind) {
      case "self":
        return file.app ? { appLabel: file.app.label, name: "self" } : undefined;
      case "bare":
        return file.app ? { appLabel: file.app.label, name: parsed.name, model: file.app.models.get(parsed.name) } : undefined;
      case "label":
        return { appLabel: parsed.appLabel, name: parsed.name, model: file.index.apps.get(parsed.appLabel)?.models.get(parsed.name) };
      case "path": {
        const found = resolveModelImport(file.index, parsed.module, parsed.name);
        return found.model ? { appLabel: found.model.appLabel, name: parsed.name, model: found.model } : undefined;
      }
      default:
        return undefined;
    }
  }
  const reference = resolveClassReference(file, source, target);
  switch (reference.kind) {
    case "model":
    case "user-model":
      return { appLabel: reference.appLabel, name: reference.name, ...("model" in reference ? { model: reference.model } : {}) };
    case "local":
      return reference.appLabel ? { appLabel: reference.appLabel, name: reference.name, model: reference.model } : undefined;
    default:
      return undefined;
  }
}
