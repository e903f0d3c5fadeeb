// The simulator page: reads the form into a contract case (CONTRACT.md §1),
// asks the jamsos WebAssembly module for the result, and shows it. The page
// holds no rule of its own: every amount, status, reason and citation comes
// from the module, which is the same code as the `jamsos` command line.

import init, { contribution, eligibility, benefit } from "./pkg/jamsos_wasm.js";
import { translate, has } from "./i18n.js";
import { Int, parseDocument, toJson, rupiah, percent, integerInput } from "./format.js";
import { allErrors } from "./errors.js";

const PAYERS = ["employer", "worker", "participant", "government"];
const PROGRAMS = ["jkk", "jkm", "jht", "jp", "jkp"];

const state = {
  lang: "id",
  ready: false,
  // The last contribution computed: the case sent and the document received.
  caseJson: null,
  outputJson: null,
  result: null,
  eligibility: null,
  error: null,
  // Every error the module finds in the case, the first one first.
  errors: [],
  // The last claim computed.
  claim: null,
  claimError: null,
};

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
const t = (key, vars) => translate(state.lang, key, vars);

// A DOM element: h("p", { class: "x", "data-testid": "y" }, "text", child…).
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

// The text for a reason, warning or note code: the Indonesian translation
// when the page has one, else the module's own (English) message.
function codeText(code, message) {
  if (state.lang === "id" && has("id", `code.${code}`)) return t(`code.${code}`);
  return message || code;
}

// ---------------------------------------------------------------- dates

function monthName(month) {
  return t(`month.${Number(month)}`);
}

// "2025-05-15" → "15 Mei 2025" / "15 May 2025".
function formatDate(date) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || "");
  return m ? `${Number(m[3])} ${monthName(m[2])} ${m[1]}` : String(date);
}

// "2025-04" → "April 2025".
function formatPeriod(period) {
  const m = /^(\d{4})-(\d{2})$/.exec(period || "");
  return m ? `${monthName(m[2])} ${m[1]}` : String(period);
}

// The first day of a period and of the period after it, for claim dates.
function firstDay(period) {
  return `${period}-01`;
}
function nextPeriod(period) {
  const [y, m] = period.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

// ---------------------------------------------------------------- form

function category() {
  return $('input[name="category"]:checked').value;
}

function jakonMethod() {
  return $('input[name="method"]:checked').value;
}

// Shows the fields of the chosen category (and Jakon method) only.
function updateVisibility() {
  const cat = category();
  const method = jakonMethod();
  for (const el of $$("#case-form [data-cats]")) {
    const cats = el.dataset.cats.split(" ");
    let shown = cats.includes(cat);
    if (shown && cat === "jakon" && el.dataset.method) shown = el.dataset.method === method;
    el.hidden = !shown;
  }
}

// A control is part of the case when no enclosing element is hidden.
function active(el) {
  return el.closest("[hidden]") === null;
}

function readControl(el) {
  switch (el.dataset.kind) {
    case "bool":
      return el.checked;
    case "int":
      return integerInput(el.value);
    case "dates": {
      const dates = el.value.split(/[\s,;]+/).filter((d) => d !== "");
      return dates.length ? dates : undefined;
    }
    default: {
      const value = el.value.trim();
      return value === "" ? undefined : value;
    }
  }
}

function setPath(doc, path, value) {
  const parts = path.split(".");
  let node = doc;
  for (const part of parts.slice(0, -1)) {
    if (!(part in node)) node[part] = {};
    node = node[part];
  }
  node[parts[parts.length - 1]] = value;
}

// The contract case the form describes. Empty fields are left out (absent),
// so a missing required field is reported by the module, naming it.
function buildCase() {
  const cat = category();
  const doc = { period: undefined, participant: { category: cat }, options: {} };
  for (const el of $$("#case-form [data-key]")) {
    if (!active(el)) continue;
    const value = readControl(el);
    if (value !== undefined) setPath(doc, el.dataset.key, value);
  }
  if (cat === "jakon") doc.participant.method = jakonMethod();
  const optIn = $$("#case-form [data-opt-in]")
    .filter((el) => active(el) && el.checked)
    .map((el) => el.dataset.optIn);
  if (optIn.length) doc.participant.opt_in = optIn;
  if (Object.keys(doc.options).length === 0) delete doc.options;
  return doc;
}

function clearInvalid() {
  for (const el of $$("[aria-invalid]")) el.removeAttribute("aria-invalid");
}

function compute() {
  if (!state.ready) return;
  clearInvalid();
  const doc = buildCase();
  const json = toJson(doc);
  state.caseJson = toJson(doc, "", "  ");
  state.outputJson = contribution(json);
  const answer = parseDocument(state.outputJson);
  state.claim = null;
  state.claimError = null;
  if (answer.error) {
    state.error = answer.error;
    // All the form's errors at once: the module is asked again past each
    // field it refused (errors.js).
    state.errors = allErrors(contribution, doc, (path) => exampleValue(doc.participant.category, path)).errors;
    state.result = null;
    state.eligibility = null;
  } else {
    state.errors = [];
    state.error = null;
    state.result = answer;
    // PU only: the eligibility answer adds the pension age and JKP
    // participation to the programs (CONTRACT.md §3).
    const elig = doc.participant.category === "pu" ? parseDocument(eligibility(json)) : null;
    state.eligibility = elig && !elig.error ? elig : null;
    prefillClaim(doc);
  }
  render();
  // On every screen: a desktop's result panel starts at the top of the
  // page, which the submit button has often scrolled out of view.
  const target = state.error ? $("#error") : $("#result");
  if (target.scrollIntoView) target.scrollIntoView({ behavior: "instant", block: "start" });
}

// A value known to be good for a field of the category's example, to ask
// the module past an error (errors.js); never shown or used for a result.
function exampleValue(cat, path) {
  const example = EXAMPLES[cat];
  if (!example) return undefined;
  if (path === "period") return example.period;
  const [root, key] = path.split(".");
  const value = root === "participant" ? example.participant[key] : undefined;
  if (value === undefined) return undefined;
  if (typeof value === "string" && /^\d+$/.test(value)) return new Int(value);
  return value;
}

// ---------------------------------------------------------------- examples

// The repository's examples (examples/data/*.json), one per category.
const EXAMPLES = {
  pu: {
    period: "2025-04",
    participant: {
      birth_date: "1990-05-17", nationality: "wni", wage: "12000000", risk_class: "3",
      scale: "medium", registered_on: "2019-03-01", jkn_member: true,
      industry: "textile_apparel", active_workers: "240",
    },
  },
  bpu: {
    period: "2026-04",
    participant: { birth_date: "1978-08-17", income: "2500000", sector: "other", opt_in: ["jht"] },
    options: { months: "3" },
  },
  jakon: { period: "2025-09", participant: { method: "contract", contract_value: "2750000000" } },
  pmi: {
    period: "2025-06",
    participant: {
      birth_date: "1996-11-02", channel: "agency", contract_months: "24",
      extension_months: "2", jht_monthly: "100000",
    },
  },
};

function fillExample() {
  const cat = category();
  const example = EXAMPLES[cat];
  $("#case-form").reset();
  $(`input[name="category"][value="${cat}"]`).checked = true;
  $("#f-period").value = example.period;
  const p = example.participant;
  if (p.method) $(`input[name="method"][value="${p.method}"]`).checked = true;
  for (const [key, value] of Object.entries(p)) {
    if (key === "opt_in") {
      for (const program of value) $(`[data-opt-in="${program}"]`).checked = true;
      continue;
    }
    const el = $(`#case-form [data-key="participant.${key}"]`);
    if (!el) continue;
    if (el.dataset.kind === "bool") el.checked = value;
    else el.value = value;
  }
  for (const [key, value] of Object.entries(example.options || {})) {
    const el = $(`#case-form [data-key="options.${key}"]`);
    if (el) el.value = value;
  }
  updateVisibility();
  compute();
}

// ---------------------------------------------------------------- claims

// The claim form's fields per benefit (CONTRACT.md §4), besides `claim_date`.
const CLAIM_FIELDS = {
  jkk: [
    // No event is chosen for the worker: the form opens on a choice, not on
    // "death in a work accident".
    { key: "event", kind: "select", options: ["temporary_inability", "total_disability", "death"], prefix: "event.", choose: true },
    { key: "event_date", kind: "date", prefill: "event" },
    { key: "wage", kind: "int", prefill: "wage" },
    { key: "months", kind: "int", when: ["event", "temporary_inability"] },
  ],
  jkm: [
    { key: "death_date", kind: "date", prefill: "event" },
    { key: "contribution_months", kind: "int" },
    { key: "children", kind: "select", options: ["0", "1", "2"], prefix: "children.", int: true },
  ],
  jht: [
    {
      key: "trigger", kind: "select", prefix: "trigger.", choose: true,
      options: ["resignation", "dismissal", "contract_end", "pension_age", "leaving_indonesia", "total_disability", "death", "partial"],
    },
    { key: "event_date", kind: "date", prefill: "event" },
    { key: "membership_start", kind: "date", prefill: "registered" },
    { key: "balance", kind: "int" },
    { key: "purpose", kind: "select", options: ["housing", "retirement_preparation"], prefix: "purpose.", when: ["trigger", "partial"] },
    { key: "previous_partial", kind: "bool", when: ["trigger", "partial"] },
    { key: "birth_date", kind: "date", prefill: "birth", when: ["trigger", "pension_age"] },
  ],
  jp: [
    { key: "birth_date", kind: "date", prefill: "birth" },
    { key: "contribution_months", kind: "int" },
    { key: "average_wage", kind: "int", prefill: "wage" },
    { key: "lump_sum", kind: "int" },
  ],
  jkp: [
    { key: "dismissal_date", kind: "date", prefill: "event" },
    {
      key: "reason", kind: "select", prefix: "reason.",
      options: ["dismissal", "resignation", "retirement", "death", "total_disability", "contract_end_at_term"],
    },
    { key: "wage", kind: "int", prefill: "wage" },
    { key: "months_paid_last_24", kind: "int" },
    { key: "consecutive_months_before_dismissal", kind: "int" },
  ],
};

function buildClaimFields() {
  const box = $("#claim-fields");
  const fields = [{ key: "claim_date", kind: "date", prefill: "claim" }];
  for (const [name, list] of Object.entries(CLAIM_FIELDS)) {
    for (const field of [fields[0], ...list]) {
      const id = `c-${name}-${field.key}`;
      const attrs = {
        id,
        "data-claim-key": field.key,
        "data-kind": field.int ? "int" : field.kind === "select" ? "text" : field.kind,
        "data-testid": `claim-${name}.${field.key}`,
        "data-prefill": field.prefill,
      };
      let control;
      if (field.kind === "select") {
        control = h(
          "select",
          attrs,
          field.choose ? h("option", { value: "", selected: true, "data-i18n": "claims.choose" }) : null,
          field.options.map((o) => h("option", { value: o, "data-i18n": field.prefix + o }, o)),
        );
      } else if (field.kind === "bool") {
        control = h("input", { ...attrs, type: "checkbox" });
      } else if (field.kind === "date") {
        control = h("input", { ...attrs, type: "date" });
      } else {
        control = h("input", { ...attrs, type: "text", inputmode: "numeric" });
      }
      const wrapper =
        field.kind === "bool"
          ? h("label", { class: "check" }, control, h("span", { "data-i18n": `c.${field.key}` }))
          : h("div", { class: "field" }, h("label", { for: id, "data-i18n": `c.${field.key}` }), control);
      wrapper.dataset.benefit = name;
      if (field.when) {
        wrapper.dataset.whenKey = field.when[0];
        wrapper.dataset.whenValue = field.when[1];
      }
      box.append(wrapper);
    }
  }
}

function updateClaimVisibility() {
  const name = $("#c-benefit").value;
  for (const el of $$("#claim-fields [data-benefit]")) {
    let shown = el.dataset.benefit === name;
    if (shown && el.dataset.whenKey) {
      const other = $(`#c-${name}-${el.dataset.whenKey}`);
      shown = other !== null && other.value === el.dataset.whenValue;
    }
    el.hidden = !shown;
  }
}

// Starts the claim form from the case: the worker's wage (or BPU income),
// birth date and registration, events on the first day of the period and
// the claim a month later. Fields the user changed are left alone.
function prefillClaim(doc) {
  const p = doc.participant;
  const money = p.wage ?? p.income;
  const values = {
    wage: money && money.digits ? money.digits : "",
    birth: p.birth_date || "",
    registered: p.registered_on || "",
    event: doc.period ? firstDay(doc.period) : "",
    claim: doc.period ? firstDay(nextPeriod(doc.period)) : "",
  };
  for (const el of $$("#claim-fields [data-prefill]")) {
    if (el.dataset.edited === "true") continue;
    el.value = values[el.dataset.prefill] ?? "";
  }
  // Offer the claims of the programs this case takes part in.
  const programs = state.result ? state.result.programs : [];
  const select = $("#c-benefit");
  for (const option of select.options) {
    const program = programs.find((x) => x.program === option.value);
    option.disabled = program ? program.status === "not_eligible" : false;
  }
  if (select.selectedOptions[0] && select.selectedOptions[0].disabled) select.value = "jkk";
  updateClaimVisibility();
}

function buildClaim() {
  const name = $("#c-benefit").value;
  const doc = { benefit: name };
  for (const el of $$(`#claim-fields [data-claim-key]`)) {
    if (!el.id.startsWith(`c-${name}-`) || !active(el)) continue;
    const value = readControl(el);
    if (value !== undefined) doc[el.dataset.claimKey] = value;
  }
  return doc;
}

function computeClaim() {
  if (!state.ready) return;
  const doc = buildClaim();
  const answer = parseDocument(benefit(toJson(doc)));
  state.claimError = answer.error || null;
  state.claim = answer.error ? null : answer;
  renderClaim();
}

// ---------------------------------------------------------------- rendering

function applyLang() {
  document.documentElement.lang = state.lang;
  for (const el of $$("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of $$("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":");
      el.setAttribute(attr, t(key));
    }
  }
  for (const el of $$("[data-money-option]")) el.textContent = rupiah(el.value);
  document.title = t("doc.title");
  // The switch names the other language, in that language.
  $("#lang-switch").lang = state.lang === "id" ? "en" : "id";
}

function setLang(lang) {
  state.lang = lang;
  try {
    localStorage.setItem("jamsos.lang", lang);
  } catch {
    // Storage may be off (private mode); the choice then lasts the visit.
  }
  applyLang();
  // Re-render the documents already computed: switching language changes
  // words, never amounts.
  render();
}

function fieldLabel(path, claim) {
  if (!path) return null;
  if (path === "period") return t("form.period");
  if (path === "participant.opt_in") return t("section.programs");
  const name = path.split(".").pop();
  const key = claim ? `c.${name}` : `f.${name}`;
  return has(state.lang, key) ? t(key) : null;
}

function renderError(box, error, claim) {
  box.replaceChildren();
  if (!error) {
    box.hidden = true;
    return;
  }
  const known = has(state.lang, `err.${error.code}`);
  const label = fieldLabel(error.field, claim);
  box.append(
    h("h3", {}, t("error.heading")),
    h("p", { class: "error-message", "data-testid": claim ? "claim-error-message" : "error-message" },
      known ? t(`err.${error.code}`) : t("err.generic")),
    error.field
      ? h("p", { class: "error-field" }, `${t("error.field")}: `,
          h("strong", { "data-testid": claim ? "claim-error-field" : "error-field" }, label || error.field),
          label ? h("code", {}, error.field) : null)
      : null,
    // The module's own (English) message is for the officer or developer:
    // one tap away, not in the worker's view.
    h("details", { class: "error-detail" }, h("summary", {}, t("error.detail")),
      h("code", { "data-testid": claim ? "claim-error-code" : "error-code" }, error.code), " — ",
      h("span", { "data-testid": claim ? "claim-error-detail" : "error-detail" }, error.message)),
  );
  // The other errors of the form, found at once (errors.js).
  const more = claim ? [] : state.errors.slice(1);
  if (more.length) {
    box.append(h("ul", { class: "more-errors", "data-testid": "more-errors" }, more.map((e) => {
      const name = fieldLabel(e.field, false);
      return h("li", { "data-testid": "error-item", "data-code": e.code, "data-field": e.field || "" },
        name ? h("strong", {}, `${name}: `) : null,
        has(state.lang, `err.${e.code}`) ? t(`err.${e.code}`) : t("err.generic"));
    })));
  }
  box.hidden = false;
  if (!claim) {
    for (const e of [error, ...more]) {
      const control = e.field && $(`#case-form [data-key="${e.field}"]`);
      if (control) control.setAttribute("aria-invalid", "true");
    }
  }
}

function programName(program) {
  return t(`program.${program}`);
}

function shortProgram(program) {
  return program === "jkk_jkm" ? t("program.short.jkk_jkm") : program.toUpperCase();
}

// How a line's amount was reached, in words.
function lineHow(line) {
  if (line.base !== undefined && line.rate !== null && line.rate !== undefined) {
    // No-break spaces keep "0,445% × Rp12.000.000" on one line.
    return `${percent(line.rate, state.lang)}\u00a0×\u00a0${rupiah(line.base)}`;
  }
  if (line.base !== undefined) return t("lines.tiers", { base: rupiah(line.base) });
  if (line.program === "jkk_jkm") return t("lines.package");
  return t("lines.flat");
}

// A line component's label in the page's language. The module's labels are
// English free text; the known kinds are rebuilt from their rule id and
// numbers, anything else is shown as sent.
function componentLabel(component) {
  const tier = /\.tier_(\d+)$/.exec(component.rule);
  if (tier) {
    const m = /:\s*([\d.]+)% of ([\d,]+)$/.exec(component.label);
    if (!m) return t("component.tier.short", { n: tier[1] });
    const rate = m[1].replace(".", state.lang === "id" ? "," : ".");
    return t("component.tier", { n: tier[1], rate: `${rate}%`, part: rupiah(m[2].replace(/,/g, "")) });
  }
  if (component.rule === "pmi.extension") {
    const m = /^(\d+) month.* at ([\d,]+) each$/.exec(component.label);
    const base = t("component.pmi.extension");
    return m ? `${base}: ${m[1]} × ${rupiah(m[2].replace(/,/g, ""))}` : base;
  }
  if (component.rule === "pmi.package") {
    const m = /(\d+)-month/.exec(component.label);
    return m ? `${t("component.pmi.package")}: ${m[1]} ${state.lang === "id" ? "bulan" : "months"}` : t("component.pmi.package");
  }
  if (component.rule === "pmi.before_work") return t("component.pmi.before_work");
  return component.label;
}

// The source of an amount; the rule id stays in the markup for developers
// and tests (data-rule), never in the worker's view.
function sourceCell(item) {
  return h("td", { class: "source", "data-label": t("lines.source"), "data-rule": item.rule },
    h("span", { "data-testid": "line-source" }, item.source));
}

function linesTable(lines, testid) {
  const table = h("table", { class: "lines" },
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, t("lines.program")),
      h("th", { scope: "col" }, t("lines.payer")),
      h("th", { scope: "col" }, t("lines.how")),
      h("th", { scope: "col", class: "num" }, t("lines.amount")),
      h("th", { scope: "col" }, t("lines.source")))));
  const body = h("tbody");
  for (const line of lines) {
    body.append(h("tr", {
      class: "line", "data-testid": testid, "data-program": line.program, "data-payer": line.payer,
      "data-period": line.period, "data-amount": line.amount.toString(),
    },
    h("td", { class: "program", "data-label": t("lines.program") },
      h("abbr", { title: programName(line.program) }, shortProgram(line.program))),
    h("td", { class: "payer", "data-label": t("lines.payer"), "data-testid": "line-payer" }, t(`payer.${line.payer}`)),
    h("td", { class: "how", "data-label": t("lines.how") }, lineHow(line)),
    h("td", { class: "num amount", "data-label": t("lines.amount"), "data-testid": "line-amount" }, rupiah(line.amount)),
    sourceCell(line)));
    for (const component of line.components || []) {
      body.append(h("tr", { class: "component", "data-testid": "component" },
        h("td", { class: "component-label", colspan: "3" }, componentLabel(component)),
        h("td", { class: "num", "data-label": t("lines.amount") }, rupiah(component.amount)),
        // The part's citation only when it is not the line's own.
        h("td", { class: "source", "data-label": t("lines.source") }, component.source === line.source ? "" : component.source)));
    }
  }
  table.append(body);
  return table;
}

// Groups lines by period, keeping their order.
function byPeriod(lines) {
  const groups = new Map();
  for (const line of lines) {
    if (!groups.has(line.period)) groups.set(line.period, []);
    groups.get(line.period).push(line);
  }
  return groups;
}

// The discounts and reliefs the result applied, read from its rule ids.
function discounts(result) {
  const found = new Map();
  const note = (key, line) => {
    if (!found.has(key)) found.set(key, { programs: new Set(), periods: new Set() });
    const entry = found.get(key);
    entry.programs.add(line.program.toUpperCase());
    entry.periods.add(line.period);
  };
  for (const line of [...result.lines, ...result.deferred]) {
    if (line.rule.includes("discount_pp7_2025")) note("pp7_2025", line);
    if (line.rule.includes("discount_pp50_2025")) note("pp50_2025", line);
    if (/(relief|deferred)_pp49_2020/.test(line.rule)) note("pp49_2020", line);
    if (result.category === "bpu" && line.payer === "government") note("subsidised", line);
  }
  return found;
}

function renderResult() {
  const box = $("#result");
  box.replaceChildren();
  const r = state.result;
  if (!r) {
    box.hidden = true;
    return;
  }
  const periods = [...new Set(r.lines.map((l) => l.period))];
  const last = periods.length > 1 ? periods[periods.length - 1] : null;
  const catName = t(`cat.long.${r.category}`);
  box.append(
    h("h2", {}, t("result.heading")),
    h("p", { class: "result-for", "data-testid": "result-summary" },
      last
        ? t("result.for.range", { category: catName, period: formatPeriod(r.period), last: formatPeriod(last) })
        : t("result.for", { category: catName, period: formatPeriod(r.period) })),
  );

  // Totals by payer.
  // Payers with something to pay get a card; the others one quiet line,
  // so a BPU result does not lead with three zeros.
  const totals = h("div", { class: "totals", "data-testid": "totals" });
  const zeros = h("p", { class: "totals-zero" });
  for (const payer of PAYERS) {
    const amount = r.totals[payer];
    const attrs = { "data-testid": `total-${payer}`, "data-amount": amount.toString() };
    if (amount === 0n) {
      zeros.append(h("span", { ...attrs, class: "zero-total" }, `${t(`payer.${payer}`)} `,
        h("strong", { class: "total-amount", "data-testid": "total-amount" }, rupiah(amount))));
    } else {
      totals.append(h("div", { ...attrs, class: "total" },
        h("span", { class: "total-label" }, t(`payer.${payer}`)),
        h("strong", { class: "total-amount", "data-testid": "total-amount" }, rupiah(amount))));
    }
  }
  box.append(h("h3", { class: "sr-only" }, t("totals.heading")), totals);
  if (zeros.childElementCount) box.append(zeros);
  // PMI: the package is paid once for the whole contract, the optional JHT
  // every month; their sum is not a monthly amount, so each is shown apart.
  if (r.category === "pmi") {
    const once = r.lines.filter((l) => l.program === "jkk_jkm");
    const monthly = r.lines.filter((l) => l.program === "jht");
    const split = h("div", { class: "pmi-split", "data-testid": "pmi-split" });
    for (const l of once) {
      split.append(h("p", { "data-testid": "pmi-one-off", "data-amount": l.amount.toString() },
        h("span", {}, `${t("pmi.one_off")}: `), h("strong", {}, rupiah(l.amount))));
    }
    for (const l of monthly) {
      split.append(h("p", { "data-testid": "pmi-monthly", "data-amount": l.amount.toString() },
        h("span", {}, `${t("pmi.monthly")}: `), h("strong", {}, rupiah(l.amount))));
    }
    if (monthly.length) split.append(h("p", { class: "muted" }, t("pmi.total_note")));
    box.append(split);
  }
  box.append(h("p", { class: "due", "data-testid": "due-date" },
    h("span", {}, `${t("due.date")}: `),
    h("strong", {}, r.due_date ? formatDate(r.due_date) : t("due.none"))));

  // Discounts and relief.
  const found = discounts(r);
  const discountBox = h("section", { class: "discounts", "data-testid": "discounts" }, h("h3", {}, t("discount.heading")));
  if (found.size === 0) {
    discountBox.append(h("p", { class: "muted", "data-testid": "discount-none" }, t("discount.none")));
  } else {
    const list = h("ul");
    for (const [key, entry] of found) {
      // Every month of the result, or just the ones listed (a prepayment
      // that spans the start of a discount, D-19).
      const months = [...entry.periods];
      const periodsText =
        months.length > 1 && months.length === periods.length
          ? `${formatPeriod(months[0])} – ${formatPeriod(months[months.length - 1])}`
          : months.map(formatPeriod).join(", ");
      list.append(h("li", { "data-testid": `discount-${key}` },
        h("strong", {}, t(`discount.${key}`)), " ",
        h("span", { class: "muted" }, `${t("discount.applies_to")} ${[...entry.programs].join(", ")} · ${periodsText}`)));
    }
    discountBox.append(list);
  }
  box.append(discountBox);

  if (r.warnings.length) {
    box.append(h("section", { class: "warnings", "data-testid": "warnings" },
      h("h3", {}, t("warnings.heading")),
      h("ul", {}, r.warnings.map((w) => h("li", { "data-code": w.code }, codeText(w.code, w.message))))));
  }

  // Programs and their status.
  const billed = new Set([...r.lines, ...r.deferred].flatMap((l) => (l.program === "jkk_jkm" ? ["jkk", "jkm"] : [l.program])));
  const programs = h("ul", { class: "programs" });
  for (const p of r.programs) {
    const joined = billed.has(p.program);
    // "Not eligible" only because the registration date is not given (D-13)
    // is not a verdict: the page says what is missing instead.
    const unknown = p.status === "not_eligible" && p.reasons.length > 0
      && p.reasons.every((x) => x.code === "registration_date_unknown");
    const badge = unknown ? "status.unknown" : `status.${p.status}`;
    programs.append(h("li", { "data-testid": `program-${p.program}`, "data-status": p.status },
      h("div", { class: "program-head" },
        h("span", { class: "program-name" }, programName(p.program)),
        h("span", { class: `badge ${unknown ? "unknown" : p.status}`, "data-testid": "program-status" }, t(badge)),
        p.status !== "not_eligible"
          ? h("span", { class: `joined ${joined ? "yes" : "no"}` }, joined ? `✓ ${t("programs.joined")}` : t("programs.not_joined"))
          : null),
      unknown
        ? h("p", { class: "reasons missing", "data-testid": "program-missing" }, t("jkp.needs_registration"))
        : p.reasons.length
          ? h("ul", { class: "reasons" }, p.reasons.map((x) => h("li", { "data-code": x.code }, codeText(x.code, x.message))))
          : null));
  }
  const programSection = h("section", { class: "program-section" }, h("h3", {}, t("programs.heading")), programs);
  const e = state.eligibility;
  if (e) {
    const facts = h("dl", { class: "facts" });
    if (e.pension_age_reached_on) facts.append(h("dt", {}, t("pension.reached_on")), h("dd", {}, formatDate(e.pension_age_reached_on)));
    if (e.last_jp_period) facts.append(h("dt", {}, t("pension.last_jp_period")), h("dd", {}, formatPeriod(e.last_jp_period)));
    if (typeof e.jkp_participant === "boolean") facts.append(h("dt", {}, t("jkp.participant")), h("dd", {}, t(e.jkp_participant ? "yes" : "no")));
    if (facts.childElementCount) programSection.append(facts);
  }
  box.append(programSection);

  // Lines, by period.
  // On a phone the line-by-line table is one tap away, so the result is
  // short: totals, discounts, programs; on a desktop it is open.
  const wide = !window.matchMedia || window.matchMedia("(min-width: 700px)").matches;
  const linesSection = h("details", { class: "lines-section", "data-testid": "lines-section", open: wide },
    h("summary", {}, h("h3", {}, t("lines.heading"))));
  if (r.lines.length === 0) linesSection.append(h("p", { class: "muted" }, t("lines.none")));
  const groups = byPeriod(r.lines);
  for (const [period, lines] of groups) {
    if (groups.size > 1) linesSection.append(h("h4", { class: "period-head" }, t("lines.period", { period: formatPeriod(period) })));
    linesSection.append(linesTable(lines, "line"));
  }
  box.append(linesSection);

  if (r.deferred.length) {
    box.append(h("section", { class: "lines-section", "data-testid": "deferred" },
      h("h3", {}, t("deferred.heading")), h("p", { class: "muted" }, t("deferred.hint")),
      linesTable(r.deferred, "deferred-line")));
  }
  if (r.allocations.length) {
    box.append(h("section", { class: "allocations", "data-testid": "allocations" },
      h("h3", {}, t("alloc.heading")), h("p", { class: "muted" }, t("alloc.hint")),
      h("ul", {}, r.allocations.map((a) => h("li", { "data-testid": "allocation", "data-amount": a.amount.toString() },
        h("strong", {}, t("alloc.row", { from: a.from.toUpperCase(), to: a.to.toUpperCase() })), ": ",
        a.rate ? `${percent(a.rate, state.lang)} × ${rupiah(a.base)} = ` : "",
        h("span", { class: "amount" }, rupiah(a.amount)),
        a.source ? h("span", { class: "muted" }, ` · ${a.source}`) : null)))));
  }
  box.hidden = false;
}

function paymentLabel(payment) {
  let detail = "";
  const month = /^month (\d+)$/.exec(payment.label);
  const child = /child (\d+)/.exec(payment.label);
  // In English the module's own label says it best; in Indonesian the kind
  // is translated and the month or child number carried over.
  if (state.lang === "en" && payment.label) return payment.label.charAt(0).toUpperCase() + payment.label.slice(1);
  if (month) detail = t("label.month", { n: month[1] });
  else if (child) detail = t("label.child", { n: child[1] });
  return detail ? `${t(`kind.${payment.kind}`)} — ${detail}` : t(`kind.${payment.kind}`);
}

function renderClaim() {
  renderError($("#claim-error"), state.claimError, true);
  const box = $("#claim-result");
  box.replaceChildren();
  const c = state.claim;
  if (!c) {
    box.hidden = true;
    return;
  }
  box.append(h("p", { class: `verdict ${c.eligible ? "ok" : "no"}`, "data-testid": "claim-eligible", "data-eligible": String(c.eligible) },
    t(c.eligible ? "claim.eligible" : "claim.not_eligible")));
  if (c.reasons.length) {
    box.append(h("ul", { class: "reasons" }, c.reasons.map((x) => h("li", { "data-code": x.code }, codeText(x.code, x.message)))));
  }
  if (c.earliest_claim_date) {
    box.append(h("p", {}, `${t("claim.earliest")}: `, h("strong", {}, formatDate(c.earliest_claim_date))));
  }
  if (c.payments.length) {
    const body = h("tbody");
    for (const p of c.payments) {
      body.append(h("tr", { class: p.kind === "maximum" ? "line maximum" : "line", "data-testid": "claim-payment", "data-amount": p.amount.toString() },
        h("td", { "data-label": t("claim.payments") }, paymentLabel(p)),
        h("td", { class: "num amount", "data-label": t("lines.amount") }, rupiah(p.amount)),
        sourceCell(p)));
    }
    box.append(h("table", { class: "lines claim-table" },
      h("thead", {}, h("tr", {},
        h("th", { scope: "col" }, t("claim.payments")),
        h("th", { scope: "col", class: "num" }, t("lines.amount")),
        h("th", { scope: "col" }, t("lines.source")))),
      body));
    if (c.payments.some((p) => p.kind === "maximum")) box.append(h("p", { class: "muted" }, t("claim.maximum.note")));
  } else if (c.eligible) {
    box.append(h("p", { class: "muted" }, t("claim.no_payments")));
  }
  box.append(h("p", { class: "claim-total" }, `${t("claim.total")}: `,
    h("strong", { "data-testid": "claim-total", "data-amount": c.total.toString() }, rupiah(c.total))));
  if (c.notes.length) {
    box.append(h("ul", { class: "notes" }, c.notes.map((n) => h("li", { "data-code": n.code }, codeText(n.code, n.message)))));
  }
  box.hidden = false;
}

function render() {
  renderError($("#error"), state.error, false);
  renderResult();
  $("#claims").hidden = !state.result;
  renderClaim();
  const json = $("#json-view");
  json.hidden = state.caseJson === null;
  $("#json-input").textContent = state.caseJson || "";
  $("#json-output").textContent = state.outputJson ? JSON.stringify(JSON.parse(state.outputJson), null, 2) : "";
}

// ---------------------------------------------------------------- start

function wire() {
  $("#case-form").addEventListener("submit", (event) => {
    event.preventDefault();
    compute();
  });
  $("#case-form").addEventListener("change", (event) => {
    if (event.target.name === "category" || event.target.name === "method") updateVisibility();
  });
  $("#example").addEventListener("click", fillExample);
  $("#lang-switch").addEventListener("click", () => setLang(state.lang === "id" ? "en" : "id"));
  $("#claim-form").addEventListener("submit", (event) => {
    event.preventDefault();
    computeClaim();
  });
  $("#claim-form").addEventListener("change", (event) => {
    if (event.target.dataset.prefill) event.target.dataset.edited = "true";
    updateClaimVisibility();
  });
  for (const el of $$("[data-money]")) {
    // Shows the amount as typed, formatted, so a missing zero is visible.
    const preview = h("small", { class: "money-preview", "aria-live": "polite" });
    el.after(preview);
    el.addEventListener("input", () => {
      const value = integerInput(el.value);
      preview.textContent = value && value.digits ? `= ${rupiah(value.digits)}` : "";
    });
  }
}

function defaultPeriod() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
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
  buildClaimFields();
  wire();
  applyLang();
  if (!$("#f-period").value) $("#f-period").value = defaultPeriod();
  updateVisibility();
  updateClaimVisibility();
  if ("serviceWorker" in navigator) {
    // Offline after one visit (sw.js); without it the page still works online.
    navigator.serviceWorker.register("sw.js").catch(() => {});
  }
  try {
    await init();
    state.ready = true;
    $("#loading").hidden = true;
    $("#submit").disabled = false;
    document.body.dataset.ready = "true";
  } catch (e) {
    $("#loading").textContent = `${t("load.failed")} (${e})`;
    $("#loading").classList.add("failed");
  }
}

main();
