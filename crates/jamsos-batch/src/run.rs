//! The pipeline: one thread cuts the input into chunks of whole records,
//! worker threads decode, assess and format them, and the calling thread
//! writes the results in input order. A fixed number of chunks is in flight
//! at any time, so memory stays bounded whatever the roster's size.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use jamsos::contract::{
    ContractError, ContributionResult, ErrorCode, HeaderError, Roster, Settings,
};
use jamsos_core::Period;
use jamsos_eligibility::Status;
use jamsos_worker::Category;

use crate::csv::{self, Record, State};
use crate::outcome::{self, AMOUNT_COLUMNS, Outcome, RulesCache};
use crate::summary::Summary;

/// The size a chunk grows to before it is handed to a worker.
const CHUNK_BYTES: usize = 1 << 20;
/// How many bytes are read at a time.
const READ_BYTES: usize = 256 << 10;

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
    /// Ignore columns that are not in the contract instead of stopping.
    pub allow_extra_columns: bool,
    /// A column whose values group the summary (`--group-by`), CSV only.
    pub group_by: Option<&'a str>,
    /// Worker threads; 0 means one per available core.
    pub threads: usize,
    /// The caller's settings (the official BPU income grid).
    pub settings: Settings<'a>,
    /// Called after each chunk is written with the rows and input bytes done.
    pub progress: Option<&'a (dyn Fn(u64, u64) + Sync)>,
}

impl<'a> Config<'a> {
    /// CSV, all cores, no grouping, the built-in income grid.
    #[must_use]
    pub fn new(period: Period) -> Config<'a> {
        Config {
            period,
            format: Format::Csv,
            allow_extra_columns: false,
            group_by: None,
            threads: 0,
            settings: Settings::default(),
            progress: None,
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
}

impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BatchError::Io(e) => write!(f, "{e}"),
            BatchError::Header(e) => write!(f, "{e}"),
            BatchError::UnreadableHeader(m) => write!(f, "the header line cannot be read: {m}"),
            BatchError::Empty => f.write_str(
                "the input is empty: a roster starts with a header line naming its columns, id among them",
            ),
            BatchError::NoGroupColumn(c) => {
                write!(f, "--group-by {c}: the roster has no column named {c}")
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
    period: Period,
    roster: Option<&'a Roster>,
    group_column: Option<usize>,
    settings: Settings<'a>,
}

/// Runs a batch: reads `input`, writes one result per input row to `output`
/// in input order, and returns the summary.
pub fn run<R: Read + Send, W: Write>(
    mut input: R,
    mut output: W,
    config: &Config<'_>,
) -> Result<Summary, BatchError> {
    let mut buf = Vec::with_capacity(CHUNK_BYTES + READ_BYTES);
    let mut lines_before = 0u64;
    let roster = match config.format {
        Format::Csv => {
            let (roster, header_end, header_lines) =
                read_header(&mut input, &mut buf, config.allow_extra_columns)?;
            buf.drain(..header_end);
            lines_before = header_lines;
            output.write_all(output_header().as_bytes())?;
            Some(roster)
        }
        Format::Ndjson => None,
    };
    let group_column = match (config.group_by, &roster) {
        (Some(name), Some(r)) => Some(
            r.column(name)
                .ok_or_else(|| BatchError::NoGroupColumn(name.to_owned()))?,
        ),
        (Some(name), None) => return Err(BatchError::NoGroupColumn(name.to_owned())),
        _ => None,
    };
    let threads = match config.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let in_flight = threads * 3;
    let job = Job {
        format: config.format,
        period: config.period,
        roster: roster.as_ref(),
        group_column,
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

    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            read_chunks(
                input,
                buf,
                lines_before + 1,
                config.format,
                &work_tx,
                &credit_rx,
            )
        });
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let (work_rx, job) = (&work_rx, &job);
            scope.spawn(move || work(work_rx, &done_tx, job));
        }
        drop(done_tx);
        let written = write_in_order(&done_rx, &mut output, &credit_tx, config);
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

/// The output header line.
fn output_header() -> String {
    let mut h = String::from("id,status,error_code,error_message");
    for c in AMOUNT_COLUMNS {
        h.push(',');
        h.push_str(c);
    }
    for p in ["jkk", "jkm", "jht", "jp", "jkp"] {
        h.push(',');
        h.push_str(p);
    }
    h.push('\n');
    h
}

/// Reads until the first record ends and resolves the header. Returns the
/// roster, the header's length in `buf` and the lines it spans.
fn read_header<R: Read>(
    input: &mut R,
    buf: &mut Vec<u8>,
    allow_extra: bool,
) -> Result<(Roster, usize, u64), BatchError> {
    // A UTF-8 byte-order mark before the header is ignored.
    while buf.len() < 3 && fill(input, buf)? > 0 {}
    if buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
        buf.drain(..3);
    }
    let mut state = State::FieldStart;
    let mut scanned = 0;
    let end = loop {
        let (end, next) = csv::last_record_end(buf.get(scanned..).unwrap_or_default(), state);
        if let Some(end) = first_record_end(buf, end.map(|e| e + scanned)) {
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
    csv::split(&mut header, 1, &mut records, &mut spans);
    let Some(record) = records.first().filter(|r| !r.malformed) else {
        return Err(BatchError::Header(HeaderError::MissingId));
    };
    let mut names = Vec::with_capacity(record.count);
    for (s, e) in spans.iter().skip(record.first).take(record.count) {
        let name = std::str::from_utf8(header.get(*s..*e).unwrap_or_default())
            .map_err(|_| BatchError::UnreadableHeader("it is not UTF-8".into()))?;
        names.push(name);
    }
    let roster = Roster::new(&names, allow_extra).map_err(BatchError::Header)?;
    Ok((roster, end, lines))
}

/// The end of the first record, given the end of the last one found so far
/// (the header is the first non-blank record).
fn first_record_end(buf: &[u8], last: Option<usize>) -> Option<usize> {
    last?;
    let mut state = State::FieldStart;
    let mut seen_content = false;
    for (i, &b) in buf.iter().enumerate() {
        let (next, event) = csv::step(state, b);
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
    format: Format,
    work: &SyncSender<Chunk>,
    credits: &Receiver<()>,
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
                let (end, next) = csv::last_record_end_fast(fresh, state);
                state = next;
                end
            }
            Format::Ndjson => fresh.iter().rposition(|b| *b == b'\n').map(|i| i + 1),
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
            let rest = buf.split_off(cut);
            let bytes = std::mem::replace(&mut buf, rest);
            let lines = bytes.iter().filter(|b| **b == b'\n').count() as u64;
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
fn work(chunks: &Mutex<Receiver<Chunk>>, done: &SyncSender<Done>, job: &Job<'_>) {
    let mut records = Vec::new();
    let mut spans = Vec::new();
    let mut cache = RulesCache::default();
    loop {
        let chunk = match chunks.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(mut chunk) = chunk else { return };
        let input_bytes = chunk.bytes.len() as u64;
        let mut output = Vec::with_capacity(chunk.bytes.len() * 2);
        let mut summary = Summary::default();
        let rows = match (job.format, job.roster) {
            (Format::Csv, Some(roster)) => {
                csv::split(&mut chunk.bytes, chunk.first_line, &mut records, &mut spans);
                let ctx = Rows {
                    // Validated once: each cell is then a cheap slice of it.
                    text: std::str::from_utf8(&chunk.bytes).ok(),
                    bytes: &chunk.bytes,
                    spans: &spans,
                    roster,
                    job,
                };
                // One list of cells for the whole chunk: no allocation per row.
                let mut cells = Vec::with_capacity(roster.width());
                for record in &records {
                    ctx.row(record, &mut cells, &mut cache, &mut output, &mut summary);
                }
                records.len() as u64
            }
            _ => ndjson(&chunk.bytes, job, &mut output, &mut summary),
        };
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

/// Writes results in input order; merges the summaries.
fn write_in_order<W: Write>(
    done: &Receiver<Done>,
    output: &mut W,
    credits: &SyncSender<()>,
    config: &Config<'_>,
) -> Result<Summary, BatchError> {
    let mut summary = Summary::default();
    let mut waiting: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    let (mut rows, mut bytes) = (0u64, 0u64);
    for d in done {
        waiting.insert(d.seq, d);
        while let Some(d) = waiting.remove(&next) {
            output.write_all(&d.output)?;
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

/// The rows of one CSV chunk.
struct Rows<'a> {
    /// The chunk, if it is all UTF-8 (almost always).
    text: Option<&'a str>,
    bytes: &'a [u8],
    spans: &'a [(usize, usize)],
    roster: &'a Roster,
    job: &'a Job<'a>,
}

impl<'a> Rows<'a> {
    fn cell(&self, record: &Record, column: usize) -> Option<&'a [u8]> {
        if column >= record.count {
            return None;
        }
        let (s, e) = *self.spans.get(record.first + column)?;
        self.bytes.get(s..e)
    }

    fn row(
        &self,
        record: &Record,
        cells: &mut Vec<&'a str>,
        cache: &mut RulesCache,
        out: &mut Vec<u8>,
        summary: &mut Summary,
    ) {
        let id = self
            .cell(record, self.roster.id_column())
            .and_then(|c| std::str::from_utf8(c).ok())
            .filter(|c| !c.is_empty());
        let group = self
            .job
            .group_column
            .and_then(|c| self.cell(record, c))
            .map(|c| std::str::from_utf8(c).unwrap_or_default());
        let result = self
            .decode(record, cells)
            .and_then(|case| outcome::assess(&case, &self.job.settings, cache));
        match result {
            Ok(outcome) => {
                write_ok(out, id, record.line, &outcome);
                summary.add_ok(&outcome, group);
            }
            Err(e) => {
                write_error(out, id, record.line, &e);
                let category = self
                    .roster
                    .column("category")
                    .and_then(|c| self.cell(record, c))
                    .and_then(|c| std::str::from_utf8(c).ok())
                    .and_then(Category::from_code);
                summary.add_error(e.code.code(), category, group);
            }
        }
    }

    fn decode(
        &self,
        record: &Record,
        cells: &mut Vec<&'a str>,
    ) -> Result<jamsos::contract::Case, ContractError> {
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
        cells.clear();
        for column in 0..record.count {
            let (s, e) = self
                .spans
                .get(record.first + column)
                .copied()
                .unwrap_or_default();
            let text = match self.text.and_then(|t| t.get(s..e)) {
                Some(text) => text,
                None => std::str::from_utf8(self.bytes.get(s..e).unwrap_or_default())
                    .map_err(|_| malformed(&format!("field {} is not UTF-8", column + 1)))?,
            };
            cells.push(text);
        }
        self.roster.decode(cells, self.job.period)
    }
}

fn malformed(message: &str) -> ContractError {
    ContractError {
        code: ErrorCode::MalformedRow,
        message: message.to_owned(),
        field: None,
    }
}

/// Appends `n` in decimal.
fn write_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(i..).unwrap_or_default());
}

/// Appends a CSV field, quoted when it has to be.
fn write_field(out: &mut Vec<u8>, text: &str) {
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

/// The id, or the record's first line when it has none (CONTRACT.md §2).
fn write_id(out: &mut Vec<u8>, id: Option<&str>, line: u64) {
    match id {
        Some(id) => write_field(out, id),
        None => write_u64(out, line),
    }
}

fn write_ok(out: &mut Vec<u8>, id: Option<&str>, line: u64, o: &Outcome) {
    write_id(out, id, line);
    out.extend_from_slice(b",ok,,");
    for a in o.amounts {
        out.push(b',');
        write_u64(out, a);
    }
    for s in o.statuses {
        out.push(b',');
        out.extend_from_slice(s.code().as_bytes());
    }
    out.push(b'\n');
}

fn write_error(out: &mut Vec<u8>, id: Option<&str>, line: u64, e: &ContractError) {
    write_id(out, id, line);
    out.extend_from_slice(b",error,");
    out.extend_from_slice(e.code.code().as_bytes());
    out.push(b',');
    let message = match &e.field {
        Some(field) if !e.message.contains(field.as_str()) => format!("{field}: {}", e.message),
        _ => e.message.clone(),
    };
    write_field(out, &message);
    for _ in 0..AMOUNT_COLUMNS.len() + 5 {
        out.push(b',');
    }
    out.push(b'\n');
}

/// One NDJSON chunk: each non-blank line is a contract case; each gets one
/// line, the result or the error object.
fn ndjson(bytes: &[u8], job: &Job<'_>, out: &mut Vec<u8>, summary: &mut Summary) -> u64 {
    let mut rows = 0;
    for line in bytes.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        rows += 1;
        let result = std::str::from_utf8(line)
            .map_err(|_| ContractError {
                code: ErrorCode::InvalidJson,
                message: "the line is not UTF-8".into(),
                field: None,
            })
            .and_then(|text| jamsos::contract::contribution_with(text, &job.settings));
        match result {
            Ok(r) => {
                let _ = serde_json::to_writer(&mut *out, &r);
                summary.add_ok(&outcome_of(&r), None);
            }
            Err(e) => {
                out.extend_from_slice(e.to_json().as_bytes());
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
        let name = format!("{}_{}", l.program, l.payer);
        if let Some(i) = AMOUNT_COLUMNS.iter().position(|c| *c == name) {
            if let Some(slot) = amounts.get_mut(i) {
                *slot += l.amount;
            }
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
    let status = |code: &str| match code {
        "mandatory" => Status::Mandatory,
        "optional" => Status::Optional,
        _ => Status::NotEligible,
    };
    let mut statuses = [Status::NotEligible; 5];
    for (slot, p) in statuses.iter_mut().zip(&r.programs) {
        *slot = status(&p.status);
    }
    Outcome {
        category: Category::from_code(&r.category).unwrap_or(Category::Pu),
        amounts,
        statuses,
    }
}
