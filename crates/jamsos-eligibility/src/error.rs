use chrono::NaiveDate;
use jamsos_core::Period;
use thiserror::Error;

/// Why eligibility cannot be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum EligibilityError {
    /// The period is before the first row of a table it needs (D-6).
    #[error("no rule of {table} is in force for period {period}: the programs start in 2015-07")]
    NoRuleInForce {
        /// The table that has no row.
        table: &'static str,
        /// The period asked for.
        period: Period,
    },
    /// The birth date is after the last day of the period (D-7a).
    #[error("birth date {birth_date} is after the end of period {period}")]
    BornAfterPeriod {
        /// The birth date given.
        birth_date: NaiveDate,
        /// The period asked for.
        period: Period,
    },
    /// The registration date is before the birth date (D-7a).
    #[error("registration date {registered_on} is before the birth date {birth_date}")]
    RegisteredBeforeBirth {
        /// The registration date given.
        registered_on: NaiveDate,
        /// The birth date given.
        birth_date: NaiveDate,
    },
}
