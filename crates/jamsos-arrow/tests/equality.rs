//! The columnar path equals the CSV path cell for cell (issue 16): the same
//! roster, with defective rows of many kinds, as CSV through
//! `jamsos_batch::run` and as Parquet or Arrow (all-string columns, or typed
//! columns) through the kernel, gives the same result rows; a Parquet result
//! holds the same values typed (Int64 amounts, null where the CSV is empty).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::path::PathBuf;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use jamsos_arrow::{InputFormat, Kernel, KernelOptions, OutputFormat};
use jamsos_batch::{Config, Summary};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

const PERIOD: &str = "2026-04";

fn period() -> jamsos_core::Period {
    PERIOD.parse().unwrap()
}

/// Defective rows: each breaks one rule of CONTRACT.md §1/§2 (cells in the
/// sample header's order: id, category, birth_date, nationality, wage,
/// risk_class, scale, registered_on, jkn_member, opt_in, industry,
/// active_workers, paid_jkk_through_2025_01, paid_through_2020_07, income,
/// sector, subsidised, method, contract_value, channel, contract_months,
/// extension_months, jht_monthly, period).
const DEFECTS: [&str; 14] = [
    "D01,pu,1990-01-01,,5000000,9,medium,,,,,,,,,,,,,,,,,",
    "D02,pu,1990-02-30,,5000000,1,medium,,,,,,,,,,,,,,,,,",
    "D03,pu,1990-01-01,,-5,1,medium,,,,,,,,,,,,,,,,,",
    "D04,pu,1990-01-01,,5000000,1,huge,,,,,,,,,,,,,,,,,",
    "D05,bpu,1990-01-01,,,,,,,,,,,,900000,,,,,,,,,",
    "D06,pu,1990-01-01,,5000000,1,medium,,,,,,,,1000000,,,,,,,,,",
    ",pu,1990-01-01,,5000000,1,medium,,,,,,,,,,,,,,,,,",
    "D08,,1990-01-01,,5000000,1,medium,,,,,,,,,,,,,,,,,",
    "D09,xyz,1990-01-01,,5000000,1,medium,,,,,,,,,,,,,,,,,",
    "D10,pu,1990-01-01,,5000000,1,medium,,maybe,,,,,,,,,,,,,,,",
    "D11,pu,1990-01-01,,5000000,1,medium,,,jht;xx,,,,,,,,,,,,,,",
    "D12,bpu,1990-01-01,,,,,,,,,,,,1000000,,,,,,,,,2026-13",
    "D13,jakon,,,,,,,,,,,,,,,,contract,-1,,,,,",
    ",pmi,1995-05-05,,,,,,,,,,,,,,,,,agency,99,,,",
];

/// A sample roster of `rows` rows with the defects spread through it.
fn csv_roster(rows: u64) -> String {
    let mut out = Vec::new();
    jamsos_batch::sample::write_roster(&mut out, rows, 7).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let step = lines.len() / (DEFECTS.len() + 1);
    for (i, d) in DEFECTS.iter().enumerate() {
        lines.insert(1 + step * (i + 1), (*d).to_owned());
    }
    lines.join("\n") + "\n"
}

fn csv_result(csv: &str, keep: &[String]) -> (Vec<u8>, Summary) {
    let mut out = Vec::new();
    let mut config = Config::new(period());
    config.keep = keep;
    let summary = jamsos_batch::run(csv.as_bytes(), &mut out, &config).unwrap();
    (out, summary)
}

/// The roster as one all-string batch (empty cells null).
fn string_batch(csv: &str) -> RecordBatch {
    let mut lines = csv.lines();
    let names: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let columns: Vec<ArrayRef> = (0..names.len())
        .map(|c| {
            let values: Vec<Option<&str>> = rows
                .iter()
                .map(|r| Some(r[c]).filter(|v| !v.is_empty()))
                .collect();
            Arc::new(StringArray::from(values)) as ArrayRef
        })
        .collect();
    let fields: Vec<Field> = names
        .iter()
        .map(|n| Field::new(*n, DataType::Utf8, true))
        .collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).unwrap()
}

fn temp(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("equality-{name}"))
}

/// Writes `batch` as a file of `format` and runs it through the kernel into
/// a result of `output`.
fn columnar_result(
    batch: &RecordBatch,
    format: OutputFormat,
    output: OutputFormat,
    name: &str,
    keep: &[String],
) -> (Vec<u8>, Summary) {
    let path = temp(name);
    let mut sink = jamsos_arrow::sink(
        format,
        &batch.schema(),
        std::fs::File::create(&path).unwrap(),
    )
    .unwrap();
    // Written in slices, so the file has several row groups / batches.
    let mut offset = 0;
    while offset < batch.num_rows() {
        let len = 10_000.min(batch.num_rows() - offset);
        sink.write(&batch.slice(offset, len)).unwrap();
        offset += len;
    }
    sink.finish().unwrap();
    run_file(&path, format, output, keep)
}

fn run_file(
    path: &std::path::Path,
    format: OutputFormat,
    output: OutputFormat,
    keep: &[String],
) -> (Vec<u8>, Summary) {
    let input = match format {
        OutputFormat::Parquet => InputFormat::Parquet,
        _ => InputFormat::Arrow,
    };
    let batches = jamsos_arrow::open_columnar(path, input, keep).unwrap();
    let mut options = KernelOptions::new(period());
    options.keep = keep;
    let kernel = Kernel::new(&batches.0, options).unwrap();
    let mut out = Vec::new();
    let summary = {
        let mut sink = jamsos_arrow::sink(output, &kernel.schema(), &mut out).unwrap();
        let s = jamsos_arrow::run_columnar(batches, &kernel, sink.as_mut(), 2, None).unwrap();
        sink.finish().unwrap();
        s
    };
    (out, summary)
}

#[test]
fn parquet_and_arrow_of_strings_equal_csv_cell_for_cell() {
    let csv = csv_roster(70_000);
    let (expected, summary) = csv_result(&csv, &[]);
    // The defects are there: an error row each (the row without an id but
    // otherwise valid may be ok), and ids replaced by line numbers.
    assert!(summary.all.errors >= DEFECTS.len() as u64 - 1);
    let text = String::from_utf8(expected.clone()).unwrap();
    let line_ids: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.split(',')
                .next()
                .unwrap()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .collect();
    assert_eq!(line_ids.len(), 2, "two rows without an id: {line_ids:?}");
    let batch = string_batch(&csv);
    for format in [OutputFormat::Parquet, OutputFormat::Arrow] {
        let (out, s) = columnar_result(&batch, format, OutputFormat::Csv, "strings", &[]);
        assert_eq!(s, summary, "{format:?}");
        assert!(out == expected, "{format:?}: the results differ");
    }
}

#[test]
fn typed_parquet_roster_equals_csv() {
    let mut csv = Vec::new();
    jamsos_batch::sample::write_roster(&mut csv, 40_000, 11).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let keep = [
        "wage".to_owned(),
        "birth_date".to_owned(),
        "scale".to_owned(),
    ];
    let (expected, summary) = csv_result(&csv, &keep);
    for format in [OutputFormat::Parquet, OutputFormat::Arrow] {
        let path = temp(&format!("typed-{format:?}"));
        let rows = jamsos_arrow::typed_roster(
            csv.as_bytes(),
            format,
            std::fs::File::create(&path).unwrap(),
        )
        .unwrap();
        assert_eq!(rows, 40_000);
        let batches = jamsos_arrow::open_columnar(
            &path,
            match format {
                OutputFormat::Parquet => InputFormat::Parquet,
                _ => InputFormat::Arrow,
            },
            &keep,
        )
        .unwrap();
        // Typed columns: integers, booleans, dates.
        let schema = batches.0.clone();
        assert_eq!(
            schema.field_with_name("wage").unwrap().data_type(),
            &DataType::Int64
        );
        assert_eq!(
            schema.field_with_name("birth_date").unwrap().data_type(),
            &DataType::Date32
        );
        assert_eq!(
            schema.field_with_name("jkn_member").unwrap().data_type(),
            &DataType::Boolean
        );
        // A Parquet roster's strings are read as dictionaries, except a
        // kept column's, which the result copies with its type; an Arrow
        // file's are read as written.
        let dictionary = DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
        assert_eq!(
            schema.field_with_name("category").unwrap().data_type(),
            match format {
                OutputFormat::Parquet => &dictionary,
                _ => &DataType::Utf8,
            }
        );
        assert_eq!(
            schema.field_with_name("scale").unwrap().data_type(),
            &DataType::Utf8
        );
        let (out, s) = run_file(&path, format, OutputFormat::Csv, &keep);
        assert_eq!(s, summary);
        assert!(out == expected, "{format:?}: the results differ");
    }
}

/// A Parquet roster whose strings are stored without dictionaries (as some
/// writers do) is read into dictionaries all the same, and gives the CSV
/// roster's result, error rows included.
#[test]
fn parquet_roster_without_dictionaries_equals_csv() {
    let csv = csv_roster(30_000);
    let (expected, summary) = csv_result(&csv, &[]);
    let batch = string_batch(&csv);
    let path = temp("plain.parquet");
    let props = parquet::file::properties::WriterProperties::builder()
        .set_dictionary_enabled(false)
        .set_max_row_group_row_count(Some(7_000))
        .build();
    let mut writer = parquet::arrow::ArrowWriter::try_new(
        std::fs::File::create(&path).unwrap(),
        batch.schema(),
        Some(props),
    )
    .unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();
    let (out, s) = run_file(&path, OutputFormat::Parquet, OutputFormat::Csv, &[]);
    assert_eq!(s, summary);
    assert!(out == expected, "the results differ");
}

#[test]
fn parquet_result_is_typed_and_holds_the_csv_values() {
    let csv = csv_roster(5_000);
    let (expected, _) = csv_result(&csv, &[]);
    let expected = String::from_utf8(expected).unwrap();
    let batch = string_batch(&csv);
    let (bytes, _) = columnar_result(
        &batch,
        OutputFormat::Parquet,
        OutputFormat::Parquet,
        "result-in",
        &[],
    );
    let path = temp("result.parquet");
    std::fs::write(&path, &bytes).unwrap();
    let (schema, batches) = parquet_file(&path);
    assert_eq!(
        schema
            .field_with_name("total_employer")
            .unwrap()
            .data_type(),
        &DataType::Int64
    );
    assert_eq!(
        schema.field_with_name("jkk").unwrap().data_type(),
        &DataType::Utf8
    );
    let mut rows = expected.lines().skip(1);
    let mut n = 0;
    for batch in batches {
        let batch = batch.unwrap();
        for r in 0..batch.num_rows() {
            let line = rows.next().unwrap();
            let mut cells: Vec<String> = Vec::new();
            for c in batch.columns() {
                cells.push(if c.is_null(r) {
                    String::new()
                } else if c.data_type() == &DataType::Int64 {
                    c.as_primitive::<Int64Type>().value(r).to_string()
                } else {
                    let v = c.as_string::<i32>().value(r);
                    if v.contains([',', '"']) {
                        format!("\"{}\"", v.replace('"', "\"\""))
                    } else {
                        v.to_owned()
                    }
                });
            }
            assert_eq!(cells.join(","), line);
            n += 1;
        }
    }
    assert_eq!(n, 5_000 + DEFECTS.len());
    assert!(rows.next().is_none());
    // The CSV roster through `run_csv_into` gives the same Parquet values.
    let mut from_csv = Vec::new();
    let config = Config::new(period());
    jamsos_arrow::run_csv_into(csv.as_bytes(), &config, |schema| {
        jamsos_arrow::sink(OutputFormat::Parquet, schema, &mut from_csv)
    })
    .unwrap();
    let path_b = temp("result-from-csv.parquet");
    std::fs::write(&path_b, &from_csv).unwrap();
    let read = |p: &std::path::Path| -> Vec<RecordBatch> {
        parquet_file(p).1.map(Result::unwrap).collect()
    };
    let a = arrow_concat(read(&path));
    let b = arrow_concat(read(&path_b));
    assert_eq!(a, b);
}

/// A result file as any Parquet reader gives it: its types as written.
fn parquet_file(path: &std::path::Path) -> jamsos_arrow::Batches {
    let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(path).unwrap())
        .unwrap()
        .build()
        .unwrap();
    let schema = arrow_array::RecordBatchReader::schema(&reader);
    (schema, Box::new(reader))
}

/// All rows of several batches, column by column, as debug text.
fn arrow_concat(batches: Vec<RecordBatch>) -> Vec<String> {
    let mut out = Vec::new();
    for b in batches {
        for r in 0..b.num_rows() {
            let row: Vec<String> = b
                .columns()
                .iter()
                .map(|c| {
                    if c.is_null(r) {
                        "null".to_owned()
                    } else if c.data_type() == &DataType::Int64 {
                        c.as_primitive::<Int64Type>().value(r).to_string()
                    } else {
                        c.as_string::<i32>().value(r).to_owned()
                    }
                })
                .collect();
            out.push(row.join("|"));
        }
    }
    out
}

#[test]
fn a_float_wage_column_stops_the_batch_naming_it() {
    let schema = Schema::new(vec![
        Field::new("id", DataType::Utf8, false),
        Field::new("wage", DataType::Float64, true),
    ]);
    let e = Kernel::new(&schema, KernelOptions::new(period()))
        .err()
        .unwrap();
    assert!(
        e.to_string().starts_with("column wage has type Float64"),
        "{e}"
    );
}

/// One typed column of [`typed_cells_equal_their_csv_text`]: its CSV header
/// name, its Arrow array, and the CSV text of each cell (empty for a null).
fn typed_column(name: &str, array: ArrayRef) -> (String, ArrayRef, Vec<String>) {
    let cells = (0..array.len())
        .map(|r| {
            let mut text = String::new();
            if !array.is_null(r) {
                text = arrow_cast_text(&array, r);
            }
            text
        })
        .collect();
    (name.to_owned(), array, cells)
}

/// A cell's CSV text as a spreadsheet export writes it (CONTRACT.md §2).
fn arrow_cast_text(array: &ArrayRef, r: usize) -> String {
    use arrow_array::types::{Date32Type, Int32Type, UInt64Type};
    match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().value(r).to_owned(),
        DataType::LargeUtf8 => array.as_string::<i64>().value(r).to_owned(),
        DataType::Int64 => array.as_primitive::<Int64Type>().value(r).to_string(),
        DataType::Int32 => array.as_primitive::<Int32Type>().value(r).to_string(),
        DataType::UInt64 => array.as_primitive::<UInt64Type>().value(r).to_string(),
        DataType::Boolean => array.as_boolean().value(r).to_string(),
        DataType::Date32 => array
            .as_primitive::<Date32Type>()
            .value_as_date(r)
            .unwrap()
            .to_string(),
        other => panic!("no text for {other}"),
    }
}

/// Typed cells of every kind, in their own fields and in fields of another
/// kind, give exactly the values, errors and messages of their CSV text
/// (the typed decoder against the text decoder, through the whole batch).
#[test]
fn typed_cells_equal_their_csv_text() {
    use arrow_array::{
        BooleanArray, Date32Array, Int32Array, Int64Array, LargeStringArray, UInt64Array,
    };
    // Days since 1970-01-01: 1990-05-17, 2020-01-01, year 0 (not a date of
    // the contract), year 10000 (beyond YYYY).
    let (d1990, d2020, year0, year10000) = (7_441, 18_262, -719_400, 2_932_897);
    let columns = vec![
        typed_column(
            "id",
            Arc::new(LargeStringArray::from(vec![
                Some("T01"),
                Some("T02"),
                Some("T03"),
                None,
                Some(""),
                Some("T06"),
                Some("T07"),
                Some("T08"),
                Some("T09"),
                Some("T10"),
                Some("T11"),
                Some("T12"),
            ])),
        ),
        typed_column(
            "category",
            Arc::new(StringArray::from(vec![
                "pu", "pu", "pu", "pu", "pu", "pu", "pu", "pu", "bpu", "bpu", "pu", "jakon",
            ])),
        ),
        typed_column(
            "birth_date",
            Arc::new(Date32Array::from(vec![
                Some(d1990),
                Some(year0),
                Some(year10000),
                Some(d1990),
                None,
                Some(d1990),
                Some(d1990),
                Some(d1990),
                Some(d1990),
                None,
                Some(d1990),
                None,
            ])),
        ),
        typed_column(
            // D-4: whole rupiah from 1; beyond i64 only as text digits.
            "wage",
            Arc::new(UInt64Array::from(vec![
                Some(5_000_000),
                Some(5_000_000),
                Some(5_000_000),
                Some(5_000_000),
                Some(5_000_000),
                Some(u64::MAX),
                Some(0),
                Some(5_000_000),
                None,
                None,
                Some(5_000_000),
                None,
            ])),
        ),
        typed_column(
            "risk_class",
            Arc::new(Int32Array::from(vec![
                Some(1),
                Some(1),
                Some(1),
                Some(1),
                Some(1),
                Some(1),
                Some(1),
                Some(9),
                None,
                None,
                Some(-1),
                None,
            ])),
        ),
        typed_column(
            "scale",
            Arc::new(StringArray::from(vec![
                Some("medium"),
                Some("medium"),
                Some("medium"),
                Some("medium"),
                Some("small"),
                Some("medium"),
                Some("medium"),
                Some("medium"),
                None,
                None,
                Some("medium"),
                None,
            ])),
        ),
        typed_column(
            // An integer where a date belongs: decoded from its text.
            "registered_on",
            Arc::new(Int64Array::from(vec![
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                Some(20_200_101),
                None,
            ])),
        ),
        typed_column(
            "jkn_member",
            Arc::new(BooleanArray::from(vec![
                Some(true),
                None,
                None,
                Some(false),
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
            ])),
        ),
        typed_column(
            "income",
            Arc::new(Int64Array::from(vec![
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                Some(2_150_000),
                Some(-3),
                None,
                None,
            ])),
        ),
        typed_column(
            // A boolean where text belongs (D-23: wage or contract).
            "method",
            Arc::new(BooleanArray::from(vec![
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                Some(true),
            ])),
        ),
        typed_column(
            "contract_value",
            Arc::new(Int64Array::from(vec![
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                Some(d2020.into()),
            ])),
        ),
    ];
    let names: Vec<&str> = columns.iter().map(|(n, ..)| n.as_str()).collect();
    let mut csv = names.join(",") + "\n";
    for r in 0..12 {
        let row: Vec<&str> = columns
            .iter()
            .map(|(_, _, cells)| cells[r].as_str())
            .collect();
        csv += &(row.join(",") + "\n");
    }
    let (expected, summary) = csv_result(&csv, &[]);
    let batch = RecordBatch::try_new(
        batch_schema(&columns),
        columns.iter().map(|(_, a, _)| a.clone()).collect(),
    )
    .unwrap();
    let kernel = Kernel::new(&batch.schema(), KernelOptions::new(period())).unwrap();
    let (results, s) = kernel.assess_all_summarised(&[batch], 2).unwrap();
    let mut out = Vec::new();
    {
        let mut sink = jamsos_arrow::sink(OutputFormat::Csv, &kernel.schema(), &mut out).unwrap();
        for r in &results {
            sink.write(r).unwrap();
        }
        sink.finish().unwrap();
    }
    assert_eq!(
        String::from_utf8(out).unwrap(),
        String::from_utf8(expected.clone()).unwrap()
    );
    assert_eq!(s, summary);
    // The rows hold what the contract says, not just the same as CSV: an
    // error row for each defect, quoting the value as the CSV text has it.
    let expected = String::from_utf8(expected).unwrap();
    let lines: Vec<&str> = expected.lines().collect();
    // (line, its start, a text it must hold)
    let rows = [
        (1, "T01,ok,", ""),
        (2, "T02,error,invalid_date,", ""),
        (4, "5,error,missing_field,", ""),
        (5, "6,error,missing_field,", ""),
        (6, "", "amount_out_of_range"),
        (6, "", "18446744073709551615"),
        (7, "T07,error,invalid_amount,", ""),
        (8, "T08,error,invalid_risk_class,", "risk class 9"),
        (9, "T09,ok,", ""),
        (10, "T10,error,invalid_amount,", "-3"),
        (11, "T11,error,invalid_date,", "\"20200101\""),
        (12, "T12,error,invalid_value,", "\"true\""),
    ];
    for (line, start, holds) in rows {
        let text = lines[line];
        assert!(text.starts_with(start) && text.contains(holds), "{text}");
    }
    // Non-empty LargeUtf8 ids come back as the same Utf8 ids, from a slice
    // that does not start at the array's first row too.
    let batch = RecordBatch::try_new(
        batch_schema(&columns),
        columns.iter().map(|(_, a, _)| a.slice(5, 4)).collect(),
    )
    .unwrap();
    let result = kernel.assess_all(&[batch], 1).unwrap();
    let ids = result[0].column(0).as_string::<i32>();
    assert_eq!(
        ids.iter().collect::<Vec<_>>(),
        [Some("T06"), Some("T07"), Some("T08"), Some("T09")]
    );
}

fn batch_schema(columns: &[(String, ArrayRef, Vec<String>)]) -> Arc<Schema> {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(n, a, _)| Field::new(n, a.data_type().clone(), true))
        .collect();
    Arc::new(Schema::new(fields))
}

/// A batch that cannot be read stops the run with its error, after every
/// batch before it has been written in order and none after it: the
/// workers read the batches themselves, so the error has to keep its
/// place among them.
#[test]
fn a_read_error_ends_the_run_after_the_batches_before_it() {
    let csv = csv_roster(3_000);
    let batch = string_batch(&csv);
    let schema = batch.schema();
    // Six batches of 500 rows; the fifth cannot be read.
    let batches = || {
        let batch = batch.clone();
        (0..6).map(move |i| match i {
            4 => Err(arrow_schema::ArrowError::ParquetError(
                "a damaged page".to_owned(),
            )),
            _ => Ok(batch.slice(i * 500, 500)),
        })
    };
    let kernel = Kernel::new(&schema, KernelOptions::new(period())).unwrap();
    // The header and the first four batches' 2,000 rows, as the first 2,000
    // rows of the whole roster's result.
    let (whole, _) = csv_result(&csv, &[]);
    let whole = String::from_utf8(whole).unwrap();
    let expected: Vec<&str> = whole.lines().take(1 + 2_000).collect();
    for threads in [1, 2, 4] {
        let mut out = Vec::new();
        let error = {
            let mut sink =
                jamsos_arrow::sink(OutputFormat::Csv, &kernel.schema(), &mut out).unwrap();
            let source: jamsos_arrow::Batches = (schema.clone(), Box::new(batches()));
            jamsos_arrow::run_columnar(source, &kernel, sink.as_mut(), threads, None).unwrap_err()
        };
        assert!(error.to_string().contains("a damaged page"), "{error}");
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text.lines().collect::<Vec<&str>>(),
            expected,
            "{threads} threads"
        );
    }
}
