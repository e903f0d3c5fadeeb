//! The native half of the Python package `jamsos` (the pure-Python half is
//! `python/jamsos/`): thin calls into the workspace's crates, so Python, the
//! command line and every other binding answer with the same values.
//!
//! - `respond`: one JSON document in, the command line's status and JSON
//!   document out ([`jamsos_contract::respond`]).
//! - `assess`: a roster through the Arrow C stream interface into the
//!   columnar kernel ([`jamsos_arrow::Kernel`]), the GIL released while it
//!   computes on every core, a `pyarrow.Table` out.

use std::num::NonZeroUsize;
use std::sync::Arc;

use arrow_array::ffi_stream::RecordBatchStreamReader;
use arrow_array::{RecordBatch, RecordBatchIterator, RecordBatchReader};
use arrow_pyarrow::{FromPyArrow, IntoPyArrow, ToPyArrow};
use arrow_schema::{ArrowError, SchemaRef};
use jamsos_arrow::{Kernel, KernelError, KernelOptions, result_schema};
use jamsos_contract::{CallerGrid, Command};
use jamsos_core::Period;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

/// A caller's income grid (CSV text `from,to,nominal`), read and checked
/// once, or the built-in one (D-17).
fn caller_grid(income_grid: Option<&str>) -> PyResult<CallerGrid> {
    match income_grid {
        None => Ok(CallerGrid::BUILT_IN),
        Some(text) => CallerGrid::parse(text).map_err(PyValueError::new_err),
    }
}

/// Answers one document with the command named `command`, exactly as the
/// command line would: `(status, json)`, status 0 for a result, 2 for the
/// contract's error document (invalid input), 1 for an internal failure.
#[pyfunction]
#[pyo3(signature = (command, document, income_grid=None))]
fn respond(
    py: Python<'_>,
    command: &str,
    document: String,
    income_grid: Option<String>,
) -> PyResult<(u8, String)> {
    let command = Command::from_name(command)
        .ok_or_else(|| PyValueError::new_err(format!("unknown command {command:?}")))?;
    let grid = caller_grid(income_grid.as_deref())?;
    let settings = grid.settings();
    // A case takes microseconds; releasing the GIL lets other threads run
    // their own cases meanwhile.
    let response = py.detach(|| jamsos_contract::respond(command, &document, &settings));
    Ok((response.status as u8, response.json))
}

fn kernel_error(e: KernelError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// The roster's batches, read through its `__arrow_c_stream__` (zero-copy:
/// the arrays stay the producer's). A pandas DataFrame without the
/// interface goes through `pyarrow.Table.from_pandas` first.
fn read_roster(roster: &Bound<'_, PyAny>) -> PyResult<(SchemaRef, Vec<RecordBatch>)> {
    let py = roster.py();
    let source = if roster.hasattr("__arrow_c_stream__")? {
        roster.clone()
    } else if roster
        .get_type()
        .module()
        .is_ok_and(|m| m.to_string().starts_with("pandas"))
    {
        let table = py.import("pyarrow")?.getattr("Table")?;
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("preserve_index", false)?;
        table.call_method("from_pandas", (roster,), Some(&kwargs))?
    } else {
        return Err(PyTypeError::new_err(format!(
            "a roster is an object with __arrow_c_stream__ (pyarrow, polars, DuckDB, pandas), not {}",
            roster.get_type().name()?
        )));
    };
    // Read with the GIL held: a stream may be produced by Python code.
    let reader = RecordBatchStreamReader::from_pyarrow_bound(&source)?;
    let schema = reader.schema();
    let batches = reader
        .collect::<Result<Vec<_>, ArrowError>>()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok((schema, batches))
}

/// `jamsos.assess`: a roster in, a `pyarrow.Table` out (see the Python
/// docstring).
#[pyfunction]
#[pyo3(signature = (roster, period, income_grid=None, allow_extra_columns=false, keep=Vec::new(), threads=None))]
fn assess<'py>(
    roster: &Bound<'py, PyAny>,
    period: &str,
    income_grid: Option<String>,
    allow_extra_columns: bool,
    keep: Vec<String>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = roster.py();
    let period: Period = period
        .parse()
        .map_err(|_| PyValueError::new_err(format!("period {period:?} is not a month YYYY-MM")))?;
    let grid = caller_grid(income_grid.as_deref())?;
    let (schema, batches) = read_roster(roster)?;
    let threads = threads
        .or_else(|| {
            std::thread::available_parallelism()
                .ok()
                .map(NonZeroUsize::get)
        })
        .unwrap_or(1)
        .max(1);
    let (output, results) = py.detach(|| -> PyResult<(SchemaRef, Vec<RecordBatch>)> {
        let mut options = KernelOptions::new(period);
        options.settings = grid.settings();
        options.allow_extra_columns = allow_extra_columns;
        options.keep = &keep;
        let kernel = Kernel::new(&schema, options).map_err(kernel_error)?;
        // The kernel spreads the roster over the threads (one place for it).
        let results = kernel.assess_all(&batches, threads).map_err(kernel_error)?;
        Ok((kernel.schema(), results))
    })?;
    let reader: Box<dyn RecordBatchReader + Send> = Box::new(RecordBatchIterator::new(
        results.into_iter().map(Ok),
        output,
    ));
    reader.into_pyarrow(py)?.call_method0("read_all")
}

/// The `pyarrow.Schema` of `assess`'s result without kept columns.
#[pyfunction]
fn result_schema_py(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Arc::unwrap_or_clone(result_schema(&[])).to_pyarrow(py)
}

/// The native module `jamsos._jamsos`.
#[pymodule]
fn _jamsos(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CONTRACT_VERSION", jamsos_contract::VERSION)?;
    m.add_function(wrap_pyfunction!(respond, m)?)?;
    m.add_function(wrap_pyfunction!(assess, m)?)?;
    m.add("result_schema", wrap_pyfunction!(result_schema_py, m)?)?;
    Ok(())
}
