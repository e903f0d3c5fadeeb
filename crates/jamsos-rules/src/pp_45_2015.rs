//! PP 45/2015: pension (JP), in force 2015-07-01: the shares (Pasal 28), the wage
//! ceiling adjusted every March by the previous year's GDP growth and floored to
//! Rp100 (Pasal 29; values as announced by BPJS Ketenagakerjaan), the pension
//! age schedule (Pasal 15), and the benefit formula with its yearly minimum and
//! maximum (Pasal 17 and 18).

use chrono::NaiveDate;
use jamsos_core::{Rate, Rupiah, Source};

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
/// 2021 value is taken from March too (REGULATIONS.md U6); the 2026 value
/// 11,086,300 is set by BPJS circular B/1226/022026 of 2026-02-25 (U7,
/// settled). The March 2027 value is not yet announced, so from period
/// 2027-03 JP billed at 11,086,300 carries `jp_ceiling_stale` (D-6).
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

/// The JP benefit formula (Pasal 17 ayat (2)): the monthly pension is
/// `accrual_per_year × contribution months / 12 × average wage`, paid monthly
/// only after the minimum contribution period; below it, a lump sum of
/// contributions plus returns (REGULATIONS.md §8.2, §9.3; D-31).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JpFormula {
    /// Share of the average wage earned per year of contributions: 1%.
    pub accrual_per_year: Rate,
    /// Contribution months needed for a monthly pension: 180 (15 years, UU
    /// 40/2004 Pasal 41 as applied by PP 45/2015).
    pub min_months_for_monthly: u32,
}

/// The JP benefit formula by claim date.
pub static JP_FORMULA: Table<JpFormula, NaiveDate> = Table {
    name: "pp_45_2015::JP_FORMULA",
    entries: &[Entry {
        from: date(2015, 7, 1),
        value: JpFormula {
            accrual_per_year: rate(1, 2),
            min_months_for_monthly: 180,
        },
        source: Source::new("PP 45/2015", "Pasal 17 ayat (2)"),
    }],
};

/// Whether a figure was published or reconstructed (REGULATIONS.md §9.3, U8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    /// Seen in a published source.
    Published,
    /// Reconstructed from the published chain and inflation (\[DERIVED\]):
    /// results that rest on it say so (D-31).
    Derived,
}

/// The minimum and maximum monthly JP benefit in force (Pasal 18), each with
/// its basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JpBenefitLimits {
    /// The least monthly pension paid.
    pub minimum: Rupiah,
    /// Whether [`JpBenefitLimits::minimum`] was published or derived.
    pub minimum_basis: Basis,
    /// The most monthly pension paid.
    pub maximum: Rupiah,
    /// Whether [`JpBenefitLimits::maximum`] was published or derived.
    pub maximum_basis: Basis,
}

const fn limits(
    from: NaiveDate,
    minimum: u64,
    minimum_basis: Basis,
    maximum: u64,
    maximum_basis: Basis,
    provision: &'static str,
) -> Entry<JpBenefitLimits, NaiveDate> {
    Entry {
        from,
        value: JpBenefitLimits {
            minimum: Rupiah::new(minimum),
            minimum_basis,
            maximum: Rupiah::new(maximum),
            maximum_basis,
        },
        source: Source::new("PP 45/2015", provision),
    }
}

use Basis::{Derived, Published};

/// The JP monthly benefit minimum and maximum by the date they take effect
/// (D-31): Rp300,000 and Rp3,600,000 at the start (Pasal 18 ayat (1) and (2)),
/// then adjusted every March by the previous year's inflation (Pasal 18 ayat
/// (3)). Published values where REGULATIONS.md §9.3 has them, derived ones
/// flagged [`Basis::Derived`]; the 2019 maximum is 4,095,750 (U8). After the
/// newest row (2026-03) its values stay in force (D-31), with the note
/// `jp_limits_stale` from 2027-03 on.
pub static JP_BENEFIT_LIMITS: Table<JpBenefitLimits, NaiveDate> = Table {
    name: "pp_45_2015::JP_BENEFIT_LIMITS",
    entries: &[
        limits(
            date(2015, 7, 1),
            300_000,
            Published,
            3_600_000,
            Published,
            "Pasal 18 ayat (1) dan (2)",
        ),
        limits(
            date(2016, 3, 1),
            310_050,
            Derived,
            3_720_600,
            Derived,
            "Pasal 18 ayat (3)",
        ),
        limits(
            date(2017, 3, 1),
            319_450,
            Published,
            3_833_000,
            Published,
            "Pasal 18 ayat (3)",
        ),
        limits(
            date(2018, 3, 1),
            331_000,
            Derived,
            3_971_400,
            Derived,
            "Pasal 18 ayat (3)",
        ),
        limits(
            date(2019, 3, 1),
            341_400,
            Derived,
            4_095_750,
            Derived,
            "Pasal 18 ayat (3)",
        ),
        limits(
            date(2020, 3, 1),
            350_700,
            Published,
            4_207_200,
            Published,
            "Pasal 18 ayat (3)",
        ),
        limits(
            date(2021, 3, 1),
            356_600,
            Derived,
            4_277_900,
            Derived,
            "Pasal 18 ayat (3)",
        ),
        limits(
            date(2022, 3, 1),
            363_300,
            Published,
            4_357_900,
            Derived,
            "Pasal 18 ayat (3)",
        ),
        limits(
            date(2023, 3, 1),
            383_400,
            Published,
            4_598_100,
            Published,
            "Pasal 18 ayat (3)",
        ),
        limits(
            date(2024, 3, 1),
            393_500,
            Published,
            4_718_200,
            Derived,
            "Pasal 18 ayat (3)",
        ),
        limits(
            date(2025, 3, 1),
            399_700,
            Published,
            4_792_300,
            Published,
            "Pasal 18 ayat (3)",
        ),
        // REGULATIONS.md §9.3: a 2026 document citing BPJS circular
        // B/1226/022026, and the inflation chain (2025: 2.92%) reproduces both.
        limits(
            date(2026, 3, 1),
            411_400,
            Published,
            4_932_300,
            Published,
            "Pasal 18 ayat (3)",
        ),
    ],
};

/// A yearly adjustment of the JP limits is due every March: a claim dated this
/// many months or more after the newest row in force gets the note
/// `jp_limits_stale` (as D-6 does for the ceiling).
pub const LIMITS_STALE_AFTER_MONTHS: u32 = 12;

/// Citation of the JP lump sum paid at pension age to a participant with fewer
/// contribution months than [`JpFormula::min_months_for_monthly`]: the
/// contributions plus their returns (REGULATIONS.md §8.2, D-31).
pub const LUMP_SUM_SOURCE: Source = Source::new("UU 40/2004", "Pasal 41");
