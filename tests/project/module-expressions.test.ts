import { describe, expect, it } from "vitest";
import { isValidModuleExpression, moduleExpressionContains, moduleExpressionMatches } from "../../src/project/module-expressions.js";

describe("import-linter module expressions (grimp's semantics)", () => {
  it.each([
    "foo",
    "foo_bar_123",
    "foo.bar",
    "foo.*",
    "foo.**",
    "foo.*.bar",
    "foo.**.bar",
    "*.foo",
    "**.foo",
    "foo.*.bar.**",
    "foo.**.bar.*",
    "foo.*.*.bar",
    "foo[.bar]",
    "[foo.]bar",
    "foo[.bar[.baz]]",
  ])("accepts %s", (expression) => {
    expect(isValidModuleExpression(expression)).toBe(true);
  });

  it.each(["foo.bar*", ".foo", "foo.", "foo..bar", "foo.***", "foo ", "foo .bar", "foo. *.bar", "foo.*.**.bar", "foo.**.*.bar", "foo.**.**.bar", "foo[.bar.baz"])(
    "rejects %s",
    (expression) => {
      expect(isValidModuleExpression(expression)).toBe(false);
      expect(moduleExpressionMatches(expression, "foo.bar")).toBe(false);
    },
  );

  it.each([
    ["foo", "foo", true],
    ["foo", "bar", false],
    ["foo.bar", "foo.bar", true],
    ["foo.bar", "foo.baz", false],
    ["foo.*", "foo.bar", true],
    ["foo.*", "foo", false],
    ["foo.*", "foo.bar.baz", false],
    ["foo.**", "foo.bar", true],
    ["foo.**", "foo", false],
    ["foo.**", "foo.bar.baz", true],
    ["foo.*.baz", "foo.bar.baz", true],
    ["foo.*.baz", "foo.bar.bax.baz", false],
    ["foo.**.baz", "foo.bar.baz", true],
    ["foo.**.baz", "foo.bar.bax.baz", true],
    ["*.foo", "bar.foo", true],
    ["*.foo", "foo", false],
    ["**.foo", "bar.baz.foo", true],
    ["foo.**.bar.*", "foo.a.b.bar.c", true],
    ["foo.**.bar.*", "foo.bar", false],
    ["a.b[.**]", "a.b", true],
    ["a.b[.**]", "a.b.c.d", true],
    ["a[.b].c[.d]", "a.b.c.d", true],
    ["a[.b].c[.d]", "a.b.c.d.e", false],
    ["a[.b[.c]]", "a.b.c", true],
    ["a[.b[.c]]", "a.b.c.d", false],
    // PostHog's contracts.
    ["products.*.backend.presentation", "products.alerts.backend.presentation", true],
    ["products.**.backend.facade.**", "products.alerts.backend.facade.api", true],
    ["products.**.backend.facade.**", "products.alerts.backend.facade", false],
  ] as const)("%s matches %s: %s", (expression, module, expected) => {
    expect(moduleExpressionMatches(expression, module)).toBe(expected);
  });

  it("contains a module when the module or one of its packages matches (as_packages)", () => {
    expect(moduleExpressionContains("products.*.backend", "products.alerts.backend.models.alert")).toBe(true);
    expect(moduleExpressionContains("products.*.backend", "products.alerts")).toBe(false);
    expect(moduleExpressionContains("rest_framework", "rest_framework.serializers")).toBe(true);
    expect(moduleExpressionContains("rest_framework", "rest_framework_extensions")).toBe(false);
  });
});
