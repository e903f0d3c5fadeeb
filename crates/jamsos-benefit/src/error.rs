//! Why a claim cannot be answered.

use chrono::NaiveDate;
use thiserror::Error;

/// Why a claim cannot be answered: it is malformed or outside the encoded
/// rules (D-35). A claim the rules do not pay is not an error but an
/// [`Outcome`](crate::Outcome) with reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ClaimError {
    /// A claim's date is before the first row of a benefit table it needs:
    /// the older rules are not encoded (D-6, D-30, D-33).
    #[error("no rule of {table} is in force on {field} {date}: older rules are not encoded")]
    NoBenefitRuleOn {
        /// The table that has no row.
        table: &'static str,
        /// The claim field holding the date (`claim_date`, `death_date`, …).
        field: &'static str,
        /// The date asked for.
        date: NaiveDate,
    },
    /// Two dates of a claim in an order that cannot be true (D-7a, D-35).
    #[error("{field} {date} is before {other_field} {other}")]
    DateBefore {
        /// The field whose date is too early.
        field: &'static str,
        /// Its date.
        date: NaiveDate,
        /// The field it cannot precede.
        other_field: &'static str,
        /// That field's date.
        other: NaiveDate,
    },
    /// A date the claim's trigger needs is absent.
    #[error("{field} is required for this claim")]
    MissingDate {
        /// The absent field.
        field: &'static str,
    },
    /// A count (months, children) outside its allowed range (D-4, D-35).
    #[error("{field} {value} is outside the allowed range {min} to {max}")]
    CountOutOfRange {
        /// The field.
        field: &'static str,
        /// The value given.
        value: u32,
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
    },
    /// The months paid in the last 24 cannot be fewer than the consecutive
    /// months paid right before dismissal (capped at 24).
    #[error(
        "months_paid_last_24 {paid} is fewer than the {consecutive} consecutive months paid right before dismissal"
    )]
    PaidMonthsBelowConsecutive {
        /// Months paid in the 24 months before dismissal.
        paid: u32,
        /// Consecutive months before dismissal, capped at 24.
        consecutive: u32,
    },
    /// A benefit amount does not fit in 64 bits (inputs far beyond D-4), or a
    /// table pays more months than a result holds.
    #[error("the {benefit} benefit amount is too large to compute")]
    BenefitOverflow {
        /// The benefit's code.
        benefit: &'static str,
    },
}
