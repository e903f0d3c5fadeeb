#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "benches"
)]
//! Informal workers (BPU), construction projects (Jakon) and migrant workers
//! (PMI): [`assess_bpu`] (one month and 12 prepaid), [`assess_jakon`] by
//! contract value and [`assess_pmi`], each over 100,000 varied cases built up
//! front. As in `pu.rs`, each timed iteration folds the payers' totals into a
//! checksum, compared afterwards with the sum of the lines.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jamsos_benches::{Rng, SEED, WORKERS};
use jamsos_contribution::{
    CategoryAssessment, ContributionError, Options, assess_bpu, assess_jakon, assess_pmi,
};
use jamsos_core::{Payer, Period, Program, ProgramSet, Rupiah};
use jamsos_worker::{
    BpuWorker, Channel, ContractValue, Income, JakonMethod, JakonProject, PmiWorker, Prepay, Sector,
};

fn totals<const N: usize>(r: &Result<CategoryAssessment<N>, ContributionError>) -> u64 {
    r.as_ref().map_or(1, |a| {
        Payer::ALL.iter().map(|p| a.totals.get(*p).get()).sum()
    })
}

fn lines<const N: usize>(r: &Result<CategoryAssessment<N>, ContributionError>) -> u64 {
    r.as_ref()
        .map_or(1, |a| a.lines.iter().map(|l| l.amount.get()).sum())
}

/// Periods 2020-01 … 2029-12, so reliefs and discounts are all visited.
fn period(rng: &mut Rng) -> Period {
    Period::new(2020 + rng.below(10) as u16, 1 + rng.below(12) as u8).unwrap()
}

fn bpu_cases(rng: &mut Rng) -> Vec<(BpuWorker, Period)> {
    (0..WORKERS)
        .map(|_| {
            let mut w =
                BpuWorker::new(Income::new(1_000_000 + u64::from(rng.below(19_700_001))).unwrap());
            w.sector = if rng.chance(40) {
                Sector::Transport
            } else {
                Sector::Other
            };
            w.subsidised = rng.chance(10);
            if rng.chance(30) {
                w.opt_in = ProgramSet::of(&[Program::Jht]);
            }
            (w, period(rng))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut rng = Rng::new(SEED);
    let bpu = bpu_cases(&mut rng);
    let jakon: Vec<(JakonProject, Period)> = (0..WORKERS)
        .map(|_| {
            let value = u64::from(rng.below(u32::MAX)) * u64::from(1 + rng.below(2_000));
            let method = JakonMethod::Contract(ContractValue::new(value.max(1)).unwrap());
            (JakonProject::new(method), period(&mut rng))
        })
        .collect();
    let pmi: Vec<(PmiWorker, Period)> = (0..WORKERS)
        .map(|_| {
            let channel = if rng.chance(70) {
                Channel::Agency
            } else {
                Channel::Individual
            };
            let mut w = PmiWorker::new(channel, [6, 12, 24][rng.below(3) as usize]).unwrap();
            w.extension_months = rng.below(7) as u8;
            if rng.chance(20) {
                w.jht_monthly = Some(Rupiah::new(100_000));
            }
            (w, period(&mut rng))
        })
        .collect();
    let options = Options::default();

    let mut group = c.benchmark_group("categories");
    group.throughput(Throughput::Elements(WORKERS as u64));
    for (name, prepay) in [
        ("assess_bpu", Prepay::One),
        ("assess_bpu_12_months", Prepay::Twelve),
    ] {
        let run = |sum: fn(&Result<_, _>) -> u64| {
            bpu.iter().fold(0u64, |acc, (w, p)| {
                acc.wrapping_add(sum(&assess_bpu(black_box(w), *p, prepay, &options)))
            })
        };
        let mut last = 0;
        group.bench_function(name, |b| b.iter(|| last = run(totals)));
        assert_eq!(last, run(lines), "{name}: totals and lines disagree");
    }
    let run = |sum: fn(&Result<_, _>) -> u64| {
        jakon.iter().fold(0u64, |acc, (j, p)| {
            acc.wrapping_add(sum(&assess_jakon(black_box(j), *p, &options)))
        })
    };
    let mut last = 0;
    group.bench_function("assess_jakon_contract", |b| b.iter(|| last = run(totals)));
    assert_eq!(last, run(lines));
    let run = |sum: fn(&Result<_, _>) -> u64| {
        pmi.iter().fold(0u64, |acc, (w, p)| {
            acc.wrapping_add(sum(&assess_pmi(black_box(w), *p)))
        })
    };
    let mut last = 0;
    group.bench_function("assess_pmi", |b| b.iter(|| last = run(totals)));
    assert_eq!(last, run(lines));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
