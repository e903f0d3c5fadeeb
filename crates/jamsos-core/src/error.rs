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
