//! Bulk rosters: `jamsos batch` (CONTRACT.md §2). A CSV roster (or NDJSON
//! cases) in, exactly one result per input row out, in input order; a bad
//! row becomes an error row and never stops the batch.
//!
//! The input streams through a bounded pipeline: one thread cuts whole
//! records into chunks, one worker per core decodes each row with the
//! contract's checks ([`jamsos_contract::Roster`]) and assesses it with the
//! domain crates (each month's wage-earner rules resolved once per worker),
//! and the calling thread writes the chunks back in order. Memory is a few
//! chunks per thread whatever the roster's length.
//!
//! ```
//! use jamsos_batch::{Config, run};
//!
//! let roster = "id,category,income\nPSK-001,bpu,900000\nPSK-002,bpu,2150000\n,bpu,1000000\n";
//! let mut out = Vec::new();
//! let summary = run(roster.as_bytes(), &mut out, &Config::new("2026-04".parse()?))?;
//! let out = String::from_utf8(out)?;
//! let mut rows = out.lines().skip(1);
//! // D-17, D-21: 900,000 pays on row 1's 1,000,000 (JKK 10,000) and 2,150,000
//! // on row 7's 2,200,000 (JKK 22,000); PP 50/2025 halves JKK and JKM
//! // (6,800) in 2026-04.
//! assert!(rows.next().is_some_and(|r| r.starts_with("PSK-001,ok,,,0,5000,0,0,3400,0,")));
//! assert!(rows.next().is_some_and(|r| r.starts_with("PSK-002,ok,,,0,11000,0,0,3400,0,")));
//! // A row without an id is an error row labelled with its line (CONTRACT.md §2).
//! assert!(rows.next().is_some_and(|r| r.starts_with("4,error,missing_field,")));
//! assert_eq!((summary.all.ok, summary.all.errors), (2, 1));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod columns;
mod csv;
mod ndjson;
mod outcome;
mod run;
pub mod sample;
mod summary;

pub use columns::{detect_delimiter, suggestion, unknown_column_notice};
pub use outcome::{AMOUNT_COLUMNS, Outcome, RulesCache, assess_row, assess_row_cells_into};
pub use run::{
    BatchError, Config, Format, OUTPUT_COLUMNS, error_message, output_header, run, write_field,
    write_result, write_u64,
};
pub use summary::{Summary, Tally};
