use core::fmt;

use chrono::NaiveDate;
use jamsos_core::{CoreError, Payer, Period, Program, Rate, Rupiah, Source};
use jamsos_eligibility::PuEligibility;

use crate::List;

/// One billed (or deferred) amount: one program × one payer × one period,
/// rounded once (D-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The program.
    pub program: Program,
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
    pub fn citation(&self) -> impl fmt::Display + '_ {
        Citation(self)
    }
}

struct Citation<'a>(&'a Line);

impl fmt::Display for Citation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.source)?;
        match self.0.adjusted_by {
            Some(adjusted) => write!(f, "; {adjusted}"),
            None => Ok(()),
        }
    }
}

/// Money moved inside BPJS from one program's fund to another (the JKP
/// recomposition, D-14). Shown for transparency; never part of any total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// Something a clerk should look at; the result is still valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[repr(u8)]
pub enum Warning {
    /// JP was billed from a ceiling first applied 12 or more months earlier (D-6).
    JpCeilingStale = 0,
    /// The wage is below the lowest provincial minimum wage (D-8).
    WageBelowMinimum,
}

impl Warning {
    const ALL: [Warning; 2] = [Warning::JpCeilingStale, Warning::WageBelowMinimum];

    /// The contract's warning code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Warning::JpCeilingStale => "jp_ceiling_stale",
            Warning::WageBelowMinimum => "wage_below_minimum",
        }
    }

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
        }
    }
}

/// A set of warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Warnings(u8);

impl Warnings {
    /// The set with `warning` added.
    #[must_use]
    pub const fn with(self, warning: Warning) -> Warnings {
        Warnings(self.0 | 1 << warning as u8)
    }

    /// Whether `warning` is in the set.
    #[must_use]
    pub const fn contains(self, warning: Warning) -> bool {
        self.0 & (1 << warning as u8) != 0
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The warnings, in declaration order.
    pub fn iter(self) -> impl Iterator<Item = Warning> {
        Warning::ALL.into_iter().filter(move |w| self.contains(*w))
    }
}

/// A wage earner's contributions for one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
