// The bundler entry (browser.js) fetches the module beside its glue with
// `new URL(..., import.meta.url)`; here Node's fetch is given the file, as a
// bundler's asset server would serve it, and the answers are the node entry's.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as node from "jamsos";

test("browser.js answers as node.js", async () => {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) =>
    new Response(readFileSync(new URL(url)), { headers: { "Content-Type": "application/wasm" } });
  try {
    const browser = await import("../browser.js");
    const late = { category: "pu", period: "2025-01", amount: 1000000n, paid_on: "2025-03-10" };
    // D-29: one month late at 2% of Rp1,000,000.
    assert.equal(browser.fine(late).fine, 20000n);
    assert.deepEqual(browser.fine(late), node.fine(late));
    assert.equal(browser.CONTRACT_VERSION, 1);
  } finally {
    globalThis.fetch = realFetch;
  }
});
