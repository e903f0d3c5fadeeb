//! Runs every golden case in `testdata/` (one JSON array per theme, each case
//! citing the regulation or decision it checks) through the contract and
//! compares exact values. Every case's output, result or error document, is
//! also checked against the contract's JSON Schema
//! (`docs/contract-v1.schema.json`), as the command line prints it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jamsos_contract::{self as contract, Command, ContractError, LineEntry, Settings};
use serde_json::{Value, json};

#[path = "common/schema.rs"]
mod schema;

use schema::ContractSchema;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
}

fn case_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![testdata()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// A rate string normalised to its exact value (so "0.020" equals "0.02").
fn rate(v: &Value) -> Value {
    match v {
        Value::String(s) => json!(
            s.parse::<jamsos_core::Rate>()
                .map(|r| r.decimal().to_string())
                .unwrap_or_else(|_| s.clone())
        ),
        other => other.clone(),
    }
}

/// A line's identity and amounts; `period` and `components` (amounts, as a
/// sorted list) are compared when the expected line gives them.
fn line_key(l: &Value, with_period: bool, with_components: bool) -> String {
    let mut key = json!({"program": l["program"], "payer": l["payer"], "base": l["base"], "rate": rate(&l["rate"]), "amount": l["amount"]});
    if with_period {
        key["period"] = l["period"].clone();
    }
    if with_components {
        let mut amounts: Vec<u64> = l["components"]
            .as_array()
            .map(|c| c.iter().filter_map(|c| c["amount"].as_u64()).collect())
            .unwrap_or_default();
        amounts.sort_unstable();
        key["components"] = json!(amounts);
    }
    key.to_string()
}

fn lines_match(want: &Value, got: &Value) -> (BTreeSet<String>, BTreeSet<String>) {
    let want = want.as_array().unwrap();
    let with_period = want.iter().any(|l| l.get("period").is_some());
    let with_components = want.iter().any(|l| l.get("components").is_some());
    let keys = |lines: &[Value]| {
        lines
            .iter()
            .map(|l| line_key(l, with_period, with_components))
            .collect::<BTreeSet<_>>()
    };
    (keys(want), keys(got.as_array().unwrap()))
}

fn alloc_key(l: &Value) -> String {
    json!({"from": l["from"], "to": l["to"], "base": l["base"], "rate": rate(&l["rate"]), "amount": l["amount"]}).to_string()
}

fn lines_of(lines: &[LineEntry]) -> Value {
    serde_json::to_value(lines).unwrap()
}

fn set(values: &Value, key: fn(&Value) -> String) -> BTreeSet<String> {
    values.as_array().unwrap().iter().map(key).collect()
}

fn codes(notices: &Value) -> BTreeSet<String> {
    notices
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            n.as_str()
                .map_or_else(|| n["code"].as_str().unwrap().to_owned(), str::to_owned)
        })
        .collect()
}

/// Checks one case's document, as the command line prints it, against the
/// contract's schema; returns the problems, each with its instance path.
fn check_schema(schema: &ContractSchema, case: &Value) -> Vec<String> {
    let name = case["command"].as_str().unwrap_or("contribution");
    let command = Command::from_name(name).unwrap();
    let input = case["input"].to_string();
    let response = contract::respond(command, &input, &Settings::default());
    schema.check_response(command, &response)
}

/// Checks one case; returns the mismatches.
fn check(case: &Value) -> Vec<String> {
    let input = case["input"].to_string();
    let expect = &case["expect"];
    let command = case["command"].as_str().unwrap_or("contribution");
    let mut problems = Vec::new();
    let result: Result<Value, ContractError> = match command {
        "contribution" => contract::contribution(&input).map(|r| serde_json::to_value(r).unwrap()),
        "eligibility" => contract::eligibility(&input).map(|r| serde_json::to_value(r).unwrap()),
        "benefit" => contract::benefit(&input).map(|r| serde_json::to_value(r).unwrap()),
        "fine" => contract::fine(&input).map(|r| serde_json::to_value(r).unwrap()),
        "projection" => contract::projection(&input, &Settings::default())
            .map(|r| serde_json::to_value(r).unwrap()),
        other => panic!("unknown command {other}"),
    };
    let got = match (result, expect.get("error")) {
        (Err(e), Some(want)) => {
            if want["code"] != json!(e.code.code()) {
                problems.push(format!(
                    "error code: want {}, got {} ({})",
                    want["code"], e.code, e.message
                ));
            }
            if want.get("field").is_some() && want["field"] != json!(e.field) {
                problems.push(format!(
                    "error field: want {}, got {:?}",
                    want["field"], e.field
                ));
            }
            return problems;
        }
        (Err(e), None) => {
            return vec![format!(
                "unexpected error {} at {:?}: {}",
                e.code, e.field, e.message
            )];
        }
        (Ok(_), Some(want)) => return vec![format!("expected error {want}, got a result")],
        (Ok(v), None) => v,
    };
    if let Some(want) = expect.get("lines") {
        let got_lines: Vec<LineEntry> = serde_json::from_value(got["lines"].clone()).unwrap();
        let (w, g) = lines_match(want, &lines_of(&got_lines));
        if w != g {
            problems.push(format!("lines:\n  want {w:?}\n  got  {g:?}"));
        }
    }
    if let Some(want) = expect.get("deferred") {
        let (w, g) = lines_match(want, &got["deferred"]);
        if w != g {
            problems.push(format!("deferred:\n  want {w:?}\n  got  {g:?}"));
        }
    }
    if let Some(want) = expect.get("allocations") {
        let (w, g) = (set(want, alloc_key), set(&got["allocations"], alloc_key));
        if w != g {
            problems.push(format!("allocations:\n  want {w:?}\n  got  {g:?}"));
        }
    }
    if let Some(want) = expect.get("totals") {
        if *want != got["totals"] {
            problems.push(format!("totals: want {want}, got {}", got["totals"]));
        }
    }
    if let Some(want) = expect.get("programs") {
        for (program, want) in want.as_object().unwrap() {
            let entry = got["programs"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["program"] == json!(program));
            let Some(entry) = entry else {
                problems.push(format!("program {program} missing"));
                continue;
            };
            if entry["status"] != want["status"] {
                problems.push(format!(
                    "{program} status: want {}, got {}",
                    want["status"], entry["status"]
                ));
            }
            if let Some(reasons) = want.get("reasons") {
                if codes(reasons) != codes(&entry["reasons"]) {
                    problems.push(format!(
                        "{program} reasons: want {:?}, got {:?}",
                        codes(reasons),
                        codes(&entry["reasons"])
                    ));
                }
            }
        }
    }
    if let Some(want) = expect.get("warnings") {
        if codes(want) != codes(&got["warnings"]) {
            problems.push(format!(
                "warnings: want {:?}, got {:?}",
                codes(want),
                codes(&got["warnings"])
            ));
        }
    }
    if let Some(want) = expect.get("reasons") {
        if codes(want) != codes(&got["reasons"]) {
            problems.push(format!(
                "reasons: want {:?}, got {:?}",
                codes(want),
                codes(&got["reasons"])
            ));
        }
    }
    if let Some(want) = expect.get("payments") {
        // Benefit payments: the exact list, in order, of label, kind and amount.
        let got_payments: Vec<Value> = got["payments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| json!({"label": p["label"], "kind": p["kind"], "amount": p["amount"]}))
            .collect();
        if *want != Value::Array(got_payments.clone()) {
            problems.push(format!(
                "payments:\n  want {want}\n  got  {}",
                Value::Array(got_payments)
            ));
        }
    }
    for key in [
        "due_date",
        "pension_age_reached_on",
        "last_jp_period",
        "jkp_participant",
        "eligible",
        "earliest_claim_date",
        "total",
        "months_late",
        "fine",
        "end",
        "years",
        "contributions",
        "returns",
        "balance",
    ] {
        if let Some(want) = expect.get(key) {
            let got = got.get(key).cloned().unwrap_or(Value::Null);
            if *want != got {
                problems.push(format!("{key}: want {want}, got {got}"));
            }
        }
    }
    problems
}

#[test]
fn golden_cases() {
    let schema = ContractSchema::load();
    let mut total = 0;
    let mut schema_checked = 0;
    let mut per_command = std::collections::BTreeMap::<String, usize>::new();
    let mut per_category = std::collections::BTreeMap::<String, usize>::new();
    let mut failures = Vec::new();
    for file in case_files() {
        let cases: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for case in cases.as_array().unwrap() {
            total += 1;
            if let Some(category) = case["input"]["participant"]["category"].as_str() {
                *per_category.entry(category.to_owned()).or_default() += 1;
            }
            *per_command
                .entry(
                    case["command"]
                        .as_str()
                        .unwrap_or("contribution")
                        .to_owned(),
                )
                .or_default() += 1;
            let name = case["name"].as_str().expect("every case has a name");
            assert!(
                case["source"].as_str().is_some_and(|s| !s.is_empty()),
                "{name}: every case cites its source"
            );
            let mut problems = check(case);
            problems.extend(check_schema(&schema, case));
            schema_checked += 1;
            if !problems.is_empty() {
                failures.push(format!(
                    "{} / {name} ({}):\n  {}",
                    file.file_name().unwrap().to_string_lossy(),
                    case["source"],
                    problems.join("\n  ")
                ));
            }
        }
    }
    assert!(total >= 50, "only {total} golden cases");
    assert_eq!(
        schema_checked, total,
        "every golden output is schema-checked"
    );
    for (command, least) in [("benefit", 40), ("fine", 20)] {
        let n = per_command.get(command).copied().unwrap_or(0);
        assert!(n >= least, "only {n} golden cases for {command}");
    }
    for category in ["pu", "bpu", "jakon", "pmi"] {
        let n = per_category.get(category).copied().unwrap_or(0);
        assert!(n >= 20, "only {n} golden cases for category {category}");
    }
    assert!(
        failures.is_empty(),
        "{} of {total} golden cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
