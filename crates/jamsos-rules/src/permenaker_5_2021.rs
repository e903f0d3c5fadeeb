//! Permenaker 5/2021, in force 2021-04-01: procedures for JKK, JKM and JHT,
//! including the scholarship (beasiswa) schedule per child by school level
//! (REGULATIONS.md §9.1). The scholarship table starts with the rows it
//! replaced: PP 44/2015 (Rp12,000,000 for one child) and PP 82/2019 (at most
//! Rp174,000,000 for two children).

use chrono::NaiveDate;
use jamsos_core::{Rupiah, Source};

use crate::lit::date;
use crate::{Entry, Table};

/// One school level of the scholarship schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScholarshipLevel {
    /// The level, in Indonesian (TK, SD, SMP, SMA, perguruan tinggi).
    pub level: &'static str,
    /// The amount per school year.
    pub per_year: Rupiah,
    /// The most years paid at this level.
    pub max_years: u32,
}

const fn level(level: &'static str, per_year: u64, max_years: u32) -> ScholarshipLevel {
    ScholarshipLevel {
        level,
        per_year: Rupiah::new(per_year),
        max_years,
    }
}

/// The scholarship per child and school year (REGULATIONS.md §9.1): TK
/// 1,500,000 × 2, SD 1,500,000 × 6, SMP 2,000,000 × 3, SMA 3,000,000 × 3,
/// university or vocational training 12,000,000 × 5.
pub const SCHOLARSHIP_LEVELS: [ScholarshipLevel; 5] = [
    level("TK", 1_500_000, 2),
    level("SD", 1_500_000, 6),
    level("SMP", 2_000_000, 3),
    level("SMA", 3_000_000, 3),
    level("perguruan tinggi atau pelatihan", 12_000_000, 5),
];

/// The most one child can receive over all levels: the sum of
/// [`SCHOLARSHIP_LEVELS`], Rp87,000,000 \[DERIVED\].
pub const fn per_child_total(levels: &[ScholarshipLevel]) -> Rupiah {
    let mut total = 0u64;
    let mut rest = levels;
    while let [first, tail @ ..] = rest {
        total += first.per_year.get() * first.max_years as u64;
        rest = tail;
    }
    Rupiah::new(total)
}

/// The JKM scholarship limits in force on the date of death.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scholarship {
    /// The most a child can receive.
    pub per_child: Rupiah,
    /// The most children who receive it.
    pub max_children: u32,
}

/// Scholarship limits by date of death (D-33): PP 44/2015 from 2015-07-01
/// (Rp12,000,000 for one child), PP 82/2019 from 2019-12-01 (at most
/// Rp174,000,000 for two children, that is Rp87,000,000 each), Permenaker
/// 5/2021 from 2021-04-01 (the schedule of [`SCHOLARSHIP_LEVELS`], again
/// Rp87,000,000 per child). These are maxima: what is paid depends on the
/// child's schooling, year by year.
pub static SCHOLARSHIP: Table<Scholarship, NaiveDate> = Table {
    name: "permenaker_5_2021::SCHOLARSHIP",
    entries: &[
        Entry {
            from: date(2015, 7, 1),
            value: Scholarship {
                per_child: Rupiah::new(12_000_000),
                max_children: 1,
            },
            source: Source::new("PP 44/2015", ""),
        },
        Entry {
            from: date(2019, 12, 1),
            value: Scholarship {
                per_child: Rupiah::new(87_000_000),
                max_children: 2,
            },
            source: Source::new("PP 82/2019", ""),
        },
        Entry {
            from: date(2021, 4, 1),
            value: Scholarship {
                per_child: per_child_total(&SCHOLARSHIP_LEVELS),
                max_children: 2,
            },
            source: Source::new("Permenaker 5/2021", ""),
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_child_is_87_million_and_two_children_174() {
        assert_eq!(
            per_child_total(&SCHOLARSHIP_LEVELS),
            Rupiah::new(87_000_000)
        );
        let latest = SCHOLARSHIP.latest().map(|e| e.value);
        assert_eq!(
            latest.map(|s| s.per_child.get() * u64::from(s.max_children)),
            Some(174_000_000)
        );
    }
}
