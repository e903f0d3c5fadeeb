//! The bare floor `jamsos batch` is compared with (`benches/compare.sh`): one
//! thread, the `csv` crate, reading every record of a roster and writing one
//! fixed 27-column row per record (the record's first field, then the same 26
//! cells every time). No decoding, no rules: only the I/O a CSV-to-CSV batch
//! cannot avoid.
//!
//! `floor INPUT [OUTPUT]`: the output is standard output without `OUTPUT`.
//! Prints `floor: N rows in M ms (R rows/s)` on standard error.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::time::Instant;

/// The 26 cells after the id: an `ok` row's shape (status, two empty error
/// cells, 18 amounts, 5 statuses).
const FIXED: [&str; 26] = [
    "ok",
    "",
    "",
    "0",
    "5000",
    "0",
    "0",
    "3400",
    "0",
    "0",
    "0",
    "0",
    "0",
    "0",
    "0",
    "0",
    "0",
    "0",
    "0",
    "8400",
    "0",
    "mandatory",
    "mandatory",
    "optional",
    "not_eligible",
    "not_eligible",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let input = args.next().ok_or("usage: floor INPUT [OUTPUT]")?;
    let output: Box<dyn Write> = match args.next() {
        Some(path) => Box::new(File::create(path)?),
        None => Box::new(std::io::stdout().lock()),
    };
    let started = Instant::now();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(BufReader::with_capacity(1 << 20, File::open(input)?));
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(BufWriter::with_capacity(1 << 20, output));
    let mut record = csv::ByteRecord::new();
    let mut rows = 0u64;
    writer.write_record(std::iter::once("id").chain(FIXED))?;
    while reader.read_byte_record(&mut record)? {
        let id = record.get(0).unwrap_or_default();
        writer.write_record(std::iter::once(id).chain(FIXED.iter().map(|c| c.as_bytes())))?;
        rows += 1;
    }
    writer.flush()?;
    let ms = started.elapsed().as_millis().max(1);
    eprintln!(
        "floor: {rows} rows in {ms} ms ({} rows/s)",
        u128::from(rows) * 1000 / ms
    );
    Ok(())
}
