// The jamsos package: the JSON contract v1 (docs/CONTRACT.md) over the
// WebAssembly module, from Node (ESM) or a bundler.

import type {
  BenefitResult,
  ContributionResult,
  EligibilityResult,
  ErrorCode,
  ErrorDocument,
  FineResult,
} from "./contract.js";
import type { BenefitClaim, ContributionCase, EligibilityCase, LatePayment } from "./inputs.js";

export type * from "./contract.js";
export type * from "./inputs.js";

/** The contract version these bindings speak (every result's `version`). */
export declare const CONTRACT_VERSION: 1;

/** Invalid input: the contract's error object, thrown. */
export declare class InvalidInput extends Error {
  readonly name: "InvalidInput";
  /** The error code (`missing_field`, `invalid_amount`, ...). */
  readonly code: ErrorCode;
  /** The offending field as a dotted path (`participant.wage`), or null. */
  readonly field: string | null;
  /** The whole error document, as the command line prints it. */
  readonly document: ErrorDocument;
}

/**
 * A document: the object, or its JSON text. Integers in an object are
 * `bigint`s or safe-integer `number`s.
 */
export type Input<T> = T | string;

/** `jamsos contribution` (CONTRACT.md §1); throws {@link InvalidInput}. */
export declare function contribution(doc: Input<ContributionCase>): ContributionResult;
/** `jamsos eligibility` (CONTRACT.md §3); throws {@link InvalidInput}. */
export declare function eligibility(doc: Input<EligibilityCase>): EligibilityResult;
/** `jamsos benefit` (CONTRACT.md §4); throws {@link InvalidInput}. */
export declare function benefit(doc: Input<BenefitClaim>): BenefitResult;
/** `jamsos fine` (CONTRACT.md §5); throws {@link InvalidInput}. */
export declare function fine(doc: Input<LatePayment>): FineResult;

/** The command line's standard output for the case, byte for byte (a result or the error document). */
export declare function contributionJson(doc: Input<ContributionCase>): string;
/** The command line's standard output for the case, byte for byte. */
export declare function eligibilityJson(doc: Input<EligibilityCase>): string;
/** The command line's standard output for the claim, byte for byte. */
export declare function benefitJson(doc: Input<BenefitClaim>): string;
/** The command line's standard output for the late payment, byte for byte. */
export declare function fineJson(doc: Input<LatePayment>): string;
