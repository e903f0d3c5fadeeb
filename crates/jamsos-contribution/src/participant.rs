//! One participant of any category, and the one place that dispatches on the
//! category: [`assess`]. The JSON contract, the batch, the bindings and the
//! readable output all go through it.

use chrono::NaiveDate;
use jamsos_core::{Period, Rupiah};
use jamsos_eligibility::Statuses;
use jamsos_worker::{BpuWorker, Category, JakonProject, PmiWorker, PuWorker};

use crate::{
    Allocation, Assessment, BpuAssessment, Component, ContributionError, JakonAssessment, Line,
    Options, PmiAssessment, PuRules, Totals, Warnings, assess_jakon, assess_pmi,
};

/// A participant of one of the four categories (CONTRACT.md §1).
///
/// With the `serde` feature it reads and writes the contract's participant
/// object shape, tagged by `category`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "category", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Participant {
    /// A wage earner (Penerima Upah).
    Pu(PuWorker),
    /// An informal worker (Bukan Penerima Upah).
    Bpu(BpuWorker),
    /// A construction project (Jasa Konstruksi).
    Jakon(JakonProject),
    /// A migrant worker (Pekerja Migran Indonesia).
    Pmi(PmiWorker),
}

impl Participant {
    /// The participant's category.
    #[must_use]
    pub const fn category(&self) -> Category {
        match self {
            Participant::Pu(_) => Category::Pu,
            Participant::Bpu(_) => Category::Bpu,
            Participant::Jakon(_) => Category::Jakon,
            Participant::Pmi(_) => Category::Pmi,
        }
    }
}

impl From<PuWorker> for Participant {
    fn from(worker: PuWorker) -> Participant {
        Participant::Pu(worker)
    }
}

impl From<BpuWorker> for Participant {
    fn from(worker: BpuWorker) -> Participant {
        Participant::Bpu(worker)
    }
}

impl From<JakonProject> for Participant {
    fn from(project: JakonProject) -> Participant {
        Participant::Jakon(project)
    }
}

impl From<PmiWorker> for Participant {
    fn from(worker: PmiWorker) -> Participant {
        Participant::Pmi(worker)
    }
}

/// The contributions of a participant of any category: the category's own
/// assessment, with accessors for what every category has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(tag = "category", rename_all = "snake_case")
)]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "no allocation in this crate (no_std, no alloc): a BPU prepayment of 12 months is held inline"
)]
pub enum Assessed {
    /// A wage earner's.
    Pu(Assessment),
    /// An informal worker's.
    Bpu(BpuAssessment),
    /// A construction project's.
    Jakon(JakonAssessment),
    /// A migrant worker's.
    Pmi(PmiAssessment),
}

impl Assessed {
    /// A borrowed view, with the accessors every category has.
    #[must_use]
    pub const fn as_ref(&self) -> AssessedRef<'_> {
        match self {
            Assessed::Pu(a) => AssessedRef::Pu(a),
            Assessed::Bpu(a) => AssessedRef::Bpu(a),
            Assessed::Jakon(a) => AssessedRef::Jakon(a),
            Assessed::Pmi(a) => AssessedRef::Pmi(a),
        }
    }

    /// The participant's category.
    #[must_use]
    pub const fn category(&self) -> Category {
        self.as_ref().category()
    }

    /// The (first) contribution month.
    #[must_use]
    pub const fn period(&self) -> Period {
        self.as_ref().period()
    }

    /// Each program's status and reasons, and the programs joined.
    #[must_use]
    pub const fn statuses(&self) -> &Statuses {
        self.as_ref().statuses()
    }

    /// The billed lines.
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        self.as_ref().lines()
    }

    /// Amounts owed later (PP 49/2020 JP, D-16); wage earners only.
    pub fn deferred(&self) -> impl Iterator<Item = &Line> {
        self.as_ref().deferred()
    }

    /// JKP funding moved out of JKK and JKM (D-14); wage earners only.
    pub fn allocations(&self) -> impl Iterator<Item = &Allocation> {
        self.as_ref().allocations()
    }

    /// The parts of lines that have them (Jakon tiers, PMI fees).
    pub fn components(&self) -> impl Iterator<Item = &Component> {
        self.as_ref().components()
    }

    /// Sums of the lines per payer.
    #[must_use]
    pub const fn totals(&self) -> Totals {
        self.as_ref().totals()
    }

    /// When the contribution is due (D-28, D-16); `None` for PMI (D-25).
    #[must_use]
    pub const fn due_date(&self) -> Option<NaiveDate> {
        self.as_ref().due_date()
    }

    /// Things to check.
    #[must_use]
    pub const fn warnings(&self) -> Warnings {
        self.as_ref().warnings()
    }

    /// The sum of every billed line, all payers.
    #[must_use]
    pub fn total(&self) -> Rupiah {
        self.as_ref().total()
    }
}

/// A borrowed [`Assessed`]: what [`assess_ref`] hands over, read where it
/// was built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AssessedRef<'a> {
    /// A wage earner's.
    Pu(&'a Assessment),
    /// An informal worker's.
    Bpu(&'a BpuAssessment),
    /// A construction project's.
    Jakon(&'a JakonAssessment),
    /// A migrant worker's.
    Pmi(&'a PmiAssessment),
}

impl<'a> AssessedRef<'a> {
    /// An owned copy.
    #[must_use]
    pub const fn to_owned(self) -> Assessed {
        match self {
            AssessedRef::Pu(a) => Assessed::Pu(*a),
            AssessedRef::Bpu(a) => Assessed::Bpu(*a),
            AssessedRef::Jakon(a) => Assessed::Jakon(*a),
            AssessedRef::Pmi(a) => Assessed::Pmi(*a),
        }
    }

    /// The participant's category.
    #[must_use]
    pub const fn category(self) -> Category {
        match self {
            AssessedRef::Pu(_) => Category::Pu,
            AssessedRef::Bpu(_) => Category::Bpu,
            AssessedRef::Jakon(_) => Category::Jakon,
            AssessedRef::Pmi(_) => Category::Pmi,
        }
    }

    /// The (first) contribution month.
    #[must_use]
    pub const fn period(self) -> Period {
        match self {
            AssessedRef::Pu(a) => a.period,
            AssessedRef::Bpu(a) => a.period,
            AssessedRef::Jakon(a) => a.period,
            AssessedRef::Pmi(a) => a.period,
        }
    }

    /// Each program's status and reasons, and the programs joined.
    #[must_use]
    pub const fn statuses(self) -> &'a Statuses {
        match self {
            AssessedRef::Pu(a) => &a.eligibility.statuses,
            AssessedRef::Bpu(a) => &a.statuses,
            AssessedRef::Jakon(a) => &a.statuses,
            AssessedRef::Pmi(a) => &a.statuses,
        }
    }

    /// The billed lines.
    pub fn lines(self) -> impl Iterator<Item = &'a Line> {
        match self {
            AssessedRef::Pu(a) => a.lines.slots(),
            AssessedRef::Bpu(a) => a.lines.slots(),
            AssessedRef::Jakon(a) => a.lines.slots(),
            AssessedRef::Pmi(a) => a.lines.slots(),
        }
        .iter()
        .flatten()
    }

    /// Amounts owed later (PP 49/2020 JP, D-16); wage earners only.
    pub fn deferred(self) -> impl Iterator<Item = &'a Line> {
        match self {
            AssessedRef::Pu(a) => a.deferred.slots(),
            _ => &[],
        }
        .iter()
        .flatten()
    }

    /// JKP funding moved out of JKK and JKM (D-14); wage earners only.
    pub fn allocations(self) -> impl Iterator<Item = &'a Allocation> {
        match self {
            AssessedRef::Pu(a) => a.allocations.slots(),
            _ => &[],
        }
        .iter()
        .flatten()
    }

    /// The parts of lines that have them (Jakon tiers, PMI fees).
    pub fn components(self) -> impl Iterator<Item = &'a Component> {
        match self {
            AssessedRef::Pu(_) => &[],
            AssessedRef::Bpu(a) => a.components.slots(),
            AssessedRef::Jakon(a) => a.components.slots(),
            AssessedRef::Pmi(a) => a.components.slots(),
        }
        .iter()
        .flatten()
    }

    /// Sums of the lines per payer.
    #[must_use]
    pub const fn totals(self) -> Totals {
        match self {
            AssessedRef::Pu(a) => a.totals,
            AssessedRef::Bpu(a) => a.totals,
            AssessedRef::Jakon(a) => a.totals,
            AssessedRef::Pmi(a) => a.totals,
        }
    }

    /// When the contribution is due (D-28, D-16); `None` for PMI (D-25).
    #[must_use]
    pub const fn due_date(self) -> Option<NaiveDate> {
        match self {
            AssessedRef::Pu(a) => Some(a.due_date),
            AssessedRef::Bpu(a) => a.due_date,
            AssessedRef::Jakon(a) => a.due_date,
            AssessedRef::Pmi(a) => a.due_date,
        }
    }

    /// Things to check.
    #[must_use]
    pub const fn warnings(self) -> Warnings {
        match self {
            AssessedRef::Pu(a) => a.warnings,
            AssessedRef::Bpu(a) => a.warnings,
            AssessedRef::Jakon(a) => a.warnings,
            AssessedRef::Pmi(a) => a.warnings,
        }
    }

    /// The sum of every billed line, all payers.
    #[must_use]
    pub fn total(self) -> Rupiah {
        self.lines().map(|l| l.amount).sum()
    }
}

/// A participant's contributions for `period` (the first of
/// `options.prepay` months for BPU, D-19), every line by program and payer,
/// each rule in force in its month.
///
/// ```
/// use jamsos_contribution::{assess, Options, Participant};
/// use jamsos_core::{Rupiah, parse_date};
/// use jamsos_worker::{BpuWorker, Income, PuWorker, RiskClass, Scale, Wage};
///
/// let factory = PuWorker::new(
///     parse_date("1990-05-17")?,
///     Wage::new(10_000_000)?,
///     RiskClass::try_from(3u8)?,
///     Scale::Medium,
/// );
/// let trader = BpuWorker::new(Income::new(900_000)?);
/// let period = "2025-04".parse()?;
/// for (participant, employer, participant_total) in [
///     // JKK 0.89%, JKM 0.30%, JHT 3.7%, JP 2% of a wage under the JP ceiling.
///     (Participant::from(factory), 89_000 + 30_000 + 370_000 + 200_000, 0),
///     // D-17: Rp900,000 pays on row 1 of the income table, Rp1,000,000.
///     (Participant::from(trader), 0, 10_000 + 6_800),
/// ] {
///     let a = assess(&participant, period, &Options::default())?;
///     assert_eq!(a.totals().employer, Rupiah::new(employer));
///     assert_eq!(a.totals().participant, Rupiah::new(participant_total));
/// }
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
pub fn assess(
    participant: &Participant,
    period: Period,
    options: &Options<'_>,
) -> Result<Assessed, ContributionError> {
    assess_ref(participant, period, options, |a| a.to_owned())
}

/// [`assess`], handing the assessment to `read` where it was built instead
/// of returning it. An [`Assessed`] is a few kilobytes (a BPU prepayment of
/// 12 months is held inline: no allocation in this crate), and moving it out
/// to the caller copies all of it; a bulk caller that only reads the lines
/// and totals of millions of rows saves that copy per row.
///
/// The one place that dispatches on the category.
///
/// ```
/// use jamsos_contribution::{assess_ref, Options, Participant};
/// use jamsos_core::Rupiah;
/// use jamsos_worker::{BpuWorker, Income};
///
/// // D-17: Rp2,150,000 pays on the row base Rp2,200,000: JKK 1% = 22,000,
/// // JKM 6,800 (PP 44/2015 Lampiran II).
/// let trader = Participant::from(BpuWorker::new(Income::new(2_150_000)?));
/// let total = assess_ref(&trader, "2025-04".parse()?, &Options::default(), |a| a.total())?;
/// assert_eq!(total, Rupiah::new(22_000 + 6_800));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
pub fn assess_ref<R>(
    participant: &Participant,
    period: Period,
    options: &Options<'_>,
    read: impl FnOnce(AssessedRef<'_>) -> R,
) -> Result<R, ContributionError> {
    // Each assessment is matched where it was returned: `?` would move it
    // out of its `Result` first, a copy of up to 3,920 bytes per call.
    match participant {
        Participant::Pu(worker) => {
            let read = |a: &Assessment| read(AssessedRef::Pu(a));
            match options.pu_rules {
                Some(rules) if rules.period() == period => rules.assess_ref(worker, read),
                _ => PuRules::new(period, options)?.assess_ref(worker, read),
            }
        }
        Participant::Bpu(worker) => {
            crate::bpu::assess_bpu_with(worker, period, options.prepay, options, |a| {
                read(AssessedRef::Bpu(a))
            })
        }
        Participant::Jakon(project) => match &assess_jakon(project, period, options) {
            Ok(a) => Ok(read(AssessedRef::Jakon(a))),
            Err(e) => Err(*e),
        },
        Participant::Pmi(worker) => match &assess_pmi(worker, period) {
            Ok(a) => Ok(read(AssessedRef::Pmi(a))),
            Err(e) => Err(*e),
        },
    }
}
