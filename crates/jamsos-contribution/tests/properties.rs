#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]
//! Property tests for [`assess_pu`] over domain strategies: realistic wages
//! (1 … 10^12, mostly Rp1,000,000 … Rp50,000,000), every period from 2015-07 to
//! 2030-12, every risk class, scale and nationality, with or without a
//! registration date, JKN membership, opt-ins, an industry and a head count, and
//! workers aged 15 to 70 in the period.
//!
//! The properties:
//!
//! - (a) monotone in wage: a higher wage never lowers a line, a deferred amount,
//!   an allocation or a payer total;
//! - (b) JP is constant for every wage at or above the JP ceiling of the period;
//! - (c) JKK, JKM and JHT are never capped; JP and JKP bases are the capped wage;
//! - (d) totals are the per-payer sums of the billed lines; deferred amounts and
//!   allocations never enter a total;
//! - (e) every amount is `rate.apply(base)` and never more than its base;
//! - (f) a result cites only rules in force in its period;
//! - (g) the only errors are the documented ones, exactly when their condition
//!   holds;
//! - (h) [`Rate::apply`] agrees with an independent `rust_decimal` computation;
//! - (i) the whole assessment agrees with an independent model of
//!   DECISIONS.md D-8 … D-16 written from the decisions, not from the code;
//! - (j) the due date follows D-28 (and D-16 under PP 49/2020) for any
//!   holidays.
//!
//! Failures are persisted to `proptest-regressions/properties.txt` in this
//! crate (see [`config`]); the lead commits that directory.

use core::str::FromStr;

use chrono::{Datelike, Days, Months, NaiveDate};
use jamsos_contribution::{Assessment, ContributionError, Options, Warning, assess_pu};
use jamsos_core::{Billed, Payer, Period, Program, ProgramSet, Rate, Rupiah};
use jamsos_eligibility::EligibilityError;
use jamsos_rules::jkp::JKP_REGIME;
use jamsos_rules::pp_45_2015::JP_WAGE_CEILING;
use jamsos_worker::{Industry, Nationality, PuWorker, RiskClass, Scale, Wage};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use rust_decimal::{Decimal, RoundingStrategy};

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

/// Cases per property unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 1024;

/// The proptest configuration of every property here.
///
/// proptest's default persistence (`SourceParallel`) looks for a `lib.rs` next
/// to or above the test file; an integration test in `tests/` has none, so it
/// would warn on every run and write beside the test. `Direct` is resolved
/// against the working directory, which `cargo test` sets to the package root:
/// failures land in `crates/jamsos-contribution/proptest-regressions/`, the
/// directory committed with the tests, and are replayed first on the next run.
fn config() -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            CASES
        },
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/properties.txt",
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

fn rate(s: &str) -> Rate {
    s.parse().unwrap()
}

fn rp(n: u64) -> Rupiah {
    Rupiah::new(n)
}

/// First and last period the strategies draw from (D-6: the programs start in
/// 2015-07).
fn first_period() -> Period {
    p(2015, 7)
}
fn last_period() -> Period {
    p(2030, 12)
}

/// `first ≤ period ≤ last`.
fn within(period: Period, first: Period, last: Period) -> bool {
    first <= period && period <= last
}

const MAX_WAGE: i64 = 1_000_000_000_000;

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

/// A period from `first` to `last`, inclusive.
fn period_between(first: Period, last: Period) -> impl Strategy<Value = Period> {
    let span = u32::try_from(last.months_since(first)).unwrap();
    (0..=span).prop_map(move |m| first.checked_add_months(m).unwrap())
}

/// A period inside the tables: 2015-07 … 2030-12, with extra weight on the
/// months where a regime starts or ends.
fn period() -> impl Strategy<Value = Period> {
    let edges = [
        (2015, 7),
        (2016, 2),
        (2016, 3),
        (2020, 7),
        (2020, 8),
        (2021, 1),
        (2021, 2),
        (2021, 3),
        (2022, 12),
        (2023, 1),
        (2025, 1),
        (2025, 2),
        (2025, 7),
        (2025, 8),
        (2026, 1),
        (2026, 2),
        (2026, 3),
        (2027, 2),
        (2027, 3),
        (2030, 12),
    ]
    .map(|(y, m)| p(y, m));
    prop_oneof![
        4 => period_between(first_period(), last_period()),
        1 => prop::sample::select(edges.to_vec()),
    ]
}

/// A monthly wage in rupiah: mostly Rp1,000,000 … Rp50,000,000, sometimes
/// anything D-4 allows, below the floor, or exactly on a limit.
fn wage_amount() -> impl Strategy<Value = i64> {
    let edges: Vec<i64> = vec![
        1, 999_999, 1_000_000, 1_968_168, 1_968_169, 4_999_999, 5_000_000, 5_000_001, 7_000_000,
        8_754_600, 10_547_400, 11_086_300, 11_086_301, MAX_WAGE,
    ];
    prop_oneof![
        8 => 1_000_000i64..=50_000_000,
        2 => 1i64..=MAX_WAGE,
        1 => 1i64..1_000_000,
        2 => 4_000_000i64..=12_000_000,
        1 => prop::sample::select(edges),
    ]
}

/// Everything about a worker except the wage and the period, as raw draws that
/// [`Profile::worker`] turns into a [`PuWorker`] valid for a given period.
#[derive(Debug, Clone, Copy)]
struct Profile {
    /// Whole years of age on the first day of the period (15 … 69).
    age_years: u32,
    /// Extra days of age (so birthdays fall anywhere in the year).
    age_days: u64,
    /// Move the birth date to 29 February of the nearest earlier leap year.
    leap_day: bool,
    risk_class: u8,
    scale: Scale,
    nationality: Nationality,
    /// Where in the worker's life (0 = birth, 10,000 = end of the period) the
    /// first registration falls; `None` when unknown.
    registered: Option<u32>,
    jkn_member: bool,
    /// Bits over [`Program::ALL`]: opting into JKP (or a mandatory program)
    /// must change nothing.
    opt_in_bits: u8,
    industry: Option<Industry>,
    active_workers: Option<u32>,
    paid_jkk_through_2025_01: bool,
    paid_through_2020_07: bool,
    jp_for_foreigners: bool,
}

fn active_workers() -> impl Strategy<Value = u32> {
    prop_oneof![
        3 => 40u32..=60,
        2 => 0u32..=10_000,
        1 => 0u32..=10_000_000,
    ]
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        (15u32..=69, 0u64..366, prop::bool::weighted(0.05)),
        (
            1u8..=5,
            prop::sample::select(Scale::ALL.to_vec()),
            prop::sample::select(vec![Nationality::Wni, Nationality::Wna]),
        ),
        (
            prop::option::weighted(0.8, 0u32..=10_000),
            prop::bool::weighted(0.8),
            0u8..32,
        ),
        (
            prop::option::weighted(0.6, prop::sample::select(Industry::ALL.to_vec())),
            prop::option::weighted(0.6, active_workers()),
        ),
        (
            prop::bool::weighted(0.85),
            prop::bool::weighted(0.85),
            prop::bool::weighted(0.2),
        ),
    )
        .prop_map(
            |(
                (age_years, age_days, leap_day),
                (risk_class, scale, nationality),
                (registered, jkn_member, opt_in_bits),
                (industry, active_workers),
                (paid_jkk_through_2025_01, paid_through_2020_07, jp_for_foreigners),
            )| Profile {
                age_years,
                age_days,
                leap_day,
                risk_class,
                scale,
                nationality,
                registered,
                jkn_member,
                opt_in_bits,
                industry,
                active_workers,
                paid_jkk_through_2025_01,
                paid_through_2020_07,
                jp_for_foreigners,
            },
        )
}

impl Profile {
    /// The birth date: `age_years` years and `age_days` days before the first
    /// day of `period` (or 29 February of the leap year at or before that).
    fn birth_date(&self, period: Period) -> NaiveDate {
        let birth =
            period.first_day() - Months::new(12 * self.age_years) - Days::new(self.age_days);
        if self.leap_day {
            let year = (0..8)
                .map(|k| birth.year() - k)
                .find(|y| NaiveDate::from_ymd_opt(*y, 2, 29).is_some())
                .unwrap();
            NaiveDate::from_ymd_opt(year, 2, 29).unwrap()
        } else {
            birth
        }
    }

    fn opt_in(&self) -> ProgramSet {
        Program::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| self.opt_in_bits & (1 << i) != 0)
            .fold(ProgramSet::EMPTY, |set, (_, program)| set.with(program))
    }

    /// A valid worker for `period`: born before it, registered (if at all)
    /// between birth and the end of the period.
    fn worker(&self, wage: i64, period: Period) -> PuWorker {
        let birth = self.birth_date(period);
        let span = (period.last_day() - birth).num_days();
        let registered_on = self
            .registered
            .map(|r| birth + Days::new(u64::try_from(span * i64::from(r) / 10_000).unwrap()));
        let mut w = PuWorker::new(
            birth,
            Wage::try_from(wage).unwrap(),
            RiskClass::try_from(self.risk_class).unwrap(),
            self.scale,
        );
        w.nationality = self.nationality;
        w.registered_on = registered_on;
        w.jkn_member = self.jkn_member;
        w.opt_in = self.opt_in();
        w.industry = self.industry;
        w.active_workers = self.active_workers;
        w.paid_jkk_through_2025_01 = self.paid_jkk_through_2025_01;
        w.paid_through_2020_07 = self.paid_through_2020_07;
        w
    }

    fn options(&self) -> Options<'static> {
        Options {
            jp_for_foreigners: self.jp_for_foreigners,
            holidays: &[],
            ..Options::default()
        }
    }
}

/// A wage D-8 accepts in `period`: a draw below the floor from 2023-01 is
/// moved up by Rp1,000,000 (rather than rejected, which would starve proptest).
fn accepted_wage(wage: i64, period: Period) -> i64 {
    if below_floor(rp(wage.unsigned_abs()), period) {
        wage + 1_000_000
    } else {
        wage
    }
}

/// A worker whose wage the period accepts, its period and the call's options.
fn case() -> impl Strategy<Value = (PuWorker, Period, Options<'static>)> {
    (profile(), wage_amount(), period()).prop_map(|(prof, wage, period)| {
        (
            prof.worker(accepted_wage(wage, period), period),
            period,
            prof.options(),
        )
    })
}

/// D-8: from 2023-01 a wage below Rp1,000,000 is an error (SE BPJS B/12/012023).
fn below_floor(wage: Rupiah, period: Period) -> bool {
    period >= p(2023, 1) && wage < rp(1_000_000)
}

/// Assesses a case that must succeed; a failed test case naming the input otherwise.
fn assess_ok(
    worker: &PuWorker,
    period: Period,
    options: &Options<'_>,
) -> Result<Assessment, TestCaseError> {
    assess_pu(worker, period, options)
        .map_err(|e| TestCaseError::fail(format!("{period} {worker:?}: unexpected error {e:?}")))
}

/// Every amount of an assessment with its identity, for pairwise comparisons.
fn amounts(a: &Assessment) -> Vec<(&'static str, Billed, Payer, Rupiah)> {
    let mut out: Vec<_> = a
        .lines
        .iter()
        .map(|l| ("line", l.program, l.payer, l.amount))
        .collect();
    out.extend(
        a.deferred
            .iter()
            .map(|l| ("deferred", l.program, l.payer, l.amount)),
    );
    out.extend(
        a.allocations
            .iter()
            .map(|x| ("allocation", x.from.into(), Payer::Government, x.amount)),
    );
    out.extend(Payer::ALL.map(|payer| ("total", Program::Jkk.into(), payer, a.totals.get(payer))));
    out
}

// ---------------------------------------------------------------------------
// An independent model of D-8 … D-16, written from DECISIONS.md and
// REGULATIONS.md, for property (i). It uses no jamsos-rules table and no
// jamsos-eligibility function.
// ---------------------------------------------------------------------------

/// JP wage ceilings of REGULATIONS.md §7.3 / D-12, each from its March period
/// (2015-07 for the initial value, 2021-03 for the 2021 value).
const CEILINGS: [(u16, u8, u64); 12] = [
    (2015, 7, 7_000_000),
    (2016, 3, 7_335_300),
    (2017, 3, 7_703_500),
    (2018, 3, 8_094_000),
    (2019, 3, 8_512_400),
    (2020, 3, 8_939_700),
    (2021, 3, 8_754_600),
    (2022, 3, 9_077_600),
    (2023, 3, 9_559_600),
    (2024, 3, 10_042_300),
    (2025, 3, 10_547_400),
    (2026, 3, 11_086_300),
];

/// The ceiling in force for `period` and the period it first applied to.
fn model_ceiling(period: Period) -> (Period, Rupiah) {
    let (y, m, v) = CEILINGS
        .iter()
        .rev()
        .find(|(y, m, _)| p(*y, *m) <= period)
        .copied()
        .unwrap();
    (p(y, m), rp(v))
}

/// D-10: 56 until 2018, 57 from 2019, then one more every three years, 65 from 2043.
fn model_pension_age(date: NaiveDate) -> i32 {
    if date.year() < 2019 {
        56
    } else {
        (57 + (date.year() - 2019) / 3).min(65)
    }
}

/// The `years`th birthday; 29 February falls on 1 March in common years (D-7a).
fn model_birthday(birth: NaiveDate, years: i32) -> NaiveDate {
    let year = birth.year() + years;
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 3, 1).unwrap())
}

/// Age in whole years on `date`.
fn model_age(birth: NaiveDate, date: NaiveDate) -> i32 {
    let years = date.year() - birth.year();
    if model_birthday(birth, years) > date {
        years - 1
    } else {
        years
    }
}

/// D-10: the first birthday on which the age reaches the pension age in force.
fn model_pension_reached(birth: NaiveDate) -> NaiveDate {
    (56..=65)
        .map(|age| (age, model_birthday(birth, age)))
        .find(|(age, day)| *age >= model_pension_age(*day))
        .unwrap()
        .1
}

/// `rate × num / den`, which must be exact in eight places (D-3).
fn model_scale(r: Rate, num: u64, den: u64) -> Rate {
    assert_eq!(r.units() * num % den, 0, "{r} × {num}/{den} is not exact");
    Rate::from_parts(r.units() * num / den, 8).unwrap()
}

/// One expected line: program, payer, base, rate, rule id, instrument and the
/// instrument of its discount or relief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ExpectedLine {
    program: Program,
    payer: Payer,
    base: Rupiah,
    rate: Rate,
    rule: &'static str,
    instrument: &'static str,
    adjusted_by: Option<&'static str>,
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Expected {
    lines: Vec<ExpectedLine>,
    deferred: Vec<ExpectedLine>,
    /// (from, base, rate, rule, instrument).
    allocations: Vec<(Program, Rupiah, Rate, &'static str, &'static str)>,
    wage_below_minimum: bool,
    jp_ceiling_stale: bool,
}

/// What D-8 … D-16 say a valid worker owes in `period` (the wage is at or above
/// the floor when the floor applies).
fn model(w: &PuWorker, period: Period, jp_for_foreigners: bool) -> Expected {
    let wage = w.wage.rupiah();
    let mut e = Expected {
        wage_below_minimum: period >= p(2023, 1) && wage < rp(1_968_169),
        ..Expected::default()
    };
    let large = matches!(w.scale, Scale::Medium | Scale::Large);

    // D-16: PP 49/2020 relief, periods 2020-08 … 2021-01, unless not paid through July 2020.
    let relief = within(period, p(2020, 8), p(2021, 1)) && w.paid_through_2020_07;
    // D-15: PP 7/2025 discount, periods 2025-02 … 2026-01 (PP 36/2025 from 2025-08).
    let discount = within(period, p(2025, 2), p(2026, 1))
        && w.industry.is_some_and(|i| i != Industry::Other)
        && w.active_workers.is_some_and(|n| n >= 50)
        && w.paid_jkk_through_2025_01;
    let discount_instrument = if period >= p(2025, 8) {
        "PP 36/2025"
    } else {
        "PP 7/2025"
    };

    // JKK (PP 44/2015 Lampiran I) and JKM (Pasal 18): uncapped, employer.
    let jkk = rate(
        ["0.0024", "0.0054", "0.0089", "0.0127", "0.0174"][usize::from(w.risk_class.group() - 1)],
    );
    let (jkk, jkk_rule, jkk_adj) = if relief {
        (
            model_scale(jkk, 1, 100),
            "pu.jkk.relief_pp49_2020",
            Some("PP 49/2020"),
        )
    } else if discount {
        (
            model_scale(jkk, 1, 2),
            "pu.jkk.discount_pp7_2025",
            Some(discount_instrument),
        )
    } else {
        (jkk, "pu.jkk.rate", None)
    };
    let line = |program, payer, base, rate, rule, instrument, adjusted_by| ExpectedLine {
        program,
        payer,
        base,
        rate,
        rule,
        instrument,
        adjusted_by,
    };
    e.lines.push(line(
        Program::Jkk,
        Payer::Employer,
        wage,
        jkk,
        jkk_rule,
        "PP 44/2015",
        jkk_adj,
    ));
    let (jkm, jkm_rule, jkm_adj) = if relief {
        (
            model_scale(rate("0.003"), 1, 100),
            "pu.jkm.relief_pp49_2020",
            Some("PP 49/2020"),
        )
    } else {
        (rate("0.003"), "pu.jkm.rate", None)
    };
    e.lines.push(line(
        Program::Jkm,
        Payer::Employer,
        wage,
        jkm,
        jkm_rule,
        "PP 44/2015",
        jkm_adj,
    ));

    // D-9: JHT mandatory except at micro employers, where it is opted into.
    let jht = w.scale != Scale::Micro || w.opt_in.contains(Program::Jht);
    if jht {
        e.lines.push(line(
            Program::Jht,
            Payer::Employer,
            wage,
            rate("0.037"),
            "pu.jht.employer",
            "PP 46/2015",
            None,
        ));
        e.lines.push(line(
            Program::Jht,
            Payer::Worker,
            wage,
            rate("0.02"),
            "pu.jht.worker",
            "PP 46/2015",
            None,
        ));
    }

    // D-9, D-11, D-12, D-16: JP.
    let jp = (w.nationality == Nationality::Wni || jp_for_foreigners)
        && model_pension_reached(w.birth_date) > period.last_day()
        && (large || w.opt_in.contains(Program::Jp));
    if jp {
        let (from, ceiling) = model_ceiling(period);
        e.jp_ceiling_stale = period.months_since(from) >= 12;
        let base = wage.min(ceiling);
        for (payer, r, rule, relief_rule, deferred_rule) in [
            (
                Payer::Employer,
                rate("0.02"),
                "pu.jp.employer",
                "pu.jp.employer.relief_pp49_2020",
                "pu.jp.employer.deferred_pp49_2020",
            ),
            (
                Payer::Worker,
                rate("0.01"),
                "pu.jp.worker",
                "pu.jp.worker.relief_pp49_2020",
                "pu.jp.worker.deferred_pp49_2020",
            ),
        ] {
            if relief && large {
                e.lines.push(line(
                    Program::Jp,
                    payer,
                    base,
                    model_scale(r, 1, 100),
                    relief_rule,
                    "PP 45/2015",
                    Some("PP 49/2020"),
                ));
                e.deferred.push(line(
                    Program::Jp,
                    payer,
                    base,
                    model_scale(r, 99, 100),
                    deferred_rule,
                    "PP 45/2015",
                    Some("PP 49/2020"),
                ));
            } else {
                e.lines
                    .push(line(Program::Jp, payer, base, r, rule, "PP 45/2015", None));
            }
        }
    }

    // D-13, D-14: JKP from 2021-02.
    let jkp = period >= p(2021, 2)
        && w.nationality == Nationality::Wni
        && w.registered_on
            .is_some_and(|on| model_age(w.birth_date, on) < 54)
        && w.jkn_member
        && jht
        && (jp || !large);
    if jkp {
        let base = wage.min(rp(5_000_000));
        let pp6 = period >= p(2025, 2);
        let instrument = if pp6 { "PP 6/2025" } else { "PP 37/2021" };
        e.lines.push(line(
            Program::Jkp,
            Payer::Government,
            base,
            rate("0.0022"),
            "pu.jkp.government",
            instrument,
            None,
        ));
        let from_jkk = if discount {
            model_scale(rate("0.0014"), 1, 2)
        } else {
            rate("0.0014")
        };
        e.allocations.push((
            Program::Jkk,
            base,
            from_jkk,
            "pu.jkp.allocation.jkk",
            instrument,
        ));
        if !pp6 {
            e.allocations.push((
                Program::Jkm,
                base,
                rate("0.001"),
                "pu.jkp.allocation.jkm",
                instrument,
            ));
        }
    }
    e
}

/// The assessment in the model's terms.
fn observed(a: &Assessment) -> Expected {
    let as_expected = |l: &jamsos_contribution::Line| ExpectedLine {
        program: match l.program {
            Billed::Program(p) => p,
            Billed::JkkJkm => unreachable!("wage earners have no package line"),
        },
        payer: l.payer,
        base: l.base.unwrap(),
        rate: l.rate.unwrap(),
        rule: l.rule,
        instrument: l.source.instrument,
        adjusted_by: l.adjusted_by.map(|s| s.instrument),
    };
    Expected {
        lines: a.lines.iter().map(as_expected).collect(),
        deferred: a.deferred.iter().map(as_expected).collect(),
        allocations: a
            .allocations
            .iter()
            .map(|x| (x.from, x.base, x.rate, x.rule, x.source.instrument))
            .collect(),
        wage_below_minimum: a.warnings.contains(Warning::WageBelowMinimum),
        jp_ceiling_stale: a.warnings.contains(Warning::JpCeilingStale),
    }
}

// ---------------------------------------------------------------------------
// Property (f): instruments in force, by period
// ---------------------------------------------------------------------------

/// The periods in which a result may cite `instrument` (inclusive; `None` is
/// open-ended), from REGULATIONS.md §2 and §10.6 and D-14 … D-16.
fn in_force_window(instrument: &str) -> Option<(Period, Option<Period>)> {
    Some(match instrument {
        "PP 44/2015" | "PP 45/2015" | "PP 46/2015" => (p(2015, 7), None),
        "PP 49/2020" => (p(2020, 8), Some(p(2021, 1))),
        "PP 37/2021" => (p(2021, 2), Some(p(2025, 1))),
        "PP 6/2025" => (p(2025, 2), None),
        "PP 7/2025" => (p(2025, 2), Some(p(2025, 7))),
        "PP 36/2025" => (p(2025, 8), Some(p(2026, 1))),
        // PP 49/2023 (promulgated 2023-10-06, so from period 2023-11 by D-5)
        // codified the JKK recomposition (Pasal 16A) and the JKM one (18A).
        "PP 49/2023" => (p(2023, 11), None),
        _ => return None,
    })
}

/// Whether `instrument` may be cited for `period`. (An earlier version of the
/// rules cited PP 49/2023, promulgated 2023-10-06, for the JKP allocations of
/// 2021-02 … 2023-09; this check is what caught it.)
fn cited_in_force(instrument: &str, period: Period) -> bool {
    in_force_window(instrument)
        .is_some_and(|(from, to)| from <= period && to.is_none_or(|to| period <= to))
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// (a) With everything else equal, a higher wage never lowers any line, any
    /// deferred amount, any allocation or any payer total, and never changes
    /// which lines there are.
    #[test]
    fn monotone_in_wage(
        prof in profile(),
        period in period(),
        low in wage_amount(),
        step in prop_oneof![3 => 0i64..=10, 3 => 0i64..=1_000_000, 1 => 0i64..=MAX_WAGE],
    ) {
        let high = low.saturating_add(step).min(MAX_WAGE);
        let (w_low, w_high) = (prof.worker(low, period), prof.worker(high, period));
        let options = prof.options();
        match assess_pu(&w_low, period, &options) {
            Err(ContributionError::WageBelowFloor { .. }) => prop_assert!(below_floor(w_low.wage.rupiah(), period)),
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
            Ok(a_low) => {
                let a_high = assess_ok(&w_high, period, &options)?;
                let (lo, hi) = (amounts(&a_low), amounts(&a_high));
                prop_assert_eq!(lo.len(), hi.len(), "{:?} vs {:?}", lo, hi);
                for (l, h) in lo.iter().zip(&hi) {
                    prop_assert_eq!((l.0, l.1, l.2), (h.0, h.1, h.2));
                    prop_assert!(l.3 <= h.3, "{:?} at wage {} > {:?} at wage {}", l, low, h, high);
                }
            }
        }
    }

    /// (b) JP (billed and deferred) is the same for every wage at or above the
    /// JP ceiling of the period, with the ceiling as its base.
    #[test]
    fn jp_constant_above_ceiling(
        prof in profile(),
        period in period(),
        raw in (prop_oneof![1 => Just(0u64), 4 => any::<u64>()], prop_oneof![1 => Just(0u64), 4 => any::<u64>()]),
    ) {
        let ceiling = JP_WAGE_CEILING.at(period).unwrap().value.get();
        let span = MAX_WAGE.unsigned_abs() - ceiling + 1;
        let wage = |r: u64| i64::try_from(ceiling + r % span).unwrap();
        let options = prof.options();
        let a1 = assess_ok(&prof.worker(wage(raw.0), period), period, &options)?;
        let a2 = assess_ok(&prof.worker(wage(raw.1), period), period, &options)?;
        let jp = |a: &Assessment| -> Vec<(Payer, Option<Rupiah>, Option<Rate>, Rupiah)> {
            a.lines.iter().chain(a.deferred.iter())
                .filter(|l| l.program == Program::Jp)
                .map(|l| (l.payer, l.base, l.rate, l.amount))
                .collect()
        };
        prop_assert_eq!(jp(&a1), jp(&a2));
        for (_, base, _, _) in jp(&a1) {
            prop_assert_eq!(base, Some(rp(ceiling)));
        }
        prop_assert_eq!(
            a1.lines.iter().any(|l| l.program == Program::Jp),
            a1.eligibility.statuses.joined.contains(Program::Jp)
        );
    }

    /// (c) JKK, JKM and JHT are never capped: their base is the wage. JP's base
    /// is the wage capped at the ceiling of the period, JKP's (and the JKP
    /// allocations') the wage capped at the JKP cap.
    #[test]
    fn bases_and_caps((worker, period, options) in case()) {
        let a = assess_ok(&worker, period, &options)?;
        let wage = worker.wage.rupiah();
        let jp_base = wage.min(JP_WAGE_CEILING.at(period).unwrap().value);
        let jkp_base = JKP_REGIME.at(period).map(|e| wage.min(e.value.wage_cap));
        for l in a.lines.iter().chain(a.deferred.iter()) {
            let Billed::Program(program) = l.program else { unreachable!() };
            let expected = match program {
                Program::Jkk | Program::Jkm | Program::Jht => wage,
                Program::Jp => jp_base,
                Program::Jkp => jkp_base.unwrap(),
            };
            prop_assert_eq!(l.base, Some(expected), "{:?}", l);
        }
        for x in a.allocations.iter() {
            prop_assert_eq!(Some(x.base), jkp_base, "{:?}", x);
        }
        // JKK and JKM are mandatory at every scale (D-9): always billed.
        prop_assert!(a.line(Program::Jkk, Payer::Employer).is_some());
        prop_assert!(a.line(Program::Jkm, Payer::Employer).is_some());
    }

    /// (d) Each payer's total is the sum of that payer's billed lines; deferred
    /// amounts and allocations never count. A wage earner's case has no
    /// self-paying participant, and the government pays only JKP.
    #[test]
    fn totals_are_sums_of_lines((worker, period, options) in case()) {
        let a = assess_ok(&worker, period, &options)?;
        for payer in Payer::ALL {
            let sum: u64 = a.lines.iter().filter(|l| l.payer == payer).map(|l| l.amount.get()).sum();
            prop_assert_eq!(a.totals.get(payer), rp(sum), "{}", payer);
        }
        prop_assert_eq!(a.totals.participant, Rupiah::ZERO);
        let jkp: u64 = a.lines.iter().filter(|l| l.program == Program::Jkp).map(|l| l.amount.get()).sum();
        prop_assert_eq!(a.totals.government, rp(jkp));
        for l in a.lines.iter() {
            prop_assert!(!l.rule.contains("deferred") && !l.rule.contains("allocation"), "{}", l.rule);
        }
        for l in a.deferred.iter() {
            prop_assert!(l.rule.contains("deferred"), "{}", l.rule);
            prop_assert_eq!(l.program, Program::Jp);
        }
        for x in a.allocations.iter() {
            prop_assert_eq!(x.to, Program::Jkp);
            prop_assert!(matches!(x.from, Program::Jkk | Program::Jkm));
        }
        // A billed and a deferred JP line of one payer split the one normal rate.
        for d in a.deferred.iter() {
            let billed = a.line(Program::Jp, d.payer).unwrap();
            prop_assert_eq!(billed.base, d.base);
            prop_assert_eq!(billed.rate.unwrap().checked_add(d.rate.unwrap()).map(|r| r.units()),
                Some(if d.payer == Payer::Employer { 2_000_000 } else { 1_000_000 }));
        }
    }

    /// (e) Every amount (billed, deferred, allocated) is its rate applied once
    /// to its base (D-2), and never more than its base.
    #[test]
    fn amounts_are_rate_times_base((worker, period, options) in case()) {
        let a = assess_ok(&worker, period, &options)?;
        for l in a.lines.iter().chain(a.deferred.iter()) {
            let (base, r) = (l.base.unwrap(), l.rate.unwrap());
            prop_assert_eq!(l.amount, r.apply(base), "{:?}", l);
            prop_assert_eq!(l.amount, r.apply_exact(base).round());
            prop_assert!(l.amount <= base, "{:?}", l);
            prop_assert!(l.period == period);
        }
        for x in a.allocations.iter() {
            prop_assert_eq!(x.amount, x.rate.apply(x.base), "{:?}", x);
            prop_assert!(x.amount <= x.base);
        }
    }

    /// (f) An `Ok` result cites only rules in force in its period: no JKP before
    /// 2021-02, PP 49/2020 relief only in 2020-08 … 2021-01, the PP 7/2025
    /// discount only in 2025-02 … 2026-01, the JKM allocation only before
    /// 2025-02, and every instrument cited within its window.
    #[test]
    fn cites_only_rules_in_force((worker, period, options) in case()) {
        let a = assess_ok(&worker, period, &options)?;
        let relief = within(period, p(2020, 8), p(2021, 1));
        let discount = within(period, p(2025, 2), p(2026, 1));
        for l in a.lines.iter().chain(a.deferred.iter()) {
            if l.program == Program::Jkp {
                prop_assert!(period >= p(2021, 2), "JKP line in {}", period);
            }
            if l.rule.contains("pp49_2020") {
                prop_assert!(relief, "{} in {}", l.rule, period);
            }
            if l.rule.contains("pp7_2025") {
                prop_assert!(discount, "{} in {}", l.rule, period);
            }
            for instrument in core::iter::once(l.source.instrument).chain(l.adjusted_by.map(|s| s.instrument)) {
                prop_assert!(cited_in_force(instrument, period), "{} cites {} in {}", l.rule, instrument, period);
            }
        }
        if !a.deferred.is_empty() {
            prop_assert!(relief, "deferred JP in {}", period);
        }
        for x in a.allocations.iter() {
            prop_assert!(period >= p(2021, 2), "allocation in {}", period);
            if x.from == Program::Jkm {
                prop_assert!(period < p(2025, 2), "JKM allocation in {}", period);
            }
            prop_assert!(cited_in_force(x.source.instrument, period), "{} cites {} in {}", x.rule, x.source.instrument, period);
        }
        if a.eligibility.statuses.joined.contains(Program::Jkp) {
            prop_assert!(period >= p(2021, 2));
        }
    }

    /// (g) For any worker, in any period from 2014-01, `assess_pu` fails exactly
    /// when a documented condition holds, and only with one of the errors
    /// those conditions name: a period before 2015-07 (D-6), a birth date after
    /// the period or a registration before birth (D-7a), a wage below the floor
    /// from 2023-01 (D-8). Never another error, never a panic.
    #[test]
    fn errors_only_as_documented(
        prof in profile(),
        period in period_between(p(2014, 1), last_period()),
        wage in wage_amount(),
        // Shift the birth date up to three years later: sometimes after the period.
        later_birth_days in prop_oneof![3 => Just(0u64), 1 => 0u64..=3 * 366],
        // Sometimes register before birth.
        early_registration_days in prop_oneof![5 => Just(0u64), 1 => 1u64..=400],
    ) {
        let mut worker = prof.worker(wage, period);
        worker.birth_date = worker.birth_date + Days::new(later_birth_days);
        if early_registration_days > 0 {
            worker.registered_on = Some(worker.birth_date - Days::new(early_registration_days));
        }
        let before_programs = period < p(2015, 7);
        let born_after = worker.birth_date > period.last_day();
        let registered_before_birth = worker.registered_on.is_some_and(|r| r < worker.birth_date);
        let floor = below_floor(worker.wage.rupiah(), period);
        match assess_pu(&worker, period, &prof.options()) {
            Ok(_) => prop_assert!(!(before_programs || born_after || registered_before_birth || floor)),
            Err(ContributionError::Eligibility(EligibilityError::NoRuleInForce { period: at, .. })) => {
                prop_assert!(before_programs);
                prop_assert_eq!(at, period);
            }
            Err(ContributionError::Eligibility(EligibilityError::BornAfterPeriod { birth_date, period: at })) => {
                prop_assert!(born_after);
                prop_assert_eq!((birth_date, at), (worker.birth_date, period));
            }
            Err(ContributionError::Eligibility(EligibilityError::RegisteredBeforeBirth { registered_on, birth_date })) => {
                prop_assert!(registered_before_birth);
                prop_assert_eq!((Some(registered_on), birth_date), (worker.registered_on, worker.birth_date));
            }
            Err(ContributionError::WageBelowFloor { wage, floor: limit }) => {
                prop_assert!(floor);
                prop_assert_eq!((wage, limit), (worker.wage.rupiah(), rp(1_000_000)));
            }
            Err(e) => prop_assert!(false, "undocumented error {e:?} for {period} {worker:?}"),
        }
    }

    /// (h) `Rate::apply` equals the product computed by `rust_decimal` from the
    /// rate's decimal string, rounded half away from zero (D-2); the exact
    /// product is the same decimal, and rounding it gives the same rupiah.
    #[test]
    fn apply_matches_rust_decimal(
        units in prop_oneof![
            3 => 0u64..=100_000_000,
            1 => 0u64..=2_000_000,
            1 => prop::sample::select(vec![
                240_000, 540_000, 890_000, 1_270_000, 1_740_000, 300_000, 3_700_000, 2_000_000, 1_000_000, 220_000,
                140_000, 100_000, 445_000, 635_000, 870_000, 2_400, 3_000, 20_000, 1_980_000, 990_000, 50_000_000,
                1, 99_999_999, 100_000_000, 0,
            ]),
        ],
        base in prop_oneof![
            3 => 1_000_000u64..=50_000_000,
            2 => 0u64..=1_000_000_000_000,
            1 => 0u64..=1_000,
            1 => any::<u64>(),
            1 => (u64::MAX - 1_000)..=u64::MAX,
        ],
    ) {
        let r = Rate::from_parts(units, 8).unwrap();
        let decimal_rate = Decimal::from_str(&r.decimal().to_string()).unwrap();
        prop_assert_eq!(decimal_rate, Decimal::new(i64::try_from(units).unwrap(), 8));
        let product = decimal_rate.checked_mul(Decimal::from(base)).unwrap();
        let rounded = product.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        let applied = r.apply(rp(base));
        prop_assert_eq!(Decimal::from(applied.get()), rounded, "{} × {}", r.decimal(), base);
        prop_assert!(applied.get() <= base);
        let exact = r.apply_exact(rp(base));
        prop_assert_eq!(Decimal::from_str(&exact.to_string()).unwrap(), product);
        prop_assert_eq!(exact.round(), applied);
    }

    /// (i) The assessment agrees line by line (program, payer, base, rate, rule
    /// id, instrument, discount or relief), deferred line by deferred line,
    /// allocation by allocation and warning by warning with an independent
    /// model of D-8 … D-16.
    #[test]
    fn agrees_with_model(prof in profile(), period in period(), wage in wage_amount()) {
        let worker = prof.worker(accepted_wage(wage, period), period);
        let a = assess_ok(&worker, period, &prof.options())?;
        prop_assert_eq!(observed(&a), model(&worker, period, prof.jp_for_foreigners), "{} {:?}", period, worker);
    }

    /// (j) The due date is the 15th of the following month moved forward to a
    /// working day (D-28), or under PP 49/2020 the 30th of the following month
    /// (its last day if shorter) moved back to a working day (D-16), for any
    /// list of holidays around it.
    #[test]
    fn due_date_follows_d28_and_d16(
        (worker, period, _) in case(),
        offsets in prop::collection::vec(-12i64..=12, 0..8),
    ) {
        let next = period.next();
        let relief = within(period, p(2020, 8), p(2021, 1));
        let anchor = if relief { next.first_day().with_day(30).unwrap_or(next.last_day()) } else { next.first_day().with_day(15).unwrap() };
        let holidays: Vec<NaiveDate> = offsets.iter().map(|o| anchor + chrono::Duration::days(*o)).collect();
        let working = |d: NaiveDate| !matches!(d.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun) && !holidays.contains(&d);
        let step = chrono::Duration::days(if relief { -1 } else { 1 });
        let mut expected = anchor;
        while !working(expected) {
            expected += step;
        }
        let a = assess_ok(&worker, period, &Options { holidays: &holidays, ..Options::default() })?;
        prop_assert_eq!(a.due_date, expected, "{} holidays {:?}", period, holidays);
    }
}
