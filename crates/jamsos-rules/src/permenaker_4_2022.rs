//! Permenaker 4/2022: how and when the JHT balance is paid out, set
//! 2022-04-26 (BN 2022/451). It replaced Permenaker 2/2022 before that took
//! effect and restored the terms of Permenaker 19/2015 (REGULATIONS.md §2,
//! §8.3; D-30). Because it restored those terms, claims dated from the start
//! of the current programs (2015-07-01) until then are answered with the same
//! terms, cited to Permenaker 19/2015; earlier claims find nothing (fail
//! closed, D-6).

use chrono::NaiveDate;
use jamsos_core::{Rate, Source};

use crate::lit::{date, rate};
use crate::{Entry, Table};

/// The JHT claim terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JhtClaimTerms {
    /// Age at which the `pension_age` trigger pays the balance: 56 (not the JP
    /// schedule of PP 45/2015, D-30).
    pub pension_age: u32,
    /// Waiting period (masa tunggu) after resignation or dismissal, in
    /// months: 1.
    pub waiting_months: u32,
    /// Years of membership needed for a partial withdrawal: 10.
    pub partial_min_years: u32,
    /// Partial withdrawal for retirement preparation: at most 10% of the
    /// balance.
    pub partial_retirement_preparation: Rate,
    /// Partial withdrawal for housing: at most 30% of the balance.
    pub partial_housing: Rate,
}

const TERMS: JhtClaimTerms = JhtClaimTerms {
    pension_age: 56,
    waiting_months: 1,
    partial_min_years: 10,
    partial_retirement_preparation: rate(1, 1),
    partial_housing: rate(3, 1),
};

/// The JHT claim terms by claim date (D-30): Permenaker 19/2015 from the
/// start of the current programs (2015-07-01), then Permenaker 4/2022 from
/// 2022-04-26, the day it was set, with the same terms.
pub static JHT_CLAIM: Table<JhtClaimTerms, NaiveDate> = Table {
    name: "permenaker_4_2022::JHT_CLAIM",
    entries: &[
        Entry {
            from: date(2015, 7, 1),
            value: TERMS,
            source: Source::new("Permenaker 19/2015", ""),
        },
        Entry {
            from: date(2022, 4, 26),
            value: TERMS,
            source: Source::new("Permenaker 4/2022", ""),
        },
    ],
};
