// The TypeScript declarations: contract.d.ts is what tools/gen-types.mjs
// makes of docs/contract-v1.schema.json today, and the TypeScript compiler
// accepts every valid golden input as its input type and the module's
// answer to it as its result type, and refuses a misspelled field.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { parse, parseNumberAndBigInt, stringify } from "lossless-json";

import * as jamsos from "jamsos";
import { generate } from "../tools/gen-types.mjs";
import { goldenCases } from "./common.mjs";

const pkg = fileURLToPath(new URL("../", import.meta.url));
const tsc = join(pkg, "node_modules", "typescript", "bin", "tsc");

const inputType = { contribution: "ContributionCase", eligibility: "EligibilityCase", benefit: "BenefitClaim", fine: "LatePayment" };
const resultType = { contribution: "ContributionResult", eligibility: "EligibilityResult", benefit: "BenefitResult", fine: "FineResult" };

// A JavaScript literal of a parsed document, integers as bigint literals.
function literal(value) {
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${literal(v)}`).join(", ")}}`;
  }
  return JSON.stringify(value);
}

function compile(source) {
  const dir = mkdtempSync(join(tmpdir(), "jamsos-types-"));
  const file = join(dir, "check.mts");
  writeFileSync(file, source);
  return spawnSync(process.execPath, [tsc, "--noEmit", "--strict", "--target", "es2020", "--module", "nodenext",
    "--moduleResolution", "nodenext", "--skipLibCheck", "false", file], { encoding: "utf8" });
}

test("contract.d.ts is generated from the schema as it is now", () => {
  assert.equal(readFileSync(join(pkg, "contract.d.ts"), "utf8"), generate());
});

test("every valid golden input and its result type-check", () => {
  const lines = [`import type * as J from ${JSON.stringify(join(pkg, "index.js"))};`];
  let n = 0;
  for (const c of goldenCases().filter((c) => c.command !== "projection") /* the npm package does not export projection yet (docs/PYTHON.md) */) {
    if (c.expect.error) continue;
    const doc = parse(c.input, undefined, parseNumberAndBigInt);
    if (stringify(doc) !== c.input) continue;
    const result = jamsos[c.command](doc);
    lines.push(`export const in${n}: J.${inputType[c.command]} = ${literal(doc)};`);
    lines.push(`export const out${n}: J.${resultType[c.command]} = ${literal(result)};`);
    n += 1;
  }
  assert.ok(n > 400, `${n} cases`);
  const run = compile(lines.join("\n"));
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test("a misspelled field does not type-check", () => {
  const source = `import type * as J from ${JSON.stringify(join(pkg, "index.js"))};
export const bad: J.ContributionCase = { period: "2026-04", participant: { category: "bpu", incme: 1000000n } };`;
  const run = compile(source);
  assert.notEqual(run.status, 0);
  assert.match(run.stdout, /incme/);
});
