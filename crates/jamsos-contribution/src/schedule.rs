//! Due dates (DECISIONS.md D-28, and D-16 for the PP 49/2020 periods).

use chrono::{Days, NaiveDate};
use jamsos_core::{Period, is_working_day};
use jamsos_rules::payment::{BPU_DUE_DAY, PU_DUE_DAY};
use jamsos_rules::pp_49_2020::RELIEF;

use crate::ContributionError;

/// Steps from `date` one day at a time (`forward` or back) to the first
/// working day. Each holiday can cost one step and every five weekdays bring at
/// most two weekend days, so `2 × holidays + 8` steps always reach a working
/// day; the bound only guarantees that no input can make the loop spin.
fn to_working_day(mut date: NaiveDate, holidays: &[NaiveDate], forward: bool) -> NaiveDate {
    for _ in 0..=holidays.len().saturating_mul(2).saturating_add(8) {
        if is_working_day(date, holidays) {
            return date;
        }
        let step = if forward {
            date.checked_add_days(Days::new(1))
        } else {
            date.checked_sub_days(Days::new(1))
        };
        match step {
            Some(next) => date = next,
            None => return date,
        }
    }
    date
}

/// The due date of a wage earner's contribution for `period`: the 15th of the
/// following month, moved forward to a working day (D-28); under PP 49/2020
/// the 30th of the following month (its last day if shorter), moved back to a
/// working day (D-16).
pub fn due_date_pu(period: Period, holidays: &[NaiveDate]) -> Result<NaiveDate, ContributionError> {
    // 9999-12 has no following month in the calendar jamsos accepts.
    let next = period
        .checked_add_months(1)
        .ok_or(ContributionError::DueAfterCalendarEnd { period })?;
    if let Some(relief) = RELIEF.at(period).and_then(|e| e.value) {
        let day = next
            .first_day()
            .with_day_clamped(relief.due_day, next.last_day());
        return Ok(to_working_day(day, holidays, false));
    }
    let due_day = PU_DUE_DAY
        .at(period)
        .ok_or(ContributionError::NoRuleInForce {
            table: PU_DUE_DAY.name,
            period,
        })?;
    let day = next
        .first_day()
        .with_day_clamped(due_day.value, next.last_day());
    Ok(to_working_day(day, holidays, true))
}

/// The due date of an informal worker's (BPU) contribution for `period`: the
/// 15th of the period itself, moved forward to a working day (D-28); under
/// PP 49/2020 the 30th of the following month (its last day if shorter), moved
/// back to a working day, as for wage earners (D-16).
pub fn due_date_bpu(
    period: Period,
    holidays: &[NaiveDate],
) -> Result<NaiveDate, ContributionError> {
    if RELIEF.at(period).and_then(|e| e.value).is_some() {
        return due_date_pu(period, holidays);
    }
    let due_day = BPU_DUE_DAY
        .at(period)
        .ok_or(ContributionError::NoRuleInForce {
            table: BPU_DUE_DAY.name,
            period,
        })?;
    let day = period
        .first_day()
        .with_day_clamped(due_day.value, period.last_day());
    Ok(to_working_day(day, holidays, true))
}

/// Day-of-month arithmetic clamped to the month's end.
trait WithDayClamped {
    fn with_day_clamped(self, day: u32, last: NaiveDate) -> NaiveDate;
}

impl WithDayClamped for NaiveDate {
    fn with_day_clamped(self, day: u32, last: NaiveDate) -> NaiveDate {
        use chrono::Datelike;
        self.with_day(day).filter(|d| *d <= last).unwrap_or(last)
    }
}

#[cfg(test)]
mod tests {
    use jamsos_core::parse_date;

    use super::*;

    fn due(period: &str, holidays: &[&str]) -> String {
        let holidays: std::vec::Vec<NaiveDate> =
            holidays.iter().map(|h| parse_date(h).unwrap()).collect();
        due_date_pu(period.parse().unwrap(), &holidays)
            .unwrap()
            .to_string()
    }

    extern crate std;
    use std::string::{String, ToString};

    #[test]
    fn fifteenth_of_next_month_d28() {
        assert_eq!(due("2025-04", &[]), "2025-05-15"); // Thursday
        assert_eq!(due("2025-02", &[]), "2025-03-17"); // 15 March 2025 is a Saturday
        assert_eq!(due("2025-05", &[]), "2025-06-16"); // Sunday → Monday
        assert_eq!(due("2025-04", &["2025-05-15"]), "2025-05-16");
        assert_eq!(due("2025-12", &[]), "2026-01-15");
    }

    #[test]
    fn pp49_2020_thirtieth_backwards_d16() {
        assert_eq!(due("2020-08", &[]), "2020-09-30"); // Wednesday
        assert_eq!(due("2021-01", &[]), "2021-02-26"); // Feb has no 30th: 28th is a Sunday → Friday 26th
        assert_eq!(due("2020-09", &[]), "2020-10-30"); // Friday
        assert_eq!(due("2020-12", &[]), "2021-01-29"); // 30 Jan 2021 is a Saturday
        assert_eq!(due("2020-07", &[]), "2020-08-17"); // before the relief: 15 Aug 2020 is a Saturday
        assert_eq!(due("2021-02", &[]), "2021-03-15");
    }

    #[test]
    fn bpu_fifteenth_of_the_period_d28() {
        let bpu = |period: &str, holidays: &[NaiveDate]| {
            due_date_bpu(period.parse().unwrap(), holidays)
                .unwrap()
                .to_string()
        };
        assert_eq!(bpu("2025-04", &[]), "2025-04-15"); // Tuesday
        assert_eq!(bpu("2025-03", &[]), "2025-03-17"); // Saturday → Monday
        assert_eq!(bpu("2025-06", &[]), "2025-06-16"); // Sunday → Monday
        let holiday = [parse_date("2025-04-15").unwrap()];
        assert_eq!(bpu("2025-04", &holiday), "2025-04-16");
        // D-16: PP 49/2020 periods are due on the 30th of the following month.
        assert_eq!(bpu("2020-08", &[]), "2020-09-30");
        assert!(due_date_bpu("2015-06".parse().unwrap(), &[]).is_err());
    }

    #[test]
    fn out_of_range() {
        assert!(due_date_pu("2015-06".parse().unwrap(), &[]).is_err());
        let last: Period = "9999-12".parse().unwrap();
        assert_eq!(
            due_date_pu(last, &[]),
            Err(ContributionError::DueAfterCalendarEnd { period: last })
        );
    }
}
