//! Calendar helpers on [`chrono::NaiveDate`]: strict parsing, ages with the
//! 29 February rule (DECISIONS.md D-7a), month ends and working days.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::period::digits;

/// The calendar date type of jamsos (a re-export of `chrono::NaiveDate`).
pub type Date = NaiveDate;

/// Parses exactly `YYYY-MM-DD` with a year from 0001 to 9999; `None` for
/// anything else, including dates that do not exist (`2023-02-29`).
#[must_use]
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year = digits(b.get(0..4))?;
    let month = digits(b.get(5..7))?;
    let day = digits(b.get(8..10))?;
    if year == 0 {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// The last day of a month. Months outside 1…12 give `NaiveDate::MIN`
/// (callers pass validated months).
#[must_use]
pub fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (next_year, next_month) = if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)
        .and_then(|d| d.pred_opt())
        .or_else(|| NaiveDate::from_ymd_opt(year, 12, 31))
        .unwrap_or(NaiveDate::MIN)
}

/// The date on which someone born on `birth` turns `years` old. A person born on
/// 29 February has their birthday on 1 March in common years (D-7a).
#[must_use]
pub fn anniversary(birth: NaiveDate, years: u32) -> Option<NaiveDate> {
    let year = birth.year().checked_add(i32::try_from(years).ok()?)?;
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

/// Age in whole years on `date` (0 before the first birthday; 0 if `date`
/// precedes `birth`).
#[must_use]
pub fn age_on(birth: NaiveDate, date: NaiveDate) -> u32 {
    if date <= birth {
        return 0;
    }
    let years = u32::try_from(date.year() - birth.year()).unwrap_or(0);
    match anniversary(birth, years) {
        Some(birthday) if birthday > date => years.saturating_sub(1),
        _ => years,
    }
}

/// A working day is neither a Saturday, a Sunday nor one of `holidays` (D-28).
#[must_use]
pub fn is_working_day(date: NaiveDate, holidays: &[NaiveDate]) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn strict_dates() {
        assert_eq!(
            parse_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for bad in [
            "2023-02-29",
            "1990-13-01",
            "1990-1-01",
            "0000-01-01",
            "1990-01-01T",
            "19900101",
            "1990-02-30",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
        assert_eq!(
            parse_date("9999-12-31"),
            NaiveDate::from_ymd_opt(9999, 12, 31)
        );
        assert_eq!(parse_date("0001-01-01"), NaiveDate::from_ymd_opt(1, 1, 1));
    }

    #[test]
    fn leap_day_birthdays_fall_on_1_march() {
        // D-7a: born 29 February → birthday 1 March in common years.
        let birth = d("2000-02-29");
        assert_eq!(anniversary(birth, 1), Some(d("2001-03-01")));
        assert_eq!(anniversary(birth, 4), Some(d("2004-02-29")));
        assert_eq!(age_on(birth, d("2001-02-28")), 0);
        assert_eq!(age_on(birth, d("2001-03-01")), 1);
        assert_eq!(age_on(d("1990-05-17"), d("2025-05-16")), 34);
        assert_eq!(age_on(d("1990-05-17"), d("2025-05-17")), 35);
        assert_eq!(age_on(d("1990-05-17"), d("1980-01-01")), 0);
    }

    #[test]
    fn month_ends_and_working_days() {
        assert_eq!(last_day_of_month(2025, 12), d("2025-12-31"));
        assert_eq!(last_day_of_month(2024, 2), d("2024-02-29"));
        assert_eq!(last_day_of_month(9999, 12), d("9999-12-31"));
        assert!(!is_working_day(d("2025-03-15"), &[])); // Saturday
        assert!(is_working_day(d("2025-03-17"), &[]));
        assert!(!is_working_day(d("2025-03-17"), &[d("2025-03-17")]));
    }
}
