//! Calendar helpers on [`chrono::NaiveDate`]: strict parsing, ages with the
//! 29 February rule (DECISIONS.md D-7a), month ends and working days.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::DateError;
use crate::period::digits;

/// The calendar date type of jamsos (a re-export of `chrono::NaiveDate`).
pub type Date = NaiveDate;

/// Parses exactly `YYYY-MM-DD` with a year from 0001 to 9999: anything else
/// is [`DateError::Syntax`], and a date that does not exist (`2023-02-29`,
/// `1990-13-01`, `0000-01-01`) is [`DateError::NoSuchDay`].
///
/// ```
/// use jamsos_core::{parse_date, DateError};
///
/// assert_eq!(parse_date("2024-02-29")?.to_string(), "2024-02-29");
/// assert_eq!(parse_date("2023-02-29"), Err(DateError::NoSuchDay));
/// assert_eq!(parse_date("29/02/2024"), Err(DateError::Syntax));
/// # Ok::<(), DateError>(())
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return Err(DateError::Syntax);
    }
    let (Some(year), Some(month), Some(day)) = (
        digits(b.get(0..4)),
        digits(b.get(5..7)),
        digits(b.get(8..10)),
    ) else {
        return Err(DateError::Syntax);
    };
    if year == 0 {
        return Err(DateError::NoSuchDay);
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(DateError::NoSuchDay)
}

/// The number of days in a month (0 for a month outside 1…12).
#[must_use]
pub const fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The last day of a month. Months outside 1…12 give `NaiveDate::MIN`
/// (callers pass validated months).
#[must_use]
pub fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, days_in_month(year, month)).unwrap_or(NaiveDate::MIN)
}

/// The date on which someone born on `birth` turns `years` old. A person born on
/// 29 February has their birthday on 1 March in common years (D-7a). `None`
/// after 9999-12-31: jamsos's dates are `YYYY-MM-DD` (a fuzz finding: chrono
/// would give year 10031, written `+10031-03-10`).
#[must_use]
pub fn anniversary(birth: NaiveDate, years: u32) -> Option<NaiveDate> {
    let year = birth.year().checked_add(i32::try_from(years).ok()?)?;
    if year > 9999 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

/// Age in whole years on `date` (0 before the first birthday; 0 if `date`
/// precedes `birth`). Computed from the calendar fields, without building the
/// birthday, because bulk runs ask this for every worker.
#[must_use]
pub fn age_on(birth: NaiveDate, date: NaiveDate) -> u32 {
    if date <= birth {
        return 0;
    }
    let years = u32::try_from(date.year() - birth.year()).unwrap_or(0);
    if birthday_passed(birth, date.year(), date.month(), date.day()) {
        years
    } else {
        years.saturating_sub(1)
    }
}

/// Whether, in `year`, the birthday of someone born on `birth` falls on or
/// before `month`-`day`.
fn birthday_passed(birth: NaiveDate, year: i32, month: u32, day: u32) -> bool {
    (month, day) >= birthday_in(birth, year)
}

/// The (month, day) of the birthday in `year` of someone born on `birth`:
/// 29 February is 1 March in common years (D-7a).
#[must_use]
pub fn birthday_in(birth: NaiveDate, year: i32) -> (u32, u32) {
    match (birth.month(), birth.day()) {
        (2, 29) if !is_leap_year(year) => (3, 1),
        md => md,
    }
}

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
#[must_use]
pub const fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
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
            parse_date("2024-02-29").ok(),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for (bad, error) in [
            ("2023-02-29", DateError::NoSuchDay),
            ("1990-13-01", DateError::NoSuchDay),
            ("1990-02-30", DateError::NoSuchDay),
            ("0000-01-01", DateError::NoSuchDay),
            ("1990-1-01", DateError::Syntax),
            ("1990-01-01T", DateError::Syntax),
            ("19900101", DateError::Syntax),
            ("1990-0a-01", DateError::Syntax),
            ("+990-01-01", DateError::Syntax),
        ] {
            assert_eq!(parse_date(bad), Err(error), "{bad:?}");
        }
        assert_eq!(
            parse_date("9999-12-31").ok(),
            NaiveDate::from_ymd_opt(9999, 12, 31)
        );
        assert_eq!(
            parse_date("0001-01-01").ok(),
            NaiveDate::from_ymd_opt(1, 1, 1)
        );
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
    fn ages_agree_with_birthdays() {
        // The arithmetic age must equal counting birthdays built by `anniversary`.
        let births = [
            "1964-02-29",
            "2000-02-29",
            "1990-12-31",
            "1990-01-01",
            "1975-03-01",
            "1980-02-28",
        ];
        let mut date = d("1990-01-01");
        while date < d("2045-01-01") {
            for b in births {
                let birth = d(b);
                let slow = (0..=120u32)
                    .take_while(|y| anniversary(birth, *y).is_some_and(|a| a <= date))
                    .count();
                let slow = u32::try_from(slow).unwrap().saturating_sub(1);
                let expected = if date <= birth { 0 } else { slow };
                assert_eq!(age_on(birth, date), expected, "{b} on {date}");
            }
            date = date.checked_add_days(chrono::Days::new(13)).unwrap();
        }
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
