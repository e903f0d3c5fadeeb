//! PP 82/2019: the first amendment of PP 44/2015, signed November 2019, which
//! raised the death (JKM) and work-accident (JKK) benefits (REGULATIONS.md
//! §9.1, §9.2). jamsos applies it to deaths and accidents from 2019-12-01 on
//! (D-33); JKM deaths before then use the original PP 44/2015 amounts, which
//! are the first row of [`JKM_BENEFIT`]. Older JKK amounts are not encoded, so
//! [`JKK_BENEFIT`] finds nothing before 2019-12-01 (fail closed).

use chrono::NaiveDate;
use jamsos_core::{Rate, Rupiah, Source};

use crate::lit::{date, rate};
use crate::{Entry, Table};

/// The JKM cash benefit for a death not caused by work, paid to the heirs.
/// The scholarship is in [`crate::permenaker_5_2021::SCHOLARSHIP`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JkmBenefit {
    /// Lump sum (santunan sekaligus).
    pub lump_sum: Rupiah,
    /// Periodic allowance (santunan berkala), 24 monthly amounts paid at once.
    pub periodic: Rupiah,
    /// Funeral costs (biaya pemakaman).
    pub funeral: Rupiah,
    /// Contribution months the participant needs for the scholarship: 36
    /// (REGULATIONS.md §8.5; D-33).
    pub scholarship_min_months: u32,
}

/// The JKM benefit by date of death (D-33): PP 44/2015 from 2015-07-01
/// (16,200,000 + 4,800,000 + 3,000,000 = 24,000,000), PP 82/2019 from
/// 2019-12-01 (20,000,000 + 12,000,000 + 10,000,000 = 42,000,000).
pub static JKM_BENEFIT: Table<JkmBenefit, NaiveDate> = Table {
    name: "pp_82_2019::JKM_BENEFIT",
    entries: &[
        Entry {
            from: date(2015, 7, 1),
            value: JkmBenefit {
                lump_sum: Rupiah::new(16_200_000),
                periodic: Rupiah::new(4_800_000),
                funeral: Rupiah::new(3_000_000),
                scholarship_min_months: 36,
            },
            source: Source::new("PP 44/2015", ""),
        },
        Entry {
            from: date(2019, 12, 1),
            value: JkmBenefit {
                lump_sum: Rupiah::new(20_000_000),
                periodic: Rupiah::new(12_000_000),
                funeral: Rupiah::new(10_000_000),
                scholarship_min_months: 36,
            },
            source: Source::new("PP 82/2019", ""),
        },
    ],
};

/// The JKK cash benefits for death, total permanent disability and temporary
/// inability to work (Lampiran III as amended by PP 82/2019).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JkkBenefit {
    /// Months of wage the death and disability benefits are counted in: 80.
    pub wage_months: u32,
    /// Death from a work accident: 60% of [`JkkBenefit::wage_months`] ×
    /// wage, that is 48 × wage.
    pub death_share: Rate,
    /// The least death benefit: Rp20,000,000.
    pub death_minimum: Rupiah,
    /// Total permanent disability: 70% of [`JkkBenefit::wage_months`] ×
    /// wage, that is 56 × wage.
    pub disability_share: Rate,
    /// Funeral costs on death: Rp10,000,000.
    pub funeral: Rupiah,
    /// Periodic allowance on death or total disability (24 × Rp500,000,
    /// paid at once): Rp12,000,000.
    pub periodic: Rupiah,
    /// Temporary inability to work (STMB): months paid at the full rate.
    pub stmb_full_months: u32,
    /// STMB share of the wage for the first months: 100%.
    pub stmb_full_share: Rate,
    /// STMB share of the wage after them, until recovery: 50%.
    pub stmb_after_share: Rate,
    /// Years after the accident within which benefits must be claimed: 5.
    pub claim_deadline_years: u32,
}

/// The JKK benefits by the date of the accident (D-33): PP 82/2019 from
/// 2019-12-01; no row before (the older values are not encoded).
pub static JKK_BENEFIT: Table<JkkBenefit, NaiveDate> = Table {
    name: "pp_82_2019::JKK_BENEFIT",
    entries: &[Entry {
        from: date(2019, 12, 1),
        value: JkkBenefit {
            wage_months: 80,
            death_share: rate(6, 1),
            death_minimum: Rupiah::new(20_000_000),
            disability_share: rate(7, 1),
            funeral: Rupiah::new(10_000_000),
            periodic: Rupiah::new(12_000_000),
            stmb_full_months: 12,
            stmb_full_share: Rate::ONE,
            stmb_after_share: rate(5, 1),
            claim_deadline_years: 5,
        },
        source: Source::new("PP 82/2019", "Lampiran III"),
    }],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_match_regulations() {
        let total = |b: &JkmBenefit| b.lump_sum.get() + b.periodic.get() + b.funeral.get();
        let [old, new] = JKM_BENEFIT.entries else {
            unreachable!()
        };
        assert_eq!(total(&old.value), 24_000_000);
        assert_eq!(total(&new.value), 42_000_000);
        let jkk = JKK_BENEFIT.latest().map(|e| e.value);
        assert_eq!(
            jkk.map(|b| b.death_share.apply(Rupiah::new(80))),
            Some(Rupiah::new(48))
        );
        assert_eq!(
            jkk.map(|b| b.disability_share.apply(Rupiah::new(80))),
            Some(Rupiah::new(56))
        );
    }
}
