//! Who a participant is: the four categories, the employer's scale and JKK risk
//! group, nationality, industry, and each category's validated record
//! ([`PuWorker`], [`BpuWorker`], [`JakonProject`], [`PmiWorker`]) that the
//! eligibility and contribution crates read.
//!
//! Every value is checked when it is made: a risk group outside 1…5, a wage of
//! zero or above the D-4 limit is an error naming the problem, never a default.
//!
//! ```
//! use jamsos_worker::{RiskClass, Wage, WorkerError};
//!
//! assert_eq!(RiskClass::try_from(3u8).map(RiskClass::group), Ok(3));
//! assert_eq!(RiskClass::try_from(6u8), Err(WorkerError::InvalidRiskClass(6)));
//! assert!(Wage::new(0).is_err());
//! assert_eq!(Wage::new(10_000_000)?.rupiah().get(), 10_000_000);
//! # Ok::<(), WorkerError>(())
//! ```
#![no_std]

mod error;

pub mod bpu;
pub mod jakon;
pub mod nik;
pub mod pmi;
pub mod pu;
mod vocab;

pub use bpu::{BpuWorker, Income, Prepay, Sector};
pub use error::WorkerError;
pub use jakon::{ContractValue, JakonMethod, JakonProject};
pub use nik::{Nik, NikError, NikSex, nik_prefix};
pub use pmi::{Channel, PmiWorker};
pub use pu::{PuWorker, Wage};
pub use vocab::{Category, Industry, Nationality, RiskClass, Scale};
