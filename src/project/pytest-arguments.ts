/**
 * The pytest runs of a shell script: which commands run pytest (directly, through `python -m`,
 * `coverage run`, `uv run`...), their path arguments, and the directory each runs from.
 */
import path from "node:path";
import type { ShellCommand, ShellWord } from "../languages/shell/index.js";

/**
 * pytest options that take a value as the next argument (`-k expr`, `--rootdir ../..`), from
 * pytest itself and the plugins common in Django repositories (pytest-django, -xdist, -cov,
 * -timeout, -rerunfailures, -split, -randomly, -asyncio, hypothesis). `--opt=value` and glued
 * short forms (`-kexpr`, `-n4`) are single tokens and need no entry here.
 */
const PYTEST_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  // pytest
  "-c", "--config-file", "--rootdir", "--confcutdir", "--basetemp",
  "-k", "-m", "-p", "-o", "--override-ini", "-W", "--pythonwarnings", "-r",
  "--deselect", "--ignore", "--ignore-glob",
  "--junitxml", "--junit-xml", "--junit-prefix", "--report-log", "--resultlog", "--result-log",
  "--maxfail", "--tb", "--show-capture", "--capture", "--durations", "--durations-min",
  "--import-mode", "--color", "--code-highlight", "--assert", "--verbosity",
  "--log-level", "--log-format", "--log-date-format",
  "--log-cli-level", "--log-cli-format", "--log-cli-date-format",
  "--log-file", "--log-file-level", "--log-file-format", "--log-file-date-format", "--log-file-mode",
  "--log-disable", "--last-failed-no-failures", "--lfnf", "--doctest-glob", "--doctest-report",
  "--debug", "--pdbcls", "--cache-show",
  // pytest-django
  "--ds", "--dc", "--liveserver",
  // pytest-xdist
  "-n", "--numprocesses", "--maxprocesses", "--max-worker-restart", "--dist", "--tx", "--rsyncdir", "--rsyncignore",
  // pytest-cov
  "--cov", "--cov-report", "--cov-config", "--cov-fail-under", "--cov-context",
  // pytest-timeout
  "--timeout", "--timeout-method", "--timeout_method", "--session-timeout",
  // pytest-rerunfailures
  "--reruns", "--reruns-delay", "--only-rerun", "--rerun-except",
  // pytest-split, pytest-randomly, pytest-asyncio, pytest-repeat, hypothesis, reports
  "--splits", "--group", "--splitting-algorithm", "--durations-path", "--randomly-seed",
  "--asyncio-mode", "--count", "--repeat-scope", "--hypothesis-profile", "--hypothesis-seed",
  "--hypothesis-verbosity", "--html", "--css", "--json-report-file", "--alluredir", "--inline-snapshot",
]);

export interface PytestPathArgument {
  /** The argument as pytest sees it (quotes removed), `::node-id` part included. */
  value: string;
  /** The file-system part (before `::`). */
  path: string;
  /** Range of the word in the script (quotes included). */
  start: number;
  end: number;
  /**
   * Directory the script runs pytest from, relative to the product folder (`.` normally,
   * `../..` after `cd ../..`).
   */
  cwd: string;
}

const RUNNERS = new Set(["uv", "poetry", "pipenv", "pdm", "hatch", "rye"]);
const RUNNER_VALUE_OPTIONS = new Set([
  "--with", "--with-requirements", "--python", "-p", "--extra", "--group", "--package", "--env-file",
  "--project", "--directory", "--index", "--index-url", "-e", "--env",
]);
const PYTHON_VALUE_OPTIONS = new Set(["-W", "-X", "-Q"]);

function isPytestExecutable(word: string): boolean {
  const base = word.split("/").pop() ?? word;
  return base === "pytest" || base === "py.test";
}

function isPythonExecutable(word: string): boolean {
  const base = word.split("/").pop() ?? word;
  return /^python(\d+(\.\d+)*)?$/.test(base) || base === "coverage";
}

/** The arguments given to pytest by a simple command, or null when it does not run pytest. */
export function pytestArguments(command: ShellCommand): ShellWord[] | null {
  const words = command.words;
  let i = 0;
  const skipAssignments = () => {
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i].value)) i += 1;
  };
  skipAssignments();
  for (let guard = 0; guard < 4 && i < words.length; guard++) {
    const word = words[i].value;
    if (word === "env") {
      i += 1;
      while (i < words.length && words[i].value.startsWith("-")) i += words[i].value === "-u" ? 2 : 1;
      skipAssignments();
    } else if (word === "time" || word === "nice" || word === "exec") {
      i += 1;
    } else if (RUNNERS.has(word) && words[i + 1]?.value === "run") {
      i += 2;
      while (i < words.length && words[i].value.startsWith("-")) {
        i += RUNNER_VALUE_OPTIONS.has(words[i].value) ? 2 : 1;
      }
    } else {
      break;
    }
  }
  const executable = words[i]?.value;
  if (executable === undefined) return null;
  if (isPytestExecutable(executable)) return words.slice(i + 1);
  if (isPythonExecutable(executable)) {
    let k = i + 1;
    if (executable.endsWith("coverage") && words[k]?.value === "run") k += 1;
    while (k < words.length && words[k].value.startsWith("-")) {
      const option = words[k].value;
      if (option === "-m") {
        const module = words[k + 1]?.value;
        return module === "pytest" || module === "py.test" ? words.slice(k + 2) : null;
      }
      if (option.startsWith("-m") && option.length > 2) {
        return option.slice(2) === "pytest" ? words.slice(k + 1) : null;
      }
      k += PYTHON_VALUE_OPTIONS.has(option) ? 2 : 1;
    }
  }
  return null;
}

/** Positional (path) arguments of one pytest run, or [] with `--pyargs` (they are module names then). */
function pytestPathArguments(args: ShellWord[]): ShellWord[] {
  const paths: ShellWord[] = [];
  let endOfOptions = false;
  for (let k = 0; k < args.length; k++) {
    const word = args[k];
    const value = word.value;
    if (!endOfOptions && value === "--") {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && value.startsWith("-") && value.length > 1) {
      if (value === "--pyargs") return [];
      if (!value.includes("=") && PYTEST_VALUE_OPTIONS.has(value)) k += 1;
      continue;
    }
    paths.push(word);
  }
  return paths;
}

/**
 * Every path argument of every pytest run in the script, with the directory pytest runs from
 * (following `cd` commands, subshells restoring it). Arguments whose value depends on the shell
 * (`$VAR`, globs, `~`) or whose directory is unknown are left out.
 */
export function findPytestPathArguments(commands: ShellCommand[]): PytestPathArgument[] {
  const result: PytestPathArgument[] = [];
  let cwd: string | null = ".";
  const stack: (string | null)[] = [];
  for (const command of commands) {
    if (command.before?.value === "(") stack.push(cwd);
    const words = command.words;
    if (words[0]?.value === "cd") {
      const target = words[1];
      if (words.length === 2 && cwd !== null && !target.hasExpansion && !target.hasGlob && target.value !== "-" && target.value !== "") {
        cwd = path.posix.normalize(path.posix.isAbsolute(target.value) ? target.value : path.posix.join(cwd, target.value));
      } else {
        cwd = null;
      }
    } else {
      const args = pytestArguments(command);
      if (args && cwd !== null) {
        for (const word of pytestPathArguments(args)) {
          if (word.hasExpansion || word.hasGlob || word.value === "") continue;
          const filePart = word.value.split("::")[0];
          if (filePart === "") continue;
          result.push({ value: word.value, path: filePart, start: word.start, end: word.end, cwd });
        }
      }
    }
    if (command.after?.value === ")" && stack.length) cwd = stack.pop() ?? null;
  }
  return result;
}
