//! What a worker's JHT (Jaminan Hari Tua, old-age savings) balance grows to,
//! month by month, under the caller's stated wage growth and yield
//! (DECISIONS.md D-36, CONTRACT.md §6). An estimate, never a promise.
//!
//! Each month is assessed as its own contribution case (CONTRACT.md §1), so
//! the rules in force that month apply: the JHT rates, the PP 49/2020 months,
//! the BPU income table (D-17). For month k = 0 … months − 1 from `start`:
//!
//! - the wage (PU) or declared income (BPU) is `w × (1 + wage_growth)^(k div
//!   12)`, computed exactly and rounded once, half up, to whole rupiah;
//! - the month's contribution is the JHT its assessment bills, all payers
//!   together (a BPU participant as if opted in to JHT);
//! - the balance before the month earns `yield / 12` of itself, computed
//!   exactly and rounded once, half up; the contribution is credited after.
//!
//! ```
//! use jamsos_contribution::Options;
//! use jamsos_core::{Rate, Rupiah};
//! use jamsos_projection::{JhtProjection, Projected, project_jht};
//! use jamsos_worker::{PuWorker, RiskClass, Scale, Wage};
//!
//! let birth = jamsos_core::parse_date("1995-03-01")?;
//! let worker = PuWorker::new(birth, Wage::new(5_000_000)?, RiskClass::try_from(2u8)?, Scale::Large);
//! let p = JhtProjection {
//!     start: "2026-01".parse()?,
//!     months: 12,
//!     opening_balance: Rupiah::ZERO,
//!     wage_growth: Rate::ZERO,
//!     yield_rate: Rate::ZERO,
//! };
//! let projection = project_jht(&Projected::Pu(worker), &p, &Options::default())?;
//! // 12 months of JHT at 5.7% (3.7% employer + 2% worker) of Rp5,000,000.
//! assert_eq!(projection.contributions, 12 * 285_000);
//! assert_eq!(projection.balance, 3_420_000);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![no_std]

extern crate alloc;

use alloc::vec::Vec;

use jamsos_contribution::{ContributionError, Line, Options, Warnings, assess_bpu, assess_pu};
use jamsos_core::{Billed, Period, Program, Rate, Rupiah};
use jamsos_worker::pu::MAX_MONTHLY_AMOUNT;
use jamsos_worker::{BpuWorker, Income, Prepay, PuWorker, Wage};
use num_bigint::BigUint;

/// The most months one projection covers (CONTRACT.md §6): fifty years.
pub const MAX_MONTHS: u16 = 600;

/// The largest opening balance accepted, and the largest balance a
/// projection may reach: Rp1,000,000,000,000,000,000 (10^18, a thousand
/// times the D-4 limit of a month's wage for every month of fifty years, and
/// still exact in 64 bits). Beyond it the assumptions are not a plausible
/// estimate.
pub const MAX_BALANCE: u64 = 1_000_000_000_000_000_000;

/// Rate units in a whole (`Rate` holds eight decimal places).
const RATE_ONE: u128 = 100_000_000;

/// Months in a year: the yield is yearly and credited monthly (D-36).
const MONTHS_PER_YEAR: u16 = 12;

/// Who is projected: the categories with a JHT to project (CONTRACT.md §6).
///
/// With the `serde` feature it reads and writes as the contract's participant
/// object: `category` beside the record's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "category", rename_all = "snake_case")
)]
pub enum Projected {
    /// A wage earner: the wage grows.
    Pu(PuWorker),
    /// An informal worker: the declared income grows; JHT as if opted in.
    Bpu(BpuWorker),
}

/// The stated assumptions of a projection (D-36).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct JhtProjection {
    /// The first projected contribution month.
    pub start: Period,
    /// How many months, 1 … [`MAX_MONTHS`].
    pub months: u16,
    /// The balance before the first month.
    pub opening_balance: Rupiah,
    /// Yearly wage (or income) growth, applied every 12 months from `start`.
    pub wage_growth: Rate,
    /// Yearly yield, credited monthly at `yield / 12`.
    pub yield_rate: Rate,
}

/// One block of 12 months from `start` (the last may be shorter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct YearBlock {
    /// 1 for the first 12 months.
    pub year: u16,
    /// The block's last month.
    pub through: Period,
    /// The JHT billed in the block.
    pub contributions: u64,
    /// The yield credited in the block.
    pub returns: u64,
    /// The balance after the block's last month.
    pub balance: u64,
}

/// A projected JHT balance.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Projection {
    /// The last projected month.
    pub end: Period,
    /// Year by year.
    pub years: Vec<YearBlock>,
    /// All JHT billed.
    pub contributions: u64,
    /// All yield credited.
    pub returns: u64,
    /// The final balance: opening balance + contributions + returns.
    pub balance: u64,
    /// The first month whose assessment bills no JHT (e.g. a micro employer
    /// without JHT, D-9), if any.
    pub jht_not_billed: Option<Period>,
    /// The monthly assessments' warnings, together.
    pub warnings: Warnings,
}

/// Why a projection cannot be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectionError {
    /// `months` outside 1 … [`MAX_MONTHS`].
    #[error("{0} months cannot be projected: allowed are 1 to {max}", max = MAX_MONTHS)]
    Months(u16),
    /// The last month would be after 9999-12.
    #[error("the projection would end after 9999-12")]
    PeriodAfterCalendarEnd,
    /// A month's assessment failed.
    #[error(transparent)]
    Contribution(#[from] ContributionError),
    /// The grown wage or income passes the D-4 limit in a month.
    #[error(
        "the wage or income grown by wage_growth passes the limit of 1000000000000 rupiah (D-4) in {0}"
    )]
    WageTooLarge(Period),
    /// The balance passes [`MAX_BALANCE`] in a month.
    #[error("the balance passes 1000000000000000000 rupiah in {0}")]
    BalanceTooLarge(Period),
    /// The opening balance is above [`MAX_BALANCE`].
    #[error("an opening balance above 1000000000000000000 rupiah is not plausible")]
    OpeningTooLarge,
}

/// `amount × (1 + growth)^years`, exact, rounded once half up (D-36); `None`
/// above the D-4 limit.
fn grown(amount: Rupiah, growth: Rate, years: u32) -> Option<u64> {
    if years == 0 || growth == Rate::ZERO {
        return Some(amount.get());
    }
    let one = BigUint::from(RATE_ONE);
    let numerator = BigUint::from(amount.get()) * (&one + growth.units()).pow(years);
    let denominator = one.pow(years);
    let rounded = (numerator * 2u8 + &denominator) / (denominator * 2u8);
    u64::try_from(&rounded)
        .ok()
        .filter(|w| *w <= MAX_MONTHLY_AMOUNT)
}

/// `balance × yield / 12`, exact, rounded once half up (D-36).
fn monthly_return(balance: u64, yield_rate: Rate) -> u64 {
    let denominator = RATE_ONE * u128::from(MONTHS_PER_YEAR);
    // balance ≤ 10^18 and units ≤ 10^8: the product fits in 128 bits, and the
    // quotient (at most balance / 12) in 64.
    let numerator = u128::from(balance) * u128::from(yield_rate.units());
    u64::try_from((numerator * 2 + denominator) / (denominator * 2)).unwrap_or(u64::MAX)
}

/// The JHT billed in a month, all payers.
fn jht_of<'a>(lines: impl Iterator<Item = &'a Line>) -> u64 {
    lines
        .filter(|l| l.program == Billed::Program(Program::Jht))
        .map(|l| l.amount.get())
        .sum()
}

/// A month's JHT and warnings at `amount` (the grown wage or income).
fn month(
    who: &Projected,
    amount: u64,
    period: Period,
    options: &Options<'_>,
) -> Result<(u64, Warnings), ProjectionError> {
    match who {
        Projected::Pu(worker) => {
            let mut worker = *worker;
            worker.wage = Wage::new(amount).map_err(|_| ProjectionError::WageTooLarge(period))?;
            let a = assess_pu(&worker, period, options)?;
            Ok((jht_of(a.lines.iter()), a.warnings))
        }
        Projected::Bpu(worker) => {
            let mut worker = *worker;
            worker.income =
                Income::new(amount).map_err(|_| ProjectionError::WageTooLarge(period))?;
            worker.opt_in = worker.opt_in.with(Program::Jht);
            let a = assess_bpu(&worker, period, Prepay::One, options)?;
            Ok((jht_of(a.lines.iter()), a.warnings))
        }
    }
}

/// Projects the JHT balance of `who` under `p` (D-36).
pub fn project_jht(
    who: &Projected,
    p: &JhtProjection,
    options: &Options<'_>,
) -> Result<Projection, ProjectionError> {
    if !(1..=MAX_MONTHS).contains(&p.months) {
        return Err(ProjectionError::Months(p.months));
    }
    let end = p
        .start
        .checked_add_months(u32::from(p.months) - 1)
        .ok_or(ProjectionError::PeriodAfterCalendarEnd)?;
    if p.opening_balance.get() > MAX_BALANCE {
        return Err(ProjectionError::OpeningTooLarge);
    }
    let base = match who {
        Projected::Pu(w) => w.wage.rupiah(),
        Projected::Bpu(w) => w.income.rupiah(),
    };
    let mut balance = p.opening_balance.get();
    let mut projection = Projection {
        end,
        years: Vec::with_capacity(usize::from(p.months.div_ceil(MONTHS_PER_YEAR))),
        contributions: 0,
        returns: 0,
        balance,
        jht_not_billed: None,
        warnings: Warnings::default(),
    };
    let mut amount = base.get();
    let mut period = p.start;
    for k in 0..p.months {
        if k % MONTHS_PER_YEAR == 0 {
            amount = grown(base, p.wage_growth, u32::from(k / MONTHS_PER_YEAR))
                .ok_or(ProjectionError::WageTooLarge(period))?;
            projection.years.push(YearBlock {
                year: k / MONTHS_PER_YEAR + 1,
                through: period,
                contributions: 0,
                returns: 0,
                balance,
            });
        }
        let (jht, warnings) = month(who, amount, period, options)?;
        if jht == 0 && projection.jht_not_billed.is_none() {
            projection.jht_not_billed = Some(period);
        }
        for w in warnings.iter() {
            projection.warnings = projection.warnings.with(w);
        }
        let earned = monthly_return(balance, p.yield_rate);
        balance = balance
            .checked_add(earned)
            .and_then(|b| b.checked_add(jht))
            .filter(|b| *b <= MAX_BALANCE)
            .ok_or(ProjectionError::BalanceTooLarge(period))?;
        // Both sums stay below the balance, itself at most 10^18.
        projection.contributions += jht;
        projection.returns += earned;
        if let Some(year) = projection.years.last_mut() {
            year.through = period;
            year.contributions += jht;
            year.returns += earned;
            year.balance = balance;
        }
        if k + 1 < p.months {
            period = period.next();
        }
    }
    projection.balance = balance;
    Ok(projection)
}

/// The README's example, compiled and run by `cargo test --doc`.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExample;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_is_exact_and_rounded_once() {
        // 5,000,000 × 1.05^2 = 5,512,500 exactly.
        assert_eq!(
            grown(Rupiah::new(5_000_000), "0.05".parse().unwrap(), 2),
            Some(5_512_500)
        );
        // 1,000,001 × 1.05^3 = 1,157,626.157625 → 1,157,626 (one rounding;
        // rounding each year would give 1,157,627: 1,050,001.05 → 1,050,001
        // → 1,102,501.05 → 1,102,501 → 1,157,626.05).
        assert_eq!(
            grown(Rupiah::new(1_000_001), "0.05".parse().unwrap(), 3),
            Some(1_157_626)
        );
        // Half up: 10 × 1.05 = 10.5 → 11.
        assert_eq!(grown(Rupiah::new(10), "0.05".parse().unwrap(), 1), Some(11));
        // Past the D-4 limit.
        assert_eq!(
            grown(Rupiah::new(MAX_MONTHLY_AMOUNT), "0.01".parse().unwrap(), 1),
            None
        );
    }

    #[test]
    fn monthly_return_is_rounded_half_up() {
        // 3,000,000 × 6% / 12 = 15,000.
        assert_eq!(monthly_return(3_000_000, "0.06".parse().unwrap()), 15_000);
        // 100 × 6% / 12 = 0.5 → 1; 99 × 6% / 12 = 0.495 → 0.
        assert_eq!(monthly_return(100, "0.06".parse().unwrap()), 1);
        assert_eq!(monthly_return(99, "0.06".parse().unwrap()), 0);
        assert_eq!(monthly_return(MAX_BALANCE, Rate::ONE), MAX_BALANCE / 12);
    }
}
