import type { PyNode } from "../languages/python/ast.js";
import { childNodes, definitionName, keywordArgument, textOf, type SyntaxNode } from "../languages/python/syntax/index.js";
import type { PythonFileContext } from "./python/file-context.js";
import { absoluteModule, qualifiedName } from "./python/name-bindings.js";
import { applyingEdits, type TextEdit } from "./text-edit.js";
import { definePythonRule } from "./define-rule.js";

type MessageIds = "notFrozen" | "explicitlyMutable" | "frameworkImport" | "addFrozen";

const RULE_NAME = "frozen-contracts";

/** `backend/facade/contracts.py`, or a module of the `backend/facade/contracts/` package. */
const CONTRACTS_FILE = /^products\/[^/]+\/backend\/facade\/contracts(?:\.pyi?|\/.+\.pyi?)$/u;

/** Decorators that make a dataclass: frozen only with `frozen=True`. */
const DATACLASS_DECORATORS = new Set(["dataclasses.dataclass", "pydantic.dataclasses.dataclass"]);
/** Decorators that make a frozen dataclass unless `frozen=False` (PostHog's house default, attrs'). */
const FROZEN_DECORATORS = new Set(["posthog.dataclasses.frozen", "attrs.frozen", "attr.frozen"]);

/** Django and DRF: a contract that imports them is not framework-free. */
const FRAMEWORK_MODULE = /^(?:django|rest_framework)(?:\.|$)/u;

interface DataclassDecorator {
  decorator: PyNode;
  /** The decorator is a call (`@dataclass(...)`): its argument list. */
  arguments?: PyNode;
  /** The value node of `frozen=...`, when given. */
  frozenValue?: PyNode;
  frozenByDefault: boolean;
}

function readDecorator(file: PythonFileContext, text: string, decorator: PyNode): DataclassDecorator | undefined {
  const expression = childNodes(decorator)[0] as PyNode | undefined;
  if (!expression) return undefined;
  const callee = expression.type === "call" ? expression.childForFieldName("function") : expression;
  const name = callee ? qualifiedName(file, text, callee) : undefined;
  if (!name || (!DATACLASS_DECORATORS.has(name) && !FROZEN_DECORATORS.has(name))) return undefined;
  const args = expression.type === "call" ? (expression.childForFieldName("arguments") as PyNode | null) : null;
  const frozen = args ? keywordArgument(text, args, "frozen") : undefined;
  return {
    decorator,
    ...(args ? { arguments: args } : {}),
    ...(frozen ? { frozenValue: frozen.childForFieldName("value") as PyNode } : {}),
    frozenByDefault: FROZEN_DECORATORS.has(name),
  };
}

/** `frozen=False` → `frozen=True`; `@dataclass(...)` and `@dataclass` get `frozen=True` as their first argument. */
function frozenEdit({ decorator, arguments: args, frozenValue }: DataclassDecorator): TextEdit {
  if (frozenValue) return { range: [frozenValue.startIndex, frozenValue.endIndex], text: "True" };
  if (args) return { range: [args.startIndex + 1, args.startIndex + 1], text: childNodes(args).length > 0 ? "frozen=True, " : "frozen=True" };
  const end = childNodes(decorator)[0]!.endIndex;
  return { range: [end, end], text: "(frozen=True)" };
}

function frameworkModules(file: PythonFileContext): { node: SyntaxNode; module: string }[] {
  const found: { node: SyntaxNode; module: string }[] = [];
  for (const fromImport of file.imports.fromImports) {
    const module = absoluteModule(file, fromImport);
    if (module && FRAMEWORK_MODULE.test(module)) found.push({ node: fromImport.moduleNode, module });
  }
  for (const plain of file.imports.plainImports) {
    if (FRAMEWORK_MODULE.test(plain.importedModule)) found.push({ node: plain.node, module: plain.importedModule });
  }
  return found.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

export default definePythonRule<{ RuleOptions: []; MessageIds: MessageIds }>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Require the dataclasses of a facade's contracts to be frozen, and contracts to import neither Django nor DRF",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      notFrozen: "Contract {{name}} is a mutable dataclass: make it frozen (`@dataclass(frozen=True)` or PostHog's `@frozen`).",
      explicitlyMutable: "Contract {{name}} sets frozen=False: contracts are immutable values, so make it frozen.",
      frameworkImport: "Contracts must not import {{module}}: use standard-library types and errors, and map models to contracts in the facade.",
      addFrozen: "Make {{name}} frozen (code that assigns to an instance's attributes will then raise).",
    },
  },

  create(context, file) {
    if (!CONTRACTS_FILE.test(file.relativePath)) return {};
    const { text } = context.sourceCode;

    function check(node: PyNode, found: DataclassDecorator): void {
      const nameNode = (node.childForFieldName("name") as PyNode | null) ?? node;
      const name = definitionName(text, node) ?? "<class>";
      const value = found.frozenValue ? textOf(text, found.frozenValue) : undefined;
      if (value === "True" || (value === undefined && found.frozenByDefault)) return;
      if (value !== undefined && value !== "False") return; // `frozen=<expression>`: cannot tell
      context.report({
        node: nameNode,
        messageId: value === "False" ? "explicitlyMutable" : "notFrozen",
        data: { name },
        suggest: [{ messageId: "addFrozen", data: { name }, fix: applyingEdits([frozenEdit(found)]) }],
      });
    }

    function checkClass(node: PyNode): void {
      const decorated = node.parent?.type === "decorated_definition" ? node.parent : undefined;
      if (!decorated) return;
      for (const decorator of childNodes(decorated)) {
        if (decorator.type !== "decorator") continue;
        const found = readDecorator(file, text, decorator as PyNode);
        if (found) return check(node, found);
      }
    }

    return {
      module(root: PyNode) {
        for (const { node, module } of frameworkModules(file)) context.report({ node: node as PyNode, messageId: "frameworkImport", data: { module } });
        // Nested classes too: contracts files are few and small, so the whole tree is read.
        for (const classNode of root.descendantsOfType("class_definition")) checkClass(classNode);
      },
    };
  },
});
