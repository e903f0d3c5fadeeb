// The JavaScript face of the jamsos WebAssembly module: documents in,
// documents out, exactly the JSON contract v1 (docs/CONTRACT.md) that the
// `jamsos` command line speaks. No contract logic lives here; every answer
// is the module's, which is `jamsos_contract::respond`, the command line's.
//
// Money never passes through a JavaScript number: the answers are parsed
// with every JSON integer as a `bigint` (lossless-json), so an amount past
// 2^53 rupiah keeps every digit, and a document given as an object may hold
// its amounts as `bigint`s. A `number` that is an integer JavaScript cannot
// hold exactly is refused before it reaches the module, since its digits
// are already lost.

import { parse, parseNumberAndBigInt, stringify } from "lossless-json";

/** The contract version these bindings speak (every result's `version`). */
export const CONTRACT_VERSION = 1;

/**
 * Invalid input, as the contract's error object: `code` (`missing_field`,
 * `invalid_amount`, ...), `field` (a dotted path such as
 * `participant.wage`, or `null`) and `message` (English).
 */
export class InvalidInput extends Error {
  constructor(error) {
    super(error.message);
    this.name = "InvalidInput";
    this.code = error.code;
    this.field = error.field;
    /** The whole error document, `{error: {code, message, field}}`. */
    this.document = { error };
  }
}

function checkNumbers(value, path) {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new TypeError(`${path || "document"}: ${value} is not a JSON number`);
    }
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      throw new RangeError(
        `${path || "document"}: an integer past 2^53 cannot be exact as a number; pass a bigint or the JSON text`,
      );
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkNumbers(item, `${path}[${i}]`));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      checkNumbers(item, path ? `${path}.${key}` : key);
    }
  }
}

/** The JSON text of `doc`: a string is taken as it is. */
export function documentText(doc) {
  if (typeof doc === "string") {
    return doc;
  }
  checkNumbers(doc, "");
  const text = stringify(doc);
  if (text === undefined) {
    throw new TypeError("a document is a JSON string or a plain object");
  }
  return text;
}

/** Parses one of the module's answers, integers as `bigint`. */
export function parseAnswer(text) {
  return parse(text, undefined, parseNumberAndBigInt);
}

/** The public functions over the module's raw `(string) => string` ones. */
export function bind(raw) {
  const answer = (fn) => (doc) => {
    const value = parseAnswer(fn(documentText(doc)));
    if (value !== null && typeof value === "object" && "error" in value) {
      throw new InvalidInput(value.error);
    }
    return value;
  };
  const json = (fn) => (doc) => fn(documentText(doc));
  return {
    contribution: answer(raw.contribution),
    eligibility: answer(raw.eligibility),
    benefit: answer(raw.benefit),
    fine: answer(raw.fine),
    contributionJson: json(raw.contribution),
    eligibilityJson: json(raw.eligibility),
    benefitJson: json(raw.benefit),
    fineJson: json(raw.fine),
  };
}
