//! Audits every table: sorted with no duplicate dates, non-empty, and every
//! cited instrument listed in docs/RULES.md (STYLE.md "Rules as data").

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
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/RULES.md");
    let registry = std::fs::read_to_string(path).unwrap_or_default();
    assert!(!registry.is_empty(), "docs/RULES.md is missing");
    for table in TABLES {
        for i in 0..table.len() {
            let source = table.source(i);
            assert!(source.is_some(), "{} row {i}", table.name());
            if let Some(source) = source {
                let cited = format!("`{}`", source.instrument);
                assert!(
                    registry.contains(&cited),
                    "{} cites {cited}, which docs/RULES.md does not list",
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
