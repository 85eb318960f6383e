import fs from "node:fs";
import path from "node:path";
import type { JSONRuleDefinition } from "@eslint/json";
import { Confiner } from "../project/confine.js";
import { problemsOfFile, relativeToRoot } from "../project/problems.js";
import type { RepoIndex, TachInterface } from "../project/types.js";
import {
  CONTRACT_CHECK_SCRIPT,
  CONVENTIONAL_CONTRACT_CHECK_COMMAND,
  TEST_SCRIPT,
} from "./package-json/conventions.js";
import { insertScript, missingScriptAnchor, rangeOf, removeMember } from "./package-json/json-ast.js";
import { getProductPackageContext, locationOf } from "./package-json/product-context.js";
import { ruleDocsUrl } from "./rule-types.js";

type MessageIds = "missingContractCheck" | "notIsolated" | "legacyLeak" | "emptyFacade" | "tachUnreadable";

const RULE_NAME = "contract-check-consistency";

/** Public-surface prefixes of an expose pattern (compared with backslashes stripped, as hogli does). */
const PUBLIC_SURFACE = ["backend.facade", "backend.presentation", "backend.routes"];

/**
 * hogli exempts an `[[interfaces]]` block whose comment lines directly above the header carry
 * this marker: a declared, permanent coupling (ClickHouse DDL used by core), not a leak.
 */
export const PERMANENT_INTERFACE_MARKER = "isolation:permanent-interface";

let tachLinesCache: { file: string; mtimeMs: number; lines: string[] } | null = null;

function tachLines(root: string, file: string): string[] {
  // Only a tach.toml inside the repository (the index read nothing else).
  const stat = new Confiner(root).resolve(file)?.stats;
  if (!stat) return [];
  if (tachLinesCache?.file !== file || tachLinesCache.mtimeMs !== stat.mtimeMs) {
    let text = "";
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      // unreadable: no markers
    }
    tachLinesCache = { file, mtimeMs: stat.mtimeMs, lines: text.split(/\r?\n/) };
  }
  return tachLinesCache.lines;
}

function isPermanentInterface(index: RepoIndex, block: TachInterface): boolean {
  const lines = tachLines(index.root, index.tach.file);
  for (let i = block.line - 2; i >= 0; i--) {
    const line = lines[i]?.trim() ?? "";
    if (line === "") continue;
    if (!line.startsWith("#")) return false;
    if (line.includes(PERMANENT_INTERFACE_MARKER)) return true;
  }
  return false;
}

export interface LegacyLeak {
  interface: TachInterface;
  pattern: string;
  line: number;
}

/**
 * The first `[[interfaces]]` block whose `from` is exactly `["products.<p>"]` (backslashes
 * ignored, so `products\.<p>` counts) and that exposes a pattern outside the facade,
 * presentation and routes modules. Blocks marked `isolation:permanent-interface` are exempt.
 */
export function findLegacyLeak(index: RepoIndex, product: string): LegacyLeak | null {
  const module = `products.${product}`;
  for (const block of index.tach.interfaces) {
    if (block.from.length !== 1 || block.from[0].replace(/\\/g, "") !== module) continue;
    if (isPermanentInterface(index, block)) continue;
    for (let i = 0; i < block.expose.length; i++) {
      const normalized = block.expose[i].replace(/\\/g, "");
      if (!PUBLIC_SURFACE.some((prefix) => normalized.startsWith(prefix))) {
        return { interface: block, pattern: block.expose[i], line: block.exposeLines[i] ?? block.line };
      }
    }
  }
  return null;
}

/** The path exists and really is inside the repository root (no symlink out of it is followed). */
function isInsideRoot(index: RepoIndex, target: string): boolean {
  return new Confiner(index.root).resolve(target) !== null;
}

const rule: JSONRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds; ExtRuleDocs: { recommended: boolean } }> = {
  meta: {
    type: "problem",
    languages: ["json/json"],
    docs: {
      description:
        "Require `backend:contract-check` exactly on isolated products (contracts, a real facade, no legacy tach interface leak)",
      url: ruleDocsUrl(RULE_NAME),
      recommended: true,
    },
    fixable: "code",
    schema: [],
    messages: {
      missingContractCheck:
        'Product "{{product}}" is isolated ({{contracts}} exists), its backend/facade/api.py defines functions and tach.toml has no legacy interface leak for it, but it has no "backend:contract-check" script: turbo treats it as not isolated and runs the full Django test suite whenever it changes. Add "backend:contract-check": "{{command}}".',
      notIsolated:
        '"backend:contract-check" must not be set: product "{{product}}" is not isolated (it has no backend/facade/contracts.py or backend/facade/contracts/), and this script makes turbo classify it as isolated and skip the full Django test suite when it changes. Remove the script, or isolate the product first.',
      legacyLeak:
        '"backend:contract-check" must not be set: product "{{product}}" has a legacy interface leak ({{location}} exposes "{{pattern}}" of products.{{product}}, which is not its facade, presentation or routes), and this script makes turbo classify it as isolated and skip the full Django test suite when it changes. Remove the script until the leak is gone.',
      emptyFacade:
        '"backend:contract-check" must not be set: product "{{product}}" has an empty facade ({{facade}}), and this script makes turbo classify it as isolated and skip the full Django test suite when it changes. Remove the script, or give the facade its functions first.',
      tachUnreadable:
        'Cannot check product "{{product}}" for legacy interface leaks: {{problem}}',
    },
  },

  create(context) {
    const { sourceCode } = context;
    const locOf = (range: [number, number]) => locationOf(sourceCode, range);

    return {
      Document() {
        const ctx = getProductPackageContext(context);
        if (!ctx) return;
        const { doc, product, productDir, index } = ctx;

        const [tachProblem] = problemsOfFile(index.problems, index.tach.file);
        if (tachProblem) {
          context.report({
            loc: locOf(missingScriptAnchor(doc)),
            messageId: "tachUnreadable",
            data: { product: product.name, problem: tachProblem.message },
          });
        }

        const hasFacadeFunctions = product.facadeApiFunctions.length > 0;
        const leak = tachProblem ? undefined : findLegacyLeak(index, product.name);
        const entry = doc.entries.get(CONTRACT_CHECK_SCRIPT);

        if (entry) {
          const member = entry.member;
          const removal = removeMember(doc.scripts!, member);
          const report = (messageId: MessageIds, data: Record<string, string>) =>
            context.report({
              loc: locOf(rangeOf(member.name)),
              messageId,
              data: { product: product.name, ...data },
              fix: (fixer) => fixer.replaceTextRange(removal.range, removal.text),
            });
          if (!product.isolated) {
            report("notIsolated", {});
          } else if (leak) {
            const location = `${relativeToRoot(index.root, index.tach.file)}:${leak.line}`;
            report("legacyLeak", { location, pattern: leak.pattern });
          } else if (!hasFacadeFunctions) {
            const apiExists = isInsideRoot(index, path.join(productDir, "backend", "facade", "api.py"));
            report("emptyFacade", {
              facade: apiExists ? "backend/facade/api.py defines no functions" : "backend/facade/api.py does not exist",
            });
          }
          return;
        }

        // Required only when isolated, with a real facade and (known) no legacy leak.
        if (!product.isolated || !hasFacadeFunctions || leak !== null) return;
        const contracts = isInsideRoot(index, path.join(productDir, "backend", "facade", "contracts.py"))
          ? "backend/facade/contracts.py"
          : "backend/facade/contracts/";
        const after = doc.entries.get(TEST_SCRIPT)?.member ?? null;
        const edit = insertScript(doc, CONTRACT_CHECK_SCRIPT, CONVENTIONAL_CONTRACT_CHECK_COMMAND, after);
        context.report({
          loc: locOf(missingScriptAnchor(doc)),
          messageId: "missingContractCheck",
          data: { product: product.name, contracts, command: CONVENTIONAL_CONTRACT_CHECK_COMMAND },
          fix: edit ? (fixer) => fixer.replaceTextRange(edit.range, edit.text) : null,
        });
      },
    };
  },
};

export default rule;
