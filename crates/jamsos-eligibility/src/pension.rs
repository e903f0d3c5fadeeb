//! Pension age (DECISIONS.md D-10).

use chrono::Datelike;
use chrono::NaiveDate;
use jamsos_core::{anniversary, birthday_in};
use jamsos_rules::pp_45_2015::{PENSION_AGE, PENSION_AGE_BEFORE_PROGRAM};

/// The pension age in force on `date` (PP 45/2015 Pasal 15): 56, then 57 from
/// 2019, rising by one every three years to 65 from 2043. Dates before the
/// program began take the initial age of Pasal 15 ayat (1).
#[must_use]
pub fn pension_age_on(date: NaiveDate) -> u32 {
    u32::from(
        PENSION_AGE
            .at(date)
            .map_or(PENSION_AGE_BEFORE_PROGRAM, |e| e.value),
    )
}

/// The date a person born on `birth` reaches pension age: the first date on
/// which their age is at least the pension age then in force (D-10).
///
/// The pension age only rises, and only on the dates of the table's rows, while
/// a person's age rises on birthdays; so the first such date is always a
/// birthday, and the 65th birthday always qualifies. `None` only past the
/// calendar's end.
#[must_use]
pub fn pension_age_reached_on(birth: NaiveDate) -> Option<NaiveDate> {
    // Whether the birthday at `age` qualifies is monotone in `age`: a year
    // later the person is a year older and the pension age has risen by at
    // most one (one step every three years). So the first qualifying age is
    // found by bisection, a handful of lookups where a scan of every age
    // from the first took ten for most workers (every roster row asks).
    let (mut low, mut high) = (
        u32::from(PENSION_AGE_BEFORE_PROGRAM),
        PENSION_AGE
            .latest()
            .map_or(u32::from(PENSION_AGE_BEFORE_PROGRAM), |e| {
                u32::from(e.value)
            }),
    );
    // Invariant: `high` qualifies (the last pension age always does), and
    // no age below `low` does.
    while low < high {
        let middle = low + (high - low) / 2;
        if middle >= pension_age_on_birthday(birth, middle) {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    anniversary(birth, high)
}

/// The pension age in force on the day `birth` turns `age`, compared on
/// calendar fields so that bulk runs build no dates for the candidates.
fn pension_age_on_birthday(birth: NaiveDate, age: u32) -> u32 {
    let year = birth
        .year()
        .saturating_add(i32::try_from(age).unwrap_or(i32::MAX));
    let (month, day) = birthday_in(birth, year);
    let in_force = PENSION_AGE
        .entries
        .iter()
        .rev()
        .find(|e| (e.from.year(), e.from.month(), e.from.day()) <= (year, month, day));
    u32::from(in_force.map_or(PENSION_AGE_BEFORE_PROGRAM, |e| e.value))
}

#[cfg(test)]
mod tests {
    use jamsos_core::parse_date;

    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn arithmetic_matches_the_definition() {
        // D-10 read literally: the first date d with age(d) >= pension age on d.
        let mut birth = d("1940-01-01");
        while birth < d("2008-01-01") {
            let mut day = anniversary(birth, 56).unwrap();
            let slow = loop {
                if jamsos_core::age_on(birth, day) >= pension_age_on(day) {
                    break day;
                }
                day = day.succ_opt().unwrap();
            };
            assert_eq!(pension_age_reached_on(birth), Some(slow), "born {birth}");
            birth = birth.checked_add_days(chrono::Days::new(11)).unwrap();
        }
        for b in [
            "1964-02-29",
            "1968-02-29",
            "1960-02-29",
            "1971-12-31",
            "1962-01-01",
        ] {
            let birth = d(b);
            let mut day = anniversary(birth, 56).unwrap();
            while jamsos_core::age_on(birth, day) < pension_age_on(day) {
                day = day.succ_opt().unwrap();
            }
            assert_eq!(pension_age_reached_on(birth), Some(day), "born {b}");
        }
    }

    #[test]
    fn schedule_d10() {
        assert_eq!(pension_age_on(d("2010-01-01")), 56);
        assert_eq!(pension_age_on(d("2018-12-31")), 56);
        assert_eq!(pension_age_on(d("2019-01-01")), 57);
        assert_eq!(pension_age_on(d("2022-01-01")), 58);
        assert_eq!(pension_age_on(d("2025-01-01")), 59);
        assert_eq!(pension_age_on(d("2027-12-31")), 59);
        assert_eq!(pension_age_on(d("2028-01-01")), 60);
        assert_eq!(pension_age_on(d("2042-12-31")), 64);
        assert_eq!(pension_age_on(d("2043-01-01")), 65);
        assert_eq!(pension_age_on(d("2100-01-01")), 65);
    }

    #[test]
    fn reached_on_d11_examples() {
        // D-11: born 1965-07-16 reaches 58 on 2023-07-16 (58 in force in 2023).
        assert_eq!(
            pension_age_reached_on(d("1965-07-16")),
            Some(d("2023-07-16"))
        );
        // D-11: born 1966-03-10 reaches 58 on 2024-03-10.
        assert_eq!(
            pension_age_reached_on(d("1966-03-10")),
            Some(d("2024-03-10"))
        );
        // 56 in 2017 while 56 was in force.
        assert_eq!(
            pension_age_reached_on(d("1961-05-01")),
            Some(d("2017-05-01"))
        );
        // Turns 56 in 2019 (57 in force) and 57 in 2020: reached at 57.
        assert_eq!(
            pension_age_reached_on(d("1963-06-01")),
            Some(d("2020-06-01"))
        );
        // Turns 57 in 2022 (58 in force) → 58 in 2023.
        assert_eq!(
            pension_age_reached_on(d("1965-01-01")),
            Some(d("2023-01-01"))
        );
        // Young worker: 65 from 2043 on.
        assert_eq!(
            pension_age_reached_on(d("1990-05-17")),
            Some(d("2055-05-17"))
        );
        // 29 February birth: 1 March in a common year (D-7a).
        assert_eq!(
            pension_age_reached_on(d("1964-02-29")),
            Some(d("2021-03-01"))
        );
    }
}
