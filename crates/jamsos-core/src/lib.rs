//! Exact money, rates, contribution periods and citations: the vocabulary every
//! other jamsos crate speaks.
//!
//! Money is whole rupiah ([`Rupiah`], DECISIONS.md D-1). A [`Rate`] is an exact
//! decimal fraction with eight decimal places, enough for every rate in Indonesian
//! social-security law and every rate derived from one by a discount (D-3: 50% of
//! 0.89% is 0.445%; 1% of 0.03% is 0.0003%). Applying a rate to an amount is one
//! explicit call that rounds once, half up (D-2), and [`Rate::apply_exact`] gives
//! the unrounded product for audits.
//!
//! ```
//! use jamsos_core::{Period, Rate, Rupiah};
//!
//! let jkk = Rate::from_parts(89, 4).ok_or("bad rate")?; // 0.89 %
//! let wage = Rupiah::new(3_333_333);
//! assert_eq!(jkk.apply_exact(wage).to_string(), "29666.6637");
//! assert_eq!(jkk.apply(wage), Rupiah::new(29_667)); // D-2: half up, once
//!
//! let period: Period = "2025-04".parse()?;
//! assert_eq!(period.next().to_string(), "2025-05");
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```
//!
//! The crate is `#![no_std]` and never allocates. Feature `rust_decimal` adds
//! conversions to `rust_decimal::Decimal`; feature `serde` adds `Serialize`
//! and `Deserialize` in the contract's shapes (money as integers, rates as
//! decimal strings such as `"0.0089"`, periods as `"YYYY-MM"`, programs and
//! payers by their codes).
#![no_std]

mod bitset;
mod date;
mod error;
mod list;
mod money;
mod period;
mod program;
mod rate;
mod source;
mod vocabulary;

#[cfg(feature = "serde")]
#[doc(hidden)]
pub mod __serde_support {
    pub use crate::serde_support::deserialize_code;
}
#[cfg(feature = "serde")]
mod serde_support;
#[cfg(feature = "serde")]
#[doc(hidden)]
pub use serde as __serde;

pub use date::{
    Date, age_on, anniversary, birthday_in, days_in_month, is_leap_year, is_working_day,
    last_day_of_month, parse_date,
};
pub use error::{CoreError, DateError};
pub use list::List;
pub use money::Rupiah;
pub use period::Period;
pub use program::{Billed, Payer, Program, ProgramSet};
pub use rate::{ExactAmount, Rate};
pub use source::Source;
pub use vocabulary::UnknownCode;
