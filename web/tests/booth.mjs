// Browser tests of the booth page (web/booth.html), run by browser.mjs with
// its server, browser and helpers.
//
// - The booth flow for a trader declaring Rp900.000, Rp2.150.000 and
//   Rp25.000.000: every package amount the page shows is `jamsos
//   contribution`'s answer for the same case, and in January 2027 (no
//   PP 50/2025 discount for traders) the one-month packages are the income
//   table's amounts (REGULATIONS.md §4.1, D-17): rows 1, 7 and 33.
// - Offline: after one visit, with the network cut, the page loads and
//   computes the same amounts.
// - Enrolment: saved in the browser, an invalid NIK refused with the
//   module's invalid_nik, the exported roster run through `jamsos batch
//   --allow-extra-columns` with every row ok, then cleared.
// - Screenshots at 390×844 and 1280×900.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { readFileSync } from "node:fs";

// The hand-worked table amounts (REGULATIONS.md §4.1; D-17, D-18): the row's
// nominal base, JKK 1% of it, JKM Rp6,800, JHT 2% of it; period 2027-01 has
// no PP 50/2025 discount for sector "other" (D-21).
const TABLE = [
  { income: "900000", typed: "900.000", base: "1000000", basic: "16800", jht: "36800" },
  { income: "2150000", typed: "2150000", base: "2200000", basic: "28800", jht: "72800" },
  { income: "25000000", typed: "Rp25.000.000", base: "20700000", basic: "213800", jht: "627800" },
];

const MONTHS = [1, 3, 6, 12];
const PACKAGES = ["basic", "jht"];

// Rule ids look like `bpu.jkk.rate`: none may be visible to the worker.
const RULE_ID = /\b(pu|bpu|jakon|pmi|jkk|jkm|jht|jp|jkp)\.[a-z0-9_]+(\.[a-z0-9_]+)?\b/;

export async function boothTests(t) {
  const { context, browser, url, test, assert, assertEqual, cli, shownRupiah, artifacts, screenshots, jamsos, openPage } = t;
  const boothUrl = new URL("booth.html", url).href;

  async function ask(page, income, period, sector = "other") {
    await page.fill('[data-testid="booth-income"]', income);
    await page.selectOption('[data-testid="booth-sector"]', sector);
    await page.fill('[data-testid="booth-period"]', period);
    await page.click('[data-testid="booth-submit"]');
    await page.waitForSelector('[data-testid="booth-result"]:not([hidden]), [data-testid="booth-error"]:not([hidden])');
  }

  function caseFor(income, period, months, pkg, sector = "other") {
    const participant = { category: "bpu", income: Number(income), sector };
    if (pkg === "jht") participant.opt_in = ["jht"];
    const doc = { period, participant };
    if (months !== 1) doc.options = { months };
    return doc;
  }

  // Every package cell against the command line.
  async function packagesEqualCli(page, income, period, sector = "other") {
    const shown = {};
    for (const months of MONTHS) {
      for (const pkg of PACKAGES) {
        const cell = `[data-testid="pkg-${months}-${pkg}"]`;
        const text = await page.textContent(`${cell} [data-testid="pkg-amount"]`);
        const amount = shownRupiah(text, `${income} ${months} ${pkg}`);
        assertEqual(await page.getAttribute(cell, "data-amount"), amount, `${cell} data-amount`);
        const answer = cli("contribution", JSON.stringify(caseFor(income, period, months, pkg, sector)));
        assertEqual(answer.code, 0, `jamsos contribution for ${income} ${months} ${pkg}: ${answer.out}`);
        assertEqual(amount, String(JSON.parse(answer.out).totals.participant), `${income}, ${months} months, ${pkg}`);
        shown[`${months}-${pkg}`] = amount;
      }
    }
    return shown;
  }

  for (const row of TABLE) {
    await test(`booth: a trader declaring Rp${row.income} sees the table's amounts, equal to jamsos contribution`, async () => {
      const page = await openPage(context, boothUrl);
      await ask(page, row.typed, "2027-01");
      assert(!(await page.isVisible('[data-testid="booth-error"]')),
        `the page shows an error: ${await page.textContent('[data-testid="booth-error"]')}`);
      const shown = await packagesEqualCli(page, row.income, "2027-01");
      assertEqual(shown["1-basic"], row.basic, "one month JKK + JKM (income table, D-17)");
      assertEqual(shown["1-jht"], row.jht, "one month JKK + JKM + JHT (income table, D-17)");
      assert((await page.textContent('[data-testid="booth-base"]')).includes(
        `Rp${row.base.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`), "the base paid on is the row's nominal base");
      // In December 2026 the PP 50/2025 discount applies to the first month
      // of every package (D-21); the page still shows the module's amounts.
      await ask(page, row.typed, "2026-12");
      await packagesEqualCli(page, row.income, "2026-12");
      assert(await page.isVisible('[data-testid="booth-discount"]'), "the discount is named");
      // What each program pays, in words: no rule id in the worker's view.
      const visible = await page.evaluate(() => document.querySelector("main").innerText);
      assert(!RULE_ID.test(visible), `a rule id is visible: ${RULE_ID.exec(visible)}`);
      for (const id of ["jkk", "jkm", "jht"]) {
        assert(await page.isVisible(`[data-testid="benefit-${id}"]`), `benefit ${id} shown`);
      }
      // JKM: PP 82/2019's Rp42.000.000 for a death not caused by work.
      const jkm = await page.textContent('[data-testid="benefit-jkm"]');
      const death = JSON.parse(cli("benefit", JSON.stringify({ benefit: "jkm", claim_date: "2026-12-01",
        death_date: "2026-12-01", contribution_months: 36, children: 2 })).out);
      assert(jkm.includes(`Rp${String(death.total).replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`), `JKM total in ${jkm}`);
      // The JHT estimate is jamsos projection's answer.
      const projection = JSON.parse(cli("projection", JSON.stringify({ projection: "jht", start: "2026-12", months: 120,
        wage_growth: "0", yield: "0.055", participant: { category: "bpu", income: Number(row.income), sector: "other" } })).out);
      assertEqual(await page.getAttribute('[data-testid="jht-summary"]', "data-balance"), String(projection.balance), "JHT estimate");
      assertEqual(await page.locator('[data-testid="jht-svg"] g[data-year]').count(), projection.years.length, "one bar per year");
      assert(page.problems.length === 0, page.problems.join("; "));
      await page.close();
    });
  }

  await test("booth: every error of the form at once, each from the module", async () => {
    const page = await openPage(context, boothUrl);
    // No month and an income with a comma: the module reports the month
    // first (a top-level field), then, asked again, the income's type.
    await ask(page, "2,5 juta", "");
    const codes = await page.$$eval('[data-testid="booth-error"] [data-testid="error-item"]',
      (items) => items.map((i) => `${i.dataset.code} ${i.dataset.field}`));
    assertEqual(codes, ["missing_field period", "invalid_type participant.income"], "both errors");
    assert(!(await page.isVisible('[data-testid="booth-result"]')), "no result beside the errors");
    // The enrolment form: no name (the page's own rule) and a NIK whose birth
    // date differs from the one given (the module's invalid_nik), together.
    await ask(page, "2150000", "2027-01");
    await page.fill('[data-testid="enrol-nik"]', "7471011705900001");
    await page.fill('[data-testid="enrol-birth_date"]', "1990-05-18");
    await page.click('[data-testid="enrol-save"]');
    await page.waitForSelector('[data-testid="enrol-error"]:not([hidden])');
    const items = await page.$$eval('[data-testid="enrol-error"] [data-testid="error-item"]', (li) => li.length);
    assertEqual(items, 2, "name and NIK");
    const nik = await page.$$eval('[data-testid="enrol-error"] [data-testid="error-code"]', (c) => c.map((x) => x.textContent));
    assertEqual(nik, ["invalid_nik"], "the NIK's error");
    const message = await page.textContent('[data-testid="enrol-error"]');
    assert(!message.includes("7471011705"), "the error shows no more than six digits of the NIK");
    await page.close();
  });

  await test("booth: enrolments stay in the browser, export as a roster jamsos batch reads with every row ok, then clear", async () => {
    const page = await openPage(context, boothUrl);
    await ask(page, "2150000", "2027-01");
    // An invalid NIK (serial 0000) is refused with the module's invalid_nik
    // and nothing is saved.
    await page.fill('[data-testid="enrol-name"]', "La Ode Baru");
    await page.fill('[data-testid="enrol-nik"]', "7471011705900000");
    await page.click('[data-testid="enrol-save"]');
    await page.waitForSelector('[data-testid="enrol-error"]:not([hidden])');
    const codes = await page.$$eval('[data-testid="enrol-error"] [data-testid="error-code"]', (c) => c.map((x) => x.textContent));
    assertEqual(codes, ["invalid_nik"], "NIK refused by the module");
    assertEqual(await page.getAttribute('[data-testid="enrol-count"]', "data-count"), "0", "nothing saved");
    const people = [
      // A man born 17 May 1990 in Kota Kendari (74 71 01), 170590.
      { name: "La Ode Baru", nik: "7471011705900001", birth: "1990-05-17", phone: "081234567890", address: "Pasar Lapulu, Kendari", pkg: "1-basic" },
      // A woman born 3 January 2001: 03 + 40 = 43.
      { name: "Wa Ode \"Ani\", pedagang ikan", nik: "7471014301010123", birth: "2001-01-03", phone: "", address: "Pasar Lapulu", pkg: "12-jht" },
      // No NIK or birth date: both are optional in the contract.
      { name: "Pak Rahman", nik: "", birth: "", phone: "0852", address: "Lapak 12", pkg: "3-basic" },
    ];
    for (const p of people) {
      await page.fill('[data-testid="enrol-name"]', p.name);
      await page.fill('[data-testid="enrol-nik"]', p.nik);
      await page.fill('[data-testid="enrol-birth_date"]', p.birth);
      await page.fill('[data-testid="enrol-phone"]', p.phone);
      await page.fill('[data-testid="enrol-address"]', p.address);
      await page.selectOption('[data-testid="enrol-package"]', p.pkg);
      await page.click('[data-testid="enrol-save"]');
      await page.waitForSelector('[data-testid="enrol-saved"]:not([hidden])');
      assert(!(await page.isVisible('[data-testid="enrol-error"]')), `${p.name}: ${await page.textContent('[data-testid="enrol-error"]')}`);
    }
    assertEqual(await page.getAttribute('[data-testid="enrol-count"]', "data-count"), "3", "three enrolments kept");
    // They survive a reload (browser storage), and nothing left the page.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assertEqual(await page.getAttribute('[data-testid="enrol-count"]', "data-count"), "3", "kept after a reload");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="enrol-export"]')]);
    const file = join(artifacts, "booth-roster.csv");
    await download.saveAs(file);
    const csv = readFileSync(file, "utf8");
    assert(csv.startsWith("id,period,category,birth_date,income,sector,opt_in,nik,name,phone,address,package_months,package_total\r\n"), csv.split("\n")[0]);
    const batch = spawnSync(jamsos, ["batch", "--period", "2027-01", "--allow-extra-columns", "--input", file], { encoding: "utf8" });
    assertEqual(batch.status, 0, `jamsos batch exit (${batch.stderr})`);
    const [header, ...lines] = batch.stdout.trim().split("\n");
    const rows = lines.map((l) => l.split(","));
    assertEqual(rows.length, 3, "one result row per enrolment");
    assertEqual(rows.map((r) => r[1]), ["ok", "ok", "ok"], `every row ok:\n${batch.stdout}`);
    assertEqual(rows.map((r) => r[0]), ["STAN-0001", "STAN-0002", "STAN-0003"], "ids");
    // Each row is one month (CONTRACT.md §2): the one-month package's amount,
    // as jamsos contribution gives it for the same case.
    const total = header.split(",").indexOf("total_participant");
    const want = ["basic", "jht", "basic"].map((pkg) =>
      String(JSON.parse(cli("contribution", JSON.stringify(caseFor("2150000", "2027-01", 1, pkg))).out).totals.participant));
    assertEqual(rows.map((r) => r[total]), want, "total_participant per enrolment");
    page.once("dialog", (d) => d.accept());
    await page.click('[data-testid="enrol-clear"]');
    assertEqual(await page.getAttribute('[data-testid="enrol-count"]', "data-count"), "0", "cleared");
    assert((await page.textContent('[data-testid="privacy"]')).includes("Tidak ada yang dikirim"), "the page says nothing is sent");
    await page.close();
  });

  await test("booth: after one visit the page loads and computes with the network cut", async () => {
    const offline = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await openPage(offline, boothUrl);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The first load is not controlled yet; once the worker is active, the
    // files are cached (sw.js installs them all).
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert(await page.evaluate(() => navigator.serviceWorker.controller !== null), "the page is controlled by the service worker");
    await ask(page, "2150000", "2027-01");
    const online = await page.textContent('[data-testid="pkg-12-jht"] [data-testid="pkg-amount"]');
    await offline.setOffline(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    await ask(page, "2150000", "2027-01");
    assertEqual(await page.textContent('[data-testid="pkg-12-jht"] [data-testid="pkg-amount"]'), online, "12 months with JHT, offline");
    await packagesEqualCli(page, "2150000", "2027-01");
    // The simulator page too.
    const sim = await offline.newPage();
    await sim.goto(url);
    await sim.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    await offline.setOffline(false);
    await offline.close();
  });

  await test("booth: manifest and icons make it installable", async () => {
    const page = await openPage(context, boothUrl);
    const manifest = await page.evaluate(async () => (await fetch("manifest.webmanifest")).json());
    assertEqual(manifest.display, "standalone", "display");
    assertEqual(manifest.start_url, "booth.html", "start_url");
    const sizes = manifest.icons.map((i) => i.sizes);
    assert(sizes.includes("192x192") && sizes.includes("512x512"), `icons ${sizes}`);
    for (const icon of manifest.icons) {
      const status = await page.evaluate(async (src) => (await fetch(src)).status, icon.src);
      assertEqual(status, 200, icon.src);
    }
    // Chromium's own verdict (what Android's Chrome asks before offering to
    // install): no installability errors once the service worker runs.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    // "in-incognito" is about the test's throwaway browser profile (every
    // Playwright context is one), not about the page.
    const errors = installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito");
    assertEqual(errors, [], "installability errors");
    await page.close();
  });

  await test("booth: screenshots at 390×844 and 1280×900, English switch keeps the amounts", async () => {
    for (const [width, height] of [[390, 844], [1280, 900]]) {
      const ctx = await browser.newContext({ viewport: { width, height } });
      const page = await openPage(ctx, boothUrl);
      await ask(page, "2.150.000", "2026-12");
      await page.fill('[data-testid="enrol-name"]', "La Ode Baru");
      await page.fill('[data-testid="enrol-nik"]', "7471011705900001");
      await page.fill('[data-testid="enrol-birth_date"]', "1990-05-17");
      await page.click('[data-testid="enrol-save"]');
      await page.waitForSelector('[data-testid="enrol-saved"]:not([hidden])');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `at ${width} px the page is ${overflow} px too wide`);
      await page.evaluate(() => window.scrollTo(0, 0));
      const file = join(artifacts, `booth-${width}x${height}.png`);
      await page.screenshot({ path: file, fullPage: true });
      screenshots.push(file);
      if (width === 1280) {
        const before = await page.textContent('[data-testid="pkg-12-jht"] [data-testid="pkg-amount"]');
        await page.click('[data-testid="lang-switch"]');
        assertEqual((await page.textContent("h1")).trim(), "Self-employed Enrolment Booth", "English title");
        assertEqual(await page.textContent('[data-testid="pkg-12-jht"] [data-testid="pkg-amount"]'), before, "amount after switching");
        const en = join(artifacts, `booth-${width}x${height}-en.png`);
        await page.screenshot({ path: en, fullPage: true });
        screenshots.push(en);
      }
      assert(page.problems.length === 0, page.problems.join("; "));
      await ctx.close();
    }
  });
}
