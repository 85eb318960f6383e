import { resolveModelImport } from "../../project/index.js";
import type { ModelInfo, RelationFact, RepoIndex } from "../../project/types.js";
import { parseStringTarget } from "./model-reference.js";

/** One step of a lookup path (`notebook` in `notebook__team__name`) from a model to a related one. */
export interface RelationHop {
  from: ModelInfo;
  to: ModelInfo;
  /** The relation field, declared on `from` (forward) or on `to` (reverse). */
  fact: RelationFact;
  forward: boolean;
}

/** A model of an app by name, as Django finds it: case-insensitively. */
function modelOfApp(index: RepoIndex, appLabel: string, name: string): ModelInfo | undefined {
  const models = index.apps.get(appLabel)?.models;
  return models?.get(name) ?? [...(models?.values() ?? [])].find((model) => model.name.toLowerCase() === name.toLowerCase());
}

/** The model a relation of `owner` points at; undefined when it is not a model the index knows. */
function relationTarget(index: RepoIndex, owner: ModelInfo, fact: RelationFact, userModel: string): ModelInfo | undefined {
  const { target } = fact;
  if (target.kind === "local") return modelOfApp(index, owner.appLabel, target.name);
  if (target.kind === "import") return resolveModelImport(index, target.module, target.name).model;
  const [userApp, userName] = userModel.split(".") as [string, string];
  if (target.kind === "user-model") return modelOfApp(index, userApp, userName);
  const parsed = parseStringTarget(target.value);
  switch (parsed.kind) {
    case "self":
      return owner;
    case "bare":
      return modelOfApp(index, owner.appLabel, parsed.name);
    case "label":
      return modelOfApp(index, parsed.appLabel, parsed.name);
    case "path":
      return resolveModelImport(index, parsed.module, parsed.name).model;
    default:
      return undefined;
  }
}

/** The relations pointing at one model, by the name a path segment uses: reverse query names and reverse accessors. */
interface ReverseNames {
  query: Map<string, { owner: ModelInfo; fact: RelationFact }>;
  accessor: Map<string, { owner: ModelInfo; fact: RelationFact }>;
}

const hidden = (name: string | undefined): boolean => name?.endsWith("+") ?? false;

/** The name a reverse relation has in a lookup: `related_query_name`, else `related_name`, else the model's name. */
function reverseQueryName(owner: ModelInfo, fact: RelationFact): string | undefined {
  if (hidden(fact.relatedName)) return undefined;
  return fact.relatedQueryName ?? fact.relatedName ?? owner.name.toLowerCase();
}

/** The reverse accessor (`select_related`, `prefetch_related`): `related_name`, else `<model>_set` (`<model>` for a one-to-one). */
function reverseAccessorName(owner: ModelInfo, fact: RelationFact): string | undefined {
  if (hidden(fact.relatedName)) return undefined;
  return fact.relatedName ?? (fact.kind === "OneToOneField" ? owner.name.toLowerCase() : `${owner.name.toLowerCase()}_set`);
}

const namesCache = new WeakMap<RepoIndex, Map<ModelInfo, ReverseNames>>();

/**
 * The reverse relations of every model that has some (built once per index, the first time a path
 * is followed). Most models are the target of no relation and get no entry.
 */
function reverseNames(index: RepoIndex, userModel: string): Map<ModelInfo, ReverseNames> {
  let names = namesCache.get(index);
  if (names) return names;
  names = new Map<ModelInfo, ReverseNames>();
  for (const app of index.appsByModule.values()) {
    for (const owner of app.models.values()) {
      for (const fact of owner.relations) {
        const target = relationTarget(index, owner, fact, userModel);
        if (!target) continue;
        const query = reverseQueryName(owner, fact);
        const accessor = reverseAccessorName(owner, fact);
        if (query === undefined && accessor === undefined) continue;
        let entry = names.get(target);
        if (!entry) names.set(target, (entry = { query: new Map(), accessor: new Map() }));
        const hop = { owner, fact };
        if (query !== undefined && !entry.query.has(query)) entry.query.set(query, hop);
        if (accessor !== undefined && !entry.accessor.has(accessor)) entry.accessor.set(accessor, hop);
      }
    }
  }
  namesCache.set(index, names);
  return names;
}

/**
 * The relation `segment` names on `model`: one of its relation fields, or a relation of another
 * model pointing at it under its query name (`names: "query"`, lookups) or accessor
 * (`names: "accessor"`, `select_related`/`prefetch_related`).
 */
export function relationHop(index: RepoIndex, model: ModelInfo, segment: string, names: "query" | "accessor", userModel: string): RelationHop | undefined {
  const fact = model.relations.find((relation) => relation.name === segment);
  if (fact) {
    const to = relationTarget(index, model, fact, userModel);
    return to ? { from: model, to, fact, forward: true } : undefined;
  }
  const reverse = reverseNames(index, userModel).get(model)?.[names].get(segment);
  return reverse ? { from: model, to: reverse.owner, fact: reverse.fact, forward: false } : undefined;
}
