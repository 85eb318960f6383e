import path from "node:path";
import { describe, expect, it } from "vitest";
import { getRepoIndex } from "../../src/project/index.js";
import { checkInterface } from "../../src/rules/python/tach-interface-check.js";
import { moduleReadFromLargeFile, retainedHeapBytes } from "../support/heap.js";
import { fixturePath } from "../support/helpers.js";

const ROOT = fixturePath("isolation-repo");
const index = getRepoIndex(path.join(ROOT, "products", "x.py"), { cwd: ROOT })!;

describe("checkInterface", () => {
  it("judges a path against the interfaces visible to the importer", () => {
    expect(checkInterface(index, "posthog", "products.alerts.backend.facade.api", "isolated")).toEqual({ kind: "allowed" });
    expect(checkInterface(index, "posthog", "products.alerts.backend.models", "isolated")).toEqual({
      kind: "private",
      module: "products.alerts",
      member: "backend.models",
      byDefault: false,
    });
  });

  it("remembers a verdict without keeping alive the file text its path was read from", () => {
    const { bytes, value } = retainedHeapBytes(() => checkInterface(index, "posthog", moduleReadFromLargeFile(16, "products.alerts.backend.models_read_once"), "isolated"));
    expect(value).toEqual({ kind: "private", module: "products.alerts", member: "backend.models_read_once", byDefault: false });
    expect(bytes).toBeLessThan(1_048_576);
  });
});
