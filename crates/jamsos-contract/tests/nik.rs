//! The NIK through the contract (D-37, CONTRACT.md §1 and §2): optional on every
//! category, it changes no amount or status; `invalid_nik` is checked after
//! every other value; a message never shows more than the first six digits;
//! the roster's `nik` column goes through the same checks.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use jamsos_contract::{Command, Settings, Status, respond};
use serde_json::{Value, json};

/// A hand-worked valid NIK for each case below: 3201 12 (Kabupaten Bogor),
/// 170590 (a man born 1990-05-17), serial 0001.
const MAN: &str = "3201121705900001";

fn answer(command: Command, doc: &Value) -> (Status, Value) {
    let a = respond(command, &doc.to_string(), &Settings::default());
    (a.status, serde_json::from_str(&a.json).unwrap())
}

fn cases() -> Vec<Value> {
    vec![
        json!({"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17",
            "wage": 7500000, "risk_class": 3, "scale": "small", "registered_on": "2015-01-05", "jkn_member": true}}),
        json!({"period": "2026-10", "participant": {"category": "bpu", "birth_date": "1990-05-17",
            "income": 2150000, "opt_in": ["jht"]}, "options": {"months": 3}}),
        json!({"period": "2025-04", "participant": {"category": "jakon", "birth_date": "1990-05-17",
            "method": "contract", "contract_value": 1500000000}}),
        json!({"period": "2025-04", "participant": {"category": "pmi", "birth_date": "1990-05-17",
            "channel": "agency", "contract_months": 12, "jht_monthly": 100000}}),
    ]
}

#[test]
fn a_valid_nik_changes_no_amount_or_status_in_any_category() {
    for case in cases() {
        let mut with = case.clone();
        with["participant"]["nik"] = json!(MAN);
        for command in [Command::Contribution, Command::Eligibility] {
            let (s0, plain) = answer(command, &case);
            let (s1, given) = answer(command, &with);
            assert_eq!((s0, s1), (Status::Ok, Status::Ok), "{given}");
            assert_eq!(plain, given, "D-37: the NIK changes nothing");
        }
    }
}

#[test]
fn an_invalid_nik_in_any_category_is_invalid_nik_and_shows_six_digits_at_most() {
    // Born the 18th by the NIK, the 17th by birth_date: the rest of the
    // number is right.
    let bad = "3201121805900001";
    for case in cases() {
        let mut with = case.clone();
        with["participant"]["nik"] = json!(bad);
        let a = respond(
            Command::Contribution,
            &with.to_string(),
            &Settings::default(),
        );
        assert_eq!(a.status, Status::InvalidInput);
        let e = a.error.unwrap();
        assert_eq!(e.code.code(), "invalid_nik", "{}", e.message);
        assert_eq!(e.field.as_deref(), Some("participant.nik"));
        assert!(e.message.contains("\"320112…\""), "{}", e.message);
        for leak in ["1805", "3201121", "0001"] {
            assert!(!a.json.contains(leak), "{leak} in {}", a.json);
        }
    }
}

/// D-37: "checked last". Each case has a bad NIK and one other error; the
/// other error is reported, whatever step of the contract's order it is.
#[test]
fn every_other_error_wins_over_invalid_nik() {
    let nik = json!("99");
    let cases = [
        // Required field.
        (
            json!({"period": "2025-04", "participant": {"category": "bpu", "nik": nik}}),
            "missing_field",
        ),
        // Options.
        (
            json!({"period": "2025-04", "participant": {"category": "bpu", "income": 2000000, "nik": nik}, "options": {"months": 2}}),
            "invalid_months",
        ),
        // Period range.
        (
            json!({"period": "2015-06", "participant": {"category": "bpu", "income": 2000000, "nik": nik}}),
            "period_out_of_range",
        ),
        // A value (D-4).
        (
            json!({"period": "2025-04", "participant": {"category": "bpu", "income": 0, "nik": nik}}),
            "invalid_amount",
        ),
        (
            json!({"period": "2025-04", "participant": {"category": "bpu", "income": 2000000, "sector": "ojek", "nik": nik}}),
            "invalid_value",
        ),
        // The assessment's own checks (D-8, D-7a, D-25).
        (
            json!({"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 999999, "risk_class": 1, "scale": "large", "nik": nik}}),
            "wage_below_floor",
        ),
        (
            json!({"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": 1, "scale": "large", "registered_on": "1980-01-01", "nik": nik}}),
            "invalid_date",
        ),
        (
            json!({"period": "2018-04", "participant": {"category": "pmi", "channel": "agency", "contract_months": 24, "nik": nik}}),
            "period_out_of_range",
        ),
    ];
    for (case, code) in cases {
        for command in [Command::Contribution, Command::Eligibility] {
            if command == Command::Eligibility && code == "invalid_months" {
                continue; // eligibility ignores options.months (CONTRACT.md §3)
            }
            let (status, doc) = answer(command, &case);
            assert_eq!(status, Status::InvalidInput, "{case}");
            assert_eq!(doc["error"]["code"], json!(code), "{case}: {doc}");
        }
        // Without the other error, the NIK's is what remains.
    }
    let (_, doc) = answer(
        Command::Contribution,
        &json!({"period": "2025-04", "participant": {"category": "bpu", "income": 2000000, "nik": nik}}),
    );
    assert_eq!(doc["error"]["code"], json!("invalid_nik"));
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("\"99\" is not a valid NIK: a NIK has exactly 16 digits, not 2 characters")
    );
}

/// The roster's `nik` column (CONTRACT.md §2): valid rows are `ok` with the
/// amounts they have without it; an invalid NIK is an error row that names
/// the problem and shows no more than six digits; another error wins.
#[test]
fn the_roster_nik_column() {
    let roster = "id,category,birth_date,income,nik,wage,risk_class,scale\n\
        a,bpu,1990-05-17,2000000,3201121705900001,,,\n\
        b,bpu,1990-05-17,2000000,,,,\n\
        c,bpu,1990-05-17,2000000,3201121705900000,,,\n\
        d,bpu,,0,3201121705900000,,,\n\
        e,pu,1990-05-17,,3201121705900001,5000000,1,large\n\
        f,pu,1990-05-18,,3201121705900001,5000000,1,large\n";
    let mut out = Vec::new();
    let config = jamsos_batch::Config::new("2025-07".parse().unwrap());
    jamsos_batch::run(roster.as_bytes(), &mut out, &config).unwrap();
    let out = String::from_utf8(out).unwrap();
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 7, "{out}");
    let rest = |row: &str| row.split_once(',').unwrap().1.to_owned();
    assert!(rows[1].starts_with("a,ok,"), "{out}");
    assert_eq!(rest(rows[1]), rest(rows[2]), "the NIK changes no amount");
    assert!(rows[3].starts_with("c,error,invalid_nik,"), "{out}");
    assert!(rows[3].contains("digits 13-16 (serial number) may not be 0000"));
    assert!(rows[4].starts_with("d,error,invalid_amount,"), "{out}");
    assert!(rows[5].starts_with("e,ok,"), "{out}");
    assert!(rows[6].starts_with("f,error,invalid_nik,"), "{out}");
    assert!(
        !out.contains("1705900"),
        "no NIK beyond six digits in the output"
    );
}
