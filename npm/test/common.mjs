// Shared by the tests: the golden cases of testdata/ and the command line.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "lossless-json";

export const repo = fileURLToPath(new URL("../../", import.meta.url));
export const jamsosBin = process.env.JAMSOS_BIN || `${repo}target/release/jamsos`;

function jsonFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = `${dir}/${name}`;
      if (statSync(path).isDirectory()) return jsonFiles(path);
      return name.endsWith(".json") ? [path] : [];
    });
}

/**
 * Every golden case: `{file, name, command, input, expect}`, `input` the
 * case's JSON text with its numbers exactly as written in the file
 * (lossless-json keeps `5000000.0` as it is).
 */
export function goldenCases() {
  return jsonFiles(`${repo}testdata`).flatMap((file) =>
    parse(readFileSync(file, "utf8")).map((c) => ({
      file: file.slice(repo.length),
      name: c.name,
      command: c.command,
      input: stringify(c.input),
      expect: c.expect,
    })),
  );
}

/** The command line's answer: `{status, stdout}` (stdout without its newline). */
export function cli(command, input) {
  const run = spawnSync(jamsosBin, [command], { input, encoding: "utf8" });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout.replace(/\n$/, "") };
}
