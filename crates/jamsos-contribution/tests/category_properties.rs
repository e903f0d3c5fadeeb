#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]
//! Property tests for the three categories besides wage earners:
//! [`assess_jakon`] by contract value, [`assess_bpu`] and [`assess_pmi`],
//! over domain strategies: contract values from Rp1 to the D-4 limit of
//! Rp100,000,000,000,000 (weighted towards the tier boundaries), declared
//! incomes inside and outside the BPU grid, both sectors, subsidised or not,
//! with or without JHT, every prepayment, every period from 2015-07 to 2030-12
//! (PMI: 2019-01 to 2030-12), with extra weight on the months where a regime
//! starts or ends.
//!
//! The properties:
//!
//! - (1) the Jakon contract method is continuous and monotone in the contract
//!   value, and agrees exactly with an independent model of the marginal tiers
//!   of REGULATIONS.md §5.2, rounded once per program (D-24, D-2, D-16);
//! - (2) its marginal rate never exceeds the first tier's, and its effective
//!   rate never rises with the value (D-24);
//! - (3) the Jakon tier components add up to their line, one per tier the value
//!   reaches (D-24);
//! - (4) the PP 50/2025 discount exactly halves BPU JKK and JKM before the
//!   single rounding, leaves JHT alone and never reaches subsidised workers
//!   (D-21, D-20, D-3);
//! - (5) PMI totals are the before-work fee, the package and the extension
//!   months, regime by period (D-25, D-26, D-27);
//! - (6) a BPU prepayment of n months is exactly n one-month cases (D-19);
//! - (7) BPU JKK is 1% and JHT 2% of the base the income table gives, JKM is flat,
//!   and the provisional grid is always flagged (D-17, D-18, D-16, D-21).
//!
//! The models here are written from DECISIONS.md and REGULATIONS.md, in
//! integer arithmetic on `u128`; they read no `jamsos-rules` table.
//!
//! Failures are persisted to `proptest-regressions/category_properties.txt`
//! in this crate (see [`config`]).

use chrono::{Days, Months};
use jamsos_contribution::{
    BpuAssessment, CategoryAssessment, ContributionError, JakonAssessment, Line, Options, Part,
    PmiAssessment, Warning, assess_bpu, assess_jakon, assess_pmi,
};
use jamsos_core::{Billed, Payer, Period, Program, ProgramSet, Rate, Rupiah};
use jamsos_rules::pp_44_2015::{IncomeBracket, IncomeGrid};
use jamsos_worker::{
    BpuWorker, Channel, ContractValue, Income, JakonMethod, JakonProject, PmiWorker, Prepay, Sector,
};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::FileFailurePersistence;

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

/// Cases per property unless `PROPTEST_CASES` says otherwise: enough to hit
/// every boundary strategy many times while the file runs in a few seconds in
/// a debug build.
const CASES: u32 = 256;

/// The proptest configuration of every property here. As in `properties.rs`,
/// `Direct` persistence is resolved against the package root, where
/// `cargo test` runs.
fn config() -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            CASES
        },
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/category_properties.txt",
        ))),
        ..base
    }
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

fn p(year: u16, month: u8) -> Period {
    Period::new(year, month).unwrap()
}

fn rp(n: u64) -> Rupiah {
    Rupiah::new(n)
}

/// `mantissa × 10^-scale`.
fn rate(mantissa: u64, scale: u32) -> Rate {
    Rate::from_parts(mantissa, scale).unwrap()
}

/// `first ≤ period ≤ last`.
fn within(period: Period, first: Period, last: Period) -> bool {
    first <= period && period <= last
}

/// `num / den` rounded half up to a whole number (D-2).
fn round_half_up(num: u128, den: u128) -> u64 {
    u64::try_from((2 * num + den) / (2 * den)).unwrap()
}

/// `num / den` rounded up.
fn ceil_div(num: u128, den: u128) -> u128 {
    num.div_ceil(den)
}

/// A failed test case naming the call and the error.
fn fail(what: impl core::fmt::Debug, e: ContributionError) -> TestCaseError {
    TestCaseError::fail(format!("{what:?}: unexpected error {e:?}"))
}

/// Every line of an assessment, in order.
fn lines<const N: usize>(a: &CategoryAssessment<N>) -> Vec<Line> {
    a.lines.iter().copied().collect()
}

/// The one line of `program` and `payer` billed for `period`.
fn line_in<const N: usize>(
    a: &CategoryAssessment<N>,
    program: impl Into<Billed>,
    payer: Payer,
    period: Period,
) -> Result<Line, TestCaseError> {
    let program = program.into();
    let found: Vec<&Line> = a
        .lines
        .iter()
        .filter(|l| l.program == program && l.payer == payer && l.period == period)
        .collect();
    match found.as_slice() {
        [one] => Ok(**one),
        _ => Err(TestCaseError::fail(format!(
            "expected one {program} line paid by {payer} in {period}, found {found:?}"
        ))),
    }
}

/// The first and last period the strategies draw from (D-6).
const FIRST: (u16, u8) = (2015, 7);
const LAST: (u16, u8) = (2030, 12);

/// PP 49/2020 relief periods (D-16).
fn in_relief(period: Period) -> bool {
    within(period, p(2020, 8), p(2021, 1))
}

/// PP 50/2025 discount periods of a sector (D-21).
fn in_discount(sector: Sector, period: Period) -> bool {
    match sector {
        Sector::Transport => within(period, p(2026, 1), p(2027, 3)),
        Sector::Other => within(period, p(2026, 4), p(2026, 12)),
    }
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

/// A period from `first` to `last`, inclusive.
fn period_between(first: Period, last: Period) -> impl Strategy<Value = Period> {
    let span = u32::try_from(last.months_since(first)).unwrap();
    (0..=span).prop_map(move |m| first.checked_add_months(m).unwrap())
}

/// A period from `first` to `last`, with extra weight on the months in
/// `edges` that fall inside that range.
fn period_with_edges(first: Period, last: Period) -> impl Strategy<Value = Period> {
    let edges: Vec<Period> = [
        (2015, 7),
        (2019, 1),
        (2020, 7),
        (2020, 8),
        (2021, 1),
        (2021, 2),
        (2023, 2),
        (2023, 3),
        (2025, 12),
        (2026, 1),
        (2026, 3),
        (2026, 4),
        (2026, 12),
        (2027, 1),
        (2027, 3),
        (2027, 4),
        (2030, 12),
    ]
    .into_iter()
    .map(|(y, m)| p(y, m))
    .filter(|e| within(*e, first, last))
    .collect();
    prop_oneof![
        4 => period_between(first, last),
        1 => prop::sample::select(edges),
    ]
}

/// The largest contract value D-4 accepts.
const MAX_CONTRACT: u64 = 100_000_000_000_000;

/// The tier boundaries of REGULATIONS.md §5.2.
const BOUNDARIES: [u64; 4] = [100_000_000, 500_000_000, 1_000_000_000, 5_000_000_000];

/// A contract value: spread over every order of magnitude, often within
/// Rp1,000 of a tier boundary, sometimes exactly on a limit.
fn contract_value() -> impl Strategy<Value = u64> {
    prop_oneof![
        3 => (1u32..=14).prop_flat_map(|e| 1u64..=10u64.pow(e)),
        2 => (prop::sample::select(BOUNDARIES.to_vec()), -1_000i64..=1_000)
            .prop_map(|(b, k)| b.checked_add_signed(k).unwrap()),
        1 => prop::sample::select(vec![
            1,
            2,
            99_999_999,
            100_000_000,
            100_000_001,
            500_000_000,
            1_000_000_000,
            5_000_000_000,
            5_000_000_001,
            MAX_CONTRACT - 1,
            MAX_CONTRACT,
        ]),
    ]
}

/// A value and a small step `d` (1 … 1,000), or a value at most Rp1,000 at or
/// below a tier boundary and a step of up to Rp2,001 that crosses it.
fn value_and_step() -> impl Strategy<Value = (u64, u64)> {
    prop_oneof![
        2 => (contract_value(), 1u64..=1_000)
            .prop_map(|(v, d)| (v.min(MAX_CONTRACT - d), d)),
        1 => (prop::sample::select(BOUNDARIES.to_vec()), 0u64..=1_000, 0u64..=1_000)
            .prop_map(|(b, below, above)| (b - below, below + 1 + above)),
    ]
}

/// Where the period falls and whether the D-16 condition holds.
fn jakon_when() -> impl Strategy<Value = (Period, bool)> {
    (
        period_with_edges(p(FIRST.0, FIRST.1), p(LAST.0, LAST.1)),
        prop::bool::weighted(0.8),
    )
}

/// A declared income: mostly where most workers declare, sometimes on the
/// edges of the income table's brackets (D-17), rarely anything D-4 allows.
fn income_in_grid() -> impl Strategy<Value = u64> {
    prop_oneof![
        8 => 1u64..=25_000_000,
        1 => prop::sample::select(vec![
            1, 999_999, 1_000_000, 1_099_999, 1_100_000, 1_150_050, 2_150_000, 2_699_999,
            2_700_000, 8_199_999, 8_200_000, 20_199_999, 20_200_000, 20_700_000, 20_700_001,
        ]),
    ]
}

fn income_any() -> impl Strategy<Value = u64> {
    prop_oneof![
        8 => income_in_grid(),
        1 => prop_oneof![
            25_000_000u64..=1_000_000_000_000,
            prop::sample::select(vec![1, 1_000_000_000_000]),
        ],
    ]
}

/// The nominal base of the income table for a declared income, from the
/// pattern REGULATIONS.md §4.1 states (written apart from the table in
/// `jamsos-rules`): below Rp1,100,000 the base is Rp1,000,000; rows 2–9 are
/// Rp200,000 wide from Rp1,100,000 with the base at their low end +
/// Rp100,000; rows 10–20 Rp500,000 wide from Rp2,700,000, + Rp250,000; rows
/// 21–33 Rp1,000,000 wide from Rp8,200,000, + Rp500,000; from Rp20,200,000
/// on, Rp20,700,000.
fn model_table_base(income: u64) -> u64 {
    let band =
        |start: u64, width: u64, offset: u64| start + (income - start) / width * width + offset;
    match income {
        0..1_100_000 => 1_000_000,
        1_100_000..2_700_000 => band(1_100_000, 200_000, 100_000),
        2_700_000..8_200_000 => band(2_700_000, 500_000, 250_000),
        8_200_000..20_200_000 => band(8_200_000, 1_000_000, 500_000),
        _ => 20_700_000,
    }
}

fn sector() -> impl Strategy<Value = Sector> {
    prop::sample::select(Sector::ALL.to_vec())
}

/// A BPU case apart from the period: declared income, sector, subsidy, JHT
/// opt-in, the D-16 condition and an age in years and days on the first day
/// of the first period (or no birth date).
#[derive(Debug, Clone, Copy)]
struct BpuCase {
    income: u64,
    sector: Sector,
    subsidised: bool,
    jht: bool,
    paid_through_2020_07: bool,
    age: Option<(u32, u64)>,
}

fn bpu_case(income: impl Strategy<Value = u64>) -> impl Strategy<Value = BpuCase> {
    (
        income,
        sector(),
        prop::bool::weighted(0.3),
        any::<bool>(),
        prop::bool::weighted(0.8),
        prop::option::of((10u32..=80, 0u64..366)),
    )
        .prop_map(
            |(income, sector, subsidised, jht, paid_through_2020_07, age)| BpuCase {
                income,
                sector,
                subsidised,
                jht,
                paid_through_2020_07,
                age,
            },
        )
}

impl BpuCase {
    /// The worker, born (if at all) before the first day of `first`.
    fn worker(&self, first: Period) -> BpuWorker {
        let mut w = BpuWorker::new(Income::try_from(i64::try_from(self.income).unwrap()).unwrap());
        w.sector = self.sector;
        w.subsidised = self.subsidised;
        if self.jht {
            w.opt_in = ProgramSet::of(&[Program::Jht]);
        }
        w.paid_through_2020_07 = self.paid_through_2020_07;
        w.birth_date = self
            .age
            .map(|(y, d)| first.first_day() - Months::new(12 * y) - Days::new(d));
        w
    }
}

fn prepay() -> impl Strategy<Value = Prepay> {
    prop::sample::select(Prepay::ALL.to_vec())
}

// ---------------------------------------------------------------------------
// An independent model of the Jakon contract method (REGULATIONS.md §5.2)
// ---------------------------------------------------------------------------

/// The tiers: upper bound (inclusive, `None` for the last), then the JKK and
/// JKM rates in hundredths of a percent (0.21% is 21).
const TIERS: [(Option<u64>, u128, u128); 5] = [
    (Some(100_000_000), 21, 3),
    (Some(500_000_000), 17, 2),
    (Some(1_000_000_000), 13, 2),
    (Some(5_000_000_000), 11, 1),
    (None, 9, 1),
];

/// The model's rate of `program` in tier `tier` (from 0), in hundredths of a
/// percent.
fn tier_rate(tier: usize, program: Program) -> u128 {
    let (_, jkk, jkm) = TIERS[tier];
    if program == Program::Jkk { jkk } else { jkm }
}

/// The denominator turning "rupiah × hundredths of a percent" into rupiah:
/// 10,000, or 1,000,000 under the PP 49/2020 relief of 1% (D-16, D-3).
fn jakon_denominator(relief: bool) -> u128 {
    if relief { 1_000_000 } else { 10_000 }
}

/// The part of `value` inside each tier, from the bottom, for every tier the
/// value reaches: `(lower bound, upper bound, portion)`.
fn model_portions(value: u64) -> Vec<(u64, Option<u64>, u64)> {
    let mut out = Vec::new();
    let mut lower = 0u64;
    for (up_to, _, _) in TIERS {
        if value <= lower {
            break;
        }
        let top = up_to.map_or(value, |u| value.min(u));
        out.push((lower, up_to, top - lower));
        match up_to {
            Some(u) => lower = u,
            None => break,
        }
    }
    out
}

/// The exact amount of `program` for a contract of `value`, in units of
/// `1 / jakon_denominator(relief)` rupiah.
fn model_exact(value: u64, program: Program) -> u128 {
    model_portions(value)
        .iter()
        .enumerate()
        .map(|(i, (_, _, portion))| u128::from(*portion) * tier_rate(i, program))
        .sum()
}

/// The amount of `program`, rounded once half up (D-24, D-2).
fn model_jakon(value: u64, program: Program, relief: bool) -> u64 {
    round_half_up(model_exact(value, program), jakon_denominator(relief))
}

/// Assesses a contract of `value` in `period`.
fn jakon(value: u64, period: Period, paid: bool) -> Result<JakonAssessment, TestCaseError> {
    let mut project = JakonProject::new(JakonMethod::Contract(
        ContractValue::try_from(i64::try_from(value).unwrap()).unwrap(),
    ));
    project.paid_through_2020_07 = paid;
    assess_jakon(&project, period, &Options::default()).map_err(|e| fail((value, period), e))
}

/// The amount billed to the employer for `program`.
fn jakon_amount(a: &JakonAssessment, program: Program) -> Result<u64, TestCaseError> {
    Ok(line_in(a, program, Payer::Employer, a.period)?.amount.get())
}

// ---------------------------------------------------------------------------
// An independent model of one BPU month (D-16 … D-21)
// ---------------------------------------------------------------------------

/// The factor on JKK and JKM in `period`, in percent: 1 under the PP 49/2020
/// relief (D-16), 50 under the PP 50/2025 discount unless subsidised (D-21,
/// D-20), else 100.
fn bpu_factor(case: &BpuCase, period: Period) -> u64 {
    if in_relief(period) && case.paid_through_2020_07 {
        1
    } else if in_discount(case.sector, period) && !case.subsidised {
        50
    } else {
        100
    }
}

/// Checks the lines of one month of a BPU assessment against the model:
/// JKK 1% of `base` and JKM Rp6,800, both times the month's factor before the
/// single rounding (D-3), paid by the participant or the government (D-20);
/// JHT 2% of `base`, the participant's, never adjusted (D-18, D-21).
fn check_bpu_month(
    a: &BpuAssessment,
    case: &BpuCase,
    period: Period,
    base: u64,
) -> Result<(), TestCaseError> {
    let f = bpu_factor(case, period);
    let payer = if case.subsidised {
        Payer::Government
    } else {
        Payer::Participant
    };
    let (jkk_rule, jkm_rule) = match f {
        1 => ("bpu.jkk.relief_pp49_2020", "bpu.jkm.relief_pp49_2020"),
        50 => ("bpu.jkk.discount_pp50_2025", "bpu.jkm.discount_pp50_2025"),
        _ => ("bpu.jkk.rate", "bpu.jkm.flat"),
    };

    let jkk = line_in(a, Program::Jkk, payer, period)?;
    prop_assert_eq!(jkk.base, Some(rp(base)));
    prop_assert_eq!(jkk.rate, Some(rate(f, 4)), "1% × {}%", f);
    prop_assert_eq!(
        jkk.amount.get(),
        round_half_up(u128::from(base) * u128::from(f), 10_000)
    );
    prop_assert_eq!(jkk.rule, jkk_rule);
    prop_assert_eq!(jkk.adjusted_by.is_some(), f != 100);

    let jkm = line_in(a, Program::Jkm, payer, period)?;
    prop_assert_eq!(jkm.base, None);
    prop_assert_eq!(jkm.rate, None);
    prop_assert_eq!(jkm.amount.get(), round_half_up(6_800 * u128::from(f), 100));
    prop_assert_eq!(jkm.rule, jkm_rule);
    prop_assert_eq!(jkm.adjusted_by.is_some(), f != 100);

    let jht: Vec<&Line> = a
        .lines
        .iter()
        .filter(|l| l.program == Program::Jht && l.period == period)
        .collect();
    if case.jht {
        let jht = line_in(a, Program::Jht, Payer::Participant, period)?;
        prop_assert_eq!(jht.base, Some(rp(base)));
        prop_assert_eq!(jht.rate, Some(rate(2, 2)));
        prop_assert_eq!(jht.amount.get(), round_half_up(u128::from(base) * 2, 100));
        prop_assert_eq!(jht.rule, "bpu.jht.rate");
        prop_assert_eq!(jht.adjusted_by, None);
    } else {
        prop_assert!(jht.is_empty(), "JHT billed without opt-in: {:?}", jht);
    }
    Ok(())
}

/// Assesses a BPU case that must succeed.
fn bpu(
    worker: &BpuWorker,
    period: Period,
    prepay: Prepay,
    options: &Options<'_>,
) -> Result<BpuAssessment, TestCaseError> {
    assess_bpu(worker, period, prepay, options).map_err(|e| fail((worker, period, prepay), e))
}

// ---------------------------------------------------------------------------
// PMI (D-25 … D-27)
// ---------------------------------------------------------------------------

/// The JHT amounts D-27 offers.
const PMI_JHT: [u64; 7] = [50_000, 100_000, 200_000, 300_000, 400_000, 500_000, 600_000];

/// The Permenaker 4/2023 package by contract length (D-25), or `None` for a
/// length it does not offer.
fn package_4_2023(months: u8) -> Option<u64> {
    match months {
        6 => Some(108_000),
        12 => Some(189_000),
        24 => Some(332_500),
        _ => None,
    }
}

/// A PMI placement: channel, contract length (mostly one 4/2023 offers),
/// extension months and JHT.
fn pmi_worker() -> impl Strategy<Value = PmiWorker> {
    (
        prop::sample::select(vec![Channel::Agency, Channel::Individual]),
        prop_oneof![
            2 => prop::sample::select(vec![6i64, 12, 24]),
            1 => 1i64..=60,
        ],
        prop_oneof![1 => Just(0i64), 2 => 0i64..=60, 1 => Just(60i64)],
        prop::option::of(prop::sample::select(PMI_JHT.to_vec())),
    )
        .prop_map(|(channel, months, extension, jht)| {
            let mut w = PmiWorker::new(channel, months).unwrap();
            w.extension_months = PmiWorker::extension_months(extension).unwrap();
            w.jht_monthly = jht.map(rp);
            w
        })
}

// ---------------------------------------------------------------------------
// Official BPU grids (D-17)
// ---------------------------------------------------------------------------

/// A caller's official grid: one to six sorted brackets with gaps (possibly
/// none) between them, starting at 0 or later, the last sometimes open-ended,
/// each paying on a nominal income or on the declared one.
fn official_grid() -> impl Strategy<Value = Vec<IncomeBracket>> {
    (
        prop::collection::vec(
            (
                prop_oneof![1 => Just(0u64), 2 => 0u64..=2_000_000],
                0u64..=5_000_000,
                prop::option::weighted(0.7, 1u64..=50_000_000),
            ),
            1..=6,
        ),
        any::<bool>(),
    )
        .prop_map(|(raw, open_ended)| {
            let mut next = 0u64;
            let mut brackets = raw
                .into_iter()
                .map(|(gap, width, nominal)| {
                    let from = next + gap;
                    let to = from + width;
                    next = to + 1;
                    IncomeBracket {
                        from: rp(from),
                        to: Some(rp(to)),
                        nominal: nominal.map(rp),
                    }
                })
                .collect::<Vec<_>>();
            if let Some(last) = brackets.last_mut().filter(|_| open_ended) {
                last.to = None;
            }
            brackets
        })
}

/// The income the model's grid gives for `income`, or `None` when no bracket
/// holds it.
fn model_nominal(grid: &[IncomeBracket], income: u64) -> Option<u64> {
    grid.iter()
        .find(|b| b.from.get() <= income && b.to.is_none_or(|to| income <= to.get()))
        .map(|b| b.nominal.map_or(income, Rupiah::get))
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// (1) D-24, D-2, D-16: for a value `v` and `v + d` (`d` up to Rp1,000, or
    /// a step across a tier boundary), JKK and JKM each equal the independent
    /// model exactly (marginal tiers, rounded half up once per program, every
    /// rate 1% of normal under PP 49/2020), never decrease, and rise by at most
    /// `ceil(d × first-tier rate) + 1`: there is no jump at a boundary.
    #[test]
    fn jakon_contract_continuous_and_monotone(
        (v, d) in value_and_step(),
        (period, paid) in jakon_when(),
    ) {
        let relief = in_relief(period) && paid;
        let den = jakon_denominator(relief);
        let (low, high) = (jakon(v, period, paid)?, jakon(v + d, period, paid)?);
        for program in [Program::Jkk, Program::Jkm] {
            let (a_low, a_high) = (jakon_amount(&low, program)?, jakon_amount(&high, program)?);
            prop_assert_eq!(a_low, model_jakon(v, program, relief), "{} at {}", program, v);
            prop_assert_eq!(a_high, model_jakon(v + d, program, relief), "{} at {}", program, v + d);
            prop_assert!(a_low <= a_high, "{} falls from {} to {} between {} and {}", program, a_low, a_high, v, v + d);
            let bound = ceil_div(u128::from(d) * tier_rate(0, program), den) + 1;
            prop_assert!(
                u128::from(a_high - a_low) <= bound,
                "{} jumps by {} between {} and {} (bound {})", program, a_high - a_low, v, v + d, bound
            );
        }
    }

    /// (2) D-24: for any `v1 ≤ v2` up to Rp100,000,000,000,000, the amount
    /// never falls and grows by at most the first tier's rate on the
    /// difference, rounded up, plus one rupiah; and the effective rate
    /// `amount / v` never rises (`amount(v2) × v1 ≤ (amount(v1) + 1) × v2`,
    /// one rupiah of rounding slack).
    #[test]
    fn jakon_marginal_rate_at_most_first_tier(
        a in contract_value(),
        b in contract_value(),
        (period, paid) in jakon_when(),
    ) {
        let (v1, v2) = if a == b {
            if a == MAX_CONTRACT { (a - 1, a) } else { (a, a + 1) }
        } else {
            (a.min(b), a.max(b))
        };
        let relief = in_relief(period) && paid;
        let den = jakon_denominator(relief);
        let (low, high) = (jakon(v1, period, paid)?, jakon(v2, period, paid)?);
        for program in [Program::Jkk, Program::Jkm] {
            let (a1, a2) = (jakon_amount(&low, program)?, jakon_amount(&high, program)?);
            prop_assert!(a1 <= a2, "{} falls from {} at {} to {} at {}", program, a1, v1, a2, v2);
            let bound = ceil_div(u128::from(v2 - v1) * tier_rate(0, program), den) + 1;
            prop_assert!(u128::from(a2 - a1) <= bound, "{}: {} − {} > {}", program, a2, a1, bound);
            prop_assert!(
                u128::from(a2) * u128::from(v1) <= (u128::from(a1) + 1) * u128::from(v2),
                "{}: effective rate rises from {}/{} to {}/{}", program, a1, v1, a2, v2
            );
        }
    }

    /// (3) D-24: for any contract value and period, each program's tier
    /// components add up to its line, with one component for each tier the
    /// value reaches (a non-zero portion), numbered from 1, with the tier's
    /// bounds, the portion inside it and its rate (1% of it under PP 49/2020,
    /// D-16). The line's base is the contract value with no single rate, the
    /// employer pays, and the employer total is JKK + JKM.
    #[test]
    fn jakon_components_add_up(v in contract_value(), (period, paid) in jakon_when()) {
        let relief = in_relief(period) && paid;
        let a = jakon(v, period, paid)?;
        let portions = model_portions(v);
        let mut total = 0u64;
        for program in [Program::Jkk, Program::Jkm] {
            let line = line_in(&a, program, Payer::Employer, period)?;
            prop_assert_eq!(line.base, Some(rp(v)));
            prop_assert_eq!(line.rate, None);
            let components: Vec<_> = a.components_of(program).collect();
            prop_assert_eq!(components.len(), portions.len(), "{} at {}: {:?}", program, v, components);
            let sum: u64 = components.iter().map(|c| c.amount.get()).sum();
            prop_assert_eq!(sum, line.amount.get(), "{} at {}: {:?}", program, v, components);
            for (i, (c, (from, to, portion))) in components.iter().zip(&portions).enumerate() {
                let scale = if relief { 6 } else { 4 };
                let expected = Part::Tier {
                    number: u8::try_from(i + 1).unwrap(),
                    from: rp(*from),
                    to: to.map(rp),
                    portion: rp(*portion),
                    rate: rate(u64::try_from(tier_rate(i, program)).unwrap(), scale),
                };
                prop_assert_eq!(c.part, expected);
                prop_assert!(*portion > 0);
                prop_assert_eq!(c.adjusted_by.is_some(), relief);
            }
            total += line.amount.get();
        }
        prop_assert_eq!(a.lines.len(), 2);
        prop_assert_eq!(a.totals.employer.get(), total);
        prop_assert_eq!(
            (a.totals.worker, a.totals.participant, a.totals.government),
            (Rupiah::ZERO, Rupiah::ZERO, Rupiah::ZERO)
        );
    }

    /// (4) D-21, D-3, D-20: in any PP 50/2025 month of the sector, JKK and JKM
    /// are half of the same income's amounts in an undiscounted month, within
    /// one rupiah (exactly: the rate or flat amount is halved before the one
    /// rounding), and JHT is identical. A subsidised worker is never
    /// discounted: the same amounts as undiscounted, JKK and JKM paid by the
    /// government, JHT by the participant.
    #[test]
    fn bpu_discount_halves_jkk_and_jkm(
        case in bpu_case(income_in_grid()),
        pick in any::<Index>(),
        other in period_with_edges(p(FIRST.0, FIRST.1), p(LAST.0, LAST.1)),
    ) {
        let mut case = case;
        case.age = None;
        let (window, next_to_it) = match case.sector {
            Sector::Transport => ((p(2026, 1), p(2027, 3)), p(2025, 12)),
            Sector::Other => ((p(2026, 4), p(2026, 12)), p(2026, 3)),
        };
        let span = usize::try_from(window.1.months_since(window.0)).unwrap() + 1;
        let discounted = window.0.checked_add_months(u32::try_from(pick.index(span)).unwrap()).unwrap();
        // Any month that is neither discounted nor relieved; the month just
        // before the discount otherwise.
        let reference = if in_discount(case.sector, other) || in_relief(other) { next_to_it } else { other };

        let options = Options::default();
        for subsidised in [false, true] {
            case.subsidised = subsidised;
            let worker = case.worker(p(FIRST.0, FIRST.1));
            let disc = bpu(&worker, discounted, Prepay::One, &options)?;
            let full = bpu(&worker, reference, Prepay::One, &options)?;
            let base = model_table_base(case.income);
            check_bpu_month(&disc, &case, discounted, base)?;
            check_bpu_month(&full, &case, reference, base)?;
            let payer = if subsidised { Payer::Government } else { Payer::Participant };
            let mut jkk_jkm = 0;
            for program in [Program::Jkk, Program::Jkm] {
                let d = line_in(&disc, program, payer, discounted)?.amount.get();
                let f = line_in(&full, program, payer, reference)?.amount.get();
                jkk_jkm += d;
                if subsidised {
                    prop_assert_eq!(d, f, "subsidised {} discounted", program);
                } else {
                    prop_assert!((2 * d).abs_diff(f) <= 2, "{}: {} is not half of {}", program, d, f);
                }
            }
            if case.jht {
                let d = line_in(&disc, Program::Jht, Payer::Participant, discounted)?;
                let f = line_in(&full, Program::Jht, Payer::Participant, reference)?;
                prop_assert_eq!(
                    (d.base, d.rate, d.amount, d.rule, d.source, d.adjusted_by),
                    (f.base, f.rate, f.amount, f.rule, f.source, f.adjusted_by)
                );
            }
            let jht = if case.jht { round_half_up(u128::from(base) * 2, 100) } else { 0 };
            prop_assert_eq!(disc.totals.participant.get(), if subsidised { jht } else { jkk_jkm + jht });
            prop_assert_eq!(disc.totals.government.get(), if subsidised { jkk_jkm } else { 0 });
            prop_assert_eq!(disc.totals.employer, Rupiah::ZERO);
            prop_assert_eq!(disc.totals.worker, Rupiah::ZERO);
        }
    }

    /// (5) D-25, D-26, D-27: the participant pays the before-work Rp37,500
    /// when placed by an agency, the package and the extension months in one
    /// `jkk_jkm` line whose components add up to it, plus the chosen JHT;
    /// under Permenaker 4/2023 (from 2023-03) the package is 108,000 /
    /// 189,000 / 332,500 for 6 / 12 / 24 months, other lengths are an error,
    /// and each extension month costs Rp13,500; under Permenaker 18/2018
    /// (2019-01 … 2023-02) the package is 332,500 for any length from 1 to
    /// 60 months and extension months are free, with the warning
    /// `extension_not_charged`. No due date, no other payer.
    #[test]
    fn pmi_totals_are_package_and_extensions(
        worker in pmi_worker(),
        period in period_with_edges(p(2019, 1), p(LAST.0, LAST.1)),
    ) {
        let new_regime = period >= p(2023, 3);
        let package = if new_regime { package_4_2023(worker.contract_months) } else { Some(332_500) };
        let result = assess_pmi(&worker, period);
        let Some(package) = package else {
            prop_assert!(
                matches!(
                    result,
                    Err(ContributionError::ContractMonthsNotOffered { months, period: q, .. })
                        if months == worker.contract_months && q == period
                ),
                "{:?} in {}: {:?}", worker, period, result
            );
            return Ok(());
        };
        let a: PmiAssessment = result.map_err(|e| fail((worker, period), e))?;
        let before = if worker.channel == Channel::Agency { 37_500 } else { 0 };
        let extension = if new_regime { 13_500 * u64::from(worker.extension_months) } else { 0 };
        let jht = worker.jht_monthly.map_or(0, Rupiah::get);

        let line = line_in(&a, Billed::JkkJkm, Payer::Participant, period)?;
        prop_assert_eq!(line.amount.get(), before + package + extension);
        prop_assert_eq!((line.base, line.rate), (None, None));
        let components: Vec<_> = a.components_of(Billed::JkkJkm).collect();
        prop_assert_eq!(components.iter().map(|c| c.amount.get()).sum::<u64>(), line.amount.get());
        let mut expected = Vec::new();
        if before > 0 {
            expected.push((Part::BeforeWork, before));
        }
        expected.push((Part::Package { months: worker.contract_months }, package));
        if new_regime && worker.extension_months > 0 {
            expected.push((
                Part::Extension { months: worker.extension_months, per_month: rp(13_500) },
                extension,
            ));
        }
        let observed: Vec<_> = components.iter().map(|c| (c.part, c.amount.get())).collect();
        prop_assert_eq!(observed, expected);

        match worker.jht_monthly {
            Some(amount) => {
                let jht_line = line_in(&a, Program::Jht, Payer::Participant, period)?;
                prop_assert_eq!(jht_line.amount, amount);
                prop_assert_eq!(a.lines.len(), 2);
            }
            None => prop_assert_eq!(a.lines.len(), 1),
        }
        prop_assert_eq!(a.totals.participant.get(), before + package + extension + jht);
        prop_assert_eq!(
            (a.totals.employer, a.totals.worker, a.totals.government),
            (Rupiah::ZERO, Rupiah::ZERO, Rupiah::ZERO)
        );
        prop_assert_eq!(
            a.warnings.contains(Warning::ExtensionNotCharged),
            !new_regime && worker.extension_months > 0
        );
        prop_assert_eq!(a.due_date, None);
    }

    /// (6) D-19, D-22: prepaying 3, 6 or 12 months from any start gives
    /// exactly the lines of the one-month cases of each of those months, in
    /// order (same period, program, payer, base, rate, amount, rule and
    /// citation), totals that are their sums, the first month's due date,
    /// statuses and warnings (`under_18` is judged on the first day of the
    /// first period); and an income the grid refuses is refused the same way.
    #[test]
    fn prepay_is_the_single_months(
        case in bpu_case(income_any()),
        prepay in prop::sample::select(vec![Prepay::Three, Prepay::Six, Prepay::Twelve]),
        start in period_with_edges(p(FIRST.0, FIRST.1), p(2029, 12)),
    ) {
        let worker = case.worker(start);
        let options = Options::default();
        let n = u32::from(prepay.months());
        let months: Vec<Period> = (0..n).map(|m| start.checked_add_months(m).unwrap()).collect();
        let singles: Vec<_> = months
            .iter()
            .map(|m| assess_bpu(&worker, *m, Prepay::One, &options))
            .collect();
        let prepaid = assess_bpu(&worker, start, prepay, &options);
        let (prepaid, singles) = match (prepaid, singles.iter().cloned().collect::<Result<Vec<_>, _>>()) {
            (Ok(a), Ok(s)) => (a, s),
            (Err(e), Err(f)) => {
                prop_assert_eq!(e, f);
                prop_assert!(matches!(e, ContributionError::IncomeOutOfRange { .. }), "{:?}", e);
                prop_assert!(singles.iter().all(|s| s == &Err(e)));
                return Ok(());
            }
            (a, s) => {
                return Err(TestCaseError::fail(format!("prepaid {a:?} but single months {s:?}")));
            }
        };
        let union: Vec<Line> = singles.iter().flat_map(lines).collect();
        prop_assert_eq!(lines(&prepaid), union);
        for payer in Payer::ALL {
            let sum: u64 = singles.iter().map(|s| s.totals.get(payer).get()).sum();
            prop_assert_eq!(prepaid.totals.get(payer).get(), sum, "{}", payer);
        }
        prop_assert_eq!(prepaid.due_date, singles[0].due_date);
        prop_assert!(prepaid.due_date.is_some());
        prop_assert_eq!(prepaid.period, start);
        prop_assert_eq!(prepaid.months, prepay.months());
        prop_assert_eq!(prepaid.statuses, singles[0].statuses);
        prop_assert_eq!(prepaid.warnings, singles[0].warnings);
        prop_assert!(prepaid.components.is_empty());
    }

    /// (7a) D-17, D-18, D-16, D-21: with the built-in table, every month of
    /// every BPU result (any period, prepayment, sector, subsidy, any income
    /// D-4 allows) bills JKK at 1% and JHT at 2% of the nominal base of the
    /// declared income's row and JKM at Rp6,800, outside the relief and
    /// discount months (inside them the factor multiplies the JKK rate and the
    /// JKM amount before the one rounding), and carries the warning
    /// `provisional_table`; no income is out of the table's range.
    #[test]
    fn bpu_rates_with_provisional_grid(
        case in bpu_case(income_any()),
        prepay in prepay(),
        start in period_with_edges(p(FIRST.0, FIRST.1), p(2029, 12)),
    ) {
        let worker = case.worker(start);
        let result = assess_bpu(&worker, start, prepay, &Options::default());
        let a = result.map_err(|e| fail((worker, start), e))?;
        prop_assert!(a.warnings.contains(Warning::ProvisionalTable));
        let per_month = if case.jht { 3 } else { 2 };
        prop_assert_eq!(a.lines.len(), per_month * usize::from(prepay.months()));
        let base = model_table_base(case.income);
        for m in 0..u32::from(prepay.months()) {
            check_bpu_month(&a, &case, start.checked_add_months(m).unwrap(), base)?;
        }
        let sum: u64 = a.lines.iter().map(|l| l.amount.get()).sum();
        prop_assert_eq!(a.totals.participant.get() + a.totals.government.get(), sum);
    }

    /// (7b) D-17: with a caller's official grid the warning
    /// `provisional_table` is gone, JKK and JHT apply to the grid's nominal
    /// income for the bracket holding the declared income (the declared income
    /// itself when the bracket names none), and an income no bracket holds is
    /// an error naming the grid's range.
    #[test]
    fn bpu_official_grid_sets_the_base(
        brackets in official_grid(),
        pick in any::<Index>(),
        offset in any::<u64>(),
        anywhere in prop::option::weighted(0.3, 1u64..=40_000_000),
        case in bpu_case(Just(1u64)),
        prepay in prepay(),
        start in period_with_edges(p(FIRST.0, FIRST.1), p(2029, 12)),
    ) {
        let grid = IncomeGrid::official(&brackets).unwrap();
        let income = anywhere.unwrap_or_else(|| {
            let b = pick.get(&brackets);
            // An open-ended bracket: any income up to D-4's maximum.
            let width = b.to.map_or(1_000_000_000_000 - b.from.get(), |to| to.get() - b.from.get() + 1);
            // D-4: a declared income is at least Rp1, even in a bracket from 0.
            (b.from.get() + offset % width).max(1)
        });
        let case = BpuCase { income, ..case };
        let worker = case.worker(start);
        let options = Options { income_grid: Some(grid), ..Options::default() };
        let result = assess_bpu(&worker, start, prepay, &options);
        let Some(nominal) = model_nominal(&brackets, income) else {
            prop_assert_eq!(
                result,
                Err(ContributionError::IncomeOutOfRange {
                    income: rp(income),
                    min: brackets[0].from,
                    max: brackets[brackets.len() - 1].to,
                    // ^ `None` for an open-ended last bracket.
                })
            );
            return Ok(());
        };
        let a = result.map_err(|e| fail((worker, start, &brackets), e))?;
        prop_assert!(!a.warnings.contains(Warning::ProvisionalTable));
        for m in 0..u32::from(prepay.months()) {
            check_bpu_month(&a, &case, start.checked_add_months(m).unwrap(), nominal)?;
        }
    }
}

/// Anchors for the models, from REGULATIONS.md §5.2's table of cumulative
/// amounts at the tier boundaries and §4.3's minimum package: if a model were
/// wrong the properties above would compare the library with a mistake.
#[test]
fn models_match_the_worked_examples() {
    for (value, jkk, jkm) in [
        (100_000_000, 210_000, 30_000),
        (500_000_000, 890_000, 110_000),
        (1_000_000_000, 1_540_000, 210_000),
        (5_000_000_000, 5_940_000, 610_000),
    ] {
        assert_eq!(model_jakon(value, Program::Jkk, false), jkk);
        assert_eq!(model_jakon(value, Program::Jkm, false), jkm);
    }
    // Closed form above 5B: JKK = 5,940,000 + 0.09% × (V − 5B).
    assert_eq!(
        model_jakon(15_000_000_000, Program::Jkk, false),
        5_940_000 + 9_000_000
    );
    // PP 50/2025: the minimum package of 16,800 becomes 8,400 (REGULATIONS.md §4.3).
    let case = BpuCase {
        income: 1_000_000,
        sector: Sector::Transport,
        subsidised: false,
        jht: false,
        paid_through_2020_07: true,
        age: None,
    };
    let a = assess_bpu(
        &case.worker(p(2026, 4)),
        p(2026, 4),
        Prepay::One,
        &Options::default(),
    )
    .unwrap();
    assert_eq!(a.totals.participant, rp(8_400));
    assert_eq!(bpu_factor(&case, p(2026, 4)), 50);
    // The relief of 1%: JKM Rp6,800 → Rp68 (REGULATIONS.md §4.4).
    assert_eq!(
        round_half_up(6_800 * u128::from(bpu_factor(&case, p(2020, 8))), 100),
        68
    );
}
