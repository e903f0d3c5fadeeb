//! The native half of the Python package `jamsos` (the pure-Python half is
//! `python/jamsos/`): one function per job, each a thin call into the
//! workspace's crates, so Python, the command line and every other binding
//! answer with the same bytes.
//!
//! - [`respond`]: one JSON document in, the command line's status and JSON
//!   document out ([`jamsos::contract::respond`]).
//! - `assess`: a roster through the Arrow C stream interface into the
//!   columnar kernel, the GIL released while it computes.

use jamsos::contract::{Command, IncomeBracket, IncomeGrid, Settings, parse_income_grid};
use pyo3::exceptions::{PyValueError};
use pyo3::prelude::*;

/// The brackets of a caller's income grid (CSV text `from,to,nominal`), or
/// none for the built-in one (D-17).
fn brackets(income_grid: Option<&str>) -> PyResult<Vec<IncomeBracket>> {
    match income_grid {
        None => Ok(Vec::new()),
        Some(text) => parse_income_grid(text).map_err(PyValueError::new_err),
    }
}

/// The settings over `brackets`: the official grid when there is one.
fn settings(brackets: &[IncomeBracket]) -> PyResult<Settings<'_>> {
    if brackets.is_empty() {
        return Ok(Settings::default());
    }
    let grid = IncomeGrid::official(brackets).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(Settings {
        income_grid: Some(grid),
    })
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
    let brackets = brackets(income_grid.as_deref())?;
    let settings = settings(&brackets)?;
    // A case takes microseconds; releasing the GIL lets other threads run
    // their own cases meanwhile.
    let response = py.detach(|| jamsos::contract::respond(command, &document, &settings));
    Ok((response.status as u8, response.json))
}

/// The native module `jamsos._jamsos`.
#[pymodule]
fn _jamsos(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CONTRACT_VERSION", jamsos::contract::VERSION)?;
    m.add_function(wrap_pyfunction!(respond, m)?)?;
    Ok(())
}
