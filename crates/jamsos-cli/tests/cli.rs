//! The `jamsos` binary end to end: exit codes, the error object on standard
//! output, the one-line message on standard error, and the pretty output.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use common::run;
use serde_json::Value;

const SAMPLE: &str = include_str!("../../../examples/data/pu-medium-factory.json");

#[test]
fn contribution_json_result() {
    let (code, out, err) = run(&["contribution"], SAMPLE.as_bytes());
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], 1);
    // PP 7/2025 Pasal 4: 0.445% × 12,000,000 = 53,400; JP capped at 10,547,400 (2025-03).
    assert_eq!(v["lines"][0]["amount"], 53_400);
    assert_eq!(v["totals"]["employer"], 53_400 + 36_000 + 444_000 + 210_948);
    assert_eq!(v["totals"]["worker"], 240_000 + 105_474);
    assert_eq!(v["totals"]["government"], 11_000);
}

#[test]
fn pretty_in_both_languages() {
    let (code, out, _) = run(&["contribution", "--pretty"], SAMPLE.as_bytes());
    assert_eq!(code, 0);
    assert!(out.contains("Rp10.547.400"), "{out}");
    assert!(
        out.contains("pemberi kerja") && out.contains("Jatuh tempo: 2025-05-15"),
        "{out}"
    );
    let (_, out, _) = run(
        &["contribution", "--pretty", "--lang", "en"],
        SAMPLE.as_bytes(),
    );
    assert!(
        out.contains("employer") && out.contains("Due date: 2025-05-15"),
        "{out}"
    );
    let (code, out, _) = run(
        &["eligibility", "--pretty", "--lang", "en"],
        SAMPLE.as_bytes(),
    );
    assert_eq!(code, 0);
    assert!(out.contains("Reaches pension age on: 2055-05-17"), "{out}");
}

#[test]
fn eligibility_json_result() {
    let (code, out, _) = run(&["eligibility"], SAMPLE.as_bytes());
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    // D-10: born 1990-05-17, pension age 65 from 2043 → 2055-05-17; D-11: last JP period 2055-04.
    assert_eq!(v["pension_age_reached_on"], "2055-05-17");
    assert_eq!(v["last_jp_period"], "2055-04");
    assert_eq!(v["jkp_participant"], true);
    assert_eq!(v["programs"].as_array().unwrap().len(), 5);
}

fn error_of(stdin: &str) -> (Value, String) {
    let (code, out, err) = run(&["contribution"], stdin.as_bytes());
    assert_eq!(code, 2, "{out}");
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    (v["error"].clone(), err)
}

fn case_with(field: &str, value: &str) -> String {
    let base = r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 3, "scale": "medium"}}"#;
    let mut v: Value = serde_json::from_str(base).unwrap();
    v["participant"][field] = serde_json::from_str(value).unwrap();
    v.to_string()
}

#[test]
fn invalid_input_exits_2_naming_the_field() {
    let cases = [
        (
            case_with("risk_class", "6"),
            "invalid_risk_class",
            "participant.risk_class",
        ),
        (
            case_with("wage", "-1"),
            "invalid_amount",
            "participant.wage",
        ),
        (
            case_with("wage", "\"5000000\""),
            "invalid_type",
            "participant.wage",
        ),
        (
            case_with("wage", "5000000.0"),
            "invalid_type",
            "participant.wage",
        ),
        (case_with("wage", "5e6"), "invalid_type", "participant.wage"),
        (
            case_with("wage", "999999"),
            "wage_below_floor",
            "participant.wage",
        ),
        (
            case_with("salary", "1"),
            "unknown_field",
            "participant.salary",
        ),
        (
            case_with("income", "1000000"),
            "field_not_applicable",
            "participant.income",
        ),
        (
            case_with("birth_date", "\"1990-02-30\""),
            "invalid_date",
            "participant.birth_date",
        ),
        (
            case_with("scale", "\"huge\""),
            "invalid_value",
            "participant.scale",
        ),
    ];
    for (input, code, field) in cases {
        let (e, _) = error_of(&input);
        assert_eq!(e["code"], code, "{input}");
        assert_eq!(e["field"], field, "{input}");
        assert!(!e["message"].as_str().unwrap().is_empty());
    }
    let (e, _) = error_of(
        r#"{"period": "2015-06", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 3, "scale": "medium"}}"#,
    );
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("period_out_of_range"), Some("period"))
    );
    let (e, _) = error_of("{\"period\": ");
    assert_eq!(e["code"], "invalid_json");
    let (e, _) = error_of("{\"period\": \"2025-04\", \"period\": \"2025-05\"}");
    assert_eq!(e["code"], "invalid_json");
}

#[test]
fn hostile_bytes_never_panic() {
    for input in [
        &b"\xff\xfe"[..],
        b"",
        b"[]",
        b"null",
        b"{\"participant\": []}",
        &[b'['; 5000],
    ] {
        let (code, out, err) = run(&["contribution"], input);
        assert_eq!(code, 2, "{out} {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// `jamsos projection` (CONTRACT.md §6, D-36): the contract's example, its
/// readable form, and a category without a JHT to project.
#[test]
fn projection_json_pretty_and_not_available() {
    let doc = br#"{"projection": "jht", "start": "2026-01", "months": 120, "opening_balance": 0,
      "wage_growth": "0.05", "yield": "0.06",
      "participant": {"category": "pu", "birth_date": "1995-03-01", "wage": 5000000, "risk_class": 2, "scale": "large"}}"#;
    let (code, out, err) = run(&["projection"], doc);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    // Year 1: 12 × 285,000 (JHT 5.7%) and 95,637 of yield at 0.5% a month.
    assert_eq!(v["years"][0]["contributions"], 3_420_000);
    assert_eq!(v["years"][0]["returns"], 95_637);
    assert_eq!(v["years"][0]["balance"], 3_515_637);
    assert_eq!(v["end"], "2035-12");
    let (code, out, _) = run(&["projection", "--pretty"], doc);
    assert_eq!(code, 0);
    assert!(
        out.contains("Perkiraan saldo JHT") && out.contains("Rp3.515.637"),
        "{out}"
    );
    let pmi = br#"{"projection": "jht", "start": "2026-01", "months": 12, "wage_growth": "0", "yield": "0",
      "participant": {"category": "pmi", "channel": "agency", "contract_months": 24}}"#;
    let (code, out, err) = run(&["projection"], pmi);
    assert_eq!(code, 2);
    assert!(
        out.contains(r#""code":"projection_not_available""#),
        "{out}"
    );
    assert!(err.starts_with("jamsos: projection_not_available"), "{err}");
}

/// A NIK in a case is checked and never echoed past its sixth digit, on
/// standard output or standard error (D-37).
#[test]
fn an_invalid_nik_is_not_echoed() {
    let case = br#"{"period": "2025-04", "participant": {"category": "bpu", "income": 2000000,
      "birth_date": "1990-05-17", "nik": "3201121805900001"}}"#;
    let (code, out, err) = run(&["contribution"], case);
    assert_eq!(code, 2);
    assert!(out.contains(r#""code":"invalid_nik""#), "{out}");
    for text in [&out, &err] {
        assert!(text.contains("320112…"), "{text}");
        assert!(!text.contains("1805900001"), "{text}");
    }
}
