//! Every error code of the contract (CONTRACT.md §1 "Codes", `docs/ERRORS.md`)
//! is produced by at least one input here, through the contract's own entry
//! point ([`respond`], exactly what the command line prints), and each error
//! names its field and says what was wrong (the offending value) and what is
//! allowed. The set of codes produced must equal [`ErrorCode::ALL`], so a new
//! code without a test fails; and every example in `docs/ERRORS.md` is run
//! and must print exactly the document shown there.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::collections::BTreeSet;
use std::path::Path;

use jamsos_contract::{
    Command, ErrorCode, IncomeBracket, IncomeGrid, Settings, Status, respond, respond_bytes,
};
use jamsos_core::Rupiah;
use serde_json::Value;

/// One invalid input: the command, the document, the code and field it must
/// give, and words the message must contain (the offending value and what
/// is allowed).
struct Case {
    command: Command,
    input: &'static str,
    code: &'static str,
    field: Option<&'static str>,
    says: &'static [&'static str],
}

const fn case(
    command: Command,
    input: &'static str,
    code: &'static str,
    field: Option<&'static str>,
    says: &'static [&'static str],
) -> Case {
    Case {
        command,
        input,
        code,
        field,
        says,
    }
}

use Command::{Benefit, Contribution, Eligibility, Fine, Projection};

/// The cases, in the contract's order of codes.
/// A caller's official grid with limits, Rp1,000,000 to Rp20,700,000,
/// paying on the declared income (D-17): the one way to an income out of
/// range. `docs/ERRORS.md` shows it as `--income-grid grid.csv`.
const GRID: [IncomeBracket; 1] = [IncomeBracket {
    from: Rupiah::new(1_000_000),
    to: Some(Rupiah::new(20_700_000)),
    nominal: None,
}];

/// The settings every case here runs with: the grid above.
fn settings() -> Settings<'static> {
    Settings {
        income_grid: Some(IncomeGrid::official(&GRID).unwrap()),
    }
}

fn cases() -> Vec<Case> {
    vec![
        // invalid_json: syntax (no field), a duplicate key (its path).
        case(
            Contribution,
            r#"{"period": "2025-04",}"#,
            "invalid_json",
            None,
            &["byte 21", "RFC 8259"],
        ),
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "pu", "wage": 1, "wage": 2}}"#,
            "invalid_json",
            Some("participant.wage"),
            &["duplicate key \"participant.wage\"", "once"],
        ),
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 05000000}}"#,
            "invalid_json",
            None,
            &["byte", "leading zeros"],
        ),
        case(
            Fine,
            "",
            "invalid_json",
            None,
            &["end of input", "JSON document"],
        ),
        // unknown_field: top level, participant (listing the category's fields),
        // options, claim, fine.
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 2000000}, "month": 3}"#,
            "unknown_field",
            Some("month"),
            &["\"month\"", "period, participant, options"],
        ),
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "incom": 2000000}}"#,
            "unknown_field",
            Some("participant.incom"),
            &["participant.incom", "a bpu participant has", "income"],
        ),
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 2000000}, "options": {"prepay": 3}}"#,
            "unknown_field",
            Some("options.prepay"),
            &["options.prepay", "jp_for_foreigners, months, holidays"],
        ),
        case(
            Benefit,
            r#"{"benefit": "jkm", "claim_date": "2025-01-01", "salary": 1}"#,
            "unknown_field",
            Some("salary"),
            &["\"salary\"", "claim_date", "death_date"],
        ),
        case(
            Fine,
            r#"{"category": "pu", "period": "2025-01", "amount": 1, "paid_on": "2025-03-10", "rate": "0.02"}"#,
            "unknown_field",
            Some("rate"),
            &["\"rate\"", "category, period, amount, paid_on, holidays"],
        ),
        // field_not_applicable.
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 2000000, "wage": 2000000}}"#,
            "field_not_applicable",
            Some("participant.wage"),
            &["participant.wage", "category bpu", "income"],
        ),
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "jakon", "method": "contract", "contract_value": 1000000, "wage": 5000000}}"#,
            "field_not_applicable",
            Some("participant.wage"),
            &["method contract", "method contract takes contract_value"],
        ),
        case(
            Benefit,
            r#"{"benefit": "jkm", "claim_date": "2025-01-01", "event": "death"}"#,
            "field_not_applicable",
            Some("event"),
            &["event", "jkm claim", "death_date", "children"],
        ),
        // missing_field.
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "scale": "medium"}}"#,
            "missing_field",
            Some("participant.risk_class"),
            &["participant.risk_class", "1 (very low) to 5 (very high)"],
        ),
        case(
            Contribution,
            r#"{"participant": {"category": "bpu", "income": 2000000}}"#,
            "missing_field",
            Some("period"),
            &["period", "YYYY-MM"],
        ),
        case(
            Benefit,
            r#"{"benefit": "jp", "claim_date": "2025-01-01", "birth_date": "1960-01-01", "contribution_months": 200}"#,
            "missing_field",
            Some("average_wage"),
            &["average_wage", "a JSON integer"],
        ),
        case(
            Fine,
            r#"{"category": "pu", "period": "2025-01", "amount": 1000000}"#,
            "missing_field",
            Some("paid_on"),
            &["paid_on", "YYYY-MM-DD"],
        ),
        // invalid_type: money as a decimal, an exponent, a string.
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 5000000.0}}"#,
            "invalid_type",
            Some("participant.income"),
            &["5000000.0", "a JSON integer"],
        ),
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 5e6}}"#,
            "invalid_type",
            Some("participant.income"),
            &["5e6", "a JSON integer"],
        ),
        case(
            Eligibility,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": "5000000"}}"#,
            "invalid_type",
            Some("participant.income"),
            &["\"5000000\"", "a JSON integer"],
        ),
        case(
            Fine,
            r#"{"category": "pu", "period": "2025-01", "amount": 1000000, "paid_on": "2025-03-10", "holidays": "2025-02-17"}"#,
            "invalid_type",
            Some("holidays"),
            &["holidays", "an array of dates"],
        ),
        // invalid_value.
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": 3, "scale": "huge"}}"#,
            "invalid_value",
            Some("participant.scale"),
            &["\"huge\"", "micro, small, medium, large"],
        ),
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "pns"}}"#,
            "invalid_value",
            Some("participant.category"),
            &["\"pns\"", "pu, bpu, jakon, pmi"],
        ),
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 2000000, "opt_in": ["jkk_jkm"]}}"#,
            "invalid_value",
            Some("participant.opt_in"),
            &["\"jkk_jkm\"", "jkk, jkm, jht, jp, jkp"],
        ),
        case(
            Benefit,
            r#"{"benefit": "jkp", "claim_date": "2025-06-01", "dismissal_date": "2025-05-10", "reason": "dismissal", "wage": 5000000, "months_paid_last_24": 10, "consecutive_months_before_dismissal": 12}"#,
            "invalid_value",
            Some("months_paid_last_24"),
            &["10", "at least consecutive_months_before_dismissal (12)"],
        ),
        // invalid_date: a day that does not exist, a date that cannot be true
        // (D-7a), a holiday.
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "2023-02-29", "wage": 5000000, "risk_class": 3, "scale": "medium"}}"#,
            "invalid_date",
            Some("participant.birth_date"),
            &["\"2023-02-29\"", "YYYY-MM-DD"],
        ),
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "2025-05-01", "wage": 5000000, "risk_class": 3, "scale": "medium"}}"#,
            "invalid_date",
            Some("participant.birth_date"),
            &["2025-05-01", "on or before 2025-04-30", "D-7a"],
        ),
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "registered_on": "1990-05-16", "wage": 5000000, "risk_class": 3, "scale": "medium"}}"#,
            "invalid_date",
            Some("participant.registered_on"),
            &["1990-05-16", "on or after the birth date"],
        ),
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 2000000}, "options": {"holidays": ["2025-04-18", "2025-04-31"]}}"#,
            "invalid_date",
            Some("options.holidays"),
            &["options.holidays[1] \"2025-04-31\"", "YYYY-MM-DD"],
        ),
        case(
            Benefit,
            r#"{"benefit": "jht", "trigger": "resignation", "claim_date": "2025-01-01", "event_date": "2010-01-01", "membership_start": "2015-01-01"}"#,
            "invalid_date",
            Some("event_date"),
            &["2010-01-01", "on or after membership_start"],
        ),
        // invalid_period.
        case(
            Contribution,
            r#"{"period": "2025-4", "participant": {"category": "bpu", "income": 2000000}}"#,
            "invalid_period",
            Some("period"),
            &["\"2025-4\"", "YYYY-MM", "01 to 12"],
        ),
        case(
            Fine,
            r#"{"category": "pu", "period": "2025-13", "amount": 1000000, "paid_on": "2025-03-10"}"#,
            "invalid_period",
            Some("period"),
            &["\"2025-13\"", "01 to 12"],
        ),
        // period_out_of_range (D-6, D-25), and the calendar's end.
        case(
            Contribution,
            r#"{"period": "2015-06", "participant": {"category": "bpu", "income": 2000000}}"#,
            "period_out_of_range",
            Some("period"),
            &["2015-06", "2015-07", "D-6"],
        ),
        case(
            Contribution,
            r#"{"period": "2018-12", "participant": {"category": "pmi", "channel": "agency", "contract_months": 24}}"#,
            "period_out_of_range",
            Some("period"),
            &["2018-12", "from 2019-01"],
        ),
        case(
            Contribution,
            r#"{"period": "9999-12", "participant": {"category": "jakon", "method": "wage", "wage": 5000000}}"#,
            "period_out_of_range",
            Some("period"),
            &["9999-12", "9999-12-31", "up to 9999-11"],
        ),
        case(
            Benefit,
            r#"{"benefit": "jkk", "event": "death", "claim_date": "2020-01-01", "event_date": "2019-11-30", "wage": 5000000}"#,
            "period_out_of_range",
            Some("event_date"),
            &["2019-11-30", "older rules are not encoded"],
        ),
        // wage_below_floor (D-8).
        case(
            Contribution,
            r#"{"period": "2023-01", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 999999, "risk_class": 3, "scale": "medium"}}"#,
            "wage_below_floor",
            Some("participant.wage"),
            &["999999", "floor of 1000000", "D-8"],
        ),
        // invalid_amount (D-4): zero, negative, negative zero.
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "jakon", "method": "wage", "wage": 0}}"#,
            "invalid_amount",
            Some("participant.wage"),
            &["participant.wage 0", "at least 1"],
        ),
        case(
            Fine,
            r#"{"category": "pu", "period": "2025-01", "amount": -5, "paid_on": "2025-03-10"}"#,
            "invalid_amount",
            Some("amount"),
            &["amount -5", "at least 1"],
        ),
        case(
            Benefit,
            r#"{"benefit": "jkk", "event": "death", "claim_date": "2025-01-01", "event_date": "2024-12-01", "wage": -0}"#,
            "invalid_amount",
            Some("wage"),
            &["wage -0", "at least 1"],
        ),
        // amount_out_of_range (D-4).
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "jakon", "method": "contract", "contract_value": 100000000000001}}"#,
            "amount_out_of_range",
            Some("participant.contract_value"),
            &["100000000000001", "from 1 to 100000000000000"],
        ),
        case(
            Benefit,
            r#"{"benefit": "jht", "trigger": "death", "claim_date": "2025-01-01", "event_date": "2024-12-01", "membership_start": "2010-01-01", "balance": 100000000000001}"#,
            "amount_out_of_range",
            Some("balance"),
            &["100000000000001", "from 1 to 100000000000000"],
        ),
        // income_out_of_range (D-17): only a caller's grid has limits (see
        // `settings`); the built-in table holds every income.
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 20700001}}"#,
            "income_out_of_range",
            Some("participant.income"),
            &["20700001", "1000000 to 20700000"],
        ),
        // invalid_risk_class.
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": 0, "scale": "medium"}}"#,
            "invalid_risk_class",
            Some("participant.risk_class"),
            &["risk class 0", "1 (very low) to 5 (very high)"],
        ),
        // invalid_months (D-19).
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 2000000}, "options": {"months": 2}}"#,
            "invalid_months",
            Some("options.months"),
            &["options.months 2", "1, 3, 6 or 12"],
        ),
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "pmi", "channel": "agency", "contract_months": 24}, "options": {"months": 3}}"#,
            "invalid_months",
            Some("options.months"),
            &["options.months 3", "only BPU may prepay"],
        ),
        // invalid_contract_months (D-4, D-25).
        case(
            Contribution,
            r#"{"period": "2024-05", "participant": {"category": "pmi", "channel": "agency", "contract_months": 18}}"#,
            "invalid_contract_months",
            Some("participant.contract_months"),
            &["18", "6, 12 or 24"],
        ),
        case(
            Contribution,
            r#"{"period": "2020-05", "participant": {"category": "pmi", "channel": "agency", "contract_months": 61}}"#,
            "invalid_contract_months",
            Some("participant.contract_months"),
            &["61", "1 to 60"],
        ),
        // invalid_jht_monthly (D-27).
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "pmi", "channel": "individual", "contract_months": 12, "jht_monthly": 70000}}"#,
            "invalid_jht_monthly",
            Some("participant.jht_monthly"),
            &[
                "70000",
                "50000, 100000, 200000, 300000, 400000, 500000 or 600000",
            ],
        ),
        // invalid_nik (D-37): the message shows the first six digits only.
        case(
            Contribution,
            r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": 1, "scale": "large", "nik": "3201001705900001"}}"#,
            "invalid_nik",
            Some("participant.nik"),
            &[
                "\"320100…\"",
                "digits 5-6 (district) may not be 00",
                "16 digits",
            ],
        ),
        case(
            Eligibility,
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 2000000, "birth_date": "1990-05-18", "nik": "3201121705900001"}}"#,
            "invalid_nik",
            Some("participant.nik"),
            &["\"320112…\"", "do not match birth_date"],
        ),
        // projection_not_available (CONTRACT.md §6).
        case(
            Projection,
            r#"{"projection": "jht", "start": "2026-01", "months": 12, "wage_growth": "0", "yield": "0", "participant": {"category": "jakon", "method": "wage", "wage": 5000000}}"#,
            "projection_not_available",
            Some("participant.category"),
            &["category jakon", "pu or bpu"],
        ),
    ]
}

/// Runs one case and checks code, field, message and the printed document;
/// returns the problems.
fn check(c: &Case) -> Vec<String> {
    let answer = respond(c.command, c.input, &settings());
    let mut problems = Vec::new();
    if answer.status != Status::InvalidInput {
        return vec![format!("not an error: {}", answer.json)];
    }
    let error = answer.error.clone().unwrap();
    if error.code.code() != c.code {
        problems.push(format!("code {} ({})", error.code, error.message));
    }
    if error.field.as_deref() != c.field {
        problems.push(format!("field {:?}", error.field));
    }
    for word in c.says {
        if !error.message.contains(word) {
            problems.push(format!("message lacks {word:?}: {}", error.message));
        }
    }
    // The printed document is the error object, field included even when
    // null (CONTRACT.md §1).
    let printed: Value = serde_json::from_str(&answer.json).unwrap();
    let expected =
        serde_json::json!({"error": {"code": c.code, "message": error.message, "field": c.field}});
    if printed != expected {
        problems.push(format!("printed {}", answer.json));
    }
    problems
}

#[test]
fn every_case_gives_its_code_field_and_a_message_saying_what_is_allowed() {
    let failures: Vec<String> = cases()
        .iter()
        .filter_map(|c| {
            let problems = check(c);
            (!problems.is_empty()).then(|| {
                format!(
                    "{} {}\n  {}",
                    c.command.name(),
                    c.input,
                    problems.join("\n  ")
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Bytes that are not a document: `invalid_json` before any parsing.
#[test]
fn bytes_that_are_not_utf8_are_invalid_json() {
    let answer = respond_bytes(
        Contribution,
        b"{\"period\": \"2025-04\xff\"}",
        &Settings::default(),
    );
    assert_eq!(answer.status, Status::InvalidInput);
    let error = answer.error.unwrap();
    assert_eq!(error.code, ErrorCode::InvalidJson);
    assert!(
        error.message.contains("not UTF-8 (byte 19)"),
        "{}",
        error.message
    );
}

/// The batch's own code: a CSV record with a different number of fields
/// from the header is an error row `malformed_row` (CONTRACT.md §2), and the
/// batch goes on.
fn malformed_row_message() -> String {
    let roster = "id,category,income\nA,bpu,2000000,extra\nB,bpu,2000000\n";
    let mut out = Vec::new();
    let config = jamsos_batch::Config::new("2025-04".parse().unwrap());
    jamsos_batch::run(roster.as_bytes(), &mut out, &config).unwrap();
    let out = String::from_utf8(out).unwrap();
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert!(rows[1].starts_with("A,error,malformed_row,"), "{out}");
    assert!(rows[2].starts_with("B,ok,"), "{out}");
    rows[1].to_owned()
}

#[test]
fn a_record_of_the_wrong_width_is_malformed_row() {
    let row = malformed_row_message();
    // The message says how many fields there were and how many the header has.
    assert!(
        row.contains("the record has 4 fields, the header 3"),
        "{row}"
    );
}

/// `unsupported_category` is reserved: the contract lists it for a build
/// that does not compute a category yet, and this build computes all four,
/// so no input produces it. What would: each category computes, and a
/// category outside the contract is `invalid_value`.
#[test]
fn unsupported_category_is_reserved_every_category_computes() {
    for case in [
        r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": 1, "scale": "large"}}"#,
        r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 2000000}}"#,
        r#"{"period": "2025-04", "participant": {"category": "jakon", "method": "wage", "wage": 5000000}}"#,
        r#"{"period": "2025-04", "participant": {"category": "pmi", "channel": "agency", "contract_months": 24}}"#,
    ] {
        for command in [Contribution, Eligibility] {
            let answer = respond(command, case, &Settings::default());
            assert_eq!(answer.status, Status::Ok, "{case}: {}", answer.json);
        }
    }
    let answer = respond(
        Contribution,
        r#"{"period": "2025-04", "participant": {"category": "pbi"}}"#,
        &Settings::default(),
    );
    assert_eq!(answer.error.unwrap().code, ErrorCode::InvalidValue);
}

/// The codes that this file produces equal the contract's full list but
/// the reserved one; a new code fails here until it has a case.
#[test]
fn every_error_code_is_produced() {
    let mut produced: BTreeSet<&str> = cases().iter().map(|c| c.code).collect();
    produced.insert("invalid_json"); // bytes_that_are_not_utf8_are_invalid_json
    produced.insert("malformed_row"); // a_record_of_the_wrong_width_is_malformed_row
    let reserved = ["unsupported_category"];
    let all: BTreeSet<&str> = ErrorCode::ALL.iter().map(|c| c.code()).collect();
    let expected: BTreeSet<&str> = all.difference(&reserved.into()).copied().collect();
    assert_eq!(produced, expected);
    // Every case's code really is produced (not only listed).
    for c in cases() {
        let answer = respond(c.command, c.input, &settings());
        assert_eq!(
            answer.error.map(|e| e.code.code()),
            Some(c.code),
            "{}",
            c.input
        );
    }
}

/// `docs/ERRORS.md` documents every code, and each of its examples prints
/// exactly the document shown: a line `Example: jamsos COMMAND` followed by
/// two ```json blocks, the input and the output.
#[test]
fn errors_md_documents_every_code_and_its_examples_are_exact() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/ERRORS.md");
    let text = std::fs::read_to_string(&path).unwrap();
    for code in ErrorCode::ALL {
        assert!(
            text.contains(&format!("### `{}`", code.code())),
            "docs/ERRORS.md has no section for {code}"
        );
    }
    let mut examples = 0;
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(name) = line.strip_prefix("Example: jamsos ") else {
            continue;
        };
        // `--income-grid grid.csv`: the grid of `settings`.
        let (name, with_grid) = match name.trim().split_once(" --income-grid ") {
            Some((name, _)) => (name, true),
            None => (name.trim(), false),
        };
        let command = Command::from_name(name).unwrap();
        let mut block = || {
            let mut body = String::new();
            lines.by_ref().find(|l| l.trim() == "```json").unwrap();
            for l in lines.by_ref() {
                if l.trim() == "```" {
                    break;
                }
                body.push_str(l);
                body.push('\n');
            }
            body
        };
        let input = block();
        let output = block();
        let settings = if with_grid {
            settings()
        } else {
            Settings::default()
        };
        let answer = respond(command, input.trim(), &settings);
        assert_eq!(answer.json, output.trim(), "docs/ERRORS.md example {input}");
        examples += 1;
    }
    assert!(examples >= 18, "only {examples} examples in docs/ERRORS.md");
}
