/**
 * What a test-named module (`test_*.py`, `*_test.py`) holds: whether it defines a test pytest
 * would collect. A module named like a test that defines none (a query module called
 * `test_signal_history.py`, a migration ending in `_test.py`) is not one.
 */
import path from "node:path";
import { childNodes, definitionName, topLevelStatements, type SyntaxNode } from "../languages/python/syntax/index.js";
import { pytestPathCovers, TEST_SCRIPT } from "./conventions.js";
import { findPytestPathArguments } from "./pytest-arguments.js";
import { extractPython } from "./python-source.js";
import { scriptCommands } from "./script-commands.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ProductInfo } from "./types.js";

const isTestFunction = (text: string, node: SyntaxNode): boolean => node.type === "function_definition" && /^test/u.test(definitionName(text, node) ?? "");

/** A method of the class named `test*` (a `unittest.TestCase` of any name counts: pytest collects it). */
function hasTestMethod(text: string, classNode: SyntaxNode): boolean {
  const body = classNode.childForFieldName("body");
  return childNodes(body ?? classNode).some((statement) => {
    const definition = statement.type === "decorated_definition" ? statement.childForFieldName("definition") : statement;
    return definition !== null && isTestFunction(text, definition);
  });
}

/**
 * The module defines a test at its top level: a `test*` function, a `Test*` class, or a class
 * with a `test*` method. Undefined when the parser fails.
 */
export function definesTests(file: string, text: string): boolean | undefined {
  return extractPython("defines-tests", file, text, (tree) => {
    for (const { node } of topLevelStatements(tree.rootNode)) {
      if (isTestFunction(text, node)) return true;
      if (node.type === "class_definition" && (/^Test/u.test(definitionName(text, node) ?? "") || hasTestMethod(text, node))) return true;
    }
    return false;
  });
}

/** Whether the file at `absolute` defines a test, read through the index's file system (false when it cannot be read). */
export function probeDefinesTests(tfs: TrackedFs, absolute: string): boolean {
  const text = tfs.readText(absolute);
  return typeof text === "string" && (definesTests(absolute, text) ?? false);
}

/**
 * For the test files of a product that no pytest path of its `backend:test` script on disk
 * covers (the orphans, whatever the exemptions): whether each defines a test. Parsing every
 * test file of the repository would cost seconds; the orphans are few.
 */
export function readOrphanTestModules(tfs: TrackedFs, product: ProductInfo): void {
  const { packageJson } = product;
  const script = packageJson?.scripts?.[TEST_SCRIPT];
  const paths = !packageJson || script === undefined ? [] : findPytestPathArguments(scriptCommands(packageJson.file, TEST_SCRIPT, script)).map((argument) => path.relative(product.dir, path.resolve(product.dir, argument.cwd, argument.path)).split(path.sep).join("/"));
  for (const file of product.testFiles) {
    if (paths.some((prefix) => pytestPathCovers(prefix, file))) continue;
    product.orphanTestModules.set(file, probeDefinesTests(tfs, path.join(product.dir, ...file.split("/"))));
  }
}
