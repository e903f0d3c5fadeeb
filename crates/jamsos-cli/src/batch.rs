//! `jamsos batch` and `jamsos sample-roster`: files and terminals only; the
//! work is `jamsos_batch`.

use std::fs::File;
use std::io::{self, BufWriter, ErrorKind, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use jamsos_arrow::{InputFormat, KernelError, KernelOptions, OutputFormat};
use jamsos_batch::{BatchError, Config, Format, Summary};
use jamsos_contract::pretty::rupiah;

use crate::staged::{self, Staged};
use crate::{BatchArgs, FormatArg, SampleArgs, SummaryFormatArg, read_income_grid, stop};

/// The result's write buffer (see where it is made).
const OUTPUT_BUFFER: usize = 64 << 10;

/// Draws `rows … rows/s … ETA` on the terminal, at most every 200 ms.
struct Progress {
    started: Instant,
    last: std::sync::Mutex<Instant>,
    total_bytes: Option<u64>,
}

impl Progress {
    fn show(&self, rows: u64, bytes: u64) {
        let now = Instant::now();
        let Ok(mut last) = self.last.lock() else {
            return;
        };
        if now.duration_since(*last).as_millis() < 200 {
            return;
        }
        *last = now;
        let ms = now.duration_since(self.started).as_millis().max(1);
        let rate = u128::from(rows) * 1000 / ms;
        let eta = match self.total_bytes {
            Some(total) if bytes > 0 && total > bytes => {
                let left_ms = u128::from(total - bytes) * ms / u128::from(bytes);
                format!(", about {}s left", left_ms / 1000 + 1)
            }
            _ => String::new(),
        };
        let bar = match self.total_bytes {
            Some(total) if total > 0 => {
                let filled = usize::try_from(u128::from(bytes.min(total)) * 30 / u128::from(total))
                    .unwrap_or(30);
                format!("[{}{}] ", "#".repeat(filled), "-".repeat(30 - filled))
            }
            _ => String::new(),
        };
        let _ = write!(
            std::io::stderr().lock(),
            "\r{bar}{rows} rows, {rate} rows/s{eta}   "
        );
    }
}

/// `jamsos batch`.
pub(crate) fn run(args: &BatchArgs) -> ExitCode {
    let input_format = args
        .input_format
        .map(|f| match f {
            FormatArg::Csv => InputFormat::Csv,
            FormatArg::Ndjson => InputFormat::Ndjson,
            FormatArg::Parquet => InputFormat::Parquet,
            FormatArg::Arrow => InputFormat::Arrow,
        })
        .or_else(|| args.input.as_deref().and_then(InputFormat::from_path))
        .unwrap_or(match args.format {
            // Before Parquet and Arrow, --format named both sides.
            Some(FormatArg::Ndjson) => InputFormat::Ndjson,
            _ => InputFormat::Csv,
        });
    let output_format = match (args.format, input_format) {
        (Some(FormatArg::Csv), _) => OutputFormat::Csv,
        (Some(FormatArg::Ndjson), _) | (None, InputFormat::Ndjson) => OutputFormat::Ndjson,
        (Some(FormatArg::Parquet), _) => OutputFormat::Parquet,
        (Some(FormatArg::Arrow), _) => OutputFormat::Arrow,
        (None, _) => OutputFormat::Csv,
    };
    let format = match input_format {
        InputFormat::Ndjson if output_format != OutputFormat::Ndjson => {
            return stop("an NDJSON roster of JSON cases gives NDJSON results (--format ndjson)");
        }
        InputFormat::Ndjson => Format::Ndjson,
        _ => Format::Csv,
    };
    let period = match (&args.period, format) {
        (Some(p), _) => match p.parse() {
            Ok(p) => p,
            Err(_) => {
                return stop(format!(
                    "--period \"{p}\" is not YYYY-MM with a month 01 to 12"
                ));
            }
        },
        // NDJSON cases carry their own period; this one is never used.
        (None, Format::Ndjson) => jamsos_rules::PROGRAMS_START,
        (None, _) => return stop("--period YYYY-MM is required for a CSV roster"),
    };
    if !args.group_by.is_empty() && args.summary.is_none() {
        return stop("--group-by needs --summary FILE, where the groups are written");
    }
    let delimiter = match args.delimiter.as_deref() {
        None => None,
        Some("\\t" | "tab") => Some(b'\t'),
        Some(d) => match d.as_bytes() {
            [b] if !matches!(b, b'"' | b'\n' | b'\r') && b.is_ascii() => Some(*b),
            _ => {
                return stop(format!(
                    "--delimiter \"{d}\": one ASCII character other than a quote or a line end (e.g. ';', or tab)"
                ));
            }
        },
    };
    let grid = match read_income_grid(args.income_grid.as_deref()) {
        Ok(grid) => grid,
        Err(code) => return code,
    };
    let columnar = match (input_format, &args.input) {
        (InputFormat::Parquet | InputFormat::Arrow, Some(path)) => {
            match jamsos_arrow::open_columnar(path, input_format, &args.keep) {
                Ok(batches) => Some(batches),
                Err(e) => return stop(format!("cannot read {}: {e}", path.display())),
            }
        }
        (InputFormat::Parquet | InputFormat::Arrow, None) => {
            return stop("a Parquet or Arrow roster is read from a file: --input FILE");
        }
        _ => None,
    };
    let (input, total_bytes): (Box<dyn Read + Send>, Option<u64>) = match &args.input {
        _ if columnar.is_some() => (Box::new(std::io::empty()), None),
        Some(path) => match File::open(path) {
            Ok(f) => {
                let len = f.metadata().ok().map(|m| m.len());
                (Box::new(f), len)
            }
            Err(e) => return stop(format!("cannot read {}: {e}", path.display())),
        },
        None => (Box::new(std::io::stdin()), None),
    };
    // A file result is staged beside its path and renamed into place at the
    // end (staged.rs); standard output streams.
    let staged = match args.output.as_deref().map(Staged::create).transpose() {
        Ok(s) => s,
        Err(e) => {
            let path = args
                .output
                .as_deref()
                .unwrap_or_else(|| std::path::Path::new("-"));
            return stop(format!("cannot write {}: {e}", path.display()));
        }
    };
    if staged.is_some() {
        if let Err(e) = staged::clean_up_on_signals() {
            return stop(format!("cannot watch for signals: {e}"));
        }
    }
    // A small buffer: the CSV batch writes a chunk's rows (hundreds of
    // kilobytes) at a time, which a buffer as large would copy once more;
    // larger writes go straight through. The columnar writers' small writes
    // are still gathered. A result file written past the page cache has
    // aligned buffers of its own instead (direct.rs).
    let output: Box<dyn Write + Send> = match &staged {
        Some(s) => match s.writer(OUTPUT_BUFFER) {
            Ok(w) => w,
            Err(e) => return stop(format!("cannot write the result: {e}")),
        },
        None => Box::new(BufWriter::with_capacity(OUTPUT_BUFFER, std::io::stdout())),
    };
    let progress = Progress {
        started: Instant::now(),
        last: std::sync::Mutex::new(Instant::now()),
        total_bytes,
    };
    let show = |rows: u64, bytes: u64| progress.show(rows, bytes);
    let terminal = std::io::stderr().is_terminal();
    let notice = |message: &str| {
        let _ = writeln!(std::io::stderr().lock(), "jamsos: {message}");
    };
    let config = Config {
        period,
        format,
        allow_extra_columns: args.allow_extra_columns,
        group_by: &args.group_by,
        // Only a summary file shows more than the payers' totals.
        summary: args.summary.is_some(),
        keep: &args.keep,
        delimiter,
        threads: args.threads,
        settings: grid.settings(),
        progress: terminal.then_some(&show as &(dyn Fn(u64, u64) + Sync)),
        notice: Some(&notice),
    };
    let started = Instant::now();
    let show_rows = |rows: u64| progress.show(rows, 0);
    let result = match (columnar, output_format) {
        (Some(batches), _) => {
            let options = KernelOptions {
                period,
                allow_extra_columns: args.allow_extra_columns,
                keep: &args.keep,
                group_by: &args.group_by,
                summary: config.summary,
                settings: config.settings,
                notice: config.notice,
            };
            jamsos_arrow::Kernel::new(&batches.0, options).and_then(|kernel| {
                let mut sink = jamsos_arrow::sink(output_format, &kernel.schema(), output)?;
                let progress = terminal.then_some(&show_rows as &(dyn Fn(u64) + Sync));
                let summary = jamsos_arrow::run_columnar(
                    batches,
                    &kernel,
                    sink.as_mut(),
                    args.threads,
                    progress,
                )?;
                sink.finish()?;
                Ok(summary)
            })
        }
        (None, OutputFormat::Csv) | (None, OutputFormat::Ndjson)
            if format == Format::Ndjson || output_format == OutputFormat::Csv =>
        {
            jamsos_batch::run(input, output, &config).map_err(KernelError::Batch)
        }
        (None, _) => jamsos_arrow::run_csv_into(input, &config, |schema| {
            jamsos_arrow::sink(output_format, schema, output)
        }),
    };
    let summary = match result {
        Ok(s) => s,
        // A closed standard output (`jamsos batch … | head`) ends the batch
        // quietly, as it ends other Unix tools.
        Err(e) if staged.is_none() && broken_pipe(&e) => {
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            if terminal {
                let _ = writeln!(std::io::stderr().lock());
            }
            return stop(e);
        }
    };
    if terminal {
        let _ = writeln!(std::io::stderr().lock());
    }
    if let Some(path) = &args.summary {
        let text = match args.summary_format {
            SummaryFormatArg::Json => {
                serde_json::to_string_pretty(&summary.to_json(&args.group_by))
                    .map(|t| t + "\n")
                    .map_err(io::Error::other)
            }
            SummaryFormatArg::Csv => Ok(summary.to_csv(&args.group_by)),
        };
        let written = text.and_then(|text| write_staged(path, text.as_bytes()));
        if let Err(e) = written {
            return stop(format!("cannot write {}: {e}", path.display()));
        }
    }
    if let Some(s) = staged {
        if let Err(e) = s.commit() {
            let path = args
                .output
                .as_deref()
                .unwrap_or_else(|| std::path::Path::new("-"));
            return stop(format!("cannot write {}: {e}", path.display()));
        }
    }
    report(&summary, started.elapsed().as_millis());
    ExitCode::SUCCESS
}

/// Whether the error is a closed standard output.
fn broken_pipe(e: &KernelError) -> bool {
    let io = match e {
        KernelError::Batch(BatchError::Io(e)) => Some(e.kind()),
        KernelError::Arrow(jamsos_arrow::ArrowError::IoError(_, e)) => Some(e.kind()),
        _ => None,
    };
    io == Some(ErrorKind::BrokenPipe)
}

/// Writes a whole small file through a staged temporary file.
fn write_staged(path: &std::path::Path, bytes: &[u8]) -> io::Result<()> {
    let staged = Staged::create(path)?;
    let mut file = staged.file()?;
    file.write_all(bytes)?;
    drop(file);
    staged.commit()
}

/// The summary on standard error (CONTRACT.md §2).
fn report(s: &Summary, ms: u128) {
    let rate = u128::from(s.all.rows) * 1000 / ms.max(1);
    let [e, w, p, g] = s
        .all
        .totals
        .map(|t| u64::try_from(t).map_or_else(|_| t.to_string(), rupiah));
    let _ = writeln!(
        std::io::stderr().lock(),
        "jamsos batch: {} rows read, {} ok, {} errors in {ms} ms ({rate} rows/s); totals: employer {e}, worker {w}, participant {p}, government {g}",
        s.all.rows,
        s.all.ok,
        s.all.errors
    );
}

/// `jamsos sample-roster`.
pub(crate) fn sample(args: &SampleArgs) -> ExitCode {
    let format = match args.format {
        Some(FormatArg::Csv) => None,
        Some(FormatArg::Parquet) => Some(OutputFormat::Parquet),
        Some(FormatArg::Arrow) => Some(OutputFormat::Arrow),
        Some(FormatArg::Ndjson) => return stop("a sample roster is csv, parquet or arrow"),
        None => match args.output.as_deref().and_then(InputFormat::from_path) {
            Some(InputFormat::Parquet) => Some(OutputFormat::Parquet),
            Some(InputFormat::Arrow) => Some(OutputFormat::Arrow),
            _ => None,
        },
    };
    if let Some(format) = format {
        let (rows, seed) = (args.rows, args.seed);
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
        let out: Box<dyn Write + Send> = match &args.output {
            Some(path) => match File::create(path) {
                Ok(f) => Box::new(BufWriter::new(f)),
                Err(e) => return stop(format!("cannot write {}: {e}", path.display())),
            },
            None => Box::new(BufWriter::new(std::io::stdout())),
        };
        let written = std::thread::scope(|scope| {
            scope.spawn(move || {
                let mut w = ChannelWriter(tx);
                let _ = jamsos_batch::sample::write_roster(&mut w, rows, seed);
            });
            jamsos_arrow::typed_roster(ChannelReader::new(rx), format, out)
        });
        return match written {
            Ok(_) => ExitCode::SUCCESS,
            Err(e) => stop(format!("cannot write the roster: {e}")),
        };
    }
    let written = match &args.output {
        Some(path) => File::create(path).and_then(|f| {
            let mut out = BufWriter::new(f);
            jamsos_batch::sample::write_roster(&mut out, args.rows, args.seed)?;
            out.flush()
        }),
        None => {
            let mut out = std::io::stdout().lock();
            jamsos_batch::sample::write_roster(&mut out, args.rows, args.seed)
                .and_then(|()| out.flush())
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => stop(format!("cannot write the roster: {e}")),
    }
}

/// The writing end of a channel of byte blocks.
struct ChannelWriter(std::sync::mpsc::SyncSender<Vec<u8>>);

impl Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .send(buf.to_vec())
            .map_err(|_| io::Error::new(ErrorKind::BrokenPipe, "the reader stopped"))?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The reading end.
struct ChannelReader {
    rx: std::sync::mpsc::Receiver<Vec<u8>>,
    current: Vec<u8>,
    pos: usize,
}

impl ChannelReader {
    fn new(rx: std::sync::mpsc::Receiver<Vec<u8>>) -> ChannelReader {
        ChannelReader {
            rx,
            current: Vec::new(),
            pos: 0,
        }
    }
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos >= self.current.len() {
            match self.rx.recv() {
                Ok(next) => {
                    self.current = next;
                    self.pos = 0;
                }
                Err(_) => return Ok(0),
            }
        }
        let rest = self.current.get(self.pos..).unwrap_or_default();
        let n = rest.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), rest.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.pos += n;
        Ok(n)
    }
}
