//! The law as data: every rate, cap, age and regime of BPJS Ketenagakerjaan that
//! jamsos applies, as dated, cited, append-only tables.
//!
//! One module per instrument (`pp_44_2015`, `pp_45_2015`, …). Each table is a
//! sorted `&'static [Entry]` of `{ from, value, source }`; [`Table::at`] finds the
//! row in force for a period (DECISIONS.md D-5) and finds nothing before the
//! first row, so callers fail closed (D-6). A change in the law adds a row or a
//! module; it never edits a past row. No logic lives here beyond the lookup:
//! formulas are in `jamsos-contribution` and `jamsos-eligibility`.
//!
//! ```
//! use jamsos_core::{Period, Rupiah};
//! use jamsos_rules::pp_45_2015;
//!
//! let march: Period = "2025-03".parse()?;
//! let ceiling = pp_45_2015::JP_WAGE_CEILING.at(march).ok_or("no ceiling")?;
//! assert_eq!(ceiling.value, Rupiah::new(10_547_400));
//! assert_eq!(ceiling.from.to_string(), "2025-03");
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```
#![no_std]

mod table;

pub mod jkp;
pub mod payment;
pub mod permenaker_4_2022;
pub mod permenaker_4_2023;
pub mod permenaker_5_2021;
pub mod perpres_109_2013;
pub mod pp_44_2015;
pub mod pp_45_2015;
pub mod pp_46_2015;
pub mod pp_49_2020;
pub mod pp_50_2025;
pub mod pp_7_2025;
pub mod pp_82_2019;
pub mod se_bpjs_b_12_012023;

pub use table::{Audit, Entry, Table};

use jamsos_core::ProgramSet;

/// Which programs a category joins: `mandatory` ones always, `optional` ones
/// by the participant's choice; every other program is not available.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Programs {
    /// Joined always.
    pub mandatory: ProgramSet,
    /// Joined by choice.
    pub optional: ProgramSet,
}

/// The first contribution period of the current programs: PP 44/2015, PP 45/2015
/// and PP 46/2015 came into force on 2015-07-01. Earlier periods fail closed (D-6).
pub const PROGRAMS_START: jamsos_core::Period = lit::period(2015, 7);

/// Every table, for audits (sorted, no duplicate dates, every source listed in
/// docs/RULES.md) and for documentation.
pub static TABLES: &[&(dyn Audit + Sync)] = &[
    &pp_44_2015::JKK_PU,
    &pp_44_2015::JKM_PU,
    &pp_46_2015::JHT_PU,
    &pp_45_2015::JP_SHARES,
    &pp_45_2015::JP_WAGE_CEILING,
    &pp_45_2015::PENSION_AGE,
    &jkp::JKP_REGIME,
    &pp_7_2025::JKK_DISCOUNT,
    &pp_49_2020::RELIEF,
    &se_bpjs_b_12_012023::WAGE_FLOOR,
    &perpres_109_2013::PROGRAMS_BY_SCALE,
    &payment::PU_DUE_DAY,
    &payment::BPU_DUE_DAY,
    &payment::PU_FINE,
    &payment::BPU_FINE,
    &payment::JAKON_FINE,
    &payment::PMI_FINE,
    &pp_45_2015::JP_FORMULA,
    &pp_45_2015::JP_BENEFIT_LIMITS,
    &jkp::JKP_BENEFIT,
    &pp_82_2019::JKM_BENEFIT,
    &pp_82_2019::JKK_BENEFIT,
    &permenaker_5_2021::SCHOLARSHIP,
    &permenaker_4_2022::JHT_CLAIM,
    &pp_44_2015::BPU_INCOME_GRID,
    &pp_44_2015::JKK_BPU,
    &pp_44_2015::JKM_BPU,
    &pp_46_2015::JHT_BPU,
    &pp_44_2015::BPU_PROGRAMS,
    &pp_50_2025::TRANSPORT,
    &pp_50_2025::OTHER,
    &pp_44_2015::JAKON_WAGE,
    &pp_44_2015::JAKON_CONTRACT,
    &perpres_109_2013::JAKON_PROGRAMS,
    &permenaker_4_2023::PMI_CONTRIBUTION,
];

/// Helpers for table literals. Each panics on a typo, which in a `const` or
/// `static` initialiser is a build error, never a runtime panic.
#[allow(
    clippy::panic,
    reason = "only evaluated in const items: a typo in a table is a build error"
)]
pub(crate) mod lit {
    use chrono::NaiveDate;
    use jamsos_core::{Period, Rate};

    /// The period `year-month`.
    pub(crate) const fn period(year: u16, month: u8) -> Period {
        match Period::new(year, month) {
            Some(p) => p,
            None => panic!("invalid period in a rules table"),
        }
    }

    /// The date `year-month-day`.
    pub(crate) const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        match NaiveDate::from_ymd_opt(year, month, day) {
            Some(d) => d,
            None => panic!("invalid date in a rules table"),
        }
    }

    /// `mantissa × 10^-scale`.
    pub(crate) const fn rate(mantissa: u64, scale: u32) -> Rate {
        match Rate::from_parts(mantissa, scale) {
            Some(r) => r,
            None => panic!("invalid rate in a rules table"),
        }
    }
}
