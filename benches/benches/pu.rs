#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "benches"
)]
//! Wage-earner benchmarks: [`assess_pu`] and eligibility alone
//! ([`jamsos_eligibility::pu`]) over 100,000 varied workers built up front.
//!
//! Each timed iteration folds the results into a checksum, so the optimiser
//! cannot drop the work; after timing, the last checksum is compared once with
//! one recomputed differently (outside the timing), so a bench that measured
//! the wrong thing fails instead of reporting a number. CI runs
//! `cargo bench -p jamsos-benches -- --test`, which runs each routine once.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jamsos_benches::{Case, SEED, WORKERS, cases};
use jamsos_contribution::{Assessment, ContributionError, Options, PuRules, assess_pu};
use jamsos_core::{Payer, Period, Program};
use jamsos_eligibility::{PuEligibility, Status};

/// What an error adds to a checksum (the same in the timed and the recomputed sum).
const ERROR_WEIGHT: u64 = 1;

/// The timed checksum: the sum of every payer's total.
fn totals_checksum(result: &Result<Assessment, ContributionError>) -> u64 {
    match result {
        Ok(a) => Payer::ALL.iter().map(|p| a.totals.get(*p).get()).sum(),
        Err(_) => ERROR_WEIGHT,
    }
}

/// The recomputation: the sum of every billed line, which must equal the sum
/// of the totals.
fn lines_checksum(result: &Result<Assessment, ContributionError>) -> u64 {
    match result {
        Ok(a) => a.lines.iter().map(|l| l.amount.get()).sum(),
        Err(_) => ERROR_WEIGHT,
    }
}

/// Assesses every case (in its own period, or all in `period`) and folds the
/// results with `checksum`.
fn assess_all(
    cases: &[Case],
    period: Option<Period>,
    checksum: fn(&Result<Assessment, ContributionError>) -> u64,
) -> u64 {
    let options = Options::default();
    cases.iter().fold(0u64, |sum, case| {
        let result = assess_pu(&case.worker, period.unwrap_or(case.period), &options);
        sum.wrapping_add(checksum(&result))
    })
}

fn bench_assess_pu(c: &mut Criterion) {
    let cases = cases(WORKERS, SEED).expect("the generator makes valid workers");
    let mut group = c.benchmark_group("pu");
    group.throughput(Throughput::Elements(cases.len() as u64));

    for (name, period) in [
        ("assess_pu", None),
        (
            "assess_pu_one_period",
            Some("2025-04".parse::<Period>().unwrap()),
        ),
    ] {
        let expected = assess_all(&cases, period, lines_checksum);
        let mut last = None;
        group.bench_function(name, |b| {
            b.iter(|| {
                let sum = assess_all(black_box(&cases), black_box(period), totals_checksum);
                last = Some(sum);
                sum
            });
        });
        // `None` when a filter skipped this bench.
        if let Some(sum) = last {
            assert_eq!(
                sum, expected,
                "{name}: checksum of totals differs from the sum of lines"
            );
        }
    }
    // A monthly roster: the rules of the month resolved once (`PuRules`), then
    // every worker assessed against them, as a bulk run does.
    let period: Period = "2025-04".parse().unwrap();
    let rules = PuRules::new(period, &Options::default()).unwrap();
    let expected = assess_all(&cases, Some(period), lines_checksum);
    let mut last = None;
    group.bench_function("assess_roster_one_period", |b| {
        b.iter(|| {
            let rules = black_box(&rules);
            let sum = black_box(&cases).iter().fold(0u64, |sum, case| {
                sum.wrapping_add(totals_checksum(&rules.assess(&case.worker)))
            });
            last = Some(sum);
            sum
        });
    });
    if let Some(sum) = last {
        assert_eq!(
            sum, expected,
            "roster: checksum differs from assess_pu's lines"
        );
    }
    group.finish();
}

/// The timed eligibility checksum: which of JHT, JP and JKP the case joins.
fn joined_checksum(e: &PuEligibility) -> u64 {
    let joined = e.statuses.joined;
    u64::from(joined.contains(Program::Jht))
        + 2 * u64::from(joined.contains(Program::Jp))
        + 4 * u64::from(joined.contains(Program::Jkp))
}

/// The recomputation from the statuses: a program is joined when it is
/// mandatory, or optional and opted into.
fn status_checksum(e: &PuEligibility, case: &Case) -> u64 {
    let joined = |program| match e.status(program).status {
        Status::Mandatory => 1,
        Status::Optional => u64::from(case.worker.opt_in.contains(program)),
        Status::NotEligible => 0,
    };
    joined(Program::Jht) + 2 * joined(Program::Jp) + 4 * joined(Program::Jkp)
}

fn eligibility_all(cases: &[Case], checksum: impl Fn(&PuEligibility, &Case) -> u64) -> u64 {
    let options = jamsos_eligibility::Options::default();
    cases.iter().fold(0u64, |sum, case| {
        match jamsos_eligibility::pu(&case.worker, case.period, &options) {
            Ok(e) => sum.wrapping_add(checksum(&e, case)),
            Err(_) => sum.wrapping_add(ERROR_WEIGHT << 8),
        }
    })
}

fn bench_eligibility(c: &mut Criterion) {
    let cases = cases(WORKERS, SEED).expect("the generator makes valid workers");
    let expected = eligibility_all(&cases, status_checksum);
    let mut group = c.benchmark_group("pu");
    group.throughput(Throughput::Elements(cases.len() as u64));
    let mut last = None;
    group.bench_function("eligibility", |b| {
        b.iter(|| {
            let sum = eligibility_all(black_box(&cases), |e, _| joined_checksum(e));
            last = Some(sum);
            sum
        });
    });
    if let Some(sum) = last {
        assert_eq!(
            sum, expected,
            "eligibility: checksum of joined programs differs from the statuses"
        );
    }
    group.finish();
}

criterion_group!(benches, bench_assess_pu, bench_eligibility);
criterion_main!(benches);
