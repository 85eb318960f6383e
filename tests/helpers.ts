import path from "node:path";
import { fileURLToPath } from "node:url";
import { RuleTester } from "eslint";
import { describe, it } from "vitest";
import plugin from "../src/index.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

/** Absolute path inside a fixture tree. */
export function fixturePath(tree: string, ...parts: string[]): string {
  return path.join(FIXTURES, tree, ...parts);
}

/** A RuleTester for Python rules, with the repository root set to a fixture tree. */
export function pythonRuleTester(tree: string, settings: Record<string, unknown> = {}): RuleTester {
  return new RuleTester({
    plugins: { "posthog-products": plugin as never },
    language: "posthog-products/python",
    settings: { "posthog-products": { root: fixturePath(tree), ...settings } },
  });
}
