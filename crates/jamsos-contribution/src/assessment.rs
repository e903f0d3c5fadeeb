use core::fmt;

use chrono::NaiveDate;
use jamsos_core::{Billed, CoreError, Payer, Period, Program, Rate, Rupiah, Source};
use jamsos_eligibility::{PuEligibility, Statuses};

use crate::List;

/// One billed (or deferred) amount: one program × one payer × one period,
/// rounded once (D-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Line {
    /// The program, or the PMI package of JKK and JKM.
    pub program: Billed,
    /// Who pays.
    pub payer: Payer,
    /// The contribution month.
    pub period: Period,
    /// The amount the rate applies to, after caps; `None` for flat amounts.
    pub base: Option<Rupiah>,
    /// The rate applied (after any discount or relief); `None` for flat amounts.
    pub rate: Option<Rate>,
    /// `base × rate` rounded half up to whole rupiah.
    pub amount: Rupiah,
    /// A stable rule id, e.g. `pu.jkk.rate`.
    pub rule: &'static str,
    /// The instrument that sets the rate.
    pub source: &'static Source,
    /// The instrument that discounts or relieves it, if any.
    pub adjusted_by: Option<&'static Source>,
}

impl Line {
    /// The citation as the contract writes it: `PP 44/2015 Lampiran I`, or
    /// `PP 44/2015 Lampiran I; PP 7/2025 Pasal 4` when a discount applies.
    #[must_use]
    pub fn citation(&self) -> impl fmt::Display + use<> {
        Citation(self.source, self.adjusted_by)
    }
}

/// A rule's source, then `; ` and the instrument adjusting it, if any.
struct Citation(&'static Source, Option<&'static Source>);

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        match self.1 {
            Some(adjusted) => write!(f, "; {adjusted}"),
            None => Ok(()),
        }
    }
}

/// What part of a line a [`Component`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(tag = "part", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Part {
    /// A Jakon contract-value tier (D-24): `rate` on the `portion` of the
    /// contract value above `from` and up to `to`.
    Tier {
        /// The tier, from 1.
        number: u8,
        /// The tier's lower bound (exclusive; 0 for the first tier).
        from: Rupiah,
        /// The tier's upper bound (inclusive), or `None` for the last tier.
        to: Option<Rupiah>,
        /// The part of the contract value inside the tier.
        portion: Rupiah,
        /// The rate on that part, after any relief.
        rate: Rate,
    },
    /// The PMI contribution before work, paid through an agency (D-26).
    BeforeWork,
    /// The PMI package for the contract (D-25).
    Package {
        /// The contract's length.
        months: u8,
    },
    /// The PMI fee for months beyond the contract (D-25).
    Extension {
        /// The months beyond the contract.
        months: u8,
        /// The fee per month.
        per_month: Rupiah,
    },
}

/// One part of a billed line (CONTRACT.md `components`): a Jakon tier, or a
/// PMI fee. The components of a line add up to its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Component {
    /// The line it belongs to.
    pub program: Billed,
    /// What it is.
    pub part: Part,
    /// Whole rupiah.
    pub amount: Rupiah,
    /// A stable rule id.
    pub rule: &'static str,
    /// The instrument.
    pub source: &'static Source,
    /// The instrument that relieves it, if any.
    pub adjusted_by: Option<&'static Source>,
}

impl Component {
    /// The citation, as for [`Line::citation`].
    #[must_use]
    pub fn citation(&self) -> impl fmt::Display + use<> {
        Citation(self.source, self.adjusted_by)
    }
}

/// Money moved inside BPJS from one program's fund to another (the JKP
/// recomposition, D-14). Shown for transparency; never part of any total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Allocation {
    /// The fund the money comes from (JKK or JKM).
    pub from: Program,
    /// The fund it goes to (JKP).
    pub to: Program,
    /// The JKP base: the wage capped at Rp5,000,000.
    pub base: Rupiah,
    /// The share moved.
    pub rate: Rate,
    /// `base × rate`, rounded once.
    pub amount: Rupiah,
    /// A stable rule id.
    pub rule: &'static str,
    /// The instrument.
    pub source: &'static Source,
}

/// The sum of the billed lines per payer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Totals {
    /// Paid by the employer.
    pub employer: Rupiah,
    /// Withheld from the worker.
    pub worker: Rupiah,
    /// Paid by a self-paying participant.
    pub participant: Rupiah,
    /// Paid by the government.
    pub government: Rupiah,
}

impl Totals {
    /// The total for one payer.
    #[must_use]
    pub const fn get(&self, payer: Payer) -> Rupiah {
        match payer {
            Payer::Employer => self.employer,
            Payer::Worker => self.worker,
            Payer::Participant => self.participant,
            Payer::Government => self.government,
        }
    }

    /// Adds `amount` to `payer`'s total.
    pub(crate) fn add(&mut self, payer: Payer, amount: Rupiah) -> Result<(), CoreError> {
        let slot = match payer {
            Payer::Employer => &mut self.employer,
            Payer::Worker => &mut self.worker,
            Payer::Participant => &mut self.participant,
            Payer::Government => &mut self.government,
        };
        *slot = slot.checked_add(amount)?;
        Ok(())
    }
}

jamsos_core::vocabulary! {
    /// Something a clerk should look at; the result is still valid.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    #[repr(u8)]
    pub enum Warning {
        /// JP was billed from a ceiling first applied 12 or more months earlier (D-6).
        JpCeilingStale => "jp_ceiling_stale",
        /// The wage is below the lowest provincial minimum wage (D-8).
        WageBelowMinimum => "wage_below_minimum",
        /// A BPU participant is younger than 18 on the first day of the first
        /// period (D-22).
        Under18 => "under_18",
        /// PMI months beyond the contract carry no fee under Permenaker 18/2018
        /// (D-25).
        ExtensionNotCharged => "extension_not_charged",
        /// The BPU income grid is the built-in provisional one (D-17).
        ProvisionalTable => "provisional_table",
    }
}

impl Warning {
    /// A sentence for people, in English.
    #[must_use]
    pub const fn message(self) -> &'static str {
        match self {
            Warning::JpCeilingStale => {
                "JP was computed with the newest known wage ceiling, which is a year old or more: a newer ceiling is due (D-6)"
            }
            Warning::WageBelowMinimum => {
                "the wage is below the lowest provincial minimum wage in force and needs BPJS approval (SE BPJS B/12/012023; D-8)"
            }
            Warning::Under18 => {
                "the participant is younger than 18 on the first day of the period; no age limit is enforced (D-22)"
            }
            Warning::ExtensionNotCharged => {
                "months beyond the contract carry no fee under Permenaker 18/2018 (D-25)"
            }
            Warning::ProvisionalTable => {
                "JKK and JHT are computed on the nominal base of the declared income's row in the built-in BPU income table: BPJS's published 2015 table of PP 44/2015 Lampiran II with its last three rows reconstructed, the annex itself unverified; supply the official grid to replace it (D-17)"
            }
        }
    }
}

jamsos_core::bit_set! {
    /// A set of warnings; serializes as the list of its codes.
    pub struct Warnings(u8) of Warning;
}

/// A wage earner's contributions for one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Assessment {
    /// The contribution month.
    pub period: Period,
    /// Program status, pension age and JKP participation.
    pub eligibility: PuEligibility,
    /// Billed lines: JKK, JKM, JHT (employer, worker), JP (employer, worker), JKP.
    pub lines: List<Line, 8>,
    /// Amounts owed later: the JP deferred under PP 49/2020 (D-16).
    pub deferred: List<Line, 2>,
    /// JKK and JKM money moved to the JKP fund (D-14).
    pub allocations: List<Allocation, 2>,
    /// Sums of `lines` per payer.
    pub totals: Totals,
    /// When the contribution is due (D-28, D-16).
    pub due_date: NaiveDate,
    /// Things to check.
    pub warnings: Warnings,
}

impl Assessment {
    /// The billed line for `program` and `payer`, if any.
    #[must_use]
    pub fn line(&self, program: Program, payer: Payer) -> Option<&Line> {
        self.lines
            .iter()
            .find(|l| l.program == program && l.payer == payer)
    }
}

/// The contributions of an informal worker (BPU), a construction project
/// (Jakon) or a migrant worker (PMI). `N` is the most lines the category can
/// bill: 36 for BPU (12 prepaid months × JKK, JKM, JHT), 2 for the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CategoryAssessment<const N: usize> {
    /// The (first) contribution month.
    pub period: Period,
    /// The months billed: 1, or a BPU prepayment of 3, 6 or 12 (D-19).
    pub months: u8,
    /// Status and reasons for each program, and the programs joined.
    pub statuses: Statuses,
    /// Billed lines, in period order.
    pub lines: List<Line, N>,
    /// The parts of lines that have them: Jakon tiers, PMI fees.
    pub components: List<Component, 10>,
    /// Sums of `lines` per payer.
    pub totals: Totals,
    /// When the contribution is due; `None` for PMI (D-25, D-28).
    pub due_date: Option<NaiveDate>,
    /// Things to check.
    pub warnings: Warnings,
}

impl<const N: usize> CategoryAssessment<N> {
    /// The billed line for `program` and `payer` in the first period, if any.
    #[must_use]
    pub fn line(&self, program: impl Into<Billed>, payer: Payer) -> Option<&Line> {
        let program = program.into();
        self.lines
            .iter()
            .find(|l| l.program == program && l.payer == payer && l.period == self.period)
    }

    /// The components of the line for `program`.
    pub fn components_of(&self, program: impl Into<Billed>) -> impl Iterator<Item = &Component> {
        let program = program.into();
        self.components.iter().filter(move |c| c.program == program)
    }
}

/// An informal worker's contributions: up to 12 months × JKK, JKM, JHT.
pub type BpuAssessment = CategoryAssessment<36>;
/// A construction project's contributions: JKK and JKM.
pub type JakonAssessment = CategoryAssessment<2>;
/// A migrant worker's contributions: the JKK and JKM package and JHT.
pub type PmiAssessment = CategoryAssessment<2>;

#[cfg(feature = "serde")]
impl serde::Serialize for Warnings {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}
