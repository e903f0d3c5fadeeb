// Browser tests of the simulator page (web/), in headless Debian Chromium.
//
// For every worker category it fills the form from acceptance cases (the
// repository's examples and golden cases from testdata/), reads the amounts
// the page shows, runs `jamsos contribution` on the same case, and requires
// every line's amount by payer and every total to be equal. It also checks
// that invalid input shows the contract's error instead of a result, that
// the language switch changes the words and not the amounts, that the page
// asks nothing of any server but the local one, and it saves a full-page
// screenshot per category (and at phone width) as test artifacts.
//
// Environment: JAMSOS_BIN (the built `jamsos` binary; default
// target/release/jamsos), CHROMIUM (default /usr/bin/chromium), ARTIFACT_DIR
// (default target/browser-artifacts).
//
// Run: node web/tests/browser.mjs (after web/build.sh); exits 1 on failure.

import { chromium } from "playwright-core";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { boothTests } from "./booth.mjs";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const jamsos = process.env.JAMSOS_BIN || join(repo, "target/release/jamsos");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const artifacts = process.env.ARTIFACT_DIR || join(repo, "target/browser-artifacts");

// Chromium on a closed network: no background services, no QUIC, no sandbox
// (CI runs as root), a fresh profile every launch (Playwright's default).
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// ------------------------------------------------------------ the cases

const example = (name) => ({
  name: `examples/data/${name}.json`,
  input: JSON.parse(readFileSync(join(repo, "examples/data", `${name}.json`), "utf8")),
});

// A golden case by name, from testdata/<category>/<file>.json.
function golden(file, name) {
  const cases = JSON.parse(readFileSync(join(repo, "testdata", file), "utf8"));
  const found = cases.find((c) => c.name === name);
  if (!found) throw new Error(`no case ${name} in testdata/${file}`);
  return { name: `testdata/${file}: ${name}`, input: found.input };
}

// The acceptance cases of each category; the first one is screenshotted.
const CASES = {
  pu: [
    example("pu-medium-factory"),
    golden("pu/pp49_2020.json", "pp49-billed-and-deferred-rounded-separately"),
    golden("pu/jkp.json", "jkp-regime-pp37-2025-01-jkm-allocation-present"),
    golden("pu/foreigners.json", "wna-large-jp-for-foreigners-true"),
    golden("pu/due_dates.json", "due-2025-03-holidays-two-holidays"),
  ],
  bpu: [
    example("bpu-market-trader"),
    golden("bpu/pp50_2025.json", "bpu-pp50-transport-2026-01-first-discount-month"),
    golden("bpu/prepay.json", "bpu-prepay-3-other-from-2026-02-spans-discount-start"),
    golden("bpu/subsidised.json", "bpu-subsidised-jht-stays-with-participant"),
  ],
  jakon: [
    example("jakon-contract"),
    golden("jakon/wage.json", "jakon-wage-3333333-rounds"),
    golden("jakon/contract_tiers.json", "jakon-contract-100-trillion-maximum"),
    golden("jakon/wage.json", "jakon-wage-holiday-on-15th"),
  ],
  pmi: [
    example("pmi-agency"),
    golden("pmi/permenaker_18_2018.json", "pmi-18-2018-agency-18-months"),
    golden("pmi/jht.json", "pmi-jht-with-extension"),
  ],
};

// ------------------------------------------------------------ helpers

let passed = 0;
let failed = 0;
const screenshots = [];

async function test(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${String(e && e.stack ? e.stack : e).split("\n").join("\n     ")}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function assertEqual(got, want, what) {
  const g = JSON.stringify(got);
  const w = JSON.stringify(want);
  if (g !== w) throw new Error(`${what}: page shows ${g}, command line says ${w}`);
}

// `jamsos <command>` on a document: its exit code and standard output.
function cli(command, input) {
  const run = spawnSync(jamsos, [command], { input, encoding: "utf8" });
  if (run.error) throw run.error;
  return { code: run.status, out: run.stdout.trim() };
}

// An amount as the page shows it, checked to be in the Indonesian form
// `Rp1.234.567`, as the integer text it stands for.
function shownRupiah(text, where) {
  const trimmed = text.trim();
  assert(/^-?Rp\d{1,3}(\.\d{3})*$/.test(trimmed), `${where}: "${trimmed}" is not written as Rp1.234.567`);
  return trimmed.replace(/[^\d-]/g, "");
}

// Starts `jamsos serve` on a port the system picks; resolves to its URL.
function startServer() {
  const server = spawn(jamsos, ["serve", "--port", "0", "--dir", join(repo, "web")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error("jamsos serve printed no address in 10 s")), 10_000);
    server.on("error", reject);
    server.on("exit", (code) => reject(new Error(`jamsos serve exited with ${code}`)));
    createInterface({ input: server.stdout }).once("line", (line) => {
      clearTimeout(timer);
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(line);
      if (!match) reject(new Error(`no address in "${line}"`));
      else resolveUrl({ server, url: match[0] });
    });
  });
}

// ------------------------------------------------------------ the page

async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  page.problems = problems;
  return page;
}

const field = (path) => `[data-testid="field-${path}"]`;

// Opens "advanced settings" when a field is inside it.
async function reveal(page, selector) {
  const inDetails = await page.$eval(selector, (el) => {
    const details = el.closest("details");
    return details !== null && !details.open;
  });
  if (inDetails) await page.click("details.advanced > summary");
}

async function setField(page, path, value) {
  const selector = field(path);
  await reveal(page, selector);
  const kind = await page.$eval(selector, (el) => (el.tagName === "SELECT" ? "select" : el.type));
  if (kind === "checkbox") await page.setChecked(selector, value === true);
  else if (kind === "select") await page.selectOption(selector, String(value));
  else if (Array.isArray(value)) await page.fill(selector, value.join("\n"));
  else await page.fill(selector, String(value));
}

// Types a case into the form, the way a person would.
async function fillCase(page, input) {
  const p = input.participant;
  await page.check(`[data-testid="category-${p.category}"]`);
  if (input.period !== undefined) await page.fill(field("period"), input.period);
  if (p.method) await page.check(`[data-testid="field-participant.method-${p.method}"]`);
  for (const [key, value] of Object.entries(p)) {
    if (key === "category" || key === "method") continue;
    if (key === "opt_in") {
      for (const program of value) await page.check(`[data-testid="field-participant.opt_in-${program}"]`);
      continue;
    }
    await setField(page, `participant.${key}`, value);
  }
  for (const [key, value] of Object.entries(input.options || {})) {
    const path = `options.${key}`;
    // The form has no `months` field outside BPU, since only BPU may pay
    // ahead (CONTRACT.md §1); a case that states the default there says
    // nothing the form could.
    if (OPTION_DEFAULTS[path] === value && !(await page.isVisible(field(path)))) {
      const inDetails = await page.$eval(field(path), (el) => el.closest("details") !== null);
      if (!inDetails) continue;
    }
    await setField(page, path, value);
  }
}

// Contract defaults of options (CONTRACT.md §1), for the check above and
// for comparing the document the page sent with the case.
const OPTION_DEFAULTS = { "options.months": 1, "options.jp_for_foreigners": false };

async function submit(page) {
  await page.click('[data-testid="submit"]');
  await page.waitForSelector('[data-testid="result"]:not([hidden]), [data-testid="error"]:not([hidden])');
}

// What the result shows: each line (program, payer, period, amount as
// shown, source), the deferred lines, and the totals by payer.
async function readShown(page) {
  const readLines = (testid) =>
    page.$$eval(`[data-testid="${testid}"]`, (rows) =>
      rows.map((r) => ({
        program: r.dataset.program,
        payer: r.dataset.payer,
        period: r.dataset.period,
        amountText: r.querySelector('[data-testid="line-amount"]').textContent,
        source: r.querySelector('[data-testid="line-source"]').textContent,
      })),
    );
  const lines = await readLines("line");
  const deferred = await readLines("deferred-line");
  const totals = {};
  for (const payer of ["employer", "worker", "participant", "government"]) {
    totals[payer] = await page.textContent(`[data-testid="total-${payer}"] [data-testid="total-amount"]`);
  }
  return { lines, deferred, totals };
}

function compareWithCli(shown, expected, label) {
  const lineView = (lines, where) =>
    lines.map((l, i) => ({
      program: l.program,
      payer: l.payer,
      period: l.period,
      amount: l.amountText !== undefined ? shownRupiah(l.amountText, `${label} ${where} ${i + 1}`) : String(l.amount),
      source: l.source,
    }));
  assertEqual(lineView(shown.lines, "line"), lineView(expected.lines, "line"), `${label}: lines`);
  assertEqual(lineView(shown.deferred, "deferred"), lineView(expected.deferred, "deferred"), `${label}: deferred lines`);
  const totals = Object.fromEntries(
    Object.entries(shown.totals).map(([payer, text]) => [payer, shownRupiah(text, `${label} total ${payer}`)]),
  );
  const want = Object.fromEntries(Object.entries(expected.totals).map(([payer, n]) => [payer, String(n)]));
  assertEqual(totals, want, `${label}: totals`);
}

// ------------------------------------------------------------ defects

// The simulator's defects listed in issue 17, each fixed and checked here.
async function simulatorDefectTests({ context, browser, url }) {
  const pu = example("pu-medium-factory").input;

  await test("simulator: on a 1280×900 desktop the result is brought into view and uses the width", async () => {
    const page = await openPage(context, url);
    await fillCase(page, pu);
    await submit(page);
    await page.waitForTimeout(300);
    const box = await page.evaluate(() => {
      const r = document.querySelector('[data-testid="result"]').getBoundingClientRect();
      return { top: r.top, width: r.width, inner: window.innerHeight };
    });
    // Scrolled to its top (within a pixel of rounding), not above the window.
    assert(box.top >= -1 && box.top < box.inner / 2, `the result's top is at ${box.top} px of a ${box.inner} px window`);
    assert(box.width >= 700, `the result is only ${box.width} px wide at 1280 px`);
    await page.close();
  });

  await test("simulator: JKP without a registration date says what is missing, not 'Tidak berhak'", async () => {
    const page = await openPage(context, url);
    const input = structuredClone(pu);
    delete input.participant.registered_on;
    await fillCase(page, input);
    await submit(page);
    const status = (await page.textContent('[data-testid="program-jkp"] [data-testid="program-status"]')).trim();
    assertEqual(status, "Belum dapat ditentukan", "JKP status");
    assert((await page.textContent('[data-testid="program-jkp"] [data-testid="program-missing"]')).includes("tanggal pertama terdaftar"),
      "names the missing date");
    // With the date it is a verdict again (D-13): the example's worker is a participant.
    await page.fill(field("participant.registered_on"), pu.participant.registered_on);
    await submit(page);
    assertEqual((await page.textContent('[data-testid="program-jkp"] [data-testid="program-status"]')).trim(), "Wajib", "JKP with the date");
    await page.close();
  });

  await test("simulator: the claim form opens with no event chosen", async () => {
    const page = await openPage(context, url);
    await fillCase(page, pu);
    await submit(page);
    assertEqual(await page.inputValue('[data-testid="claim-benefit"]'), "jkk", "benefit");
    assertEqual(await page.inputValue('[data-testid="claim-jkk.event"]'), "", "JKK event");
    assertEqual(await page.inputValue('[data-testid="claim-jht.trigger"]'), "", "JHT trigger");
    // Submitting without a choice: the module says the event is missing.
    await page.click('[data-testid="claim-submit"]');
    await page.waitForSelector('[data-testid="claim-error"]:not([hidden])');
    assertEqual(await page.textContent('[data-testid="claim-error-code"]'), "missing_field", "claim error");
    await page.close();
  });

  await test("simulator: the PMI result shows the one-off package apart from the monthly JHT", async () => {
    const page = await openPage(context, url);
    const input = example("pmi-agency").input;
    await fillCase(page, input);
    await submit(page);
    const expected = JSON.parse(cli("contribution", JSON.stringify(input)).out);
    const once = expected.lines.filter((l) => l.program === "jkk_jkm").map((l) => String(l.amount));
    const monthly = expected.lines.filter((l) => l.program === "jht").map((l) => String(l.amount));
    assert(monthly.length === 1, "the example has a monthly JHT");
    assertEqual(await page.$$eval('[data-testid="pmi-one-off"]', (e) => e.map((x) => x.dataset.amount)), once, "one-off package");
    assertEqual(await page.$$eval('[data-testid="pmi-monthly"]', (e) => e.map((x) => x.dataset.amount)), monthly, "monthly JHT");
    await page.close();
  });

  await test("simulator: all form errors at once (a wage with decimals and no birth date)", async () => {
    const page = await openPage(context, url);
    await fillCase(page, { period: "2025-04", participant: { category: "pu", wage: "5000000,50", risk_class: 2, scale: "large" } });
    await submit(page);
    assertEqual(await page.textContent('[data-testid="error-code"]'), "invalid_type", "first error");
    const more = await page.$$eval('[data-testid="error-item"]', (e) => e.map((x) => `${x.dataset.code} ${x.dataset.field}`));
    assertEqual(more, ["missing_field participant.birth_date"], "the other error");
    for (const path of ["participant.wage", "participant.birth_date"]) {
      assertEqual(await page.getAttribute(field(path), "aria-invalid"), "true", `${path} marked`);
    }
    // The module's English detail is one tap away, not in the worker's view.
    assert(!(await page.isVisible('[data-testid="error-detail"]')), "English detail folded");
    await page.close();
  });

  await test("simulator: a shorter result on a 390×844 phone, no rule ids in view, screenshots", async () => {
    for (const [width, height] of [[390, 844], [1280, 900]]) {
      const ctx = await browser.newContext({ viewport: { width, height } });
      const page = await openPage(ctx, url);
      await fillCase(page, pu);
      await submit(page);
      const visible = await page.evaluate(() => document.querySelector('[data-testid="result"]').innerText);
      assert(!/\bpu\.[a-z_]+\.[a-z0-9_]+/.test(visible), "a rule id is visible");
      const open = await page.$eval('[data-testid="lines-section"]', (d) => d.open);
      const folded = await page.$eval('[data-testid="result"]', (r) => r.getBoundingClientRect().height);
      if (width === 390) {
        assert(!open, "the line table is folded on a phone");
        await page.click('[data-testid="lines-section"] > summary');
        const unfolded = await page.$eval('[data-testid="result"]', (r) => r.getBoundingClientRect().height);
        assert(folded < unfolded * 0.75, `folded ${folded} px vs unfolded ${unfolded} px`);
        await page.click('[data-testid="lines-section"] > summary');
      } else {
        assert(open, "the line table is open on a desktop");
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      const file = join(artifacts, `simulator-pu-${width}x${height}.png`);
      await page.screenshot({ path: file, fullPage: true });
      screenshots.push(file);
      await ctx.close();
    }
  });
}

// ------------------------------------------------------------ main

async function main() {
  for (const [what, path] of [["jamsos binary", jamsos], ["Chromium", chromiumPath], ["web/pkg (run web/build.sh)", join(repo, "web/pkg/jamsos_wasm_bg.wasm")]]) {
    if (!existsSync(path)) {
      console.error(`browser tests: ${what} not found at ${path}`);
      process.exit(1);
    }
  }
  mkdirSync(artifacts, { recursive: true });
  const { server, url } = await startServer();
  const origin = new URL(url).origin;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));

  try {
    for (const [category, cases] of Object.entries(CASES)) {
      for (const [index, c] of cases.entries()) {
        await test(`${category}: ${c.name} — page amounts equal jamsos contribution`, async () => {
          const page = await openPage(context, url);
          await fillCase(page, c.input);
          await submit(page);
          const error = await page.isVisible('[data-testid="error"]');
          assert(!error, `the page shows an error: ${error && (await page.textContent('[data-testid="error"]'))}`);
          const expected = cli("contribution", JSON.stringify(c.input));
          assert(expected.code === 0, `jamsos contribution exited ${expected.code}: ${expected.out}`);
          compareWithCli(await readShown(page), JSON.parse(expected.out), c.name);

          // The form produced the case: every field of the case is in the
          // document the page sent, with the same value.
          const sent = JSON.parse(await page.textContent('[data-testid="json-input"]'));
          for (const [key, value] of Object.entries(c.input.participant)) {
            assertEqual(sent.participant[key], value, `${c.name}: participant.${key} sent`);
          }
          assertEqual(sent.period, c.input.period, `${c.name}: period sent`);
          for (const [key, value] of Object.entries(c.input.options || {})) {
            const got = sent.options && key in sent.options ? sent.options[key] : OPTION_DEFAULTS[`options.${key}`];
            assertEqual(got, value, `${c.name}: options.${key} sent`);
          }
          // And the module answered that document with the command line's
          // bytes.
          const pageOut = await page.textContent('[data-testid="json-output"]');
          const cliOnSent = cli("contribution", JSON.stringify(sent));
          assertEqual(JSON.parse(pageOut), JSON.parse(cliOnSent.out), `${c.name}: result document`);

          if (index === 0) {
            const file = join(artifacts, `${category}.png`);
            await page.screenshot({ path: file, fullPage: true });
            screenshots.push(file);
            await page.setViewportSize({ width: 360, height: 800 });
            const phone = join(artifacts, `${category}-360.png`);
            await page.screenshot({ path: phone, fullPage: true });
            screenshots.push(phone);
            // Nothing may stick out sideways on a phone.
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert(overflow <= 0, `at 360 px the page is ${overflow} px too wide`);
          }
          assert(page.problems.length === 0, page.problems.join("; "));
          await page.close();
        });
      }
    }

    await test("invalid input: BPU income 0 shows invalid_amount, not a result (D-4)", async () => {
      const page = await openPage(context, url);
      await fillCase(page, { period: "2026-05", participant: { category: "bpu", income: 0 } });
      await submit(page);
      assert(await page.isVisible('[data-testid="error"]'), "no error shown");
      assert(!(await page.isVisible('[data-testid="result"]')), "a result is shown as well");
      assertEqual(await page.textContent('[data-testid="error-code"]'), "invalid_amount", "error code");
      const cliAnswer = cli("contribution", JSON.stringify({ period: "2026-05", participant: { category: "bpu", income: 0 } }));
      assertEqual(cliAnswer.code, 2, "command line exit code");
      const cliError = JSON.parse(cliAnswer.out).error;
      assertEqual(await page.textContent('[data-testid="error-detail"]'), cliError.message, "error message");
      assertEqual(await page.textContent('[data-testid="error-message"]'),
        "Jumlah uang tidak valid.", "error message in Indonesian");
      assertEqual(await page.textContent('[data-testid="error-field"]'), "Penghasilan sebulan yang dilaporkan (Rp)", "field named");
      assertEqual(await page.getAttribute(field("participant.income"), "aria-invalid"), "true", "field marked invalid");
      await page.close();
    });

    await test("invalid input: an empty required field (PU wage) shows missing_field", async () => {
      const page = await openPage(context, url);
      await fillCase(page, { period: "2025-04", participant: { category: "pu", birth_date: "1990-05-17", risk_class: 2, scale: "large" } });
      await submit(page);
      assert(!(await page.isVisible('[data-testid="result"]')), "a result is shown");
      assertEqual(await page.textContent('[data-testid="error-code"]'), "missing_field", "error code");
      assertEqual(await page.textContent('[data-testid="error-field"]'), "Upah sebulan (Rp)", "field named");
      await page.close();
    });

    await test("invalid input: a wage with decimals shows invalid_type; a good case then replaces the error", async () => {
      const page = await openPage(context, url);
      await fillCase(page, { period: "2025-04", participant: { category: "pu", birth_date: "1990-05-17", wage: "5000000,50", risk_class: 2, scale: "large" } });
      await submit(page);
      assertEqual(await page.textContent('[data-testid="error-code"]'), "invalid_type", "error code");
      await page.fill(field("participant.wage"), "5.000.000");
      await submit(page);
      assert(!(await page.isVisible('[data-testid="error"]')), "the old error is still shown");
      assert(await page.isVisible('[data-testid="result"]'), "no result");
      await page.close();
    });

    await test("language switch: Indonesian by default, English on click, amounts unchanged", async () => {
      const page = await openPage(context, url);
      const check = async (lang, strings) => {
        assertEqual(await page.getAttribute("html", "lang"), lang, "html lang");
        for (const [selector, text] of strings) assertEqual((await page.textContent(selector)).trim(), text, `${lang} ${selector}`);
      };
      const indonesian = [
        ["h1", "Simulator Iuran BPJS Ketenagakerjaan"],
        ['[data-testid="submit"]', "Hitung iuran"],
        ['[data-testid="lang-switch"]', "English"],
        ['label[for="f-period"]', "Bulan iuran"],
      ];
      const english = [
        ["h1", "BPJS Ketenagakerjaan Contribution Simulator"],
        ['[data-testid="submit"]', "Calculate contributions"],
        ['[data-testid="lang-switch"]', "Bahasa Indonesia"],
        ['label[for="f-period"]', "Contribution month"],
      ];
      await check("id", indonesian);
      await fillCase(page, example("pu-medium-factory").input);
      await submit(page);
      const before = await readShown(page);
      assertEqual(await page.textContent('[data-testid="total-employer"] .total-label'), "Pemberi kerja", "payer label (id)");
      assert((await page.textContent('[data-testid="due-date"]')).includes("15 Mei 2025"), "due date in Indonesian");
      await page.click('[data-testid="lang-switch"]');
      await check("en", english);
      assertEqual(await page.textContent('[data-testid="total-employer"] .total-label'), "Employer", "payer label (en)");
      assert((await page.textContent('[data-testid="due-date"]')).includes("15 May 2025"), "due date in English");
      assertEqual(await readShown(page), before, "amounts after switching to English");
      await page.click('[data-testid="lang-switch"]');
      await check("id", indonesian);
      assertEqual(await readShown(page), before, "amounts after switching back");
      assert(page.problems.length === 0, page.problems.join("; "));
      await page.close();
    });

    await test("claims: a JKP claim from the PU example pays what jamsos benefit says", async () => {
      const page = await openPage(context, url);
      await fillCase(page, example("pu-medium-factory").input);
      await submit(page);
      await page.selectOption('[data-testid="claim-benefit"]', "jkp");
      await page.fill('[data-testid="claim-jkp.months_paid_last_24"]', "24");
      await page.fill('[data-testid="claim-jkp.consecutive_months_before_dismissal"]', "24");
      await page.click('[data-testid="claim-submit"]');
      await page.waitForSelector('[data-testid="claim-result"]:not([hidden]), [data-testid="claim-error"]:not([hidden])');
      // Prefilled from the case: dismissal on the period's first day, the
      // claim a month later, the case's wage.
      const claim = {
        benefit: "jkp", claim_date: "2025-05-01", dismissal_date: "2025-04-01", reason: "dismissal",
        wage: 12000000, months_paid_last_24: 24, consecutive_months_before_dismissal: 24,
      };
      const expected = JSON.parse(cli("benefit", JSON.stringify(claim)).out);
      assertEqual(await page.getAttribute('[data-testid="claim-eligible"]', "data-eligible"), String(expected.eligible), "eligible");
      const total = shownRupiah(await page.textContent('[data-testid="claim-total"]'), "claim total");
      assertEqual(total, String(expected.total), "claim total");
      const payments = await page.$$eval('[data-testid="claim-payment"]', (rows) => rows.map((r) => r.dataset.amount));
      assertEqual(payments, expected.payments.map((p) => String(p.amount)), "claim payments");
      await page.close();
    });

    await simulatorDefectTests({ context, browser, url });

    await boothTests({
      context, browser, url, test, assert, assertEqual, cli, shownRupiah, artifacts, screenshots, jamsos, openPage,
    });

    await test("no network requests except to the local server", async () => {
      const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("data:"));
      assert(requests.length > 0, "no requests were seen at all");
      assert(foreign.length === 0, `requests to other servers: ${foreign.join(", ")}`);
    });
  } finally {
    await browser.close();
    server.kill();
  }

  console.log(`\nscreenshots (${artifacts}):`);
  for (const file of screenshots) console.log(`  ${file}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(`browser tests: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
