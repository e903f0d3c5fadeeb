//! The kernel: a roster `RecordBatch` in, a typed result `RecordBatch` out.
//!
//! Every row goes through the same decoder checks and rules as a CSV row,
//! so the values and the error rows are exactly the batch's; but a typed
//! column is never turned into text. Each row's cells are read straight from
//! the arrays as the contract's typed cells ([`jamsos::contract::Cell`]: an
//! `Int8`…`UInt64` value as an integer, a `Boolean` as a boolean, a
//! `Date32`/`Date64` as a date, a string as it is, a null absent), put into
//! the row column by column ([`jamsos::contract::Roster::put`], only the
//! cells that are there) and decoded by
//! [`jamsos::contract::Roster::decode_row`], which gives the same checks,
//! order and messages as the CSV text of the same values
//! ([`jamsos_batch::assess_row_cells_into`]). Only the rare row that has a
//! typed cell where its field takes another kind (an integer in a date
//! column), or an unsigned integer beyond `i64`, is decoded from its cells'
//! text.
//!
//! The result is built in buffers sized for the batch, with no allocation
//! per row: the `id` column is passed through when it is `Utf8` with every
//! cell non-empty, the statuses are a few fixed words appended to
//! preallocated string builders, and the amounts are plain `i64` vectors
//! sharing one validity (null in an error row). Only an error row allocates
//! (its message).

use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use arrow_array::builder::StringBuilder;
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type,
    UInt32Type, UInt64Type,
};
use arrow_array::{
    Array, ArrayRef, ArrowPrimitiveType, BooleanArray, GenericStringArray, Int64Array,
    PrimitiveArray, RecordBatch, StringViewArray,
};
use arrow_buffer::bit_iterator::BitIndexIterator;
use arrow_buffer::{BooleanBufferBuilder, NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use jamsos_batch::{
    AMOUNT_COLUMNS, BatchError, OUTPUT_COLUMNS, Outcome, RulesCache, Summary, assess_row,
    assess_row_cells_into, error_message, write_field, write_result,
};
use jamsos_contract::{Cell, ContractError, HeaderError, Roster, RowCells, Settings};
use jamsos_core::Period;
use jamsos_worker::Category;

use crate::KernelError;

/// Rows per unit of work of [`Kernel::assess_all`]: large enough that a
/// unit's bookkeeping is noise, small enough that the cores finish together.
pub const UNIT_ROWS: usize = 16_384;

/// Rows whose cells [`Kernel::assess`] gathers at once: each array is read
/// in runs of this many values, and the block's cells (two dozen columns of
/// 24 bytes) stay in the core's cache. 32, 128 and 256 measured alike within
/// the noise of the shared machine; 32-row runs were a little slower.
const BLOCK_ROWS: usize = 128;

/// How an input column's values become the decoder's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `Utf8`, `LargeUtf8`, `Utf8View`, or a dictionary of them: as is.
    Text,
    /// Signed or unsigned integers of any width: decimal.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// `Date32`, `Date64`: `YYYY-MM-DD`.
    Date,
    /// `Null`: every cell absent.
    Null,
    /// Anything else (floats, timestamps, decimals, lists …): allowed only in
    /// a column the roster ignores.
    Other,
}

fn kind(data_type: &DataType) -> Kind {
    match data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Kind::Text,
        DataType::Dictionary(_, values) if kind(values) == Kind::Text => Kind::Text,
        DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32
        | DataType::UInt64 => Kind::Integer,
        DataType::Boolean => Kind::Boolean,
        DataType::Date32 | DataType::Date64 => Kind::Date,
        DataType::Null => Kind::Null,
        _ => Kind::Other,
    }
}

/// What the kernel needs besides the roster.
#[derive(Clone, Copy)]
pub struct KernelOptions<'a> {
    /// The period of rows without a `period` cell.
    pub period: Period,
    /// Ignore (and report through `notice`) columns the contract does not know.
    pub allow_extra_columns: bool,
    /// Columns passed through next to `id` (`--keep`).
    pub keep: &'a [String],
    /// Columns grouping the summary (`--group-by`).
    pub group_by: &'a [String],
    /// Keep the whole summary; off, only `Summary::all` (rows, errors and
    /// the payers' totals), as [`jamsos_batch::Config::summary`]. A caller
    /// passing its own summary to [`Kernel::assess`] starts it with
    /// [`Kernel::new_summary`].
    pub summary: bool,
    /// The caller's settings (the official BPU income grid).
    pub settings: Settings<'a>,
    /// Called with each remark that does not stop the batch.
    pub notice: Option<&'a (dyn Fn(&str) + Sync)>,
}

impl<'a> KernelOptions<'a> {
    /// Contract columns only, nothing kept or grouped, the built-in grid.
    #[must_use]
    pub fn new(period: Period) -> KernelOptions<'a> {
        KernelOptions {
            period,
            allow_extra_columns: false,
            keep: &[],
            group_by: &[],
            summary: true,
            settings: Settings::default(),
            notice: None,
        }
    }
}

/// A roster schema resolved once, turning its batches into result batches.
/// Cloning gives an independent kernel for another thread.
pub struct Kernel<'a> {
    roster: Roster,
    /// Which columns the decoder reads (the contract's).
    read: Vec<bool>,
    category_column: Option<usize>,
    id_column: usize,
    keep: Vec<usize>,
    group: Vec<usize>,
    options: KernelOptions<'a>,
    output: SchemaRef,
    cache: RulesCache,
}

impl Clone for Kernel<'_> {
    fn clone(&self) -> Self {
        Kernel {
            roster: self.roster.clone(),
            read: self.read.clone(),
            category_column: self.category_column,
            id_column: self.id_column,
            keep: self.keep.clone(),
            group: self.group.clone(),
            options: self.options,
            output: self.output.clone(),
            cache: RulesCache::default(),
        }
    }
}

/// The result schema: `id`, the kept columns (their input types), then the
/// contract's columns: `status` and the program statuses as strings,
/// `error_code` and `error_message` null in an `ok` row, the amounts `Int64`
/// (whole rupiah) and null in an error row.
#[must_use]
pub fn result_schema(kept: &[Field]) -> SchemaRef {
    let mut fields = vec![Field::new("id", DataType::Utf8, false)];
    fields.extend(kept.iter().cloned().map(|f| f.with_nullable(true)));
    fields.push(Field::new("status", DataType::Utf8, false));
    fields.push(Field::new("error_code", DataType::Utf8, true));
    fields.push(Field::new("error_message", DataType::Utf8, true));
    for c in AMOUNT_COLUMNS {
        fields.push(Field::new(c, DataType::Int64, true));
    }
    for c in OUTPUT_COLUMNS.iter().skip(4 + AMOUNT_COLUMNS.len()) {
        fields.push(Field::new(*c, DataType::Utf8, true));
    }
    Arc::new(Schema::new(fields))
}

impl<'a> Kernel<'a> {
    /// Resolves a roster schema: column names as a CSV header's (CONTRACT.md
    /// §2), each contract column of a type the kernel reads.
    pub fn new(schema: &Schema, options: KernelOptions<'a>) -> Result<Kernel<'a>, KernelError> {
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let roster = match Roster::new(&names, false) {
            Err(HeaderError::Unknown(unknown)) if options.allow_extra_columns => {
                if let Some(notice) = options.notice {
                    for name in &unknown {
                        notice(&jamsos_batch::unknown_column_notice(name));
                    }
                }
                Roster::new(&names, true)
            }
            other => other,
        }
        .map_err(|e| KernelError::Batch(BatchError::Header(e)))?;
        let kinds: Vec<Kind> = schema
            .fields()
            .iter()
            .map(|f| kind(f.data_type()))
            .collect();
        let unknown = |name: &str| Roster::new(&["id", name], false).is_err() && name != "id";
        let find = |name: &String| names.iter().position(|n| n == name);
        let keep = options
            .keep
            .iter()
            .map(|name| {
                match OUTPUT_COLUMNS.contains(&name.as_str()) {
                    true => None,
                    false => find(name),
                }
                .ok_or_else(|| KernelError::Batch(BatchError::BadKeepColumn(name.clone())))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let group = options
            .group_by
            .iter()
            .map(|name| {
                find(name)
                    .ok_or_else(|| KernelError::Batch(BatchError::NoGroupColumn(name.clone())))
            })
            .collect::<Result<Vec<_>, _>>()?;
        // Every column the decoder reads, groups by or keeps must be readable
        // as text (kept columns pass through with their type, and are text
        // in a CSV or NDJSON result).
        for (i, (field, k)) in schema.fields().iter().zip(&kinds).enumerate() {
            let used = !unknown(field.name()) || group.contains(&i) || keep.contains(&i);
            if *k == Kind::Other && used {
                return Err(KernelError::ColumnType {
                    column: field.name().clone(),
                    data_type: field.data_type().to_string(),
                });
            }
        }
        let kept: Vec<Field> = keep
            .iter()
            .filter_map(|i| schema.fields().get(*i))
            .map(|f| f.as_ref().clone())
            .collect();
        let read = names.iter().map(|n| !unknown(n)).collect();
        Ok(Kernel {
            id_column: roster.id_column(),
            category_column: roster.column("category"),
            read,
            roster,
            keep,
            group,
            options,
            output: result_schema(&kept),
            cache: RulesCache::default(),
        })
    }

    /// The result schema of this roster.
    #[must_use]
    pub fn schema(&self) -> SchemaRef {
        self.output.clone()
    }

    /// An empty summary of the kind [`KernelOptions::summary`] asks for.
    #[must_use]
    pub fn new_summary(&self) -> Summary {
        Summary::new(self.options.summary)
    }

    /// Assesses a roster held in memory on `threads` threads (at least one):
    /// its batches are cut into units of at most [`UNIT_ROWS`] rows
    /// (zero-copy slices), which the threads take in turn, each with its own
    /// clone of this kernel; the results come back in the roster's order,
    /// one result batch per unit. (A roster streamed from a file is spread
    /// over the cores by `run_columnar`.)
    pub fn assess_all(
        &self,
        batches: &[RecordBatch],
        threads: usize,
    ) -> Result<Vec<RecordBatch>, KernelError> {
        Ok(self.assess_units(batches, threads, false)?.0)
    }

    /// [`Kernel::assess_all`] with the summary of every row.
    pub fn assess_all_summarised(
        &self,
        batches: &[RecordBatch],
        threads: usize,
    ) -> Result<(Vec<RecordBatch>, Summary), KernelError> {
        self.assess_units(batches, threads, true)
    }

    fn assess_units(
        &self,
        batches: &[RecordBatch],
        threads: usize,
        summarise: bool,
    ) -> Result<(Vec<RecordBatch>, Summary), KernelError> {
        let mut units = Vec::new();
        let mut first = 0u64;
        for batch in batches {
            let mut offset = 0;
            while offset < batch.num_rows() {
                let len = UNIT_ROWS.min(batch.num_rows() - offset);
                units.push((first + offset as u64, batch.slice(offset, len)));
                offset += len;
            }
            first += batch.num_rows() as u64;
        }
        let next = AtomicUsize::new(0);
        type Done = Result<(Vec<(usize, RecordBatch)>, Summary), KernelError>;
        let work = || -> Done {
            let mut kernel = self.clone();
            let mut summary = self.new_summary();
            let mut mine = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((first, batch)) = units.get(i) else {
                    return Ok((mine, summary));
                };
                match kernel.assess_into(batch, *first, summarise.then_some(&mut summary)) {
                    Ok(result) => mine.push((i, result)),
                    Err(e) => {
                        // Stop every thread at its next unit.
                        next.store(units.len(), Ordering::Relaxed);
                        return Err(e);
                    }
                }
            }
        };
        let done: Vec<Done> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads.clamp(1, units.len().max(1)))
                .map(|_| scope.spawn(work))
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join().unwrap_or_else(|_| {
                        Err(std::io::Error::other("a kernel thread stopped").into())
                    })
                })
                .collect()
        });
        let mut results = Vec::with_capacity(units.len());
        let mut summary = Summary::default();
        for d in done {
            let (mine, s) = d?;
            results.extend(mine);
            summary.merge(&s);
        }
        results.sort_unstable_by_key(|(i, _)| *i);
        Ok((results.into_iter().map(|(_, b)| b).collect(), summary))
    }

    /// Assesses one batch whose first row is the roster's row `first_row`
    /// (0-based over the whole roster): an error row without an id is named
    /// by the line it would have in a CSV export with a header, `first_row +
    /// index + 2`. Adds every row to `summary`.
    pub fn assess(
        &mut self,
        batch: &RecordBatch,
        first_row: u64,
        summary: &mut Summary,
    ) -> Result<RecordBatch, KernelError> {
        self.assess_into(batch, first_row, Some(summary))
    }

    /// [`Kernel::assess`], adding the rows to `summary` when there is one.
    fn assess_into(
        &mut self,
        batch: &RecordBatch,
        first_row: u64,
        summary: Option<&mut Summary>,
    ) -> Result<RecordBatch, KernelError> {
        let rows = batch.num_rows();
        let id_column = self.id_column;
        let passed_id = batch
            .columns()
            .get(id_column)
            .and_then(|a| passed_through(a.as_ref()));
        let mut ids = match passed_id {
            Some(_) => StringBuilder::new(),
            None => StringBuilder::with_capacity(rows, rows * 12),
        };
        let mut out = Columns::with_capacity(rows);
        let mut scratch = String::new();
        self.assess_blocks(batch, summary, |start, block, results| {
            if passed_id.is_none() {
                for (row, id) in (start..).zip(block) {
                    ids.append_value(id_text(*id, first_row, row, &mut scratch));
                }
            }
            out.push_block(results);
        });
        let mut arrays: Vec<ArrayRef> = vec![match passed_id {
            Some(a) => a,
            None => Arc::new(ids.finish()),
        }];
        for k in &self.keep {
            if let Some(a) = batch.columns().get(*k) {
                arrays.push(a.clone());
            }
        }
        out.finish(&mut arrays);
        RecordBatch::try_new(self.output.clone(), arrays).map_err(KernelError::Arrow)
    }

    /// Assesses one batch as [`Kernel::assess`] does and appends its rows to
    /// `out` as the CSV rows `jamsos batch` writes (no header): the same
    /// bytes as formatting the result batch, without building the result's
    /// arrays and reading them back (a third of a Parquet roster's run
    /// went to that).
    pub fn assess_csv(
        &mut self,
        batch: &RecordBatch,
        first_row: u64,
        summary: &mut Summary,
        out: &mut Vec<u8>,
    ) {
        let kept: Vec<Cells<'_>> = self
            .keep
            .iter()
            .filter_map(|k| batch.columns().get(*k))
            .map(|a| Cells::of(a.as_ref()))
            .collect();
        let mut scratch = String::new();
        self.assess_blocks(batch, Some(summary), |start, block, results| {
            for ((row, id), result) in (start..).zip(block).zip(results) {
                write_field(out, id_text(*id, first_row, row, &mut scratch));
                for cells in &kept {
                    out.push(b',');
                    if !cells.is_null(row) {
                        cells.render(row, &mut scratch);
                        write_field(out, cells.text(row).unwrap_or(scratch.as_str()));
                    }
                }
                write_result(out, result);
            }
        });
    }

    /// The rows of `batch` assessed block by block: each block's `id` cells
    /// (one per row) and results go to `emit` with the block's first row;
    /// every row is added to `summary` when there is one.
    fn assess_blocks<'b>(
        &mut self,
        batch: &'b RecordBatch,
        mut summary: Option<&mut Summary>,
        mut emit: impl FnMut(usize, &[Option<Cell<'b>>], &[Result<Outcome, ContractError>]),
    ) {
        let rows = batch.num_rows();
        let reader = |column: usize| {
            batch
                .columns()
                .get(column)
                .map_or(Reader::Absent, |a| Reader::new(a.as_ref()))
        };
        let readers: Vec<Reader<'_>> = self
            .read
            .iter()
            .enumerate()
            .map(|(column, read)| {
                if *read {
                    reader(column)
                } else {
                    Reader::Absent
                }
            })
            .collect();
        let ids = reader(self.id_column);
        let categories = self.category_column.map_or(Reader::Absent, reader);
        // Text cells only for grouping (`--group-by`) and for the rare row
        // decoded from its text (an unsigned integer beyond i64, a typed
        // cell in a column of another kind), made when first needed: a
        // dictionary's cells cost a copy of its keys.
        let mut texts: Option<Vec<Cells<'_>>> = None;
        fn texts_of<'t, 'b>(
            texts: &'t mut Option<Vec<Cells<'b>>>,
            batch: &'b RecordBatch,
        ) -> &'t [Cells<'b>] {
            texts.get_or_insert_with(|| {
                batch
                    .columns()
                    .iter()
                    .map(|a| Cells::of(a.as_ref()))
                    .collect()
            })
        }
        let text_of = |c: &Cells<'_>, row: usize, scratch: &mut String| {
            c.render(row, scratch);
            c.text(row).unwrap_or(scratch).to_owned()
        };
        // A block's rows, filled column by column: each array is read in
        // one sequential run per block (not one cell per row across two
        // dozen arrays, which missed the cache on most reads), and only
        // its present cells are visited and put (a roster's columns are
        // mostly null: each category has a few fields of its own).
        let mut block: Vec<RowCells<'b>> = vec![RowCells::new(); BLOCK_ROWS];
        let mut id_cells: Vec<Option<Cell<'b>>> = vec![None; BLOCK_ROWS];
        let mut results: Vec<Result<Outcome, ContractError>> = Vec::with_capacity(BLOCK_ROWS);
        let mut group_key: Vec<String> = Vec::new();
        let mut scratch = String::new();
        let mut start = 0;
        while start < rows {
            let n = BLOCK_ROWS.min(rows - start);
            let cells = block.get_mut(..n).unwrap_or_default();
            cells.iter_mut().for_each(RowCells::clear);
            let mut unsigned = [false; BLOCK_ROWS];
            for (column, reader) in readers.iter().enumerate() {
                reader.scatter(start, n, &mut unsigned, |i, cell| {
                    if let Some(row) = cells.get_mut(i) {
                        self.roster.put(row, column, cell);
                    }
                });
            }
            let mut ignored = false;
            for (row, id) in (start..).zip(id_cells.iter_mut().take(n)) {
                *id = ids.cell(row, &mut ignored);
            }
            // The block's results are filled in place, row after row.
            results.resize_with(n, || Ok(Outcome::EMPTY));
            for (((row, cells), unsigned), result) in (start..)
                .zip(cells.iter_mut())
                .zip(unsigned)
                .zip(results.iter_mut())
            {
                if unsigned || cells.needs_text() {
                    // Read from its cells' text, as in CSV.
                    let text: Vec<String> = texts_of(&mut texts, batch)
                        .iter()
                        .map(|c| text_of(c, row, &mut scratch))
                        .collect();
                    let text: Vec<&str> = text.iter().map(String::as_str).collect();
                    *result = assess_row(
                        &self.roster,
                        &text,
                        self.options.period,
                        &self.options.settings,
                        &mut self.cache,
                    );
                } else {
                    assess_row_cells_into(
                        &self.roster,
                        cells,
                        self.options.period,
                        &self.options.settings,
                        &mut self.cache,
                        result,
                    );
                }
                let group = if self.group.is_empty() || summary.is_none() {
                    None
                } else {
                    group_key.clear();
                    for g in &self.group {
                        group_key.push(
                            texts_of(&mut texts, batch)
                                .get(*g)
                                .map_or(String::new(), |c| text_of(c, row, &mut scratch)),
                        );
                    }
                    Some(group_key.iter().map(String::as_str).collect::<Vec<&str>>())
                };
                match (&*result, summary.as_deref_mut()) {
                    (_, None) => {}
                    (Ok(o), Some(summary)) => summary.add_ok(o, group.as_deref()),
                    (Err(e), Some(summary)) => {
                        let category = match categories.cell(row, &mut ignored) {
                            Some(Cell::Text(text)) => Category::from_code(text),
                            _ => None,
                        };
                        summary.add_error(e.code.code(), category, group.as_deref());
                    }
                }
            }
            emit(
                start,
                id_cells.get(..n).unwrap_or_default(),
                results.get(..n).unwrap_or_default(),
            );
            start += n;
        }
    }
}

/// A row's id as text: its cell's, or, when it has none, the line the row
/// would have in a CSV export with a header (CONTRACT.md §2): `first_row`
/// is the batch's first row over the whole roster, `row` the row in the
/// batch.
fn id_text<'s>(
    id: Option<Cell<'s>>,
    first_row: u64,
    row: usize,
    scratch: &'s mut String,
) -> &'s str {
    scratch.clear();
    match id {
        Some(Cell::Text(id)) if !id.is_empty() => return id,
        Some(Cell::Text(_)) | None => {
            let _ = write!(scratch, "{}", first_row + row as u64 + 2);
        }
        Some(typed) => {
            let _ = write!(scratch, "{typed}");
        }
    }
    scratch
}

/// The `id` column passed through as it is when it can be: `Utf8`, every
/// cell a non-empty string (an absent id is replaced by the row's line).
fn passed_through(a: &dyn Array) -> Option<ArrayRef> {
    if let Some(strings) = a.as_string_opt::<i32>() {
        let empty = strings.offsets().windows(2).any(|w| w.first() == w.last());
        return (strings.null_count() == 0 && !empty)
            .then(|| Arc::new(strings.clone()) as ArrayRef);
    }
    // `LargeUtf8` (pandas' strings through pyarrow): the same bytes, with
    // 32-bit offsets counted from the slice's first byte.
    let strings = a.as_string_opt::<i64>()?;
    let offsets = strings.offsets();
    let empty = offsets.windows(2).any(|w| w.first() == w.last());
    if strings.null_count() > 0 || empty {
        return None;
    }
    let first = *offsets.iter().next()?;
    let rebased: Vec<i32> = offsets
        .iter()
        .map(|o| i32::try_from(o - first))
        .collect::<Result<_, _>>()
        .ok()?;
    let start = usize::try_from(first).ok()?;
    let length = usize::try_from(*rebased.last()?).ok()?;
    let values = strings.values().slice_with_length(start, length);
    // The offsets grow from 0 (they are a valid array's), as `new` asks.
    let offsets = OffsetBuffer::new(ScalarBuffer::from(rebased));
    let array = GenericStringArray::<i32>::try_new(offsets, values, None).ok()?;
    Some(Arc::new(array))
}

/// The result columns after `id` and the kept ones, built row by row into
/// buffers sized for the batch: the status strings are a few fixed words;
/// the amounts and the program statuses share one validity (null in an
/// error row).
struct Columns {
    status: StringBuilder,
    codes: StringBuilder,
    messages: StringBuilder,
    amounts: [Vec<i64>; 18],
    statuses: [StringBuilder; 5],
    valid: BooleanBufferBuilder,
    errors: usize,
}

impl Columns {
    fn with_capacity(rows: usize) -> Columns {
        Columns {
            // Room for the longest word in every row ("error",
            // "not_eligible"): a builder that grows copies what it holds.
            status: StringBuilder::with_capacity(rows, rows * 5),
            codes: StringBuilder::new(),
            messages: StringBuilder::new(),
            amounts: std::array::from_fn(|_| Vec::with_capacity(rows)),
            statuses: std::array::from_fn(|_| StringBuilder::with_capacity(rows, rows * 12)),
            valid: BooleanBufferBuilder::new(rows),
            errors: 0,
        }
    }

    /// Appends a block's results, column after column.
    fn push_block(&mut self, results: &[Result<Outcome, ContractError>]) {
        for r in results {
            match r {
                Ok(_) => {
                    self.status.append_value("ok");
                    self.codes.append_null();
                    self.messages.append_null();
                }
                Err(e) => {
                    self.status.append_value("error");
                    self.codes.append_value(e.code.code());
                    self.messages.append_value(error_message(e));
                    self.errors += 1;
                }
            }
            self.valid.append(r.is_ok());
        }
        for (i, column) in self.amounts.iter_mut().enumerate() {
            column.extend(results.iter().map(|r| {
                match r {
                    // Amounts are bounded by the contract's input ranges
                    // (`amount_out_of_range`), far below i64::MAX.
                    Ok(o) => o
                        .amounts
                        .get(i)
                        .map_or(0, |a| i64::try_from(*a).unwrap_or(i64::MAX)),
                    Err(_) => 0,
                }
            }));
        }
        for (i, column) in self.statuses.iter_mut().enumerate() {
            for r in results {
                match r.as_ref().ok().and_then(|o| o.statuses.get(i)) {
                    Some(s) => column.append_value(s.code()),
                    None => column.append_null(),
                }
            }
        }
    }

    fn finish(mut self, arrays: &mut Vec<ArrayRef>) {
        let valid = (self.errors > 0).then(|| NullBuffer::new(self.valid.finish()));
        arrays.push(Arc::new(self.status.finish()));
        arrays.push(Arc::new(self.codes.finish()));
        arrays.push(Arc::new(self.messages.finish()));
        for a in self.amounts {
            arrays.push(Arc::new(Int64Array::new(a.into(), valid.clone())));
        }
        for mut b in self.statuses {
            arrays.push(Arc::new(b.finish()));
        }
    }
}

/// One input column read as the contract's typed cells: an integer, a
/// boolean or a date as it is, a string as it is, a null absent.
enum Reader<'b> {
    /// A column the roster does not read, or every cell null.
    Absent,
    Utf8(&'b GenericStringArray<i32>),
    LargeUtf8(&'b GenericStringArray<i64>),
    Utf8View(&'b StringViewArray),
    /// A dictionary of strings with `Int32` keys (how
    /// [`open_columnar`](crate::open_columnar) reads a Parquet string
    /// column).
    Dictionary(&'b PrimitiveArray<Int32Type>, &'b GenericStringArray<i32>),
    /// Any other dictionary of strings.
    Text(Cells<'b>),
    Int8(&'b PrimitiveArray<Int8Type>),
    Int16(&'b PrimitiveArray<Int16Type>),
    Int32(&'b PrimitiveArray<Int32Type>),
    Int64(&'b PrimitiveArray<Int64Type>),
    UInt8(&'b PrimitiveArray<UInt8Type>),
    UInt16(&'b PrimitiveArray<UInt16Type>),
    UInt32(&'b PrimitiveArray<UInt32Type>),
    UInt64(&'b PrimitiveArray<UInt64Type>),
    Boolean(&'b BooleanArray),
    Date32(&'b PrimitiveArray<Date32Type>),
    Date64(&'b PrimitiveArray<Date64Type>),
}

impl<'b> Reader<'b> {
    fn new(a: &'b dyn Array) -> Reader<'b> {
        match (kind(a.data_type()), a.data_type()) {
            (Kind::Text, DataType::Utf8) => Reader::Utf8(a.as_string()),
            (Kind::Text, DataType::LargeUtf8) => Reader::LargeUtf8(a.as_string()),
            (Kind::Text, DataType::Utf8View) => Reader::Utf8View(a.as_string_view()),
            (Kind::Text, _) => match a
                .as_dictionary_opt::<Int32Type>()
                .and_then(|d| Some((d.keys(), d.values().as_string_opt::<i32>()?)))
            {
                Some((keys, values)) => Reader::Dictionary(keys, values),
                None => Reader::Text(Cells::of(a)),
            },
            (_, DataType::Int8) => Reader::Int8(a.as_primitive()),
            (_, DataType::Int16) => Reader::Int16(a.as_primitive()),
            (_, DataType::Int32) => Reader::Int32(a.as_primitive()),
            (_, DataType::Int64) => Reader::Int64(a.as_primitive()),
            (_, DataType::UInt8) => Reader::UInt8(a.as_primitive()),
            (_, DataType::UInt16) => Reader::UInt16(a.as_primitive()),
            (_, DataType::UInt32) => Reader::UInt32(a.as_primitive()),
            (_, DataType::UInt64) => Reader::UInt64(a.as_primitive()),
            (_, DataType::Boolean) => Reader::Boolean(a.as_boolean()),
            (_, DataType::Date32) => Reader::Date32(a.as_primitive()),
            (_, DataType::Date64) => Reader::Date64(a.as_primitive()),
            _ => Reader::Absent,
        }
    }

    /// Calls `put` with each present cell of the `n` rows from `start`, and
    /// the cell's row in the block: one sequential run over the array that
    /// skips its nulls by their bits. Sets `unsigned` for a row with an
    /// unsigned integer beyond i64.
    fn scatter(
        &self,
        start: usize,
        n: usize,
        unsigned: &mut [bool],
        mut put: impl FnMut(usize, Cell<'b>),
    ) {
        /// Calls `f` with the block row of each valid cell.
        fn each(nulls: Option<&NullBuffer>, start: usize, n: usize, f: impl FnMut(usize)) {
            match nulls.filter(|b| b.null_count() > 0) {
                Some(nulls) => {
                    let bits = nulls.inner();
                    BitIndexIterator::new(bits.values(), bits.offset() + start, n).for_each(f);
                }
                None => (0..n).for_each(f),
            }
        }
        match self {
            Reader::Absent => {}
            Reader::Utf8(a) => each(a.nulls(), start, n, |i| {
                put(i, Cell::Text(a.value(start + i)));
            }),
            Reader::Dictionary(keys, values) => each(keys.nulls(), start, n, |i| {
                if let Some(cell) = dictionary_value(values, keys.value(start + i)) {
                    put(i, cell);
                }
            }),
            Reader::Int64(a) => each(a.nulls(), start, n, |i| {
                put(i, Cell::Integer(a.value(start + i)));
            }),
            Reader::Boolean(a) => each(a.nulls(), start, n, |i| {
                put(i, Cell::Boolean(a.value(start + i)));
            }),
            Reader::Date32(a) => each(a.nulls(), start, n, |i| {
                if let Some(date) = NaiveDate::from_epoch_days(a.value(start + i)) {
                    put(i, Cell::Date(date));
                }
            }),
            _ => {
                for (i, flag) in unsigned.iter_mut().enumerate().take(n) {
                    if let Some(cell) = self.cell(start + i, flag) {
                        put(i, cell);
                    }
                }
            }
        }
    }

    /// The cell at `row`; sets `unsigned` for an unsigned integer beyond
    /// i64 (which the row then reads from its text).
    fn cell(&self, row: usize, unsigned: &mut bool) -> Option<Cell<'b>> {
        fn int<T: ArrowPrimitiveType>(a: &PrimitiveArray<T>, row: usize) -> Option<i64>
        where
            T::Native: Into<i64>,
        {
            a.is_valid(row).then(|| a.value(row).into())
        }
        let integer = match self {
            Reader::Absent => return None,
            Reader::Utf8(a) => return a.is_valid(row).then(|| Cell::Text(a.value(row))),
            Reader::LargeUtf8(a) => return a.is_valid(row).then(|| Cell::Text(a.value(row))),
            Reader::Utf8View(a) => return a.is_valid(row).then(|| Cell::Text(a.value(row))),
            Reader::Dictionary(keys, values) => return dictionary_cell(keys, values, row),
            Reader::Text(c) => {
                return match c.is_null(row) {
                    true => None,
                    false => c.text(row).map(Cell::Text),
                };
            }
            Reader::Boolean(a) => return a.is_valid(row).then(|| Cell::Boolean(a.value(row))),
            Reader::Date32(a) => {
                return a
                    .is_valid(row)
                    .then(|| NaiveDate::from_epoch_days(a.value(row)))
                    .flatten()
                    .map(Cell::Date);
            }
            Reader::Date64(a) => {
                return a
                    .is_valid(row)
                    .then(|| a.value_as_date(row))
                    .flatten()
                    .map(Cell::Date);
            }
            Reader::Int8(a) => int(*a, row),
            Reader::Int16(a) => int(*a, row),
            Reader::Int32(a) => int(*a, row),
            Reader::Int64(a) => int(*a, row),
            Reader::UInt8(a) => int(*a, row),
            Reader::UInt16(a) => int(*a, row),
            Reader::UInt32(a) => int(*a, row),
            Reader::UInt64(a) => a.is_valid(row).then(|| {
                i64::try_from(a.value(row)).unwrap_or_else(|_| {
                    *unsigned = true;
                    i64::MAX
                })
            }),
        };
        integer.map(Cell::Integer)
    }
}

/// The string at `row` of a dictionary (its key's value), `None` for a null
/// key or a null value. A key outside the values is not read: Arrow's
/// dictionary arrays do not have one (their constructors check it).
#[inline]
fn dictionary_cell<'b>(
    keys: &PrimitiveArray<Int32Type>,
    values: &'b GenericStringArray<i32>,
    row: usize,
) -> Option<Cell<'b>> {
    dictionary_value(values, keys.is_valid(row).then(|| keys.value(row))?)
}

/// The value of a valid key, `None` for a null value.
#[inline]
fn dictionary_value(values: &GenericStringArray<i32>, key: i32) -> Option<Cell<'_>> {
    let key = usize::try_from(key).ok()?;
    (key < values.len() && values.is_valid(key)).then(|| Cell::Text(values.value(key)))
}

/// One input column, ready to be read row by row.
pub(crate) enum Cells<'b> {
    Text(&'b dyn Array),
    Dictionary(&'b dyn Array, Vec<usize>, &'b dyn Array),
    Typed(&'b dyn Array, Kind),
}

impl<'b> Cells<'b> {
    /// Any column, as the kernel reads it (a CSV export's text).
    pub(crate) fn of(array: &'b dyn Array) -> Cells<'b> {
        Cells::new(array, kind(array.data_type()))
    }

    /// Whether the cell is null.
    pub(crate) fn is_null(&self, row: usize) -> bool {
        match self {
            Cells::Text(a) | Cells::Typed(a, _) | Cells::Dictionary(a, ..) => a.is_null(row),
        }
    }

    fn new(array: &'b dyn Array, kind: Kind) -> Cells<'b> {
        match (kind, array.as_any_dictionary_opt()) {
            (Kind::Text, Some(d)) => Cells::Dictionary(array, d.normalized_keys(), d.values()),
            (Kind::Text, None) => Cells::Text(array),
            _ => Cells::Typed(array, kind),
        }
    }

    /// A string cell as it is (`Some("")` for a null), `None` for a typed one.
    pub(crate) fn text(&self, row: usize) -> Option<&'b str> {
        match self {
            Cells::Text(a) => Some(string_at(*a, row)),
            Cells::Dictionary(a, keys, values) => Some(if a.is_null(row) {
                ""
            } else {
                keys.get(row).map_or("", |k| string_at(*values, *k))
            }),
            Cells::Typed(..) => None,
        }
    }

    /// Writes a typed cell's text into `out` (empty for a null).
    pub(crate) fn render(&self, row: usize, out: &mut String) {
        out.clear();
        let Cells::Typed(a, kind) = self else { return };
        if a.is_null(row) {
            return;
        }
        if let Some(v) = integer_at(*a, row) {
            push_i128(out, v);
            return;
        }
        let _ = match (kind, a.data_type()) {
            (Kind::Integer, DataType::Int8) => {
                write!(out, "{}", a.as_primitive::<Int8Type>().value(row))
            }
            (Kind::Integer, DataType::Int16) => {
                write!(out, "{}", a.as_primitive::<Int16Type>().value(row))
            }
            (Kind::Integer, DataType::Int32) => {
                write!(out, "{}", a.as_primitive::<Int32Type>().value(row))
            }
            (Kind::Integer, DataType::Int64) => {
                write!(out, "{}", a.as_primitive::<Int64Type>().value(row))
            }
            (Kind::Integer, DataType::UInt8) => {
                write!(out, "{}", a.as_primitive::<UInt8Type>().value(row))
            }
            (Kind::Integer, DataType::UInt16) => {
                write!(out, "{}", a.as_primitive::<UInt16Type>().value(row))
            }
            (Kind::Integer, DataType::UInt32) => {
                write!(out, "{}", a.as_primitive::<UInt32Type>().value(row))
            }
            (Kind::Integer, DataType::UInt64) => {
                write!(out, "{}", a.as_primitive::<UInt64Type>().value(row))
            }
            (Kind::Boolean, _) => write!(out, "{}", a.as_boolean().value(row)),
            (Kind::Date, DataType::Date32) => {
                match a.as_primitive::<Date32Type>().value_as_date(row) {
                    Some(d) => write!(out, "{d}"),
                    None => Ok(()),
                }
            }
            (Kind::Date, DataType::Date64) => {
                match a.as_primitive::<Date64Type>().value_as_date(row) {
                    Some(d) => write!(out, "{d}"),
                    None => Ok(()),
                }
            }
            _ => Ok(()),
        };
    }
}

/// The integer at `row` of an integer array of any width.
fn integer_at(a: &dyn Array, row: usize) -> Option<i128> {
    Some(match a.data_type() {
        DataType::Int8 => a.as_primitive::<Int8Type>().value(row).into(),
        DataType::Int16 => a.as_primitive::<Int16Type>().value(row).into(),
        DataType::Int32 => a.as_primitive::<Int32Type>().value(row).into(),
        DataType::Int64 => a.as_primitive::<Int64Type>().value(row).into(),
        DataType::UInt8 => a.as_primitive::<UInt8Type>().value(row).into(),
        DataType::UInt16 => a.as_primitive::<UInt16Type>().value(row).into(),
        DataType::UInt32 => a.as_primitive::<UInt32Type>().value(row).into(),
        DataType::UInt64 => a.as_primitive::<UInt64Type>().value(row).into(),
        _ => return None,
    })
}

/// Appends `v` in decimal, as `Display` does, without the formatter.
fn push_i128(out: &mut String, v: i128) {
    if v < 0 {
        out.push('-');
    }
    let mut n = v.unsigned_abs();
    let mut digits = [0u8; 40];
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
    for d in digits.get(i..).unwrap_or_default() {
        out.push(char::from(*d));
    }
}

/// The string at `row` of a `Utf8`, `LargeUtf8` or `Utf8View` array; `""` for
/// a null.
fn string_at(a: &dyn Array, row: usize) -> &str {
    if a.is_null(row) {
        return "";
    }
    match a.data_type() {
        DataType::Utf8 => a.as_string::<i32>().value(row),
        DataType::LargeUtf8 => a.as_string::<i64>().value(row),
        DataType::Utf8View => a.as_string_view().value(row),
        _ => "",
    }
}

impl From<ArrowError> for KernelError {
    fn from(e: ArrowError) -> KernelError {
        KernelError::Arrow(e)
    }
}
