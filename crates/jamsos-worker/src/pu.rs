//! Wage earners (Penerima Upah): the validated record and its limits.

use chrono::NaiveDate;
use jamsos_core::{ProgramSet, Rupiah};

use crate::{Industry, Nationality, RiskClass, Scale, WorkerError};

/// The largest monthly wage or declared income accepted: Rp1,000,000,000,000
/// (D-4). Anything above is implausible input, not a wage.
pub const MAX_MONTHLY_AMOUNT: u64 = 1_000_000_000_000;
/// The most active workers an employer may report (D-4).
pub const MAX_ACTIVE_WORKERS: i64 = 10_000_000;

/// A money input checked against D-4: at least Rp1, at most `limit`.
pub(crate) fn money(amount: u64, limit: u64) -> Result<Rupiah, WorkerError> {
    if amount == 0 {
        return Err(WorkerError::AmountNotPositive(0));
    }
    if amount > limit {
        return Err(WorkerError::AmountTooLarge { amount, limit });
    }
    Ok(Rupiah::new(amount))
}

/// A count checked against its D-4 range.
pub(crate) fn count(value: i64, min: i64, max: i64) -> Result<i64, WorkerError> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(WorkerError::CountOutOfRange { value, min, max })
    }
}

crate::money_input! {
    /// A reported monthly wage (upah sebulan: basic wage plus fixed allowances),
    /// checked against D-4: at least Rp1, at most Rp1,000,000,000,000. The
    /// period-dependent floor of D-8 is checked where the period is known.
    Wage, limit MAX_MONTHLY_AMOUNT, "wage"
}

/// A wage earner (Penerima Upah) and the employer facts the rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
pub struct PuWorker {
    /// Date of birth, for the pension age (D-10, D-11) and JKP (D-13).
    pub birth_date: NaiveDate,
    /// Citizenship (D-9, D-13).
    pub nationality: Nationality,
    /// Reported monthly wage.
    pub wage: Wage,
    /// The employer's JKK risk group.
    pub risk_class: RiskClass,
    /// The employer's scale.
    pub scale: Scale,
    /// First registration with BPJS Ketenagakerjaan; `None` when unknown (D-13).
    pub registered_on: Option<NaiveDate>,
    /// Member of JKN (BPJS Kesehatan) health insurance (D-13).
    pub jkn_member: bool,
    /// Optional programs joined (D-9).
    pub opt_in: ProgramSet,
    /// The employer's industry, if given (D-15).
    pub industry: Option<Industry>,
    /// The employer's active registered workers, if given (D-15).
    #[cfg_attr(feature = "serde", serde(deserialize_with = "active_workers"))]
    pub active_workers: Option<u32>,
    /// The employer paid JKK through January 2025 (D-15).
    pub paid_jkk_through_2025_01: bool,
    /// The employer paid through July 2020 (D-16).
    pub paid_through_2020_07: bool,
}

impl PuWorker {
    /// A worker with the required facts and every optional one at its contract
    /// default: WNI, not registered, not a JKN member, no opt-ins, no industry.
    #[must_use]
    pub const fn new(
        birth_date: NaiveDate,
        wage: Wage,
        risk_class: RiskClass,
        scale: Scale,
    ) -> PuWorker {
        PuWorker {
            birth_date,
            nationality: Nationality::Wni,
            wage,
            risk_class,
            scale,
            registered_on: None,
            jkn_member: false,
            opt_in: ProgramSet::EMPTY,
            industry: None,
            active_workers: None,
            paid_jkk_through_2025_01: true,
            paid_through_2020_07: true,
        }
    }

    /// A checked count of active workers (0…10,000,000, D-4).
    pub fn active_workers_count(count: i64) -> Result<u32, WorkerError> {
        // At most 10,000,000, so it fits.
        self::count(count, 0, MAX_ACTIVE_WORKERS).map(|n| n as u32)
    }
}

/// Reads `active_workers` with the check of
/// [`PuWorker::active_workers_count`] (D-4): read, never repaired.
#[cfg(feature = "serde")]
fn active_workers<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u32>, D::Error> {
    <Option<i64> as serde::Deserialize>::deserialize(deserializer)?
        .map(PuWorker::active_workers_count)
        .transpose()
        .map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wage_limits_d4() {
        assert_eq!(Wage::new(0), Err(WorkerError::AmountNotPositive(0)));
        assert_eq!(Wage::try_from(-5), Err(WorkerError::AmountNotPositive(-5)));
        assert_eq!(Wage::new(1).map(Wage::rupiah), Ok(Rupiah::new(1)));
        assert!(Wage::new(1_000_000_000_000).is_ok());
        assert_eq!(
            Wage::new(1_000_000_000_001),
            Err(WorkerError::AmountTooLarge {
                amount: 1_000_000_000_001,
                limit: MAX_MONTHLY_AMOUNT
            })
        );
    }

    #[test]
    fn risk_class_never_defaults() {
        assert_eq!(
            RiskClass::try_from(0u8),
            Err(WorkerError::InvalidRiskClass(0))
        );
        assert_eq!(
            RiskClass::try_from(6i64),
            Err(WorkerError::InvalidRiskClass(6))
        );
        assert_eq!(
            RiskClass::try_from(-1i64),
            Err(WorkerError::InvalidRiskClass(-1))
        );
        assert_eq!(RiskClass::try_from(5u8).map(RiskClass::index), Ok(4));
    }

    #[test]
    fn active_workers_bounds() {
        assert_eq!(PuWorker::active_workers_count(50), Ok(50));
        assert!(PuWorker::active_workers_count(-1).is_err());
        assert!(PuWorker::active_workers_count(10_000_001).is_err());
    }
}
