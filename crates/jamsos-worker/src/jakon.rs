//! Construction projects (Jasa Konstruksi, Jakon): the validated record
//! (DECISIONS.md D-23, D-24).

use chrono::NaiveDate;

use crate::{Nationality, Wage};

/// The largest contract value accepted: Rp100,000,000,000,000 (D-4).
pub const MAX_CONTRACT_VALUE: u64 = 100_000_000_000_000;

crate::money_input! {
    /// A construction contract's value excluding VAT (REGULATIONS.md U11),
    /// checked against D-4: at least Rp1, at most Rp100,000,000,000,000.
    ContractValue, limit MAX_CONTRACT_VALUE, "contract value"
}

/// How a project's JKK and JKM are computed (D-23).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum JakonMethod {
    /// From a worker's monthly wage, when wages are known.
    #[doc(alias = "upah")]
    Wage(Wage),
    /// From the contract value, once per contract, when they are not.
    #[doc(alias = "nilai kontrak")]
    Contract(ContractValue),
}

impl JakonMethod {
    /// The contract's name: `wage` or `contract`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            JakonMethod::Wage(_) => "wage",
            JakonMethod::Contract(_) => "contract",
        }
    }
}

/// A construction project case: one worker by wage, or one contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
pub struct JakonProject {
    /// A worker's date of birth, if given (checked against the period, D-7a).
    pub birth_date: Option<NaiveDate>,
    /// A worker's citizenship; no Jakon rule depends on it today.
    pub nationality: Nationality,
    /// The method and its amount.
    pub method: JakonMethod,
    /// Paid through July 2020, the PP 49/2020 condition (D-16).
    pub paid_through_2020_07: bool,
}

impl JakonProject {
    /// A project with every optional fact at its contract default.
    #[must_use]
    pub const fn new(method: JakonMethod) -> JakonProject {
        JakonProject {
            birth_date: None,
            nationality: Nationality::Wni,
            method,
            paid_through_2020_07: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::WorkerError;

    #[test]
    fn contract_value_limits_d4() {
        assert!(ContractValue::new(0).is_err());
        assert!(ContractValue::new(100_000_000_000_000).is_ok());
        assert_eq!(
            ContractValue::new(100_000_000_000_001),
            Err(WorkerError::AmountTooLarge {
                amount: 100_000_000_000_001,
                limit: MAX_CONTRACT_VALUE
            })
        );
    }
}
