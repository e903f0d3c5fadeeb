//! `docs/RULES.md` is generated from the tables: every table of
//! `jamsos_rules::TABLES` with each row's first period (or date), value and
//! source, and an index of the instruments the rows cite. This test renders it
//! in memory and fails when the checked-in file differs, so a new row cannot
//! ship with stale documentation. `JAMSOS_BLESS=1` writes the new file instead
//! (the same pattern as `crates/jamsos-ffi/tests/header.rs`).
//!
//! The file's hand-written introduction, everything up to and including the
//! marker line, is kept as it is; only the part below the marker is generated.

use std::fmt::{Debug, Display, Write as _};
use std::path::Path;

use jamsos_core::{Program, ProgramSet, Rate, Source};
use jamsos_rules::{
    TABLES, Table, jkp, payment, permenaker_4_2022, permenaker_4_2023, permenaker_5_2021,
    perpres_109_2013, pp_7_2025, pp_44_2015, pp_45_2015, pp_46_2015, pp_49_2020, pp_50_2025,
    pp_82_2019, se_bpjs_b_12_012023,
};

/// The line that separates the hand-written introduction from the generated
/// tables.
const MARKER: &str = "<!-- Generated below this line from jamsos_rules::TABLES by \
crates/jamsos-rules/tests/rules_md.rs; do not edit by hand. Regenerate with \
JAMSOS_BLESS=1 cargo test -p jamsos-rules --test rules_md -->";

/// A value rendered longer than this goes into a block of its own rather than
/// a table cell.
const CELL: usize = 90;

/// One table, rendered: its name and its rows as (from, value, source).
struct Rendered {
    name: &'static str,
    rows: Vec<(String, String, Source)>,
}

/// Renders a table of any value and key type. Values are shown with their
/// `Debug` form, with rates in percent and rupiah grouped by thousands.
fn render<T: Debug, K: Display>(table: &Table<T, K>) -> Rendered {
    Rendered {
        name: table.name,
        rows: table
            .entries
            .iter()
            .map(|e| {
                (
                    e.from.to_string(),
                    readable(&format!("{:?}", e.value)),
                    e.source,
                )
            })
            .collect(),
    }
}

/// Every table, in the order of `TABLES`. A table added to `TABLES` must be
/// added here too: the test says so.
fn all_tables() -> Vec<Rendered> {
    vec![
        render(&pp_44_2015::JKK_PU),
        render(&pp_44_2015::JKM_PU),
        render(&pp_46_2015::JHT_PU),
        render(&pp_45_2015::JP_SHARES),
        render(&pp_45_2015::JP_WAGE_CEILING),
        render(&pp_45_2015::PENSION_AGE),
        render(&jkp::JKP_REGIME),
        render(&pp_7_2025::JKK_DISCOUNT),
        render(&pp_49_2020::RELIEF),
        render(&se_bpjs_b_12_012023::WAGE_FLOOR),
        render(&perpres_109_2013::PROGRAMS_BY_SCALE),
        render(&payment::PU_DUE_DAY),
        render(&payment::BPU_DUE_DAY),
        render(&payment::PU_FINE),
        render(&payment::BPU_FINE),
        render(&payment::JAKON_FINE),
        render(&payment::PMI_FINE),
        render(&pp_45_2015::JP_FORMULA),
        render(&pp_45_2015::JP_BENEFIT_LIMITS),
        render(&jkp::JKP_BENEFIT),
        render(&pp_82_2019::JKM_BENEFIT),
        render(&pp_82_2019::JKK_BENEFIT),
        render(&permenaker_5_2021::SCHOLARSHIP),
        render(&permenaker_4_2022::JHT_CLAIM),
        render(&pp_44_2015::BPU_INCOME_GRID),
        render(&pp_44_2015::JKK_BPU),
        render(&pp_44_2015::JKM_BPU),
        render(&pp_46_2015::JHT_BPU),
        render(&pp_44_2015::BPU_PROGRAMS),
        render(&pp_50_2025::TRANSPORT),
        render(&pp_50_2025::OTHER),
        render(&pp_44_2015::JAKON_WAGE),
        render(&pp_44_2015::JAKON_CONTRACT),
        render(&perpres_109_2013::JAKON_PROGRAMS),
        render(&permenaker_4_2023::PMI_CONTRIBUTION),
    ]
}

/// Makes a `Debug` rendering readable: `Rate(890000)` becomes `0.89%`,
/// `Rupiah(10547400)` becomes `Rp10,547,400`, `ProgramSet(7)` becomes
/// `{jkk, jkm, jht}` and `Source { instrument: "PP 6/2025", provision:
/// "Pasal 11" }` becomes `"PP 6/2025 Pasal 11"`; everything else is kept.
fn readable(debug: &str) -> String {
    let debug = sources(debug);
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug.as_str();
    while let Some((before, which, number, after)) = next_wrapped(rest) {
        out.push_str(before);
        match which {
            "Rate" => match Rate::from_parts(number, 8) {
                Some(rate) => out.push_str(&rate.to_string()),
                None => out.push_str(&format!("Rate({number})")),
            },
            "Rupiah" => out.push_str(&format!("Rp{}", grouped(number))),
            _ => out.push_str(&programs(number)),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The programs of a `ProgramSet` whose bits are `bits`, by contract code.
fn programs(bits: u64) -> String {
    let codes: Vec<&str> = Program::ALL
        .into_iter()
        .filter(|p| {
            let one = format!("{:?}", ProgramSet::of(&[*p]));
            let bit = one
                .trim_start_matches("ProgramSet(")
                .trim_end_matches(')')
                .parse::<u64>()
                .unwrap_or(0);
            bit != 0 && bits & bit == bit
        })
        .map(Program::code)
        .collect();
    format!("{{{}}}", codes.join(", "))
}

/// `Source { instrument: "A", provision: "B" }` as `"A B"` (the citation).
fn sources(debug: &str) -> String {
    const OPEN: &str = "Source { instrument: \"";
    const MIDDLE: &str = "\", provision: \"";
    const CLOSE: &str = "\" }";
    let mut out = String::new();
    let mut rest = debug;
    while let Some(i) = rest.find(OPEN) {
        let after = rest.get(i + OPEN.len()..).unwrap_or_default();
        let Some((instrument, after)) = after.split_once(MIDDLE) else {
            break;
        };
        let Some((provision, after)) = after.split_once(CLOSE) else {
            break;
        };
        out.push_str(rest.get(..i).unwrap_or_default());
        if provision.is_empty() {
            out.push_str(&format!("\"{instrument}\""));
        } else {
            out.push_str(&format!("\"{instrument} {provision}\""));
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The next `Rate(<digits>)`, `Rupiah(<digits>)` or `ProgramSet(<digits>)` in
/// `s` that is not the tail of a longer name: (text before, which, the
/// number, text after).
fn next_wrapped(s: &str) -> Option<(&str, &'static str, u64, &str)> {
    let mut best: Option<(usize, &'static str)> = None;
    for name in ["Rate", "Rupiah", "ProgramSet"] {
        let mut from = 0;
        while let Some(i) = s.get(from..).and_then(|t| t.find(name)).map(|i| i + from) {
            let starts_a_name = s
                .get(..i)
                .and_then(|b| b.chars().next_back())
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            let open = i + name.len();
            let digits = s
                .get(open + 1..)
                .map_or(0, |t| t.bytes().take_while(u8::is_ascii_digit).count());
            let wrapped = s.as_bytes().get(open) == Some(&b'(')
                && digits > 0
                && s.as_bytes().get(open + 1 + digits) == Some(&b')');
            if starts_a_name && wrapped {
                if best.is_none_or(|(b, _)| i < b) {
                    best = Some((i, name));
                }
                break;
            }
            from = open;
        }
    }
    let (i, which) = best?;
    let open = i + which.len() + 1;
    let digits = s
        .get(open..)?
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let number = s.get(open..open + digits)?.parse().ok()?;
    Some((s.get(..i)?, which, number, s.get(open + digits + 1..)?))
}

/// Lays out a long one-line rendering over several lines: a line break and
/// one more level of indentation after a struct's `{ ` or a list's `[`, a
/// line break after each `, ` between their fields or items, and one less
/// before the closing `}` or `]`. An item of a list stays on one line (a row
/// of the BPU income grid is one line), and so do commas inside numbers
/// (`Rp5,000,000`) and inside program sets (`{jkk, jkm}`).
fn laid_out(s: &str) -> String {
    let mut out = String::new();
    // One entry per open bracket: its kind, and whether it is laid out over
    // lines.
    let mut open: Vec<(char, bool)> = Vec::new();
    let mut in_string = false;
    let mut chars = s.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        while out.ends_with(' ') {
            out.pop();
        }
        out.push('\n');
        out.push_str(&"    ".repeat(depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            in_string = c != '"';
            continue;
        }
        let laid = |open: &Vec<(char, bool)>| open.iter().filter(|(_, b)| *b).count();
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let in_list_item = open.iter().any(|(kind, _)| *kind == '[');
                let structural = c == '[' || (chars.peek() == Some(&' ') && !in_list_item);
                open.push((c, structural));
                if structural {
                    newline(&mut out, laid(&open));
                    if chars.peek() == Some(&' ') {
                        chars.next();
                    }
                }
            }
            '(' => {
                out.push(c);
                open.push((c, false));
            }
            '}' | ']' | ')' => {
                if open.pop().is_some_and(|(_, laid)| laid) {
                    newline(&mut out, laid(&open));
                }
                out.push(c);
            }
            ',' if open.last().is_some_and(|(_, laid)| *laid) && chars.peek() == Some(&' ') => {
                out.push(c);
                chars.next();
                newline(&mut out, laid(&open));
            }
            _ => out.push(c),
        }
    }
    out
}

/// `10547400` as `10,547,400`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A table cell: no line breaks, pipes escaped.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The generated part of docs/RULES.md, after the marker.
fn generate(tables: &[Rendered]) -> String {
    let mut md = String::new();
    let rows: usize = tables.iter().map(|t| t.rows.len()).sum();
    let _ = writeln!(
        md,
        "\n{} tables, {rows} rows. A row is in force from its `from` (a contribution \
         month `YYYY-MM`, or a date for rules keyed by the date of an event) until the \
         next row's `from`; nothing is in force before the first row (D-5, D-6).\n",
        tables.len()
    );

    // The instruments, in order of first citation, with the tables citing them.
    md.push_str("## Instruments cited\n\n");
    md.push_str("| instrument | provisions cited | tables |\n|---|---|---|\n");
    let mut instruments: Vec<&'static str> = Vec::new();
    for table in tables {
        for (_, _, source) in &table.rows {
            if !instruments.contains(&source.instrument) {
                instruments.push(source.instrument);
            }
        }
    }
    for instrument in instruments {
        let mut provisions: Vec<&str> = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        for table in tables {
            for (_, _, source) in table.rows.iter().filter(|r| r.2.instrument == instrument) {
                let provision = if source.provision.is_empty() {
                    "(none)"
                } else {
                    source.provision
                };
                if !provisions.contains(&provision) {
                    provisions.push(provision);
                }
                if !names.contains(&table.name) {
                    names.push(table.name);
                }
            }
        }
        let names: Vec<String> = names
            .iter()
            .map(|n| format!("[`{n}`](#{})", anchor(n)))
            .collect();
        let _ = writeln!(
            md,
            "| `{instrument}` | {} | {} |",
            cell(&provisions.join("; ")),
            names.join(", ")
        );
    }

    md.push_str("\n## Tables\n");
    for table in tables {
        if !md.ends_with("\n\n") {
            md.push('\n');
        }
        let _ = writeln!(md, "### `{}`\n", table.name);
        let short = table
            .rows
            .iter()
            .all(|(_, value, _)| value.len() <= CELL && !value.contains('\n'));
        if short {
            md.push_str("| from | value | source |\n|---|---|---|\n");
            for (from, value, source) in &table.rows {
                let _ = writeln!(
                    md,
                    "| {from} | `{}` | {} |",
                    cell(value),
                    cell(&source.to_string())
                );
            }
        } else {
            for (from, value, source) in &table.rows {
                let _ = writeln!(
                    md,
                    "From **{from}**, {source}:\n\n```text\n{}\n```\n",
                    laid_out(value)
                );
            }
        }
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}

/// The anchor GitHub and rustdoc give the heading `` `name` ``.
fn anchor(name: &str) -> String {
    name.chars()
        .filter_map(|c| match c {
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            'a'..='z' | '0'..='9' | '_' | '-' => Some(c),
            _ => None,
        })
        .collect()
}

#[test]
fn every_table_is_rendered_in_the_order_of_tables() {
    let rendered: Vec<&str> = all_tables().iter().map(|t| t.name).collect();
    let listed: Vec<&str> = TABLES.iter().map(|t| t.name()).collect();
    assert_eq!(
        rendered, listed,
        "tests/rules_md.rs must render exactly the tables of jamsos_rules::TABLES, in order: \
         add the new table to all_tables()"
    );
    for (table, audit) in all_tables().iter().zip(TABLES) {
        assert_eq!(table.rows.len(), audit.len(), "{}", table.name);
    }
}

#[test]
fn values_are_shown_in_percent_and_rupiah() {
    assert_eq!(readable("Rate(890000)"), "0.89%");
    assert_eq!(
        readable("Shares { employer: Rate(3700000), worker: Rate(2000000) }"),
        "Shares { employer: 3.7%, worker: 2% }"
    );
    assert_eq!(readable("Rupiah(10547400)"), "Rp10,547,400");
    assert_eq!(
        readable("Some(Rupiah(5000000)), JpRate(12)"),
        "Some(Rp5,000,000), JpRate(12)"
    );
    assert_eq!(readable("ProgramSet(7)"), "{jkk, jkm, jht}");
    assert_eq!(
        readable("X { source: Source { instrument: \"PP 6/2025\", provision: \"Pasal 11\" } }"),
        "X { source: \"PP 6/2025 Pasal 11\" }"
    );
    assert_eq!(
        laid_out("A { b: [1, 2], c: \"x, y\", d: Rp5,000,000, e: {jkk, jkm}, f: (1, 60) }"),
        "A {\n    b: [\n        1,\n        2\n    ],\n    c: \"x, y\",\n    d: Rp5,000,000,\n    e: {jkk, jkm},\n    f: (1, 60)\n}"
    );
    assert_eq!(
        laid_out("G { rows: [R { a: 1, b: 2 }, R { a: 3, b: 4 }] }"),
        "G {\n    rows: [\n        R { a: 1, b: 2 },\n        R { a: 3, b: 4 }\n    ]\n}"
    );
    assert_eq!(grouped(999), "999");
    assert_eq!(grouped(1_000), "1,000");
}

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/RULES.md");
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    let Some(at) = checked_in.find(MARKER) else {
        panic!("docs/RULES.md has no generator marker line:\n{MARKER}");
    };
    let intro = checked_in.get(..at + MARKER.len()).unwrap_or_default();
    let generated = format!("{intro}\n{}", generate(&all_tables()));
    if std::env::var_os("JAMSOS_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).unwrap_or_else(|e| panic!("docs/RULES.md: {e}"));
        return;
    }
    if checked_in != generated {
        let number = checked_in
            .lines()
            .zip(generated.lines())
            .take_while(|(a, b)| a == b)
            .count()
            + 1;
        let old = checked_in
            .lines()
            .nth(number - 1)
            .unwrap_or("<end of file>");
        let new = generated.lines().nth(number - 1).unwrap_or("<end of file>");
        panic!(
            "docs/RULES.md is stale: it is not what the tables of jamsos_rules generate.\n\
             first difference, line {number}:\n  checked in: {old}\n  generated:  {new}\n\
             Regenerate it with\n    JAMSOS_BLESS=1 cargo test -p jamsos-rules --test rules_md\n\
             and check it in."
        );
    }
}
