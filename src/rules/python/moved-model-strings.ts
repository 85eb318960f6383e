import { childNodes, dottedName, isPythonIdentifier, lastComponent, stringValue, type SyntaxNode } from "../../languages/python/syntax/index.js";
import type { RepoIndex } from "../../project/types.js";
import { flaggedModule } from "./model-destinations.js";

/** A dotted string naming a product model through an old path (`posthog.models.FeatureFlag.objects`). */
export interface MovedModelPath {
  name: string;
  /** The module the string goes through (`posthog.models`). */
  from: string;
  /** The module the model is imported from now. */
  module: string;
  /** The same string through the model's module. */
  newPath: string;
  /** The string goes on past the class (`….FeatureFlag.objects`): it patches an attribute of the class object. */
  attribute: boolean;
}

/**
 * `mock.patch("…")`, `patch("…")`, `mocker.patch("…")`, `monkeypatch.setattr("…", …)`: the target
 * string, whose last name is replaced; `mock.patch.multiple("…", …)`: the object whose
 * attributes are replaced (`ofAttributes`).
 */
export function patchTarget(text: string, call: SyntaxNode): { node: SyntaxNode; ofAttributes: boolean } | undefined {
  const fn = call.childForFieldName("function");
  const callee = fn ? dottedName(text, fn) : undefined;
  if (!callee) return undefined;
  const parts = callee.split(".");
  const last = parts.at(-1);
  const patches = last === "patch" || (last === "multiple" && parts.at(-2) === "patch") || (last === "setattr" && parts.length > 1);
  if (!patches) return undefined;
  const first = childNodes(call.childForFieldName("arguments")!)[0];
  return first?.type === "string" ? { node: first, ofAttributes: last === "multiple" } : undefined;
}

/** The product model a dotted string names through `posthog.models` or a re-export module, with its path now. */
export function movedModelPath(index: RepoIndex, value: string): MovedModelPath | undefined {
  const parts = value.split(".");
  if (parts.length < 3 || !parts.every(isPythonIdentifier)) return undefined;
  for (let i = 2; i < parts.length; i++) {
    const from = parts.slice(0, i).join(".");
    const name = parts[i]!;
    const destination = flaggedModule(index, from, false)?.destination(name);
    if (destination?.kind !== "move") continue;
    const rest = parts.slice(i + 1);
    return { name, from, module: destination.module, newPath: [destination.module, name, ...rest].join("."), attribute: rest.length > 0 };
  }
  return undefined;
}

/** `apps.get_model("posthog", "FeatureFlag")` or `apps.get_model("posthog.FeatureFlag")`. */
export interface GetModelCall {
  /** The string holding the label (the whole `"label.Model"` in the one-argument form). */
  labelNode: SyntaxNode;
  label: string;
  name: string;
  single: boolean;
}

export function getModelCall(text: string, call: SyntaxNode): GetModelCall | undefined {
  const fn = call.childForFieldName("function");
  const callee = fn ? dottedName(text, fn) : undefined;
  if (!callee || lastComponent(callee) !== "get_model" || !callee.includes(".")) return undefined;
  const args = childNodes(call.childForFieldName("arguments")!).filter((arg) => arg.type !== "keyword_argument");
  const values = args.map((arg) => stringValue(text, arg));
  if (args.length === 2 && values[0] !== undefined && values[1] !== undefined) return { labelNode: args[0]!, label: values[0], name: values[1], single: false };
  const [label, name, ...rest] = values[0]?.split(".") ?? [];
  if (args.length === 1 && label && name && rest.length === 0) return { labelNode: args[0]!, label, name, single: true };
  return undefined;
}

/**
 * The app label a core app's model has now that it moved into a product: the label is a core
 * app's, that app has no model of the name (Django compares names case-insensitively), and
 * exactly one product app has.
 */
export function movedLabel(index: RepoIndex, label: string, name: string): { label: string; name: string } | undefined {
  const app = index.apps.get(label);
  if (!app || app.product) return undefined;
  const lower = name.toLowerCase();
  if ([...app.models.keys()].some((model) => model.toLowerCase() === lower)) return undefined;
  const candidates = [...index.modelsByName.entries()]
    .filter(([model]) => model.toLowerCase() === lower)
    .flatMap(([, models]) => models)
    .filter((model) => index.apps.get(model.appLabel)?.product);
  return candidates.length === 1 ? { label: candidates[0]!.appLabel, name: candidates[0]!.name } : undefined;
}
