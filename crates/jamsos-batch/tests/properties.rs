//! CSV-level properties of `jamsos batch` (CONTRACT.md §2) across all four
//! categories and every optional column, extending the column-order property
//! of `oracle.rs` (which shuffles the sample roster's full header) to:
//!
//! - rosters that carry any subset of the optional columns (a missing column
//!   takes the default of §1), including the `period` column that overrides
//!   `--period` per row;
//! - extra columns ignored with `allow_extra_columns`, and `--group-by` on an
//!   extra column or on a contract column;
//! - per-row comparison: the output rows and the summary are the same for any
//!   column order, with or without the extra columns (which never change a
//!   row), and every row agrees with the JSON contract
//!   (`jamsos_contract::contribution`) on the same case written as a JSON
//!   document: amount columns, deferred JP, totals, statuses, error codes.
//!
//! Failures are persisted to `proptest-regressions/properties.txt` in this
//! crate.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::collections::BTreeMap;

use jamsos_batch::{AMOUNT_COLUMNS, Config, Summary};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

mod common;
use common::{PROGRAMS, case_json};

fn config() -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            128
        },
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/properties.txt",
        ))),
        ..base
    }
}

/// The participant columns of CONTRACT.md §2, then `period`.
const COLUMNS: [&str; 23] = [
    "category",
    "birth_date",
    "nationality",
    "wage",
    "risk_class",
    "scale",
    "registered_on",
    "jkn_member",
    "opt_in",
    "industry",
    "active_workers",
    "paid_jkk_through_2025_01",
    "paid_through_2020_07",
    "income",
    "sector",
    "subsidised",
    "method",
    "contract_value",
    "channel",
    "contract_months",
    "extension_months",
    "jht_monthly",
    "period",
];

/// The batch period of rows without a `period` cell.
const BATCH_PERIOD: &str = "2025-04";

/// One roster row: the cells it has, by column (absent: empty cell).
type Row = BTreeMap<&'static str, String>;

fn pick(options: &[&'static str]) -> impl Strategy<Value = String> + use<> {
    prop::sample::select(options.to_vec()).prop_map(str::to_owned)
}

fn maybe<S: Strategy<Value = String>>(s: S) -> impl Strategy<Value = Option<String>> {
    prop::option::weighted(0.6, s)
}

/// Periods around the regime changes, for the `period` column.
const PERIODS: [&str; 12] = [
    "2015-07", "2019-01", "2020-08", "2021-02", "2023-02", "2023-03", "2025-02", "2025-08",
    "2026-01", "2026-04", "2027-04", "2031-01",
];

fn a_row() -> impl Strategy<Value = Row> {
    let pu = (
        (1u64..40_000_000).prop_map(|w| w.to_string()),
        (1u8..=5).prop_map(|c| c.to_string()),
        pick(&["micro", "small", "medium", "large"]),
        maybe(pick(&[
            "1960-02-29",
            "1975-06-15",
            "1990-12-31",
            "2004-01-01",
        ])),
        maybe(pick(&["wni", "wna"])),
        maybe(pick(&["2010-01-01", "2020-05-05"])),
        maybe(pick(&["true", "false"])),
        maybe(pick(&["jht", "jp", "jht;jp", " jp ; jht ;", "jkk;jkp"])),
        maybe(pick(&["footwear", "furniture", "other"])),
        maybe(pick(&["10", "50", "700"])),
        maybe(pick(&["true", "false"])),
        maybe(pick(&["true", "false"])),
    )
        .prop_map(
            |(wage, class, scale, birth, nat, reg, jkn, opt, ind, active, paid_jkk, paid)| {
                let mut r = Row::new();
                r.insert("category", "pu".into());
                r.insert("wage", wage);
                r.insert("risk_class", class);
                r.insert("scale", scale);
                // PU requires a birth date (CONTRACT.md §1): mostly given.
                r.insert("birth_date", birth.unwrap_or_else(|| "1985-03-03".into()));
                let optional = [
                    ("nationality", nat),
                    ("registered_on", reg),
                    ("jkn_member", jkn),
                    ("opt_in", opt),
                    ("industry", ind),
                    ("active_workers", active),
                    ("paid_jkk_through_2025_01", paid_jkk),
                    ("paid_through_2020_07", paid),
                ];
                for (k, v) in optional {
                    if let Some(v) = v {
                        r.insert(k, v);
                    }
                }
                r
            },
        );
    let bpu = (
        prop_oneof![(1_000_000u64..=20_700_000), Just(999_999u64)].prop_map(|i| i.to_string()),
        maybe(pick(&["1950-01-01", "2010-06-01"])),
        maybe(pick(&["wni", "wna"])),
        maybe(pick(&["jht", "jp;jht", "jkk"])),
        maybe(pick(&["transport", "other"])),
        maybe(pick(&["true", "false"])),
        maybe(pick(&["true", "false"])),
    )
        .prop_map(|(income, birth, nat, opt, sector, subsidised, paid)| {
            let mut r = Row::new();
            r.insert("category", "bpu".into());
            r.insert("income", income);
            let optional = [
                ("birth_date", birth),
                ("nationality", nat),
                ("opt_in", opt),
                ("sector", sector),
                ("subsidised", subsidised),
                ("paid_through_2020_07", paid),
            ];
            for (k, v) in optional {
                if let Some(v) = v {
                    r.insert(k, v);
                }
            }
            r
        });
    let jakon = (
        any::<bool>(),
        (1u64..100_000_000_000).prop_map(|v| v.to_string()),
        maybe(pick(&["1970-01-01"])),
        maybe(pick(&["wni", "wna"])),
        maybe(pick(&["true", "false"])),
    )
        .prop_map(|(by_wage, amount, birth, nat, paid)| {
            let mut r = Row::new();
            r.insert("category", "jakon".into());
            if by_wage {
                r.insert("method", "wage".into());
                r.insert("wage", amount);
            } else {
                r.insert("method", "contract".into());
                r.insert("contract_value", amount);
            }
            let optional = [
                ("birth_date", birth),
                ("nationality", nat),
                ("paid_through_2020_07", paid),
            ];
            for (k, v) in optional {
                if let Some(v) = v {
                    r.insert(k, v);
                }
            }
            r
        });
    let pmi = (
        pick(&["agency", "individual"]),
        pick(&["6", "12", "24", "18"]),
        maybe(pick(&["0", "3", "60"])),
        maybe(pick(&["50000", "600000", "75000"])),
        maybe(pick(&["1990-01-01"])),
    )
        .prop_map(|(channel, months, ext, jht, birth)| {
            let mut r = Row::new();
            r.insert("category", "pmi".into());
            r.insert("channel", channel);
            r.insert("contract_months", months);
            let optional = [
                ("extension_months", ext),
                ("jht_monthly", jht),
                ("birth_date", birth),
            ];
            for (k, v) in optional {
                if let Some(v) = v {
                    r.insert(k, v);
                }
            }
            r
        });
    (
        prop_oneof![3 => pu, 2 => bpu, 1 => jakon, 1 => pmi],
        prop::option::weighted(0.3, pick(&PERIODS)),
    )
        .prop_map(|(mut r, period)| {
            if let Some(p) = period {
                r.insert("period", p);
            }
            r
        })
}

/// A roster: rows, the optional columns its header carries (the others are
/// missing, so their cells are absent), a column order, and the extra
/// columns' cells.
#[derive(Debug, Clone)]
struct Roster {
    rows: Vec<Row>,
    /// The header in the written order, `id` and the extras included.
    header: Vec<&'static str>,
}

impl Roster {
    /// The CSV text, cells in header order; `extras` false drops the extra
    /// columns.
    fn csv(&self, extras: bool, order: &[usize]) -> Vec<u8> {
        let header: Vec<&str> = order
            .iter()
            .map(|i| self.header[*i])
            .filter(|h| extras || !EXTRAS.contains(h))
            .collect();
        let mut out = header.join(",");
        out.push('\n');
        for (n, row) in self.rows.iter().enumerate() {
            let cells: Vec<String> = header
                .iter()
                .map(|h| match *h {
                    "id" => format!("R{n}"),
                    // Extras: a region, and a note with CSV quoting.
                    "region" => ["north", "south", "east"][n % 3].to_owned(),
                    "note" => "\"a, \"\"quoted\"\" note\"".to_owned(),
                    h => row.get(h).cloned().unwrap_or_default(),
                })
                .collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out.into_bytes()
    }
}

const EXTRAS: [&str; 2] = ["region", "note"];

fn a_roster() -> impl Strategy<Value = Roster> {
    (
        prop::collection::vec(a_row(), 1..40),
        // The optional columns the header carries: `category` always.
        prop::collection::vec(prop::bool::weighted(0.75), COLUMNS.len()),
    )
        .prop_map(|(rows, keep)| {
            let mut header: Vec<&'static str> = vec!["id"];
            header.extend(
                COLUMNS
                    .iter()
                    .zip(keep)
                    .filter(|(c, k)| *k || **c == "category")
                    .map(|(c, _)| *c),
            );
            header.extend(EXTRAS);
            // A row's cells in columns the header lacks are absent.
            let rows = rows
                .into_iter()
                .map(|r| r.into_iter().filter(|(k, _)| header.contains(k)).collect())
                .collect();
            Roster { rows, header }
        })
}

fn run(input: &[u8], allow_extra: bool, group_by: Option<&str>) -> (Vec<u8>, Summary) {
    let mut out = Vec::new();
    let mut config = Config::new(BATCH_PERIOD.parse().unwrap());
    config.threads = 2;
    config.allow_extra_columns = allow_extra;
    let group_by: Vec<String> = group_by.iter().map(|g| (*g).to_owned()).collect();
    config.group_by = &group_by;
    let summary = jamsos_batch::run(input, &mut out, &config).unwrap();
    (out, summary)
}

/// A minimal RFC 4180 reader for the output (quoted fields, `""` escapes).
fn parse_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

/// The output row the JSON contract implies: status, error code, amount
/// columns, statuses.
fn expected(row: &Row) -> Vec<String> {
    let doc = case_json(row.iter().map(|(k, v)| (*k, v.as_str())), BATCH_PERIOD);
    match jamsos_contract::contribution(&doc) {
        Err(e) => vec!["error".into(), e.code.code().into()],
        Ok(r) => {
            let mut amounts = [0u64; 18];
            let column = |name: &str| AMOUNT_COLUMNS.iter().position(|c| *c == name).unwrap();
            for l in &r.lines {
                amounts[column(&format!("{}_{}", l.program, l.payer))] += l.amount;
            }
            amounts[column("jp_deferred")] = r.deferred.iter().map(|l| l.amount).sum();
            for (payer, total) in [
                ("employer", r.totals.employer),
                ("worker", r.totals.worker),
                ("participant", r.totals.participant),
                ("government", r.totals.government),
            ] {
                amounts[column(&format!("total_{payer}"))] = total;
            }
            let mut out = vec!["ok".to_owned(), String::new()];
            out.extend(amounts.iter().map(u64::to_string));
            for program in PROGRAMS {
                let entry = r
                    .programs
                    .iter()
                    .find(|p| p.program.code() == program)
                    .unwrap();
                out.push(entry.status.code().to_owned());
            }
            out
        }
    }
}

/// Status, error code, and (for `ok` rows) the amount and status columns of
/// an output row.
fn observed(output_row: &[String]) -> Vec<String> {
    let mut out = vec![output_row[1].clone(), output_row[2].clone()];
    if output_row[1] == "ok" {
        out.extend(output_row[4..].iter().cloned());
    }
    out
}

proptest! {
    #![proptest_config(config())]

    /// CONTRACT.md §2: columns are matched by name, in any order; a missing
    /// optional column takes the default; extra columns are ignored with
    /// `allow_extra_columns` and may group the summary. The rows never
    /// depend on the layout, and each agrees with the JSON contract.
    #[test]
    fn rows_depend_on_names_not_on_layout(
        roster in a_roster(),
        orders in prop::array::uniform2(Just((0..32usize).collect::<Vec<_>>()).prop_shuffle()),
        group in prop::sample::select(vec![None, Some("region"), Some("category")]),
    ) {
        let width = roster.header.len();
        let orders: Vec<Vec<usize>> = orders.iter().map(|o| o.iter().copied().filter(|i| *i < width).collect()).collect();
        let (out_a, sum_a) = run(&roster.csv(true, &orders[0]), true, group);
        let (out_b, sum_b) = run(&roster.csv(true, &orders[1]), true, group);
        prop_assert_eq!(String::from_utf8(out_a.clone()).unwrap(), String::from_utf8(out_b).unwrap());
        prop_assert_eq!(&sum_a, &sum_b);

        // Without the extra columns (and so without `allow_extra_columns`
        // and grouping on them) every row is the same.
        let plain_group = group.filter(|g| !EXTRAS.contains(g));
        let (out_c, sum_c) = run(&roster.csv(false, &orders[0]), false, plain_group);
        prop_assert_eq!(String::from_utf8(out_a.clone()).unwrap(), String::from_utf8(out_c).unwrap());
        prop_assert_eq!((&sum_a.all, &sum_a.amounts, &sum_a.statuses), (&sum_c.all, &sum_c.amounts, &sum_c.statuses));

        // The groups partition the roster.
        if group.is_some() {
            let rows: u64 = sum_a.groups.values().map(|t| t.rows).sum();
            let ok: u64 = sum_a.groups.values().map(|t| t.ok).sum();
            prop_assert_eq!((rows, ok), (sum_a.all.rows, sum_a.all.ok));
        }

        // Each row agrees with the JSON contract on the same case.
        let rows = parse_csv(&out_a);
        prop_assert_eq!(rows.len(), roster.rows.len() + 1);
        for (n, (row, out)) in roster.rows.iter().zip(&rows[1..]).enumerate() {
            prop_assert_eq!(&out[0], &format!("R{n}"));
            prop_assert_eq!(observed(out), expected(row), "row {:?} gave {:?}", row, out);
        }
    }
}
