/**
 * What the VS Code ESLint extension (microsoft/vscode-eslint, client/src/client.ts,
 * `readConfiguration`) answers to the server's `workspace/configuration` request for one
 * document, computed from a user's `settings.json` values.
 */

export type UserSettings = Record<string, unknown>;

export interface WorkspaceFolder {
  name: string;
  uri: string;
}

function get<T>(user: UserSettings, key: string, fallback: T): T {
  return key in user ? (user[key] as T) : fallback;
}

/** `eslint.validate` entries are language ids or `{ language }` objects. */
export function validates(user: UserSettings, languageId: string): boolean {
  const validate = get<unknown[]>(user, "eslint.validate", ["javascript", "javascriptreact", "typescript", "typescriptreact"]);
  return validate.some((item) => item === languageId || (typeof item === "object" && item !== null && (item as { language?: string }).language === languageId));
}

export function documentSettings(user: UserSettings, languageId: string, workspaceFolder: WorkspaceFolder): Record<string, unknown> {
  const on = get(user, "eslint.enable", true) && validates(user, languageId);
  const settings: Record<string, unknown> = {
    validate: on ? "on" : "off",
    packageManager: get(user, "eslint.packageManager", "npm"),
    useESLintClass: get(user, "eslint.useESLintClass", false),
    useFlatConfig: get<boolean | undefined>(user, "eslint.useFlatConfig", undefined),
    experimental: { useFlatConfig: get(user, "eslint.experimental.useFlatConfig", false) },
    codeActionOnSave: { mode: get(user, "eslint.codeActionsOnSave.mode", "all"), rules: get(user, "eslint.codeActionsOnSave.rules", undefined) },
    format: on ? get(user, "eslint.format.enable", false) : false,
    quiet: get(user, "eslint.quiet", false),
    onIgnoredFiles: get(user, "eslint.onIgnoredFiles", "off"),
    options: get(user, "eslint.options", {}),
    rulesCustomizations: get(user, "eslint.rules.customizations", []),
    run: get(user, "eslint.run", "onType"),
    problems: { shortenToSingleLine: get(user, "eslint.problems.shortenToSingleLine", false) },
    nodePath: get<string | null>(user, "eslint.nodePath", null),
    workingDirectory: undefined,
    workspaceFolder,
    codeAction: {
      disableRuleComment: {
        enable: true,
        location: "separateLine",
        commentStyle: "line",
        ...get<object>(user, "eslint.codeAction.disableRuleComment", {}),
      },
      showDocumentation: { enable: true, ...get<object>(user, "eslint.codeAction.showDocumentation", {}) },
    },
  };
  const workingDirectories = get<unknown[] | undefined>(user, "eslint.workingDirectories", undefined);
  if (Array.isArray(workingDirectories)) {
    const mode = workingDirectories.find((item) => typeof item === "object" && item !== null && "mode" in item);
    if (mode) settings.workingDirectory = mode;
  }
  return settings;
}
