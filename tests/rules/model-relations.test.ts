/** The relation a lookup path segment names: a model's own field, or another model's relation by its reverse names. */
import { describe, expect, it } from "vitest";
import type { AppInfo, ModelInfo, RelationFact, RepoIndex } from "../../src/project/types.js";
import { relationHop } from "../../src/rules/python/model-relations.js";

function model(appLabel: string, name: string, relations: RelationFact[] = []): ModelInfo {
  const module = `products.${appLabel}.backend.models`;
  return { name, appLabel, definingModule: module, importModule: module, relations };
}

function app(label: string, models: ModelInfo[]): AppInfo {
  const module = `products.${label}.backend`;
  return { label, module, dir: `/repo/products/${label}/backend`, models: new Map(models.map((each) => [each.name, each])), definesModels: true, modelsModule: `${module}.models` };
}

const to = (label: string, extra: Partial<RelationFact> = {}): RelationFact => ({ name: "target", kind: "ForeignKey", target: { kind: "string", value: label }, ...extra });

const target = model("shop", "Target");
const plain = model("orders", "Plain", [to("shop.Target")]);
const oneToOne = model("orders", "Single", [to("shop.Target", { kind: "OneToOneField" })]);
const named = model("orders", "Named", [to("shop.Target", { relatedName: "things", relatedQueryName: "thing" })]);
const hidden = model("orders", "Hidden", [to("shop.Target", { relatedName: "+" })]);
// Declared after Plain: its related_name is Plain's default accessor, which Plain took first.
const clash = model("orders", "Clash", [to("shop.Target", { relatedName: "plain_set" })]);
const lowerCase = model("orders", "LowerCase", [to("shop.target")]);

const apps = [app("orders", [plain, oneToOne, named, hidden, clash, lowerCase]), app("shop", [target])];
const index = { apps: new Map(apps.map((each) => [each.label, each])), appsByModule: new Map(apps.map((each) => [each.module, each])) } as unknown as RepoIndex;
const hop = (from: ModelInfo, segment: string, names: "query" | "accessor") => relationHop(index, from, segment, names, "posthog.User");

describe("relationHop", () => {
  it("follows a model's own relation field forward", () => {
    expect(hop(plain, "target", "query")).toEqual({ from: plain, to: target, fact: plain.relations[0], forward: true });
    // Django reads a label's model name case-insensitively.
    expect(hop(lowerCase, "target", "query")).toMatchObject({ to: target, forward: true });
  });

  it("follows a relation backwards by the declaring model's name in lookups and <model>_set as accessor", () => {
    expect(hop(target, "plain", "query")).toEqual({ from: target, to: plain, fact: plain.relations[0], forward: false });
    expect(hop(target, "plain_set", "accessor")).toMatchObject({ to: plain, forward: false });
    expect(hop(target, "plain", "accessor")).toBeUndefined();
  });

  it("names a one-to-one's accessor by the model alone", () => {
    expect(hop(target, "single", "accessor")).toMatchObject({ to: oneToOne, forward: false });
    expect(hop(target, "single_set", "accessor")).toBeUndefined();
  });

  it("uses related_query_name in lookups and related_name as accessor", () => {
    expect(hop(target, "thing", "query")).toMatchObject({ to: named });
    expect(hop(target, "things", "query")).toBeUndefined();
    expect(hop(target, "things", "accessor")).toMatchObject({ to: named });
    expect(hop(target, "named", "query")).toBeUndefined();
  });

  it('has no reverse side for related_name="+"', () => {
    expect(hop(target, "hidden", "query")).toBeUndefined();
    expect(hop(target, "hidden_set", "accessor")).toBeUndefined();
    expect(hop(target, "+", "query")).toBeUndefined();
    expect(hop(target, "+", "accessor")).toBeUndefined();
  });

  it("gives a name taken by two relations to the first one declared", () => {
    expect(hop(target, "plain_set", "accessor")).toMatchObject({ to: plain });
    // Clash's lookups use its related_name, which no one took before.
    expect(hop(target, "plain_set", "query")).toMatchObject({ to: clash });
    expect(hop(target, "clash", "query")).toBeUndefined();
  });
});
