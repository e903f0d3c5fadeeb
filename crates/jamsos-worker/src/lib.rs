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

/// A money input checked against D-4 (at least Rp1, at most `limit`) as
/// its own type: one definition for the wage, the declared income and the
/// contract value, with `TryFrom<i64>`, `Into<u64>` and serde through them.
macro_rules! money_input {
    ($(#[$meta:meta])* $name:ident, limit $limit:expr, $noun:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(
            feature = "serde",
            derive(serde::Serialize, serde::Deserialize),
            serde(try_from = "i64", into = "u64")
        )]
        pub struct $name(jamsos_core::Rupiah);

        impl $name {
            #[doc = concat!("A ", $noun, " of `amount` rupiah, or an error naming the D-4 limit it breaks.")]
            ///
            /// Takes `u64`, the integer type of [`jamsos_core::Rupiah::new`]; a
            /// signed amount as read from a document goes through `TryFrom<i64>`,
            /// which names a negative amount in its error.
            pub fn new(amount: u64) -> Result<$name, crate::WorkerError> {
                crate::pu::money(amount, $limit).map($name)
            }

            #[doc = concat!("The ", $noun, " in rupiah.")]
            #[must_use]
            pub const fn rupiah(self) -> jamsos_core::Rupiah {
                self.0
            }
        }

        impl TryFrom<i64> for $name {
            type Error = crate::WorkerError;

            fn try_from(amount: i64) -> Result<$name, crate::WorkerError> {
                let amount =
                    u64::try_from(amount).map_err(|_| crate::WorkerError::AmountNotPositive(amount))?;
                $name::new(amount)
            }
        }

        impl From<$name> for u64 {
            fn from(value: $name) -> u64 {
                value.0.get()
            }
        }
    };
}
pub(crate) use money_input;

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
