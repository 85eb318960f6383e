import { parseShell, rememberShellCommands, type ShellCommand } from "../languages/shell/index.js";
import { extraction } from "./extractions.js";

/**
 * The commands of the script `name` of the package.json `file`: from the index snapshot when the
 * script's text is the one recorded there, else parsed. Either way `parseShell` is told them, so
 * the rules that read the same script in this process do not parse it again (see
 * `rememberShellCommands`): a run whose scripts did not change never starts the bash grammar.
 */
export function scriptCommands(file: string, name: string, script: string): ShellCommand[] {
  // The name is encoded: a `/` or `..` in it would otherwise read as part of a path in the snapshot.
  const commands = extraction("script-commands", `${file}#${encodeURIComponent(name)}`, script, () => parseShell(script));
  rememberShellCommands(script, commands);
  return commands;
}
