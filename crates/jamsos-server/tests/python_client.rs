//! `examples/python/http_client.py` (urllib only) run with `python3` against
//! a running server: every figure it prints is the one jamsos computes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use std::process::Command;

use common::{Server, config, get, repo};
use jamsos_contract::{Settings, respond};
use serde_json::Value;

#[test]
fn the_python_client_prints_what_jamsos_computes() {
    let server = Server::start(config());
    let output = Command::new("python3")
        .arg(repo().join("examples/python/http_client.py"))
        .arg(format!("http://{}/", server.addr))
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();

    assert_eq!(lines[0], "healthz: 200 ok");

    let case =
        std::fs::read_to_string(repo().join("examples/data/pu-medium-factory.json")).unwrap();
    let result: Value = serde_json::from_str(
        &respond(
            jamsos_contract::Command::Contribution,
            &case,
            &Settings::default(),
        )
        .json,
    )
    .unwrap();
    let totals = &result["totals"];
    assert_eq!(
        lines[1],
        format!(
            "contribution: 200 period 2025-04 employer {} worker {} government {}",
            totals["employer"], totals["worker"], totals["government"]
        )
    );
    // PP 7/2025 Pasal 4: risk group 3's 0.89% halved to 0.445% of Rp12,000,000.
    assert_eq!(
        lines[2],
        "jkk: 12000000 x 0.00445 = 53400.00000 -> 53400 (pu.jkk.discount_pp7_2025)"
    );

    let invalid: Value = serde_json::from_str(
        &respond(
            jamsos_contract::Command::Contribution,
            r#"{"period": "2025-13"}"#,
            &Settings::default(),
        )
        .json,
    )
    .unwrap();
    assert_eq!(
        lines[3],
        format!(
            "invalid: 422 {} {}",
            invalid["error"]["code"].as_str().unwrap(),
            invalid["error"]["field"].as_str().unwrap()
        )
    );

    let rules = get(&server, "/v1/rules?period=2026-04").json();
    let ceiling = rules["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == "pp_45_2015::JP_WAGE_CEILING")
        .unwrap();
    assert_eq!(
        lines[4],
        format!(
            "rules 2026-04: 200 {} tables in force; JP wage ceiling {} from {} (PP 45/2015)",
            rules["tables"].as_array().unwrap().len(),
            ceiling["value"],
            ceiling["from"].as_str().unwrap()
        )
    );

    let roster = std::fs::read(repo().join("examples/data/roster.csv")).unwrap();
    let mut out = Vec::new();
    let summary = jamsos_batch::run(
        &roster[..],
        &mut out,
        &jamsos_batch::Config::new("2026-04".parse().unwrap()),
    )
    .unwrap();
    assert_eq!(
        lines[5],
        format!(
            "batch: {} rows, {} ok, {} errors, employer total {}",
            summary.all.rows, summary.all.ok, summary.all.errors, summary.all.totals[0]
        )
    );
    assert_eq!(lines.len(), 6);
}
