//! The `jamsos` binary for informal workers (BPU), construction projects
//! (Jakon) and migrant workers (PMI): the sample cases, `--pretty` in both
//! languages, invalid input naming its field, and `--income-grid`.
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

const BPU: &str = include_str!("../../../examples/data/bpu-market-trader.json");
const JAKON: &str = include_str!("../../../examples/data/jakon-contract.json");
const PMI: &str = include_str!("../../../examples/data/pmi-agency.json");

fn result(case: &str) -> Value {
    let (code, out, err) = run(&["contribution"], case.as_bytes());
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn samples() {
    // D-17, D-19, D-21: Rp2,500,000 is in row 9 of the income table,
    // [2,500,000, 2,700,000), and pays on 2,600,000; from 2026-04, 3 months,
    // all in the other sector's PP 50/2025 months: JKK 0.5% = 13,000, JKM
    // 3,400, JHT 2% = 52,000.
    let v = result(BPU);
    assert_eq!(v["lines"].as_array().unwrap().len(), 9);
    assert_eq!(v["totals"]["participant"], 3 * (13_000 + 3_400 + 52_000));
    assert_eq!(v["due_date"], "2026-04-15");

    // D-24: 2,750,000,000 → JKK 210,000 + 680,000 + 650,000 + 0.11% × 1.75e9
    // (1,925,000); JKM 30,000 + 80,000 + 100,000 + 0.01% × 1.75e9 (175,000).
    let v = result(JAKON);
    assert_eq!(v["totals"]["employer"], 3_465_000 + 385_000);
    assert_eq!(v["lines"][0]["components"].as_array().unwrap().len(), 4);
    assert_eq!(v["due_date"], "2025-10-15");

    // D-25 … D-27: agency 37,500 + 24 months 332,500 + 2 × 13,500, JHT 100,000.
    let v = result(PMI);
    assert_eq!(v["lines"][0]["program"], "jkk_jkm");
    assert_eq!(v["lines"][0]["amount"], 397_000);
    assert_eq!(v["totals"]["participant"], 497_000);
    assert_eq!(v["due_date"], Value::Null);
}

#[test]
fn pretty_for_each_category_in_both_languages() {
    for (case, id, en) in [
        (BPU, "bukan penerima upah", "informal worker"),
        (JAKON, "lapis 4", "tier 4"),
        (PMI, "sebelum bekerja", "before work"),
    ] {
        let (code, out, _) = run(&["contribution", "--pretty"], case.as_bytes());
        assert_eq!(code, 0);
        assert!(out.contains(id), "{out}");
        let (code, out, _) = run(
            &["contribution", "--pretty", "--lang", "en"],
            case.as_bytes(),
        );
        assert_eq!(code, 0);
        assert!(out.contains(en), "{out}");
    }
    let (_, out, _) = run(&["contribution", "--pretty"], BPU.as_bytes());
    // Three months of 65,900, the Indonesian way.
    // 3 × 68,400 (D-17 row 9, see `samples`), and the base shown.
    assert!(out.contains("Rp205.200"), "{out}");
    assert!(
        out.contains("Penghasilan dilaporkan Rp2.500.000 → dasar iuran Rp2.600.000"),
        "{out}"
    );
    assert!(out.contains("2026-04 s.d. 2026-06"), "{out}");
    let (_, out, _) = run(&["eligibility", "--pretty"], PMI.as_bytes());
    assert!(out.contains("sukarela"), "{out}");
}

/// The issue's invalid inputs: each exits 2 with the error naming the field.
#[test]
fn invalid_input_names_the_field() {
    for (case, code, field) in [
        (
            r#"{"period":"2026-04","participant":{"category":"bpu","income":0}}"#,
            "invalid_amount",
            "participant.income",
        ),
        (
            r#"{"period":"2025-04","participant":{"category":"pmi","channel":"agency","contract_months":18}}"#,
            "invalid_contract_months",
            "participant.contract_months",
        ),
        (
            r#"{"period":"2025-04","participant":{"category":"pmi","channel":"agency","contract_months":24,"jht_monthly":70000}}"#,
            "invalid_jht_monthly",
            "participant.jht_monthly",
        ),
        (
            r#"{"period":"2025-04","participant":{"category":"jakon","method":"contract"}}"#,
            "missing_field",
            "participant.contract_value",
        ),
        (
            r#"{"period":"2026-04","participant":{"category":"bpu","income":1000000,"sector":"fishing"}}"#,
            "invalid_value",
            "participant.sector",
        ),
        (
            r#"{"period":"2026-04","participant":{"category":"bpu","income":1000000},"options":{"months":2}}"#,
            "invalid_months",
            "options.months",
        ),
    ] {
        for command in ["contribution", "eligibility"] {
            let (exit, out, err) = run(&[command], case.as_bytes());
            if command == "eligibility" && code == "invalid_months" {
                // §3: eligibility ignores options.months.
                assert_eq!(exit, 0, "{out}");
                continue;
            }
            assert_eq!(exit, 2, "{command} {case}: {out}");
            let v: Value = serde_json::from_str(&out).unwrap();
            assert_eq!(v["error"]["code"], code, "{command} {case}");
            assert_eq!(v["error"]["field"], field, "{command} {case}");
            assert!(err.contains(field), "{err}");
        }
    }
}

#[test]
fn official_income_grid_replaces_the_provisional_one() {
    let dir = std::env::temp_dir().join(format!("jamsos-grid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let grid = dir.join("grid.csv");
    // A made-up grid: 1,000,000 … 1,499,999 pays on 1,000,000.
    std::fs::write(
        &grid,
        "from,to,nominal\n1000000,1499999,1000000\n1500000,20700000,\n",
    )
    .unwrap();
    let case = r#"{"period":"2025-04","participant":{"category":"bpu","income":1400000}}"#;
    let (code, out, _) = run(
        &["contribution", "--income-grid", grid.to_str().unwrap()],
        case.as_bytes(),
    );
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["lines"][0]["base"], 1_000_000);
    assert_eq!(v["totals"]["participant"], 10_000 + 6_800);
    assert_eq!(v["warnings"], serde_json::json!([]));
    // Without it, the built-in table pays on row 3's base, [1,300,000,
    // 1,500,000) → 1,400,000, and says the table is provisional (D-17).
    let v = result(case);
    assert_eq!(v["lines"][0]["base"], 1_400_000);
    let v = result(&case.replace("1400000", "1450000"));
    assert_eq!(v["lines"][0]["base"], 1_400_000);
    assert_eq!(v["warnings"][0]["code"], "provisional_table");

    std::fs::write(
        &grid,
        "from,to,nominal\n2000000,2999999,\n1000000,1999999,\n",
    )
    .unwrap();
    let (code, _, err) = run(
        &["contribution", "--income-grid", grid.to_str().unwrap()],
        case.as_bytes(),
    );
    assert_eq!(code, 1);
    assert!(err.contains("--income-grid"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
