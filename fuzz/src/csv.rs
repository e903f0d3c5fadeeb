//! `csv_reader` and `csv_structured`: rosters through `jamsos_batch::run`,
//! checked against a naive reference reader written here from the contract
//! (CONTRACT.md §2: RFC 4180, CRLF or LF, a leading UTF-8 BOM ignored, blank
//! lines skipped) and the leniencies `jamsos-batch/src/csv.rs` documents (a
//! field is quoted only when its first byte is `"`; after a closing quote
//! only `\r`, a comma or the record's end may follow, otherwise the record
//! is malformed and runs to the next line end).

use arbitrary::{Result, Unstructured};
use jamsos_contract::{Command, Roster, Settings, respond};
use jamsos::core::Period;
use jamsos_batch::{AMOUNT_COLUMNS, BatchError, Config, Format, Summary, run};

use crate::contract::DOCUMENT_ERROR_CODES;

/// One record as the reference reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rec {
    /// The physical line it starts on (the first line is 1).
    pub line: u64,
    /// A quote misplaced or never closed.
    pub malformed: bool,
    /// The cells, unquoted.
    pub cells: Vec<Vec<u8>>,
}

/// Splits `input` into records, the simple way: one pass, one field at a
/// time, no state machine shared with the code under test.
pub fn reference_records(input: &[u8]) -> Vec<Rec> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let mut records = Vec::new();
    let mut i = 0;
    let mut line = 1u64;
    let at = |i: usize| input.get(i).copied();
    while i < input.len() {
        let start = i;
        let start_line = line;
        let mut cells = Vec::new();
        let mut malformed = false;
        // One field per turn; `done` when the record ended.
        loop {
            let mut cell = Vec::new();
            let mut done = false;
            if at(i) == Some(b'"') {
                i += 1;
                let mut closed = false;
                while let Some(b) = at(i) {
                    if b == b'"' {
                        if at(i + 1) == Some(b'"') {
                            cell.push(b'"');
                            i += 2;
                            continue;
                        }
                        i += 1;
                        closed = true;
                        break;
                    }
                    if b == b'\n' {
                        line += 1;
                    }
                    cell.push(b);
                    i += 1;
                }
                if !closed {
                    malformed = true;
                    done = true;
                } else {
                    while at(i) == Some(b'\r') {
                        i += 1;
                    }
                    match at(i) {
                        Some(b',') => i += 1,
                        Some(b'\n') => {
                            i += 1;
                            line += 1;
                            done = true;
                        }
                        None => done = true,
                        Some(_) => {
                            // Garbage after the closing quote: the record is
                            // malformed and ends at the next line feed.
                            malformed = true;
                            while let Some(b) = at(i) {
                                i += 1;
                                if b == b'\n' {
                                    line += 1;
                                    break;
                                }
                            }
                            done = true;
                        }
                    }
                }
            } else {
                while let Some(b) = at(i) {
                    i += 1;
                    if b == b',' {
                        break;
                    }
                    if b == b'\n' {
                        line += 1;
                        done = true;
                        break;
                    }
                    cell.push(b);
                }
                if at(i).is_none() && !matches!(input.get(i.wrapping_sub(1)), Some(b',')) {
                    done = true;
                }
                if done && cell.last() == Some(&b'\r') {
                    cell.pop();
                }
            }
            cells.push(cell);
            if done {
                break;
            }
            if at(i).is_none() {
                // A comma as the last byte: one more, empty field.
                cells.push(Vec::new());
                break;
            }
        }
        let raw = input.get(start..i).unwrap_or_default();
        if raw.iter().all(|b| matches!(b, b'\r' | b'\n')) {
            continue;
        }
        records.push(Rec {
            line: start_line,
            malformed,
            cells,
        });
    }
    records
}

fn config(threads: usize, format: Format) -> Config<'static> {
    let mut c = Config::new(Period::new(2025, 4).unwrap_or_else(|| unreachable!()));
    c.threads = threads;
    c.format = format;
    // The reference reader is comma-delimited; recognising a semicolon or tab
    // header (issue 16) is tested in jamsos-batch.
    c.delimiter = Some(b',');
    c
}

fn run_batch(
    input: &[u8],
    threads: usize,
    format: Format,
) -> (std::result::Result<Summary, BatchError>, Vec<u8>) {
    let mut out = Vec::new();
    let r = run(input, &mut out, &config(threads, format));
    (r, out)
}

fn output_header() -> Vec<Vec<u8>> {
    let mut h: Vec<Vec<u8>> = ["id", "status", "error_code", "error_message"]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
    h.extend(AMOUNT_COLUMNS.iter().map(|s| s.as_bytes().to_vec()));
    h.extend(
        ["jkk", "jkm", "jht", "jp", "jkp"]
            .iter()
            .map(|s| s.as_bytes().to_vec()),
    );
    h
}

fn text(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap_or_else(|_| panic!("output cell is not UTF-8: {b:?}"))
}

/// What `run` must do with `input`, by the reference reader; returns the
/// data records and their roster, or `None` when the batch must refuse.
fn expected(
    input: &[u8],
    result: &std::result::Result<Summary, BatchError>,
) -> Option<(Vec<Rec>, Roster)> {
    let body = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let records = reference_records(input);
    let Some(header) = records.first() else {
        assert!(body.iter().all(|b| matches!(b, b'\r' | b'\n')));
        assert!(
            matches!(result, Err(BatchError::Empty)),
            "no header, yet {result:?}"
        );
        return None;
    };
    if header.malformed {
        assert!(
            matches!(result, Err(BatchError::Header(_))),
            "malformed header, yet {result:?}"
        );
        return None;
    }
    let names: std::result::Result<Vec<&str>, _> = header
        .cells
        .iter()
        .map(|c| std::str::from_utf8(c))
        .collect();
    let Ok(names) = names else {
        assert!(
            matches!(result, Err(BatchError::UnreadableHeader(_))),
            "non-UTF-8 header, yet {result:?}"
        );
        return None;
    };
    match Roster::new(&names, false) {
        Err(e) => {
            assert!(
                matches!(result, Err(BatchError::Header(got)) if *got == e),
                "header {names:?}: expected {e:?}, got {result:?}"
            );
            None
        }
        Ok(roster) => {
            assert!(result.is_ok(), "header {names:?} is fine, yet {result:?}");
            Some((records.into_iter().skip(1).collect(), roster))
        }
    }
}

/// Runs `input` as a CSV roster with one and with two workers (same bytes,
/// same summary), and checks the output against the reference reader: the
/// contract's header, exactly one row per data record in order, each row's
/// id, status, error code and amounts; and as NDJSON, one line per
/// non-blank line, each the contract's answer to that line.
pub fn check_roster(input: &[u8]) {
    let (r1, out1) = run_batch(input, 1, Format::Csv);
    let (r2, out2) = run_batch(input, 2, Format::Csv);
    assert_eq!(out1, out2, "one and two workers write different output");
    match (&r1, &r2) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "one and two workers sum up differently"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        _ => panic!("one and two workers disagree: {r1:?} / {r2:?}"),
    }
    if let Some((records, roster)) = expected(input, &r1) {
        check_output(&records, &roster, &out1, r1.as_ref().ok());
    }
    check_ndjson(input);
}

fn check_output(records: &[Rec], roster: &Roster, out: &[u8], summary: Option<&Summary>) {
    let rows = reference_records(out);
    let (header, rows) = rows
        .split_first()
        .unwrap_or_else(|| panic!("no output header"));
    assert_eq!(header.cells, output_header(), "output header");
    assert_eq!(rows.len(), records.len(), "one output row per input record");
    let (mut ok, mut errors) = (0u64, 0u64);
    for (rec, row) in records.iter().zip(rows) {
        assert!(!row.malformed, "malformed output row {row:?}");
        assert_eq!(row.cells.len(), 27, "output row width: {row:?}");
        let cell = |i: usize| text(&row.cells[i]);
        // The id: the record's own when it is readable and not empty,
        // otherwise the line the record starts on.
        if !rec.malformed {
            let id = rec
                .cells
                .get(roster.id_column())
                .and_then(|c| std::str::from_utf8(c).ok())
                .filter(|c| !c.is_empty())
                .map_or_else(|| rec.line.to_string(), str::to_owned);
            assert_eq!(cell(0), id, "id of {rec:?}");
        } else {
            assert!(!cell(0).is_empty(), "empty id for {rec:?}");
        }
        // A record that is not CSV, has the wrong width or a cell that is
        // not UTF-8 can only be `malformed_row`.
        let well_formed = !rec.malformed
            && rec.cells.len() == roster.width()
            && rec.cells.iter().all(|c| std::str::from_utf8(c).is_ok());
        match cell(1) {
            "ok" => {
                ok += 1;
                assert!(well_formed, "ok row for a malformed record {rec:?}");
                assert!(
                    cell(2).is_empty() && cell(3).is_empty(),
                    "ok row with an error: {row:?}"
                );
                let a: Vec<u64> = (4..22)
                    .map(|i| {
                        cell(i)
                            .parse::<u64>()
                            .unwrap_or_else(|_| panic!("amount {:?} in {row:?}", cell(i)))
                    })
                    .collect();
                // Totals per payer are the sums of the program columns
                // (jp_deferred is owed later, not billed).
                let sum = |idx: &[usize]| idx.iter().map(|i| a[*i]).sum::<u64>();
                assert_eq!(a[14], sum(&[0, 3, 6, 9]), "total_employer in {row:?}");
                assert_eq!(a[15], sum(&[7, 10]), "total_worker in {row:?}");
                assert_eq!(a[16], sum(&[1, 4, 8, 13]), "total_participant in {row:?}");
                assert_eq!(a[17], sum(&[2, 5, 12]), "total_government in {row:?}");
                for i in 22..27 {
                    assert!(
                        ["mandatory", "optional", "not_eligible"].contains(&cell(i)),
                        "status {:?} in {row:?}",
                        cell(i)
                    );
                }
            }
            "error" => {
                errors += 1;
                let code = cell(2);
                if well_formed {
                    assert!(
                        DOCUMENT_ERROR_CODES.contains(&code),
                        "error code {code:?} for {rec:?}"
                    );
                } else {
                    assert_eq!(code, "malformed_row", "for {rec:?}");
                }
                assert!(!cell(3).is_empty(), "error row without a message: {row:?}");
                assert!(
                    (4..27).all(|i| cell(i).is_empty()),
                    "error row with amounts: {row:?}"
                );
            }
            other => panic!("status {other:?} in {row:?}"),
        }
    }
    if let Some(s) = summary {
        assert_eq!(
            (s.all.rows, s.all.ok, s.all.errors),
            (records.len() as u64, ok, errors),
            "summary counts"
        );
    }
}

/// NDJSON: each non-blank line is a contribution case; its output line is
/// exactly what the contract answers for that line alone.
fn check_ndjson(input: &[u8]) {
    let (r, out) = run_batch(input, 1, Format::Ndjson);
    assert!(r.is_ok(), "NDJSON batch failed: {r:?}");
    let (_, out2) = run_batch(input, 2, Format::Ndjson);
    assert_eq!(out, out2, "NDJSON: one and two workers differ");
    // Each non-blank line with its physical line number (from 1), which an
    // error line carries (docs/BATCH.md).
    let lines: Vec<(usize, &[u8])> = input
        .split(|b| *b == b'\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix(b"\r").unwrap_or(l)))
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
        .collect();
    let answers: Vec<&[u8]> = out.split(|b| *b == b'\n').collect();
    assert_eq!(
        answers.len(),
        lines.len() + 1,
        "NDJSON: one answer per line"
    );
    assert_eq!(
        answers.last().map(|l| l.len()),
        Some(0),
        "NDJSON ends with a line end"
    );
    let settings = Settings::default();
    for ((number, line), answer) in lines.iter().zip(&answers) {
        match std::str::from_utf8(line) {
            // A line with an `id` member is answered with it (docs/BATCH.md);
            // the command line's tests check those.
            Ok(t) if t.contains("\"id\"") => {}
            Ok(t) => {
                let alone = respond(Command::Contribution, t, &settings).json;
                let expected = match alone.strip_prefix(r#"{"error""#) {
                    Some(rest) => format!(r#"{{"line":{number},"error"{rest}"#),
                    None => alone,
                };
                assert_eq!(text(answer), expected, "NDJSON answer for {t:?}");
            }
            Err(_) => assert!(text(answer).starts_with(&format!(
                r#"{{"line":{number},"error":{{"code":"invalid_json""#
            ))),
        }
    }
}

/// How to write one cell.
fn write_cell(u: &mut Unstructured<'_>, out: &mut Vec<u8>, cell: &[u8]) -> Result<()> {
    // A cell that starts with a quote, holds a comma, a line end or ends in
    // `\r` must be quoted; any other may be.
    let must = cell.first() == Some(&b'"')
        || cell.iter().any(|b| matches!(b, b',' | b'\n'))
        || cell.last() == Some(&b'\r')
        || cell.is_empty() && u.ratio(1u8, 3)?;
    if must || u.ratio(1u8, 4)? {
        out.push(b'"');
        for b in cell {
            if *b == b'"' {
                out.push(b'"');
            }
            out.push(*b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(cell);
    }
    Ok(())
}

/// Cells with the bytes that matter to CSV: commas, quotes, CR, LF, empty
/// cells, non-ASCII text, and now and then a roster value.
fn cell(u: &mut Unstructured<'_>) -> Result<Vec<u8>> {
    let n = u.int_in_range(0usize..=12)?;
    let mut c = Vec::with_capacity(n);
    for _ in 0..n {
        match u.int_in_range(0u8..=15)? {
            0 => c.push(b','),
            1 => c.push(b'"'),
            2 => c.push(b'\r'),
            3 => c.push(b'\n'),
            4 => c.push(b' '),
            5 => c.extend_from_slice("é".as_bytes()),
            6 => c.extend_from_slice("\u{FEFF}".as_bytes()),
            7 => c.push(u.arbitrary::<u8>()?),
            _ => c.push(*u.choose(b"abcPU-0123456789;")?),
        }
    }
    Ok(c)
}

/// `csv_structured`: a roster of `id` plus up to three ignored columns,
/// rows of arbitrary cells, written with random quoting (where allowed), CRLF
/// or LF, blank lines between rows, a BOM, and with or without a final line
/// end. Read back by the batch (with `allow_extra_columns`), every row must
/// come out with its own id, in order, and malformed rows never appear.
pub fn check_structured(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let _ = structured(&mut u);
}

fn structured(u: &mut Unstructured<'_>) -> Result<()> {
    let extra = u.int_in_range(0usize..=3)?;
    let id_at = u.int_in_range(0usize..=extra)?;
    let mut header: Vec<Vec<u8>> = (0..extra)
        .map(|i| format!("note{i}").into_bytes())
        .collect();
    header.insert(id_at, b"id".to_vec());
    let rows = u.int_in_range(0usize..=8)?;
    let mut table = vec![header];
    for _ in 0..rows {
        let mut row = Vec::with_capacity(extra + 1);
        for _ in 0..=extra {
            row.push(cell(u)?);
        }
        table.push(row);
    }
    let mut out = Vec::new();
    if u.ratio(1u8, 4)? {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    let crlf = u.arbitrary::<bool>()?;
    let last = table.len() - 1;
    for (i, row) in table.iter().enumerate() {
        if row.len() == 1 && row[0].is_empty() {
            // A record of one empty unquoted cell would be a blank line.
            out.extend_from_slice(b"\"\"");
        } else {
            for (j, c) in row.iter().enumerate() {
                if j > 0 {
                    out.push(b',');
                }
                write_cell(u, &mut out, c)?;
            }
        }
        if i < last || u.arbitrary::<bool>()? {
            out.extend_from_slice(if crlf || u.ratio(1u8, 8)? {
                b"\r\n"
            } else {
                b"\n"
            });
        }
        if i < last && u.ratio(1u8, 8)? {
            out.extend_from_slice(b"\r\n");
        }
    }
    // The reference reader gives back exactly the table.
    let reference: Vec<Vec<Vec<u8>>> = reference_records(&out)
        .into_iter()
        .map(|r| {
            assert!(!r.malformed, "reference reader: malformed {r:?} in {out:?}");
            r.cells
        })
        .collect();
    assert_eq!(reference, table, "reference reader on {out:?}");

    let mut config = config(1, Format::Csv);
    config.allow_extra_columns = true;
    let mut result = Vec::new();
    let summary = run(out.as_slice(), &mut result, &config)
        .unwrap_or_else(|e| panic!("batch refused {out:?}: {e}"));
    assert_eq!(summary.all.rows, rows as u64, "rows in {out:?}");
    let answer = reference_records(&result);
    assert_eq!(answer.len(), rows + 1, "one row per record in {out:?}");
    let records = reference_records(&out);
    for ((row, got), rec) in table
        .iter()
        .skip(1)
        .zip(answer.iter().skip(1))
        .zip(records.iter().skip(1))
    {
        let id = row.get(id_at).unwrap_or_else(|| unreachable!());
        let want = match std::str::from_utf8(id) {
            Ok(s) if !s.is_empty() => s.to_owned(),
            _ => rec.line.to_string(),
        };
        assert_eq!(
            got.cells.first().map(Vec::as_slice),
            Some(want.as_bytes()),
            "id of {row:?} in {out:?}"
        );
        if row.iter().all(|c| std::str::from_utf8(c).is_ok()) {
            assert_ne!(
                got.cells.get(2).map(Vec::as_slice),
                Some(&b"malformed_row"[..]),
                "{row:?} in {out:?}"
            );
        }
    }
    Ok(())
}
