//! The kernel: a roster `RecordBatch` in, a typed result `RecordBatch` out.
//!
//! Every row goes through the same decoder and rules as a CSV row
//! ([`jamsos_batch::assess_row`]), so the values and the error rows are
//! exactly the batch's. A typed input cell is given to the decoder as the
//! text a CSV export of it has (an integer in decimal, a boolean as
//! `true`/`false`, a date as `YYYY-MM-DD`), written into a buffer reused for
//! every row; a string cell is passed as it is; a null is an absent cell.

use std::fmt::Write as _;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type,
    UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, Int64Array, RecordBatch, StringArray};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use jamsos_batch::{
    AMOUNT_COLUMNS, BatchError, OUTPUT_COLUMNS, Outcome, RulesCache, Summary, assess_row,
    error_message,
};
use jamsos_contract::{HeaderError, Roster, Settings};
use jamsos_core::Period;

use crate::KernelError;

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
            settings: Settings::default(),
            notice: None,
        }
    }
}

/// A roster schema resolved once, turning its batches into result batches.
/// Cloning gives an independent kernel for another thread.
pub struct Kernel<'a> {
    roster: Roster,
    kinds: Vec<Kind>,
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
            kinds: self.kinds.clone(),
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
        Ok(Kernel {
            id_column: roster.id_column(),
            roster,
            kinds,
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
        let columns: Vec<Cells<'_>> = batch
            .columns()
            .iter()
            .zip(&self.kinds)
            .map(|(a, k)| Cells::new(a.as_ref(), *k))
            .collect();
        let rows = batch.num_rows();
        let mut scratch: Vec<String> = vec![String::new(); columns.len()];
        let mut ids = arrow_array::builder::StringBuilder::with_capacity(rows, rows * 12);
        let mut status = arrow_array::builder::StringBuilder::with_capacity(rows, rows * 2);
        let mut codes = arrow_array::builder::StringBuilder::new();
        let mut messages = arrow_array::builder::StringBuilder::new();
        let mut amounts: Vec<Vec<Option<i64>>> =
            vec![Vec::with_capacity(rows); AMOUNT_COLUMNS.len()];
        let mut statuses: Vec<arrow_array::builder::StringBuilder> = (0..5)
            .map(|_| arrow_array::builder::StringBuilder::with_capacity(rows, rows * 9))
            .collect();
        let mut group_key: Vec<String> = Vec::new();
        // One allocation of cell slices for the whole batch: each row's
        // (empty) list goes back into `spare`, reusing its buffer.
        let mut spare: Vec<&str> = Vec::with_capacity(columns.len());
        for row in 0..rows {
            for (c, s) in columns.iter().zip(scratch.iter_mut()) {
                c.render(row, s);
            }
            let mut cells = std::mem::take(&mut spare);
            cells.extend(
                columns
                    .iter()
                    .zip(&scratch)
                    .map(|(c, s)| c.text(row).unwrap_or(s.as_str())),
            );
            let line = first_row + row as u64 + 2;
            match cells.get(self.id_column).filter(|id| !id.is_empty()) {
                Some(id) => ids.append_value(id),
                None => ids.append_value(line.to_string()),
            }
            group_key.clear();
            for g in &self.group {
                group_key.push(cells.get(*g).copied().unwrap_or_default().to_owned());
            }
            let group_cells: Vec<&str> = group_key.iter().map(String::as_str).collect();
            let group = (!group_cells.is_empty()).then_some(group_cells.as_slice());
            let result = assess_row(
                &self.roster,
                &cells,
                self.options.period,
                &self.options.settings,
                &mut self.cache,
            );
            match result {
                Ok(o) => {
                    status.append_value("ok");
                    codes.append_null();
                    messages.append_null();
                    push_amounts(&mut amounts, &o);
                    for (b, s) in statuses.iter_mut().zip(o.statuses) {
                        b.append_value(s.code());
                    }
                    summary.add_ok(&o, group);
                }
                Err(e) => {
                    status.append_value("error");
                    codes.append_value(e.code.code());
                    messages.append_value(error_message(&e));
                    for a in &mut amounts {
                        a.push(None);
                    }
                    for b in &mut statuses {
                        b.append_null();
                    }
                    let category = self
                        .roster
                        .column("category")
                        .and_then(|c| cells.get(c))
                        .and_then(|c| jamsos_worker::Category::from_code(c));
                    summary.add_error(e.code.code(), category, group);
                }
            }
            cells.clear();
            spare = cells.into_iter().map(|_| "").collect();
        }
        let mut arrays: Vec<ArrayRef> = vec![Arc::new(ids.finish())];
        for k in &self.keep {
            if let Some(a) = batch.columns().get(*k) {
                arrays.push(a.clone());
            }
        }
        arrays.push(Arc::new(status.finish()));
        arrays.push(Arc::new(codes.finish()));
        arrays.push(Arc::new(messages.finish()));
        for a in amounts {
            arrays.push(Arc::new(Int64Array::from(a)));
        }
        for mut b in statuses {
            let a: StringArray = b.finish();
            arrays.push(Arc::new(a));
        }
        RecordBatch::try_new(self.output.clone(), arrays).map_err(KernelError::Arrow)
    }
}

fn push_amounts(amounts: &mut [Vec<Option<i64>>], o: &Outcome) {
    for (column, a) in amounts.iter_mut().zip(o.amounts) {
        // Amounts are bounded by the contract's input ranges
        // (`amount_out_of_range`), far below i64::MAX.
        column.push(Some(i64::try_from(a).unwrap_or(i64::MAX)));
    }
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
