//! Runs the programs in `examples/` so they never rot.
#![allow(clippy::unwrap_used, reason = "tests")]

#[path = "../../../examples/payslip.rs"]
mod payslip;

#[test]
fn payslip() {
    // JHT 2% of 7,250,000 = 145,000; JP 1% of 7,250,000 (below the 2026-03
    // ceiling of 11,086,300) = 72,500 (PP 46/2015, PP 45/2015).
    assert_eq!(payslip::slip().unwrap(), 145_000 + 72_500);
}
