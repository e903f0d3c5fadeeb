#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]
//! Sweeps: every month from 2015-07 to 2030-12 × every JKK
//! risk class × every employer scale × a few wages × WNI/WNA × two worker
//! profiles × two birth dates gives an `Ok` or the one specific `Err` the
//! decisions call for, never a panic; and every month of 2015-01 … 2015-06 fails
//! closed (D-6).
//!
//! Each call runs under `catch_unwind`, so a panic is reported with its input
//! alongside every other failure instead of stopping the sweep at the first.

use std::panic::{AssertUnwindSafe, catch_unwind};

use chrono::Datelike;
use jamsos_contribution::{Assessment, ContributionError, Options, assess_pu};
use jamsos_core::{Date, Payer, Period, Program, ProgramSet, Rupiah, parse_date};
use jamsos_eligibility::EligibilityError;
use jamsos_worker::{Industry, Nationality, PuWorker, RiskClass, Scale, Wage};

/// Wages around the D-8 floor, the lowest minimum wage, the JKP cap and the JP
/// ceilings, and the largest D-4 allows.
const WAGES: [i64; 6] = [
    999_999,
    1_000_000,
    1_968_169,
    5_000_000,
    20_000_000,
    1_000_000_000_000,
];

fn p(year: u16, month: u8) -> Period {
    Period::new(year, month).unwrap()
}

fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

/// Every period from `first` to `last`, inclusive.
fn months(first: Period, last: Period) -> impl Iterator<Item = Period> {
    std::iter::successors(Some(first), move |m| Some(m.next()).filter(|n| *n <= last))
}

/// The workers of one sweep cell: the contract defaults, and a worker with
/// every optional fact given (registered, JKN member, JHT and JP opted in, a
/// labour-intensive industry with 120 workers), each with a young birth date
/// and one that reaches pension age inside the sweep (1963-06-01 reaches it on
/// 2020-06-01, D-10).
fn workers(wage: i64, risk_class: u8, scale: Scale, nationality: Nationality) -> [PuWorker; 4] {
    let wage = Wage::try_from(wage).unwrap();
    let risk_class = RiskClass::try_from(risk_class).unwrap();
    [d("1990-05-17"), d("1963-06-01")]
        .into_iter()
        .flat_map(|birth| {
            let mut plain = PuWorker::new(birth, wage, risk_class, scale);
            plain.nationality = nationality;
            let mut full = plain;
            full.registered_on = Some(birth.with_year(birth.year() + 20).unwrap());
            full.jkn_member = true;
            full.opt_in = ProgramSet::of(&[Program::Jht, Program::Jp]);
            full.industry = Some(Industry::TextileApparel);
            full.active_workers = Some(120);
            [plain, full]
        })
        .collect::<Vec<_>>()
        .try_into()
        .unwrap()
}

/// What the decisions say about one call: `Ok`, or the one error expected.
fn check(worker: &PuWorker, period: Period, options: &Options<'_>) -> Result<(), String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| assess_pu(worker, period, options)));
    let result = outcome.map_err(|_| format!("panic: {period} {worker:?}"))?;
    let wage = worker.wage.rupiah();
    match (
        result,
        period < p(2015, 7),
        period >= p(2023, 1) && wage < Rupiah::new(1_000_000),
    ) {
        // D-6: nothing is in force before 2015-07.
        (
            Err(ContributionError::Eligibility(EligibilityError::NoRuleInForce {
                period: at, ..
            })),
            true,
            _,
        ) if at == period => Ok(()),
        // D-8: the absolute floor from 2023-01.
        (Err(ContributionError::WageBelowFloor { wage: w, floor }), false, true)
            if w == wage && floor == Rupiah::new(1_000_000) =>
        {
            Ok(())
        }
        (Ok(a), false, false) => consistent(&a),
        (other, _, _) => Err(format!("{period} {worker:?}: unexpected {other:?}")),
    }
}

/// Cheap invariants of a successful assessment: totals are sums of lines, JKK
/// and JKM are always billed.
fn consistent(a: &Assessment) -> Result<(), String> {
    for payer in Payer::ALL {
        let sum: u64 = a
            .lines
            .iter()
            .filter(|l| l.payer == payer)
            .map(|l| l.amount.get())
            .sum();
        if a.totals.get(payer).get() != sum {
            return Err(format!(
                "{}: {payer} total {} is not the sum {sum}",
                a.period,
                a.totals.get(payer)
            ));
        }
    }
    if a.line(Program::Jkk, Payer::Employer).is_none()
        || a.line(Program::Jkm, Payer::Employer).is_none()
    {
        return Err(format!("{}: JKK or JKM missing", a.period));
    }
    Ok(())
}

/// Runs `check` over every cell for `periods`; returns the number of calls and
/// the failures.
fn sweep(periods: impl Iterator<Item = Period>) -> (usize, Vec<String>) {
    let options = [
        Options::default(),
        Options {
            jp_for_foreigners: true,
            holidays: &[],
            ..Options::default()
        },
    ];
    let mut calls = 0;
    let mut failures = Vec::new();
    for period in periods {
        for risk_class in 1..=5 {
            for scale in Scale::ALL {
                for wage in WAGES {
                    for (nationality, options) in [
                        (Nationality::Wni, &options[0]),
                        (Nationality::Wna, &options[1]),
                    ] {
                        for worker in workers(wage, risk_class, scale, nationality) {
                            calls += 1;
                            if let Err(failure) = check(&worker, period, options) {
                                failures.push(failure);
                            }
                        }
                    }
                }
            }
        }
    }
    (calls, failures)
}

/// The first few failures and how many there were.
fn report(failures: &[String]) -> String {
    let shown: Vec<&str> = failures.iter().take(20).map(String::as_str).collect();
    format!(
        "{} failures, first {}:\n{}",
        failures.len(),
        shown.len(),
        shown.join("\n")
    )
}

#[test]
fn every_period_2015_07_to_2030_12_is_ok_or_a_specific_error() {
    let periods = months(p(2015, 7), p(2030, 12));
    let (calls, failures) = sweep(periods);
    // 186 months × 5 classes × 4 scales × 6 wages × 2 nationalities × 4 workers.
    assert_eq!(calls, 186 * 5 * 4 * WAGES.len() * 2 * 4);
    assert!(failures.is_empty(), "{}", report(&failures));
}

#[test]
fn periods_before_2015_07_fail_closed() {
    let periods = months(p(2015, 1), p(2015, 6));
    let (calls, failures) = sweep(periods);
    assert_eq!(calls, 6 * 5 * 4 * WAGES.len() * 2 * 4);
    assert!(failures.is_empty(), "{}", report(&failures));
}
