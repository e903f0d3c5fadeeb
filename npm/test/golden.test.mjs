// Every golden case of testdata/ through the package equals the `jamsos`
// command line: the *Json functions byte for byte, the parsed functions as
// the command line's document read with integers as bigint, invalid input
// as an InvalidInput carrying the command line's error. The cases' own
// expectations (each citing its rule) are checked for the values they give.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parse, parseNumberAndBigInt, stringify } from "lossless-json";

import * as jamsos from "jamsos";
import { cli, goldenCases } from "./common.mjs";

const cases = goldenCases().filter((c) => c.command !== "projection") /* the npm package does not export projection yet (docs/PYTHON.md) */;

// Integers as bigint, as the package answers.
const big = (value) => parse(stringify(value), undefined, parseNumberAndBigInt);

test("there are golden cases of every command", () => {
  const commands = new Set(cases.map((c) => c.command));
  assert.deepEqual([...commands].sort(), ["benefit", "contribution", "eligibility", "fine"]);
  assert.ok(cases.length >= 600, `${cases.length} cases`);
});

for (const file of [...new Set(cases.map((c) => c.file))]) {
  test(`golden cases of ${file} equal the command line`, () => {
    for (const c of cases.filter((k) => k.file === file)) {
      const what = `${c.file}: ${c.name}`;
      const expected = cli(c.command, c.input);
      assert.equal(jamsos[`${c.command}Json`](c.input), expected.stdout, what);

      const cliDoc = parse(expected.stdout, undefined, parseNumberAndBigInt);
      // The same document as an object, integers as bigint, when it reads
      // back to the same text (a case written `5000000.0` is kept as text).
      const object = parse(c.input, undefined, parseNumberAndBigInt);
      const inputs = stringify(object) === c.input ? [c.input, object] : [c.input];
      for (const input of inputs) {
        if (expected.status === 2) {
          assert.throws(
            () => jamsos[c.command](input),
            (e) =>
              e instanceof jamsos.InvalidInput &&
              e instanceof Error &&
              e.code === cliDoc.error.code &&
              e.field === cliDoc.error.field &&
              e.message === cliDoc.error.message,
            what,
          );
        } else {
          assert.equal(expected.status, 0, what);
          assert.deepEqual(jamsos[c.command](input), cliDoc, what);
        }
      }

      const want = big(c.expect);
      if (want.error) {
        assert.equal(cliDoc.error?.code, want.error.code, what);
        if ("field" in want.error) assert.equal(cliDoc.error.field, want.error.field, what);
        continue;
      }
      for (const key of ["due_date", "fine", "months_late", "total", "eligible", "earliest_claim_date", "pension_age_reached_on", "last_jp_period", "jkp_participant"]) {
        if (key in want) assert.deepEqual(cliDoc[key], want[key], `${what}: ${key}`);
      }
      if (want.totals) {
        for (const [payer, amount] of Object.entries(want.totals)) {
          assert.equal(cliDoc.totals[payer], amount, `${what}: totals.${payer}`);
        }
      }
    }
  });
}
