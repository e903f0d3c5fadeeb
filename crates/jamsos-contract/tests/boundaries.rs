//! Boundary inputs (docs/BOUNDARIES.md): amounts at, inside and outside every
//! D-4 limit; periods at the first covered month, at both sides of every rule
//! table's edges and at the calendar's end; dates that do and do not exist;
//! empty strings, surrounding whitespace, and numbers written with leading
//! zeros, exponents, fractions, a minus zero or beyond 64 bits. Each is either
//! valid by a documented rule (and then its result is checked) or an error
//! with its code and the field it names. Every answer also validates against
//! the contract's schema.
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

use jamsos_contract::{Command, Settings, Status, respond};
use schema::ContractSchema;
use serde_json::{Value, json};

use Command::{Benefit, Contribution, Eligibility, Fine};

fn schema() -> &'static ContractSchema {
    static SCHEMA: OnceLock<ContractSchema> = OnceLock::new();
    SCHEMA.get_or_init(ContractSchema::load)
}

/// The document `command` prints for `input`: `Ok(result)` or
/// `Err((code, field))`; the document is checked against the schema.
fn run(command: Command, input: &str) -> Result<Value, (String, Option<String>)> {
    let answer = respond(command, input, &Settings::default());
    let problems = schema().check_response(command, &answer);
    assert!(problems.is_empty(), "{input}: {problems:?}");
    match answer.status {
        Status::Ok => Ok(serde_json::from_str(&answer.json).unwrap()),
        _ => {
            let e = answer.error.unwrap();
            Err((e.code.code().to_owned(), e.field))
        }
    }
}

#[track_caller]
fn ok(command: Command, input: &str) -> Value {
    run(command, input).unwrap_or_else(|e| panic!("{input}: expected a result, got {e:?}"))
}

#[track_caller]
fn err(command: Command, input: &str, code: &str, field: &str) {
    match run(command, input) {
        Err((c, f)) => {
            assert_eq!(c, code, "{input}");
            assert_eq!(f.as_deref(), Some(field), "{input}");
        }
        Ok(v) => panic!("{input}: expected {code} at {field}, got {v}"),
    }
}

/// A case document: `period`, and the participant's members as JSON text.
fn case(period: &str, participant: &str) -> String {
    format!(r#"{{"period": "{period}", "participant": {{{participant}}}}}"#)
}

fn pu(wage: &str) -> String {
    format!(
        r#""category": "pu", "birth_date": "1990-05-17", "wage": {wage}, "risk_class": 1, "scale": "large""#
    )
}

/// The rule ids of the result's lines.
fn rules(result: &Value) -> Vec<String> {
    result["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["rule"].as_str().unwrap().to_owned())
        .collect()
}

fn line<'a>(result: &'a Value, program: &str, payer: &str) -> &'a Value {
    result["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["program"] == program && l["payer"] == payer)
        .unwrap_or_else(|| panic!("no {program} {payer} line in {result}"))
}

fn warnings(result: &Value) -> Vec<&str> {
    result["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect()
}

// D-4 amount limits.

#[test]
fn wage_limits_d4() {
    // At the limit, just inside, just outside, and past 64 bits.
    for wage in ["1000000000000", "999999999999"] {
        let r = ok(Contribution, &case("2025-04", &pu(wage)));
        assert_eq!(
            line(&r, "jkk", "employer")["base"],
            json!(wage.parse::<u64>().unwrap())
        );
    }
    for wage in [
        "1000000000001",
        "9223372036854775807",
        "18446744073709551616",
        "99999999999999999999999",
    ] {
        err(
            Contribution,
            &case("2025-04", &pu(wage)),
            "amount_out_of_range",
            "participant.wage",
        );
    }
    for wage in ["0", "-0", "-1", "-99999999999999999999"] {
        err(
            Contribution,
            &case("2025-04", &pu(wage)),
            "invalid_amount",
            "participant.wage",
        );
    }
    // Rp1 is a valid D-4 amount; the D-8 floor applies from period 2023-01 only.
    let r = ok(Contribution, &case("2022-12", &pu("1")));
    assert_eq!(line(&r, "jkk", "employer")["base"], json!(1));
    err(
        Contribution,
        &case("2023-01", &pu("1")),
        "wage_below_floor",
        "participant.wage",
    );
    err(
        Contribution,
        &case("2023-01", &pu("999999")),
        "wage_below_floor",
        "participant.wage",
    );
    // D-8: from the floor to below the lowest minimum wage, a warning.
    let r = ok(Contribution, &case("2023-01", &pu("1000000")));
    assert!(warnings(&r).contains(&"wage_below_minimum"));
    let r = ok(Contribution, &case("2023-01", &pu("1968168")));
    assert!(warnings(&r).contains(&"wage_below_minimum"));
    let r = ok(Contribution, &case("2023-01", &pu("1968169")));
    assert!(!warnings(&r).contains(&"wage_below_minimum"));
    // Jakon's wage method has the same D-4 limits and no D-8 floor.
    let jakon = |wage: &str| {
        case(
            "2025-04",
            &format!(r#""category": "jakon", "method": "wage", "wage": {wage}"#),
        )
    };
    ok(Contribution, &jakon("1"));
    ok(Contribution, &jakon("1000000000000"));
    err(
        Contribution,
        &jakon("1000000000001"),
        "amount_out_of_range",
        "participant.wage",
    );
    err(
        Contribution,
        &jakon("0"),
        "invalid_amount",
        "participant.wage",
    );
}

#[test]
fn income_contract_value_and_count_limits_d4() {
    let bpu = |income: &str| {
        case(
            "2025-04",
            &format!(r#""category": "bpu", "income": {income}"#),
        )
    };
    // D-17: every income from Rp1 has a row of the income table: below
    // Rp1,100,000 it pays on 1,000,000 (row 1), from Rp20,200,000 on
    // 20,700,000 (row 33, open-ended).
    for (income, jkk) in [
        ("1", 10_000),
        ("999999", 10_000),
        ("1000000", 10_000),
        ("20700000", 207_000),
        ("20700001", 207_000),
        ("1000000000000", 207_000),
    ] {
        let r = ok(Contribution, &bpu(income));
        assert_eq!(
            line(&r, "jkk", "participant")["amount"],
            json!(jkk),
            "{income}"
        );
    }
    // D-4 comes first: implausible amounts are amount errors, not income ones.
    err(
        Contribution,
        &bpu("1000000000001"),
        "amount_out_of_range",
        "participant.income",
    );
    err(
        Contribution,
        &bpu("0"),
        "invalid_amount",
        "participant.income",
    );

    let contract = |value: &str| {
        case(
            "2025-04",
            &format!(r#""category": "jakon", "method": "contract", "contract_value": {value}"#),
        )
    };
    ok(Contribution, &contract("1"));
    ok(Contribution, &contract("100000000000000"));
    err(
        Contribution,
        &contract("100000000000001"),
        "amount_out_of_range",
        "participant.contract_value",
    );
    err(
        Contribution,
        &contract("0"),
        "invalid_amount",
        "participant.contract_value",
    );

    // active_workers 0 … 10,000,000.
    let workers = |n: &str| {
        case(
            "2025-04",
            &format!(
                r#""category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": 1, "scale": "large", "industry": "textile_apparel", "active_workers": {n}"#
            ),
        )
    };
    ok(Contribution, &workers("0"));
    ok(Contribution, &workers("10000000"));
    err(
        Contribution,
        &workers("10000001"),
        "invalid_value",
        "participant.active_workers",
    );
    err(
        Contribution,
        &workers("-1"),
        "invalid_value",
        "participant.active_workers",
    );

    // Risk classes 1 … 5.
    for class in ["1", "5"] {
        let input = case(
            "2025-04",
            &format!(
                r#""category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": {class}, "scale": "large""#
            ),
        );
        ok(Contribution, &input);
    }
    for class in ["0", "6", "-1", "99999999999999999999"] {
        let input = case(
            "2025-04",
            &format!(
                r#""category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": {class}, "scale": "large""#
            ),
        );
        err(
            Contribution,
            &input,
            "invalid_risk_class",
            "participant.risk_class",
        );
    }
}

#[test]
fn pmi_counts_d4_d25_d27() {
    let pmi = |period: &str, rest: &str| {
        case(
            period,
            &format!(r#""category": "pmi", "channel": "agency", {rest}"#),
        )
    };
    // Permenaker 18/2018 (to 2023-02): any length 1 … 60 (D-4, D-25).
    for months in ["1", "18", "60"] {
        ok(
            Contribution,
            &pmi("2023-02", &format!(r#""contract_months": {months}"#)),
        );
    }
    for months in ["0", "61", "-1"] {
        err(
            Contribution,
            &pmi("2023-02", &format!(r#""contract_months": {months}"#)),
            "invalid_contract_months",
            "participant.contract_months",
        );
    }
    // Permenaker 4/2023 (from 2023-03): 6, 12 or 24 only.
    for months in ["6", "12", "24"] {
        ok(
            Contribution,
            &pmi("2023-03", &format!(r#""contract_months": {months}"#)),
        );
    }
    for months in ["1", "7", "18", "60"] {
        err(
            Contribution,
            &pmi("2023-03", &format!(r#""contract_months": {months}"#)),
            "invalid_contract_months",
            "participant.contract_months",
        );
    }
    // Extension months 0 … 60.
    for n in ["0", "60"] {
        ok(
            Contribution,
            &pmi(
                "2025-04",
                &format!(r#""contract_months": 24, "extension_months": {n}"#),
            ),
        );
    }
    for n in ["61", "-1"] {
        err(
            Contribution,
            &pmi(
                "2025-04",
                &format!(r#""contract_months": 24, "extension_months": {n}"#),
            ),
            "invalid_value",
            "participant.extension_months",
        );
    }
    // JHT: 0 (none) or one of the seven amounts (D-27).
    for jht in ["0", "50000", "600000"] {
        ok(
            Contribution,
            &pmi(
                "2025-04",
                &format!(r#""contract_months": 24, "jht_monthly": {jht}"#),
            ),
        );
    }
    for jht in ["49999", "50001", "700000", "-1", "99999999999999999999"] {
        err(
            Contribution,
            &pmi(
                "2025-04",
                &format!(r#""contract_months": 24, "jht_monthly": {jht}"#),
            ),
            "invalid_jht_monthly",
            "participant.jht_monthly",
        );
    }
}

#[test]
fn prepaid_months_d19() {
    for months in ["1", "3", "6", "12"] {
        let input = format!(
            r#"{{"period": "2025-04", "participant": {{"category": "bpu", "income": 1000000}}, "options": {{"months": {months}}}}}"#
        );
        let r = ok(Contribution, &input);
        let n: usize = months.parse().unwrap();
        // One JKK and one JKM line per prepaid month.
        assert_eq!(r["lines"].as_array().unwrap().len(), 2 * n);
    }
    for months in ["0", "2", "13", "-1", "99999999999999999999"] {
        let input = format!(
            r#"{{"period": "2025-04", "participant": {{"category": "bpu", "income": 1000000}}, "options": {{"months": {months}}}}}"#
        );
        err(Contribution, &input, "invalid_months", "options.months");
    }
    for months in ["3.0", "3e0", "\"3\""] {
        let input = format!(
            r#"{{"period": "2025-04", "participant": {{"category": "bpu", "income": 1000000}}, "options": {{"months": {months}}}}}"#
        );
        err(Contribution, &input, "invalid_type", "options.months");
    }
}

#[test]
fn claim_and_fine_amount_limits_d4() {
    let fine = |amount: &str| {
        format!(
            r#"{{"category": "pu", "period": "2025-01", "amount": {amount}, "paid_on": "2025-03-10"}}"#
        )
    };
    assert_eq!(ok(Fine, &fine("1"))["fine"], json!(0)); // 2% of Rp1 rounds to 0 (D-2)
    assert_eq!(
        ok(Fine, &fine("1000000000000"))["fine"],
        json!(20_000_000_000_u64)
    );
    err(
        Fine,
        &fine("1000000000001"),
        "amount_out_of_range",
        "amount",
    );
    err(Fine, &fine("0"), "invalid_amount", "amount");

    let jht = |balance: &str| {
        format!(
            r#"{{"benefit": "jht", "trigger": "death", "claim_date": "2025-01-01", "event_date": "2024-12-01", "membership_start": "2010-01-01", "balance": {balance}}}"#
        )
    };
    assert_eq!(
        ok(Benefit, &jht("100000000000000"))["total"],
        json!(100_000_000_000_000_u64)
    );
    assert_eq!(ok(Benefit, &jht("1"))["total"], json!(1));
    err(
        Benefit,
        &jht("100000000000001"),
        "amount_out_of_range",
        "balance",
    );
    err(Benefit, &jht("0"), "invalid_amount", "balance");

    let jp = |wage: &str| {
        format!(
            r#"{{"benefit": "jp", "claim_date": "2025-06-01", "birth_date": "1960-01-01", "contribution_months": 200, "average_wage": {wage}}}"#
        )
    };
    ok(Benefit, &jp("1000000000000"));
    err(
        Benefit,
        &jp("1000000000001"),
        "amount_out_of_range",
        "average_wage",
    );
    err(Benefit, &jp("-0"), "invalid_amount", "average_wage");
}

// Periods: the first covered month and every table's edges.

#[test]
fn first_covered_period_d6_d25() {
    let bpu = r#""category": "bpu", "income": 1000000"#;
    let jakon = r#""category": "jakon", "method": "wage", "wage": 5000000"#;
    let pmi = r#""category": "pmi", "channel": "agency", "contract_months": 24"#;
    for participant in [pu("5000000").as_str(), bpu, jakon] {
        ok(Contribution, &case("2015-07", participant));
        ok(Eligibility, &case("2015-07", participant));
        err(
            Contribution,
            &case("2015-06", participant),
            "period_out_of_range",
            "period",
        );
        err(
            Eligibility,
            &case("2015-06", participant),
            "period_out_of_range",
            "period",
        );
        err(
            Contribution,
            &case("0001-01", participant),
            "period_out_of_range",
            "period",
        );
    }
    ok(Contribution, &case("2019-01", pmi));
    err(
        Contribution,
        &case("2018-12", pmi),
        "period_out_of_range",
        "period",
    );
    err(
        Eligibility,
        &case("2018-12", pmi),
        "period_out_of_range",
        "period",
    );
    let fine = |category: &str, period: &str| {
        format!(
            r#"{{"category": "{category}", "period": "{period}", "amount": 1000000, "paid_on": "2025-03-10"}}"#
        )
    };
    ok(Fine, &fine("pu", "2015-07"));
    err(
        Fine,
        &fine("pu", "2015-06"),
        "period_out_of_range",
        "period",
    );
    ok(Fine, &fine("pmi", "2019-01"));
    err(
        Fine,
        &fine("pmi", "2018-12"),
        "period_out_of_range",
        "period",
    );
}

#[test]
fn pp_49_2020_relief_edges_d16() {
    let expect = [
        ("2020-07", "pu.jkk.rate"),
        ("2020-08", "pu.jkk.relief_pp49_2020"),
        ("2021-01", "pu.jkk.relief_pp49_2020"),
        ("2021-02", "pu.jkk.rate"),
    ];
    for (period, rule) in expect {
        let r = ok(Contribution, &case(period, &pu("5000000")));
        assert!(
            rules(&r).contains(&rule.to_owned()),
            "{period}: {:?}",
            rules(&r)
        );
        // The 99% of JP is deferred only inside the relief.
        let deferred = !r["deferred"].as_array().unwrap().is_empty();
        assert_eq!(deferred, rule.contains("relief"), "{period}");
    }
}

#[test]
fn jkp_and_its_funding_regimes_d13_d14() {
    let worker = r#""category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": 1, "scale": "large", "registered_on": "2019-03-01", "jkn_member": true"#;
    let status = |r: &Value| r["programs"][4]["status"].as_str().unwrap().to_owned();
    let r = ok(Contribution, &case("2021-01", worker));
    assert_eq!(status(&r), "not_eligible");
    assert!(r["allocations"].as_array().unwrap().is_empty());
    let r = ok(Contribution, &case("2021-02", worker));
    assert_eq!(status(&r), "mandatory");
    assert!(rules(&r).contains(&"pu.jkp.government".to_owned()));
    // PP 37/2021 (to 2025-01): JKK and JKM shares; PP 6/2025 (from 2025-02): JKK only.
    let from = |r: &Value| -> Vec<String> {
        r["allocations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["from"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        from(&ok(Contribution, &case("2025-01", worker))),
        ["jkk", "jkm"]
    );
    assert_eq!(from(&ok(Contribution, &case("2025-02", worker))), ["jkk"]);
}

#[test]
fn pp_7_2025_discount_edges_d15() {
    let worker = r#""category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": 1, "scale": "large", "industry": "textile_apparel", "active_workers": 50"#;
    for (period, rule) in [
        ("2025-01", "pu.jkk.rate"),
        ("2025-02", "pu.jkk.discount_pp7_2025"),
        ("2026-01", "pu.jkk.discount_pp7_2025"),
        ("2026-02", "pu.jkk.rate"),
    ] {
        let r = ok(Contribution, &case(period, worker));
        assert!(
            rules(&r).contains(&rule.to_owned()),
            "{period}: {:?}",
            rules(&r)
        );
    }
    // 49 active workers: no discount (D-15 needs at least 50).
    let r = ok(Contribution, &case("2025-06", &worker.replace("50", "49")));
    assert!(rules(&r).contains(&"pu.jkk.rate".to_owned()));
}

#[test]
fn pp_50_2025_discount_edges_d21() {
    for (sector, period, discounted) in [
        ("transport", "2025-12", false),
        ("transport", "2026-01", true),
        ("transport", "2027-03", true),
        ("transport", "2027-04", false),
        ("other", "2026-03", false),
        ("other", "2026-04", true),
        ("other", "2026-12", true),
        ("other", "2027-01", false),
    ] {
        let r = ok(
            Contribution,
            &case(
                period,
                &format!(r#""category": "bpu", "income": 1000000, "sector": "{sector}""#),
            ),
        );
        assert_eq!(
            rules(&r).contains(&"bpu.jkk.discount_pp50_2025".to_owned()),
            discounted,
            "{sector} {period}"
        );
        // The minimum package: Rp16,800, halved to Rp8,400 (D-3, D-21).
        assert_eq!(
            r["totals"]["participant"],
            json!(if discounted { 8_400 } else { 16_800 })
        );
    }
}

#[test]
fn jp_wage_ceiling_each_march_d12() {
    // REGULATIONS.md §7.3: each value applies from its March period (D-12;
    // the 2021 value from 2021-03 too); February keeps the year before's.
    let ceilings = [
        (2016, 7_000_000, 7_335_300),
        (2017, 7_335_300, 7_703_500),
        (2018, 7_703_500, 8_094_000),
        (2019, 8_094_000, 8_512_400),
        (2020, 8_512_400, 8_939_700),
        (2021, 8_939_700, 8_754_600),
        (2022, 8_754_600, 9_077_600),
        (2023, 9_077_600, 9_559_600),
        (2024, 9_559_600, 10_042_300),
        (2025, 10_042_300, 10_547_400),
        (2026, 10_547_400, 11_086_300),
    ];
    let base = |period: &str| {
        ok(Contribution, &case(period, &pu("20000000")))["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["program"] == "jp" && l["payer"] == "employer")
            .unwrap()["base"]
            .clone()
    };
    assert_eq!(base("2015-07"), json!(7_000_000));
    for (year, before, from_march) in ceilings {
        assert_eq!(base(&format!("{year}-02")), json!(before), "{year}-02");
        assert_eq!(base(&format!("{year}-03")), json!(from_march), "{year}-03");
    }
    // D-6: after the newest value it stays, with jp_ceiling_stale once a
    // year has passed.
    let r = ok(Contribution, &case("2027-02", &pu("20000000")));
    assert!(!warnings(&r).contains(&"jp_ceiling_stale"));
    let r = ok(Contribution, &case("2027-03", &pu("20000000")));
    assert!(warnings(&r).contains(&"jp_ceiling_stale"));
    assert_eq!(line(&r, "jp", "employer")["base"], json!(11_086_300));
}

#[test]
fn the_calendar_end_9999() {
    // PU and Jakon are due the month after (D-28): 9999-11 is the last period.
    let r = ok(Contribution, &case("9999-11", &pu("5000000")));
    assert_eq!(r["due_date"], json!("9999-12-15"));
    err(
        Contribution,
        &case("9999-12", &pu("5000000")),
        "period_out_of_range",
        "period",
    );
    err(
        Eligibility,
        &case("9999-12", &pu("5000000")),
        "period_out_of_range",
        "period",
    );
    let jakon = r#""category": "jakon", "method": "contract", "contract_value": 1000000"#;
    err(
        Contribution,
        &case("9999-12", jakon),
        "period_out_of_range",
        "period",
    );
    // BPU is due in the period itself; 9999-12-15 is a Wednesday.
    let r = ok(
        Contribution,
        &case(
            "9999-12",
            r#""category": "bpu", "income": 1000000, "birth_date": "9999-12-31""#,
        ),
    );
    assert_eq!(r["due_date"], json!("9999-12-15"));
    let prepay = r#"{"period": "9999-10", "participant": {"category": "bpu", "income": 1000000}, "options": {"months": 3}}"#;
    assert_eq!(
        ok(Contribution, prepay)["lines"].as_array().unwrap().len(),
        6
    );
    let prepay = r#"{"period": "9999-11", "participant": {"category": "bpu", "income": 1000000}, "options": {"months": 3}}"#;
    err(Contribution, prepay, "period_out_of_range", "period");
    // PMI has no due date.
    let r = ok(
        Contribution,
        &case(
            "9999-12",
            r#""category": "pmi", "channel": "agency", "contract_months": 24"#,
        ),
    );
    assert_eq!(r["due_date"], Value::Null);
    // Periods past 9999-12 are not YYYY-MM.
    err(
        Contribution,
        &case("10000-01", &pu("5000000")),
        "invalid_period",
        "period",
    );
    // Fines: paid on the last date jamsos handles.
    let fine = |category: &str, period: &str| {
        format!(
            r#"{{"category": "{category}", "period": "{period}", "amount": 1000000, "paid_on": "9999-12-31"}}"#
        )
    };
    let r = ok(Fine, &fine("pu", "9999-11"));
    assert_eq!(
        (
            r["due_date"].clone(),
            r["months_late"].clone(),
            r["fine"].clone()
        ),
        (json!("9999-12-15"), json!(1), json!(20_000))
    );
    err(
        Fine,
        &fine("pu", "9999-12"),
        "period_out_of_range",
        "period",
    );
    assert_eq!(ok(Fine, &fine("bpu", "9999-12"))["fine"], json!(0));
    // 2025-01 paid on 9999-12-31: 2% for each started month, no cap (D-29).
    let r = ok(Fine, &fine("pu", "2025-01"));
    assert_eq!(r["months_late"], json!(95_699));
    assert_eq!(r["fine"], json!(95_699_u64 * 20_000));
    // A JKP claim on the last day: a dismissal on 9999-12-01 is payable.
    let claim = r#"{"benefit": "jkp", "claim_date": "9999-12-31", "dismissal_date": "9999-12-01", "reason": "dismissal", "wage": 5000000, "months_paid_last_24": 24, "consecutive_months_before_dismissal": 24}"#;
    assert_eq!(ok(Benefit, claim)["total"], json!(18_000_000));
}

#[test]
fn period_syntax_is_exact() {
    for period in [
        "",
        "2025-4",
        "2025-13",
        "2025-00",
        "0000-01",
        "2025-04 ",
        " 2025-04",
        "2025/04",
        "2025-04-01",
        "25-04",
        "２０２５-04",
    ] {
        err(
            Contribution,
            &case(period, &pu("5000000")),
            "invalid_period",
            "period",
        );
        let fine = format!(
            r#"{{"category": "pu", "period": "{period}", "amount": 1000000, "paid_on": "2025-03-10"}}"#
        );
        err(Fine, &fine, "invalid_period", "period");
    }
    err(
        Contribution,
        &format!(
            r#"{{"period": 202504, "participant": {{{}}}}}"#,
            pu("5000000")
        ),
        "invalid_type",
        "period",
    );
}

// Dates (D-7a).

#[test]
fn dates_that_exist_and_dates_that_do_not() {
    let born = |date: &str| {
        case(
            "2025-04",
            &format!(
                r#""category": "pu", "birth_date": "{date}", "wage": 5000000, "risk_class": 1, "scale": "large""#
            ),
        )
    };
    for date in ["2024-02-29", "2000-02-29", "0001-01-01", "2025-04-30"] {
        ok(Contribution, &born(date));
    }
    for date in [
        "2023-02-29",
        "1900-02-29",
        "2025-04-31",
        "0000-01-01",
        "2024-2-29",
        " 2024-02-29",
        "2024-02-29 ",
        "",
        "2024-02-29T00:00:00",
        "29-02-2024",
    ] {
        err(
            Contribution,
            &born(date),
            "invalid_date",
            "participant.birth_date",
        );
    }
    // D-7a: a birth date after the period's last day cannot be true.
    err(
        Contribution,
        &born("2025-05-01"),
        "invalid_date",
        "participant.birth_date",
    );
    err(
        Contribution,
        &born("9999-12-31"),
        "invalid_date",
        "participant.birth_date",
    );

    // Born on 29 February: the birthday is 1 March in common years (D-7a).
    // Pension age 59 is in force 2025…2027 (D-10): reached on 2027-03-01,
    // so February 2027 is the last JP period (D-11).
    let r = ok(
        Eligibility,
        &case(
            "2025-04",
            r#""category": "pu", "birth_date": "1968-02-29", "wage": 5000000, "risk_class": 1, "scale": "large""#,
        ),
    );
    assert_eq!(r["pension_age_reached_on"], json!("2027-03-01"));
    assert_eq!(r["last_jp_period"], json!("2027-02"));

    // Registration on a leap day, and before birth.
    let registered = |date: &str| {
        case(
            "2025-04",
            &format!(
                r#""category": "pu", "birth_date": "1990-05-17", "registered_on": "{date}", "wage": 5000000, "risk_class": 1, "scale": "large", "jkn_member": true"#
            ),
        )
    };
    ok(Contribution, &registered("2024-02-29"));
    err(
        Contribution,
        &registered("2023-02-29"),
        "invalid_date",
        "participant.registered_on",
    );
    err(
        Contribution,
        &registered("1990-05-16"),
        "invalid_date",
        "participant.registered_on",
    );

    // Holidays, fines and claims read dates the same way.
    let holidays = |date: &str| {
        format!(
            r#"{{"period": "2024-01", "participant": {{{}}}, "options": {{"holidays": ["{date}"]}}}}"#,
            pu("5000000")
        )
    };
    ok(Contribution, &holidays("2024-02-29"));
    err(
        Contribution,
        &holidays("2023-02-29"),
        "invalid_date",
        "options.holidays",
    );
    let paid = |date: &str| {
        format!(
            r#"{{"category": "pu", "period": "2024-01", "amount": 1000000, "paid_on": "{date}"}}"#
        )
    };
    assert_eq!(ok(Fine, &paid("0001-01-01"))["months_late"], json!(0));
    assert_eq!(ok(Fine, &paid("2024-02-29"))["months_late"], json!(1));
    err(Fine, &paid("2023-02-29"), "invalid_date", "paid_on");
    err(Fine, &paid("0000-01-01"), "invalid_date", "paid_on");
    let claim = |date: &str| {
        format!(
            r#"{{"benefit": "jkm", "claim_date": "{date}", "death_date": "2024-02-29", "contribution_months": 40, "children": 0}}"#
        )
    };
    ok(Benefit, &claim("2024-02-29"));
    ok(Benefit, &claim("9999-12-31"));
    err(Benefit, &claim("1900-02-29"), "invalid_date", "claim_date");
}

// Strings: empty, and with surrounding whitespace. Enumeration values are
// exact; nothing is trimmed in a JSON document.

#[test]
fn empty_and_padded_strings_are_errors_naming_the_field() {
    let base = json!({"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17",
        "wage": 5000000, "risk_class": 1, "scale": "large"}});
    let bpu = json!({"period": "2025-04", "participant": {"category": "bpu", "income": 1000000}});
    let jakon = json!({"period": "2025-04", "participant": {"category": "jakon", "method": "wage", "wage": 5000000}});
    let pmi = json!({"period": "2025-04", "participant": {"category": "pmi", "channel": "agency", "contract_months": 24}});
    for (doc, field, code) in [
        (&base, "category", "invalid_value"),
        (&base, "birth_date", "invalid_date"),
        (&base, "nationality", "invalid_value"),
        (&base, "scale", "invalid_value"),
        (&base, "registered_on", "invalid_date"),
        (&base, "industry", "invalid_value"),
        (&bpu, "sector", "invalid_value"),
        (&jakon, "method", "invalid_value"),
        (&pmi, "channel", "invalid_value"),
    ] {
        for value in ["", " ", "\t"] {
            let mut d = doc.clone();
            d["participant"][field] = json!(value);
            err(
                Contribution,
                &d.to_string(),
                code,
                &format!("participant.{field}"),
            );
        }
        // A valid word with a space before or after is not that word.
        let word = match field {
            "category" => "pu",
            "birth_date" | "registered_on" => "2000-01-01",
            "nationality" => "wni",
            "scale" => "large",
            "industry" => "other",
            "sector" => "other",
            "method" => "wage",
            _ => "agency",
        };
        let mut variants = vec![format!(" {word}"), format!("{word} "), format!("{word}\n")];
        if word.to_uppercase() != word {
            variants.push(word.to_uppercase());
        }
        for padded in variants {
            let mut d = doc.clone();
            d["participant"][field] = json!(padded);
            err(
                Contribution,
                &d.to_string(),
                code,
                &format!("participant.{field}"),
            );
        }
    }
    for item in ["", " jht", "JHT"] {
        let mut d = bpu.clone();
        d["participant"]["opt_in"] = json!([item]);
        err(
            Contribution,
            &d.to_string(),
            "invalid_value",
            "participant.opt_in",
        );
    }
    // A key with a space is not the field.
    err(
        Contribution,
        &base.to_string().replace("\"wage\"", "\" wage\""),
        "unknown_field",
        "participant. wage",
    );
    // Claims and fines.
    for (field, code) in [("benefit", "invalid_value"), ("claim_date", "invalid_date")] {
        let mut d = json!({"benefit": "jkm", "claim_date": "2025-01-01", "death_date": "2024-12-01", "contribution_months": 40, "children": 0});
        d[field] = json!("");
        err(Benefit, &d.to_string(), code, field);
    }
    for (benefit, field, rest) in [
        (
            "jht",
            "trigger",
            json!({"event_date": "2024-12-01", "membership_start": "2010-01-01"}),
        ),
        (
            "jkk",
            "event",
            json!({"event_date": "2024-12-01", "wage": 5000000}),
        ),
        (
            "jkp",
            "reason",
            json!({"dismissal_date": "2024-12-01", "wage": 5000000, "months_paid_last_24": 20, "consecutive_months_before_dismissal": 20}),
        ),
    ] {
        let mut d = rest;
        d["benefit"] = json!(benefit);
        d["claim_date"] = json!("2025-01-01");
        d[field] = json!("");
        err(Benefit, &d.to_string(), "invalid_value", field);
    }
    let fine =
        json!({"category": "", "period": "2025-01", "amount": 1000000, "paid_on": "2025-03-10"});
    err(Fine, &fine.to_string(), "invalid_value", "category");
}

// Numbers: only JSON integers are money (CONTRACT.md preamble).

#[test]
fn numbers_in_every_spelling() {
    let income = |n: &str| case("2025-04", &format!(r#""category": "bpu", "income": {n}"#));
    // Exponents and fractions are not integers, even when whole.
    for n in [
        "1e7",
        "1E7",
        "1.0e7",
        "1e+7",
        "10000000.0",
        "10000000.00",
        "1.5e6",
        "-0.0",
    ] {
        err(
            Contribution,
            &income(n),
            "invalid_type",
            "participant.income",
        );
    }
    // Strings, booleans, arrays and objects are not numbers.
    for n in [
        "\"1000000\"",
        "\"1.000.000\"",
        "\"1,000,000\"",
        "true",
        "[1000000]",
        "{}",
    ] {
        err(
            Contribution,
            &income(n),
            "invalid_type",
            "participant.income",
        );
    }
    // Not JSON at all: leading zeros, a plus sign, separators, hex, NaN.
    for n in [
        "01000000",
        "00",
        "-01",
        "+1000000",
        "1_000_000",
        "0x10",
        "NaN",
        "Infinity",
        ".5",
        "1.",
    ] {
        err_json(&income(n));
    }
    // Negative zero is the integer 0: below Rp1.
    err(
        Contribution,
        &income("-0"),
        "invalid_amount",
        "participant.income",
    );
    // Beyond 64 bits: an amount error that shows the number as written.
    let answer = respond(
        Contribution,
        &income("123456789012345678901234567890"),
        &Settings::default(),
    );
    let e = answer.error.unwrap();
    assert_eq!(
        (e.code.code(), e.field.as_deref()),
        ("amount_out_of_range", Some("participant.income"))
    );
    assert!(
        e.message.contains("123456789012345678901234567890"),
        "{}",
        e.message
    );
    // Integers where the contract wants another type.
    let risk = case(
        "2025-04",
        r#""category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": 3.0, "scale": "large""#,
    );
    err(
        Contribution,
        &risk,
        "invalid_type",
        "participant.risk_class",
    );
    let months = case(
        "2025-04",
        r#""category": "pmi", "channel": "agency", "contract_months": 24.0"#,
    );
    err(
        Contribution,
        &months,
        "invalid_type",
        "participant.contract_months",
    );
    let jkn = case(
        "2025-04",
        r#""category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": 3, "scale": "large", "jkn_member": 1"#,
    );
    err(Contribution, &jkn, "invalid_type", "participant.jkn_member");
}

#[track_caller]
fn err_json(input: &str) {
    match run(Contribution, input) {
        Err((code, field)) => {
            assert_eq!(code, "invalid_json", "{input}");
            assert_eq!(field, None, "{input}");
        }
        Ok(v) => panic!("{input}: expected invalid_json, got {v}"),
    }
}
