use core::fmt;
use core::str::FromStr;

use chrono::NaiveDate;

use crate::{CoreError, last_day_of_month};

/// A contribution month (bulan iuran), written `YYYY-MM` (DECISIONS.md D-5).
///
/// Years run from 1 to 9999. Periods are ordered and step by months.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[doc(alias = "bulan iuran")]
pub struct Period(
    /// Months since January of year 0: `year × 12 + month − 1`.
    u32,
);

impl Period {
    /// The period `year-month`, or `None` unless `1 <= year <= 9999` and
    /// `1 <= month <= 12`.
    #[must_use]
    pub const fn new(year: u16, month: u8) -> Option<Period> {
        if year >= 1 && year <= 9999 && month >= 1 && month <= 12 {
            Some(Period(year as u32 * 12 + month as u32 - 1))
        } else {
            None
        }
    }

    /// The calendar year.
    #[must_use]
    pub const fn year(self) -> u16 {
        (self.0 / 12) as u16
    }

    /// The month, 1…12.
    #[must_use]
    pub const fn month(self) -> u8 {
        (self.0 % 12) as u8 + 1
    }

    /// The following month (saturating at 9999-12).
    #[must_use]
    pub const fn next(self) -> Period {
        if self.0 >= 9999 * 12 + 11 {
            self
        } else {
            Period(self.0 + 1)
        }
    }

    /// The preceding month (saturating at 0001-01).
    #[must_use]
    pub const fn prev(self) -> Period {
        if self.0 <= 12 {
            self
        } else {
            Period(self.0 - 1)
        }
    }

    /// `self` plus `months` months, or `None` past 9999-12.
    #[must_use]
    pub const fn checked_add_months(self, months: u32) -> Option<Period> {
        match self.0.checked_add(months) {
            Some(m) if m <= 9999 * 12 + 11 => Some(Period(m)),
            _ => None,
        }
    }

    /// Whole months from `earlier` to `self` (negative if `earlier` is later).
    #[must_use]
    pub const fn months_since(self, earlier: Period) -> i64 {
        self.0 as i64 - earlier.0 as i64
    }

    /// The period a date falls in.
    #[must_use]
    pub fn of(date: NaiveDate) -> Period {
        use chrono::Datelike;
        // chrono dates used in jamsos are within years 1…9999 (parse_date checks).
        let year = date.year().clamp(1, 9999) as u32;
        Period(year * 12 + date.month0())
    }

    /// The first day of the month.
    #[must_use]
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(i32::from(self.year()), u32::from(self.month()), 1)
            .unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the month.
    #[must_use]
    pub fn last_day(self) -> NaiveDate {
        last_day_of_month(i32::from(self.year()), u32::from(self.month()))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl fmt::Debug for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Parses exactly `YYYY-MM` (four-digit year, two-digit month).
impl FromStr for Period {
    type Err = CoreError;

    fn from_str(s: &str) -> Result<Period, CoreError> {
        let b = s.as_bytes();
        if b.len() != 7 || b.get(4) != Some(&b'-') {
            return Err(CoreError::InvalidPeriod);
        }
        let year = digits(b.get(0..4)).ok_or(CoreError::InvalidPeriod)?;
        let month = digits(b.get(5..7)).ok_or(CoreError::InvalidPeriod)?;
        Period::new(year as u16, month as u8).ok_or(CoreError::InvalidPeriod)
    }
}

/// The value of a run of ASCII digits, or `None` if any byte is not a digit.
pub(crate) fn digits(bytes: Option<&[u8]>) -> Option<u32> {
    let bytes = bytes?;
    let mut value = 0u32;
    for &b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u32::from(b - b'0');
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::string::ToString;

    use super::*;

    #[test]
    fn parse_is_strict() {
        assert_eq!("2025-04".parse::<Period>().unwrap().to_string(), "2025-04");
        for bad in [
            "2025-4",
            "2025-13",
            "2025-00",
            "0000-01",
            "25-04",
            "2025/04",
            "2025-04-01",
            "+025-04",
            "",
        ] {
            assert_eq!(
                bad.parse::<Period>(),
                Err(CoreError::InvalidPeriod),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn steps_and_bounds() {
        let p = Period::new(2024, 12).unwrap();
        assert_eq!(p.next(), Period::new(2025, 1).unwrap());
        assert_eq!(p.next().prev(), p);
        assert_eq!(
            Period::new(9999, 12).unwrap().next(),
            Period::new(9999, 12).unwrap()
        );
        assert_eq!(
            Period::new(1, 1).unwrap().prev(),
            Period::new(1, 1).unwrap()
        );
        assert_eq!(p.months_since(Period::new(2023, 12).unwrap()), 12);
        assert_eq!(
            Period::new(2024, 2).unwrap().last_day().to_string(),
            "2024-02-29"
        );
        assert_eq!(
            Period::new(2023, 2).unwrap().last_day().to_string(),
            "2023-02-28"
        );
        assert_eq!(p.checked_add_months(1), Some(Period::new(2025, 1).unwrap()));
        assert_eq!(Period::new(9999, 12).unwrap().checked_add_months(1), None);
    }
}
