//! Job-loss program (JKP) funding: PP 37/2021 Pasal 11 and its amendment by
//! PP 6/2025, with the JKK/JKM recomposition codified in PP 49/2023 Pasal 16A
//! and 18A. None of it is billed to the employer or the worker: the government
//! pays its share, and part of the employer's JKK (and, before PP 6/2025, JKM)
//! money is moved inside BPJS to the JKP fund (REGULATIONS.md §3.2, D-14).
//! And the cash benefit a dismissed participant claims ([`JKP_BENEFIT`], D-32).

use chrono::NaiveDate;
use jamsos_core::{Program, ProgramSet, Rate, Rupiah, Source};

use crate::lit::{date, period, rate};
use crate::perpres_109_2013::ProgramsByScale;
use crate::{Entry, Table};

/// One JKP funding regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JkpRegime {
    /// Central government contribution, billed to the government.
    pub government: Rate,
    /// Share of the JKK money moved to JKP (allocation, never billed on top).
    pub from_jkk: Rate,
    /// Share of the JKM money moved to JKP; zero from PP 6/2025.
    pub from_jkm: Rate,
    /// The wage cap for the JKP base.
    pub wage_cap: Rupiah,
    /// A participant must be younger than this on first registration (Pasal 4).
    pub max_age_at_registration: u32,
    /// The programs a wage earner must have joined, by employer scale (Pasal 4).
    pub required: ProgramsByScale,
    /// The instrument, for allocation lines.
    pub recomposition_source: Source,
}

const SMALL_SET: ProgramSet = ProgramSet::of(&[Program::Jkk, Program::Jkm, Program::Jht]);
const LARGE_SET: ProgramSet = SMALL_SET.with(Program::Jp);
/// PP 37/2021 Pasal 4: large and medium employers JKK, JKM, JHT and JP; small
/// and micro at least JKK, JKM and JHT (JKN membership is checked separately).
const REQUIRED: ProgramsByScale = ProgramsByScale {
    micro: SMALL_SET,
    small: SMALL_SET,
    medium: LARGE_SET,
    large: LARGE_SET,
};

/// JKP regimes by period (D-14): PP 37/2021 from period 2021-02 (0.46% in all),
/// PP 6/2025 from period 2025-02 (0.36%, no JKM share). Before 2021-02 there is
/// no JKP.
pub static JKP_REGIME: Table<JkpRegime> = Table {
    name: "jkp::JKP_REGIME",
    entries: &[
        Entry {
            from: period(2021, 2),
            value: JkpRegime {
                government: rate(22, 4),
                from_jkk: rate(14, 4),
                from_jkm: rate(10, 4),
                wage_cap: Rupiah::new(5_000_000),
                max_age_at_registration: 54,
                required: REQUIRED,
                // PP 49/2023 Pasal 16A and 18A later codified the same shares;
                // PP 37/2021 is the instrument in force from 2021-02.
                recomposition_source: Source::new("PP 37/2021", "Pasal 11"),
            },
            source: Source::new("PP 37/2021", "Pasal 11"),
        },
        Entry {
            from: period(2025, 2),
            value: JkpRegime {
                government: rate(22, 4),
                from_jkk: rate(14, 4),
                from_jkm: Rate::ZERO,
                wage_cap: Rupiah::new(5_000_000),
                max_age_at_registration: 54,
                required: REQUIRED,
                recomposition_source: Source::new("PP 6/2025", "Pasal 11"),
            },
            source: Source::new("PP 6/2025", "Pasal 11"),
        },
    ],
};

/// One JKP cash-benefit regime (manfaat uang tunai), chosen by the date of
/// dismissal (PHK), D-32.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JkpBenefit {
    /// The share of the capped wage paid for each month, in order: month 1
    /// first. Its length is the number of months paid.
    pub monthly: &'static [Rate],
    /// The wage cap of the benefit base (PP 37/2021 Pasal 21).
    pub wage_cap: Rupiah,
    /// Contribution months needed within the 24 months before dismissal.
    pub min_months_last_24: u32,
    /// Consecutive contribution months needed right before dismissal, if any.
    pub min_consecutive_months: Option<u32>,
    /// Months after dismissal within which the claim must be made (the last
    /// day counts).
    pub claim_window_months: u32,
    /// The stable rule id of the benefit's payment lines.
    pub rule: &'static str,
}

/// PP 37/2021: 45% for months 1–3, 25% for months 4–6.
const PP_37_2021_MONTHLY: [Rate; 6] = [
    rate(45, 2),
    rate(45, 2),
    rate(45, 2),
    rate(25, 2),
    rate(25, 2),
    rate(25, 2),
];

/// PP 6/2025: 60% for six months.
const PP_6_2025_MONTHLY: [Rate; 6] = [rate(6, 1); 6];

/// The JKP cash benefit by dismissal date (D-32; REGULATIONS.md §8.4, §9.4):
/// PP 37/2021 for dismissals from 2021-02-01 (45% × 3 then 25% × 3 months of
/// the wage capped at Rp5,000,000, needing 12 contribution months in the last
/// 24 of which 6 consecutive, claim within 3 months), PP 6/2025 for dismissals
/// from 2025-02-07 (60% × 6 months, 12 in the last 24, claim within 6 months).
/// No JKP for dismissals before 2021-02-01.
pub static JKP_BENEFIT: Table<JkpBenefit, NaiveDate> = Table {
    name: "jkp::JKP_BENEFIT",
    entries: &[
        Entry {
            from: date(2021, 2, 1),
            value: JkpBenefit {
                monthly: &PP_37_2021_MONTHLY,
                wage_cap: Rupiah::new(5_000_000),
                min_months_last_24: 12,
                min_consecutive_months: Some(6),
                claim_window_months: 3,
                rule: "jkp.benefit.pp37_2021",
            },
            source: Source::new("PP 37/2021", "Pasal 21"),
        },
        Entry {
            from: date(2025, 2, 7),
            value: JkpBenefit {
                monthly: &PP_6_2025_MONTHLY,
                wage_cap: Rupiah::new(5_000_000),
                min_months_last_24: 12,
                min_consecutive_months: None,
                claim_window_months: 6,
                rule: "jkp.benefit.pp6_2025",
            },
            source: Source::new("PP 6/2025", "Pasal 21"),
        },
    ],
};
