//! The bodies of jamsos's fuzz targets, as plain functions of the input
//! bytes: the libFuzzer binaries in `fuzz_targets/` call them on nightly,
//! and `tests/replay.rs` runs the checked-in corpus through them on stable.
//! Every body panics when a property fails; a panic is a finding.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "fuzz harness: a panic is how a failed property is reported"
)]

pub mod contract;
pub mod csv;
pub mod structured;
pub mod tables;

pub use tables::table_lookup;

/// A target's body.
pub type Body = fn(&[u8]);

/// Every target, by name, as `tests/replay.rs` and `.ci/fuzz` see them.
pub const TARGETS: [(&str, Body); 5] = [
    ("contract_bytes", contract_bytes),
    ("contract_structured", contract_structured),
    ("csv_reader", csv_reader),
    ("csv_structured", csv_structured),
    ("table_lookup", table_lookup),
];

/// `contract_bytes`: raw bytes as a document to all four commands.
pub fn contract_bytes(data: &[u8]) {
    contract::check_document(data);
}

/// `contract_structured`: a case, claim or fine document built from the
/// bytes, serialised (sometimes slightly malformed), through all commands.
pub fn contract_structured(data: &[u8]) {
    if let Some(doc) = structured::document(data) {
        contract::check_document(doc.as_bytes());
    }
}

/// `csv_reader`: raw bytes as a roster through `jamsos_batch::run`.
pub fn csv_reader(data: &[u8]) {
    csv::check_roster(data);
}

/// `csv_structured`: rows of arbitrary cells written as CSV with random
/// quoting and line ends must come back cell for cell.
pub fn csv_structured(data: &[u8]) {
    csv::check_structured(data);
}
