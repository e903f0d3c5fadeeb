//! `jamsos batch` end to end (CONTRACT.md §2): hostile rosters become error
//! rows or a clear exit-1 message, never a lost row or a hang; `--format
//! ndjson`, `--summary` with `--group-by`, `--output`, and `jamsos
//! sample-roster`.
//!
//! Inputs are bytes (some are not UTF-8), so this file has its own runner,
//! with a time limit: a batch that never ends fails its test instead of
//! stalling the suite.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long one command may run.
const TIME_LIMIT: Duration = Duration::from_secs(30);

/// The output columns (CONTRACT.md §2).
const OUTPUT_HEADER: &str = "id,status,error_code,error_message,\
jkk_employer,jkk_participant,jkk_government,\
jkm_employer,jkm_participant,jkm_government,\
jht_employer,jht_worker,jht_participant,\
jp_employer,jp_worker,jp_deferred,\
jkp_government,jkk_jkm_participant,\
total_employer,total_worker,total_participant,total_government,\
jkk,jkm,jht,jp,jkp";

/// What the command did.
struct Output {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Output {
    fn stdout(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("standard output is UTF-8")
    }

    /// The output CSV's data rows, checked to follow the contract's header.
    fn rows(&self) -> Vec<Vec<String>> {
        let mut rows = parse_csv(self.stdout());
        assert!(!rows.is_empty(), "no header in the output: {}", self.stderr);
        assert_eq!(rows.remove(0).join(","), OUTPUT_HEADER);
        for row in &rows {
            assert_eq!(row.len(), 27, "{row:?}");
        }
        rows
    }

    /// The numbers of the summary line on standard error: rows read, ok,
    /// errors.
    fn counts(&self) -> (u64, u64, u64) {
        let line = self
            .stderr
            .lines()
            .find(|l| l.contains("rows read"))
            .unwrap_or_else(|| panic!("no summary line: {}", self.stderr));
        let number_before = |word: &str| -> u64 {
            let at = line
                .find(word)
                .unwrap_or_else(|| panic!("{word:?} not in {line}"));
            line[..at]
                .trim_end()
                .rsplit([' ', ','])
                .next()
                .unwrap()
                .parse()
                .unwrap_or_else(|_| panic!("no number before {word:?} in {line}"))
        };
        (
            number_before(" rows read"),
            number_before(" ok"),
            number_before(" errors"),
        )
    }
}

/// Runs `jamsos args` with `stdin`, feeding and draining the pipes on their
/// own threads so a large roster cannot deadlock; kills the child after
/// [`TIME_LIMIT`].
fn jamsos(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jamsos"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    // A command that stops before reading its input (exit 1) closes the
    // pipe; that is its answer, not a failure of the test.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        out.read_to_end(&mut v).unwrap();
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        err.read_to_end(&mut v).unwrap();
        v
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "jamsos {args:?} did not finish within {TIME_LIMIT:?} ({} bytes of input)",
                stdin.len()
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    writer.join().unwrap();
    Output {
        code: status.code().unwrap(),
        stdout: reader.join().unwrap(),
        stderr: String::from_utf8(err_reader.join().unwrap()).unwrap(),
    }
}

/// `jamsos batch --period 2025-04` plus `args`.
fn batch(args: &[&str], stdin: &[u8]) -> Output {
    let mut all = vec!["batch", "--period", "2025-04"];
    all.extend_from_slice(args);
    jamsos(&all, stdin)
}

/// A file for one test, unique to the process and the call, removed when
/// dropped (also when the test fails).
struct Temp(PathBuf);

impl Temp {
    fn new(name: &str) -> Temp {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        Temp(
            PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
                .join(format!("batch-{}-{n}-{name}", std::process::id())),
        )
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A strict RFC 4180 reader (LF line ends) for the batch's output.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let (mut start, mut quoted) = (true, false);
    while let Some(c) = chars.next() {
        if quoted {
            match (c, chars.peek()) {
                ('"', Some('"')) => {
                    chars.next();
                    field.push('"');
                }
                ('"', next) => {
                    assert!(
                        matches!(next, None | Some(',' | '\n')),
                        "text after a quote"
                    );
                    quoted = false;
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if start => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '"' | '\r' => panic!("unquoted {c:?} in the output"),
            _ => field.push(c),
        }
        start = matches!(c, ',' | '\n');
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "unfinished row"
    );
    rows
}

/// The answer of `jamsos contribution` for a case.
fn contribution(case: &str) -> Value {
    let out = jamsos(&["contribution"], case.as_bytes());
    serde_json::from_str(out.stdout()).unwrap()
}

/// The participant total of an `ok` row.
fn participant_total(row: &[String]) -> u64 {
    row[20].parse().unwrap()
}

const BPU_HEADER: &str = "id,category,nationality,income";

fn assert_ok(row: &[String], id: &str) {
    assert_eq!((row[0].as_str(), row[1].as_str()), (id, "ok"), "{row:?}");
}

fn assert_error(row: &[String], id: &str, code: &str) {
    assert_eq!(
        (row[0].as_str(), row[1].as_str(), row[2].as_str()),
        (id, "error", code),
        "{row:?}"
    );
    assert!(!row[3].is_empty(), "an error row has a message: {row:?}");
    assert!(row[4..].iter().all(String::is_empty), "{row:?}");
}

// ---------------------------------------------------------------------------
// Bytes and line ends.

#[test]
fn invalid_utf8_cell_is_an_error_row_and_the_batch_continues() {
    let mut input = format!("{BPU_HEADER}\nA,bpu,,1000000\nB,bpu,w").into_bytes();
    input.extend_from_slice(b"\xff\xfeni,1000000\nC\xc3,bpu,,1000000\nD,bpu,,1000000\n");
    let out = batch(&[], &input);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = out.rows();
    assert_eq!(rows.len(), 4);
    assert_ok(&rows[0], "A");
    // CONTRACT.md §2 names no code for a cell that is not UTF-8; the batch
    // says `malformed_row` and names the encoding in the message.
    assert_error(&rows[1], "B", &rows[1][2]);
    assert!(!rows[1][2].is_empty());
    assert!(rows[1][3].contains("UTF-8"), "{:?}", rows[1]);
    // An id that is not UTF-8 is unreadable: the line number stands for it.
    assert_error(&rows[2], "4", &rows[2][2]);
    assert_ok(&rows[3], "D");
    assert_eq!(out.counts(), (4, 2, 2));
}

#[test]
fn byte_order_mark_before_the_header_is_ignored() {
    let plain = batch(&[], format!("{BPU_HEADER}\nA,bpu,,1000000\n").as_bytes());
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(format!("{BPU_HEADER}\nA,bpu,,1000000\n").as_bytes());
    let with_bom = batch(&[], &bom);
    assert_eq!((plain.code, with_bom.code), (0, 0), "{}", with_bom.stderr);
    assert_eq!(plain.stdout, with_bom.stdout);
    // A header whose first name is `id` after the mark still has its id.
    assert_ok(&with_bom.rows()[0], "A");
}

#[test]
fn byte_order_mark_then_blank_line_then_header() {
    let mut input = b"\xEF\xBB\xBF\n".to_vec();
    input.extend_from_slice(format!("{BPU_HEADER}\nA,bpu,,1000000\n").as_bytes());
    let out = batch(&[], &input);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_ok(&out.rows()[0], "A");
}

#[test]
fn crlf_and_lf_give_the_same_output() {
    let lf = format!("{BPU_HEADER}\nA,bpu,,1000000\n,bpu,,2000000\nC,bpu,,0\nD,bpu,wni,1000000\n");
    let crlf = lf.replace('\n', "\r\n");
    let (a, b) = (batch(&[], lf.as_bytes()), batch(&[], crlf.as_bytes()));
    assert_eq!((a.code, b.code), (0, 0), "{}", b.stderr);
    assert_eq!(a.stdout(), b.stdout());
    let rows = b.rows();
    assert_eq!(rows.len(), 4);
    assert_ok(&rows[0], "A");
    assert_error(&rows[1], "3", "missing_field");
    assert_error(&rows[2], "C", "invalid_amount");
    // The last cell of a CRLF line has no carriage return left in it.
    assert_ok(&rows[3], "D");
    // Without a final line end the last row is still read.
    let unterminated = batch(&[], crlf.trim_end().as_bytes());
    assert_eq!(unterminated.stdout(), a.stdout());
}

#[test]
fn quoted_fields_with_commas_quotes_and_line_ends() {
    let input = format!(
        "{BPU_HEADER}\n\
         \"PT Maju, Tbk \"\"Cabang 1\"\"\",bpu,,1000000\n\
         \"two\nline id\",bpu,,1000000\n\
         ,bpu,,1000000\n\
         \"E\",\"bpu\",\"wni\",\"1000000\"\n\
         F,bpu,\"w\nn\ni\",1000000\n\
         ,bpu,,1000000\n"
    );
    let out = batch(&[], input.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The ids come back re-quoted.
    assert!(
        out.stdout()
            .contains("\n\"PT Maju, Tbk \"\"Cabang 1\"\"\",ok,"),
        "{}",
        out.stdout()
    );
    assert!(out.stdout().contains("\n\"two\nline id\",ok,"));
    let rows = out.rows();
    assert_eq!(rows.len(), 6);
    assert_ok(&rows[0], "PT Maju, Tbk \"Cabang 1\"");
    assert_ok(&rows[1], "two\nline id");
    // Line 1 header, 2 PT Maju, 3–4 the two-line id: this record is line 5.
    assert_error(&rows[2], "5", "missing_field");
    assert_ok(&rows[3], "E");
    assert_error(&rows[4], "F", "invalid_value");
    // F spans lines 7 to 9; the last record starts on line 10.
    assert_error(&rows[5], "10", "missing_field");
    assert_eq!(out.counts(), (6, 3, 3));
}

#[test]
fn blank_lines_are_skipped_and_counted_in_line_numbers() {
    let input = format!("\n{BPU_HEADER}\n\nA,bpu,,1000000\n\r\n\n,bpu,,2000000\n\n");
    let out = batch(&[], input.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = out.rows();
    assert_eq!(rows.len(), 2);
    assert_ok(&rows[0], "A");
    // CONTRACT.md §2: no id, so the row is labelled with its line, 7.
    assert_error(&rows[1], "7", "missing_field");
    assert_eq!(out.counts(), (2, 1, 1));
}

#[test]
fn quoted_empty_line_is_a_row() {
    let input = format!("{BPU_HEADER}\nA,bpu,,1000000\n\"\"\nB,bpu,,1000000\n");
    let out = batch(&[], input.as_bytes());
    let rows = out.rows();
    assert_eq!(rows.len(), 3, "{}", out.stdout());
    assert_error(&rows[1], "3", "malformed_row");
}

#[test]
fn too_many_or_too_few_cells_is_malformed_row() {
    let input = format!(
        "{BPU_HEADER}\nA,bpu,,1000000,extra\nB,bpu,1000000\nC\n   \nD,bpu,,1000000\n,,,,\n"
    );
    let out = batch(&[], input.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = out.rows();
    assert_eq!(rows.len(), 6);
    assert_error(&rows[0], "A", "malformed_row");
    assert_error(&rows[1], "B", "malformed_row");
    assert_error(&rows[2], "C", "malformed_row");
    assert_error(&rows[3], "   ", "malformed_row");
    assert_ok(&rows[4], "D");
    assert_error(&rows[5], "7", "malformed_row");
    assert_eq!(out.counts(), (6, 1, 5));
}

#[test]
fn misplaced_or_unclosed_quote_is_malformed_row() {
    let input =
        format!("{BPU_HEADER}\nA,bpu,\"wni\"x,1000000\nB,bpu,,1000000\nC,bpu,\"open,1000000\n");
    let out = batch(&[], input.as_bytes());
    let rows = out.rows();
    assert_eq!(rows.len(), 3);
    assert_error(&rows[0], "A", "malformed_row");
    assert_ok(&rows[1], "B");
    assert_error(&rows[2], "C", "malformed_row");
}

// ---------------------------------------------------------------------------
// Large fields.

/// A roster with a `size`-byte nationality cell between two good rows.
fn large_field_roster(size: usize) -> Vec<u8> {
    let mut input = format!("{BPU_HEADER}\nA,bpu,,1000000\nBIG,bpu,").into_bytes();
    input.extend(std::iter::repeat_n(b'x', size));
    input.extend_from_slice(b",1000000\n,bpu,,1000000\nZ,bpu,,1000000\n");
    input
}

fn check_large_field(size: usize) {
    let file = Temp::new("large.csv");
    std::fs::write(&file.0, large_field_roster(size)).unwrap();
    let out = batch(&["--input", file.path()], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = out.rows();
    assert_eq!(rows.len(), 4);
    assert_ok(&rows[0], "A");
    assert_error(&rows[1], "BIG", "invalid_value");
    assert_error(&rows[2], "4", "missing_field");
    assert_ok(&rows[3], "Z");
    assert_eq!(out.counts(), (4, 2, 2));
}

#[test]
fn half_megabyte_field_is_an_error_row() {
    check_large_field(512 << 10);
}

#[test]
fn ten_megabyte_field_is_an_error_row() {
    check_large_field(10 << 20);
}

#[test]
fn ndjson_line_of_ten_megabytes() {
    let good = r#"{"period":"2025-04","participant":{"category":"bpu","income":1000000}}"#;
    let big = format!(
        r#"{{"period":"2025-04","participant":{{"category":"bpu","income":1000000,"nationality":"{}"}}}}"#,
        "x".repeat(10 << 20)
    );
    let file = Temp::new("large.ndjson");
    std::fs::write(&file.0, format!("{good}\n{big}\n{good}\n")).unwrap();
    let out = jamsos(
        &["batch", "--format", "ndjson", "--input", file.path()],
        b"",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout().lines().count(), 3);
    assert_eq!(out.counts(), (3, 2, 1));
}

// ---------------------------------------------------------------------------
// Headers.

#[test]
fn duplicate_header_stops_the_batch_naming_the_column() {
    for args in [&[][..], &["--allow-extra-columns"][..]] {
        let out = batch(args, b"id,category,income,income\nA,bpu,1,2\n");
        assert_eq!(out.code, 1, "{args:?}");
        assert!(out.stderr.contains("duplicate"), "{}", out.stderr);
        assert!(out.stderr.contains("income"), "{}", out.stderr);
        assert!(out.stdout.is_empty());
    }
    let out = batch(&["--allow-extra-columns"], b"id,note,category,note\n");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("note"), "{}", out.stderr);
}

#[test]
fn unknown_header_stops_the_batch_unless_extra_columns_are_allowed() {
    let input = "id,employer,category,Income,income\nA,PT Satu,bpu,x,1000000\n";
    let out = batch(&[], input.as_bytes());
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("employer"), "{}", out.stderr);
    // Header names are case-sensitive.
    assert!(out.stderr.contains("Income"), "{}", out.stderr);
    assert!(out.stdout.is_empty());

    let allowed = batch(&["--allow-extra-columns"], input.as_bytes());
    assert_eq!(allowed.code, 0, "{}", allowed.stderr);
    let plain = batch(&[], b"id,category,income\nA,bpu,1000000\n");
    assert_eq!(
        allowed.stdout(),
        plain.stdout(),
        "extra columns are ignored"
    );
    assert_ok(&allowed.rows()[0], "A");
}

#[test]
fn missing_id_header_stops_the_batch() {
    let out = batch(&[], b"category,income\nbpu,1000000\n");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("id"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let out = batch(&[], b"ID,category,income\nA,bpu,1000000\n");
    assert_eq!(out.code, 1, "header names are case-sensitive");
}

#[test]
fn empty_input_stops_with_a_clear_message() {
    for input in [&b""[..], b"\n", b"\r\n\r\n", b"\xEF\xBB\xBF"] {
        let out = batch(&[], input);
        assert_eq!(out.code, 1, "{input:?}");
        assert!(out.stdout.is_empty(), "{input:?}");
        assert!(out.stderr.starts_with("jamsos: "), "{}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
        assert!(out.stderr.contains("header"), "{}", out.stderr);
    }
}

#[test]
fn header_only_is_an_empty_result() {
    for input in [
        &b"id,category,income\n"[..],
        b"id,category,income",
        b"id,category,income\r\n\n",
    ] {
        let out = batch(&[], input);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(out.stdout(), format!("{OUTPUT_HEADER}\n"));
        assert_eq!(out.counts(), (0, 0, 0));
    }
}

// ---------------------------------------------------------------------------
// Arguments and files.

#[test]
fn malformed_period_argument_stops_the_batch() {
    let input = format!("{BPU_HEADER}\nA,bpu,,1000000\n");
    for period in [
        "2025-4",
        "2025-13",
        "2025-00",
        "april",
        "2025-04-01",
        " 2025-04",
        "",
    ] {
        let out = jamsos(&["batch", "--period", period], input.as_bytes());
        assert_eq!(out.code, 1, "--period {period:?}");
        assert!(out.stdout.is_empty());
        assert!(out.stderr.contains("--period"), "{}", out.stderr);
    }
    let out = jamsos(&["batch"], input.as_bytes());
    assert_eq!(out.code, 1, "--period is required for CSV");
    assert!(out.stderr.contains("--period"), "{}", out.stderr);
}

#[test]
fn unreadable_input_file_stops_the_batch() {
    let missing = Temp::new("does-not-exist.csv");
    let out = batch(&["--input", missing.path()], b"");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("does-not-exist.csv"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    // A directory opens but cannot be read.
    let out = batch(&["--input", env!("CARGO_TARGET_TMPDIR")], b"");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.starts_with("jamsos: "), "{}", out.stderr);
}

#[test]
fn output_file_holds_what_standard_output_would() {
    let input = format!("{BPU_HEADER}\nA,bpu,,1000000\nB,bpu,,0\n");
    let to_stdout = batch(&[], input.as_bytes());
    let file = Temp::new("out.csv");
    let to_file = batch(&["--output", file.path()], input.as_bytes());
    assert_eq!(to_file.code, 0, "{}", to_file.stderr);
    assert!(to_file.stdout.is_empty());
    assert_eq!(std::fs::read(&file.0).unwrap(), to_stdout.stdout);
    assert_eq!(to_file.counts(), (2, 1, 1));
}

/// `--output` naming a FIFO (as `/dev/null` names a device) writes into it:
/// renaming a finished file onto the path, as for a regular file, would have
/// replaced the FIFO with a file for every other program.
#[cfg(unix)]
#[test]
fn output_to_a_fifo_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let input = format!("{BPU_HEADER}\nA,bpu,,1000000\nB,bpu,,0\n");
    let to_stdout = batch(&[], input.as_bytes());
    let fifo = Temp::new("out.fifo");
    let made = Command::new("mkfifo").arg(&fifo.0).status().unwrap();
    assert!(made.success());
    let path = fifo.0.clone();
    let reader = std::thread::spawn(move || std::fs::read(path).unwrap());
    let to_fifo = batch(&["--output", fifo.path()], input.as_bytes());
    assert_eq!(to_fifo.code, 0, "{}", to_fifo.stderr);
    // Checked before joining: a reader whose FIFO was replaced never ends.
    let kind = std::fs::symlink_metadata(&fifo.0).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced: {kind:?}");
    assert_eq!(reader.join().unwrap(), to_stdout.stdout);
}

#[test]
fn income_grid_applies_to_every_row() {
    // A made-up grid, as in tests/categories.rs: 1,000,000 … 1,499,999 pays
    // on 1,000,000.
    let grid = Temp::new("grid.csv");
    std::fs::write(
        &grid.0,
        "from,to,nominal\n1000000,1499999,1000000\n1500000,20700000,\n",
    )
    .unwrap();
    let input = format!("{BPU_HEADER}\nA,bpu,,1400000\nB,bpu,,1600000\n");
    let out = batch(&["--income-grid", grid.path()], input.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = out.rows();
    for (row, income) in rows.iter().zip(["1400000", "1600000"]) {
        let case = format!(
            r#"{{"period":"2025-04","participant":{{"category":"bpu","income":{income}}}}}"#
        );
        let answer = jamsos(
            &["contribution", "--income-grid", grid.path()],
            case.as_bytes(),
        );
        let answer: Value = serde_json::from_str(answer.stdout()).unwrap();
        assert_eq!(
            participant_total(row),
            answer["totals"]["participant"],
            "{income}"
        );
    }
    let without = batch(&[], input.as_bytes());
    assert_ne!(without.rows()[0], rows[0], "the grid changes the amount");

    std::fs::write(
        &grid.0,
        "from,to,nominal\n2000000,2999999,\n1000000,1999999,\n",
    )
    .unwrap();
    let out = batch(&["--income-grid", grid.path()], input.as_bytes());
    assert_eq!(out.code, 1, "a malformed grid stops the batch");
    assert!(out.stderr.contains("--income-grid"), "{}", out.stderr);
}

#[test]
fn row_period_overrides_the_period_argument() {
    let input = "id,period,category,income\n\
                 DEFAULT,,bpu,1000000\n\
                 LATER,2026-10,bpu,1000000\n\
                 BAD,2026-13,bpu,1000000\n\
                 SHORT,2026-1,bpu,1000000\n\
                 EARLY,2015-06,bpu,1000000\n";
    let out = batch(&[], input.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = out.rows();
    let case = |period: &str| {
        format!(r#"{{"period":"{period}","participant":{{"category":"bpu","income":1000000}}}}"#)
    };
    let april = contribution(&case("2025-04"));
    let october = contribution(&case("2026-10"));
    assert_ne!(
        april["totals"], october["totals"],
        "the periods differ in amount"
    );
    assert_ok(&rows[0], "DEFAULT");
    assert_eq!(participant_total(&rows[0]), april["totals"]["participant"]);
    assert_ok(&rows[1], "LATER");
    assert_eq!(
        participant_total(&rows[1]),
        october["totals"]["participant"]
    );
    assert_error(&rows[2], "BAD", "invalid_period");
    assert_error(&rows[3], "SHORT", "invalid_period");
    assert_error(&rows[4], "EARLY", "period_out_of_range");
    assert_eq!(out.counts(), (5, 2, 3));
}

// ---------------------------------------------------------------------------
// NDJSON, summaries, sample rosters.

#[test]
fn ndjson_one_result_per_line() {
    let good = r#"{"period":"2025-04","participant":{"category":"bpu","income":1000000}}"#;
    let bad = r#"{"period":"2025-04","participant":{"category":"pu","birth_date":"1990-05-17","wage":10000000,"risk_class":6,"scale":"medium"}}"#;
    let prepay = r#"{"period":"2025-04","participant":{"category":"bpu","income":1000000},"options":{"months":3}}"#;
    let mut input = format!("{good}\nnot json\n\n{bad}\r\n").into_bytes();
    input.extend_from_slice(b"{\"period\":\"\xff\"}\n");
    input.extend_from_slice(format!("{prepay}\n{good}").as_bytes());
    let out = jamsos(&["batch", "--format", "ndjson"], &input);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<Value> = out
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6, "one line per non-blank input line");
    assert_eq!(lines[0], contribution(good));
    assert_eq!(lines[1]["error"]["code"], "invalid_json");
    assert_eq!(lines[1]["line"], 2);
    // The same error object as `jamsos contribution`, with the physical
    // line number (the blank line 3 counts).
    assert_eq!(lines[2]["error"], contribution(bad)["error"]);
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[2]["error"]["code"], "invalid_risk_class");
    assert_eq!(lines[3]["error"]["code"], "invalid_json");
    assert_eq!(lines[3]["line"], 5);
    assert_eq!(lines[4], contribution(prepay));
    assert_eq!(lines[5], contribution(good));
    assert_eq!(out.counts(), (6, 3, 3));
}

/// The summary of an NDJSON roster adds up each result's lines by program and
/// payer exactly as the CSV batch adds up its rows: the same cases as NDJSON
/// and as CSV give the same summary. The cases bill every payer, a PMI
/// package (`jkk_jkm`) and a deferred JP line (PP 49/2020, D-16).
#[test]
fn ndjson_and_csv_rosters_of_the_same_cases_sum_up_alike() {
    let cases = [
        (
            "PU",
            r#"{"period":"2025-04","participant":{"category":"pu","birth_date":"1990-05-17","wage":12000000,"risk_class":3,"scale":"medium","registered_on":"2019-03-01","jkn_member":true}}"#,
            "pu,1990-05-17,12000000,3,medium,2019-03-01,true,,,,,,,,",
        ),
        (
            "PU2020",
            r#"{"period":"2020-09","participant":{"category":"pu","birth_date":"1985-01-31","wage":9000000,"risk_class":2,"scale":"large"}}"#,
            "pu,1985-01-31,9000000,2,large,,,,,,,,,,2020-09",
        ),
        (
            "BPU",
            r#"{"period":"2025-04","participant":{"category":"bpu","birth_date":"1978-08-17","income":2500000,"opt_in":["jht"]}}"#,
            "bpu,1978-08-17,,,,,,2500000,jht,,,,,,",
        ),
        (
            "SUB",
            r#"{"period":"2025-04","participant":{"category":"bpu","income":1000000,"subsidised":true}}"#,
            "bpu,,,,,,,1000000,,true,,,,,",
        ),
        (
            "JAKON",
            r#"{"period":"2025-09","participant":{"category":"jakon","method":"contract","contract_value":2750000000}}"#,
            "jakon,,,,,,,,,,contract,2750000000,,,2025-09",
        ),
        (
            "PMI",
            r#"{"period":"2025-06","participant":{"category":"pmi","birth_date":"1996-11-02","channel":"agency","contract_months":24}}"#,
            "pmi,1996-11-02,,,,,,,,,,,agency,24,2025-06",
        ),
    ];
    let header = "id,category,birth_date,wage,risk_class,scale,registered_on,jkn_member,\
                  income,opt_in,subsidised,method,contract_value,channel,contract_months,period";
    let csv: String = std::iter::once(header.to_owned())
        .chain(cases.iter().map(|(id, _, row)| format!("{id},{row}")))
        .map(|l| l + "\n")
        .collect();
    let ndjson: String = cases
        .iter()
        .map(|(_, case, _)| format!("{case}\n"))
        .collect();
    let summary_of = |args: &[&str], input: &str| -> Value {
        let file = Temp::new("same.json");
        let mut all = vec!["batch", "--period", "2025-04", "--summary", file.path()];
        all.extend_from_slice(args);
        let out = jamsos(&all, input.as_bytes());
        assert_eq!(out.code, 0, "{}", out.stderr);
        serde_json::from_str(&std::fs::read_to_string(&file.0).unwrap()).unwrap()
    };
    let from_csv = summary_of(&["--input-format", "csv"], &csv);
    let from_ndjson = summary_of(&["--input-format", "ndjson", "--format", "ndjson"], &ndjson);
    assert_eq!(from_csv["ok"], 6, "{from_csv}");
    assert_eq!(from_csv["by_category"]["pmi"]["ok"], 1, "{from_csv}");
    // The cases reach the columns that need the typed mapping.
    for column in [
        "jkk_jkm_participant",
        "jp_deferred",
        "jkk_government",
        "jht_participant",
    ] {
        assert!(
            from_csv["by_column"][column].as_u64().unwrap() > 0,
            "{column}: {from_csv}"
        );
    }
    assert_eq!(from_ndjson, from_csv);
}

#[test]
fn summary_file_with_group_by_an_extra_column() {
    let input = "id,employer,category,income,wage,birth_date,risk_class,scale\n\
                 A1,PT Satu,bpu,1000000,,,,\n\
                 A2,PT Satu,pu,,7500000,1990-05-17,2,large\n\
                 A3,PT Satu,bpu,0,,,,\n\
                 B1,\"CV Dua, Tbk\",pu,,12000000,1985-01-31,4,medium\n\
                 B2,\"CV Dua, Tbk\",bpu,2000000,,,,\n\
                 C1,,bpu,1000000,,,,\n";
    let file = Temp::new("summary.json");
    let args = [
        "--allow-extra-columns",
        "--summary",
        file.path(),
        "--group-by",
        "employer",
    ];
    let out = batch(&args, input.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = out.rows();
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file.0).unwrap()).unwrap();
    assert_eq!(doc["group_by"], "employer");
    assert_eq!(
        (
            doc["rows"].as_u64(),
            doc["ok"].as_u64(),
            doc["errors"].as_u64()
        ),
        (Some(6), Some(5), Some(1))
    );

    let employer_of = |id: &str| match &id[..1] {
        "A" => "PT Satu",
        "B" => "CV Dua, Tbk",
        _ => "",
    };
    let payers = ["employer", "worker", "participant", "government"];
    let groups = doc["groups"].as_object().unwrap();
    assert_eq!(groups.len(), 3, "{groups:?}");
    for (name, group) in groups {
        let members: Vec<&Vec<String>> =
            rows.iter().filter(|r| employer_of(&r[0]) == name).collect();
        let ok: Vec<&&Vec<String>> = members.iter().filter(|r| r[1] == "ok").collect();
        assert_eq!(group["rows"], members.len(), "{name}");
        assert_eq!(group["ok"], ok.len(), "{name}");
        assert_eq!(group["errors"], members.len() - ok.len(), "{name}");
        for (i, payer) in payers.iter().enumerate() {
            let sum: u64 = ok.iter().map(|r| r[18 + i].parse::<u64>().unwrap()).sum();
            assert_eq!(group["totals"][payer], sum, "{name} {payer}");
        }
    }
    for (i, payer) in payers.iter().enumerate() {
        let sum: u64 = rows
            .iter()
            .filter(|r| r[1] == "ok")
            .map(|r| r[18 + i].parse::<u64>().unwrap())
            .sum();
        assert_eq!(doc["totals"][payer], sum, "{payer}");
    }
    assert!(doc["totals"]["employer"].as_u64().unwrap() > 0);
    assert_eq!(doc["error_codes"]["invalid_amount"], 1);
}

#[test]
fn group_by_needs_a_summary_and_a_column() {
    let input = "id,employer,category,income\nA,PT Satu,bpu,1000000\n";
    let out = batch(
        &["--allow-extra-columns", "--group-by", "employer"],
        input.as_bytes(),
    );
    assert_eq!(out.code, 1, "--group-by without --summary");
    assert!(out.stderr.contains("--summary"), "{}", out.stderr);
    let file = Temp::new("nogroup.json");
    let args = ["--summary", file.path(), "--group-by", "region"];
    let out = batch(&args, b"id,category,income\nA,bpu,1000000\n");
    assert_eq!(out.code, 1, "a group column the roster lacks");
    assert!(out.stderr.contains("region"), "{}", out.stderr);
}

#[test]
fn sample_roster_is_deterministic_and_batches_without_errors() {
    let a = jamsos(&["sample-roster", "--rows", "50", "--seed", "3"], b"");
    let b = jamsos(&["sample-roster", "--rows", "50", "--seed", "3"], b"");
    let c = jamsos(&["sample-roster", "--rows", "50", "--seed", "4"], b"");
    assert_eq!((a.code, b.code, c.code), (0, 0, 0), "{}", a.stderr);
    assert_eq!(a.stdout, b.stdout, "same rows and seed, same bytes");
    assert_ne!(a.stdout, c.stdout, "another seed, other rows");
    assert_eq!(a.stdout().lines().count(), 51);
    let mut library = Vec::new();
    jamsos_batch::sample::write_roster(&mut library, 50, 3).unwrap();
    assert_eq!(a.stdout, library, "the command writes the library's roster");

    let out = batch(&[], &a.stdout);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = out.rows();
    assert_eq!(rows.len(), 50);
    assert!(
        rows.iter().all(|r| r[1] == "ok"),
        "{:?}",
        rows.iter().find(|r| r[1] != "ok")
    );
    assert_eq!(out.counts(), (50, 50, 0));
    for payer in ["employer", "worker", "participant", "government"] {
        assert!(
            out.stderr.contains(payer),
            "totals per payer: {}",
            out.stderr
        );
    }
    let one_thread = batch(&["--threads", "1"], &a.stdout);
    assert_eq!(one_thread.stdout, out.stdout);
}
