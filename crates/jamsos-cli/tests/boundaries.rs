//! Boundary inputs through the `jamsos` binary (docs/BOUNDARIES.md, docs/ERRORS.md):
//! CSV cells in `jamsos batch` follow the contract's strict cell syntax
//! (CONTRACT.md §2), and invalid documents exit 2 with the error object on
//! standard output and one line naming the code and field on standard error.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use common::run;

/// Runs a roster for 2025-04 and returns its data rows, split at commas
/// outside quotes (the first four columns are enough here).
fn batch(roster: &str) -> Vec<Vec<String>> {
    let (code, out, err) = run(&["batch", "--period", "2025-04"], roster.as_bytes());
    assert_eq!(code, 0, "{err}");
    out.lines()
        .skip(1)
        .map(|line| {
            let mut cells = Vec::new();
            let mut cell = String::new();
            let mut quoted = false;
            for c in line.chars() {
                match c {
                    '"' => quoted = !quoted,
                    ',' if !quoted => cells.push(std::mem::take(&mut cell)),
                    c => cell.push(c),
                }
            }
            cells.push(cell);
            cells
        })
        .collect()
}

#[test]
fn integer_cells_are_ascii_digits_with_an_optional_minus() {
    // (cell as written in the CSV, expected status or error code).
    let cases = [
        ("5000000", "ok"),
        // Leading zeros are digits: valid in a cell (unlike JSON), read as 5000000.
        ("05000000", "ok"),
        (" 5000000", "invalid_type"),
        ("5000000 ", "invalid_type"),
        ("5.000.000", "invalid_type"),
        ("\"5,000,000\"", "invalid_type"),
        ("5e6", "invalid_type"),
        ("5E6", "invalid_type"),
        ("5000000.0", "invalid_type"),
        ("+5000000", "invalid_type"),
        ("Rp5000000", "invalid_type"),
        ("-0", "invalid_amount"),
        ("-5000000", "invalid_amount"),
        ("99999999999999999999", "amount_out_of_range"),
        // D-17: under Rp1,000,000 is row 1 of the income table, not an error.
        ("999999", "ok"),
        // An empty cell is absent: income is required for BPU.
        ("", "missing_field"),
    ];
    let mut roster = String::from("id,category,income\n");
    for (i, (cell, _)) in cases.iter().enumerate() {
        roster.push_str(&format!("R{i},bpu,{cell}\n"));
    }
    // An unquoted thousands separator splits the cell: a record of the wrong width.
    roster.push_str("W,bpu,5,000,000\n");
    let rows = batch(&roster);
    assert_eq!(rows.len(), cases.len() + 1);
    for (row, (cell, want)) in rows.iter().zip(cases) {
        let got = if row[1] == "ok" {
            "ok"
        } else {
            row[2].as_str()
        };
        assert_eq!(got, want, "cell {cell:?}: {row:?}");
        if want != "ok" && want != "missing_field" {
            // The message names the field and shows the cell as written.
            let shown = cell.trim_matches('"');
            assert!(row[3].contains("participant.income"), "{row:?}");
            assert!(row[3].contains(shown), "{cell:?}: {row:?}");
        }
    }
    // "05000000" computes exactly as "5000000": JKK 1% of Rp4,950,000, the
    // base of row 14 of the income table, [4,700,000, 5,200,000) (D-17).
    assert_eq!(rows[0][4..], rows[1][4..]);
    assert_eq!(rows[1][5], "49500");
    assert_eq!(rows.last().unwrap()[2], "malformed_row");
}

#[test]
fn boolean_enum_and_date_cells_are_exact() {
    let roster = "id,category,income,subsidised,sector,birth_date,opt_in\n\
        A,bpu,1000000,true,transport,2024-02-29,jht\n\
        B,bpu,1000000,TRUE,,,\n\
        C,bpu,1000000, true,,,\n\
        D,bpu,1000000,1,,,\n\
        E,bpu,1000000,,Transport,,\n\
        F,bpu,1000000,,,2023-02-29,\n\
        G,bpu,1000000,,,0000-01-01,\n\
        H,bpu,1000000,,,2000-02-29,\n\
        I, bpu,1000000,,,,\n\
        J,bpu,1000000,,,, jht ; ;\n\
        K,bpu,1000000,,,,jkk_jkm\n";
    let rows = batch(roster);
    let outcome: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r[0].as_str(),
                if r[1] == "ok" { "ok" } else { r[2].as_str() },
            )
        })
        .collect();
    assert_eq!(
        outcome,
        [
            ("A", "ok"),
            ("B", "invalid_type"),
            ("C", "invalid_type"),
            ("D", "invalid_type"),
            ("E", "invalid_value"),
            ("F", "invalid_date"),
            ("G", "invalid_date"),
            ("H", "ok"),
            ("I", "invalid_value"),
            // opt_in items are trimmed and empty items dropped (CONTRACT.md §2).
            ("J", "ok"),
            ("K", "invalid_value"),
        ]
    );
}

#[test]
fn period_cells_at_the_edges() {
    let roster = "id,period,category,income\n\
        A,2015-07,bpu,1000000\n\
        B,2015-06,bpu,1000000\n\
        C,9999-12,bpu,1000000\n\
        D,2025-04 ,bpu,1000000\n\
        E,2025-4,bpu,1000000\n\
        F,,bpu,1000000\n";
    let rows = batch(roster);
    let outcome: Vec<&str> = rows
        .iter()
        .map(|r| if r[1] == "ok" { "ok" } else { r[2].as_str() })
        .collect();
    // An empty period cell is absent: the row takes --period.
    assert_eq!(
        outcome,
        [
            "ok",
            "period_out_of_range",
            "ok",
            "invalid_period",
            "invalid_period",
            "ok"
        ]
    );
}

#[test]
fn invalid_documents_exit_2_with_the_error_object() {
    for (command, input, code, field) in [
        (
            "contribution",
            r#"{"period": "2025-04", "participant": {"category": "bpu", "income": 1e7}}"#,
            "invalid_type",
            "participant.income",
        ),
        (
            "eligibility",
            r#"{"period": "2025-04 ", "participant": {"category": "bpu", "income": 1000000}}"#,
            "invalid_period",
            "period",
        ),
        (
            "contribution",
            r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "2023-02-29", "wage": 5000000, "risk_class": 1, "scale": "large"}}"#,
            "invalid_date",
            "participant.birth_date",
        ),
        (
            "benefit",
            r#"{"benefit": "jht", "trigger": "death", "claim_date": "2025-01-01", "event_date": "2024-12-01", "membership_start": "2010-01-01", "balance": 100000000000001}"#,
            "amount_out_of_range",
            "balance",
        ),
        (
            "fine",
            r#"{"category": "pu", "period": "2025-01", "amount": 0, "paid_on": "2025-03-10"}"#,
            "invalid_amount",
            "amount",
        ),
    ] {
        let (exit, out, err) = run(&[command], input.as_bytes());
        assert_eq!(exit, 2, "{command} {input}: {out} {err}");
        let doc: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(doc["error"]["code"], code, "{out}");
        assert_eq!(doc["error"]["field"], field, "{out}");
        // One line on standard error: `jamsos: code (field): message`.
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(
            err.starts_with(&format!("jamsos: {code} ({field}): ")),
            "{err}"
        );
    }
    // Leading zeros are not JSON: invalid_json, no field.
    let (exit, out, err) = run(
        &["contribution"],
        br#"{"period": "2025-04", "participant": {"category": "bpu", "income": 01000000}}"#,
    );
    assert_eq!(exit, 2, "{err}");
    assert!(
        out.starts_with(r#"{"error":{"code":"invalid_json""#),
        "{out}"
    );
    assert!(out.contains(r#""field":null"#), "{out}");
}
