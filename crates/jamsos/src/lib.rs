//! jamsos: Indonesia's workforce social-security law (BPJS Ketenagakerjaan) as
//! exact, dated, cited computations.
//!
//! This facade re-exports the domain crates, each of which answers one
//! question: [`core`] (money, rates, periods), [`rules`] (the law as dated
//! tables), [`worker`] (who the participant is), [`eligibility`] (which
//! programs apply), [`contribution`] (what each party pays), [`benefit`]
//! (what a claim pays) and [`projection`] (what a JHT balance grows to). The
//! types a caller reaches for first are also at the root.
//!
//! The JSON interchange contract, version 1, which the `jamsos` command line
//! and every binding speak, and the readable breakdown for people, are the
//! crate `jamsos-contract` (`jamsos_contract::contribution`,
//! `jamsos_contract::pretty`; in 0.1 they were `jamsos::contract` and
//! `jamsos::pretty`.
//!
//! ```
//! use jamsos::contribution::{assess_pu, Options};
//! use jamsos::core::{parse_date, Payer, Program, Rupiah};
//! use jamsos::worker::{PuWorker, RiskClass, Scale, Wage};
//!
//! // A textile factory worker in May 2025: PP 7/2025 halves the JKK rate.
//! let birth = parse_date("1995-01-20")?;
//! let mut worker = PuWorker::new(birth, Wage::new(4_500_000)?, RiskClass::try_from(3u8)?, Scale::Large);
//! worker.industry = Some(jamsos::worker::Industry::TextileApparel);
//! worker.active_workers = Some(1_200);
//! let a = assess_pu(&worker, "2025-05".parse()?, &Options::default())?;
//! let jkk = a.line(Program::Jkk, Payer::Employer).ok_or("JKK")?;
//! assert_eq!(jkk.rate.map(|r| r.to_string()).as_deref(), Some("0.445%"));
//! assert_eq!(jkk.amount, Rupiah::new(20_025)); // 4,500,000 × 0.445%
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Features
//!
//! - `std` (default): the standard library. Every domain crate is `no_std`;
//!   without `std` this facade is too.
//! - `serde` (default): `Serialize`/`Deserialize` on every domain type,
//!   through the domain crates' own `serde` features (`no_std` as well).
//!
//! # In a payroll system's own types
//!
//! With the default feature `serde`, every domain type serializes in the
//! contract's shapes (money as integers, rates as decimal strings, periods as
//! `YYYY-MM`, codes as the contract spells them), so a payroll team keeps
//! jamsos values in its own records:
//!
//! ```
//! use jamsos::{Options, Participant, Period, PuWorker, RiskClass, Rupiah, Scale, Wage, assess};
//! use jamsos::core::parse_date;
//!
//! #[derive(serde::Serialize)]
//! struct Payslip {
//!     employee: String,
//!     period: Period,
//!     worker: PuWorker,
//!     employer_cost: Rupiah,
//!     withheld: Rupiah,
//! }
//!
//! let worker = PuWorker::new(
//!     parse_date("1990-05-17")?,
//!     Wage::new(10_000_000)?,
//!     RiskClass::try_from(3u8)?,
//!     Scale::Medium,
//! );
//! let period: Period = "2025-04".parse()?;
//! let a = assess(&Participant::Pu(worker), period, &Options::default())?;
//! let slip = Payslip {
//!     employee: "EMP-0042".into(),
//!     period,
//!     worker,
//!     employer_cost: a.totals().employer,
//!     withheld: a.totals().worker,
//! };
//! let json = serde_json::to_value(&slip)?;
//! assert_eq!(json["period"], "2025-04");
//! assert_eq!(json["worker"]["wage"], 10_000_000);
//! assert_eq!(json["worker"]["scale"], "medium");
//! // JHT 2% + JP 1% withheld from the worker; JKK 0.89%, JKM 0.3%, JHT 3.7%,
//! // JP 2% paid by the employer (PP 44/2015, PP 46/2015, PP 45/2015).
//! assert_eq!(json["withheld"], 300_000);
//! assert_eq!(json["employer_cost"], 689_000);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Documentation
//!
//! The repository's long-form documentation is part of these docs, under
//! [`_documentation`]: the law as dated figures with their sources
//! ([`_documentation::regulations`]), the rules `D-n` that code, tests and
//! results cite ([`_documentation::decisions`]), the interchange contract
//! ([`_documentation::contract`]), every table of the rules crate row by row
//! ([`_documentation::rules`]), and the design, rounding, glossary, error codes
//! and changelog.

#![cfg_attr(not(feature = "std"), no_std)]

pub mod _documentation;

// Each domain crate is inlined as a module of this crate's documentation
// (`doc(inline)`), so `cargo doc -p jamsos --no-deps` has a page for every
// public domain type (`jamsos::benefit::JhtClaim`, `jamsos::core::DateError`,
// …) without the dependencies' own docs.

/// Benefit claims: whether a claim is payable and what it pays.
#[doc(inline)]
pub use jamsos_benefit as benefit;
/// Contribution lines, totals, due dates.
#[doc(inline)]
pub use jamsos_contribution as contribution;
/// Money, rates, periods, dates, programs, payers, citations.
#[doc(inline)]
pub use jamsos_core as core;
/// Program status and pension age.
#[doc(inline)]
pub use jamsos_eligibility as eligibility;
/// What a JHT balance grows to (D-36).
#[doc(inline)]
pub use jamsos_projection as projection;
/// The dated, cited tables of the law.
#[doc(inline)]
pub use jamsos_rules as rules;
/// Worker categories, scale, risk group, the validated PU record.
#[doc(inline)]
pub use jamsos_worker as worker;

// The types a caller reaches for first, at the root and with pages of their
// own in this crate's documentation (`doc(inline)`), so that `cargo doc -p
// jamsos` shows them even without the dependencies' docs.
#[doc(inline)]
pub use jamsos_benefit::{Claim, ClaimError, Outcome as ClaimOutcome, assess_claim};
#[doc(inline)]
pub use jamsos_contribution::{
    Assessed, Assessment, BpuAssessment, ContributionError, JakonAssessment, Line, Options,
    Participant, PmiAssessment, Totals, Warning, Warnings, assess, assess_bpu, assess_jakon,
    assess_pmi, assess_pu, late_fine,
};
#[doc(inline)]
pub use jamsos_core::{
    Billed, DateError, Payer, Period, Program, ProgramSet, Rate, Rupiah, Source,
};
#[doc(inline)]
pub use jamsos_eligibility::{EligibilityError, Reason, Reasons, Status, Statuses};
#[doc(inline)]
pub use jamsos_projection::{
    JhtProjection, Projected, Projection, ProjectionError, YearBlock, project_jht,
};
#[doc(inline)]
pub use jamsos_worker::{
    BpuWorker, Category, Channel, ContractValue, Income, Industry, JakonMethod, JakonProject,
    Nationality, PmiWorker, Prepay, PuWorker, RiskClass, Scale, Sector, Wage, WorkerError,
};
