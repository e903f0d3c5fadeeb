//! PP 45/2015: pension (JP), in force 2015-07-01: the shares (Pasal 28), the wage
//! ceiling adjusted every March by the previous year's GDP growth and floored to
//! Rp100 (Pasal 29; values as announced by BPJS Ketenagakerjaan), and the pension
//! age schedule (Pasal 15).

use chrono::NaiveDate;
use jamsos_core::{Rupiah, Source};

use crate::lit::{date, period, rate};
use crate::pp_46_2015::Shares;
use crate::{Entry, Table};

/// JP: 2% employer + 1% worker of the wage up to [`JP_WAGE_CEILING`].
pub static JP_SHARES: Table<Shares> = Table {
    name: "pp_45_2015::JP_SHARES",
    entries: &[Entry {
        from: period(2015, 7),
        value: Shares {
            employer: rate(2, 2),
            worker: rate(1, 2),
        },
        source: Source::new("PP 45/2015", "Pasal 28"),
    }],
};

const fn ceiling(year: u16, month: u8, amount: u64, provision: &'static str) -> Entry<Rupiah> {
    Entry {
        from: period(year, month),
        value: Rupiah::new(amount),
        source: Source::new("PP 45/2015", provision),
    }
}

/// The JP wage ceiling (batas upah tertinggi), by the period it first governs
/// (DECISIONS.md D-12). Each yearly value applies from the March period; the
/// 2021 value is taken from March too (REGULATIONS.md U6), and the 2026 value
/// 11,086,300 is the announced figure pending its KEPDIR (U7).
pub static JP_WAGE_CEILING: Table<Rupiah> = Table {
    name: "pp_45_2015::JP_WAGE_CEILING",
    entries: &[
        ceiling(2015, 7, 7_000_000, "Pasal 29 ayat (1)"),
        ceiling(2016, 3, 7_335_300, "Pasal 29 ayat (2)"),
        ceiling(2017, 3, 7_703_500, "Pasal 29 ayat (2)"),
        ceiling(2018, 3, 8_094_000, "Pasal 29 ayat (2)"),
        ceiling(2019, 3, 8_512_400, "Pasal 29 ayat (2)"),
        ceiling(2020, 3, 8_939_700, "Pasal 29 ayat (2)"),
        ceiling(2021, 3, 8_754_600, "Pasal 29 ayat (2)"),
        ceiling(2022, 3, 9_077_600, "Pasal 29 ayat (2)"),
        ceiling(2023, 3, 9_559_600, "Pasal 29 ayat (2)"),
        ceiling(2024, 3, 10_042_300, "Pasal 29 ayat (2)"),
        ceiling(2025, 3, 10_547_400, "Pasal 29 ayat (2)"),
        ceiling(2026, 3, 11_086_300, "Pasal 29 ayat (2)"),
    ],
};

/// A yearly ceiling is due every March: a period billed from a ceiling that first
/// applied this many months earlier or more gets the warning `jp_ceiling_stale`
/// (DECISIONS.md D-6).
pub const CEILING_STALE_AFTER_MONTHS: i64 = 12;

const fn age(year: i32, value: u8) -> Entry<u8, NaiveDate> {
    Entry {
        from: date(year, 1, 1),
        value,
        source: Source::new("PP 45/2015", "Pasal 15"),
    }
}

/// The pension age (usia pensiun) in force on a date (DECISIONS.md D-10): 56
/// from the start of the program, 57 from 2019-01-01, then one more year every
/// three years up to 65 from 2043-01-01.
///
/// The first row starts on 2015-07-01, when PP 45/2015 came into force; for
/// earlier dates the initial age of Pasal 15 ayat (1) is the one to compare
/// against (D-10 states "56 until 2018-12-31"), see
/// [`PENSION_AGE_BEFORE_PROGRAM`].
pub static PENSION_AGE: Table<u8, NaiveDate> = Table {
    name: "pp_45_2015::PENSION_AGE",
    entries: &[
        Entry {
            from: date(2015, 7, 1),
            value: 56,
            source: Source::new("PP 45/2015", "Pasal 15 ayat (1)"),
        },
        age(2019, 57),
        age(2022, 58),
        age(2025, 59),
        age(2028, 60),
        age(2031, 61),
        age(2034, 62),
        age(2037, 63),
        age(2040, 64),
        age(2043, 65),
    ],
};

/// The initial pension age of Pasal 15 ayat (1), used for dates before the
/// program began (a worker who turned 56 before July 2015 had reached it).
pub const PENSION_AGE_BEFORE_PROGRAM: u8 = 56;
