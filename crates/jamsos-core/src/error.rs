use thiserror::Error;

/// Errors from the core types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CoreError {
    /// A period string is not of the form `YYYY-MM` with a month 01…12.
    #[error("period must be YYYY-MM with a month from 01 to 12")]
    InvalidPeriod,
    /// A rate string is not a decimal fraction from 0 to 1 with at most eight decimals.
    #[error("rate must be a decimal fraction from 0 to 1 with at most 8 decimal places")]
    InvalidRate,
    /// A sum of rupiah amounts does not fit in 64 bits.
    #[error("rupiah amount overflows")]
    Overflow,
}

/// Why a text is not a date ([`crate::parse_date`]). The messages never repeat
/// the text, which may be a birth date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum DateError {
    /// Not exactly `YYYY-MM-DD`: ten characters, digits and two hyphens.
    #[error("a date must be YYYY-MM-DD")]
    Syntax,
    /// Of that form, but no such day: year 0000, a month outside 01…12, or a
    /// day the month does not have (`2023-02-29`).
    #[error(
        "no such date: the year must be 0001 to 9999, the month 01 to 12, and the day must exist in that month"
    )]
    NoSuchDay,
}
