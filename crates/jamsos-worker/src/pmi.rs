//! Indonesian migrant workers (Pekerja Migran Indonesia, PMI): the validated
//! record (DECISIONS.md D-25 … D-27).

use chrono::NaiveDate;
use jamsos_core::Rupiah;

use crate::WorkerError;
use crate::pu::count;

/// The longest contract accepted, in months (D-4).
pub const MAX_CONTRACT_MONTHS: i64 = 60;
/// The most extension months accepted (D-4).
pub const MAX_EXTENSION_MONTHS: i64 = 60;
/// The largest monthly JHT amount accepted before the regime's list is
/// checked (D-4's monthly limit).
const MAX_JHT_MONTHLY: i64 = 1_000_000_000_000;

jamsos_core::vocabulary! {
    /// How the worker was placed (D-26).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Channel {
        /// Through a placement agency (Pelaksana Penempatan, P3MI): pays the
        /// before-work contribution too.
        #[doc(alias = "P3MI")]
        Agency => "agency",
        /// Individually (PMI perseorangan): pays only the package.
        #[doc(alias = "perseorangan")]
        Individual => "individual",
    }
}

/// A migrant worker's placement and choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
pub struct PmiWorker {
    /// Date of birth, if given (checked against the period, D-7a).
    pub birth_date: Option<NaiveDate>,
    /// Agency or individual (D-26).
    pub channel: Channel,
    /// The placement contract's length, 1 … 60 months (D-4, D-25).
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "checked::<_, CONTRACT_MONTHS>")
    )]
    pub contract_months: u8,
    /// Months worked beyond the contract, 0 … 60 (D-25).
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "checked::<_, EXTENSION_MONTHS>")
    )]
    pub extension_months: u8,
    /// Optional JHT per month; `None`: not joined (D-27).
    pub jht_monthly: Option<Rupiah>,
}

/// Which count [`checked`] reads.
#[cfg(feature = "serde")]
const CONTRACT_MONTHS: bool = true;
#[cfg(feature = "serde")]
const EXTENSION_MONTHS: bool = false;

/// Reads a month count with the same checks as [`PmiWorker::new`] and
/// [`PmiWorker::extension_months`] (D-4): read, never repaired.
#[cfg(feature = "serde")]
fn checked<'de, D: serde::Deserializer<'de>, const CONTRACT: bool>(
    deserializer: D,
) -> Result<u8, D::Error> {
    let months = <i64 as serde::Deserialize>::deserialize(deserializer)?;
    let checked = if CONTRACT {
        PmiWorker::contract_months(months)
    } else {
        PmiWorker::extension_months(months)
    };
    checked.map_err(serde::de::Error::custom)
}

impl PmiWorker {
    /// A worker with no extension and no JHT.
    ///
    /// Errors: a contract length outside 1 … 60 months (D-4).
    pub fn new(channel: Channel, contract_months: i64) -> Result<PmiWorker, WorkerError> {
        Ok(PmiWorker {
            birth_date: None,
            channel,
            contract_months: Self::contract_months(contract_months)?,
            extension_months: 0,
            jht_monthly: None,
        })
    }

    /// A checked contract length (1 … 60 months, D-4).
    pub fn contract_months(months: i64) -> Result<u8, WorkerError> {
        // At most 60, so it fits.
        count(months, 1, MAX_CONTRACT_MONTHS).map(|m| m as u8)
    }

    /// A checked number of extension months (0 … 60, D-4).
    pub fn extension_months(months: i64) -> Result<u8, WorkerError> {
        count(months, 0, MAX_EXTENSION_MONTHS).map(|m| m as u8)
    }

    /// A monthly JHT amount: 0 means not joined (D-27). Whether the amount is
    /// one the regime offers is checked against the period's regime.
    pub fn jht_monthly(amount: i64) -> Result<Option<Rupiah>, WorkerError> {
        // Negative or absurd amounts are never offered.
        count(amount, 0, MAX_JHT_MONTHLY).map(|a| (a > 0).then(|| Rupiah::new(a.unsigned_abs())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_d4() {
        assert!(PmiWorker::new(Channel::Agency, 0).is_err());
        assert!(PmiWorker::new(Channel::Agency, 61).is_err());
        assert_eq!(PmiWorker::extension_months(60), Ok(60));
        assert!(PmiWorker::extension_months(-1).is_err());
        assert_eq!(PmiWorker::jht_monthly(0), Ok(None));
        assert_eq!(
            PmiWorker::jht_monthly(50_000),
            Ok(Some(Rupiah::new(50_000)))
        );
        assert!(PmiWorker::jht_monthly(-50_000).is_err());
    }
}
