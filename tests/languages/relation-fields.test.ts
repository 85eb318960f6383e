import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findRelationFields, readRelationField, textOf, type RelationField, type SyntaxNode } from "../../src/languages/python/syntax/index.js";
import { getPythonParser } from "../../src/languages/python/tree-sitter.js";
import { pythonSourceCode } from "../support/python-source.js";

/** What a relation field says, in text. */
function summary(source: string, field: RelationField<SyntaxNode>): Record<string, unknown> {
  return {
    kind: field.kind,
    target: textOf(source, field.target),
    keyword: field.targetKeyword ? textOf(source, field.targetKeyword) : undefined,
    fieldName: field.fieldName,
    modelClass: field.modelClass?.childForFieldName("name") ? textOf(source, field.modelClass.childForFieldName("name")!) : undefined,
  };
}

const CASES: [string, string, Record<string, unknown>[]][] = [
  ["positional target", `class A(models.Model):\n    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n`, [{ kind: "ForeignKey", target: '"posthog.Team"', keyword: undefined, fieldName: "team", modelClass: "A" }]],
  ["to= after other keywords, spaced", `class A(models.Model):\n    team = models.ForeignKey(on_delete=models.CASCADE, to = "posthog.Team")\n`, [{ kind: "ForeignKey", target: '"posthog.Team"', keyword: 'to = "posthog.Team"', fieldName: "team", modelClass: "A" }]],
  ["to= wins over a positional argument", `x = ForeignKey(Team, to="posthog.Team")\n`, [{ kind: "ForeignKey", target: '"posthog.Team"', keyword: 'to="posthog.Team"', fieldName: "x", modelClass: undefined }]],
  ["a keyword that only starts with to", `x = models.OneToOneField(tom="a.B", today=1)\n`, []],
  ["a keyword named to with a combining accent", `x = models.OneToOneField(to\u0301="a.B")\n`, []],
  ["a keyword named to with a letter of two UTF-16 units", `x = models.OneToOneField(to\u{1d400}="a.B", on_delete=CASCADE)\n`, []],
  ["spaces and a comment inside the function name", `x = models . ManyToManyField("a.B")\ny = models.  # why\\\n    ForeignKey("a.C")\n`, [
    { kind: "ManyToManyField", target: '"a.B"', keyword: undefined, fieldName: "x", modelClass: undefined },
    { kind: "ForeignKey", target: '"a.C"', keyword: undefined, fieldName: "y", modelClass: undefined },
  ]],
  ["the full path of the field class", `x = django.db.models.ForeignObject("a.B")\n`, [{ kind: "ForeignObject", target: '"a.B"', keyword: undefined, fieldName: "x", modelClass: undefined }]],
  ["unpacked arguments", `x = models.ForeignKey(*args)\ny = models.ForeignKey("a.B", **options)\n`, []],
  ["to= whose name a comment and a line break part from its =", `x = models.ForeignKey(Team, to  # the label\n    ="a.B")\n`, [
    { kind: "ForeignKey", target: '"a.B"', keyword: 'to  # the label\n    ="a.B"', fieldName: "x", modelClass: undefined },
  ]],
  ["names spaced, continued, non-ASCII, or not a name", `class A:\n    team   = ForeignKey("a.B")\n    owner \\\n        = ForeignKey("a.C")\n    équipe: ForeignKey = ForeignKey("a.D")\n    self.x = ForeignKey("a.E")\n    y[0] = ForeignKey("a.F")\n`, [
    { kind: "ForeignKey", target: '"a.B"', keyword: undefined, fieldName: "team", modelClass: "A" },
    { kind: "ForeignKey", target: '"a.C"', keyword: undefined, fieldName: "owner", modelClass: "A" },
    { kind: "ForeignKey", target: '"a.D"', keyword: undefined, fieldName: "équipe", modelClass: "A" },
    { kind: "ForeignKey", target: '"a.E"', keyword: undefined, fieldName: undefined, modelClass: "A" },
    { kind: "ForeignKey", target: '"a.F"', keyword: undefined, fieldName: undefined, modelClass: "A" },
  ]],
  ["a function continued onto the next line, and a field name in a comment before other arguments", `class A:\n    x = models.ForeignKey \\\n        ("a.B")\n    y = (other  # ForeignKey\n        ("a.C"))\n`, [
    { kind: "ForeignKey", target: '"a.B"', keyword: undefined, fieldName: "x", modelClass: "A" },
  ]],
  ["a comment before the target", `x = models.ForeignKey(  # the team\n    Team,\n)\n`, [{ kind: "ForeignKey", target: "Team", keyword: undefined, fieldName: "x", modelClass: undefined }]],
  // The inner assignment of a chain is not a statement of the class body.
  ["an annotated and a chained assignment", `class A:\n    x: models.ForeignKey = models.ForeignKey("a.B")\n    y = z = models.ForeignKey("a.C")\n`, [
    { kind: "ForeignKey", target: '"a.B"', keyword: undefined, fieldName: "x", modelClass: "A" },
    { kind: "ForeignKey", target: '"a.C"', keyword: undefined, fieldName: "z", modelClass: undefined },
  ]],
  ["a call in an annotation, an argument and a return", `x: models.ForeignKey("a.B")\nf(models.ForeignKey("a.C"))\ndef g():\n    return models.ForeignKey("a.D")\n`, [
    { kind: "ForeignKey", target: '"a.B"', keyword: undefined, fieldName: undefined, modelClass: undefined },
    { kind: "ForeignKey", target: '"a.C"', keyword: undefined, fieldName: undefined, modelClass: undefined },
    { kind: "ForeignKey", target: '"a.D"', keyword: undefined, fieldName: undefined, modelClass: undefined },
  ]],
];

describe("relation fields", () => {
  it.each(CASES)("%s", (_, source, expected) => {
    // The rules read the language's nodes; the repository index reads tree-sitter's own.
    const code = pythonSourceCode(source);
    expect(findRelationFields(source, code.ast).map((field) => summary(source, field))).toEqual(expected);
    const tree = getPythonParser().parse(source)!;
    try {
      const raw = tree.rootNode.descendantsOfType("call").flatMap((call) => {
        const field = readRelationField(source, call);
        return field ? [summary(source, field)] : [];
      });
      expect(raw).toEqual(expected);
    } finally {
      tree.delete();
    }
  });
});

/** A relation field's nodes, by range: the same whichever way its call was found. */
function ranges(field: RelationField<SyntaxNode>): string {
  const at = (node: SyntaxNode | undefined): string => (node ? `${node.type}@${node.startIndex}-${node.endIndex}` : "-");
  return [field.kind, at(field.call), at(field.target), at(field.targetKeyword), field.fieldName ?? "-", at(field.assignment), at(field.modelClass)].join(" ");
}

const FIELD_LINES = [
  '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n',
  "    owner = models.OneToOneField(\n        User,\n        related_name='+',  # hidden\n    )\n",
  '    tags = ManyToManyField(to="a.Tag")\n',
  '    wrapped = wrap(models.ForeignKey("a.B"))\n',
  '    a = b = models.ForeignKey("a.C")\n',
  '    typed: Field = models.ForeignKey("a.D")\n',
  '    models.ForeignKey("a.E")\n',
  "    name = models.CharField(max_length=10)\n",
  "    # team = models.ForeignKey(Team)\n",
  '    class Meta:\n        other = models.ForeignKey("a.F")\n',
  '    def method(self):\n        return models.ForeignKey("a.G")\n',
  "    broken = models.ForeignKey(\n",
];
const CLASS_HEADS = ["class Run(models.Model):\n", "@register\nclass Run(models.Model):\n", "if True:\n  class Run:\n"];

describe("relation fields found from the class down", () => {
  it("are the fields a search of every call finds, with the same nodes", () => {
    const classes = fc.tuple(fc.constantFrom(...CLASS_HEADS), fc.array(fc.constantFrom(...FIELD_LINES), { minLength: 1, maxLength: 8 }));
    const files = fc.array(classes, { minLength: 1, maxLength: 6 }).map((parts) =>
      parts.map(([head, lines]) => head + (head.startsWith("if") ? lines.map((line) => `  ${line}`).join("") : lines.join(""))).join("x = 1\n"),
    );
    fc.assert(
      fc.property(files, (source) => {
        const code = pythonSourceCode(source);
        const tree = getPythonParser().parse(source)!;
        try {
          const everyCall = tree.rootNode.descendantsOfType("call").flatMap((call) => readRelationField(source, call) ?? []);
          expect(findRelationFields(source, code.ast).map(ranges)).toEqual(everyCall.map(ranges));
        } finally {
          tree.delete();
        }
      }),
      { numRuns: 200 },
    );
  });
});

type Argument = { kind: "positional" | "keyword" | "to" | "splat"; text: string };

const POSITIONALS: Argument[] = ["\"a.B\"", "Team", "other.Model", "(Team)"].map((text) => ({ kind: "positional", text }));
const KEYWORDS: Argument[] = [
  { kind: "keyword", text: "on_delete=models.CASCADE" },
  { kind: "keyword", text: 'related_name="to_runs"' },
  { kind: "keyword", text: 'help_text="points to the team"' },
  { kind: "keyword", text: "tom=1" },
  { kind: "to", text: 'to="a.T"' },
  { kind: "to", text: "to = Other" },
  { kind: "to", text: 'to  # the label\n    ="a.C"' },
];
const SEPARATORS = [", ", ",\n    ", ",  # note\n    ", " , "];

/** The documented rule: `to=`'s value; else the first positional argument; nothing when arguments are unpacked before `to=`. */
function expectedTarget(args: Argument[]): string | undefined {
  let target: string | undefined;
  for (const arg of args) {
    if (arg.kind === "to") return arg.text.slice(arg.text.lastIndexOf("=") + 1).trim();
    if (arg.kind === "splat") return undefined;
    if (arg.kind === "positional") target ??= arg.text;
  }
  return target;
}

describe("a relation field's target", () => {
  it("is to='s value, else the first positional argument, whatever else the arguments hold", () => {
    const args = fc
      .tuple(
        fc.array(fc.constantFrom(...POSITIONALS), { maxLength: 2 }),
        fc.option(fc.constant<Argument>({ kind: "splat", text: "*args" })),
        fc.array(fc.constantFrom(...KEYWORDS), { maxLength: 3 }),
        fc.option(fc.constant<Argument>({ kind: "splat", text: "**options" })),
      )
      .map(([positionals, star, keywords, stars]) => [...positionals, ...(star ? [star] : []), ...keywords, ...(stars ? [stars] : [])]);
    fc.assert(
      fc.property(args, fc.constantFrom(...SEPARATORS), fc.boolean(), (list, separator, leadingComment) => {
        const source = `x = models.ForeignKey(${leadingComment ? "  # why\n    " : ""}${list.map((arg) => arg.text).join(separator)})\n`;
        const fields = findRelationFields(source, pythonSourceCode(source).ast);
        const target = expectedTarget(list);
        expect(fields.map((field) => textOf(source, field.target))).toEqual(target === undefined ? [] : [target]);
      }),
      { numRuns: 300 },
    );
  });
});
