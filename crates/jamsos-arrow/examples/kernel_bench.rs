//! A profiling harness for the kernel (not a test, not a timed assertion):
//! a Parquet roster (`jamsos sample-roster --output r.parquet`) read into
//! memory, its `period` column dropped as `benches/python/assess.py` does,
//! then assessed `repeat` times by [`Kernel::assess_all`] on `threads`
//! threads (default 1), printing each run's time.
//!
//! ```text
//! cargo run --release -p jamsos-arrow --example kernel_bench -- r.parquet [repeat] [threads]
//! perf record -g target/release/examples/kernel_bench r.parquet 5
//! ```

use std::path::Path;
use std::time::Instant;

use arrow_array::RecordBatch;
use jamsos_arrow::{InputFormat, Kernel, KernelOptions, open_columnar};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: kernel_bench ROSTER.parquet [repeat] [threads]")?;
    let repeat: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(3);
    let threads: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(1);
    let (schema, batches) = open_columnar(Path::new(&path), InputFormat::Parquet, &[])?;
    let keep: Vec<usize> = (0..schema.fields().len())
        .filter(|i| schema.field(*i).name() != "period")
        .collect();
    let schema = schema.project(&keep)?;
    let batches: Vec<RecordBatch> = batches
        .map(|b| b.and_then(|b| b.project(&keep)))
        .collect::<Result<_, _>>()?;
    let rows: usize = batches.iter().map(RecordBatch::num_rows).sum();
    let options = KernelOptions::new("2026-04".parse()?);
    let kernel = Kernel::new(&schema, options)?;
    for _ in 0..repeat {
        let (start, cpu) = (Instant::now(), cpu_ms());
        let results = kernel.assess_all(&batches, threads)?;
        let t = start.elapsed();
        let cpu = cpu_ms().zip(cpu).map(|(b, a)| b - a);
        // Integer arithmetic: the workspace denies floating point.
        let per_second = (rows as u128 * 1_000_000_000) / t.as_nanos().max(1);
        println!(
            "{rows} rows on {threads} thread(s): {t:.3?} = {per_second} rows/s, CPU {} ms ({} result rows)",
            cpu.map_or("?".to_owned(), |c| c.to_string()),
            results.iter().map(RecordBatch::num_rows).sum::<usize>()
        );
    }
    Ok(())
}

/// The process's CPU time (user and system, every thread) in milliseconds,
/// from `/proc/self/stat` (Linux; in ticks of 10 ms).
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in parentheses).
    let rest = stat.rsplit_once(')')?.1;
    let mut fields = rest.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some((user + system) * 10)
}
