//! An independent oracle for the batch (CONTRACT.md §2): every cell of every
//! output row is checked against the JSON contract (§1) applied to the same
//! input row, built here from the row's cells with the typing rules of §1 and
//! §2, and answered by `jamsos_contract::contribution`.
//!
//! The rosters are sample rows (`jamsos_batch::sample`) with defective rows of
//! many kinds mixed in, written with the CSV leniencies the contract allows
//! (CRLF, a byte-order mark, blank lines, quoted fields holding commas, quotes
//! and line ends, columns in any order, extra columns), so the oracle checks
//! the reader as well as the rules: one output row per input record, in
//! order, ids preserved or replaced by the record's physical line number.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use jamsos_batch::sample::SplitMix64;
use std::collections::BTreeMap;
use std::time::Instant;

use jamsos_batch::{AMOUNT_COLUMNS, Config, Summary};
use proptest::prelude::*;

mod common;
use common::{INTEGERS, PROGRAMS, case_json};

/// The error codes the default rosters must produce at least once, so that
/// the comparison is never vacuous. (`income_out_of_range` needs a caller's
/// grid: the built-in income table holds every income, D-17.)
const CODES_COVERED: [&str; 14] = [
    "invalid_type",
    "invalid_date",
    "invalid_value",
    "field_not_applicable",
    "missing_field",
    "malformed_row",
    "invalid_period",
    "period_out_of_range",
    "invalid_contract_months",
    "invalid_jht_monthly",
    "wage_below_floor",
    "invalid_risk_class",
    "amount_out_of_range",
    "invalid_amount",
];

// ---------------------------------------------------------------------------
// A deterministic generator: the rosters depend only on their seed.

struct Rng(SplitMix64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(SplitMix64::new(seed))
    }

    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------
// The roster model: logical cells, written to CSV separately.

/// One input record.
#[derive(Debug, Clone)]
enum Record {
    /// Logical cells, quoted when written as CSV needs (or at random).
    Cells(Vec<String>),
    /// Cells followed by a field with a misplaced quote (`"ab"c`): a
    /// malformed record that still ends at its line end.
    BrokenQuote(Vec<String>),
    /// Cells whose last field opens a quote that never closes: it runs to
    /// the end of the input, so it can only be the last record.
    Unterminated(Vec<String>),
}

impl Record {
    fn cells(&self) -> &[String] {
        match self {
            Record::Cells(c) | Record::BrokenQuote(c) | Record::Unterminated(c) => c,
        }
    }
}

/// How a roster is written.
#[derive(Debug, Clone, Copy, Default)]
struct Style {
    crlf: bool,
    bom: bool,
    /// Blank lines before a record, per mille.
    blank_lines: usize,
    /// Cells quoted although they need not be, per mille.
    gratuitous_quotes: usize,
}

#[derive(Debug, Clone)]
struct Roster {
    header: Vec<String>,
    records: Vec<Record>,
}

fn needs_quotes(cell: &str) -> bool {
    cell.bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

fn push_cell(out: &mut Vec<u8>, cell: &str, quote: bool) {
    if quote || needs_quotes(cell) {
        out.push(b'"');
        out.extend_from_slice(cell.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(cell.as_bytes());
    }
}

impl Roster {
    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The CSV bytes and the physical line each record starts on.
    fn write(&self, style: Style, rng: &mut Rng) -> (Vec<u8>, Vec<u64>) {
        let eol: &[u8] = if style.crlf { b"\r\n" } else { b"\n" };
        let mut out = Vec::new();
        if style.bom {
            out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
        }
        for (i, name) in self.header.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            push_cell(&mut out, name, false);
        }
        out.extend_from_slice(eol);
        let mut line = 2u64;
        let mut lines = Vec::with_capacity(self.records.len());
        for record in &self.records {
            while rng.chance(style.blank_lines) {
                out.extend_from_slice(eol);
                line += 1;
            }
            let start = out.len();
            lines.push(line);
            let cells = record.cells();
            // A record of one empty field would be a blank line.
            let may_quote = cells.len() > 1;
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                push_cell(
                    &mut out,
                    cell,
                    may_quote && rng.chance(style.gratuitous_quotes),
                );
            }
            match record {
                Record::Cells(_) => {}
                Record::BrokenQuote(_) => out.extend_from_slice(b",\"ab\"c"),
                Record::Unterminated(_) => out.extend_from_slice(b",\"never closed, "),
            }
            out.extend_from_slice(eol);
            line += out[start..].iter().filter(|b| **b == b'\n').count() as u64;
        }
        (out, lines)
    }
}

// ---------------------------------------------------------------------------
// The oracle: CONTRACT.md §1 applied to one row.

/// What the batch must write for one record.
#[derive(Debug)]
enum Expected {
    /// The whole row.
    Ok(Vec<String>),
    /// The id, the error code and the field the message must name.
    Error {
        id: String,
        code: String,
        field: Option<String>,
    },
}

fn expected(roster: &Roster, record: &Record, line: u64, batch_period: &str) -> Expected {
    let cells = record.cells();
    let given_id = roster
        .column("id")
        .and_then(|c| cells.get(c))
        .filter(|c| !c.is_empty())
        .cloned();
    let id = given_id.clone().unwrap_or_else(|| line.to_string());
    let width = roster.header.len();
    let malformed = match record {
        Record::Cells(c) => c.len() != width,
        Record::BrokenQuote(_) | Record::Unterminated(_) => true,
    };
    if malformed {
        return Expected::Error {
            id,
            code: "malformed_row".into(),
            field: None,
        };
    }
    // CONTRACT.md §2: a row without an id is an error row, labelled with
    // its line, before any of its values is read.
    if given_id.is_none() {
        return Expected::Error {
            id,
            code: "missing_field".into(),
            field: Some("id".into()),
        };
    }
    let json = case_json(
        roster
            .header
            .iter()
            .map(String::as_str)
            .zip(cells.iter().map(String::as_str)),
        batch_period,
    );
    let result = match jamsos_contract::contribution(&json) {
        Ok(r) => r,
        Err(e) => {
            return Expected::Error {
                id,
                code: e.code.code().to_owned(),
                field: e.field,
            };
        }
    };
    let column = |name: &str| {
        AMOUNT_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap_or_else(|| panic!("no amount column {name}"))
    };
    let mut amounts = [0u64; 18];
    let mut per_payer: BTreeMap<&str, u64> = BTreeMap::new();
    for l in &result.lines {
        let name = format!("{}_{}", l.program, l.payer);
        let i = AMOUNT_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap_or_else(|| panic!("{json}: line {name} has no output column"));
        amounts[i] += l.amount;
        *per_payer.entry(l.payer.code()).or_default() += l.amount;
    }
    amounts[column("jp_deferred")] = result.deferred.iter().map(|l| l.amount).sum();
    let totals = [
        ("employer", result.totals.employer),
        ("worker", result.totals.worker),
        ("participant", result.totals.participant),
        ("government", result.totals.government),
    ];
    for (payer, total) in totals {
        assert_eq!(
            per_payer.get(payer).copied().unwrap_or(0),
            total,
            "{json}: the contract's {payer} total is not the sum of its lines"
        );
        amounts[column(&format!("total_{payer}"))] = total;
    }
    let mut row = vec![id, "ok".into(), String::new(), String::new()];
    row.extend(amounts.iter().map(u64::to_string));
    for p in PROGRAMS {
        let entry = result
            .programs
            .iter()
            .find(|e| e.program.code() == p)
            .unwrap_or_else(|| panic!("{json}: no status for {p}"));
        row.push(entry.status.code().to_owned());
    }
    Expected::Ok(row)
}

// ---------------------------------------------------------------------------
// Reading the output.

/// A strict RFC 4180 reader for the batch's output: LF line ends, a field
/// quoted only from its first byte, nothing but a comma or a line end after
/// a closing quote, no bare carriage return.
fn parse_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("the output is UTF-8");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut field_start = true;
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                    assert!(
                        matches!(chars.peek(), None | Some(',' | '\n')),
                        "output: text after a closing quote in row {}",
                        rows.len() + 1
                    );
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field_start => {
                quoted = true;
                field_start = false;
            }
            ',' => {
                row.push(std::mem::take(&mut field));
                field_start = true;
            }
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                field_start = true;
            }
            '"' | '\r' => panic!("output: unquoted {c:?} in row {}", rows.len() + 1),
            _ => {
                field.push(c);
                field_start = false;
            }
        }
    }
    assert!(!quoted, "output: a quote is never closed");
    assert!(
        field.is_empty() && row.is_empty(),
        "output: the last row has no line end"
    );
    rows
}

fn output_header() -> Vec<String> {
    let mut h: Vec<String> = ["id", "status", "error_code", "error_message"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    h.extend(AMOUNT_COLUMNS.iter().map(|s| (*s).to_owned()));
    h.extend(PROGRAMS.iter().map(|s| (*s).to_owned()));
    h
}

/// Runs the batch with `threads` workers.
fn batch(input: &[u8], period: &str, threads: usize, allow_extra: bool) -> (Vec<u8>, Summary) {
    let mut out = Vec::new();
    let mut config = Config::new(period.parse().unwrap());
    config.threads = threads;
    config.allow_extra_columns = allow_extra;
    let summary = jamsos_batch::run(input, &mut out, &config).unwrap();
    (out, summary)
}

/// Compares every output cell with the oracle and the summary with the
/// output; returns the error codes seen.
fn check(
    roster: &Roster,
    lines: &[u64],
    period: &str,
    out: &[u8],
    summary: &Summary,
) -> BTreeMap<String, u64> {
    let rows = parse_csv(out);
    assert_eq!(rows[0], output_header(), "output header");
    let rows = &rows[1..];
    assert_eq!(
        rows.len(),
        roster.records.len(),
        "one output row per input record"
    );
    let width = output_header().len();
    for (n, ((record, line), row)) in roster.records.iter().zip(lines).zip(rows).enumerate() {
        assert_eq!(row.len(), width, "row {n} (line {line}): {row:?}");
        let context = || format!("record {n} on line {line}: {record:?}\noutput: {row:?}");
        match expected(roster, record, *line, period) {
            Expected::Ok(want) => assert_eq!(row, &want, "{}", context()),
            Expected::Error { id, code, field } => {
                assert_eq!(
                    (row[0].as_str(), row[1].as_str(), row[2].as_str()),
                    (id.as_str(), "error", code.as_str()),
                    "{}",
                    context()
                );
                assert!(
                    !row[3].is_empty(),
                    "an error row has a message: {}",
                    context()
                );
                if let Some(field) = field {
                    assert!(
                        row[3].contains(&field),
                        "the message names {field}: {}",
                        context()
                    );
                }
                assert!(
                    row[4..].iter().all(String::is_empty),
                    "an error row leaves the amounts empty: {}",
                    context()
                );
            }
        }
    }
    check_summary(summary, rows)
}

fn check_summary(summary: &Summary, rows: &[Vec<String>]) -> BTreeMap<String, u64> {
    let ok: Vec<&Vec<String>> = rows.iter().filter(|r| r[1] == "ok").collect();
    let mut codes: BTreeMap<String, u64> = BTreeMap::new();
    for r in rows.iter().filter(|r| r[1] == "error") {
        *codes.entry(r[2].clone()).or_default() += 1;
    }
    assert_eq!(summary.all.rows, rows.len() as u64, "summary rows");
    assert_eq!(summary.all.ok, ok.len() as u64, "summary ok");
    assert_eq!(
        summary.all.errors,
        (rows.len() - ok.len()) as u64,
        "summary errors"
    );
    let sum = |column: usize| -> u128 {
        ok.iter()
            .map(|r| u128::from(r[column].parse::<u64>().unwrap()))
            .sum()
    };
    let total = |payer: &str| {
        4 + AMOUNT_COLUMNS
            .iter()
            .position(|c| *c == format!("total_{payer}"))
            .unwrap()
    };
    let totals = ["employer", "worker", "participant", "government"].map(|p| sum(total(p)));
    assert_eq!(summary.all.totals, totals, "summary totals per payer");
    let amounts: Vec<u128> = (0..AMOUNT_COLUMNS.len()).map(|i| sum(4 + i)).collect();
    assert_eq!(summary.amounts.to_vec(), amounts, "summary per column");
    assert_eq!(summary.error_codes, codes, "summary error codes");
    for (p, counts) in summary.statuses.iter().enumerate() {
        let column = 4 + AMOUNT_COLUMNS.len() + p;
        let count = |s: &str| ok.iter().filter(|r| r[column] == s).count() as u64;
        assert_eq!(
            *counts,
            [count("mandatory"), count("optional"), count("not_eligible")],
            "summary statuses of {}",
            PROGRAMS[p]
        );
    }
    codes
}

// ---------------------------------------------------------------------------
// Defects.

/// Valid row periods across the whole history of the rules, and beyond.
const PERIODS: [&str; 26] = [
    "2015-07", "2016-12", "2018-06", "2019-12", "2020-05", "2020-08", "2020-09", "2020-12",
    "2021-01", "2021-02", "2022-03", "2023-02", "2023-03", "2024-07", "2025-01", "2025-02",
    "2025-03", "2025-08", "2026-01", "2026-04", "2026-10", "2027-06", "2030-12", "2031-01",
    "2040-01", "9999-12",
];

/// The kinds of defect; each appears in turn, so a few dozen defective rows
/// cover them all.
const DEFECTS: [&str; 30] = [
    "bad_integer",
    "bad_boolean",
    "bad_date",
    "unknown_enum",
    "not_applicable",
    "missing_required",
    "too_many_cells",
    "too_few_cells",
    "empty_id",
    "hostile_id",
    "bad_period",
    "early_period",
    "income_edge",
    "pmi_contract_months",
    "pmi_jht_monthly",
    "wage_below_floor",
    "risk_class",
    "huge_integer",
    "leading_zeros",
    "opt_in_spacing",
    "broken_quote",
    "extension_months",
    "jakon_method_mismatch",
    "negative_amount",
    "blank_category",
    "whitespace_line",
    "long_cell",
    "active_workers",
    "empty_id_and_defect",
    "bad_opt_in",
];

/// Defects whose record keeps the header's width and cell layout, so the
/// result does not depend on the column order.
fn layout_free(kind: &str) -> bool {
    !matches!(
        kind,
        "too_many_cells"
            | "too_few_cells"
            | "broken_quote"
            | "whitespace_line"
            | "empty_id_and_defect"
    )
}

/// A row being edited by name.
struct Row<'a> {
    header: &'a [String],
    cells: Vec<String>,
}

impl Row<'_> {
    fn get(&self, name: &str) -> &str {
        self.header
            .iter()
            .position(|h| h == name)
            .map_or("", |i| self.cells[i].as_str())
    }

    fn set(&mut self, name: &str, value: &str) {
        if let Some(i) = self.header.iter().position(|h| h == name) {
            self.cells[i] = value.to_owned();
        }
    }

    /// Clears every participant cell and writes a valid base case of
    /// `category`.
    fn base(&mut self, category: &str) {
        for (name, cell) in self.header.iter().zip(self.cells.iter_mut()) {
            if !matches!(name.as_str(), "id" | "period" | "note" | "employer") {
                cell.clear();
            }
        }
        self.set("category", category);
        match category {
            "pu" => {
                self.set("birth_date", "1990-05-17");
                self.set("wage", "7500000");
                self.set("risk_class", "2");
                self.set("scale", "large");
            }
            "bpu" => self.set("income", "2500000"),
            "jakon" => {
                self.set("method", "wage");
                self.set("wage", "4000000");
            }
            _ => {
                self.set("channel", "agency");
                self.set("contract_months", "24");
            }
        }
    }

    /// A present integer field of the row.
    fn integer_field(&self, rng: &mut Rng) -> &'static str {
        let present: Vec<&'static str> = INTEGERS
            .iter()
            .copied()
            .filter(|f| !self.get(f).is_empty())
            .collect();
        present
            .get(rng.below(present.len().max(1)))
            .copied()
            .unwrap_or("")
    }
}

/// Applies defect `kind` to a valid row; returns the record to write.
fn defect(kind: &str, header: &[String], cells: Vec<String>, rng: &mut Rng) -> Record {
    let mut row = Row { header, cells };
    let category = row.get("category").to_owned();
    match kind {
        "bad_integer" => {
            let field = row.integer_field(rng);
            let value = *rng.pick(&[
                "1.000.000",
                "+5",
                " 5",
                "5 ",
                "5e6",
                "5000000.0",
                "0x10",
                "5_000",
                "--5",
                "-",
                "5,000",
                "١٢٣",
                "5\u{a0}000",
                "+0",
            ]);
            row.set(field, value);
        }
        "bad_boolean" => {
            let field = match category.as_str() {
                "pu" => *rng.pick(&[
                    "jkn_member",
                    "paid_jkk_through_2025_01",
                    "paid_through_2020_07",
                ]),
                "bpu" => *rng.pick(&["subsidised", "paid_through_2020_07"]),
                "jakon" => "paid_through_2020_07",
                _ => {
                    row.base("bpu");
                    "subsidised"
                }
            };
            let value = *rng.pick(&["TRUE", "1", "True", "yes", "0", " true", "false ", "f"]);
            row.set(field, value);
        }
        "bad_date" => {
            let field = if category == "pu" && rng.chance(500) {
                "registered_on"
            } else {
                "birth_date"
            };
            let value = *rng.pick(&[
                "2025-02-30",
                "2025-2-3",
                "1990-05-17T00:00",
                "17-05-1990",
                "1990/05/17",
                "2023-02-29",
                "19900517",
                " 1990-05-17",
                "1990-13-01",
                "1990-00-10",
            ]);
            row.set(field, value);
        }
        "unknown_enum" => {
            let (field, values): (&str, &[&str]) = match (category.as_str(), rng.below(3)) {
                (_, 0) => ("category", &["PU", "Pu", "xyz", "pu ", " bpu", "jkk"]),
                ("pu", 1) => ("scale", &["Large", "huge", "MEDIUM"]),
                ("pu", _) => ("industry", &["mining", "Other", "textile"]),
                ("bpu", 1) => ("sector", &["Transport", "taxi"]),
                ("bpu", _) => ("nationality", &["WNI", "id", "wni "]),
                ("jakon", _) => ("method", &["Wage", "lump", "contract "]),
                _ => ("channel", &["agent", "Agency", "self"]),
            };
            let value = *rng.pick(values);
            row.set(field, value);
        }
        "not_applicable" => {
            let (field, value) = match category.as_str() {
                "pu" => *rng.pick(&[
                    ("income", "2000000"),
                    ("sector", "other"),
                    ("subsidised", "false"),
                    ("method", "wage"),
                    ("contract_value", "100000000"),
                    ("channel", "agency"),
                    ("contract_months", "12"),
                    ("jht_monthly", "0"),
                ]),
                "bpu" => *rng.pick(&[
                    ("wage", "5000000"),
                    ("risk_class", "1"),
                    ("scale", "micro"),
                    ("registered_on", "2020-01-01"),
                    ("jkn_member", "true"),
                    ("industry", "other"),
                    ("method", "wage"),
                    ("extension_months", "0"),
                ]),
                "jakon" => *rng.pick(&[
                    ("opt_in", "jht"),
                    ("income", "2000000"),
                    ("scale", "small"),
                    ("risk_class", "3"),
                    ("subsidised", "true"),
                    ("channel", "individual"),
                ]),
                _ => *rng.pick(&[
                    ("nationality", "wni"),
                    ("wage", "5000000"),
                    ("opt_in", "jht"),
                    ("income", "1000000"),
                    ("paid_through_2020_07", "true"),
                    ("method", "contract"),
                ]),
            };
            row.set(field, value);
        }
        "missing_required" => {
            let field = match category.as_str() {
                _ if rng.chance(150) => "category",
                "pu" => *rng.pick(&["birth_date", "wage", "risk_class", "scale"]),
                "bpu" => "income",
                "jakon" if rng.chance(500) => "method",
                "jakon" if row.get("method") == "wage" => "wage",
                "jakon" => "contract_value",
                _ => *rng.pick(&["channel", "contract_months"]),
            };
            row.set(field, "");
        }
        "too_many_cells" => {
            for _ in 0..=rng.below(3) {
                row.cells
                    .push((*rng.pick(&["", "x", "1,2", "extra \"cell\""])).to_owned());
            }
        }
        "too_few_cells" => {
            let keep = 1 + rng.below(row.cells.len() - 1);
            row.cells.truncate(keep);
            if keep == 1 && row.cells[0].is_empty() {
                row.cells[0] = "x".into();
            }
        }
        "empty_id" => row.set("id", ""),
        "hostile_id" => {
            let id = *rng.pick(&[
                "A, B",
                "say \"hi\"",
                "multi\nline",
                "cr\r\nlf",
                "\"",
                ",",
                "  spaced  ",
                "Ünï,cödé 身份",
                "\"quoted, \"\"twice\"\"\"",
                "tab\there",
                "trailing cr\r",
            ]);
            row.set("id", id);
        }
        "bad_period" => {
            let value = *rng.pick(&[
                "2025-13",
                "2025-00",
                "2025-1",
                "202504",
                "2025/04",
                " 2025-04",
                "2025-04-01",
                "abcd-ef",
                "2025-04 ",
                "-2025-04",
            ]);
            row.set("period", value);
        }
        "early_period" => {
            let value = *rng.pick(&["2015-06", "2000-01", "1999-12", "2015-01", "0000-01"]);
            row.set("period", value);
        }
        "income_edge" => {
            // D-17: the income table's edges and beyond; only 0 is an error.
            row.base("bpu");
            let value = *rng.pick(&[
                "999999", "0", "1099999", "1100000", "20199999", "20200000", "20700001",
                "99999999", "1", "500000",
            ]);
            row.set("income", value);
        }
        "pmi_contract_months" => {
            row.base("pmi");
            let value = *rng.pick(&["18", "0", "36", "7", "25", "1", "60"]);
            row.set("contract_months", value);
        }
        "pmi_jht_monthly" => {
            row.base("pmi");
            let value = *rng.pick(&["70000", "1", "650000", "150000", "49999"]);
            row.set("jht_monthly", value);
        }
        "wage_below_floor" => {
            row.base("pu");
            let value = *rng.pick(&["999999", "1", "0", "500000"]);
            row.set("wage", value);
        }
        "risk_class" => {
            row.base("pu");
            let value = *rng.pick(&["0", "6", "-1", "99", "9223372036854775808"]);
            row.set("risk_class", value);
        }
        "huge_integer" => {
            let field = row.integer_field(rng);
            let value = *rng.pick(&[
                "99999999999999999999999",
                "9223372036854775807",
                "9223372036854775808",
                "-9223372036854775809",
                "1000000000000000",
            ]);
            row.set(field, value);
        }
        "leading_zeros" => {
            let field = row.integer_field(rng);
            let value = format!("000{}", row.get(field));
            row.set(field, &value);
        }
        "opt_in_spacing" => {
            if !matches!(category.as_str(), "pu" | "bpu") {
                row.base("pu");
            }
            let value = *rng.pick(&[
                " jht ; jp ;",
                ";",
                "jp;;jht",
                " ; ",
                "jht",
                "jkk;jkm;jp",
                "jkp",
            ]);
            row.set("opt_in", value);
        }
        "broken_quote" => {
            // The misplaced quote is in the last column, which must not be
            // the id; the cells before it read normally.
            row.cells.pop();
            return Record::BrokenQuote(row.cells);
        }
        "extension_months" => {
            row.base("pmi");
            let value = *rng.pick(&["7", "99", "-1", "6", "0"]);
            row.set("extension_months", value);
        }
        "jakon_method_mismatch" => {
            row.base("jakon");
            if rng.chance(500) {
                row.set("contract_value", "150000000");
            } else {
                row.set("method", "contract");
                row.set("contract_value", "150000000");
            }
        }
        "negative_amount" => {
            let field = row.integer_field(rng);
            let value = *rng.pick(&["-1", "-5000000", "-0", "-00"]);
            row.set(field, value);
        }
        "blank_category" => {
            let value = *rng.pick(&[" ", "\t", "pu\r", "bpu\n"]);
            row.set("category", value);
        }
        "whitespace_line" => {
            return Record::Cells(vec![(*rng.pick(&["   ", "\t", " , "])).to_owned()]);
        }
        "long_cell" => {
            let field = *rng.pick(&["nationality", "category", "id", "birth_date"]);
            let value = "Ab,\"c\n".repeat(2_000 + rng.below(20_000));
            row.set(field, &value);
        }
        "active_workers" => {
            row.base("pu");
            let value = *rng.pick(&["-1", "0", "1", "1000001", "100000000"]);
            row.set("active_workers", value);
        }
        "empty_id_and_defect" => {
            row.set("id", "");
            let inner = *rng.pick(&[
                "bad_integer",
                "bad_period",
                "too_many_cells",
                "unknown_enum",
            ]);
            return defect(inner, header, row.cells, rng);
        }
        "bad_opt_in" => {
            if !matches!(category.as_str(), "pu" | "bpu") {
                row.base("bpu");
            }
            let value = *rng.pick(&["jkk_jkm", "JHT", "jht;foo", "jht,jp", "jht jp"]);
            row.set("opt_in", value);
        }
        other => panic!("unknown defect {other}"),
    }
    Record::Cells(row.cells)
}

/// How a roster is generated.
#[derive(Debug, Clone, Copy)]
struct Mix {
    rows: u64,
    seed: u64,
    /// Defective rows, per mille.
    defects: usize,
    /// Rows given a valid period cell from [`PERIODS`], per mille.
    periods: usize,
    /// Add a `note` column of filler text (some of it long, quoted, with
    /// commas, quotes and line ends), so records cross chunk boundaries.
    note: bool,
    /// Only defects whose result does not depend on the column order.
    layout_free_only: bool,
}

fn roster(mix: Mix) -> Roster {
    let mut csv = Vec::new();
    jamsos_batch::sample::write_roster(&mut csv, mix.rows, mix.seed).unwrap();
    let text = String::from_utf8(csv).unwrap();
    let mut lines = text.lines();
    let mut header: Vec<String> = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_owned)
        .collect();
    if mix.note {
        header.insert(header.len() / 2, "note".into());
    }
    let note_at = header.iter().position(|h| h == "note");
    let mut rng = Rng::new(mix.seed ^ 0x5EED);
    let mut kinds = DEFECTS.iter().copied().cycle();
    let mut records = Vec::with_capacity(text.len() / 100);
    let period_at = header.iter().position(|h| h == "period").unwrap();
    for line in lines {
        let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
        if let Some(at) = note_at {
            let note = match rng.below(10) {
                0..=5 => String::new(),
                6..=8 => "short note".into(),
                _ => format!("«{}»", "long, \"quoted\"\nnote ".repeat(rng.below(400))),
            };
            cells.insert(at, note);
        }
        if rng.chance(mix.periods) {
            cells[period_at] = (*rng.pick(&PERIODS)).to_owned();
        }
        let record = if rng.chance(mix.defects) {
            let mut kind = kinds.next().unwrap();
            while mix.layout_free_only && !layout_free(kind) {
                kind = kinds.next().unwrap();
            }
            // A misplaced quote in the id column would garble the id.
            if kind == "broken_quote" && header.last().is_some_and(|h| h == "id") {
                kind = "bad_integer";
            }
            defect(kind, &header, cells, &mut rng)
        } else {
            Record::Cells(cells)
        };
        records.push(record);
    }
    Roster { header, records }
}

/// Writes `roster`, runs it with one and four workers, checks both against
/// the oracle and each other; returns the error codes seen and the summary.
fn run_and_check(
    roster: &Roster,
    style: Style,
    period: &str,
    seed: u64,
) -> (BTreeMap<String, u64>, Summary) {
    let (input, lines) = roster.write(style, &mut Rng::new(seed));
    let allow_extra = roster.column("note").is_some();
    let started = Instant::now();
    let (one, summary_one) = batch(&input, period, 1, allow_extra);
    let (four, summary_four) = batch(&input, period, 4, allow_extra);
    let batch_time = started.elapsed();
    assert!(
        one == four,
        "one worker and four workers write the same bytes"
    );
    assert_eq!(summary_one, summary_four);
    let started = Instant::now();
    let codes = check(roster, &lines, period, &one, &summary_one);
    eprintln!(
        "{} records, {} bytes, period {period}: batch ×2 {batch_time:?}, oracle {:?}; errors {codes:?}",
        roster.records.len(),
        input.len(),
        started.elapsed()
    );
    (codes, summary_one)
}

/// Every code of [`CODES_COVERED`] but `except` occurred, and every amount
/// column but `zero` holds money somewhere: the comparison is not vacuous.
fn assert_covered(codes: &BTreeMap<String, u64>, summary: &Summary, except: &[&str]) {
    for code in CODES_COVERED.iter().filter(|c| !except.contains(c)) {
        assert!(
            codes.contains_key(*code),
            "no row produced {code}: {codes:?}"
        );
    }
    for (column, sum) in AMOUNT_COLUMNS.iter().zip(summary.amounts) {
        assert!(
            sum > 0 || except.contains(column),
            "no row has money in {column}"
        );
    }
}

#[test]
fn oracle_sample_roster_with_defects() {
    let roster = roster(Mix {
        rows: 10_000,
        seed: 2025,
        defects: 20,
        periods: 50,
        note: false,
        layout_free_only: false,
    });
    let (codes, summary) = run_and_check(&roster, Style::default(), "2025-04", 1);
    // PP 49/2020 deferred JP only in the few rows with a 2020 period cell.
    assert_covered(&codes, &summary, &["jp_deferred"]);
}

#[test]
fn oracle_hostile_layout_across_chunks() {
    let mut roster = roster(Mix {
        rows: 10_000,
        seed: 77,
        defects: 20,
        periods: 80,
        note: true,
        layout_free_only: false,
    });
    // Columns in another order: the id in the middle, the period first.
    let mut rng = Rng::new(9);
    let mut order: Vec<usize> = (0..roster.header.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    if roster.header[*order.last().unwrap()] == "id" {
        order.swap(0, roster.header.len() - 1);
    }
    let permute = |cells: &[String]| -> Vec<String> {
        order
            .iter()
            .map(|i| cells.get(*i).cloned().unwrap_or_default())
            .collect()
    };
    let width = roster.header.len();
    roster.header = permute(&roster.header);
    for record in &mut roster.records {
        // Records of the wrong width keep their cells as written.
        if let Record::Cells(cells) = record {
            if cells.len() == width {
                *cells = permute(cells);
            }
        }
    }
    let last = roster
        .records
        .iter()
        .find_map(|r| match r {
            Record::Cells(c) if c.len() == width => Some(c[..width - 1].to_vec()),
            _ => None,
        })
        .unwrap();
    roster.records.push(Record::Unterminated(last));
    let style = Style {
        crlf: true,
        bom: true,
        blank_lines: 10,
        gratuitous_quotes: 50,
    };
    let (input, _) = roster.write(style, &mut Rng::new(3));
    assert!(input.len() > 2 << 20, "the roster spans several chunks");
    let (codes, summary) = run_and_check(&roster, style, "2020-09", 3);
    // D-8: the Rp1,000,000 wage floor is in force from 2023-01 only.
    assert_covered(&codes, &summary, &["wage_below_floor"]);
}

#[test]
fn oracle_every_batch_period() {
    // The `--period` itself across the rules' history: rows without a
    // period cell take it; before 2015-07 every such row is out of range.
    for (n, period) in [
        "2015-06", "2015-07", "2020-08", "2021-02", "2023-02", "2026-10", "2031-01",
    ]
    .iter()
    .enumerate()
    {
        let roster = roster(Mix {
            rows: 300,
            seed: 40 + n as u64,
            defects: 20,
            periods: 20,
            note: false,
            layout_free_only: false,
        });
        let style = Style {
            crlf: n % 2 == 1,
            ..Style::default()
        };
        run_and_check(&roster, style, period, n as u64);
    }
}

/// The oracle itself: a wrong amount, a lost row, rows out of order or a
/// wrong summary must each fail the check.
#[test]
fn oracle_notices_a_wrong_output() {
    let roster = roster(Mix {
        rows: 200,
        seed: 8,
        defects: 50,
        periods: 0,
        note: false,
        layout_free_only: false,
    });
    let (input, lines) = roster.write(Style::default(), &mut Rng::new(8));
    let (out, summary) = batch(&input, "2025-04", 2, false);
    check(&roster, &lines, "2025-04", &out, &summary);
    let text = String::from_utf8(out).unwrap();
    let rows: Vec<&str> = text.split_inclusive('\n').collect();
    let ok = rows.iter().position(|r| r.contains(",ok,")).unwrap();
    let mut wrong_amount = rows.clone();
    let changed = rows[ok].replacen(",0,", ",1,", 1);
    wrong_amount[ok] = &changed;
    let mut lost = rows.clone();
    lost.remove(ok);
    let mut swapped = rows.clone();
    swapped.swap(ok, ok + 1);
    for (what, rows) in [("amount", wrong_amount), ("lost", lost), ("order", swapped)] {
        let bytes = rows.concat().into_bytes();
        let caught =
            std::panic::catch_unwind(|| check(&roster, &lines, "2025-04", &bytes, &summary));
        assert!(caught.is_err(), "the oracle misses a wrong {what}");
    }
    let mut wrong_summary = summary.clone();
    wrong_summary.all.totals[0] += 1;
    let caught = std::panic::catch_unwind(|| {
        check(&roster, &lines, "2025-04", text.as_bytes(), &wrong_summary)
    });
    assert!(caught.is_err(), "the oracle misses a wrong summary");
}

/// A larger roster, so chunks, threads and the reorder buffer all work hard.
#[test]
fn oracle_hundred_thousand_rows() {
    let roster = roster(Mix {
        rows: 100_000,
        seed: 31,
        defects: 10,
        periods: 30,
        note: false,
        layout_free_only: false,
    });
    let style = Style {
        blank_lines: 2,
        gratuitous_quotes: 5,
        ..Style::default()
    };
    let (codes, summary) = run_and_check(&roster, style, "2025-04", 31);
    assert_covered(&codes, &summary, &[]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// CONTRACT.md §2: columns are matched by name, in any order. Shuffling
    /// the header (and each row's cells with it) changes no output byte.
    #[test]
    fn column_order_does_not_change_results(
        seed in any::<u64>(),
        rows in 1u64..120,
        order in Just((0..24usize).collect::<Vec<_>>()).prop_shuffle(),
        crlf in any::<bool>(),
    ) {
        let original = roster(Mix {
            rows,
            seed,
            defects: 150,
            periods: 100,
            note: false,
            layout_free_only: true,
        });
        let width = original.header.len();
        prop_assert_eq!(width, order.len());
        let shuffled = Roster {
            header: order.iter().map(|i| original.header[*i].clone()).collect(),
            records: original
                .records
                .iter()
                .map(|r| Record::Cells(order.iter().map(|i| r.cells()[*i].clone()).collect()))
                .collect(),
        };
        let style = Style { crlf, ..Style::default() };
        let (a, _) = original.write(style, &mut Rng::new(seed));
        let (b, _) = shuffled.write(style, &mut Rng::new(seed));
        let (out_a, summary_a) = batch(&a, "2025-04", 2, false);
        let (out_b, summary_b) = batch(&b, "2025-04", 2, false);
        prop_assert_eq!(String::from_utf8(out_a).unwrap(), String::from_utf8(out_b).unwrap());
        prop_assert_eq!(summary_a, summary_b);
    }
}
