//! The pages of `jamsos::_documentation` are included from
//! `crates/jamsos/docs/`, symbolic links to the repository's own files, so
//! that the published crate carries them (`cargo package` follows a link and
//! packages the text). This test checks that every link there reads exactly
//! the bytes of the file it stands for, and that each repository page has its
//! link: a checkout that turned the links into plain files (Git does, on a
//! system without symbolic links), or a link replaced by a stale copy, fails
//! here instead of publishing the wrong text.

use std::path::Path;

/// (the file under `crates/jamsos/docs/`, the repository file it stands for,
/// relative to the repository root).
const PAGES: &[(&str, &str)] = &[
    ("REGULATIONS.md", "docs/REGULATIONS.md"),
    ("DECISIONS.md", "docs/DECISIONS.md"),
    ("CONTRACT.md", "docs/CONTRACT.md"),
    ("RULES.md", "docs/RULES.md"),
    ("ERRORS.md", "docs/ERRORS.md"),
    ("DESIGN.md", "docs/DESIGN.md"),
    ("ROUNDING.md", "docs/ROUNDING.md"),
    ("GLOSSARY.md", "docs/GLOSSARY.md"),
    ("CHANGELOG.md", "CHANGELOG.md"),
    ("README.md", "README.md"),
    ("crates/jamsos-core.md", "crates/jamsos-core/README.md"),
    ("crates/jamsos-rules.md", "crates/jamsos-rules/README.md"),
    ("crates/jamsos-worker.md", "crates/jamsos-worker/README.md"),
    (
        "crates/jamsos-eligibility.md",
        "crates/jamsos-eligibility/README.md",
    ),
    (
        "crates/jamsos-contribution.md",
        "crates/jamsos-contribution/README.md",
    ),
    (
        "crates/jamsos-benefit.md",
        "crates/jamsos-benefit/README.md",
    ),
    ("crates/jamsos-batch.md", "crates/jamsos-batch/README.md"),
];

#[test]
fn every_page_in_the_crate_is_the_repository_file() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = crate_dir.join("../..");
    for (page, original) in PAGES {
        let included = std::fs::read(crate_dir.join("docs").join(page))
            .unwrap_or_else(|e| panic!("crates/jamsos/docs/{page}: {e}"));
        let original_bytes =
            std::fs::read(root.join(original)).unwrap_or_else(|e| panic!("{original}: {e}"));
        assert!(
            included == original_bytes,
            "crates/jamsos/docs/{page} is not {original}: it should be a symbolic link to it \
             (recreate it with `ln -sf` and check the link in)"
        );
        assert!(
            original_bytes.starts_with(b"# "),
            "{original} does not start with a title"
        );
    }
}

/// Every page of `docs/` written in Markdown is either compiled into the API
/// docs or named here as deliberately left out.
#[test]
fn every_markdown_page_of_docs_is_accounted_for() {
    // Pages about the repository's tooling and its other doors (the C ABI,
    // the page, the HTTP service, the batch command, the Python package)
    // rather than the library.
    const LEFT_OUT: &[&str] = &[
        "BATCH.md",
        "BOUNDARIES.md",
        "FFI.md",
        "FUZZING.md",
        "HTTP.md",
        "PYTHON.md",
        "WEB.md",
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let entries = std::fs::read_dir(root.join("docs")).unwrap_or_else(|e| panic!("docs/: {e}"));
    for entry in entries {
        let name = entry.map(|e| e.file_name()).unwrap_or_default();
        let name = name.to_string_lossy();
        if !name.ends_with(".md") || LEFT_OUT.contains(&name.as_ref()) {
            continue;
        }
        let original = format!("docs/{name}");
        assert!(
            PAGES.iter().any(|(_, o)| *o == original),
            "{original} is neither in jamsos::_documentation nor listed as left out"
        );
    }
}
