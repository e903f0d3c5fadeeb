//! What each party pays for a worker in a month: every billed line by program
//! and payer, deferred amounts, JKP allocations, totals, the due date and
//! warnings, each line showing its base, rate, amount, rule id and citation.
//!
//! ```
//! use jamsos_contribution::{assess_pu, Options};
//! use jamsos_core::{parse_date, Payer, Program, Rupiah};
//! use jamsos_worker::{PuWorker, RiskClass, Scale, Wage};
//!
//! let birth = parse_date("1990-05-17")?;
//! let worker = PuWorker::new(birth, Wage::new(12_000_000)?, RiskClass::try_from(3u8)?, Scale::Medium);
//! let a = assess_pu(&worker, "2025-04".parse()?, &Options::default())?;
//!
//! // JP is capped at the 2025 ceiling of Rp10,547,400 (PP 45/2015 Pasal 29).
//! let jp = a.line(Program::Jp, Payer::Employer).ok_or("no JP line")?;
//! assert_eq!(jp.base, Some(Rupiah::new(10_547_400)));
//! assert_eq!(jp.amount, Rupiah::new(210_948));
//! // JKK is never capped: 0.89% of 12,000,000.
//! assert_eq!(a.line(Program::Jkk, Payer::Employer).map(|l| l.amount), Some(Rupiah::new(106_800)));
//! assert_eq!(a.due_date.to_string(), "2025-05-15");
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```
//!
//! Nothing here allocates: an [`Assessment`] is a `Copy` value of fixed size,
//! so a bulk run can assess tens of millions of workers without touching the heap.
#![no_std]
#[cfg(test)]
extern crate std;

mod assessment;
mod bill;
mod bpu;
mod error;
mod fine;
mod jakon;
mod options;
mod participant;
mod pmi;
mod pu;
mod schedule;

pub use assessment::{
    Allocation, Assessment, BpuAssessment, CategoryAssessment, Component, JakonAssessment, Line,
    Part, PmiAssessment, Totals, Warning, Warnings,
};
pub use bpu::assess_bpu;
pub use error::ContributionError;
pub use fine::{Fine, late_fine, months_late};
pub use jakon::assess_jakon;
pub use jamsos_core::List;
pub use options::Options;
pub use participant::{Assessed, AssessedRef, Participant, assess, assess_ref};
pub use pmi::assess_pmi;
pub use pu::{PuRules, assess_pu};
pub use schedule::due_date_bpu;
pub use schedule::due_date_pu;
