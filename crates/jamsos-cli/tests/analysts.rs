//! What data analysts expect of `jamsos batch` (issue 16): rosters saved by
//! a spreadsheet with semicolons, misspelled columns named with a suggestion,
//! input columns kept next to `id`, the summary as CSV grouped by several
//! columns, and NDJSON error lines that say which line and which id.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;
use common::run;

/// A sample roster of `rows` rows (comma-delimited, no quotes in it).
fn roster(rows: u64) -> String {
    let (code, out, _) = run(&["sample-roster", "--rows", &rows.to_string()], b"");
    assert_eq!(code, 0);
    out
}

/// The same roster with another delimiter: cells holding it are quoted.
fn with_delimiter(csv: &str, delimiter: char) -> String {
    csv.lines()
        .map(|line| {
            line.split(',')
                .map(|cell| {
                    if cell.contains(delimiter) {
                        format!("\"{cell}\"")
                    } else {
                        cell.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(&delimiter.to_string())
                + "\r\n"
        })
        .collect()
}

fn batch(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut all = vec!["batch", "--period", "2026-04"];
    all.extend_from_slice(args);
    run(&all, stdin.as_bytes())
}

#[test]
fn semicolon_and_tab_rosters_give_the_comma_roster_result() {
    let csv = roster(300);
    // The sample's opt_in cells hold `;` (CONTRACT.md §2), so they get quoted.
    let semicolons = with_delimiter(&csv, ';');
    assert!(semicolons.contains("\"jht;jp\""));
    let (code, expected, _) = batch(&[], &csv);
    assert_eq!(code, 0);
    assert_eq!(expected.lines().count(), 301);
    assert!(expected.lines().skip(1).all(|l| l.contains(",ok,")));
    for (args, input) in [
        (vec![], semicolons.clone()),
        (vec!["--delimiter", ";"], semicolons),
        (vec![], with_delimiter(&csv, '\t')),
        (vec!["--delimiter", "tab"], with_delimiter(&csv, '\t')),
    ] {
        let (code, out, err) = batch(&args, &input);
        assert_eq!(code, 0, "{args:?}: {err}");
        // The result is the contract's comma-delimited CSV.
        assert_eq!(out, expected, "{args:?}");
    }
}

#[test]
fn a_delimiter_that_is_not_one_character_stops() {
    let (code, out, err) = batch(&["--delimiter", ";;"], "id\n");
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("--delimiter \";;\""), "{err}");
}

#[test]
fn misspelled_columns_are_named_with_a_suggestion() {
    let input = "id,category,birth_date,wage,risk_class,scale,registerd_on,Nationality,employer\n\
                 A1,pu,1990-01-01,5000000,1,large,2020-01-01,wni,PT Maju\n";
    // Without --allow-extra-columns the batch stops naming them.
    let (code, out, err) = batch(&[], input);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("did you mean \"registered_on\" for \"registerd_on\"?"),
        "{err}"
    );
    assert!(
        err.contains("did you mean \"nationality\" for \"Nationality\"?"),
        "{err}"
    );
    // With it, every unknown column is listed on standard error.
    let (code, out, err) = batch(&["--allow-extra-columns"], input);
    assert_eq!(code, 0);
    let notices: Vec<&str> = err.lines().filter(|l| l.contains("column \"")).collect();
    assert_eq!(
        notices,
        [
            "jamsos: column \"registerd_on\" is not a contract column and is ignored: did you mean \"registered_on\"?",
            "jamsos: column \"Nationality\" is not a contract column and is ignored: did you mean \"nationality\"?",
            "jamsos: column \"employer\" is not a contract column and is ignored",
        ]
    );
    // The row is assessed without them (D-3: large scale, risk class 1:
    // JKK 0.24% of 5,000,000 = 12,000 by the employer).
    let row = out.lines().nth(1).unwrap();
    assert!(row.starts_with("A1,ok,,,12000,"), "{row}");
}

#[test]
fn kept_columns_sit_next_to_id_in_ok_and_error_rows() {
    let input = "employer,id,category,income,branch\n\
                 \"PT Maju, Tbk\",B1,bpu,1000000,Medan\n\
                 CV Jaya,B2,bpu,900000,Binjai\n\
                 CV Jaya,B3,bpu\n";
    let (code, out, err) = batch(
        &["--allow-extra-columns", "--keep", "employer,branch,income"],
        input,
    );
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0]
            .starts_with("id,employer,branch,income,status,error_code,error_message,jkk_employer,")
    );
    assert_eq!(lines[0].split(',').count(), 30);
    // D-21: the 2026-04 minimum BPU package is halved by PP 50/2025:
    // JKK 5,000 and JKM 3,400 by the participant.
    assert!(
        lines[1].starts_with("B1,\"PT Maju, Tbk\",Medan,1000000,ok,,,0,5000,0,0,3400,0,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("B2,CV Jaya,Binjai,900000,error,income_out_of_range,"),
        "{}",
        lines[2]
    );
    // A malformed row keeps what it has.
    assert!(
        lines[3].starts_with("B3,CV Jaya,,,error,malformed_row,"),
        "{}",
        lines[3]
    );
}

#[test]
fn keep_names_a_column_the_roster_has_and_the_output_has_not() {
    let input = "id,category,income\nB1,bpu,1000000\n";
    let (code, _, err) = batch(&["--keep", "employer"], input);
    assert_eq!(code, 1);
    assert!(err.contains("--keep employer: the roster has no column named employer"));
    let (code, _, err) = batch(&["--keep", "id"], input);
    assert_eq!(code, 1);
    assert!(err.contains("--keep id: the output already has a column named id"));
}

#[test]
fn csv_summary_grouped_by_two_columns() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let summary = dir.join("analysts-summary.csv");
    let input = "id,category,income,employer,branch\n\
                 B1,bpu,1000000,PT A,Medan\n\
                 B2,bpu,2000000,PT A,Medan\n\
                 B3,bpu,1000000,PT A,Binjai\n\
                 B4,bpu,900000,CV B,Medan\n";
    let (code, _, err) = batch(
        &[
            "--allow-extra-columns",
            "--summary",
            summary.to_str().unwrap(),
            "--summary-format",
            "csv",
            "--group-by",
            "employer,branch",
        ],
        input,
    );
    assert_eq!(code, 0, "{err}");
    // D-21 (2026-04, PP 50/2025): income 1,000,000 pays 5,000 + 3,400;
    // 2,000,000 pays 10,000 (JKK 0.5%) + 3,400 (JKM).
    assert_eq!(
        std::fs::read_to_string(&summary).unwrap(),
        "scope,category,error_code,employer,branch,rows,ok,errors,total_employer,total_worker,total_participant,total_government\n\
         all,,,,,4,3,1,0,0,30200,0\n\
         category,pu,,,,0,0,0,0,0,0,0\n\
         category,bpu,,,,4,3,1,0,0,30200,0\n\
         category,jakon,,,,0,0,0,0,0,0,0\n\
         category,pmi,,,,0,0,0,0,0,0,0\n\
         error_code,,income_out_of_range,,,1,0,1,0,0,0,0\n\
         group,,,CV B,Medan,1,0,1,0,0,0,0\n\
         group,,,PT A,Binjai,1,1,0,0,0,8400,0\n\
         group,,,PT A,Medan,2,2,0,0,0,21800,0\n"
    );
    // The JSON summary nests the groups, employer then branch.
    let (code, _, _) = batch(
        &[
            "--allow-extra-columns",
            "--summary",
            summary.to_str().unwrap(),
            "--group-by",
            "employer",
            "--group-by",
            "branch",
        ],
        input,
    );
    assert_eq!(code, 0);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    assert_eq!(doc["group_by"], serde_json::json!(["employer", "branch"]));
    assert_eq!(
        doc["groups"]["PT A"]["Medan"]["totals"]["participant"],
        21_800
    );
    assert_eq!(doc["groups"]["CV B"]["Medan"]["errors"], 1);
    let _ = std::fs::remove_file(summary);
}

#[test]
fn ndjson_error_lines_carry_the_line_and_the_id() {
    let input = "{\"id\":\"A1\",\"period\":\"2026-04\",\"participant\":{\"category\":\"bpu\",\"income\":1000000}}\n\
                 \n\
                 {\"id\":7,\"period\":\"2026-04\",\"participant\":{\"category\":\"bpu\",\"income\":900000}}\n\
                 {\"period\":\"2026-04\",\"participant\":{\"category\":\"bpu\",\"income\":900000}}\n\
                 not json\n";
    let (code, out, _) = run(&["batch", "--format", "ndjson"], input.as_bytes());
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "A1");
    assert_eq!(lines[0]["totals"]["participant"], 8_400);
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["error"]["code"], "income_out_of_range");
    assert_eq!(lines[2]["line"], 4);
    assert!(lines[2].get("id").is_none());
    assert_eq!(lines[3]["line"], 5);
    assert_eq!(lines[3]["error"]["code"], "invalid_json");
}
