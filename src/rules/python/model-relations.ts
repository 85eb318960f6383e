import { modelOfApp, resolveModelImport } from "../../project/index.js";
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

/** A model of an app by label and name, as Django finds it: case-insensitively. */
function modelOfLabel(index: RepoIndex, appLabel: string, name: string): ModelInfo | undefined {
  const app = index.apps.get(appLabel);
  return app ? modelOfApp(app, name) : undefined;
}

/** The model a relation of `owner` points at; undefined when it is not a model the index knows. */
function relationTarget(index: RepoIndex, owner: ModelInfo, fact: RelationFact, userModel: string): ModelInfo | undefined {
  const { target } = fact;
  if (target.kind === "local") return modelOfLabel(index, owner.appLabel, target.name);
  if (target.kind === "import") return resolveModelImport(index, target.module, target.name).model;
  const [userApp, userName] = userModel.split(".") as [string, string];
  if (target.kind === "user-model") return modelOfLabel(index, userApp, userName);
  const parsed = parseStringTarget(target.value);
  switch (parsed.kind) {
    case "self":
      return owner;
    case "bare":
      return modelOfLabel(index, owner.appLabel, parsed.name);
    case "label":
      return modelOfLabel(index, parsed.appLabel, parsed.name);
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

/** The relations pointing at one model: the models declaring them, and the fields, side by side; their names once asked for. */
interface IncomingRelations {
  owners: ModelInfo[];
  facts: RelationFact[];
  names?: ReverseNames;
}

const hidden = (name: string | undefined): boolean => name?.endsWith("+") ?? false;

const incomingCache = new WeakMap<RepoIndex, Map<ModelInfo, IncomingRelations>>();

/**
 * The relations pointing at each model that is the target of some (found once per index, the
 * first time a path is followed); a relation hidden by `related_name="+"` has no reverse side.
 */
function incomingRelations(index: RepoIndex, userModel: string): Map<ModelInfo, IncomingRelations> {
  let incoming = incomingCache.get(index);
  if (incoming) return incoming;
  incoming = new Map<ModelInfo, IncomingRelations>();
  for (const app of index.appsByModule.values()) {
    for (const owner of app.models.values()) {
      for (const fact of owner.relations) {
        if (hidden(fact.relatedName)) continue;
        const target = relationTarget(index, owner, fact, userModel);
        if (!target) continue;
        const entry = incoming.get(target);
        if (entry) {
          entry.owners.push(owner);
          entry.facts.push(fact);
        } else {
          incoming.set(target, { owners: [owner], facts: [fact] });
        }
      }
    }
  }
  incomingCache.set(index, incoming);
  return incoming;
}

/**
 * The names of the relations pointing at one model, made the first time a path reaches the model
 * (the index keeps them for the run, and a repository's paths reach few of its models). A lookup
 * uses `related_query_name`, else `related_name`, else the model's name; an accessor
 * (`select_related`, `prefetch_related`) `related_name`, else `<model>_set` (`<model>` for a
 * one-to-one). The first relation to take a name keeps it.
 */
function reverseNamesOf(entry: IncomingRelations): ReverseNames {
  if (entry.names) return entry.names;
  const names: ReverseNames = { query: new Map(), accessor: new Map() };
  for (let i = 0; i < entry.facts.length; i++) {
    const owner = entry.owners[i]!;
    const fact = entry.facts[i]!;
    const hop = { owner, fact };
    const query = fact.relatedQueryName ?? fact.relatedName ?? owner.name.toLowerCase();
    const accessor = fact.relatedName ?? (fact.kind === "OneToOneField" ? owner.name.toLowerCase() : `${owner.name.toLowerCase()}_set`);
    if (!names.query.has(query)) names.query.set(query, hop);
    if (!names.accessor.has(accessor)) names.accessor.set(accessor, hop);
  }
  return (entry.names = names);
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
  const incoming = incomingRelations(index, userModel).get(model);
  const reverse = incoming ? reverseNamesOf(incoming)[names].get(segment) : undefined;
  return reverse ? { from: model, to: reverse.owner, fact: reverse.fact, forward: false } : undefined;
}

const segmentNamesCache = new WeakMap<RepoIndex, ReadonlySet<string>>();

/**
 * Every name {@link relationHop} can take a first step by, from any model of the index: the
 * relation fields' names, and the query names and accessors of their reverse sides (a superset:
 * hidden relations and targets the index does not know are in it too).
 */
export function relationSegmentNames(index: RepoIndex): ReadonlySet<string> {
  let names = segmentNamesCache.get(index);
  if (names) return names;
  const found = new Set<string>();
  // Every app is in `appsByModule` (`apps` leaves out the second app of a duplicate label).
  for (const app of index.appsByModule.values()) {
    for (const owner of app.models.values()) {
      for (const fact of owner.relations) {
        found.add(fact.name);
        if (fact.relatedName !== undefined) found.add(fact.relatedName);
        if (fact.relatedQueryName !== undefined) found.add(fact.relatedQueryName);
      }
      found.add(owner.name.toLowerCase()).add(`${owner.name.toLowerCase()}_set`);
    }
  }
  names = found;
  segmentNamesCache.set(index, names);
  return names;
}
