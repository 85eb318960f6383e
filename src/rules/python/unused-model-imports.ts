import { lineEndOf, lineStartOf, type FromImport, type ImportedName } from "../../languages/python/syntax/index.js";
import { resolveModelImport } from "../../project/index.js";
import type { PythonFileContext } from "./file-context.js";
import { contribAppLabel } from "./model-reference.js";
import { absoluteModule } from "./name-bindings.js";

/** The label of the model `from <module> import <name>` imports, if it is one. */
function importedModelLabel(file: PythonFileContext, module: string, name: string): string | undefined {
  const contrib = contribAppLabel(module, name);
  if (contrib) return `${contrib}.${name}`;
  const { model } = resolveModelImport(file.index, module, name);
  return model ? `${model.appLabel}.${model.name}` : undefined;
}

export interface UnusedModelImport {
  fromImport: FromImport;
  name: ImportedName;
  label: string;
}

/**
 * Imports of a model that nothing in the file reads while a relation field names the model by
 * its label: what converting class references to labels leaves behind. Imports under
 * `if TYPE_CHECKING:`, names in `__all__` and statements marked `# noqa` are never reported.
 */
export function* unusedModelImports(
  file: PythonFileContext,
  text: string,
  targetLabels: ReadonlySet<string>,
  isRead: (name: string) => boolean,
): Generator<UnusedModelImport> {
  const exported = new Set(file.bindings.all ?? []);
  for (const fromImport of file.imports.fromImports) {
    if (fromImport.scope.typeCheckingOnly || fromImport.wildcard) continue;
    const module = absoluteModule(file, fromImport);
    if (!module) continue;
    const statement = fromImport.statement;
    if (/#\s*noqa/iu.test(text.slice(lineStartOf(text, statement.startIndex), lineEndOf(text, statement.endIndex)))) continue;
    for (const name of fromImport.names) {
      const label = importedModelLabel(file, module, name.importedName);
      if (!label || !targetLabels.has(label.toLowerCase()) || exported.has(name.localName)) continue;
      if (!isRead(name.localName)) yield { fromImport, name, label };
    }
  }
}
