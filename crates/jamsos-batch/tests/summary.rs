//! `Config::summary`: without it a batch adds up only `Summary::all`, with
//! the same rows, errors and payer totals as the whole summary, and the
//! same output bytes.
#![allow(clippy::unwrap_used, reason = "tests")]

use jamsos_batch::{Config, Summary, Tally};

fn run(roster: &[u8], summary: bool) -> (Vec<u8>, Summary) {
    let mut config = Config::new("2026-04".parse().unwrap());
    config.summary = summary;
    let mut out = Vec::new();
    let s = jamsos_batch::run(roster, &mut out, &config).unwrap();
    (out, s)
}

#[test]
fn without_the_summary_only_the_totals_are_added_up() {
    let mut roster = Vec::new();
    jamsos_batch::sample::write_roster(&mut roster, 5_000, 3).unwrap();
    // Two error rows among them: an unknown category and a missing id.
    roster
        .extend_from_slice(b",bpu,,,,,,,,,,,,,1000000,,,,,,,,,\nX1,farmer,,,,,,,,,,,,,,,,,,,,,,\n");
    let (full_out, full) = run(&roster, true);
    let (lean_out, lean) = run(&roster, false);
    assert!(
        full_out == lean_out,
        "the output does not depend on the summary"
    );
    assert_eq!(full.all.rows, 5_002);
    assert_eq!(full.all.errors, 2);
    assert_eq!(lean.all, full.all);
    assert!(full.categories.iter().any(|t| t.ok > 0));
    assert_eq!(lean.categories, [Tally::default(); 4]);
    assert_eq!(lean.amounts, [0; 18]);
    assert!(lean.error_codes.is_empty());
}
