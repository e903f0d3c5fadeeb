// Every error of a document at once, all of them found by the WebAssembly
// module (the page never judges a value itself). The module reports the
// first error in the contract's order; the field it names is then replaced
// by a value known to be good (the page's example for that field, when it
// has one) or left out, and the document asked again, until the module has
// nothing more to say about fields not yet reported, or an error names no
// field. Only the errors are kept; the probing answers are thrown away.

import { Int, parseDocument, toJson } from "./format.js";

// A deep copy that keeps `Int` values (money typed by the user) as digits.
function clone(value) {
  if (value instanceof Int) return new Int(value.digits);
  if (Array.isArray(value)) return value.map(clone);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
  }
  return value;
}

// A copy of `doc` with the dotted `path` ("participant.nik") set to
// `fallback` (or left out when there is none); null when the document has
// no such field.
function without(doc, path, fallback) {
  const copy = clone(doc);
  const parts = path.split(".");
  let node = copy;
  for (const part of parts.slice(0, -1)) {
    if (node === null || typeof node !== "object" || !(part in node)) return null;
    node = node[part];
  }
  const last = parts[parts.length - 1];
  if (node === null || typeof node !== "object" || !(last in node)) return null;
  if (fallback === undefined) delete node[last];
  else node[last] = clone(fallback);
  return copy;
}

// `answer(json)` is a module function (contribution, projection…);
// `fallback(path)` a good value for a field, or undefined. Returns
// `{ result, errors }`: the result document when there is no error, else
// every error found, first one first (at most `limit`).
export function allErrors(answer, doc, fallback = () => undefined, limit = 8) {
  const first = parseDocument(answer(toJson(doc)));
  if (!first.error) return { result: first, errors: [] };
  const errors = [first.error];
  const seen = new Set([first.error.field]);
  let current = doc;
  let error = first.error;
  while (errors.length < limit && error.field) {
    const next = without(current, error.field, fallback(error.field));
    if (next === null) break;
    current = next;
    const again = parseDocument(answer(toJson(current)));
    // Stop at a result, or at a field already reported (left out, it is now
    // missing: not a new error).
    if (!again.error || seen.has(again.error.field)) break;
    errors.push(again.error);
    seen.add(again.error.field);
    error = again.error;
  }
  return { result: null, errors };
}
