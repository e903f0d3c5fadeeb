// The package's own behaviour: money as bigint both ways, the error class,
// numbers that cannot be exact refused before they reach the module.
import assert from "node:assert/strict";
import { test } from "node:test";

import { CONTRACT_VERSION, InvalidInput, contribution, contributionJson, fine, fineJson } from "jamsos";

// CONTRACT.md §1: BPU, income Rp1,000,000 in 2026-10; PP 50/2025 halves JKK
// (1% → 0.5% = 5,000) and JKM (6,800 → 3,400), 8,400 in all.
const bpu = { period: "2026-10", participant: { category: "bpu", income: 1000000n } };

test("amounts come back as bigint", () => {
  const result = contribution(bpu);
  assert.equal(result.version, 1n);
  assert.equal(result.totals.participant, 8400n);
  assert.equal(typeof result.lines[0].amount, "bigint");
  assert.equal(CONTRACT_VERSION, 1);
});

test("an object, a safe-integer number and the JSON text are one case", () => {
  const text = contributionJson(JSON.stringify({ ...bpu, participant: { category: "bpu", income: 1000000 } }));
  assert.equal(contributionJson(bpu), text);
  assert.equal(contributionJson({ ...bpu, participant: { category: "bpu", income: 1000000 } }), text);
});

test("invalid input throws InvalidInput naming the field", () => {
  // D-4: a declared income is at least Rp1.
  const zero = { period: "2026-10", participant: { category: "bpu", income: 0n } };
  assert.throws(
    () => contribution(zero),
    (e) =>
      e instanceof InvalidInput &&
      e.code === "invalid_amount" &&
      e.field === "participant.income" &&
      e.document.error.code === "invalid_amount",
  );
  assert.ok(contributionJson(zero).startsWith('{"error":{"code":"invalid_amount"'));
  assert.throws(() => fine("{"), (e) => e instanceof InvalidInput && e.code === "invalid_json" && e.field === null);
});

test("a bigint past 2^53 reaches the module with every digit", () => {
  // The contract caps a monthly amount at Rp1,000,000,000,000; 2^53 + 1
  // arrives exactly (not rounded to 2^53) and is refused with its field.
  const late = { category: "pu", period: "2025-01", amount: 9007199254740993n, paid_on: "2025-03-10" };
  assert.throws(() => fine(late), (e) => e instanceof InvalidInput && e.field === "amount");
  assert.equal(fineJson(late), fineJson('{"category":"pu","period":"2025-01","amount":9007199254740993,"paid_on":"2025-03-10"}'));
});

test("an integer number past 2^53 is refused before the module", () => {
  const late = { category: "pu", period: "2025-01", amount: 2 ** 53 + 2, paid_on: "2025-03-10" };
  assert.throws(() => fine(late), (e) => e instanceof RangeError && /amount/.test(e.message));
  assert.throws(() => fine({ ...late, amount: Number.NaN }), TypeError);
});
