use thiserror::Error;

/// Invalid worker data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum WorkerError {
    /// A JKK risk group outside 1…5.
    #[error("risk class {0} is not a JKK risk group: allowed 1 (very low) to 5 (very high)")]
    InvalidRiskClass(i64),
    /// A money amount below Rp1 (D-4).
    #[error("amount {0} is not allowed: money amounts are whole rupiah of at least 1")]
    AmountNotPositive(i64),
    /// A money amount above its plausibility limit (D-4).
    #[error("amount {amount} is above the limit of {limit} rupiah")]
    AmountTooLarge {
        /// The amount given.
        amount: u64,
        /// The largest amount accepted.
        limit: u64,
    },
    /// A count (workers, months) outside its allowed range (D-4).
    #[error("{value} is outside the allowed range {min}…{max}")]
    CountOutOfRange {
        /// The value given.
        value: i64,
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A BPU prepayment other than 1, 3, 6 or 12 months (D-19).
    #[error("{0} months cannot be prepaid: allowed are 1, 3, 6 or 12 (D-19)")]
    InvalidPrepay(i64),
}
