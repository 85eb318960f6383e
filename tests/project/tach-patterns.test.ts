import { describe, expect, it } from "vitest";
import {
  exposingInterface,
  memberDataTypes,
  nearestTachModule,
  tachMember,
  tachPatternError,
  tachPatternMatches,
  tachRegexSource,
  visibleInterfaces,
  type TachInterfaceRule,
} from "../../src/project/tach-patterns.js";

const block = (expose: string[], from: string[] = [".*"], extra: Partial<TachInterfaceRule> = {}): TachInterfaceRule => ({
  fromPatterns: from,
  expose,
  exclusive: false,
  dataTypes: "all",
  ...extra,
});

describe("tach patterns", () => {
  it("are compiled as ^<pattern>$, pasted in as text", () => {
    expect(tachRegexSource("backend\\.facade.*")).toBe("^backend\\.facade.*$");
    expect(tachRegexSource("a|b")).toBe("^a|b$");
  });

  it.each([
    // Full match, not prefix.
    ["get_data", "get_data", true],
    ["get_data", "get_data_v2", false],
    ["get_data", "get_data.x", false],
    // `.*` matches the empty string; there is no segment boundary.
    ["services.*", "services", true],
    ["services.*", "services.a.b", true],
    ["services.*", "servicesX", true],
    // An unescaped dot matches any character; an escaped one only a dot.
    ["backend.facade.*", "backendXfacade", true],
    ["backend\\.facade.*", "backendXfacade", false],
    ["backend\\.facade.*", "backend.facade", true],
    ["backend\\.facade.*", "backend.facades", true],
    ["backend\\.facade.*", "backend.facade.api.get", true],
    ["backend\\.facade.*", "backend", false],
    ["backend\\.facade.*", "backend.logic.facade", false],
    ["stats\\..*", "stats", false],
    ["stats\\..*", "stats.bayesian", true],
    // A parenthesised alternation stays anchored.
    ["backend\\.(models|logic).*", "backend.models.Experiment", true],
    ["backend\\.(models|logic).*", "backend.api", false],
    ["backend\\.(models|logic).*", "xbackend.models", false],
    // An unparenthesised one escapes the anchors: "starts with a" or "ends with b".
    ["a|b", "xb", true],
    ["a|b", "ax", true],
    ["a|b", "xa", false],
    // Rust spellings: named groups, escaped punctuation.
    ["(?P<area>backend)\\.facade", "backend.facade", true],
    ["backend\\.facade\\_v2", "backend.facade_v2", true],
    ["backend\\.facade\\-v2", "backend.facade-v2", true],
  ] as const)("%s matches %j: %s", (pattern, member, expected) => {
    expect(tachPatternMatches(pattern, member)).toBe(expected);
  });

  it("an invalid pattern matches nothing and says why", () => {
    expect(tachPatternMatches("backend\\.(facade", "backend.(facade")).toBe(false);
    expect(tachPatternError("backend\\.(facade")).toMatch(/Unterminated group/u);
    expect(tachPatternError("backend\\.facade.*")).toBeUndefined();
  });
});

describe("tach's module and member", () => {
  const modules = ["<root>", "posthog", "products.tasks", "products.tasks.backend.temporal", "core"];

  it("the nearest module is the deepest declared prefix at a dot boundary", () => {
    expect(nearestTachModule(modules, "products.tasks.backend.facade.api")).toBe("products.tasks");
    expect(nearestTachModule(modules, "products.tasks.backend.temporal.workflows")).toBe("products.tasks.backend.temporal");
    expect(nearestTachModule(modules, "products.tasks")).toBe("products.tasks");
    expect(nearestTachModule(modules, "products.tasksx.backend")).toBeUndefined();
    expect(nearestTachModule(modules, "corex")).toBeUndefined();
    expect(nearestTachModule(modules, "common.hogvm")).toBeUndefined();
  });

  it("the member is the path after the module, empty for the module itself", () => {
    expect(tachMember("core", "core")).toBe("");
    expect(tachMember("core.get_data", "core")).toBe("get_data");
    expect(tachMember("core.main.DataModel", "core")).toBe("main.DataModel");
    expect(tachMember("products.x.backend.facade.api", "products.x")).toBe("backend.facade.api");
  });
});

describe("tach's interface selection", () => {
  const read = block(["read_data"], ["api"]);
  const write = block(["write_data"], ["api"], { visibility: ["admin.controller"] });
  const exclusiveWrite = { ...write, exclusive: true };

  it("keeps the interfaces whose `from` matches the module, visible to the importer, in order", () => {
    expect(visibleInterfaces([read, write], "api", "domain")).toEqual([read]);
    expect(visibleInterfaces([read, write], "api", "admin.controller")).toEqual([read, write]);
    expect(visibleInterfaces([read, write], "api", "admin")).toEqual([read]);
    expect(visibleInterfaces([read, write], "apix", "domain")).toEqual([]);
  });

  it("returns the first exclusive interface alone", () => {
    expect(visibleInterfaces([read, exclusiveWrite], "api", "admin.controller")).toEqual([exclusiveWrite]);
    expect(visibleInterfaces([read, exclusiveWrite], "api", "domain")).toEqual([read]);
  });

  it("an interface without `from` applies to every module", () => {
    const types = block(["types.*"]);
    expect(visibleInterfaces([types], "tach.errors", "tach.check")).toEqual([types]);
    expect(exposingInterface([types], "types.Foo")).toBe(types);
    expect(exposingInterface([types], "Foo")).toBeUndefined();
  });

  it("data types come from the first interface of the module whose expose matches the member", () => {
    const primitive = block(["get_.*"], ["core"], { dataTypes: "primitive" });
    const all = block(["get_data"], ["core"]);
    expect(memberDataTypes([primitive, all], "core", "get_data")).toBe("primitive");
    expect(memberDataTypes([all, primitive], "core", "get_data")).toBe("all");
    expect(memberDataTypes([primitive], "other", "get_data")).toBe("all");
  });
});
