//! The columnar kernel of jamsos (issue 16, shared with the Python binding of
//! issue 15): a roster as Arrow `RecordBatch`es in, typed result batches out
//! (`Int64` amounts in whole rupiah, status strings, the `id` passed through),
//! with exactly the values and error rows of `jamsos batch` on the same
//! roster as CSV; and the Parquet and Arrow IPC files `jamsos batch` reads and
//! writes through it, streamed batch by batch (a Parquet file row group by row
//! group) over all cores with bounded memory.
//!
//! ```
//! use std::sync::Arc;
//! use arrow_array::{Int64Array, RecordBatch, StringArray, cast::AsArray, types::Int64Type};
//! use arrow_schema::{DataType, Field, Schema};
//! use jamsos_arrow::{Kernel, KernelOptions};
//!
//! let schema = Arc::new(Schema::new(vec![
//!     Field::new("id", DataType::Utf8, false),
//!     Field::new("category", DataType::Utf8, true),
//!     Field::new("income", DataType::Int64, true),
//! ]));
//! let roster = RecordBatch::try_new(schema.clone(), vec![
//!     Arc::new(StringArray::from(vec!["PSK-001", "PSK-002"])),
//!     Arc::new(StringArray::from(vec!["bpu", "bpu"])),
//!     Arc::new(Int64Array::from(vec![900_000, 0])),
//! ])?;
//! let options = KernelOptions::new("2026-04".parse()?);
//! let mut kernel = Kernel::new(&schema, options)?;
//! let mut summary = jamsos_batch::Summary::default();
//! let result = kernel.assess(&roster, 0, &mut summary)?;
//! // D-17: Rp900,000 pays on row 1 of the income table (Rp1,000,000), and
//! // D-21: PP 50/2025 halves the minimum package to Rp8,400 in 2026-04.
//! let total = result.column_by_name("total_participant").ok_or("no column")?;
//! assert_eq!(total.as_primitive::<Int64Type>().value(0), 8_400);
//! assert!(total.is_null(1)); // PSK-002: invalid_amount (D-4: at least Rp1)
//! assert_eq!(summary.all.errors, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod io;
mod kernel;
mod pipe;

pub use io::{
    Batches, InputFormat, OutputFormat, Sink, format_rows, open_columnar, roster_column_type,
    run_columnar, run_csv_into, sink, typed_roster,
};
pub use kernel::{Kernel, KernelOptions, UNIT_ROWS, result_schema};

pub use arrow_schema::ArrowError;
use jamsos_batch::BatchError;

/// Why a columnar batch could not run (exit 1); row errors are never this.
#[derive(Debug)]
#[non_exhaustive]
pub enum KernelError {
    /// The header, `--keep` or `--group-by` (as for a CSV roster), or I/O.
    Batch(BatchError),
    /// A column the roster reads has a type the kernel does not read.
    ColumnType {
        /// The column.
        column: String,
        /// Its Arrow type.
        data_type: String,
    },
    /// Reading or writing Arrow data failed.
    Arrow(arrow_schema::ArrowError),
    /// Reading or writing a Parquet file failed.
    Parquet(parquet::errors::ParquetError),
}

impl std::fmt::Display for KernelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KernelError::Batch(e) => write!(f, "{e}"),
            KernelError::ColumnType { column, data_type } => write!(
                f,
                "column {column} has type {data_type}: a roster column is text, an integer, a boolean or a date (no floating point near money)"
            ),
            KernelError::Arrow(e) => write!(f, "{e}"),
            KernelError::Parquet(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for KernelError {}

impl From<std::io::Error> for KernelError {
    fn from(e: std::io::Error) -> KernelError {
        KernelError::Batch(BatchError::Io(e))
    }
}

impl From<parquet::errors::ParquetError> for KernelError {
    fn from(e: parquet::errors::ParquetError) -> KernelError {
        KernelError::Parquet(e)
    }
}
