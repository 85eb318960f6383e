import path from "node:path";
import { childNodes, expressionOf, lineNumbers, moduleLevelStatements, stringValue, textOf } from "../languages/python/syntax/index.js";
import { readReported } from "./problems.js";
import { extractPython } from "./python-source.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, SettingValue, SettingsInfo } from "./types.js";

const MODEL_LABEL = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/u;

/** Module-level `NAME = "text"` and `NAME = ["a", "b"]` assignments of a settings module. */
interface SettingsFacts {
  strings: Record<string, { value: string; line: number }>;
  stringLists: Record<string, { values: { value: string; line: number }[]; line: number }>;
}

function readSettingsFacts(file: string, text: string): SettingsFacts | undefined {
  return extractPython("settings", file, text, (tree) => {
    const facts: SettingsFacts = { strings: {}, stringLists: {} };
    const lineOf = lineNumbers(text);
    for (const statement of moduleLevelStatements(text, tree.rootNode)) {
      const assignment = expressionOf(statement);
      if (assignment?.type !== "assignment") continue;
      const left = assignment.childForFieldName("left");
      const right = assignment.childForFieldName("right");
      if (left?.type !== "identifier" || !right) continue;
      const name = textOf(text, left);
      const line = lineOf(assignment.startIndex);
      const value = stringValue(text, right);
      if (value !== undefined) facts.strings[name] = { value, line };
      if (right.type === "list" || right.type === "tuple") {
        const values = childNodes(right).map((item) => ({ value: stringValue(text, item), line: lineOf(item.startIndex) }));
        if (values.every((item) => item.value !== undefined)) {
          facts.stringLists[name] = { values: values as { value: string; line: number }[], line };
        }
      }
    }
    return facts;
  });
}

/** `posthog/settings.py`, or the modules directly in the `posthog/settings/` package. */
function settingsModules(tfs: TrackedFs, root: string): string[] {
  const single = path.join(root, "posthog", "settings.py");
  if (tfs.isFile(single)) return [single];
  return tfs
    .list(path.join(root, "posthog", "settings"))
    .filter((entry) => entry.isFile && entry.name.endsWith(".py"))
    .map((entry) => entry.path);
}

/**
 * What the rules need of the Django settings, read as text (never executed): `AUTH_USER_MODEL`
 * when a settings module assigns it a plain string that is a model label, and `PRODUCTS_APPS`
 * when one assigns it a list of plain strings.
 */
export function readSettings(tfs: TrackedFs, root: string, problems: ConfigProblem[]): SettingsInfo {
  const settings: SettingsInfo = {};
  for (const file of settingsModules(tfs, root)) {
    const text = readReported(tfs, file, problems);
    if (text === undefined) continue;
    const facts = readSettingsFacts(file, text);
    const user = facts?.strings.AUTH_USER_MODEL;
    // Only an "<app_label>.<ModelName>" label; anything else leaves the default.
    if (user && MODEL_LABEL.test(user.value) && !settings.authUserModel) settings.authUserModel = { value: user.value, file, line: user.line } satisfies SettingValue;
    const apps = facts?.stringLists.PRODUCTS_APPS;
    if (apps && !settings.productsApps) settings.productsApps = { file, line: apps.line, entries: apps.values.map((entry) => entry.value) };
  }
  return settings;
}
