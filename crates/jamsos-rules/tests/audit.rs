//! Audits every table: sorted with no duplicate dates, non-empty, and every
//! cited instrument listed, with the exact string the code cites, in the
//! instruments of docs/REGULATIONS.md §2.

use jamsos_rules::TABLES;

#[test]
fn tables_are_sorted_and_unique() {
    for table in TABLES {
        assert!(!table.is_empty(), "{} has no rows", table.name());
        assert!(
            table.is_strictly_sorted(),
            "{} is not strictly sorted by date",
            table.name()
        );
    }
}

#[test]
fn every_source_is_in_the_registry() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/REGULATIONS.md");
    let registry = std::fs::read_to_string(path).unwrap_or_default();
    // The instruments table of §2, not the whole file: a citation must be
    // listed where the instruments are, not merely mentioned somewhere.
    let registry = registry
        .split_once("## 2. The instruments")
        .and_then(|(_, rest)| rest.split_once("\n## 3."))
        .map(|(section, _)| section)
        .unwrap_or_default();
    assert!(!registry.is_empty(), "docs/REGULATIONS.md has no section 2");
    for table in TABLES {
        for i in 0..table.len() {
            let source = table.source(i);
            assert!(source.is_some(), "{} row {i}", table.name());
            if let Some(source) = source {
                let cited = format!("`{}`", source.instrument);
                assert!(
                    registry.contains(&cited),
                    "{} cites {cited}, which docs/REGULATIONS.md §2 does not list",
                    table.name()
                );
            }
        }
    }
}

#[test]
fn lookups_fail_closed_before_the_first_row() {
    use jamsos_core::Period;
    let before =
        Period::new(2015, 6).unwrap_or(Period::new(1, 1).unwrap_or_else(|| unreachable!()));
    assert!(jamsos_rules::pp_44_2015::JKK_PU.at(before).is_none());
    assert!(
        jamsos_rules::pp_45_2015::JP_WAGE_CEILING
            .at(before)
            .is_none()
    );
    assert!(
        jamsos_rules::perpres_109_2013::PROGRAMS_BY_SCALE
            .at(before)
            .is_none()
    );
    let feb_2021 = Period::new(2021, 2).unwrap_or_else(|| unreachable!());
    assert!(jamsos_rules::jkp::JKP_REGIME.at(feb_2021.prev()).is_none());
    assert!(jamsos_rules::jkp::JKP_REGIME.at(feb_2021).is_some());
}

#[test]
fn pu_tables_start_with_the_programs() {
    use jamsos_rules::{
        PROGRAMS_START, payment, perpres_109_2013, pp_44_2015, pp_45_2015, pp_46_2015,
    };
    // The facade rejects periods before PROGRAMS_START; every PU table must
    // begin exactly there, so no accepted period falls into a gap (D-6).
    let firsts = [
        pp_44_2015::JKK_PU.entries.first().map(|e| e.from),
        pp_44_2015::JKM_PU.entries.first().map(|e| e.from),
        pp_46_2015::JHT_PU.entries.first().map(|e| e.from),
        pp_45_2015::JP_SHARES.entries.first().map(|e| e.from),
        pp_45_2015::JP_WAGE_CEILING.entries.first().map(|e| e.from),
        perpres_109_2013::PROGRAMS_BY_SCALE
            .entries
            .first()
            .map(|e| e.from),
        payment::PU_DUE_DAY.entries.first().map(|e| e.from),
    ];
    for first in firsts {
        assert_eq!(first, Some(PROGRAMS_START));
    }
}

/// D-24: each Jakon tier below the last is a whole number of rupiah at every
/// rate and under the PP 49/2020 factor, so the rounded tier components of a
/// line add up to the line rounded once; the bounds rise.
#[test]
fn jakon_tiers_are_whole_rupiah() {
    use jamsos_core::{Rate, Rupiah};
    use jamsos_rules::pp_44_2015::JAKON_CONTRACT;
    use jamsos_rules::pp_49_2020::RELIEF;

    let factors: Vec<Rate> = std::iter::once(Rate::ONE)
        .chain(
            RELIEF
                .entries
                .iter()
                .filter_map(|e| e.value.map(|r| r.jkk_jkm_factor)),
        )
        .collect();
    for entry in JAKON_CONTRACT.entries {
        let mut lower = Rupiah::ZERO;
        for (i, tier) in entry.value.iter().enumerate() {
            let Some(up_to) = tier.up_to else {
                assert_eq!(i, entry.value.len() - 1, "only the last tier is open");
                continue;
            };
            assert!(up_to > lower, "tier {} does not rise", i + 1);
            let width = up_to.checked_sub(lower).unwrap_or(Rupiah::ZERO);
            for factor in &factors {
                for rate in [tier.jkk, tier.jkm] {
                    let rate = rate.checked_mul(*factor).unwrap_or(Rate::ZERO);
                    let exact = rate.apply_exact(width);
                    assert_eq!(
                        exact.units() % u128::from(Rate::ONE.units()),
                        0,
                        "tier {} at {rate} is not whole rupiah",
                        i + 1
                    );
                }
            }
            lower = up_to;
        }
    }
}

/// D-17, D-4: a caller's grid is refused when empty, inverted, overlapping,
/// open-ended before its last bracket or paying on nothing; it may start at
/// 0; gaps are allowed and fall outside the grid.
#[test]
fn official_income_grids_are_checked() {
    use jamsos_core::Rupiah;
    use jamsos_rules::pp_44_2015::{IncomeBracket, IncomeGrid, IncomeGridError};
    let b = |from: u64, to: Option<u64>, nominal: Option<u64>| IncomeBracket {
        from: Rupiah::new(from),
        to: to.map(Rupiah::new),
        nominal: nominal.map(Rupiah::new),
    };
    assert_eq!(IncomeGrid::official(&[]), Err(IncomeGridError::Empty));
    assert_eq!(
        IncomeGrid::official(&[b(10, Some(5), None)]),
        Err(IncomeGridError::InvertedBracket { index: 0 })
    );
    assert_eq!(
        IncomeGrid::official(&[b(1, Some(10), Some(0))]),
        Err(IncomeGridError::ZeroNominal { index: 0 })
    );
    assert_eq!(
        IncomeGrid::official(&[b(1, Some(10), None), b(10, Some(20), None)]),
        Err(IncomeGridError::Overlap { index: 1 })
    );
    assert_eq!(
        IncomeGrid::official(&[b(1, None, None), b(10, Some(20), None)]),
        Err(IncomeGridError::Overlap { index: 1 })
    );
    let brackets = [
        b(0, Some(1_099_999), Some(1_000_000)),
        b(1_200_000, Some(1_300_000), None),
    ];
    let grid = IncomeGrid::official(&brackets).unwrap_or_else(|e| panic!("{e}"));
    assert!(!grid.is_provisional());
    assert_eq!(grid.nominal(Rupiah::new(1)), Some(Rupiah::new(1_000_000)));
    assert_eq!(
        grid.nominal(Rupiah::new(1_050_000)),
        Some(Rupiah::new(1_000_000))
    );
    assert_eq!(grid.nominal(Rupiah::new(1_150_000)), None);
    assert_eq!(
        grid.nominal(Rupiah::new(1_250_000)),
        Some(Rupiah::new(1_250_000))
    );
    assert_eq!(grid.nominal(Rupiah::new(1_300_001)), None);
    assert_eq!(
        grid.range(),
        Some((Rupiah::ZERO, Some(Rupiah::new(1_300_000))))
    );
    let open = [b(5, None, Some(7))];
    let grid = IncomeGrid::official(&open).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(grid.nominal(Rupiah::new(4)), None);
    assert_eq!(grid.nominal(Rupiah::new(u64::MAX)), Some(Rupiah::new(7)));
}

/// D-17: the built-in table is the 33 rows of PP 44/2015 Lampiran II as
/// REGULATIONS.md §4.1 lists them (written out here from that table, not
/// from the code): each row from its `from` up to the next row's `from`
/// minus 1 (half-open), row 1 from 0, row 33 open-ended. Both edges of every
/// bracket are walked, and the grid is the one in force in every period.
#[test]
fn the_built_in_income_table_is_lampiran_ii() {
    use jamsos_core::{Period, Rupiah};
    use jamsos_rules::pp_44_2015::BPU_INCOME_GRID;
    // (row, income from, nominal base), REGULATIONS.md §4.1.
    const ROWS: [(u32, u64, u64); 33] = [
        (1, 0, 1_000_000),
        (2, 1_100_000, 1_200_000),
        (3, 1_300_000, 1_400_000),
        (4, 1_500_000, 1_600_000),
        (5, 1_700_000, 1_800_000),
        (6, 1_900_000, 2_000_000),
        (7, 2_100_000, 2_200_000),
        (8, 2_300_000, 2_400_000),
        (9, 2_500_000, 2_600_000),
        (10, 2_700_000, 2_950_000),
        (11, 3_200_000, 3_450_000),
        (12, 3_700_000, 3_950_000),
        (13, 4_200_000, 4_450_000),
        (14, 4_700_000, 4_950_000),
        (15, 5_200_000, 5_450_000),
        (16, 5_700_000, 5_950_000),
        (17, 6_200_000, 6_450_000),
        (18, 6_700_000, 6_950_000),
        (19, 7_200_000, 7_450_000),
        (20, 7_700_000, 7_950_000),
        (21, 8_200_000, 8_700_000),
        (22, 9_200_000, 9_700_000),
        (23, 10_200_000, 10_700_000),
        (24, 11_200_000, 11_700_000),
        (25, 12_200_000, 12_700_000),
        (26, 13_200_000, 13_700_000),
        (27, 14_200_000, 14_700_000),
        (28, 15_200_000, 15_700_000),
        (29, 16_200_000, 16_700_000),
        (30, 17_200_000, 17_700_000),
        (31, 18_200_000, 18_700_000),
        (32, 19_200_000, 19_700_000),
        (33, 20_200_000, 20_700_000),
    ];
    for period in [
        Period::new(2015, 7),
        Period::new(2026, 12),
        Period::new(9999, 12),
    ] {
        let period = period.unwrap_or_else(|| panic!("a period"));
        let grid = BPU_INCOME_GRID
            .at(period)
            .unwrap_or_else(|| panic!("no grid in {period}"))
            .value;
        assert!(grid.is_provisional(), "D-17: the table stays flagged");
        assert_eq!(grid.brackets().len(), ROWS.len());
        for (i, &(row, from, base)) in ROWS.iter().enumerate() {
            let at = |income: u64| grid.nominal(Rupiah::new(income)).map(Rupiah::get);
            assert_eq!(at(from), Some(base), "row {row} at its low edge {from}");
            if from > 0 {
                assert_ne!(at(from - 1), Some(base), "row {row} starts at {from}");
            }
            match ROWS.get(i + 1) {
                Some(&(_, next, _)) => {
                    assert_eq!(at(next - 1), Some(base), "row {row} up to {}", next - 1)
                }
                None => {
                    assert_eq!(at(1_000_000_000_000), Some(base), "row 33 is open-ended")
                }
            }
        }
    }
    // The worked checks of §4.1: 2,150,000 pays on 2,200,000; 800,000 and
    // the smallest income, Rp1 (D-4), on 1,000,000.
    let grid = BPU_INCOME_GRID.entries[0].value;
    assert_eq!(
        grid.nominal(Rupiah::new(2_150_000)),
        Some(Rupiah::new(2_200_000))
    );
    assert_eq!(
        grid.nominal(Rupiah::new(800_000)),
        Some(Rupiah::new(1_000_000))
    );
    assert_eq!(grid.nominal(Rupiah::new(1)), Some(Rupiah::new(1_000_000)));
}
