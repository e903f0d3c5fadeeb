//! `jamsos benefit` and `jamsos fine` end to end: exit 0 with the JSON answer
//! (also for claims that are not payable, D-35), exit 2 with the contract's
//! error object and a one-line message for malformed input, and the readable
//! breakdown in both languages.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    common::run(args, stdin.as_bytes())
}

const JKP: &str = r#"{"benefit": "jkp", "claim_date": "2025-06-01", "dismissal_date": "2025-05-10",
  "reason": "dismissal", "wage": 7500000, "months_paid_last_24": 20,
  "consecutive_months_before_dismissal": 20}"#;

const FINE: &str =
    r#"{"category": "pu", "period": "2025-01", "amount": 1000000, "paid_on": "2025-03-10"}"#;

fn expect_error(args: &[&str], stdin: &str, code: &str, field: Option<&str>) {
    let (status, out, err) = run(args, stdin);
    assert_eq!(status, 2, "{stdin}: {out}");
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err}");
    assert!(err.starts_with("jamsos: "), "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["error"]["code"], code, "{stdin}");
    assert_eq!(v["error"]["field"].as_str(), field, "{stdin}");
    assert!(!v["error"]["message"].as_str().unwrap().is_empty());
}

#[test]
fn benefit_payable_exits_0() {
    let (code, out, err) = run(&["benefit"], JKP);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["benefit"], "jkp");
    assert_eq!(v["eligible"], true);
    assert_eq!(v["earliest_claim_date"], "2025-05-10");
    // PP 6/2025 Pasal 21: 60% of the wage capped at 5,000,000, for six months.
    assert_eq!(v["payments"].as_array().unwrap().len(), 6);
    assert_eq!(v["payments"][0]["label"], "month 1");
    assert_eq!(v["payments"][5]["label"], "month 6");
    assert_eq!(v["payments"][0]["kind"], "monthly");
    assert_eq!(v["payments"][0]["amount"], 3_000_000);
    assert_eq!(v["payments"][0]["rule"], "jkp.benefit.pp6_2025");
    assert_eq!(v["payments"][0]["source"], "PP 6/2025 Pasal 21");
    assert_eq!(v["total"], 18_000_000);
    assert_eq!(v["reasons"], Value::Array(vec![]));
    assert_eq!(v["notes"], Value::Array(vec![]));
}

#[test]
fn benefit_not_payable_still_exits_0() {
    // D-35: a well-formed claim the rules do not pay is an answer, not an error.
    let late = JKP.replace("2025-06-01", "2025-11-11");
    let (code, out, _) = run(&["benefit"], &late);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["eligible"], false);
    assert_eq!(v["reasons"][0]["code"], "claim_window_expired");
    assert_eq!(v["payments"], Value::Array(vec![]));
    assert_eq!(v["total"], 0);
}

#[test]
fn malformed_claims_exit_2() {
    expect_error(&["benefit"], "{\"benefit\": ", "invalid_json", None);
    expect_error(&["benefit"], "[]", "invalid_type", None);
    expect_error(
        &["benefit"],
        &JKP.replace("\"jkp\"", "\"jkn\""),
        "invalid_value",
        Some("benefit"),
    );
    expect_error(
        &["benefit"],
        &JKP.replace("\"wage\"", "\"salary\""),
        "unknown_field",
        Some("salary"),
    );
    expect_error(
        &["benefit"],
        &JKP.replace("\"wage\"", "\"balance\""),
        "field_not_applicable",
        Some("balance"),
    );
    expect_error(
        &["benefit"],
        &JKP.replace("\"2025-05-10\"", "\"2025-02-30\""),
        "invalid_date",
        Some("dismissal_date"),
    );
    expect_error(
        &["benefit"],
        &JKP.replace("\"months_paid_last_24\": 20", "\"months_paid_last_24\": -3"),
        "invalid_value",
        Some("months_paid_last_24"),
    );
    expect_error(
        &["benefit"],
        &JKP.replace("7500000", "7500000.0"),
        "invalid_type",
        Some("wage"),
    );
    expect_error(
        &["benefit"],
        r#"{"benefit": "jkk", "claim_date": "2020-01-01", "event": "death", "event_date": "2019-11-30", "wage": 5000000}"#,
        "period_out_of_range",
        Some("event_date"),
    );
}

#[test]
fn benefit_pretty_in_both_languages() {
    let (code, out, _) = run(&["benefit", "--pretty"], JKP);
    assert_eq!(code, 0);
    assert!(
        out.contains("Rp3.000.000") && out.contains("Rp18.000.000"),
        "{out}"
    );
    assert!(out.contains("dapat dibayar"), "{out}");
    let (code, out, _) = run(&["benefit", "--pretty", "--lang", "en"], JKP);
    assert_eq!(code, 0);
    assert!(
        out.contains("Decision: payable") && out.contains("month 6"),
        "{out}"
    );
    let resigned = JKP.replace("\"reason\": \"dismissal\"", "\"reason\": \"resignation\"");
    let (code, out, _) = run(&["benefit", "--pretty", "--lang", "en"], &resigned);
    assert_eq!(code, 0);
    assert!(
        out.contains("not payable") && out.contains("excluded_reason"),
        "{out}"
    );
}

#[test]
fn fine_exits_0_with_the_answer() {
    let (code, out, err) = run(&["fine"], FINE);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    // CONTRACT.md §5: due Monday 2025-02-17, one started month late, 2%.
    assert_eq!(v["version"], 1);
    assert_eq!(v["due_date"], "2025-02-17");
    assert_eq!(v["months_late"], 1);
    assert_eq!(v["fine"], 20_000);
    assert_eq!(v["rule"], "pu.fine.late");
    let (code, out, _) = run(
        &["fine"],
        r#"{"category": "pmi", "period": "2025-04", "amount": 370000, "paid_on": "2026-01-01"}"#,
    );
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["due_date"], Value::Null);
    assert_eq!(v["fine"], 0);
}

#[test]
fn malformed_fines_exit_2() {
    expect_error(&["fine"], "nope", "invalid_json", None);
    expect_error(
        &["fine"],
        &FINE.replace("\"pu\"", "\"pns\""),
        "invalid_value",
        Some("category"),
    );
    expect_error(
        &["fine"],
        &FINE.replace("2025-01", "2025-1"),
        "invalid_period",
        Some("period"),
    );
    expect_error(
        &["fine"],
        &FINE.replace("2025-01", "2015-06"),
        "period_out_of_range",
        Some("period"),
    );
    expect_error(
        &["fine"],
        &FINE.replace("1000000", "0"),
        "invalid_amount",
        Some("amount"),
    );
    expect_error(
        &["fine"],
        &FINE.replace("\"paid_on\"", "\"paid\""),
        "unknown_field",
        Some("paid"),
    );
    expect_error(
        &["fine"],
        r#"{"category": "pu", "period": "2025-01", "amount": 1000000}"#,
        "missing_field",
        Some("paid_on"),
    );
}

#[test]
fn fine_pretty() {
    let (code, out, _) = run(&["fine", "--pretty"], FINE);
    assert_eq!(code, 0);
    assert!(
        out.contains("Jatuh tempo: 2025-02-17") && out.contains("Rp20.000"),
        "{out}"
    );
    let (_, out, _) = run(&["fine", "--pretty", "--lang", "en"], FINE);
    assert!(
        out.contains("Due date: 2025-02-17") && out.contains("Months late: 1"),
        "{out}"
    );
}
