//! Informal workers (Bukan Penerima Upah, BPU): the validated record
//! (DECISIONS.md D-17 … D-22).

use chrono::NaiveDate;
use jamsos_core::ProgramSet;

use crate::pu::MAX_MONTHLY_AMOUNT;
use crate::{Nationality, WorkerError};

crate::money_input! {
    /// A declared monthly income (nominal penghasilan), checked against D-4: at
    /// least Rp1, at most Rp1,000,000,000,000. The contributions are rated on
    /// the nominal base of its row in the income table in force (D-17).
    Income, limit MAX_MONTHLY_AMOUNT, "declared income"
}

jamsos_core::vocabulary! {
    /// The occupation sector, which decides the PP 50/2025 discount months (D-21).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub enum Sector {
        /// Online and base ojek drivers, other drivers, couriers.
        Transport => "transport",
        /// Every other informal occupation: traders, farmers, fishermen …
        #[default]
        Other => "other",
    }
}

/// An informal worker and the facts the BPU rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
pub struct BpuWorker {
    /// Date of birth, if known: for the `under_18` warning (D-22).
    pub birth_date: Option<NaiveDate>,
    /// Citizenship; no BPU rule depends on it today.
    pub nationality: Nationality,
    /// Declared monthly income (D-17).
    pub income: Income,
    /// Occupation sector (D-21).
    pub sector: Sector,
    /// JKK and JKM paid from the state or a regional budget (D-20).
    pub subsidised: bool,
    /// Optional programs joined: JHT (D-18).
    pub opt_in: ProgramSet,
    /// Paid through July 2020, the PP 49/2020 condition (D-16).
    pub paid_through_2020_07: bool,
}

impl BpuWorker {
    /// A worker with the declared income and every optional fact at its
    /// contract default: no birth date, WNI, sector `other`, self-paying, no
    /// JHT, paid through July 2020.
    #[must_use]
    pub const fn new(income: Income) -> BpuWorker {
        BpuWorker {
            birth_date: None,
            nationality: Nationality::Wni,
            income,
            sector: Sector::Other,
            subsidised: false,
            opt_in: ProgramSet::EMPTY,
            paid_through_2020_07: true,
        }
    }
}

/// How many months a BPU case pays at once (D-19): 1, 3, 6 or 12, each month
/// its own period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "i64", into = "u8")
)]
pub enum Prepay {
    /// One month.
    #[default]
    One,
    /// Three months.
    Three,
    /// Six months.
    Six,
    /// Twelve months.
    Twelve,
}

impl Prepay {
    /// The four choices.
    pub const ALL: [Prepay; 4] = [Prepay::One, Prepay::Three, Prepay::Six, Prepay::Twelve];

    /// The number of months.
    #[must_use]
    pub const fn months(self) -> u8 {
        match self {
            Prepay::One => 1,
            Prepay::Three => 3,
            Prepay::Six => 6,
            Prepay::Twelve => 12,
        }
    }
}

impl From<Prepay> for u8 {
    fn from(prepay: Prepay) -> u8 {
        prepay.months()
    }
}

impl TryFrom<i64> for Prepay {
    type Error = WorkerError;

    fn try_from(months: i64) -> Result<Prepay, WorkerError> {
        Prepay::ALL
            .into_iter()
            .find(|p| i64::from(p.months()) == months)
            .ok_or(WorkerError::InvalidPrepay(months))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn income_limits_d4() {
        assert_eq!(Income::new(0), Err(WorkerError::AmountNotPositive(0)));
        assert!(Income::new(1_000_000_000_000).is_ok());
        assert!(Income::new(1_000_000_000_001).is_err());
    }

    #[test]
    fn prepay_d19() {
        assert_eq!(Prepay::try_from(6), Ok(Prepay::Six));
        for bad in [0, 2, 4, 5, 24, -1] {
            assert_eq!(Prepay::try_from(bad), Err(WorkerError::InvalidPrepay(bad)));
        }
    }

    #[test]
    fn sector_codes() {
        for s in Sector::ALL {
            assert_eq!(Sector::from_code(s.code()), Some(s));
        }
        assert_eq!(Sector::from_code("Transport"), None);
    }
}
