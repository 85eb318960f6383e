/** The bench's command line: usage on `--help`, a usage error (exit 2) on a bad option, before any tree is generated. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const bench = path.resolve(import.meta.dirname, "../../scripts/bench.js");
const run = (...args: string[]) => spawnSync(process.execPath, [bench, ...args], { encoding: "utf8" });

describe("npm run bench's options", () => {
  it("prints its usage on --help", () => {
    const result = run("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: node scripts\/bench\.js /u);
    expect(result.stdout).toContain("--plugin PATH");
  });

  it.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["--rounds", "0"], "--rounds must be a number >= 1, got 0"],
    [["--seed", "many"], "--seed must be a number >= 0, got many"],
  ])("exits 2 with the problem and the usage on %j", (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Usage: node scripts/bench.js");
    expect(result.stdout).toBe("");
  });
});
