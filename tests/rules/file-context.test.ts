import { describe, expect, it } from "vitest";
import { getPythonFileContext, type PythonFileContext } from "../../src/rules/python/file-context.js";
import { fixturePath } from "../support/helpers.js";
import { pythonSourceCode } from "../support/python-source.js";

const ROOT = fixturePath("product-repo");

/** What a rule hands `getPythonFileContext` for a file of the fixture. */
function ruleContextOf(relativePath: string, code: string) {
  return { cwd: ROOT, physicalFilename: fixturePath("product-repo", relativePath), settings: {}, sourceCode: pythonSourceCode(code) };
}

function contextOf(relativePath: string, code: string): PythonFileContext {
  const context = getPythonFileContext(ruleContextOf(relativePath, code));
  if (!context) throw new Error(`no context for ${relativePath}`);
  return context;
}

describe("getPythonFileContext", () => {
  it("says where the file is and reads its syntax once, when first asked", () => {
    const file = contextOf("products/metrics/backend/logic.py", "from django.db import models\n\n\nclass Run(models.Model):\n    team = models.ForeignKey(\"posthog.Team\", on_delete=models.CASCADE)\n");
    expect(file).toMatchObject({ relativePath: "products/metrics/backend/logic.py", module: "products.metrics.backend.logic", isPackageInit: false, isMigration: false });
    expect(file.imports.fromImports.map((each) => each.writtenModule)).toEqual(["django.db"]);
    expect(file.imports).toBe(file.imports);
    expect(file.bindings).toBe(file.bindings);
    expect(file.relationFields().map((field) => field.fieldName)).toEqual(["team"]);
    expect(file.relationFields()).toBe(file.relationFields());
  });

  it("has no accessor of its own: its lazily read syntax sits behind its class's accessors", () => {
    // V8 allocates an object's own accessor pairs in the old generation: their closures would keep
    // the file's source and nodes alive through young-generation collections after the file.
    const file = contextOf("products/metrics/backend/logic.py", "import os\n");
    const ownAccessors = Object.entries(Object.getOwnPropertyDescriptors(file)).filter(([, descriptor]) => descriptor.get || descriptor.set);
    expect(ownAccessors).toEqual([]);
    expect(file.imports.plainImports).toHaveLength(1);
  });

  it("serves every rule of a file one context and keeps none of an earlier file's", () => {
    const first = ruleContextOf("products/metrics/backend/logic.py", "import os\n");
    const context = getPythonFileContext(first);
    expect(getPythonFileContext(first)).toBe(context);
    getPythonFileContext(ruleContextOf("products/metrics/backend/apps.py", "import sys\n"));
    const again = getPythonFileContext(first);
    expect(again).not.toBe(context);
    expect(again).toMatchObject({ relativePath: "products/metrics/backend/logic.py" });
  });
});
