use jamsos_core::{Period, Rupiah};
use jamsos_eligibility::EligibilityError;
use thiserror::Error;

/// Why a contribution cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ContributionError {
    /// The eligibility question failed (period out of range, impossible dates).
    #[error(transparent)]
    Eligibility(#[from] EligibilityError),
    /// No row of a table is in force for the period (D-6).
    #[error("no rule of {table} is in force for period {period}: the programs start in 2015-07")]
    NoRuleInForce {
        /// The table that has no row.
        table: &'static str,
        /// The period asked for.
        period: Period,
    },
    /// A list or total outgrew its fixed capacity. Amounts are capped by D-4 and
    /// the lists hold every line a case can bill, so this would be a bug; it is an
    /// error rather than a panic.
    #[error(
        "internal capacity exceeded while assessing period {period}; please report this as a bug"
    )]
    Capacity {
        /// The period being assessed.
        period: Period,
    },
    /// A late fine does not fit in 64 bits (an unpaid amount far beyond the
    /// D-4 limits, paid centuries late).
    #[error("the late fine for period {period} is too large to compute")]
    FineOverflow {
        /// The period of the unpaid contribution.
        period: Period,
    },
    /// The period's due date would fall after 9999-12-31.
    #[error("period {period} is due after the last date jamsos handles (9999-12-31)")]
    DueAfterCalendarEnd {
        /// The period asked for.
        period: Period,
    },
    /// The wage is below the absolute floor of SE BPJS B/12/012023 (D-8).
    #[error("wage {wage} is below the floor of {floor} rupiah in force from 2023-01 (D-8)")]
    WageBelowFloor {
        /// The wage given.
        wage: Rupiah,
        /// The floor in force.
        floor: Rupiah,
    },
    /// A BPU income that no bracket of a caller's income grid holds (D-17;
    /// the built-in table holds every income).
    #[error("income {income} is outside the income table: {}", allowed_incomes(*income, *min, *max))]
    IncomeOutOfRange {
        /// The declared income.
        income: Rupiah,
        /// The lowest income the grid holds.
        min: Rupiah,
        /// The highest income the grid holds; `None`: no upper end.
        max: Option<Rupiah>,
    },
    /// A PMI contract length the regime of the period does not offer (D-25).
    #[error("a contract of {months} months has no package in period {period}: {allowed} (D-25)")]
    ContractMonthsNotOffered {
        /// The contract's length.
        months: u8,
        /// The period.
        period: Period,
        /// What the regime offers, for people.
        allowed: &'static str,
    },
    /// A PMI JHT amount the regime does not offer (D-27).
    #[error(
        "JHT of {amount} rupiah a month is not offered: choose 50000, 100000, 200000, 300000, 400000, 500000 or 600000, or 0 for none (D-27)"
    )]
    JhtMonthlyNotOffered {
        /// The amount given.
        amount: Rupiah,
    },
    /// A prepaid month would fall after 9999-12.
    #[error("prepaying from {period} runs past 9999-12, the last period jamsos handles")]
    PeriodAfterCalendarEnd {
        /// The first period.
        period: Period,
    },
}

/// What a grid allows, from its own limits (D-17): its range, or, for an
/// income inside the range, that it falls in a gap between brackets.
struct AllowedIncomes {
    income: Rupiah,
    min: Rupiah,
    max: Option<Rupiah>,
}

fn allowed_incomes(income: Rupiah, min: Rupiah, max: Option<Rupiah>) -> AllowedIncomes {
    AllowedIncomes { income, min, max }
}

impl core::fmt::Display for AllowedIncomes {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let AllowedIncomes { income, min, max } = *self;
        let inside = income >= min && max.is_none_or(|max| income <= max);
        if inside {
            f.write_str("it falls between two brackets of the supplied grid, ")?;
        }
        match max {
            Some(max) => write!(f, "allowed {min} to {max} rupiah (D-17)"),
            None => write!(f, "allowed {min} rupiah or more (D-17)"),
        }
    }
}
