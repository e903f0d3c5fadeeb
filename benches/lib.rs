//! Shared fixtures for the jamsos benchmarks (`benches/pu.rs`): a deterministic
//! generator of varied wage earners, so every run measures the same work.
//!
//! The generator ([`Rng`]) is the workspace's own SplitMix64 rather than a
//! `rand` dependency: the benches need reproducible variety, not statistical
//! quality, and the numbers must not change when a dependency is upgraded.
//!
//! ```
//! let cases = jamsos_benches::cases(1_000, jamsos_benches::SEED).ok_or("no cases")?;
//! assert_eq!(cases.len(), 1_000);
//! assert_eq!(Some(cases), jamsos_benches::cases(1_000, jamsos_benches::SEED));
//! # Ok::<(), &str>(())
//! ```

use jamsos_batch::sample::SplitMix64;
use jamsos_core::{Date, Period, Program, ProgramSet};
use jamsos_worker::{Industry, Nationality, PuWorker, RiskClass, Scale, Wage};

/// The seed the benches use.
pub const SEED: u64 = 0x6a61_6d73_6f73_2021;

/// The number of workers a bench assesses per iteration.
pub const WORKERS: usize = 100_000;

/// The benches' generator: the workspace's one deterministic generator
/// ([`jamsos_batch::sample::SplitMix64`]), drawing in the `u32` ranges the
/// fixtures use.
#[derive(Debug, Clone)]
pub struct Rng(SplitMix64);

impl Rng {
    /// A generator starting from `seed`.
    #[must_use]
    pub const fn new(seed: u64) -> Rng {
        Rng(SplitMix64::new(seed))
    }

    /// The next 32 random bits (the high half of the next 64).
    pub fn next_u32(&mut self) -> u32 {
        u32::try_from(self.0.next_u64() >> 32).unwrap_or(u32::MAX)
    }

    /// A number in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: u32) -> u32 {
        u32::try_from(self.0.below(u64::from(n))).unwrap_or(0)
    }

    /// `true` with probability `percent` / 100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent
    }
}

/// One worker and the period to assess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Case {
    /// The worker.
    pub worker: PuWorker,
    /// The contribution month, 2015-07 … 2030-12.
    pub period: Period,
}

/// A monthly wage: mostly Rp1,000,000 … Rp50,000,000; some high earners up to
/// Rp1,000,000,000; a few below the D-8 floor (an error from 2023-01, so the
/// error path is measured too).
fn wage(rng: &mut Rng) -> u64 {
    let r = rng.below(100);
    let amount = if r < 75 {
        1_000_000 + rng.below(49_000_000)
    } else if r < 95 {
        50_000_000 + rng.below(950_000_000)
    } else {
        1 + rng.below(999_999)
    };
    u64::from(amount)
}

/// One varied case, or `None` if a generated date does not exist (it always
/// does: days are at most 28).
fn case(rng: &mut Rng) -> Option<Case> {
    let first = Period::new(2015, 7)?;
    let period = first.checked_add_months(rng.below(186))?;
    // Aged about 18 … 64 in the period, so some pass pension age (D-10).
    let age = 18 + rng.below(47);
    let birth_year = i32::from(period.year()) - i32::try_from(age).ok()?;
    let birth = Date::from_ymd_opt(birth_year, 1 + rng.below(12), 1 + rng.below(28))?;
    let registered_on = if rng.chance(80) {
        let years = i32::try_from(rng.below(age)).ok()?;
        Some(
            Date::from_ymd_opt(birth_year + years, 1 + rng.below(12), 1 + rng.below(28))?
                .max(birth),
        )
    } else {
        None
    };
    let opt_in = [Program::Jht, Program::Jp]
        .into_iter()
        .filter(|_| rng.chance(50))
        .fold(ProgramSet::EMPTY, ProgramSet::with);
    let risk_class = RiskClass::try_from(u8::try_from(1 + rng.below(5)).ok()?).ok()?;
    let scale = *Scale::ALL.get(usize::try_from(rng.below(4)).ok()?)?;
    let mut worker = PuWorker::new(birth, Wage::new(wage(rng)).ok()?, risk_class, scale);
    worker.nationality = if rng.chance(10) {
        Nationality::Wna
    } else {
        Nationality::Wni
    };
    worker.registered_on = registered_on;
    worker.jkn_member = rng.chance(85);
    worker.opt_in = opt_in;
    worker.industry = if rng.chance(30) {
        Industry::ALL
            .get(usize::try_from(rng.below(7)).ok()?)
            .copied()
    } else {
        None
    };
    worker.active_workers = if rng.chance(50) {
        Some(rng.below(500))
    } else {
        None
    };
    worker.paid_jkk_through_2025_01 = rng.chance(90);
    worker.paid_through_2020_07 = rng.chance(90);
    Some(Case { worker, period })
}

/// `n` varied cases from `seed`: every risk class, scale and nationality,
/// periods 2015-07 … 2030-12, with and without registration dates, JKN
/// membership, opt-ins, industries and head counts. The same seed always gives
/// the same cases.
#[must_use]
pub fn cases(n: usize, seed: u64) -> Option<Vec<Case>> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| case(&mut rng)).collect()
}
