// Every error of a document at once, all of them found by the WebAssembly
// module (the page never judges a value itself). The module reports the
// first error in the contract's order; the field it names is then left out
// and the document asked again, until the module has nothing more to say
// about fields not yet reported, or an error names no field.

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

// A copy of `doc` without the dotted `path` ("participant.nik"), or null
// when the document has no such field.
function without(doc, path) {
  const copy = clone(doc);
  const parts = path.split(".");
  let node = copy;
  for (const part of parts.slice(0, -1)) {
    if (node === null || typeof node !== "object" || !(part in node)) return null;
    node = node[part];
  }
  const last = parts[parts.length - 1];
  if (node === null || typeof node !== "object" || !(last in node)) return null;
  delete node[last];
  return copy;
}

// `answer(json)` is a module function (contribution, projection…). Returns
// `{ result, errors }`: the result document when there is no error, else
// every error found, first one first (at most `limit`).
export function allErrors(answer, doc, limit = 8) {
  const first = parseDocument(answer(toJson(doc)));
  if (!first.error) return { result: first, errors: [] };
  const errors = [first.error];
  const seen = new Set([first.error.field]);
  let current = doc;
  let error = first.error;
  while (errors.length < limit && error.field) {
    const next = without(current, error.field);
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
