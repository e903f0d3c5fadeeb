#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "benches"
)]
//! Bulk runs over 1,000, 100,000 and 1,000,000 rows, in elements (rows) per
//! second:
//!
//! - `bulk/eligibility/N`: [`jamsos_eligibility::pu`] over `N` in-memory wage
//!   earners from [`jamsos_benches::cases`], each in its own period;
//! - `bulk/contribution/N`: one month's assessments of `N` in-memory cases of
//!   all four categories, mixed like the sample roster (~62% PU through
//!   [`PuRules::assess`], the roster path; ~22% [`assess_bpu`], ~12%
//!   [`assess_jakon`], ~4% [`assess_pmi`]), decoded once from
//!   [`jamsos_batch::sample::write_roster`] before timing;
//! - `bulk/batch_csv/N`: the same kind of roster as CSV bytes, end to end
//!   through [`jamsos_batch::run`] on all cores, into a reused output buffer.
//!
//! As in `pu.rs`, each timed iteration folds its results into a checksum and
//! the last checksum is compared afterwards with one computed a different way
//! (outside the timing), so a bench that measured the wrong thing fails.
//! Inputs are built when a bench first runs, not at start-up, so a filter
//! skips their cost and `cargo bench -- --test` (each routine once) builds
//! only what it runs; a million rows take a few seconds to build.

use std::fmt::Debug;
use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group,
    criterion_main,
};
use jamsos_batch::{Config, run, sample};
use jamsos_benches::{Case, SEED, cases};
use jamsos_contract::{Participant, Roster};
use jamsos_contribution::{
    Assessment, CategoryAssessment, ContributionError, Options, PuRules, assess_bpu, assess_jakon,
    assess_pmi,
};
use jamsos_core::{Payer, Period, Program};
use jamsos_eligibility::{PuEligibility, Status};
use jamsos_worker::{BpuWorker, JakonProject, PmiWorker, Prepay, PuWorker};

/// The row counts measured.
const SIZES: [usize; 3] = [1_000, 100_000, 1_000_000];

/// The month the contribution and batch benches assess (every sample row is
/// valid from 2023-03 to 2030-12).
const PERIOD: &str = "2025-04";

/// What an error adds to a checksum (the same in the timed and the recomputed sum).
const ERROR_WEIGHT: u64 = 1;

fn period() -> Period {
    PERIOD.parse().unwrap()
}

/// Times `timed` over the input `setup` builds for `rows` rows, then checks
/// its last checksum against `recompute` over the same input.
///
/// `setup` runs at most once, when criterion first calls the routine (not at
/// all when a filter skips the bench); the input is dropped before the next
/// size is built.
fn bulk<T, S>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    rows: usize,
    setup: impl FnOnce(usize) -> T,
    mut timed: impl FnMut(&mut T) -> S,
    recompute: impl FnOnce(&T) -> S,
) where
    S: Copy + PartialEq + Debug,
{
    group.throughput(Throughput::Elements(rows as u64));
    // From 100,000 rows an iteration takes milliseconds to a second: flat
    // sampling (the same iterations in every sample) keeps the run short, and
    // its ten samples make at least ten iterations, so a million rows get a
    // longer budget than the rest.
    group.sampling_mode(if rows >= 100_000 {
        SamplingMode::Flat
    } else {
        SamplingMode::Auto
    });
    group.measurement_time(Duration::from_secs(if rows >= 1_000_000 { 10 } else { 3 }));
    let mut setup = Some(setup);
    let mut input = None;
    let mut last = None;
    group.bench_with_input(BenchmarkId::new(name, rows), &rows, |b, &rows| {
        let input = input.get_or_insert_with(|| (setup.take().expect("set up once"))(rows));
        b.iter(|| {
            let sum = timed(black_box(&mut *input));
            last = Some(sum);
            sum
        });
    });
    // `None` when a filter skipped this bench.
    if let (Some(sum), Some(input)) = (last, &input) {
        assert_eq!(
            sum,
            recompute(input),
            "bulk/{name}/{rows}: the timed checksum differs from its recomputation"
        );
    }
}

fn group(c: &mut Criterion) -> BenchmarkGroup<'_, WallTime> {
    let mut group = c.benchmark_group("bulk");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    group
}

// ---------------------------------------------------------------- eligibility

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
    let mut group = group(c);
    for rows in SIZES {
        bulk(
            &mut group,
            "eligibility",
            rows,
            |n| cases(n, SEED).expect("the generator makes valid workers"),
            |cases| eligibility_all(cases, |e, _| joined_checksum(e)),
            |cases| eligibility_all(cases, status_checksum),
        );
    }
    group.finish();
}

// --------------------------------------------------------------- contribution

/// One decoded roster row: the domain input of its category.
enum Mixed {
    Pu(PuWorker),
    Bpu(BpuWorker),
    Jakon(JakonProject),
    Pmi(PmiWorker),
}

/// The month's cases and the wage-earner rules resolved for it.
struct Month {
    period: Period,
    rules: PuRules,
    cases: Vec<Mixed>,
}

/// Decodes a sample roster of `rows` rows with the contract's checks, every
/// row in [`PERIOD`] (the ~1% of rows with their own `period` cell are moved
/// to it, so one `PuRules` serves the whole month).
fn month(rows: usize) -> Month {
    let period = period();
    let mut csv = Vec::new();
    sample::write_roster(&mut csv, rows as u64, SEED).unwrap();
    let text = std::str::from_utf8(&csv).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let roster = Roster::new(&header, false).unwrap();
    let period_column = roster.column("period").unwrap();
    let mut cells: Vec<&str> = Vec::with_capacity(roster.width());
    let cases: Vec<Mixed> = lines
        .map(|line| {
            cells.clear();
            cells.extend(line.split(','));
            cells[period_column] = "";
            let case = roster
                .decode(&cells, period)
                .unwrap_or_else(|e| panic!("{line}: {e:?}"));
            match case.participant {
                Participant::Pu(w) => Mixed::Pu(w),
                Participant::Bpu(w) => Mixed::Bpu(w),
                Participant::Jakon(p) => Mixed::Jakon(p),
                Participant::Pmi(w) => Mixed::Pmi(w),
                other => panic!("a category the sample does not write: {other:?}"),
            }
        })
        .collect();
    assert_eq!(cases.len(), rows);
    let rules = PuRules::new(period, &Options::default()).unwrap();
    Month {
        period,
        rules,
        cases,
    }
}

/// Which sum a checksum takes of each assessment.
#[derive(Clone, Copy)]
enum Sum {
    /// The timed one: every payer's total.
    Totals,
    /// The recomputation: every billed line, which must add up to the totals.
    Lines,
}

fn pu_sum(r: &Result<Assessment, ContributionError>, by: Sum) -> u64 {
    match (r, by) {
        (Ok(a), Sum::Totals) => Payer::ALL.iter().map(|p| a.totals.get(*p).get()).sum(),
        (Ok(a), Sum::Lines) => a.lines.iter().map(|l| l.amount.get()).sum(),
        (Err(_), _) => ERROR_WEIGHT,
    }
}

fn category_sum<const N: usize>(
    r: &Result<CategoryAssessment<N>, ContributionError>,
    by: Sum,
) -> u64 {
    match (r, by) {
        (Ok(a), Sum::Totals) => Payer::ALL.iter().map(|p| a.totals.get(*p).get()).sum(),
        (Ok(a), Sum::Lines) => a.lines.iter().map(|l| l.amount.get()).sum(),
        (Err(_), _) => ERROR_WEIGHT,
    }
}

fn assess_month(month: &Month, by: Sum) -> u64 {
    let options = Options::default();
    let period = month.period;
    month.cases.iter().fold(0u64, |sum, case| {
        sum.wrapping_add(match case {
            Mixed::Pu(w) => pu_sum(&month.rules.assess(w), by),
            Mixed::Bpu(w) => category_sum(&assess_bpu(w, period, Prepay::One, &options), by),
            Mixed::Jakon(p) => category_sum(&assess_jakon(p, period, &options), by),
            Mixed::Pmi(w) => category_sum(&assess_pmi(w, period), by),
        })
    })
}

fn bench_contribution(c: &mut Criterion) {
    let mut group = group(c);
    for rows in SIZES {
        bulk(
            &mut group,
            "contribution",
            rows,
            month,
            |month| assess_month(month, Sum::Totals),
            |month| assess_month(month, Sum::Lines),
        );
    }
    group.finish();
}

// ------------------------------------------------------------------ batch CSV

/// A CSV roster in memory and the reused output buffer.
struct Batch {
    input: Vec<u8>,
    output: Vec<u8>,
}

/// The sum of the `total_*` columns of an output CSV, parsed from its text.
/// The columns are counted from the right, past the status columns, since an
/// error row's message may hold quoted commas.
fn output_totals(output: &[u8], rows: usize) -> u128 {
    let text = std::str::from_utf8(output).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let from_right: Vec<usize> = header
        .rsplit(',')
        .enumerate()
        .filter(|(_, name)| name.starts_with("total_"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(from_right.len(), Payer::ALL.len(), "{header}");
    let mut count = 0;
    let sum = lines
        .inspect(|_| count += 1)
        .flat_map(|line| {
            line.rsplit(',')
                .enumerate()
                .filter(|(i, _)| from_right.contains(i))
                .map(|(_, cell)| {
                    if cell.is_empty() {
                        0
                    } else {
                        cell.parse::<u128>().unwrap()
                    }
                })
        })
        .sum();
    assert_eq!(count, rows, "one output row per input row");
    sum
}

fn bench_batch_csv(c: &mut Criterion) {
    let config = Config::new(period());
    let mut group = group(c);
    for rows in SIZES {
        bulk(
            &mut group,
            "batch_csv",
            rows,
            |n| {
                let mut input = Vec::new();
                sample::write_roster(&mut input, n as u64, SEED).unwrap();
                // Output rows are about as long as input rows.
                let output = Vec::with_capacity(input.len() + input.len() / 2);
                Batch { input, output }
            },
            |batch| {
                batch.output.clear();
                let summary = run(batch.input.as_slice(), &mut batch.output, &config).unwrap();
                assert_eq!(summary.all.rows, rows as u64);
                summary.all.totals.iter().sum::<u128>()
            },
            |batch| output_totals(&batch.output, rows),
        );
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_eligibility,
    bench_contribution,
    bench_batch_csv
);
criterion_main!(benches);
