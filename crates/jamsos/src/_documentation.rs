//! The repository's long-form documentation, compiled into the API docs: the
//! law as dated figures, the rules jamsos decides where the law is silent, the
//! wire format, the tables in code, and why the crates are built as they are.
//!
//! Each page below is a file of the repository's `docs/` folder, rendered as
//! it is on the repository's web view (links between pages point to the
//! Markdown files):
//!
//! | page | file | what it answers |
//! |---|---|---|
//! | [`regulations`] | `docs/REGULATIONS.md` | What does the law say, from when, on what evidence? Every rate, cap, amount, age and date with its source and confidence. |
//! | [`decisions`] | `docs/DECISIONS.md` | What does jamsos do where the law is silent or the sources disagree? The rules `D-1` … `D-37` that code, tests and results cite. |
//! | [`contract`] | `docs/CONTRACT.md` | What do the command line, the bindings and a service read and write? The interchange contract, version 1. |
//! | [`rules`] | `docs/RULES.md` | Which table holds which figure, from which period, citing what? Generated from [`crate::rules::TABLES`]. |
//! | [`errors`] | `docs/ERRORS.md` | What does each error code mean, and which input produces it? |
//! | [`design`] | `docs/DESIGN.md` | Why are the crates, types and checks built this way? |
//! | [`rounding`] | `docs/ROUNDING.md` | How does `wage × rate` become whole rupiah? |
//! | [`glossary`] | `docs/GLOSSARY.md` | Which Indonesian term is which Rust item and contract value? |
//! | [`changelog`] | `CHANGELOG.md` | What changed in each release, and how to migrate? |
//!
//! # How the files get here
//!
//! `cargo package` puts only the files inside a crate's directory into the
//! package, and `include_str!` of a path outside it (`../../docs/…`) would
//! build in the repository but not from the published crate. So
//! `crates/jamsos/docs/` holds symbolic links to the repository's files
//! (`docs/REGULATIONS.md`, …, `CHANGELOG.md`, `README.md` and each crate's
//! `README.md`), and this module includes the links. Cargo follows a link when
//! it packages a crate, so the published crate carries the text itself. The
//! repository keeps one copy of every page; the test `tests/documentation.rs`
//! checks that every link reads the same bytes as its file (it fails on a
//! checkout that turned the links into plain files, as Git does on a system
//! without symbolic links).

// The pages are written for the repository's web view, where bracketed
// confidence tags such as `[PRIMARY]` or `[DERIVED]` are text; rustdoc would
// take them for links to Rust items.
#![allow(
    rustdoc::broken_intra_doc_links,
    reason = "the pages are Markdown for people; bracketed tags like [PRIMARY] are text, not item links"
)]

/// `docs/REGULATIONS.md`: the law as dated figures, with sources and confidence.
pub mod regulations {
    #![doc = include_str!("../docs/REGULATIONS.md")]
}

/// `docs/DECISIONS.md`: the rules `D-n` jamsos implements.
pub mod decisions {
    #![doc = include_str!("../docs/DECISIONS.md")]
}

/// `docs/CONTRACT.md`: the interchange contract, version 1.
pub mod contract {
    #![doc = include_str!("../docs/CONTRACT.md")]
}

/// `docs/RULES.md`: every table of `jamsos-rules`, row by row (generated).
pub mod rules {
    #![doc = include_str!("../docs/RULES.md")]
}

/// `docs/ERRORS.md`: every error code and what produces it.
pub mod errors {
    #![doc = include_str!("../docs/ERRORS.md")]
}

/// `docs/DESIGN.md`: why jamsos is built the way it is.
pub mod design {
    #![doc = include_str!("../docs/DESIGN.md")]
}

/// `docs/ROUNDING.md`: one rounding per line, and why.
pub mod rounding {
    #![doc = include_str!("../docs/ROUNDING.md")]
}

/// `docs/GLOSSARY.md`: Indonesian terms, Rust items and contract values.
pub mod glossary {
    #![doc = include_str!("../docs/GLOSSARY.md")]
}

/// `CHANGELOG.md`: what changed in each release.
pub mod changelog {
    #![doc = include_str!("../docs/CHANGELOG.md")]
}

/// The examples of the repository's README and of each crate's README,
/// compiled and run by `cargo test --doc` (never part of the built library).
#[cfg(doctest)]
mod readme_examples {
    #[doc = include_str!("../docs/README.md")]
    struct Repository;

    #[doc = include_str!("../README.md")]
    struct Facade;

    #[doc = include_str!("../docs/crates/jamsos-core.md")]
    struct Core;

    #[doc = include_str!("../docs/crates/jamsos-rules.md")]
    struct Rules;

    #[doc = include_str!("../docs/crates/jamsos-worker.md")]
    struct Worker;

    #[doc = include_str!("../docs/crates/jamsos-eligibility.md")]
    struct Eligibility;

    #[doc = include_str!("../docs/crates/jamsos-contribution.md")]
    struct Contribution;

    #[doc = include_str!("../docs/crates/jamsos-benefit.md")]
    struct Benefit;

    #[doc = include_str!("../docs/crates/jamsos-batch.md")]
    struct Batch;
}
