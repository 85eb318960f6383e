/** Shell scripts read through tree-sitter's bash grammar: their simple commands, words and operators. */
export { forgetShellCommands, isReadableScript, parseShell, rememberedShellCommands, rememberShellCommands } from "./parse.js";
export type { ShellCommand, ShellWord } from "./commands.js";
