//! Regression tests for bugs the fuzz targets found (fuzz/, docs/FUZZING.md).
//! Each input is also replayed by `fuzz/tests/replay.rs` from
//! `fuzz/regressions/<target>/`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use jamsos_contract::{self as contract, Command, Settings, Status, respond};

/// `contract_bytes` (fuzz/regressions/contract_bytes/jp-pension-date-after-9999,
/// jht-pension-date-after-9999, pu-pension-date-after-9999).
///
/// The contract writes dates as `YYYY-MM-DD`, and jamsos reads only years
/// 0001…9999. A person born late enough reaches pension age after
/// 9999-12-31: `jamsos_core::anniversary` (born 9966-03-10, JP pension age 65)
/// returned chrono's year 10031, which the result documents printed as
/// `"earliest_claim_date": "+10031-03-10"` (benefit) and
/// `"pension_age_reached_on": "+10055-01-01"` with a clamped
/// `"last_jp_period": "9998-12"` (eligibility): not contract dates, and a
/// reader of the contract would refuse them. The same held for the waiting
/// periods of benefit claims (`add_months` in jamsos-eligibility's benefit
/// module, whose doc already promised `None` past the calendar's end, but
/// used chrono's end, year 262143). Fixed: both give `None` after
/// 9999-12-31, so the date is `null` ("no date would make it payable") and
/// the pension age counts as not reached within the calendar.
#[test]
fn dates_past_9999_are_null_not_five_digit_years() {
    // Born 9966-03-10: pension age 65 (PP 45/2015 from 2043 on) falls in 10031.
    let jp = r#"{"benefit":"jp","claim_date":"2025-06-01","birth_date":"9966-03-10",
        "contribution_months":120,"average_wage":3000000,"lump_sum":45000000}"#;
    let r = contract::benefit(jp).unwrap();
    assert!(!r.eligible);
    assert_eq!(r.reasons[0].code, "pension_age_not_reached");
    assert_eq!(r.earliest_claim_date, None);
    assert_eq!(r.total, 0);

    // JHT at pension age (56, Permenaker 4/2022) for someone born in 9990:
    // 10046, past the calendar.
    let jht = r#"{"benefit":"jht","claim_date":"9999-06-01","trigger":"pension_age",
        "membership_start":"9990-01-01","birth_date":"9990-01-01"}"#;
    let r = contract::benefit(jht).unwrap();
    assert!(!r.eligible);
    assert_eq!(r.earliest_claim_date, None);

    // A PU worker in 9999-01 born 9990-01-01: no pension date in the
    // calendar, so no last JP period, and JP stays mandatory (D-11).
    let pu = r#"{"period":"9999-01","participant":{"category":"pu","birth_date":"9990-01-01",
        "wage":5000000,"risk_class":1,"scale":"large"}}"#;
    let r = contract::eligibility(pu).unwrap();
    assert_eq!(r.pension_age_reached_on, None);
    assert_eq!(r.last_jp_period, None);
    let jp_status = r
        .programs
        .iter()
        .find(|p| p.program.code() == "jp")
        .unwrap();
    assert_eq!(jp_status.status.code(), "mandatory");

    // No command writes a year with more than four digits for these inputs.
    for (command, input) in [
        (Command::Benefit, jp),
        (Command::Benefit, jht),
        (Command::Eligibility, pu),
    ] {
        let answer = respond(command, input, &Settings::default());
        assert_eq!(answer.status, Status::Ok);
        assert!(!answer.json.contains("\"+"), "{}", answer.json);
    }
}

/// The same for a waiting period that ends after 9999-12-31: resigning on
/// 9999-12-15, JHT opens one month later (Permenaker 4/2022), in 10000.
#[test]
fn a_waiting_period_past_9999_has_no_earliest_date() {
    let jht = r#"{"benefit":"jht","claim_date":"9999-12-31","trigger":"resignation",
        "event_date":"9999-12-15","membership_start":"2000-01-01"}"#;
    let answer = respond(Command::Benefit, jht, &Settings::default());
    assert_eq!(answer.status, Status::Ok, "{}", answer.json);
    let r = contract::benefit(jht).unwrap();
    assert!(!r.eligible, "{}", answer.json);
    assert_eq!(r.earliest_claim_date, None, "{}", answer.json);
}
