//! The national identity number (Nomor Induk Kependudukan, NIK) as DECISIONS.md
//! D-37 reads it: 16 ASCII digits laid out as province (2), regency or city
//! (2), district (2), birth date DDMMYY with 40 added to the day for women
//! (6), and a serial (4).
//!
//! A NIK is personal data. It changes no amount and no status; it is checked
//! so that an enrolment list does not carry a mistyped number to BPJS. Its
//! [`Debug`](core::fmt::Debug) and every [`NikError`] message show at most its
//! first six digits (the region), never the birth date or serial.

use core::fmt;

use chrono::{Datelike, NaiveDate};
use thiserror::Error;

/// The province codes a NIK may start with (D-37): Kemendagri's codes of the
/// 38 provinces. A NIK keeps its code when a province splits, so the codes of
/// the Papua provinces made in 2022 (92 … 96 beside 91) and the older ones
/// are all valid.
pub const PROVINCE_CODES: [u8; 38] = [
    11, 12, 13, 14, 15, 16, 17, 18, 19, // Sumatra
    21, // Kepulauan Riau
    31, 32, 33, 34, 35, 36, // Java
    51, 52, 53, // Bali, Nusa Tenggara
    61, 62, 63, 64, 65, // Kalimantan
    71, 72, 73, 74, 75, 76, // Sulawesi
    81, 82, // Maluku
    91, 92, 93, 94, 95, 96, // Papua
];

/// What is added to the day of birth in a woman's NIK (D-37).
pub const WOMAN_DAY_OFFSET: u32 = 40;

/// Why a text is not a valid NIK (D-37). Every variant's message names the
/// part that fails, and none shows more than the first six digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum NikError {
    /// Not exactly 16 characters (the count given).
    #[error("a NIK has exactly 16 digits, not {0} characters")]
    Length(usize),
    /// A character that is not an ASCII digit (its 1-based position).
    #[error("a NIK holds only the digits 0-9 (character {0} is not one)")]
    NotDigits(usize),
    /// Digits 1-2 are not a province code.
    #[error("digits 1-2 ({0:02}) are not a province code")]
    Province(u8),
    /// Digits 3-4 (regency or city) are `00`.
    #[error("digits 3-4 (regency or city) may not be 00")]
    Regency,
    /// Digits 5-6 (district) are `00`.
    #[error("digits 5-6 (district) may not be 00")]
    District,
    /// Digits 7-12 are not a birth date DDMMYY (day plus 40 for women) in
    /// 19YY or 20YY.
    #[error(
        "digits 7-12 are not a birth date DDMMYY (day 01-31, or 41-71 for women) that exists in 19YY or 20YY"
    )]
    BirthDate,
    /// Digits 13-16 (serial) are `0000`.
    #[error("digits 13-16 (serial number) may not be 0000")]
    Serial,
    /// The birth date digits differ from the participant's `birth_date`.
    #[error("digits 7-12 (birth date DDMMYY) do not match birth_date")]
    BirthDateMismatch,
}

/// A participant's sex as the NIK encodes it (D-37: 40 added to a woman's day
/// of birth).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NikSex {
    /// Day of birth as written.
    Male,
    /// Day of birth plus 40.
    Female,
}

/// A checked NIK: 16 ASCII digits with a province code, a regency and a
/// district other than `00`, a real birth date and a serial other than `0000`
/// (D-37).
///
/// ```
/// use jamsos_worker::{Nik, NikError, NikSex};
///
/// // Kota Kendari (74 71), district 01; a woman born 17 May 1990 (17+40 = 57).
/// let nik = Nik::parse("7471015705900001")?;
/// assert_eq!(nik.sex(), NikSex::Female);
/// assert_eq!(nik.birth_day_month(), (17, 5));
/// assert_eq!(format!("{nik:?}"), "Nik(747101…)");
/// assert_eq!(Nik::parse("7471010000900001"), Err(NikError::BirthDate));
/// # Ok::<(), NikError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Nik([u8; 16]);

/// Two ASCII digits as a number (callers pass digits).
fn pair(a: u8, b: u8) -> u32 {
    u32::from(a.wrapping_sub(b'0')) * 10 + u32::from(b.wrapping_sub(b'0'))
}

impl Nik {
    /// Checks `text` against D-37 (without a birth date to compare with).
    pub fn parse(text: &str) -> Result<Nik, NikError> {
        let count = text.chars().count();
        if count != 16 {
            return Err(NikError::Length(count));
        }
        if let Some(i) = text.chars().position(|c| !c.is_ascii_digit()) {
            return Err(NikError::NotDigits(i + 1));
        }
        let digits: [u8; 16] = text
            .as_bytes()
            .try_into()
            .map_err(|_| NikError::Length(count))?;
        let [
            p1,
            p2,
            r1,
            r2,
            d1,
            d2,
            dd1,
            dd2,
            mm1,
            mm2,
            yy1,
            yy2,
            s1,
            s2,
            s3,
            s4,
        ] = digits;
        let province = u8::try_from(pair(p1, p2)).unwrap_or(u8::MAX);
        if !PROVINCE_CODES.contains(&province) {
            return Err(NikError::Province(province));
        }
        if pair(r1, r2) == 0 {
            return Err(NikError::Regency);
        }
        if pair(d1, d2) == 0 {
            return Err(NikError::District);
        }
        let nik = Nik(digits);
        let (day, month) = nik.birth_day_month();
        let year = pair(yy1, yy2);
        let real = [1900, 2000].into_iter().any(|century| {
            i32::try_from(century + year)
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
                .is_some()
        });
        let day_field = pair(dd1, dd2);
        let in_range = (1..=31).contains(&day_field)
            || (WOMAN_DAY_OFFSET + 1..=WOMAN_DAY_OFFSET + 31).contains(&day_field);
        if !real || !in_range || !(1..=12).contains(&pair(mm1, mm2)) {
            return Err(NikError::BirthDate);
        }
        if pair(s1, s2) == 0 && pair(s3, s4) == 0 {
            return Err(NikError::Serial);
        }
        Ok(nik)
    }

    /// Checks `text` and, with a birth date, that the NIK's day, month and
    /// two-digit year are the birth date's (D-37).
    pub fn parse_for(text: &str, birth_date: Option<NaiveDate>) -> Result<Nik, NikError> {
        let nik = Nik::parse(text)?;
        if let Some(birth) = birth_date {
            let year = u32::try_from(birth.year().rem_euclid(100)).unwrap_or(u32::MAX);
            if nik.birth_day_month() != (birth.day(), birth.month()) || nik.birth_year2() != year {
                return Err(NikError::BirthDateMismatch);
            }
        }
        Ok(nik)
    }

    /// The 16 digits, for a document that must carry them (an enrolment
    /// export); never for a log or a message.
    #[must_use]
    pub fn digits(&self) -> &str {
        core::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// Digits 1-2: the province code.
    #[must_use]
    pub fn province(&self) -> u8 {
        let [a, b, ..] = self.0;
        u8::try_from(pair(a, b)).unwrap_or(u8::MAX)
    }

    /// The day and month of birth (the day without the 40 of a woman's NIK).
    #[must_use]
    pub fn birth_day_month(&self) -> (u32, u32) {
        let [_, _, _, _, _, _, d1, d2, m1, m2, ..] = self.0;
        let day = pair(d1, d2);
        let day = if day > WOMAN_DAY_OFFSET {
            day - WOMAN_DAY_OFFSET
        } else {
            day
        };
        (day, pair(m1, m2))
    }

    /// The two-digit year of birth (digits 11-12).
    #[must_use]
    pub fn birth_year2(&self) -> u32 {
        let [_, _, _, _, _, _, _, _, _, _, y1, y2, ..] = self.0;
        pair(y1, y2)
    }

    /// The sex the NIK encodes.
    #[must_use]
    pub fn sex(&self) -> NikSex {
        let [_, _, _, _, _, _, d1, d2, ..] = self.0;
        if pair(d1, d2) > WOMAN_DAY_OFFSET {
            NikSex::Female
        } else {
            NikSex::Male
        }
    }
}

/// At most the first six characters of a text given as a NIK, for a
/// message: the region digits, never the birth date or serial (D-37).
#[must_use]
pub fn nik_prefix(text: &str) -> &str {
    let end = text.char_indices().nth(6).map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or_default()
}

impl fmt::Debug for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nik({}…)", nik_prefix(self.digits()))
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::format;

    fn d(s: &str) -> NaiveDate {
        jamsos_core::parse_date(s).unwrap()
    }

    // Hand-worked NIKs (D-37). 3201 = Kabupaten Bogor, Jawa Barat; 7471 = Kota
    // Kendari, Sulawesi Tenggara; district 01 or 12.
    #[test]
    fn valid_man_and_woman() {
        // A man born 17 May 1990: 170590.
        let man = Nik::parse_for("3201121705900001", Some(d("1990-05-17"))).unwrap();
        assert_eq!(man.sex(), NikSex::Male);
        assert_eq!(man.province(), 32);
        assert_eq!(man.birth_day_month(), (17, 5));
        assert_eq!(man.birth_year2(), 90);
        // A woman born 3 January 2001: 03 + 40 = 43 → 430101.
        let woman = Nik::parse_for("7471014301010123", Some(d("2001-01-03"))).unwrap();
        assert_eq!(woman.sex(), NikSex::Female);
        assert_eq!(woman.birth_day_month(), (3, 1));
        // A woman born on the 31st: 71.
        assert!(Nik::parse("7471017112850001").is_ok());
    }

    #[test]
    fn each_failure_kind() {
        assert_eq!(Nik::parse("320112170590001"), Err(NikError::Length(15)));
        assert_eq!(Nik::parse("32011217059000011"), Err(NikError::Length(17)));
        assert_eq!(Nik::parse(""), Err(NikError::Length(0)));
        // 16 characters, one of them not a digit; a non-ASCII digit counts by
        // characters, not bytes.
        assert_eq!(Nik::parse("3201121705 00001"), Err(NikError::NotDigits(11)));
        assert_eq!(
            Nik::parse("320112170590000١"),
            Err(NikError::NotDigits(16)),
            "an Arabic-Indic digit is not an ASCII digit"
        );
        // 10 and 20 are not province codes; 97 is not either.
        assert_eq!(Nik::parse("1001121705900001"), Err(NikError::Province(10)));
        assert_eq!(Nik::parse("2001121705900001"), Err(NikError::Province(20)));
        assert_eq!(Nik::parse("9701121705900001"), Err(NikError::Province(97)));
        assert_eq!(Nik::parse("3200121705900001"), Err(NikError::Regency));
        assert_eq!(Nik::parse("3201001705900001"), Err(NikError::District));
        // Day 00, 32, 40, 72; month 00, 13; 31 April.
        for bad in [
            "3201120005900001",
            "3201123205900001",
            "3201124005900001",
            "3201127205900001",
            "3201121700900001",
            "3201121713900001",
            "3201123104900001",
            "3201127104900001",
        ] {
            assert_eq!(Nik::parse(bad), Err(NikError::BirthDate), "{bad}");
        }
        assert_eq!(Nik::parse("3201121705900000"), Err(NikError::Serial));
        assert!(Nik::parse("3201121705900010").is_ok());
        assert_eq!(
            Nik::parse_for("3201121705900001", Some(d("1990-05-18"))),
            Err(NikError::BirthDateMismatch)
        );
        assert_eq!(
            Nik::parse_for("3201121705900001", Some(d("1990-06-17"))),
            Err(NikError::BirthDateMismatch)
        );
        // Same DDMM, a century apart: the two-digit year matches.
        assert!(Nik::parse_for("3201121705900001", Some(d("2090-05-17"))).is_ok());
        assert_eq!(
            Nik::parse_for("3201121705900001", Some(d("1991-05-17"))),
            Err(NikError::BirthDateMismatch)
        );
    }

    #[test]
    fn twenty_ninth_of_february() {
        // 290200: 2000 is a leap year (1900 is not; one century suffices).
        assert!(Nik::parse_for("3201122902000001", Some(d("2000-02-29"))).is_ok());
        // A woman: 29 + 40 = 69.
        assert!(Nik::parse("3201126902960001").is_ok());
        // 290201: neither 1901 nor 2001 is a leap year.
        assert_eq!(Nik::parse("3201122902010001"), Err(NikError::BirthDate));
        // 300200 never exists.
        assert_eq!(Nik::parse("3201123002000001"), Err(NikError::BirthDate));
    }

    #[test]
    fn nothing_past_the_sixth_digit_is_shown() {
        let nik = Nik::parse("3201121705900001").unwrap();
        assert_eq!(format!("{nik:?}"), "Nik(320112…)");
        assert_eq!(nik_prefix("3201121705900001"), "320112");
        assert_eq!(nik_prefix("32"), "32");
        assert_eq!(nik_prefix("ééééééé"), "éééééé");
        for e in [
            NikError::Province(10),
            NikError::BirthDate,
            NikError::Length(15),
        ] {
            let message = format!("{e}");
            assert!(!message.contains("1705"), "{message}");
        }
    }
}
