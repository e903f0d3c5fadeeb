// The market booth page: for a self-employed worker (BPU), from the declared
// income, the packages side by side for 1, 3, 6 and 12 months, what each
// program pays out, an estimate of the JHT savings, and the officer's
// enrolment list kept in this browser. Every amount is the WebAssembly
// module's answer (the `jamsos` command line's code); the page only lays
// the answers out. It never sends anything anywhere.

import init, { contribution, benefit, projection } from "./pkg/jamsos_wasm.js";
import { translate, has } from "./i18n.js";
import "./booth-i18n.js";
import { Int, parseDocument, toJson, rupiah, percent, integerInput } from "./format.js";
import { allErrors } from "./errors.js";

const MONTHS = [1, 3, 6, 12];
const PACKAGES = ["basic", "jht"];
const STORE = "jamsos.booth.enrolments";

const state = {
  lang: "id",
  ready: false,
  // The last answered question: the case's income, sector and period, and
  // the module's answers for each package.
  ask: null,
  packages: null,
  errors: [],
};

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
const t = (key, vars) => translate(state.lang, key, vars);
// A key with a count: `key.one` for 1 when the language has it ("1 month").
const tn = (key, n, vars = {}) =>
  translate(state.lang, Number(n) === 1 && has(state.lang, `${key}.one`) ? `${key}.one` : key, { n, ...vars });

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

const SVG = "http://www.w3.org/2000/svg";
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const child of children) el.append(child instanceof Node ? child : String(child));
  return el;
}

function monthName(month) {
  return t(`month.${Number(month)}`);
}
function formatPeriod(period) {
  const m = /^(\d{4})-(\d{2})$/.exec(period || "");
  return m ? `${monthName(m[2])} ${m[1]}` : String(period);
}
function defaultPeriod() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

// ------------------------------------------------------------ errors

function fieldName(path) {
  const key = `booth.field.${path}`;
  return has(state.lang, key) ? t(key) : path;
}

// Shows every error the module found (errors.js), in words for people; the
// module's own message is one tap away for the officer.
function showErrors(box, errors, extra = []) {
  box.replaceChildren();
  if (errors.length === 0 && extra.length === 0) {
    box.hidden = true;
    return;
  }
  const list = h("ul", { class: "error-list" });
  for (const text of extra) list.append(h("li", { "data-testid": "error-item" }, text));
  for (const e of errors) {
    const text = has(state.lang, `err.${e.code}`) ? t(`err.${e.code}`) : t("err.generic");
    list.append(h("li", { "data-testid": "error-item", "data-code": e.code, "data-field": e.field || "" },
      e.field ? h("strong", {}, `${fieldName(e.field)}: `) : null, text,
      h("details", { class: "tech" }, h("summary", {}, t("error.detail")),
        h("code", { "data-testid": "error-code" }, e.code), " ", h("span", {}, e.message))));
  }
  box.append(h("h3", {}, t("booth.errors.heading")), list);
  box.hidden = false;
}

// ------------------------------------------------------------ packages

function bpuCase(ask, months, withJht, extra = {}) {
  const participant = { category: "bpu", income: ask.income, sector: ask.sector, ...extra };
  if (withJht) participant.opt_in = ["jht"];
  const doc = { period: ask.period, participant };
  if (months !== 1) doc.options = { months: new Int(String(months)) };
  return doc;
}

// Good values to probe past a field the module refused, so that every
// error shows at once (errors.js); never used for an answer.
function boothFallback(path) {
  return { "participant.income": new Int("2150000"), period: "2026-12", "participant.sector": "other" }[path];
}

function readAsk() {
  const income = integerInput($("#b-income").value);
  const period = $("#b-period").value.trim() || undefined;
  return { income, sector: $("#b-sector").value, period };
}

// The PP 50/2025 discount months of a result (its lines say which rule
// discounted them; the worker sees words, not rule ids).
function discountedMonths(result) {
  const months = new Set();
  for (const line of result.lines) if (/discount_pp50_2025/.test(line.rule)) months.add(line.period);
  return months.size;
}

// What the worker pays: the participant's total (the booth enrols
// self-paying workers; a subsidised worker pays nothing).
function payable(result) {
  return result.totals.participant;
}

function compute() {
  if (!state.ready) return;
  const ask = readAsk();
  const first = allErrors(contribution, bpuCase(ask, 1, false), boothFallback);
  state.errors = first.errors;
  if (first.errors.length) {
    state.packages = null;
    state.ask = null;
    render();
    return;
  }
  const packages = {};
  for (const months of MONTHS) {
    for (const pkg of PACKAGES) {
      const answer = parseDocument(contribution(toJson(bpuCase(ask, months, pkg === "jht"))));
      packages[`${months}-${pkg}`] = answer;
    }
  }
  state.ask = ask;
  state.packages = packages;
  render();
  renderBenefits();
  renderJht();
  $("#b-result").scrollIntoView({ behavior: "smooth", block: "start" });
}

function renderPackages() {
  const box = $("#b-packages");
  box.replaceChildren();
  const p = state.packages;
  $("#b-result").hidden = !p;
  if (!p) return;
  const one = p["1-jht"];
  const jkk = one.lines.find((l) => l.program === "jkk");
  $("#b-base").textContent = jkk && jkk.base !== undefined
    ? t("booth.base", { income: rupiah(state.ask.income.digits), base: rupiah(jkk.base) })
    : "";
  const table = h("table", { class: "pkg-table" },
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, t("booth.pkg.months")),
      ...PACKAGES.map((pkg) => h("th", { scope: "col" },
        h("span", { class: "pkg-name" }, t(`booth.pkg.${pkg}`)),
        h("small", {}, t(`booth.pkg.${pkg}.short`)))))));
  const body = h("tbody");
  let anyDiscount = false;
  for (const months of MONTHS) {
    const row = h("tr", {}, h("th", { scope: "row" }, tn("booth.pkg.month", months)));
    for (const pkg of PACKAGES) {
      const r = p[`${months}-${pkg}`];
      if (r.error) {
        row.append(h("td", { "data-testid": `pkg-${months}-${pkg}` }, "—"));
        continue;
      }
      const discounted = discountedMonths(r);
      anyDiscount ||= discounted > 0;
      // The first month alone is the one-month package's answer.
      const firstMonth = payable(p[`1-${pkg}`]);
      row.append(h("td", {
        class: "pkg-cell", "data-testid": `pkg-${months}-${pkg}`, "data-amount": payable(r).toString(),
        "data-months": String(months), "data-package": pkg,
      },
      h("strong", { class: "pkg-amount", "data-testid": "pkg-amount" }, rupiah(payable(r))),
      months > 1 ? h("small", {}, t("booth.pkg.per_month", { amount: rupiah(firstMonth) })) : null,
      discounted ? h("small", { class: "pkg-discount" }, tn("booth.pkg.discount", discounted)) : null));
    }
    body.append(row);
  }
  table.append(body);
  box.append(h("div", { class: "table-scroll" }, table));

  // The first month's parts, program by program, in words.
  const parts = h("ul", { class: "pkg-parts", "data-testid": "pkg-parts" });
  for (const line of one.lines.filter((l) => l.period === one.period)) {
    parts.append(h("li", { "data-program": line.program, "data-amount": line.amount.toString() },
      h("span", {}, t(`program.${line.program}`)), " ", h("strong", {}, rupiah(line.amount))));
  }
  box.append(h("details", { class: "pkg-detail" }, h("summary", {}, t("booth.pkg.parts")), parts,
    sources(one.lines.map((l) => l.source), one.warnings)));
  const note = $("#b-discount");
  note.textContent = t("booth.discount.note");
  note.hidden = !anyDiscount;
}

// "Sources" one tap away: the instruments behind the amounts, for the
// officer; the worker's view carries none.
function sources(list, warnings = []) {
  const unique = [...new Set(list)];
  return h("details", { class: "sources", "data-testid": "sources" },
    h("summary", {}, t("booth.sources")),
    h("p", { class: "muted" }, t("booth.sources.note")),
    h("ul", {}, unique.map((x) => h("li", {}, x))),
    warnings.length ? h("ul", { class: "muted" }, warnings.map((w) => h("li", {}, w.message))) : null);
}

// ------------------------------------------------------------ benefits

function claim(doc) {
  const answer = parseDocument(benefit(toJson(doc)));
  return answer.error ? null : answer;
}

function paymentOf(answer, kind) {
  const found = answer && answer.payments.find((p) => p.kind === kind);
  return found ? found.amount : null;
}

function renderBenefits() {
  const box = $("#b-benefit-list");
  box.replaceChildren();
  const p = state.packages;
  $("#b-benefits").hidden = !p;
  if (!p) return;
  const one = p["1-basic"];
  const jkk = one.lines.find((l) => l.program === "jkk");
  // The benefits are computed on the income the contributions are paid on.
  const wage = jkk && jkk.base !== undefined ? jkk.base : BigInt(state.ask.income.digits);
  const day = `${state.ask.period}-01`;
  const wageInt = new Int(wage.toString());
  const stmb = claim({ benefit: "jkk", claim_date: day, event: "temporary_inability", event_date: day, wage: wageInt, months: new Int("12") });
  const disability = claim({ benefit: "jkk", claim_date: day, event: "total_disability", event_date: day, wage: wageInt });
  const workDeath = claim({ benefit: "jkk", claim_date: day, event: "death", event_date: day, wage: wageInt });
  const death = claim({ benefit: "jkm", claim_date: day, death_date: day, contribution_months: new Int("36"), children: new Int("2") });

  const card = (id, title, items, answers) => {
    const cited = answers.filter(Boolean).flatMap((a) => a.payments.map((x) => x.source));
    return h("article", { class: "benefit", "data-testid": `benefit-${id}` },
      h("h3", {}, title), h("ul", {}, items.filter(Boolean).map((x) => h("li", {}, x))),
      cited.length ? sources(cited) : null);
  };

  box.append(card("jkk", t("booth.jkk.title"), [
    t("booth.jkk.care"),
    stmb && t("booth.jkk.stmb", { amount: rupiah(stmb.total) }),
    disability && t("booth.jkk.disability", { amount: rupiah(disability.total) }),
    workDeath && t("booth.jkk.death", { amount: rupiah(workDeath.total) }),
  ], [stmb, disability, workDeath]));
  const scholarship = death && death.payments.find((x) => x.kind === "maximum");
  box.append(card("jkm", t("booth.jkm.title"), [
    death && t("booth.jkm.death", {
      amount: rupiah(death.total), lump: rupiah(paymentOf(death, "lump_sum")),
      periodic: rupiah(paymentOf(death, "periodic")), funeral: rupiah(paymentOf(death, "funeral")),
    }),
    scholarship && t("booth.jkm.scholarship", { amount: rupiah(scholarship.amount) }),
  ], [death]));
  box.append(card("jht", t("booth.jht.title"), [t("booth.jht.what")], []));
}

// ------------------------------------------------------------ JHT estimate

function percentText(fraction) {
  return percent(fraction, state.lang);
}

function renderJht() {
  const section = $("#b-jht");
  section.hidden = !state.packages;
  if (!state.packages) return;
  const years = Number($("#j-years").value);
  const yieldRate = $("#j-yield").value;
  const growth = $("#j-growth").value;
  const doc = {
    projection: "jht", start: state.ask.period, months: new Int(String(years * 12)),
    wage_growth: growth, yield: yieldRate,
    participant: { category: "bpu", income: state.ask.income, sector: state.ask.sector },
  };
  const answer = parseDocument(projection(toJson(doc)));
  const chart = $("#j-chart");
  chart.replaceChildren();
  if (answer.error) {
    $("#j-summary").textContent = has(state.lang, `err.${answer.error.code}`) ? t(`err.${answer.error.code}`) : answer.error.message;
    return;
  }
  chart.append(jhtChart(answer));
  $("#j-summary").textContent = t("booth.jht.summary", {
    years, balance: rupiah(answer.balance), contributions: rupiah(answer.contributions), returns: rupiah(answer.returns),
  });
  $("#j-summary").dataset.balance = answer.balance.toString();
  $("#j-assumptions").textContent = t("booth.jht.assumptions", { yield: percentText(yieldRate), growth: percentText(growth) });
}

// Stacked bars, one per year: the contributions saved so far and the
// returns so far, as the module projected them. Heights are whole pixels
// computed from the amounts with BigInt (no floating point near money).
function jhtChart(answer) {
  // A phone-sized drawing: text stays legible at 360 px and scales up on a
  // desktop.
  const width = 400;
  const height = 220;
  const left = 8;
  const top = 28;
  const bottom = 26;
  const plot = height - top - bottom;
  const n = answer.years.length;
  const max = answer.years.reduce((m, y) => (y.balance > m ? y.balance : m), 1n);
  const slot = Math.floor((width - left * 2) / n);
  const bar = Math.max(4, Math.floor(slot * 0.7));
  const px = (amount) => Number((amount * BigInt(plot)) / max);
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": t("booth.jht.chart.label"),
    class: "chart", "data-testid": "jht-svg",
  });
  svg.append(s("title", {}, t("booth.jht.chart.label")));
  svg.append(s("line", { x1: left, x2: width - left, y1: top + plot, y2: top + plot, class: "axis" }));
  let contributions = 0n;
  let returns = 0n;
  answer.years.forEach((y, i) => {
    contributions += y.contributions;
    returns += y.returns;
    const saved = y.balance - returns; // opening balance + contributions so far
    const x = left + i * slot + Math.floor((slot - bar) / 2);
    const hSaved = px(saved);
    const hAll = px(y.balance);
    const group = s("g", { "data-year": y.year, "data-balance": y.balance.toString() });
    group.append(
      s("rect", { x, y: top + plot - hSaved, width: bar, height: hSaved, class: "bar-saved" }),
      s("rect", { x, y: top + plot - hAll, width: bar, height: hAll - hSaved, class: "bar-returns" }),
      s("title", {}, `${t("booth.jht.year", { n: y.year })}: ${rupiah(y.balance)}`),
    );
    if (n <= 10 || y.year % 5 === 0 || i === 0) {
      group.append(s("text", { x: x + bar / 2, y: height - 8, "text-anchor": "middle", class: "tick" }, String(y.year)));
    }
    svg.append(group);
  });
  const last = answer.years[n - 1];
  svg.append(s("text", { x: width - left, y: 18, "text-anchor": "end", class: "peak" }, rupiah(last.balance)));
  const legend = h("p", { class: "legend" },
    h("span", { class: "item" }, h("span", { class: "key saved" }), t("booth.jht.legend.contributions")),
    h("span", { class: "item" }, h("span", { class: "key returns" }), t("booth.jht.legend.returns")));
  return h("figure", {}, svg, legend);
}

// ------------------------------------------------------------ enrolments

function loadEnrolments() {
  try {
    const list = JSON.parse(localStorage.getItem(STORE) || "[]");
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function saveEnrolments(list) {
  localStorage.setItem(STORE, JSON.stringify(list));
}

function packageLabel(pkg) {
  return t(`booth.pkg.${pkg}.short`);
}

function renderPackageChoice() {
  const select = $("#e-package");
  const previous = select.value;
  select.replaceChildren();
  const p = state.packages;
  $("#e-save").disabled = !p || !state.ready;
  $("#e-from-above").textContent = p
    ? t("booth.e.from_above", {
      income: rupiah(state.ask.income.digits), sector: t(`booth.sector.${state.ask.sector}`), period: formatPeriod(state.ask.period),
    })
    : t("booth.e.first");
  if (!p) return;
  for (const months of MONTHS) {
    for (const pkg of PACKAGES) {
      const r = p[`${months}-${pkg}`];
      if (r.error) continue;
      select.append(h("option", { value: `${months}-${pkg}` },
        tn("booth.e.option", months, { months, package: packageLabel(pkg), amount: rupiah(payable(r)) })));
    }
  }
  if (previous && $$("option", select).some((o) => o.value === previous)) select.value = previous;
}

function saveEnrolment() {
  if (!state.packages) return;
  const name = $("#e-name").value.trim();
  const nik = $("#e-nik").value.trim();
  const birth = $("#e-birth").value.trim();
  const [monthsText, pkg] = $("#e-package").value.split("-");
  const months = Number(monthsText);
  const extra = {};
  if (nik) extra.nik = nik;
  if (birth) extra.birth_date = birth;
  // The module checks the NIK against the birth date and every other value
  // (D-37); all the problems are shown at once.
  const checked = allErrors(contribution, bpuCase(state.ask, months, pkg === "jht", extra), boothFallback);
  const missing = name ? [] : [t("booth.e.name.missing")];
  showErrors($("#e-error"), checked.errors, missing);
  for (const el of $$("#enrol-form [aria-invalid]")) el.removeAttribute("aria-invalid");
  if (!name) $("#e-name").setAttribute("aria-invalid", "true");
  for (const e of checked.errors) {
    const control = { "participant.nik": "#e-nik", "participant.birth_date": "#e-birth" }[e.field];
    if (control) $(control).setAttribute("aria-invalid", "true");
  }
  if (checked.errors.length || missing.length) {
    $("#e-saved").hidden = true;
    return;
  }
  const list = loadEnrolments();
  const number = list.reduce((m, e) => Math.max(m, Number(String(e.id).replace(/\D/g, "")) || 0), 0) + 1;
  const record = {
    id: `STAN-${String(number).padStart(4, "0")}`,
    name, nik, birth_date: birth, phone: $("#e-phone").value.trim(), address: $("#e-address").value.trim(),
    sector: state.ask.sector, income: state.ask.income.digits, period: state.ask.period,
    months, jht: pkg === "jht", amount: payable(checked.result).toString(),
  };
  list.push(record);
  saveEnrolments(list);
  $("#enrol-form").reset();
  renderPackageChoice();
  const saved = $("#e-saved");
  saved.textContent = t("booth.e.saved", { name, package: packageLabel(pkg) });
  saved.hidden = false;
  renderEnrolments();
}

function renderEnrolments() {
  const list = loadEnrolments();
  $("#e-count").textContent = list.length ? tn("booth.list.count", list.length) : t("booth.list.empty");
  $("#e-count").dataset.count = String(list.length);
  $("#e-list").replaceChildren(...list.map((e) => h("li", { "data-id": e.id },
    tn("booth.list.item", e.months, { name: e.name, package: packageLabel(e.jht ? "jht" : "basic"), months: e.months, amount: rupiah(e.amount) }))));
  $("#e-export").disabled = list.length === 0;
  $("#e-clear").disabled = list.length === 0;
}

// The roster columns of CONTRACT.md §2 the booth fills, then the extra ones
// (`jamsos batch --allow-extra-columns` ignores those).
const CONTRACT_COLUMNS = ["id", "period", "category", "birth_date", "income", "sector", "opt_in", "nik"];
const EXTRA_COLUMNS = ["name", "phone", "address", "package_months", "package_total"];

function csvCell(value) {
  const text = String(value ?? "");
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function rosterCsv(list) {
  const lines = [[...CONTRACT_COLUMNS, ...EXTRA_COLUMNS].join(",")];
  for (const e of list) {
    const row = {
      id: e.id, period: e.period, category: "bpu", birth_date: e.birth_date, income: e.income,
      sector: e.sector, opt_in: e.jht ? "jht" : "", nik: e.nik, name: e.name, phone: e.phone,
      address: e.address, package_months: e.months, package_total: e.amount,
    };
    lines.push([...CONTRACT_COLUMNS, ...EXTRA_COLUMNS].map((c) => csvCell(row[c])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

function exportCsv() {
  const list = loadEnrolments();
  if (list.length === 0) return;
  const blob = new Blob([rosterCsv(list)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: `pendaftaran-${new Date().toISOString().slice(0, 10)}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function clearAll() {
  if (!window.confirm(t("booth.clear.confirm"))) return;
  localStorage.removeItem(STORE);
  $("#e-saved").hidden = true;
  renderEnrolments();
}

// ------------------------------------------------------------ page

function applyLang() {
  document.documentElement.lang = state.lang;
  for (const el of $$("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of $$("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":");
      el.setAttribute(attr, t(key));
    }
  }
  document.title = t("booth.doc.title");
  $("#lang-switch").lang = state.lang === "id" ? "en" : "id";
}

function render() {
  showErrors($("#b-error"), state.errors);
  $("#b-income").toggleAttribute("aria-invalid", state.errors.some((e) => e.field === "participant.income"));
  renderPackages();
  renderPackageChoice();
  renderEnrolments();
}

function renderAll() {
  applyLang();
  render();
  if (state.packages) {
    renderBenefits();
    renderJht();
  } else {
    $("#b-benefits").hidden = true;
    $("#b-jht").hidden = true;
  }
}

function wire() {
  $("#ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    compute();
  });
  $("#jht-form").addEventListener("change", renderJht);
  $("#enrol-form").addEventListener("submit", (event) => {
    event.preventDefault();
    saveEnrolment();
  });
  $("#e-export").addEventListener("click", exportCsv);
  $("#e-clear").addEventListener("click", clearAll);
  $("#lang-switch").addEventListener("click", () => {
    state.lang = state.lang === "id" ? "en" : "id";
    // A confirmation in the other language would stay behind; drop it.
    $("#e-saved").hidden = true;
    try {
      localStorage.setItem("jamsos.lang", state.lang);
    } catch {
      // Storage may be off; the choice then lasts the visit.
    }
    renderAll();
  });
  const preview = h("small", { class: "money-preview", "aria-live": "polite" });
  $("#b-income").after(preview);
  $("#b-income").addEventListener("input", () => {
    const value = integerInput($("#b-income").value);
    preview.textContent = value && value.digits ? `= ${rupiah(value.digits)}` : "";
  });
  const online = () => {
    $("#offline-note").hidden = navigator.onLine;
  };
  window.addEventListener("online", online);
  window.addEventListener("offline", online);
  online();
}

async function main() {
  let lang = new URLSearchParams(location.search).get("lang");
  if (!lang) {
    try {
      lang = localStorage.getItem("jamsos.lang");
    } catch {
      lang = null;
    }
  }
  state.lang = lang === "en" ? "en" : "id";
  wire();
  if (!$("#b-period").value) $("#b-period").value = defaultPeriod();
  renderAll();
  if ("serviceWorker" in navigator) {
    // Offline after one visit (sw.js); a page without it still works online.
    navigator.serviceWorker.register("sw.js").catch(() => {});
  }
  try {
    await init();
    state.ready = true;
    $("#loading").hidden = true;
    $("#b-submit").disabled = false;
    renderPackageChoice();
    document.body.dataset.ready = "true";
  } catch (e) {
    $("#loading").textContent = `${t("load.failed")} (${e})`;
    $("#loading").classList.add("failed");
  }
}

main();
