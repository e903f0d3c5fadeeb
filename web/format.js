// Exact number handling and Indonesian formatting, without floating point.
//
// Money in the contract is whole rupiah (D-1). JSON numbers become
// JavaScript doubles, exact only up to 2^53; the page therefore reads every
// integer of a result as a BigInt taken from the JSON text itself, and
// writes every integer of a case as the digits the user typed. Nothing here
// does arithmetic on money: the WebAssembly module has done it.

// A JSON integer written from its digits, never through a double.
export class Int {
  constructor(digits) {
    this.digits = digits;
  }
}

// Parses a result document with every integer as a BigInt. Where the
// browser gives the reviver the number's source text (JSON.parse source
// text access), the BigInt comes from that text; otherwise from the value,
// which is exact for every amount the contract allows (D-4 keeps them
// below 2^53).
export function parseDocument(text) {
  return JSON.parse(text, (key, value, context) => {
    if (typeof value !== "number") return value;
    const source = context && typeof context.source === "string" ? context.source : null;
    if (source !== null && /^-?\d+$/.test(source)) return BigInt(source);
    if (Number.isSafeInteger(value)) return BigInt(value);
    return value;
  });
}

// JSON text for a case: objects, arrays, strings, booleans, null, BigInt
// and `Int` (written as its digits). `indent` pretty-prints.
export function toJson(value, indent = "", step = "") {
  const nl = step ? "\n" : "";
  const inner = indent + step;
  const sep = step ? ": " : ":";
  if (value === null || value === undefined) return "null";
  if (value instanceof Int) return value.digits;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" || typeof value === "boolean" || typeof value === "number") {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[${nl}${value.map((v) => inner + toJson(v, inner, step)).join(`,${nl}`)}${nl}${indent}]`;
  }
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (keys.length === 0) return "{}";
  return `{${nl}${keys
    .map((k) => `${inner}${JSON.stringify(k)}${sep}${toJson(value[k], inner, step)}`)
    .join(`,${nl}`)}${nl}${indent}}`;
}

// Digits grouped by three with dots, the Indonesian way: 1234567 → 1.234.567.
export function groupDigits(value) {
  const text = String(value);
  const negative = text.startsWith("-");
  const digits = negative ? text.slice(1) : text;
  let grouped = "";
  for (let i = 0; i < digits.length; i += 1) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += ".";
    grouped += digits[i];
  }
  return (negative ? "-" : "") + grouped;
}

// Whole rupiah as Indonesians write it: `Rp1.234.567` (also in the English
// view, since the currency's own convention is what people check).
export function rupiah(value) {
  const text = String(value);
  return text.startsWith("-") ? `-Rp${groupDigits(text.slice(1))}` : `Rp${groupDigits(text)}`;
}

// The integer a money text shows: `Rp1.234.567` → "1234567" (for tests and
// for reading back what the page displays).
export function digitsOf(text) {
  return text.replace(/[^\d-]/g, "");
}

// A contract rate (a decimal fraction as text, "0.00445") as a percentage
// with a decimal comma (id) or point (en): "0,445%". Shifting the decimal
// point is done on the digits, so no rate is ever rounded.
export function percent(rate, lang) {
  const [int, frac = ""] = String(rate).split(".");
  const digits = int + frac.padEnd(2, "0");
  let whole = digits.slice(0, int.length + 2).replace(/^0+/, "");
  if (whole === "") whole = "0";
  const rest = digits.slice(int.length + 2).replace(/0+$/, "");
  const sep = lang === "id" ? "," : ".";
  return rest === "" ? `${whole}%` : `${whole}${sep}${rest}%`;
}

// The text a user typed into a money or count field, as a JSON value:
// absent when empty; an `Int` for digits, optionally grouped with dots or
// spaces the Indonesian way ("12.000.000"); anything else is passed on as
// text, so the module answers `invalid_type` naming the field instead of
// the page guessing what was meant.
export function integerInput(text) {
  const trimmed = text.trim().replace(/^Rp\s?/i, "");
  if (trimmed === "") return undefined;
  let digits = null;
  if (/^-?\d+$/.test(trimmed)) digits = trimmed;
  else if (/^-?\d{1,3}([. ]\d{3})+$/.test(trimmed)) digits = trimmed.replace(/[. ]/g, "");
  if (digits === null) return trimmed;
  // JSON has no leading zeros: "007" is 7.
  return new Int(digits.replace(/^(-?)0+(?=\d)/, "$1"));
}
