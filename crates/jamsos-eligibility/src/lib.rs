//! Who may or must join which program, with the reasons, and when a worker
//! reaches pension age. (Benefit claims are the `jamsos-benefit` crate's.)
//!
//! Every answer is a [`Status`] with [`Reasons`], never a `bool`: a clerk can
//! tell a worker *why* JP stopped or JKP does not apply.
//!
//! ```
//! use jamsos_core::{parse_date, Program, Period};
//! use jamsos_eligibility::{pu, Options, Reason, Status};
//! use jamsos_worker::{PuWorker, RiskClass, Scale, Wage};
//!
//! let birth = parse_date("1965-07-16")?;
//! let worker = PuWorker::new(birth, Wage::new(8_000_000)?, RiskClass::try_from(2u8)?, Scale::Large);
//!
//! // D-11: reaches 58 on 2023-07-16, so June 2023 is the last JP period.
//! let june = pu(&worker, "2023-06".parse()?, &Options::default())?;
//! assert_eq!(june.status(Program::Jp).status, Status::Mandatory);
//! let july = pu(&worker, "2023-07".parse()?, &Options::default())?;
//! assert_eq!(july.status(Program::Jp).status, Status::NotEligible);
//! assert!(july.status(Program::Jp).reasons.contains(Reason::PensionAgeReached));
//! assert_eq!(july.last_jp_period, Some("2023-06".parse::<Period>()?));
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```
#![no_std]

pub mod category;
mod error;
mod pension;
mod pu;
mod status;

pub use error::EligibilityError;
pub use pension::{pension_age_on, pension_age_reached_on};
pub use pu::{Options, PuEligibility, pu};
pub use status::{ProgramStatus, Reason, Reasons, Status, Statuses};
