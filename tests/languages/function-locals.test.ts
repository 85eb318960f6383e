/**
 * A name read inside a function is bound by the function when the function assigns it, loops
 * over it, defines it or takes it as a parameter anywhere in its own body (not in a nested
 * function, class or lambda). `bindingAt` finds those bindings where the text spells the name;
 * this checks it against a walk of every node of the function, on generated functions.
 */
import fc from "fast-check";
import { pythonSourceCode } from "../support/python-source.js";
import { describe, expect, it } from "vitest";
import { childNodes, collectImports, definitionName, descendants, moduleBindings, textOf, type SyntaxNode } from "../../src/languages/python/syntax/index.js";
import type { PythonFileContext } from "../../src/rules/python/file-context.js";
import { bindingAt } from "../../src/rules/python/name-bindings.js";

const NESTED_SCOPES = new Set(["function_definition", "class_definition", "lambda"]);

function bindsName(source: string, target: SyntaxNode | null, name: string): boolean {
  if (!target) return false;
  if (target.type === "identifier") return textOf(source, target) === name;
  if (["pattern_list", "tuple_pattern", "list_pattern"].includes(target.type)) return childNodes(target).some((child) => bindsName(source, child, name));
  return false;
}

/** The oracle: every node of the function's body, in document order. */
function walkedLocal(source: string, fn: SyntaxNode, name: string): string | undefined {
  const parameters = fn.childForFieldName("parameters");
  for (const parameter of parameters ? childNodes(parameters) : []) {
    const identifier = parameter.type === "identifier" ? parameter : childNodes(parameter).find((child) => child.type === "identifier");
    if (identifier && textOf(source, identifier) === name) return "other";
  }
  const body = fn.childForFieldName("body");
  for (const node of body ? descendants(body, (candidate) => NESTED_SCOPES.has(candidate.type)) : []) {
    if ((node.type === "class_definition" || node.type === "function_definition") && definitionName(source, node) === name) {
      return node.type === "class_definition" ? `class@${node.startIndex}` : "other";
    }
    if ((node.type === "assignment" || node.type === "for_statement") && bindsName(source, node.childForFieldName("left"), name)) return "other";
  }
  return undefined;
}

const PARAMETERS = ["Team", "x=Team", "*Team", "**Team", "t: Team", "Team: int = 3", "x", "y=1", "Teams"];
const STATEMENTS = [
  "Team = 1",
  "a, Team = pair",
  "[a, (b, Team)] = nested",
  "for Team in rows: pass",
  "for a, Team in rows: pass",
  "class Team: pass",
  "def Team(): pass",
  "def inner():\n        Team = 1",
  "class Holder:\n        Team = 1",
  "handler = lambda Team: Team",
  "x = Team",
  "if flag:\n        Team = 2",
  "rows = [Team for Team in z]",
  "Team += 1",
  "with opened() as Team: pass",
  "TeamX = 3",
  "print(Team.objects.all())",
];

const functions = fc.record({
  parameters: fc.subarray(PARAMETERS, { maxLength: 3 }),
  statements: fc.array(fc.constantFrom(...STATEMENTS), { maxLength: 6 }),
  name: fc.constantFrom("Team", "f"),
});


describe("bindingAt inside a function", () => {
  it("finds the local binding a walk of the whole function finds", () => {
    fc.assert(
      fc.property(functions, ({ parameters, statements, name }) => {
        const text = `from models import Team\n\n\ndef f(${parameters.join(", ")}):\n    ${[...statements, "return Team"].join("\n    ")}\n`;
        const { ast } = pythonSourceCode(text);
        const imports = collectImports(text, ast);
        const file = { module: null, isPackageInit: false, imports, bindings: moduleBindings(text, ast, imports) } as unknown as PythonFileContext;
        const fn = ast.descendantsOfType("function_definition")[0]!;
        const read = fn.descendantForIndex(text.lastIndexOf("Team"), text.lastIndexOf("Team") + 4)!;
        expect(read.type).toBe("identifier");
        const binding = bindingAt(file, text, name, read);
        const expected = walkedLocal(text, fn, name);
        if (expected === undefined) {
          // Not local: the module's binding (the import of Team; nothing for f's own name inside f).
          expect(binding?.kind).toBe(name === "Team" ? "from-import" : "other");
        } else {
          expect(binding?.kind === "class" ? `class@${binding.node.startIndex}` : binding?.kind).toBe(expected);
        }
      }),
      { numRuns: 400 },
    );
  });
});
