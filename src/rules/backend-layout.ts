import { BACKEND_KNOWN_FILES, FILE_OR_FOLDER_STEMS } from "../project/conventions.js";
import { defineProductRule } from "./product-rule.js";

type MessageIds = "misplacedFile" | "misplacedConflict" | "fileFolderConflict";

const RULE_NAME = "backend-layout";


const FILE_START = { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } };

export default defineProductRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Disallow backend files in the wrong place: known modules at the backend root of an isolated product, and a module beside a package of the same name",
      recommended: true,
    },
    schema: [],
    messages: {
      misplacedFile: "Move backend/{{file}} to backend/{{location}}: isolated products keep it there.",
      misplacedConflict: "backend/{{file}} duplicates backend/{{location}}, where isolated products keep it: merge it there and delete this file.",
      fileFolderConflict: "backend/{{stem}}.py and backend/{{stem}}/ both exist: Python imports the package and never this file. Merge them.",
    },
  },

  python({ context, file, product }) {
    const parts = file.relativePath.split("/");
    // Files directly in products/<p>/backend/.
    if (parts.length !== 4 || parts[2] !== "backend") return;
    const name = parts[3]!;
    const stem = name.replace(/\.py$/u, "");
    if (name.endsWith(".py") && (FILE_OR_FOLDER_STEMS as readonly string[]).includes(stem) && product.backendEntries.some((entry) => entry.isDirectory && entry.name === stem)) {
      context.report({ loc: FILE_START, messageId: "fileFolderConflict", data: { stem } });
    }
    const location = Object.hasOwn(BACKEND_KNOWN_FILES, name) ? BACKEND_KNOWN_FILES[name] : undefined;
    if (!product.isolated || location === undefined) return;
    const messageId = product.occupiedKnownLocations.includes(location) ? "misplacedConflict" : "misplacedFile";
    context.report({ loc: FILE_START, messageId, data: { file: name, location } });
  },
});
