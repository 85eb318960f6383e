/**
 * The Python syntax layer: reading Python through tree-sitter's node API, shared by the
 * repository index (raw tree-sitter nodes) and the rules (the language's AST nodes).
 */
export { childNodes, descendants, expressionOf, isInsideError, sameNode, textOf, type SyntaxNode } from "./node.js";
export { dottedName, isPythonIdentifier, lastComponent } from "./names.js";
export { pythonStringLiteral, stringQuote, stringValue } from "./strings.js";
export { definitionName, enclosingFunction, topLevelStatements } from "./definitions.js";
export {
  collectImports,
  type FromImport,
  type ImportedName,
  type ImportStatements,
} from "./imports.js";
export { moduleBindings, moduleLevelStatements, type ModuleBinding, type ModuleBindings } from "./bindings.js";
export { isNameRead } from "./uses.js";
export { findRelationFields, readRelationField, type RelationField } from "./relation-fields.js";
export { callsNamed, findCallsNamed, findIdentifiers } from "./calls.js";
export { spellsWord } from "./words.js";
export { keywordArgument } from "./arguments.js";
export { isWithinModule, moduleOfFile, resolveRelativeImport } from "./modules.js";
export { afterLineBreak, indentationAt, lineBreakOf, lineEndOf, lineNumbers, lineStartOf, startsLine } from "../../text-lines.js";
