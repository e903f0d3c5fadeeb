//! The pipeline: one thread cuts the input into chunks of whole records,
//! worker threads decode, assess and format them, and the calling thread
//! writes the results in input order. A fixed number of chunks is in flight
//! at any time, so memory stays bounded whatever the roster's size.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use jamsos_contract::{
    ContractError, ContributionResult, ErrorCode, HeaderError, Roster, Settings,
};
use jamsos_core::{Period, Program};
use jamsos_eligibility::Status;
use jamsos_worker::Category;

use crate::csv::{self, Record, State};
use crate::outcome::{self, AMOUNT_COLUMNS, Outcome, RulesCache};
use crate::summary::Summary;

/// The size a chunk grows to before it is handed to a worker: 256 KiB, so
/// that a chunk, and the output made from it, are still in the cores' caches
/// when the worker and then the writer read them (2 MiB chunks cost about an
/// eighth more CPU time, most of it system time spent copying buffers that had
/// left the caches; docs/DESIGN.md). Memory: 3 chunks per worker in flight,
/// each with its output, about 11 MiB in all.
const CHUNK_BYTES: usize = 256 << 10;
/// How many bytes are read at a time.
const READ_BYTES: usize = 64 << 10;

/// The input and output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// CSV roster in, CSV result out (CONTRACT.md §2).
    #[default]
    Csv,
    /// One JSON case per line in, one JSON result (or error object) per line
    /// out (CONTRACT.md §1 documents).
    Ndjson,
}

/// How a batch runs.
#[derive(Clone, Copy)]
pub struct Config<'a> {
    /// The period of rows without a `period` cell.
    pub period: Period,
    /// CSV or NDJSON.
    pub format: Format,
    /// Ignore columns that are not in the contract instead of stopping
    /// (each is reported through [`Config::notice`]).
    pub allow_extra_columns: bool,
    /// Columns whose values group the summary (`--group-by`), CSV only.
    pub group_by: &'a [String],
    /// Keep the whole [`Summary`] (per category, per amount column, program
    /// statuses, error codes, groups). Off, only [`Summary::all`] (rows,
    /// errors and the payers' totals) is kept: all a run without a summary
    /// file reports, and adding up the rest is a few percent of a batch.
    pub summary: bool,
    /// Input columns copied into the output next to `id` (`--keep`), CSV only.
    pub keep: &'a [String],
    /// The CSV delimiter; `None` recognises it from the header (comma,
    /// semicolon or tab, see [`detect_delimiter`](crate::detect_delimiter)).
    pub delimiter: Option<u8>,
    /// Worker threads; 0 means one per available core.
    pub threads: usize,
    /// The caller's settings (the official BPU income grid).
    pub settings: Settings<'a>,
    /// Called after each chunk is written with the rows and input bytes done.
    pub progress: Option<&'a (dyn Fn(u64, u64) + Sync)>,
    /// Called with each remark on the input that does not stop the batch
    /// (an ignored unknown column, with "did you mean").
    pub notice: Option<&'a (dyn Fn(&str) + Sync)>,
}

impl<'a> Config<'a> {
    /// CSV, all cores, no grouping, the built-in income grid.
    #[must_use]
    pub fn new(period: Period) -> Config<'a> {
        Config {
            period,
            format: Format::Csv,
            allow_extra_columns: false,
            group_by: &[],
            summary: true,
            keep: &[],
            delimiter: None,
            threads: 0,
            settings: Settings::default(),
            progress: None,
            notice: None,
        }
    }
}

/// Why a batch could not run (exit 1); row errors are never this.
#[derive(Debug)]
#[non_exhaustive]
pub enum BatchError {
    /// Reading the input or writing the output failed.
    Io(io::Error),
    /// The header cannot be used.
    Header(HeaderError),
    /// The header is not UTF-8 or not a CSV record.
    UnreadableHeader(String),
    /// The input is empty: not even a header.
    Empty,
    /// The `--group-by` column is not in the header.
    NoGroupColumn(String),
    /// A `--keep` column is not in the header, or clashes with the output's.
    BadKeepColumn(String),
}

impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BatchError::Io(e) => write!(f, "{e}"),
            BatchError::Header(e) => {
                write!(f, "{e}")?;
                if let HeaderError::Unknown(names) = e {
                    for name in names {
                        if let Some(s) = crate::columns::suggestion(name) {
                            write!(f, "; did you mean \"{s}\" for \"{name}\"?")?;
                        }
                    }
                }
                Ok(())
            }
            BatchError::UnreadableHeader(m) => write!(f, "the header line cannot be read: {m}"),
            BatchError::Empty => f.write_str(
                "the input is empty: a roster starts with a header line naming its columns, id among them",
            ),
            BatchError::NoGroupColumn(c) => {
                write!(f, "--group-by {c}: the roster has no column named {c}")
            }
            BatchError::BadKeepColumn(c) if OUTPUT_COLUMNS.contains(&c.as_str()) => write!(
                f,
                "--keep {c}: the output already has a column named {c}"
            ),
            BatchError::BadKeepColumn(c) => {
                write!(f, "--keep {c}: the roster has no column named {c}")
            }
        }
    }
}

impl std::error::Error for BatchError {}

impl From<io::Error> for BatchError {
    fn from(e: io::Error) -> BatchError {
        BatchError::Io(e)
    }
}

/// Buffers handed back for reuse: a chunk's input goes back to the reader
/// once a worker is done with it, its output to the workers once written, so
/// a run allocates a few dozen buffers in all, not two per chunk (fresh large
/// allocations are page faults and copies as they grow).
#[derive(Default)]
struct Pool(Mutex<Vec<Vec<u8>>>);

impl Pool {
    /// An empty buffer with at least `capacity` bytes of room.
    fn take(&self, capacity: usize) -> Vec<u8> {
        let reused = self.0.lock().ok().and_then(|mut v| v.pop());
        let mut buf = reused.unwrap_or_default();
        buf.clear();
        buf.reserve(capacity);
        buf
    }

    fn give(&self, buf: Vec<u8>) {
        if let Ok(mut v) = self.0.lock() {
            v.push(buf);
        }
    }
}

/// Whole records, as read.
struct Chunk {
    seq: u64,
    first_line: u64,
    bytes: Vec<u8>,
}

/// A chunk's formatted results.
struct Done {
    seq: u64,
    rows: u64,
    input_bytes: u64,
    output: Vec<u8>,
    summary: Summary,
}

/// What a worker needs to turn a chunk into output.
struct Job<'a> {
    format: Format,
    summary: bool,
    period: Period,
    roster: Option<&'a Roster>,
    group_columns: Vec<usize>,
    keep_columns: Vec<usize>,
    delimiter: u8,
    settings: Settings<'a>,
}

/// The columns before the amounts: the row's id, status and error.
const LEAD_COLUMNS: [&str; 4] = ["id", "status", "error_code", "error_message"];

/// The result columns (CONTRACT.md §2): the lead columns, the amounts
/// ([`AMOUNT_COLUMNS`]), then each program's status (`Program::CODES`);
/// kept columns (`--keep`) go after `id`.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of bounds fails the build"
)]
pub const OUTPUT_COLUMNS: [&str; LEAD_COLUMNS.len() + AMOUNT_COLUMNS.len() + Program::CODES.len()] = {
    let mut columns = [""; LEAD_COLUMNS.len() + AMOUNT_COLUMNS.len() + Program::CODES.len()];
    let mut i = 0;
    while i < columns.len() {
        columns[i] = if i < LEAD_COLUMNS.len() {
            LEAD_COLUMNS[i]
        } else if i < LEAD_COLUMNS.len() + AMOUNT_COLUMNS.len() {
            AMOUNT_COLUMNS[i - LEAD_COLUMNS.len()]
        } else {
            Program::CODES[i - LEAD_COLUMNS.len() - AMOUNT_COLUMNS.len()]
        };
        i += 1;
    }
    columns
};

/// Runs a batch: reads `input`, writes one result per input row to `output`
/// in input order, and returns the summary.
pub fn run<R: Read + Send, W: Write>(
    mut input: R,
    mut output: W,
    config: &Config<'_>,
) -> Result<Summary, BatchError> {
    let mut buf = Vec::with_capacity(CHUNK_BYTES + READ_BYTES);
    let mut lines_before = 0u64;
    let mut delimiter = b',';
    let roster = match config.format {
        Format::Csv => {
            let header = read_header(&mut input, &mut buf, config)?;
            buf.drain(..header.end);
            lines_before = header.lines;
            delimiter = header.delimiter;
            Some(header.roster)
        }
        Format::Ndjson => None,
    };
    let column = |name: &String, error: fn(String) -> BatchError| match &roster {
        Some(r) => r.column(name).ok_or_else(|| error(name.clone())),
        None => Err(error(name.clone())),
    };
    let group_columns = config
        .group_by
        .iter()
        .map(|name| column(name, BatchError::NoGroupColumn))
        .collect::<Result<Vec<_>, _>>()?;
    let keep_columns = config
        .keep
        .iter()
        .map(|name| match OUTPUT_COLUMNS.contains(&name.as_str()) {
            true => Err(BatchError::BadKeepColumn(name.clone())),
            false => column(name, BatchError::BadKeepColumn),
        })
        .collect::<Result<Vec<_>, _>>()?;
    if roster.is_some() {
        output.write_all(output_header(config.keep).as_bytes())?;
    }
    let threads = match config.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let in_flight = threads * 3;
    let job = Job {
        format: config.format,
        summary: config.summary,
        period: config.period,
        roster: roster.as_ref(),
        group_columns,
        keep_columns,
        delimiter,
        settings: config.settings,
    };

    let (work_tx, work_rx) = sync_channel::<Chunk>(in_flight);
    let (done_tx, done_rx) = sync_channel::<Done>(in_flight);
    // Credits bound the chunks between reader and writer, including those
    // waiting to be written in order.
    let (credit_tx, credit_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = credit_tx.send(());
    }
    let work_rx = Mutex::new(work_rx);
    let (inputs, outputs) = (Pool::default(), Pool::default());

    std::thread::scope(|scope| {
        let (inputs, outputs) = (&inputs, &outputs);
        let reader = scope.spawn(move || {
            read_chunks(
                input,
                buf,
                lines_before + 1,
                (config.format, delimiter),
                &work_tx,
                &credit_rx,
                inputs,
            )
        });
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let (work_rx, job) = (&work_rx, &job);
            scope.spawn(move || work(work_rx, &done_tx, job, (inputs, outputs)));
        }
        drop(done_tx);
        let written = write_in_order(&done_rx, &mut output, &credit_tx, config, outputs);
        // Unblock the reader if writing failed, then collect its result.
        drop(done_rx);
        drop(credit_tx);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the reader thread stopped unexpectedly")));
        let summary = written?;
        read?;
        output.flush()?;
        Ok(summary)
    })
}

/// The output header line: `id`, the kept columns, then the contract's.
#[must_use]
pub fn output_header(keep: &[String]) -> String {
    let mut h = Vec::new();
    write_field(&mut h, "id");
    for k in keep {
        h.push(b',');
        write_field(&mut h, k);
    }
    for c in OUTPUT_COLUMNS.iter().skip(1) {
        h.push(b',');
        h.extend_from_slice(c.as_bytes());
    }
    h.push(b'\n');
    String::from_utf8(h).unwrap_or_default()
}

/// A resolved header.
struct Header {
    roster: Roster,
    /// The header's length in the buffer.
    end: usize,
    /// The physical lines it spans (with blank lines before it).
    lines: u64,
    delimiter: u8,
}

/// Reads until the first record ends and resolves the header.
fn read_header<R: Read>(
    input: &mut R,
    buf: &mut Vec<u8>,
    config: &Config<'_>,
) -> Result<Header, BatchError> {
    // A UTF-8 byte-order mark before the header is ignored.
    while buf.len() < 3 && fill(input, buf)? > 0 {}
    if buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
        buf.drain(..3);
    }
    // The delimiter, unless given, is recognised from the first non-blank line.
    let delimiter = match config.delimiter {
        Some(d) => d,
        None => loop {
            let start = buf
                .iter()
                .position(|b| !matches!(b, b'\r' | b'\n'))
                .unwrap_or(buf.len());
            let rest = buf.get(start..).unwrap_or_default();
            if let Some(n) = rest.iter().position(|b| *b == b'\n') {
                break crate::columns::detect_delimiter(rest.get(..n).unwrap_or_default());
            }
            if fill(input, buf)? == 0 {
                let rest = buf.get(start..).unwrap_or_default();
                break crate::columns::detect_delimiter(rest);
            }
        },
    };
    let mut state = State::FieldStart;
    let mut scanned = 0;
    let end = loop {
        let (end, next) =
            csv::last_record_end(buf.get(scanned..).unwrap_or_default(), state, delimiter);
        if let Some(end) = first_record_end(buf, end.map(|e| e + scanned), delimiter) {
            break end;
        }
        state = next;
        scanned = buf.len();
        if fill(input, buf)? == 0 {
            break buf.len();
        }
    };
    if buf.iter().all(|b| matches!(b, b'\n' | b'\r')) {
        return Err(BatchError::Empty);
    }
    let mut header = buf.get(..end).unwrap_or_default().to_vec();
    let lines = 1 + header.iter().filter(|b| **b == b'\n').count() as u64
        - u64::from(header.ends_with(b"\n"));
    let (mut records, mut spans) = (Vec::new(), Vec::new());
    csv::split(&mut header, 1, delimiter, &mut records, &mut spans);
    let Some(record) = records.first().filter(|r| !r.malformed) else {
        return Err(BatchError::Header(HeaderError::MissingId));
    };
    let mut names = Vec::with_capacity(record.count);
    for (s, e) in spans.iter().skip(record.first).take(record.count) {
        let name = std::str::from_utf8(header.get(*s..*e).unwrap_or_default())
            .map_err(|_| BatchError::UnreadableHeader("it is not UTF-8".into()))?;
        names.push(name);
    }
    let roster = match Roster::new(&names, false) {
        Err(HeaderError::Unknown(unknown)) if config.allow_extra_columns => {
            if let Some(notice) = config.notice {
                for name in &unknown {
                    notice(&crate::columns::unknown_column_notice(name));
                }
            }
            Roster::new(&names, true)
        }
        other => other,
    }
    .map_err(BatchError::Header)?;
    Ok(Header {
        roster,
        end,
        lines,
        delimiter,
    })
}

/// The end of the first record, given the end of the last one found so far
/// (the header is the first non-blank record).
fn first_record_end(buf: &[u8], last: Option<usize>, delimiter: u8) -> Option<usize> {
    last?;
    let mut state = State::FieldStart;
    let mut seen_content = false;
    for (i, &b) in buf.iter().enumerate() {
        let (next, event) = csv::step(state, b, delimiter);
        if event == csv::Event::RecordEnd && seen_content {
            return Some(i + 1);
        }
        if b != b'\n' && b != b'\r' {
            seen_content = true;
        }
        state = next;
    }
    None
}

/// Appends up to [`READ_BYTES`] from `input`; 0 at the end of the input.
fn fill<R: Read>(input: &mut R, buf: &mut Vec<u8>) -> io::Result<usize> {
    // `read_to_end` reads into spare capacity without zeroing it first.
    buf.reserve(READ_BYTES);
    input.take(READ_BYTES as u64).read_to_end(buf)
}

/// The reader thread: cuts whole records into chunks of about
/// [`CHUNK_BYTES`], each waiting for a credit.
fn read_chunks<R: Read>(
    mut input: R,
    mut buf: Vec<u8>,
    mut line: u64,
    (format, delimiter): (Format, u8),
    work: &SyncSender<Chunk>,
    credits: &Receiver<()>,
    pool: &Pool,
) -> io::Result<()> {
    let mut state = State::FieldStart;
    let mut scanned = 0;
    let mut boundary: Option<usize> = None;
    let mut seq = 0;
    loop {
        // Read while the chunk is short, and past its size while no record
        // has ended yet (one field may be larger than a chunk).
        let eof =
            (buf.len() < CHUNK_BYTES || boundary.is_none()) && fill(&mut input, &mut buf)? == 0;
        let fresh = buf.get(scanned..).unwrap_or_default();
        let end = match format {
            Format::Csv => {
                let (end, next) = csv::last_record_end_fast(fresh, state, delimiter);
                state = next;
                end
            }
            Format::Ndjson => memchr::memrchr(b'\n', fresh).map(|i| i + 1),
        };
        if let Some(end) = end {
            boundary = Some(scanned + end);
        }
        scanned = buf.len();
        let cut = match (eof, boundary) {
            (true, _) => buf.len(),
            (false, Some(b)) if buf.len() >= CHUNK_BYTES => b,
            _ => continue,
        };
        if cut > 0 {
            // The partial record after the cut starts the next buffer.
            let mut next = pool.take(CHUNK_BYTES + READ_BYTES);
            next.extend_from_slice(buf.get(cut..).unwrap_or_default());
            buf.truncate(cut);
            let bytes = std::mem::replace(&mut buf, next);
            let lines = memchr::memchr_iter(b'\n', &bytes).count() as u64;
            if credits.recv().is_err() {
                return Ok(()); // the writer stopped
            }
            let chunk = Chunk {
                seq,
                first_line: line,
                bytes,
            };
            if work.send(chunk).is_err() {
                return Ok(());
            }
            seq += 1;
            line += lines;
            scanned -= cut;
            boundary = None;
        }
        if eof {
            return Ok(());
        }
    }
}

/// A worker thread.
fn work(
    chunks: &Mutex<Receiver<Chunk>>,
    done: &SyncSender<Done>,
    job: &Job<'_>,
    (inputs, outputs): (&Pool, &Pool),
) {
    let mut spans = Vec::new();
    let mut group: Vec<&'static str> = Vec::new();
    let mut cache = RulesCache::default();
    let mut outcome = Outcome::EMPTY;
    loop {
        let chunk = match chunks.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(mut chunk) = chunk else { return };
        let input_bytes = chunk.bytes.len() as u64;
        let mut output = outputs.take(chunk.bytes.len() * 2 + (64 << 10));
        let mut summary = Summary::new(job.summary);
        let rows = match (job.format, job.roster) {
            (Format::Csv, Some(roster)) => {
                // Each record is decoded, assessed and written as soon as it
                // is split, while its bytes and fields are in the nearest
                // cache.
                let mut cursor = csv::Cursor::new(chunk.first_line);
                let mut rows = 0u64;
                let mut buffers = (&mut group, &mut cache, &mut outcome);
                let mut out = (&mut output, &mut summary);
                // A chunk without a quote (almost every one) is never
                // rewritten by the split, so it is checked as UTF-8 once and
                // each cell is a slice of that text; otherwise each record's
                // text is checked as it is split.
                let unquoted = memchr::memchr(b'"', &chunk.bytes).is_none();
                let text = if unquoted {
                    simdutf8::basic::from_utf8(&chunk.bytes).ok()
                } else {
                    None
                };
                match text {
                    Some(text) => loop {
                        spans.clear();
                        let Some(record) =
                            cursor.next_unquoted(&chunk.bytes, job.delimiter, &mut spans)
                        else {
                            break;
                        };
                        rows += 1;
                        let ctx = Rows::in_text(&chunk.bytes, text, &spans, roster, job);
                        one_row(&ctx, &record, &mut buffers, &mut out);
                    },
                    None => loop {
                        spans.clear();
                        let Some(record) = cursor.next(&mut chunk.bytes, job.delimiter, &mut spans)
                        else {
                            break;
                        };
                        rows += 1;
                        let ctx = Rows::new(&chunk.bytes, &spans, roster, job);
                        one_row(&ctx, &record, &mut buffers, &mut out);
                    },
                }
                rows
            }
            _ => ndjson(
                &chunk.bytes,
                chunk.first_line,
                job,
                &mut output,
                &mut summary,
            ),
        };
        inputs.give(chunk.bytes);
        let result = Done {
            seq: chunk.seq,
            rows,
            input_bytes,
            output,
            summary,
        };
        if done.send(result).is_err() {
            return;
        }
    }
}

/// A worker's buffers reused from row to row: the list of group values,
/// the rules cache, and the outcome each row's assessment
/// fills (every field of it: starting each row from an empty one was a
/// call to `memcpy`).
type RowBuffers<'w> = (
    &'w mut Vec<&'static str>,
    &'w mut RulesCache,
    &'w mut Outcome,
);

/// Decodes, assesses and writes one record. The list of group values is
/// reused: a list borrowing this row's text is made from the last row's
/// emptied list, which keeps its allocation.
fn one_row(
    ctx: &Rows<'_>,
    record: &Record,
    (group, cache, outcome): &mut RowBuffers<'_>,
    (output, summary): &mut (&mut Vec<u8>, &mut Summary),
) {
    let mut row_group = recycle(std::mem::take(*group));
    ctx.row(record, &mut row_group, (cache, outcome), output, summary);
    **group = recycle(row_group);
}

/// Writes results in input order; merges the summaries.
fn write_in_order<W: Write>(
    done: &Receiver<Done>,
    output: &mut W,
    credits: &SyncSender<()>,
    config: &Config<'_>,
    pool: &Pool,
) -> Result<Summary, BatchError> {
    let mut summary = Summary::default();
    let mut waiting: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    let (mut rows, mut bytes) = (0u64, 0u64);
    for d in done {
        waiting.insert(d.seq, d);
        while let Some(d) = waiting.remove(&next) {
            output.write_all(&d.output)?;
            pool.give(d.output);
            summary.merge(&d.summary);
            rows += d.rows;
            bytes += d.input_bytes;
            next += 1;
            let _ = credits.send(());
            if let Some(progress) = config.progress {
                progress(rows, bytes);
            }
        }
    }
    Ok(summary)
}

/// Empties a list of borrowed text and gives its allocation back with any
/// lifetime (an emptied list borrows nothing; collecting in place keeps the
/// allocation).
fn recycle<'b>(mut list: Vec<&str>) -> Vec<&'b str> {
    list.clear();
    list.into_iter().map(|_| "").collect()
}

/// One CSV record's view of its chunk.
struct Rows<'a> {
    /// The record's text, if it is UTF-8 (almost always), and where it starts.
    text: Option<(&'a str, usize)>,
    bytes: &'a [u8],
    spans: &'a [(usize, usize)],
    roster: &'a Roster,
    job: &'a Job<'a>,
}

impl<'a> Rows<'a> {
    /// A record of a chunk already checked as UTF-8 (`text` is the chunk).
    fn in_text(
        bytes: &'a [u8],
        text: &'a str,
        spans: &'a [(usize, usize)],
        roster: &'a Roster,
        job: &'a Job<'a>,
    ) -> Rows<'a> {
        Rows {
            text: Some((text, 0)),
            bytes,
            spans,
            roster,
            job,
        }
    }

    fn new(
        bytes: &'a [u8],
        spans: &'a [(usize, usize)],
        roster: &'a Roster,
        job: &'a Job<'a>,
    ) -> Rows<'a> {
        // Validated once per record: each cell is then a cheap slice of it.
        let (lo, hi) = (
            spans.first().map_or(0, |s| s.0),
            spans.last().map_or(0, |s| s.1),
        );
        let text = bytes
            .get(lo..hi)
            .and_then(|b| std::str::from_utf8(b).ok())
            .map(|t| (t, lo));
        Rows {
            text,
            bytes,
            spans,
            roster,
            job,
        }
    }

    fn cell(&self, record: &Record, column: usize) -> Option<&'a [u8]> {
        if column >= record.count {
            return None;
        }
        let (s, e) = *self.spans.get(record.first + column)?;
        self.bytes.get(s..e)
    }

    /// The text of the cell at `column`; `None` when the record has no such
    /// column or the cell is not UTF-8.
    fn cell_text(&self, record: &Record, column: usize) -> Option<&'a str> {
        if column >= record.count {
            return None;
        }
        let (s, e) = *self.spans.get(record.first + column)?;
        self.span_text(s, e)
    }

    /// The text of the bytes `s..e`: a slice of the record's text when that
    /// was checked as UTF-8 (almost always: no second check), otherwise the
    /// bytes checked on their own.
    fn span_text(&self, s: usize, e: usize) -> Option<&'a str> {
        match self
            .text
            .and_then(|(t, lo)| t.get(s.checked_sub(lo)?..e.checked_sub(lo)?))
        {
            Some(text) => Some(text),
            None => std::str::from_utf8(self.bytes.get(s..e)?).ok(),
        }
    }

    fn row(
        &self,
        record: &Record,
        group_key: &mut Vec<&'a str>,
        (cache, outcome): (&mut RulesCache, &mut Outcome),
        out: &mut Vec<u8>,
        summary: &mut Summary,
    ) {
        let id = self
            .cell_text(record, self.roster.id_column())
            .filter(|c| !c.is_empty());
        group_key.clear();
        for c in &self.job.group_columns {
            group_key.push(self.cell_text(record, *c).unwrap_or_default());
        }
        let group = (!group_key.is_empty()).then_some(group_key.as_slice());
        // The case and the outcome are read where they were built, never
        // moved through a `Result` (each move was a call to `memcpy`).
        let decoded = self.decode(record);
        let result = match decoded {
            Ok(ref case) => outcome::assess_into(case, &self.job.settings, cache, outcome),
            Err(e) => Err(e),
        };
        write_id(out, id, record.line);
        for c in &self.job.keep_columns {
            out.push(b',');
            let cell = self.cell(record, *c).unwrap_or_default();
            write_field(out, &String::from_utf8_lossy(cell));
        }
        match result {
            Ok(()) => {
                write_ok(out, outcome);
                summary.add_ok(outcome, group);
            }
            Err(e) => {
                write_error(out, &e);
                let category = self
                    .roster
                    .column("category")
                    .and_then(|c| self.cell_text(record, c))
                    .and_then(Category::from_code);
                summary.add_error(e.code.code(), category, group);
            }
        }
    }

    fn decode(&self, record: &Record) -> Result<jamsos_contract::Case, ContractError> {
        if record.malformed {
            return Err(malformed("a quote is misplaced or never closed"));
        }
        if record.count != self.roster.width() {
            return Err(malformed(&format!(
                "the record has {} fields, the header {}",
                record.count,
                self.roster.width()
            )));
        }
        let fields = self
            .spans
            .get(record.first..record.first + record.count)
            .unwrap_or_default();
        let cells = fields.iter().enumerate().map(|(column, &(s, e))| {
            if s >= e {
                // Most cells of a roster are empty (fields of other categories).
                return Ok("");
            }
            self.span_text(s, e)
                .ok_or_else(|| malformed(&format!("field {} is not UTF-8", column + 1)))
        });
        self.roster.decode_with(cells, self.job.period)
    }
}

fn malformed(message: &str) -> ContractError {
    ContractError {
        code: ErrorCode::MalformedRow,
        message: message.to_owned(),
        field: None,
    }
}

/// Appends a CSV field, quoted when it has to be.
pub fn write_field(out: &mut Vec<u8>, text: &str) {
    if text
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    {
        out.push(b'"');
        for b in text.bytes() {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

/// Writes the cells of a row's result after its id and kept cells, with
/// the line end: `ok`, the amounts and statuses, or `error` with its code
/// and message (CONTRACT.md §2). What `jamsos batch` writes for every CSV
/// row, for other front ends too (a columnar roster's CSV result).
pub fn write_result(out: &mut Vec<u8>, result: &Result<Outcome, ContractError>) {
    match result {
        Ok(outcome) => write_ok(out, outcome),
        Err(e) => write_error(out, e),
    }
}

/// The most bytes of an `ok` row's tail: `,ok,,`, 18 amounts of at most 20
/// digits after their commas, 5 status cells ([`STATUS_CELL`]), the line
/// end, and the slack of the widest fixed-size store (a status cell).
const ROW: usize = 5 + 18 * 21 + 5 * STATUS_CELL + 1 + STATUS_CELL;

/// The rest of an `ok` row, after its id and kept cells, laid out in place:
/// `out` grows once by the most bytes the tail can take, each cell is one
/// fixed-size store at a cursor ([`Tail`]), and `out` is then cut back to
/// the bytes written (`ROW` bounds every tail, so a store never lacks room).
/// Appended cell by cell, every store also checked the vector's room and
/// moved its length (writing rows was 13-14% of a batch's `perf` samples);
/// and laid out in a buffer of its own and copied over
/// whole, the row stalled the copy: its wide loads of bytes just stored
/// narrow cannot be forwarded from the store buffer.
fn write_ok(out: &mut Vec<u8>, o: &Outcome) {
    Tail::write(out, ROW, |tail| {
        tail.put(b",ok,,", 5);
        for &a in &o.amounts {
            if a == 0 {
                // Most amount cells: a program nobody in the row pays.
                tail.put(b",0", 2);
            } else {
                tail.put(b",", 1);
                tail.u64(a);
            }
        }
        for s in &o.statuses {
            let (cell, len) = STATUS_CELLS
                .get(s.index())
                .copied()
                .unwrap_or(([0; STATUS_CELL], 0));
            tail.put(&cell, len);
        }
        tail.put(b"\n", 1);
    });
}

/// Bytes laid out at a cursor in a slice that has room for them all (see
/// [`write_ok`]).
struct Tail<'o> {
    bytes: &'o mut [u8],
    at: usize,
}

impl Tail<'_> {
    /// Grows `out` by `most` bytes, lets `fill` write at most that many,
    /// and cuts `out` back to what it wrote.
    #[inline]
    fn write(out: &mut Vec<u8>, most: usize, fill: impl FnOnce(&mut Tail<'_>)) {
        let start = out.len();
        out.resize(start + most, 0);
        let mut tail = Tail {
            bytes: out.get_mut(start..).unwrap_or_default(),
            at: 0,
        };
        fill(&mut tail);
        let written = tail.at;
        out.truncate(start + written);
    }

    /// Stores the whole of `bytes` and moves the cursor by `len` of them:
    /// one store of a constant size (a plain move, not a call to
    /// `memcpy`), the rest overwritten by what comes next or cut off.
    #[inline(always)]
    fn put<const N: usize>(&mut self, bytes: &[u8; N], len: usize) {
        if let Some(to) = self.bytes.get_mut(self.at..self.at + N) {
            to.copy_from_slice(bytes);
            self.at += len.min(N);
        }
    }

    /// `n` in decimal. The digits are made in a register, eight at a time
    /// (`eight_digits`), and stored whole: digits made one pair at a time
    /// in memory and copied from there stalled every copy (wide loads of
    /// bytes just stored narrow), half of writing a row in `perf`.
    #[inline(always)]
    fn u64(&mut self, n: u64) {
        const E8: u64 = 100_000_000;
        // Each part is below 10^8, so fits eight digits (and a `u32`).
        let part = |n: u64| eight_digits((n % E8) as u32);
        if n < E8 {
            self.leading(part(n));
        } else if n < E8 * E8 {
            self.leading(part(n / E8));
            self.put(&part(n).to_le_bytes(), 8);
        } else {
            self.leading(part(n / (E8 * E8)));
            self.put(&part(n / E8).to_le_bytes(), 8);
            self.put(&part(n).to_le_bytes(), 8);
        }
    }

    /// Eight ASCII digits ([`eight_digits`]) without their leading zeros (a
    /// lone `0` stays).
    #[inline(always)]
    fn leading(&mut self, ascii: u64) {
        // The first digit is the lowest byte; a zero digit is 0 less `'0'`.
        let zeros = ((ascii ^ ZEROS).trailing_zeros() / 8).min(7);
        self.put(&(ascii >> (8 * zeros)).to_le_bytes(), 8 - zeros as usize);
    }
}

/// The id, or the record's first line when it has none (CONTRACT.md §2).
fn write_id(out: &mut Vec<u8>, id: Option<&str>, line: u64) {
    match id {
        Some(id) => write_field(out, id),
        None => write_u64(out, line),
    }
}

/// A program status cell with its comma: the widest code (`not_eligible`)
/// and a comma, rounded up to one 16-byte store.
const STATUS_CELL: usize = 16;

/// Each status code after its comma, padded to [`STATUS_CELL`], with its
/// length: a cell is then one fixed-size store.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of bounds fails the build"
)]
const STATUS_CELLS: [([u8; STATUS_CELL], usize); Status::CODES.len()] = {
    let mut cells = [([0; STATUS_CELL], 0); Status::CODES.len()];
    let mut i = 0;
    while i < cells.len() {
        let code = Status::CODES[i].as_bytes();
        assert!(
            code.len() < STATUS_CELL,
            "a status code wider than STATUS_CELL"
        );
        cells[i].0[0] = b',';
        let mut j = 0;
        while j < code.len() {
            cells[i].0[1 + j] = code[j];
            j += 1;
        }
        cells[i].1 = 1 + code.len();
        i += 1;
    }
    cells
};

/// Appends `n` in decimal, as `Display` does, without the formatter.
#[inline]
pub fn write_u64(out: &mut Vec<u8>, n: u64) {
    // 20 digits at most, and the slack of an eight-byte store.
    Tail::write(out, 28, |tail| tail.u64(n));
}

/// Eight ASCII `'0'` bytes.
const ZEROS: u64 = u64::from_le_bytes([b'0'; 8]);

/// `n` (below 10^8) as eight ASCII digits, most significant first in
/// little-endian byte order (`to_le_bytes` gives the text), made with a few
/// multiplications on lanes of one `u64` (the SWAR method Daniel Lemire
/// describes in "Converting integers to fixed-digit representations
/// quickly", 2021). Each step's multiplier and shift divide exactly over the
/// lane's whole range: `x * 10486 >> 20` is `x / 100` for `x < 10^4`, and
/// `x * 103 >> 10` is `x / 10` for `x < 100`; the test checks every width.
#[inline]
const fn eight_digits(n: u32) -> u64 {
    // Two 32-bit lanes: the first four digits, then the last four.
    let fours = (n / 10_000) as u64 | (((n % 10_000) as u64) << 32);
    let hundreds = ((fours * 10_486) >> 20) & 0x0000_007F_0000_007F;
    // Four 16-bit lanes of two digits each.
    let twos = ((fours - 100 * hundreds) << 16) | hundreds;
    let tens = ((twos * 103) >> 10) & 0x000F_000F_000F_000F;
    // Eight byte lanes of one digit each.
    let ones = tens | ((twos - 10 * tens) << 8);
    ones | ZEROS
}

/// The rest of an error row, after its id and kept cells.
fn write_error(out: &mut Vec<u8>, e: &ContractError) {
    out.extend_from_slice(b",error,");
    out.extend_from_slice(e.code.code().as_bytes());
    out.push(b',');
    write_field(out, &error_message(e));
    for _ in 0..AMOUNT_COLUMNS.len() + 5 {
        out.push(b',');
    }
    out.push(b'\n');
}

/// An error row's `error_message`: the message, prefixed with the field when
/// it does not name it already (the CSV has no field column).
#[must_use]
pub fn error_message(e: &ContractError) -> String {
    match &e.field {
        Some(field) if !e.message.contains(field.as_str()) => format!("{field}: {}", e.message),
        _ => e.message.clone(),
    }
}

/// One NDJSON chunk (starting on physical line `first_line`): each
/// non-blank line is a contract case, with an optional `id` member that is
/// the row's identifier rather than part of the case; each gets one line, the
/// result (with the `id` first when the case had one) or the error object
/// with the line number and the `id`.
fn ndjson(
    bytes: &[u8],
    first_line: u64,
    job: &Job<'_>,
    out: &mut Vec<u8>,
    summary: &mut Summary,
) -> u64 {
    let mut rows = 0;
    for (n, line) in (first_line..).zip(bytes.split(|b| *b == b'\n')) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        rows += 1;
        let mut id = None;
        let result = std::str::from_utf8(line)
            .map_err(|_| ContractError {
                code: ErrorCode::InvalidJson,
                message: "the line is not UTF-8".into(),
                field: None,
            })
            .and_then(|text| {
                let case = match crate::ndjson::split_id(text) {
                    Some((raw_id, rest)) => {
                        id = Some(raw_id);
                        std::borrow::Cow::Owned(rest)
                    }
                    None => std::borrow::Cow::Borrowed(text),
                };
                jamsos_contract::contribution_with(&case, &job.settings)
            });
        match result {
            Ok(r) => {
                let mut json = Vec::new();
                let _ = serde_json::to_writer(&mut json, &r);
                match (&id, json.strip_prefix(b"{")) {
                    (Some(id), Some(rest)) => {
                        out.extend_from_slice(b"{\"id\":");
                        out.extend_from_slice(id.as_bytes());
                        out.push(b',');
                        out.extend_from_slice(rest);
                    }
                    _ => out.extend_from_slice(&json),
                }
                summary.add_ok(&outcome_of(&r), None);
            }
            Err(e) => {
                out.extend_from_slice(b"{\"line\":");
                write_u64(out, n);
                if let Some(id) = &id {
                    out.extend_from_slice(b",\"id\":");
                    out.extend_from_slice(id.as_bytes());
                }
                let json = e.to_json();
                out.push(b',');
                out.extend_from_slice(json.strip_prefix('{').unwrap_or(&json).as_bytes());
                summary.add_error(e.code.code(), None, None);
            }
        }
        out.push(b'\n');
    }
    rows
}

/// The summary's view of a contract result.
fn outcome_of(r: &ContributionResult) -> Outcome {
    let mut amounts = [0u64; 18];
    for l in &r.lines {
        if let Some(slot) = outcome::column(l.program, l.payer).and_then(|i| amounts.get_mut(i)) {
            *slot += l.amount;
        }
    }
    let deferred: u64 = r.deferred.iter().map(|l| l.amount).sum();
    let [.., jp_deferred, _, _, e, w, p, g] = &mut amounts;
    *jp_deferred = deferred;
    (*e, *w, *p, *g) = (
        r.totals.employer,
        r.totals.worker,
        r.totals.participant,
        r.totals.government,
    );
    // The result lists the five programs in `Program::ALL` order.
    let mut statuses = [Status::NotEligible; 5];
    for (slot, p) in statuses.iter_mut().zip(&r.programs) {
        *slot = p.status;
    }
    Outcome {
        category: r.category,
        amounts,
        statuses,
    }
}

#[cfg(test)]
mod tests {
    use super::write_u64;

    #[test]
    fn write_u64_writes_every_width_as_to_string_does() {
        let mut values = vec![0, 1, 9, u64::MAX, u64::MAX - 1];
        // The last four digits at every value (3 is prime to 10^4), and
        // values spread over the whole range.
        values.extend((0..100_000).map(|i| i * 1_000_003 % 100_000_000));
        values.extend((0..100_000u64).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15)));
        let mut power = 1u64;
        while let Some(next) = power.checked_mul(10) {
            values.extend([power - 1, power, power + 1, next / 2 + 7]);
            power = next;
        }
        for n in values {
            let mut out = b"#".to_vec();
            write_u64(&mut out, n);
            assert_eq!(out, format!("#{n}").as_bytes(), "{n}");
        }
    }
}
