import { Linter, type Rule } from "eslint";
import { describe, expect, it } from "vitest";
import { withFittedMessages } from "../../src/rules/define-rule.js";

const MEMBERS = ["cwd", "filename", "physicalFilename", "sourceCode", "settings", "languageOptions", "id", "options"] as const;

describe("a rule's context with fitted messages", () => {
  it("reads every member from ESLint's context and reports messages fitted to one line", () => {
    const seen: Record<string, [unknown, unknown]> = {};
    const rule: Rule.RuleModule = {
      meta: { messages: { long: "{{ name }} is not allowed here: use the label." }, schema: [{ type: "string" }] },
      create(context) {
        const fitted = withFittedMessages(context, rule.meta!.messages);
        for (const member of MEMBERS) seen[member] = [fitted[member], context[member]];
        return {
          Program(node) {
            fitted.report({ node, messageId: "long", data: { name: `a\n  ${"very_long_name.".repeat(20)}` } });
          },
        };
      },
    };
    const linter = new Linter({ cwd: "/repo" });
    const messages = linter.verify("x = 1;", [{ plugins: { test: { rules: { rule } } }, rules: { "test/rule": ["error", "option"] }, settings: { key: 1 } }], "/repo/a.js");
    for (const member of MEMBERS) expect(seen[member]![0], member).toBe(seen[member]![1]);
    expect(seen.options![0]).toEqual(["option"]);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toHaveLength(160);
    expect(messages[0]!.message).toMatch(/^a very_long_name\.very_long_name.*… is not allowed here: use the label\.$/u);
  });
});
