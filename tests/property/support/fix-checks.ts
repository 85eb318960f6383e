/**
 * What a fix must preserve, checked on (original, fixed) pairs of Python text. Each check returns
 * the problems it found (empty: fine), so a failing property names every broken invariant.
 */
import { resolveRelativeImport } from "../../../src/languages/python/syntax/index.js";
import { lineEndings, type FixPass } from "./lint.js";
import { newlyUndefined } from "../../support/undefined-names.js";
import { pythonFacts, stripBom, type Binding, type PythonFacts } from "./python-tree.js";

/** The repository facts a check needs: where each model name is defined, and app labels. */
export interface Oracle {
  /** Model name → every module it is imported from (an app's models package, or the submodule defining it). */
  definingModules: Map<string, Set<string>>;
  /** The app label of a models module (or a submodule of one). */
  labelOf: (module: string) => string | undefined;
  /** Product folder → its models package. */
  productModules: Map<string, string>;
  /** The linted file's dotted module (for relative imports), and whether it is a package `__init__`. */
  fileModule: string | null;
  /** Label of the app the linted file belongs to. */
  fileAppLabel?: string;
  /** Top-level classes of the linted file. */
  fileClasses: Set<string>;
  /** The import rule does not run on this file (`posthog/models/`). */
  importRuleOff: boolean;
}

const key = (binding: Pick<Binding, "scope" | "local">): string => `${binding.scope}\0${binding.local}`;

function absoluteModule(oracle: Oracle, written: string): string | null {
  const match = /^(\.+)(.*)$/u.exec(written);
  if (!match) return written;
  if (!oracle.fileModule) return null;
  return resolveRelativeImport(oracle.fileModule, false, match[1]!.length, match[2]!) || null;
}

/**
 * Where SPEC §3 says `from <module> import <name>` must end up: `posthog.models[.*]` keeps core
 * names (a name any non-product app defines) and moves a name defined in exactly one product;
 * `products.<p>.models[.*]` moves to p's module when p defines it, else to the single app that
 * does. Anything else stays. Undefined: not decidable here (the name is reported without a fix).
 */
function expectedModule(oracle: Oracle, module: string, name: string): string | undefined {
  if (oracle.importRuleOff) return module;
  const absolute = absoluteModule(oracle, module);
  if (absolute === null) return module;
  const defining = [...(oracle.definingModules.get(name) ?? [])];
  const within = (m: string, base: string): boolean => m === base || m.startsWith(`${base}.`);
  const isProductModule = (m: string): boolean => [...oracle.productModules.values()].some((base) => within(m, base));
  if (absolute === "posthog.models" || absolute.startsWith("posthog.models.")) {
    if (defining.length === 0 || defining.some((m) => !isProductModule(m))) return module;
    return defining.length === 1 ? defining[0] : undefined;
  }
  const reexport = /^products\.([A-Za-z0-9_]+)\.models(?:\.|$)/u.exec(absolute);
  if (reexport) {
    const own = oracle.productModules.get(reexport[1]!);
    const ownModule = own ? defining.find((m) => within(m, own)) : undefined;
    if (ownModule) return ownModule;
    return defining.length === 1 ? defining[0] : undefined;
  }
  return module;
}

export interface FixOutcome {
  original: string;
  output: string;
  passes: FixPass[];
}

function sameLineEndings(original: string, output: string): string[] {
  const before = lineEndings(stripBom(original));
  const after = lineEndings(stripBom(output));
  const problems: string[] = [];
  if (before.lf === 0 && before.cr === 0 && (after.lf > 0 || after.cr > 0)) problems.push(`a CRLF file got bare line breaks (${after.lf} LF, ${after.cr} CR)`);
  if (before.crlf === 0 && before.cr === 0 && (after.crlf > 0 || after.cr > 0)) problems.push(`an LF file got CR characters (${after.crlf} CRLF, ${after.cr} CR)`);
  return problems;
}

/** Every recorded edit lies inside the parts of its pass's input a fix may touch. */
function editsInsideEditableRegions(passes: FixPass[]): string[] {
  const problems: string[] = [];
  passes.forEach((pass, index) => {
    const facts = pythonFacts(pass.input);
    for (const { ruleId, edits } of pass.applied) {
      for (const edit of edits) {
        const inside = facts.editable.some(([start, end]) => start <= edit.range[0] && edit.range[1] <= end);
        if (!inside) {
          problems.push(
            `pass ${index + 1}: ${ruleId} edits ${edit.range.join("-")} (${JSON.stringify(pass.input.slice(edit.range[0], edit.range[1]))} → ${JSON.stringify(edit.text)}), outside any import statement or relation-field argument list`,
          );
        }
      }
    }
  });
  return problems;
}

export function checkFix(outcome: FixOutcome, oracle: Oracle): string[] {
  const { original, output } = outcome;
  const problems: string[] = [];
  if ((original.charCodeAt(0) === 0xfeff) !== (output.charCodeAt(0) === 0xfeff)) problems.push("the BOM was not preserved");
  problems.push(...sameLineEndings(original, output));
  problems.push(...editsInsideEditableRegions(outcome.passes));

  const before = pythonFacts(original);
  const after = pythonFacts(output);
  if (after.errors > before.errors) problems.push(`syntax errors (ERROR/MISSING nodes, empty blocks) went from ${before.errors} to ${after.errors}`);
  problems.push(...checkBindings(before, after, oracle));
  problems.push(...checkComments(before, after));
  problems.push(...checkRelationTargets(before, after, oracle));
  for (const name of newlyUndefined(original, output)) problems.push(`the fix left ${name} undefined (pyflakes F821)`);
  return problems;
}

/** No import binding appears, moves scope, dangles, or moves to a module that does not define its name. */
function checkBindings(before: PythonFacts, after: PythonFacts, oracle: Oracle): string[] {
  const problems: string[] = [];
  const beforeByKey = new Map<string, Binding[]>();
  for (const binding of before.bindings) beforeByKey.set(key(binding), [...(beforeByKey.get(key(binding)) ?? []), binding]);
  const afterKeys = new Set(after.bindings.map(key));
  for (const binding of after.bindings) {
    const originals = beforeByKey.get(key(binding));
    if (!originals) {
      problems.push(`new binding of ${binding.local} in scope "${binding.scope}" (an import moved out of its block?)`);
      continue;
    }
    const candidates = originals.filter((o) => o.imported === binding.imported);
    if (candidates.length === 0) {
      problems.push(`${binding.local} now imports ${binding.imported} (was ${originals.map((o) => o.imported).join("/")})`);
      continue;
    }
    // Undefined: reported without a fix (ambiguous), so the module must not change.
    const expectations = candidates.map((o) => expectedModule(oracle, o.module, o.imported) ?? o.module);
    if (!expectations.includes(binding.module)) {
      problems.push(
        `${binding.imported} is imported from ${binding.module} after the fix (was ${candidates.map((o) => o.module).join(" / ")}), expected ${expectations.join(" / ")}`,
      );
    }
  }
  for (const binding of before.bindings) {
    if (afterKeys.has(key(binding))) continue;
    if (after.used.has(binding.local) && !before.defined.has(binding.local)) {
      problems.push(`the import of ${binding.local} (scope "${binding.scope}") was removed but the name is still used`);
    }
  }
  return problems;
}

/**
 * Comments survive, except on the line of an imported name whose binding the fix removed (the
 * name's line goes), and inside an import statement that lost a binding.
 */
function checkComments(before: PythonFacts, after: PythonFacts): string[] {
  // A name imported twice in one scope: when fewer imports bind it after the fix, either may have gone.
  const count = (bindings: Binding[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const binding of bindings) counts.set(key(binding), (counts.get(key(binding)) ?? 0) + 1);
    return counts;
  };
  const beforeCounts = count(before.bindings);
  const afterCounts = count(after.bindings);
  const removed = (binding: Binding): boolean => (afterCounts.get(key(binding)) ?? 0) < beforeCounts.get(key(binding))!;
  const removableRows = new Set<number>();
  const byStatement = new Map<string, Binding[]>();
  for (const binding of before.bindings) {
    if (removed(binding)) removableRows.add(binding.nameRow);
    const statement = binding.statementRows.join(":");
    byStatement.set(statement, [...(byStatement.get(statement) ?? []), binding]);
  }
  for (const [rows, bindings] of byStatement) {
    // A statement that lost a name may have been deleted in a later pass (after its other names
    // moved to new statements): its own comments may go with it. Pure moves keep every comment.
    if (bindings.some(removed)) {
      const [from, to] = rows.split(":").map(Number) as [number, number];
      for (let row = from; row <= to; row++) removableRows.add(row);
    }
  }
  const remaining = new Map<string, number>();
  for (const comment of after.comments) remaining.set(comment.text, (remaining.get(comment.text) ?? 0) + 1);
  const problems: string[] = [];
  for (const comment of before.comments) {
    const left = remaining.get(comment.text) ?? 0;
    if (left > 0) {
      remaining.set(comment.text, left - 1);
      continue;
    }
    if (!removableRows.has(comment.row)) problems.push(`comment lost: ${comment.text}`);
  }
  return problems;
}

function stringValue(literal: string): string | undefined {
  const match = /^([rRuU]?)(["'])(.*)\2$/su.exec(literal);
  return match ? match[3] : undefined;
}

/** Django's contrib models the fix may label: `<module>.<Model>` → app label. */
const CONTRIB_LABELS: Record<string, string> = {
  "django.contrib.auth.models.User": "auth",
  "django.contrib.auth.models.Group": "auth",
  "django.contrib.auth.models.Permission": "auth",
  "django.contrib.contenttypes.models.ContentType": "contenttypes",
};

/** A relation target the fix rewrote names a model its label's app really defines. */
function checkRelationTargets(before: PythonFacts, after: PythonFacts, oracle: Oracle): string[] {
  if (before.relationCalls.length !== after.relationCalls.length) {
    return [`${before.relationCalls.length} relation fields before the fix, ${after.relationCalls.length} after`];
  }
  const problems: string[] = [];
  // The binding a class-level target reads: the innermost run-time import around the call.
  const bindingFor = (local: string, scope: string): Binding | undefined => {
    const all = before.bindings.filter((binding) => binding.local === local);
    const visible = all.filter((binding) => !binding.typeChecking && (binding.scope === "" || scope === binding.scope || scope.startsWith(`${binding.scope}/`)));
    const deepest = Math.max(...visible.map((binding) => binding.scope.length));
    return visible.filter((binding) => binding.scope.length === deepest).pop() ?? all.pop();
  };
  before.relationCalls.forEach((call, index) => {
    const fixed = after.relationCalls[index]!;
    if (call.target === fixed.target) return;
    const value = fixed.target !== undefined && fixed.targetType === "string" ? stringValue(fixed.target) : undefined;
    const parts = value?.split(".");
    if (!value || parts!.length !== 2) {
      problems.push(`relation target ${call.target} became ${fixed.target}, not an "<app_label>.<Model>" string`);
      return;
    }
    const [label, name] = parts as [string, string];
    // The model the original target named.
    let expectedName: string | undefined;
    if (call.targetType === "identifier") expectedName = bindingFor(call.target!, call.scope)?.imported ?? call.target;
    else if (call.targetType === "attribute") expectedName = call.target!.split(".").pop();
    else if (call.targetType === "string") {
      const original = stringValue(call.target!) ?? "";
      expectedName = original.split(".").pop();
    }
    if (expectedName !== undefined && expectedName.toLowerCase() !== name.toLowerCase()) {
      problems.push(`relation target ${call.target} became ${fixed.target}: wrong model name`);
      return;
    }
    const labels = new Set([...(oracle.definingModules.get(name) ?? [])].map((module) => oracle.labelOf(module)));
    const binding = call.targetType === "identifier" ? bindingFor(call.target!, call.scope) : undefined;
    const contrib = binding ? CONTRIB_LABELS[`${binding.module}.${binding.imported}`] : undefined;
    if (contrib) labels.add(contrib);
    if (call.targetType === "identifier" && oracle.fileClasses.has(call.target!) && oracle.fileAppLabel) labels.add(oracle.fileAppLabel);
    if (!labels.has(label)) {
      problems.push(`relation target ${call.target} became ${fixed.target}, but app "${label}" does not define ${name} (apps defining it: ${[...labels].join(", ") || "none"})`);
    }
  });
  return problems;
}
