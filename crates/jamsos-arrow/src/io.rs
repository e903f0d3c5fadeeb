//! Files in and out: Parquet and Arrow IPC rosters read batch by batch (a
//! Parquet file row group by row group), assessed over all cores in order,
//! and results written as CSV (the same bytes as `jamsos batch` on the same
//! roster as CSV), NDJSON, Parquet or Arrow IPC.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::Path;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::{Array, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, SchemaRef};
use jamsos_batch::{BatchError, Config, Summary, write_field, write_u64};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder,
};
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::KernelError;
use crate::kernel::{Kernel, result_schema};
use crate::pipe::{PipeReader, PipeWriter};

/// Rows per batch read from a file (a Parquet row group is read in batches
/// of this size, so memory does not grow with the row group).
const BATCH_ROWS: usize = 16 * 1024;
/// Rows per row group of a Parquet result: with 27 columns, a few MiB held
/// before each is written.
const ROW_GROUP_ROWS: usize = 64 * 1024;

/// A roster's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// CSV (CONTRACT.md §2).
    Csv,
    /// One JSON case per line.
    Ndjson,
    /// Apache Parquet.
    Parquet,
    /// Arrow IPC, file ("Feather v2") or stream format.
    Arrow,
}

impl InputFormat {
    /// The format a file name's extension says, if it says one.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" | "tsv" | "txt" => InputFormat::Csv,
            "ndjson" | "jsonl" => InputFormat::Ndjson,
            "parquet" | "pq" => InputFormat::Parquet,
            "arrow" | "feather" | "ipc" | "arrows" => InputFormat::Arrow,
            _ => return None,
        })
    }
}

/// A result's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// CSV (CONTRACT.md §2).
    Csv,
    /// One JSON object per row, the CSV's columns as members (nulls included).
    Ndjson,
    /// Apache Parquet (Snappy).
    Parquet,
    /// Arrow IPC file format ("Feather v2").
    Arrow,
}

/// A roster file read as Arrow batches: its schema and the batches.
pub type Batches = (
    SchemaRef,
    Box<dyn Iterator<Item = Result<RecordBatch, ArrowError>> + Send>,
);

/// Opens a Parquet or Arrow IPC roster (a Parquet file needs to be a file:
/// its index is at its end). The columns named in `keep` keep their types
/// (they are copied into the result); every other string column of a
/// Parquet roster is read as a dictionary (`Int32` keys), which the kernel
/// reads as it reads strings.
pub fn open_columnar(
    path: &Path,
    format: InputFormat,
    keep: &[String],
) -> Result<Batches, KernelError> {
    let file = File::open(path)?;
    match format {
        InputFormat::Parquet => {
            // A roster's string columns hold a few codes (categories, scales,
            // sectors …), which Parquet writers store as dictionaries: read
            // as Arrow dictionaries, each cell is a key, where a string
            // array copies every cell's bytes one by one and moves them
            // again to make room for the nulls (docs/DESIGN.md, "The sixth
            // round"). A column stored without a dictionary is read into one.
            let metadata = ArrowReaderMetadata::load(&file, ArrowReaderOptions::new())?;
            let schema = metadata.schema();
            let fields: Vec<Field> = schema
                .fields()
                .iter()
                .map(|f| match f.data_type() {
                    DataType::Utf8 if !keep.contains(f.name()) => {
                        f.as_ref().clone().with_data_type(DataType::Dictionary(
                            Box::new(DataType::Int32),
                            Box::new(DataType::Utf8),
                        ))
                    }
                    _ => f.as_ref().clone(),
                })
                .collect();
            let read_as = Arc::new(arrow_schema::Schema::new_with_metadata(
                fields,
                schema.metadata().clone(),
            ));
            let metadata = ArrowReaderMetadata::try_new(
                metadata.metadata().clone(),
                ArrowReaderOptions::new().with_schema(read_as),
            )?;
            let reader = ParquetRecordBatchReaderBuilder::new_with_metadata(file, metadata)
                .with_batch_size(BATCH_ROWS)
                .build()?;
            let schema = arrow_array::RecordBatchReader::schema(&reader);
            Ok((schema, Box::new(reader)))
        }
        _ => {
            let mut magic = [0u8; 6];
            let is_file = File::open(path)?.read_exact(&mut magic).is_ok() && &magic == b"ARROW1";
            if is_file {
                let reader = arrow_ipc::reader::FileReader::try_new(file, None)?;
                let schema = reader.schema();
                Ok((schema, Box::new(reader)))
            } else {
                let reader = arrow_ipc::reader::StreamReader::try_new(
                    BufReader::with_capacity(1 << 20, file),
                    None,
                )?;
                let schema = reader.schema();
                Ok((schema, Box::new(reader)))
            }
        }
    }
}

/// Where result batches go.
pub trait Sink {
    /// Writes one result batch.
    fn write(&mut self, batch: &RecordBatch) -> Result<(), KernelError>;
    /// Writes what is left (a Parquet footer, an IPC footer) and flushes.
    fn finish(self: Box<Self>) -> Result<(), KernelError>;
    /// For a text sink, whether it is NDJSON (`Some(true)`) or CSV: its rows
    /// are then written on the worker threads (CSV by
    /// [`Kernel::assess_csv`](crate::Kernel::assess_csv), NDJSON by
    /// [`format_rows`]) and handed over with [`Sink::write_bytes`].
    fn text(&self) -> Option<bool> {
        None
    }
    /// Writes rows already formatted as text.
    fn write_bytes(&mut self, _bytes: &[u8]) -> Result<(), KernelError> {
        Ok(())
    }
}

/// A sink of `format` for results of `schema` on `out`.
pub fn sink<'w, W: Write + Send + 'w>(
    format: OutputFormat,
    schema: &SchemaRef,
    out: W,
) -> Result<Box<dyn Sink + 'w>, KernelError> {
    Ok(match format {
        OutputFormat::Csv => Box::new(TextSink::new(out, schema, false)?),
        OutputFormat::Ndjson => Box::new(TextSink::new(out, schema, true)?),
        OutputFormat::Parquet => {
            let props = WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
                .build();
            Box::new(ParquetSink(ArrowWriter::try_new(
                out,
                schema.clone(),
                Some(props),
            )?))
        }
        OutputFormat::Arrow => Box::new(IpcSink(arrow_ipc::writer::FileWriter::try_new(
            out, schema,
        )?)),
    })
}

struct ParquetSink<W: Write + Send>(ArrowWriter<W>);

impl<W: Write + Send> Sink for ParquetSink<W> {
    fn write(&mut self, batch: &RecordBatch) -> Result<(), KernelError> {
        Ok(self.0.write(batch)?)
    }
    fn finish(self: Box<Self>) -> Result<(), KernelError> {
        let mut inner = self.0.into_inner()?;
        inner.flush()?;
        Ok(())
    }
}

struct IpcSink<W: Write>(arrow_ipc::writer::FileWriter<W>);

impl<W: Write> Sink for IpcSink<W> {
    fn write(&mut self, batch: &RecordBatch) -> Result<(), KernelError> {
        Ok(self.0.write(batch)?)
    }
    fn finish(mut self: Box<Self>) -> Result<(), KernelError> {
        self.0.finish()?;
        self.0.get_mut().flush()?;
        Ok(())
    }
}

/// CSV (the bytes `jamsos batch` writes for a CSV roster) or NDJSON.
struct TextSink<W: Write> {
    out: W,
    names: Vec<String>,
    json: bool,
    buf: Vec<u8>,
}

impl<W: Write> TextSink<W> {
    fn new(mut out: W, schema: &SchemaRef, json: bool) -> Result<TextSink<W>, KernelError> {
        let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
        if !json {
            let mut header = Vec::new();
            for (i, n) in names.iter().enumerate() {
                if i > 0 {
                    header.push(b',');
                }
                write_field(&mut header, n);
            }
            header.push(b'\n');
            out.write_all(&header)?;
        }
        Ok(TextSink {
            out,
            names,
            json,
            buf: Vec::new(),
        })
    }
}

impl<W: Write> Sink for TextSink<W> {
    fn write(&mut self, batch: &RecordBatch) -> Result<(), KernelError> {
        self.buf.clear();
        format_rows(batch, &self.names, self.json, &mut self.buf);
        self.out.write_all(&self.buf)?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), KernelError> {
        self.out.flush()?;
        Ok(())
    }

    fn text(&self) -> Option<bool> {
        Some(self.json)
    }

    fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), KernelError> {
        self.out.write_all(bytes)?;
        Ok(())
    }
}

/// A result column prepared once per batch.
enum Column<'b> {
    Amount(&'b arrow_array::Int64Array),
    Cells(crate::kernel::Cells<'b>, bool),
}

/// Appends `batch`'s rows as CSV (the bytes `jamsos batch` writes for a CSV
/// roster: an empty cell for a null) or as NDJSON objects with members
/// `names` (`null` for a null; amounts, and integers and booleans of a kept
/// column, as JSON numbers and booleans; everything else as strings).
pub fn format_rows(batch: &RecordBatch, names: &[String], json: bool, out: &mut Vec<u8>) {
    let columns: Vec<Column<'_>> = batch
        .columns()
        .iter()
        .map(|a| match a.data_type() {
            DataType::Int64 => Column::Amount(a.as_primitive::<Int64Type>()),
            t => Column::Cells(
                crate::kernel::Cells::of(a.as_ref()),
                t.is_integer() || *t == DataType::Boolean,
            ),
        })
        .collect();
    let keys: Vec<Vec<u8>> = names
        .iter()
        .map(|n| serde_json::to_vec(n).unwrap_or_default())
        .collect();
    let mut scratch = String::new();
    for row in 0..batch.num_rows() {
        if json {
            out.push(b'{');
        }
        for (i, (column, key)) in columns.iter().zip(&keys).enumerate() {
            if i > 0 {
                out.push(b',');
            }
            if json {
                out.extend_from_slice(key);
                out.push(b':');
            }
            match column {
                Column::Amount(a) if a.is_null(row) => {
                    if json {
                        out.extend_from_slice(b"null");
                    }
                }
                Column::Amount(a) => {
                    let v = a.value(row);
                    match u64::try_from(v) {
                        Ok(v) => write_u64(out, v),
                        Err(_) => out.extend_from_slice(v.to_string().as_bytes()),
                    }
                }
                Column::Cells(cells, numeric) => {
                    if cells.is_null(row) {
                        if json {
                            out.extend_from_slice(b"null");
                        }
                        continue;
                    }
                    cells.render(row, &mut scratch);
                    let text = cells.text(row).unwrap_or(scratch.as_str());
                    match (json, numeric) {
                        (false, _) => write_field(out, text),
                        (true, true) => out.extend_from_slice(text.as_bytes()),
                        (true, false) => {
                            let _ = serde_json::to_writer(&mut *out, text);
                        }
                    }
                }
            }
        }
        out.extend_from_slice(if json { b"}\n" } else { b"\n" });
    }
}

/// Assesses a columnar roster over `threads` threads (0: one per core) and
/// writes the results in order; `progress` is called with the rows done.
pub fn run_columnar(
    (_, batches): Batches,
    kernel: &Kernel<'_>,
    sink: &mut dyn Sink,
    threads: usize,
    progress: Option<&(dyn Fn(u64) + Sync)>,
) -> Result<Summary, KernelError> {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    // Results on their way to the writer: enough to keep every worker busy,
    // few enough that memory stays small (each is 16,384 rows).
    let in_flight = threads + 2;
    let text = sink.text();
    let names: Vec<String> = kernel
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    // A batch's result: its arrays for a columnar sink, else its text.
    type Done = Result<(Option<RecordBatch>, Vec<u8>, Summary), KernelError>;
    let (done_tx, done_rx) = sync_channel::<(u64, Done)>(in_flight);
    // Each worker reads its next batch itself, under this lock, rather
    // than taking it from a reader thread: a batch is then assessed on the
    // core that decoded it, while its columns are still in that core's
    // cache, and there is one thread fewer to share two cores with
    // (docs/DESIGN.md, "The seventh round"). The lock also numbers the
    // batches, so the writer puts them back in order. A read error takes
    // its batch's place in that order and ends the reading.
    let source = Mutex::new(Source {
        batches: Some(batches),
        seq: 0,
        first_row: 0,
    });
    // Text buffers the writer has emptied, for the workers to fill again
    // (no more than were ever out at once).
    let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let source = &source;
            let spare = &spare;
            let mut kernel = kernel.clone();
            let names = &names;
            scope.spawn(move || {
                loop {
                    let Some((seq, next)) = source.lock().ok().and_then(|mut s| s.next()) else {
                        return;
                    };
                    let result = next.and_then(|(first_row, batch)| {
                        let mut summary = kernel.new_summary();
                        // Text results are written here, in parallel: CSV
                        // rows straight from the assessments, NDJSON from
                        // the result batch.
                        // Room for the batch's rows (about 130 bytes each
                        // in CSV): a buffer that grows copies what it holds.
                        // A buffer the writer has emptied is used again: a
                        // new one of a few MiB is new pages, each zeroed by
                        // the kernel on its first write.
                        let mut bytes = spare
                            .lock()
                            .ok()
                            .and_then(|mut spare| spare.pop())
                            .unwrap_or_default();
                        if text.is_some() {
                            bytes.reserve(batch.num_rows() * 160);
                        }
                        match text {
                            Some(false) => {
                                kernel.assess_csv(&batch, first_row, &mut summary, &mut bytes);
                                Ok((None, bytes, summary))
                            }
                            Some(true) => kernel.assess(&batch, first_row, &mut summary).map(|r| {
                                format_rows(&r, names, true, &mut bytes);
                                (None, bytes, summary)
                            }),
                            None => kernel
                                .assess(&batch, first_row, &mut summary)
                                .map(|r| (Some(r), bytes, summary)),
                        }
                    });
                    if done_tx.send((seq, result)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let mut summary = Summary::default();
        let mut waiting = BTreeMap::new();
        let mut next = 0u64;
        let mut written: Result<(), KernelError> = Ok(());
        for (seq, result) in &done_rx {
            waiting.insert(seq, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                let step = result.and_then(|(batch, mut bytes, s)| {
                    match batch {
                        Some(batch) => sink.write(&batch)?,
                        None => sink.write_bytes(&bytes)?,
                    }
                    summary.merge(&s);
                    bytes.clear();
                    if let Ok(mut spare) = spare.lock() {
                        spare.push(bytes);
                    }
                    Ok(())
                });
                if let Err(e) = step {
                    written = Err(e);
                    break;
                }
                if let Some(progress) = progress {
                    progress(summary.all.rows);
                }
            }
            if written.is_err() {
                break;
            }
        }
        // Workers still reading see the writer gone and stop.
        drop(done_rx);
        if let Ok(mut s) = source.lock() {
            s.batches = None;
        }
        written.map(|()| summary)
    })
}

/// A batch read, with its first row (0-based), or why it could not be.
type Taken = Result<(u64, RecordBatch), KernelError>;

/// The batches still to read, shared by the workers.
struct Source {
    /// `None` once read to the end, after an error, or when the writer
    /// stopped.
    batches: Option<Box<dyn Iterator<Item = Result<RecordBatch, ArrowError>> + Send>>,
    /// The next batch's number.
    seq: u64,
    /// The next batch's first row.
    first_row: u64,
}

impl Source {
    /// The next batch, numbered, with its first row; `None` at the end.
    fn next(&mut self) -> Option<(u64, Taken)> {
        let next = match self.batches.as_mut()?.next() {
            None => {
                self.batches = None;
                return None;
            }
            Some(Ok(batch)) => {
                let first_row = self.first_row;
                self.first_row += batch.num_rows() as u64;
                Ok((first_row, batch))
            }
            Some(Err(e)) => {
                self.batches = None;
                Err(e.into())
            }
        };
        let seq = self.seq;
        self.seq += 1;
        Some((seq, next))
    }
}

/// Runs a CSV roster through `jamsos_batch::run` and gives its result to a
/// columnar `sink` (parsed back by the Arrow CSV reader with the result
/// schema: the same values as the CSV result, typed). The kept columns are
/// strings, as in the CSV roster.
pub fn run_csv_into<'w, R: Read + Send>(
    input: R,
    config: &Config<'_>,
    sink_for: impl FnOnce(&SchemaRef) -> Result<Box<dyn Sink + 'w>, KernelError>,
) -> Result<Summary, KernelError> {
    let kept: Vec<Field> = config
        .keep
        .iter()
        .map(|k| Field::new(k, DataType::Utf8, true))
        .collect();
    let schema = result_schema(&kept);
    // Every column may be empty in some row (an error row's amounts, an ok
    // row's error_code): read all as nullable, "" as null.
    let nullable: SchemaRef = Arc::new(arrow_schema::Schema::new(
        schema
            .fields()
            .iter()
            .map(|f| f.as_ref().clone().with_nullable(true))
            .collect::<Vec<_>>(),
    ));
    let mut sink = sink_for(&schema)?;
    let (tx, rx) = sync_channel::<Vec<u8>>(4);
    let (summary, parsed) = std::thread::scope(|scope| {
        let batch = scope.spawn(move || jamsos_batch::run(input, PipeWriter(tx), config));
        let parsed = (|| -> Result<(), KernelError> {
            let null =
                regex::Regex::new("^$").map_err(|e| ArrowError::ExternalError(Box::new(e)))?;
            let reader = arrow_csv::ReaderBuilder::new(nullable.clone())
                .with_header(true)
                .with_batch_size(BATCH_ROWS)
                .with_null_regex(null)
                .build(PipeReader::new(rx))?;
            for batch in reader {
                let batch = batch?;
                let typed = RecordBatch::try_new(schema.clone(), batch.columns().to_vec())?;
                sink.write(&typed)?;
            }
            Ok(())
        })();
        let summary = batch
            .join()
            .unwrap_or_else(|_| Err(BatchError::Io(std::io::Error::other("the batch stopped"))));
        (summary, parsed)
    });
    let summary = summary.map_err(KernelError::Batch)?;
    parsed?;
    sink.finish()?;
    Ok(summary)
}

/// The Arrow type of a roster column in a typed file (CONTRACT.md §1 kinds):
/// integers `Int64`, booleans `Boolean`, dates `Date32`, the rest strings.
#[must_use]
pub fn roster_column_type(name: &str) -> DataType {
    match name {
        "wage" | "risk_class" | "active_workers" | "income" | "contract_value"
        | "contract_months" | "extension_months" | "jht_monthly" => DataType::Int64,
        "jkn_member" | "paid_jkk_through_2025_01" | "paid_through_2020_07" | "subsidised" => {
            DataType::Boolean
        }
        "birth_date" | "registered_on" => DataType::Date32,
        _ => DataType::Utf8,
    }
}

/// Converts a CSV roster whose cells are all valid for their column's type
/// (a sample roster) into a typed Parquet or Arrow roster: the columns of
/// [`roster_column_type`], empty cells null.
pub fn typed_roster<R: Read, W: Write + Send>(
    mut csv: R,
    format: OutputFormat,
    out: W,
) -> Result<u64, KernelError> {
    // The header, then the rest, read by the Arrow CSV reader.
    let mut header = Vec::new();
    let mut byte = [0u8; 1];
    while csv.read(&mut byte)? == 1 && byte != [b'\n'] {
        header.extend_from_slice(&byte);
    }
    let header = String::from_utf8_lossy(&header)
        .trim_end_matches('\r')
        .to_owned();
    let fields: Vec<Field> = header
        .split(',')
        .map(|n| Field::new(n, roster_column_type(n), true))
        .collect();
    let schema: SchemaRef = Arc::new(arrow_schema::Schema::new(fields));
    let null = regex::Regex::new("^$").map_err(|e| ArrowError::ExternalError(Box::new(e)))?;
    let reader = arrow_csv::ReaderBuilder::new(schema.clone())
        .with_header(false)
        .with_batch_size(BATCH_ROWS)
        .with_null_regex(null)
        .build(BufReader::with_capacity(1 << 20, csv))?;
    let mut sink = sink(format, &schema, out)?;
    let mut rows = 0u64;
    for batch in reader {
        let batch = batch?;
        rows += batch.num_rows() as u64;
        sink.write(&batch)?;
    }
    sink.finish()?;
    Ok(rows)
}
