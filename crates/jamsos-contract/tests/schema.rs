//! The contract's JSON Schema (`docs/contract-v1.schema.json`): it is a valid
//! draft 2020-12 schema, every generated output of every command validates
//! against it (results and error documents, all four categories, and the
//! NDJSON lines of `jamsos batch`), and it rejects documents that break the
//! contract, so the check in `golden.rs` can fail.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

#[path = "common/schema.rs"]
mod schema;

use std::sync::OnceLock;

use jamsos_contract::{self as contract, Command, Settings, Status};
use proptest::prelude::*;
use schema::{ContractSchema, ENTRY_POINTS, schema_document};
use serde_json::{Value, json};

/// The validators, compiled once for the whole test binary.
fn schema() -> &'static ContractSchema {
    static SCHEMA: OnceLock<ContractSchema> = OnceLock::new();
    SCHEMA.get_or_init(ContractSchema::load)
}

/// Runs `input` through `command` as the command line does and asserts the
/// printed document validates; returns the status.
fn assert_valid_output(command: Command, input: &Value) -> Status {
    let response = contract::respond(command, &input.to_string(), &Settings::default());
    let problems = schema().check_response(command, &response);
    assert!(
        problems.is_empty(),
        "{} {input}\n  -> {}\n  {}",
        command.name(),
        response.json,
        problems.join("\n  ")
    );
    response.status
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema_with_every_entry_point() {
    let document = schema_document();
    if let Err(e) = jsonschema::draft202012::meta::validate(&document) {
        panic!("docs/contract-v1.schema.json is not a valid 2020-12 schema: {e}");
    }
    assert_eq!(
        document["$schema"],
        json!("https://json-schema.org/draft/2020-12/schema")
    );
    for entry in ENTRY_POINTS.iter().filter(|e| **e != "root") {
        assert!(document["$defs"][entry].is_object(), "no $defs/{entry}");
    }
    // Every error code of the contract, and only those, is in the schema.
    let codes: Vec<&str> = document["$defs"]["error_code"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let all: Vec<&str> = contract::ErrorCode::ALL.iter().map(|c| c.code()).collect();
    assert_eq!(codes, all);
}

/// CONTRACT.md's own examples, and each category's example file.
#[test]
fn the_contract_examples_validate() {
    let pu = json!({"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17",
        "nationality": "wni", "wage": 10000000, "risk_class": 3, "scale": "medium",
        "registered_on": "2019-03-01", "jkn_member": true, "opt_in": ["jp"], "industry": "other"},
        "options": {"jp_for_foreigners": false, "months": 1}});
    assert_eq!(assert_valid_output(Command::Contribution, &pu), Status::Ok);
    assert_eq!(assert_valid_output(Command::Eligibility, &pu), Status::Ok);
    let claim = json!({"benefit": "jkp", "claim_date": "2025-06-01", "dismissal_date": "2025-05-10",
        "reason": "dismissal", "wage": 7500000, "months_paid_last_24": 20,
        "consecutive_months_before_dismissal": 20});
    assert_eq!(assert_valid_output(Command::Benefit, &claim), Status::Ok);
    let fine =
        json!({"category": "pu", "period": "2025-01", "amount": 1000000, "paid_on": "2025-03-10"});
    assert_eq!(assert_valid_output(Command::Fine, &fine), Status::Ok);

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data");
    for name in [
        "pu-medium-factory.json",
        "bpu-market-trader.json",
        "jakon-contract.json",
        "pmi-agency.json",
    ] {
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap();
        for command in [Command::Contribution, Command::Eligibility] {
            assert_eq!(assert_valid_output(command, &case), Status::Ok, "{name}");
        }
    }
}

/// A valid result of each kind, to break in the negative tests.
fn valid(command: Command, input: &Value) -> Value {
    let response = contract::respond(command, &input.to_string(), &Settings::default());
    assert_eq!(response.status, Status::Ok, "{}", response.json);
    serde_json::from_str(&response.json).unwrap()
}

fn pu_result() -> Value {
    valid(
        Command::Contribution,
        &json!({"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17",
            "wage": 10000000, "risk_class": 3, "scale": "medium", "registered_on": "2019-03-01",
            "jkn_member": true}}),
    )
}

/// Asserts the schema rejects `document` at `entry`, with an error at
/// `path` (a JSON pointer into the document).
fn assert_rejected(entry: &str, document: &Value, path: &str) {
    let errors = schema().errors(entry, document);
    assert!(
        !errors.is_empty(),
        "{entry} accepted a broken document: {document}"
    );
    assert!(
        errors.iter().any(|e| e.contains(&format!("{path:?}"))),
        "{entry}: no error at {path}: {errors:?}"
    );
    assert!(
        !schema().is_valid("root", document),
        "the root accepted {document}"
    );
}

#[test]
fn the_schema_rejects_an_extra_field() {
    let mut doc = pu_result();
    assert!(schema().is_valid("contribution_result", &doc));
    doc["lines"][0]["discount"] = json!(0);
    assert_rejected("contribution_result", &doc, "/lines/0");
    let mut doc = pu_result();
    doc["net"] = json!(1);
    assert_rejected("contribution_result", &doc, "");
}

#[test]
fn the_schema_rejects_a_float_or_negative_or_string_amount() {
    for bad in [json!(89000.5), json!(-1), json!("89000"), json!(null)] {
        let mut doc = pu_result();
        doc["lines"][0]["amount"] = bad.clone();
        assert_rejected("contribution_result", &doc, "/lines/0/amount");
        let mut doc = pu_result();
        doc["totals"]["employer"] = bad;
        assert_rejected("contribution_result", &doc, "/totals/employer");
    }
}

/// JSON Schema's `integer` accepts `89000.0` (a number with a zero fraction
/// is an integer in its data model); the printed-text check beside the schema
/// rejects any number written as a decimal or with an exponent.
#[test]
fn an_amount_written_as_a_decimal_is_rejected_beside_the_schema() {
    let text = serde_json::to_string(&pu_result()).unwrap();
    assert!(schema().check_text("contribution_result", &text).is_empty());
    for bad in ["89000.0", "8.9e4", "8.9E4", "89000e0"] {
        let broken = text.replacen("\"amount\":89000", &format!("\"amount\":{bad}"), 1);
        assert_ne!(broken, text);
        let problems = schema().check_text("contribution_result", &broken);
        assert!(
            problems
                .iter()
                .any(|p| p.contains("/lines/0/amount") && p.contains("not a JSON integer")),
            "{bad}: {problems:?}"
        );
    }
}

#[test]
fn the_schema_rejects_unknown_enumeration_values() {
    let mut doc = pu_result();
    doc["lines"][0]["program"] = json!("jkn");
    assert_rejected("contribution_result", &doc, "/lines/0/program");
    let mut doc = pu_result();
    doc["lines"][0]["payer"] = json!("employee");
    assert_rejected("contribution_result", &doc, "/lines/0/payer");
    let mut doc = pu_result();
    doc["programs"][0]["status"] = json!("required");
    assert_rejected("contribution_result", &doc, "/programs/0/status");
    let mut doc = pu_result();
    // `jkk_jkm` is a line's program, never a programs[] entry.
    doc["programs"][0]["program"] = json!("jkk_jkm");
    assert_rejected("contribution_result", &doc, "/programs/0/program");
    let mut doc = pu_result();
    doc["category"] = json!("PU");
    assert_rejected("contribution_result", &doc, "/category");
    let error = json!({"error": {"code": "bad_input", "message": "x", "field": null}});
    assert_rejected("error_document", &error, "/error/code");
}

#[test]
fn the_schema_rejects_a_missing_field() {
    for field in ["version", "programs", "totals", "due_date", "warnings"] {
        let mut doc = pu_result();
        doc.as_object_mut().unwrap().remove(field);
        assert_rejected("contribution_result", &doc, "");
    }
    let mut doc = pu_result();
    doc["totals"].as_object_mut().unwrap().remove("government");
    assert_rejected("contribution_result", &doc, "/totals");
    let mut doc = pu_result();
    doc["lines"][0].as_object_mut().unwrap().remove("rule");
    assert_rejected("contribution_result", &doc, "/lines/0");
    // A rated line needs its base.
    let mut doc = pu_result();
    doc["lines"][0].as_object_mut().unwrap().remove("base");
    assert_rejected("contribution_result", &doc, "/lines/0");
    // Five programs, each once.
    let mut doc = pu_result();
    doc["programs"].as_array_mut().unwrap().pop();
    assert_rejected("contribution_result", &doc, "/programs");
    let mut doc = pu_result();
    doc["programs"][4] = doc["programs"][0].clone();
    assert_rejected("contribution_result", &doc, "/programs");
    let error = json!({"error": {"code": "invalid_json", "message": "x"}});
    assert_rejected("error_document", &error, "/error");
}

#[test]
fn the_schema_rejects_malformed_dates_periods_and_rates() {
    for (path, bad) in [
        ("/period", json!("2025-4")),
        ("/period", json!("2025-13")),
        ("/period", json!("0000-01")),
        ("/due_date", json!("2025-05-32")),
        ("/due_date", json!("2023-02-29")),
        ("/due_date", json!("2025/05/15")),
        ("/lines/0/rate", json!(0.0089)),
        ("/lines/0/rate", json!("0.89%")),
        ("/lines/0/rate", json!("0.00890")),
        ("/version", json!(2)),
    ] {
        let mut doc = pu_result();
        let target = doc.pointer_mut(path).unwrap();
        *target = bad;
        assert_rejected("contribution_result", &doc, path);
    }
}

#[test]
fn the_schema_checks_rules_that_depend_on_the_category() {
    // PMI has no due date; every other category has one.
    let pmi = valid(
        Command::Contribution,
        &json!({"period": "2025-04", "participant": {"category": "pmi", "channel": "agency",
            "contract_months": 24}}),
    );
    assert_eq!(pmi["due_date"], Value::Null);
    let mut doc = pmi.clone();
    doc["due_date"] = json!("2025-05-15");
    assert_rejected("contribution_result", &doc, "/due_date");
    let mut doc = pu_result();
    doc["due_date"] = Value::Null;
    assert_rejected("contribution_result", &doc, "/due_date");
    // A PMI package is paid by the participant, never the employer.
    let mut doc = pmi;
    doc["lines"][0]["payer"] = json!("employer");
    assert_rejected("contribution_result", &doc, "/lines/0/payer");
    // A wage earner's line is never the PMI package.
    let mut doc = pu_result();
    doc["lines"][0]["program"] = json!("jkk_jkm");
    assert_rejected("contribution_result", &doc, "/lines/0/program");
    // Pension-age fields are for wage earners only.
    let mut bpu = valid(
        Command::Eligibility,
        &json!({"period": "2025-04", "participant": {"category": "bpu", "income": 2000000}}),
    );
    assert!(schema().is_valid("eligibility_result", &bpu));
    bpu["last_jp_period"] = json!("2050-01");
    assert_rejected("eligibility_result", &bpu, "");
}

#[test]
fn the_schema_checks_benefit_and_fine_documents() {
    let claim = json!({"benefit": "jkp", "claim_date": "2025-06-01", "dismissal_date": "2025-05-10",
        "reason": "dismissal", "wage": 7500000, "months_paid_last_24": 20,
        "consecutive_months_before_dismissal": 20});
    let answer = valid(Command::Benefit, &claim);
    // An answer that is not eligible pays nothing and says why.
    let mut doc = answer.clone();
    doc["eligible"] = json!(false);
    assert_rejected("benefit_result", &doc, "/reasons");
    // JKP months are labelled exactly `month 1` … `month 6`.
    let mut doc = answer.clone();
    doc["payments"][0]["label"] = json!("month 7");
    assert_rejected("benefit_result", &doc, "/payments/0/label");
    let mut doc = answer;
    doc["payments"][0]["kind"] = json!("weekly");
    assert_rejected("benefit_result", &doc, "/payments/0/kind");

    let fine = valid(
        Command::Fine,
        &json!({"category": "pu", "period": "2025-01", "amount": 1000000, "paid_on": "2025-03-10"}),
    );
    let mut doc = fine.clone();
    doc["months_late"] = json!(-1);
    assert_rejected("fine_result", &doc, "/months_late");
    let mut doc = fine;
    doc.as_object_mut().unwrap().remove("source");
    assert_rejected("fine_result", &doc, "");
}

// Generated cases: realistic and hostile values of every field, each
// category, every command. Whatever the outcome, the printed document
// validates.

fn period() -> impl Strategy<Value = String> {
    prop_oneof![
        (2015u32..=2030, 1u32..=12).prop_map(|(y, m)| format!("{y}-{m:02}")),
        prop::sample::select(vec![
            "2015-06", "2015-07", "2018-12", "2019-01", "2020-07", "2020-08", "2021-01", "2021-02",
            "2023-02", "2023-03", "2025-01", "2025-02", "2026-01", "2027-03", "9999-12",
        ])
        .prop_map(str::to_owned),
    ]
}

fn date() -> impl Strategy<Value = String> {
    (1940u32..=2030, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
}

fn amount() -> impl Strategy<Value = i64> {
    prop_oneof![
        500_000i64..30_000_000,
        Just(1_000_000),
        Just(20_700_000),
        Just(1_000_000_000_000),
        Just(1_000_000_000_001),
        Just(0),
        -5i64..5,
    ]
}

fn pu_case() -> impl Strategy<Value = Value> {
    (
        period(),
        date(),
        amount(),
        0i64..=6,
        prop::sample::select(vec!["micro", "small", "medium", "large"]),
        prop::option::of(date()),
        any::<bool>(),
        prop::sample::subsequence(vec!["jht", "jp", "jkp", "jkk"], 0..=2),
        prop::sample::select(vec!["wni", "wna"]),
        prop::option::of((
            prop::sample::select(vec!["textile_apparel", "other", "toys"]),
            0i64..200,
        )),
    )
        .prop_map(
            |(period, birth, wage, risk, scale, registered, jkn, opt_in, nationality, industry)| {
                let mut p = json!({"category": "pu", "birth_date": birth, "wage": wage,
                "risk_class": risk, "scale": scale, "jkn_member": jkn, "opt_in": opt_in,
                "nationality": nationality});
                if let Some(r) = registered {
                    p["registered_on"] = json!(r);
                }
                if let Some((industry, workers)) = industry {
                    p["industry"] = json!(industry);
                    p["active_workers"] = json!(workers);
                }
                json!({"period": period, "participant": p})
            },
        )
}

fn bpu_case() -> impl Strategy<Value = Value> {
    (
        period(),
        prop_oneof![900_000i64..21_000_000, amount()],
        prop::sample::select(vec!["transport", "other"]),
        any::<bool>(),
        prop::sample::subsequence(vec!["jht", "jp"], 0..=2),
        prop::sample::select(vec![1i64, 3, 6, 12, 2]),
        prop::option::of(date()),
    )
        .prop_map(
            |(period, income, sector, subsidised, opt_in, months, birth)| {
                let mut p = json!({"category": "bpu", "income": income, "sector": sector,
                "subsidised": subsidised, "opt_in": opt_in});
                if let Some(b) = birth {
                    p["birth_date"] = json!(b);
                }
                json!({"period": period, "participant": p, "options": {"months": months}})
            },
        )
}

fn jakon_case() -> impl Strategy<Value = Value> {
    (
        period(),
        any::<bool>(),
        amount(),
        prop_oneof![
            1i64..100_000_000_000_000,
            Just(100_000_000_000_000),
            Just(100_000_000_000_001)
        ],
    )
        .prop_map(|(period, by_wage, wage, value)| {
            let p = if by_wage {
                json!({"category": "jakon", "method": "wage", "wage": wage})
            } else {
                json!({"category": "jakon", "method": "contract", "contract_value": value})
            };
            json!({"period": period, "participant": p})
        })
}

fn pmi_case() -> impl Strategy<Value = Value> {
    (
        period(),
        prop::sample::select(vec!["agency", "individual"]),
        prop_oneof![prop::sample::select(vec![6i64, 12, 24]), 0i64..=61],
        0i64..=61,
        prop::sample::select(vec![0i64, 50_000, 100_000, 600_000, 70_000]),
    )
        .prop_map(|(period, channel, months, extension, jht)| {
            json!({"period": period, "participant": {"category": "pmi", "channel": channel,
                "contract_months": months, "extension_months": extension, "jht_monthly": jht}})
        })
}

fn any_case() -> impl Strategy<Value = Value> {
    prop_oneof![pu_case(), bpu_case(), jakon_case(), pmi_case()]
}

fn claim() -> impl Strategy<Value = Value> {
    let jht = (
        date(),
        date(),
        date(),
        prop::sample::select(vec![
            "resignation",
            "dismissal",
            "death",
            "leaving_indonesia",
        ]),
        prop::option::of(1i64..1_000_000_000),
    )
        .prop_map(|(claim, event, start, trigger, balance)| {
            let mut c = json!({"benefit": "jht", "claim_date": claim, "event_date": event,
                "membership_start": start, "trigger": trigger});
            if let Some(b) = balance {
                c["balance"] = json!(b);
            }
            c
        });
    let jp = (date(), date(), 0i64..400, amount()).prop_map(|(claim, birth, months, wage)| {
        json!({"benefit": "jp", "claim_date": claim, "birth_date": birth,
            "contribution_months": months, "average_wage": wage})
    });
    let jkp = (
        date(),
        date(),
        amount(),
        0i64..=25,
        0i64..=25,
        prop::sample::select(vec!["dismissal", "resignation", "contract_end_at_term"]),
    )
        .prop_map(|(claim, dismissal, wage, paid, consecutive, reason)| {
            json!({"benefit": "jkp", "claim_date": claim, "dismissal_date": dismissal,
                "reason": reason, "wage": wage, "months_paid_last_24": paid,
                "consecutive_months_before_dismissal": consecutive})
        });
    let jkm = (date(), date(), 0i64..200, 0i64..4).prop_map(|(claim, death, months, children)| {
        json!({"benefit": "jkm", "claim_date": claim, "death_date": death,
            "contribution_months": months, "children": children})
    });
    let jkk = (
        date(),
        date(),
        amount(),
        prop::sample::select(vec!["death", "total_disability", "temporary_inability"]),
        0i64..30,
    )
        .prop_map(|(claim, event_date, wage, event, months)| {
            let mut c = json!({"benefit": "jkk", "claim_date": claim, "event_date": event_date,
                "wage": wage, "event": event});
            if event == "temporary_inability" {
                c["months"] = json!(months);
            }
            c
        });
    prop_oneof![jht, jp, jkp, jkm, jkk]
}

fn fine_question() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(vec!["pu", "bpu", "jakon", "pmi"]),
        period(),
        amount(),
        date(),
    )
        .prop_map(|(category, period, amount, paid_on)| {
            json!({"category": category, "period": period, "amount": amount, "paid_on": paid_on})
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_contribution_and_eligibility_output_validates(case in any_case()) {
        assert_valid_output(Command::Contribution, &case);
        assert_valid_output(Command::Eligibility, &case);
    }

    #[test]
    fn every_benefit_output_validates(claim in claim()) {
        assert_valid_output(Command::Benefit, &claim);
    }

    #[test]
    fn every_fine_output_validates(question in fine_question()) {
        assert_valid_output(Command::Fine, &question);
    }
}

/// The generators reach results, not only errors, in every category (so the
/// property above checks real result documents).
#[test]
fn generated_cases_reach_results_in_every_category() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    for (category, strategy) in [
        ("pu", pu_case().boxed()),
        ("bpu", bpu_case().boxed()),
        ("jakon", jakon_case().boxed()),
        ("pmi", pmi_case().boxed()),
    ] {
        let (mut ok, mut errors) = (0, 0);
        for _ in 0..200 {
            let case = strategy.new_tree(&mut runner).unwrap().current();
            match assert_valid_output(Command::Contribution, &case) {
                Status::Ok => ok += 1,
                _ => errors += 1,
            }
        }
        assert!(
            ok >= 40 && errors >= 1,
            "{category}: {ok} results, {errors} errors"
        );
    }
}

/// `jamsos batch --format ndjson`: every output line is a contribution
/// result or an error document (`#/$defs/batch_ndjson_line`), one per case.
#[test]
fn batch_ndjson_lines_validate() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut input = String::new();
    let mut cases = 0;
    for _ in 0..300 {
        let case = any_case().new_tree(&mut runner).unwrap().current();
        input.push_str(&case.to_string());
        input.push('\n');
        cases += 1;
    }
    // Lines that are not cases: each still gets its error document.
    for line in [
        "{",
        "[]",
        r#"{"period": "2025-04"}"#,
        r#"{"period": "2025-04", "participant": {"category": "pu"}, "x": 1}"#,
    ] {
        input.push_str(line);
        input.push('\n');
        cases += 1;
    }
    let mut config = jamsos_batch::Config::new("2025-04".parse().unwrap());
    config.format = jamsos_batch::Format::Ndjson;
    config.threads = 1;
    let mut out = Vec::new();
    jamsos_batch::run(input.as_bytes(), &mut out, &config).unwrap();
    let out = String::from_utf8(out).unwrap();
    let (mut results, mut errors) = (0, 0);
    for (i, line) in out.lines().enumerate() {
        let document: Value = serde_json::from_str(line).unwrap();
        let problems = schema().errors("batch_ndjson_line", &document);
        assert!(problems.is_empty(), "line {}: {line}\n{problems:?}", i + 1);
        if document.get("error").is_some() {
            errors += 1;
        } else {
            results += 1;
        }
    }
    assert_eq!(results + errors, cases);
    assert!(
        results >= 100 && errors >= 4,
        "{results} results, {errors} errors"
    );
}
