//! The stable shim: runs every checked-in input of every target
//! (`corpus/<target>/*` and `regressions/<target>/*`) through the target's
//! body, on the stable toolchain, without libFuzzer. `FUZZ_REPLAY_DIR=<dir>`
//! and `FUZZ_REPLAY_TARGET=<name>` replay another directory (e.g. a working
//! corpus) through one target instead.
#![allow(clippy::panic, clippy::unwrap_used, reason = "test")]

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Runs each file through `body`, collecting every failure instead of
/// stopping at the first.
fn replay(name: &str, body: fn(&[u8]), dirs: &[PathBuf]) -> (usize, Vec<String>) {
    let mut count = 0;
    let mut failures = Vec::new();
    for dir in dirs {
        for file in files(dir) {
            let data = std::fs::read(&file).unwrap();
            count += 1;
            if let Err(e) = std::panic::catch_unwind(|| body(&data)) {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                failures.push(format!("{name}: {}: {msg}", file.display()));
            }
        }
    }
    (count, failures)
}

#[test]
fn corpus_and_regressions_replay_cleanly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let only = std::env::var("FUZZ_REPLAY_TARGET").ok();
    let extra = std::env::var("FUZZ_REPLAY_DIR").ok();
    let mut failures = Vec::new();
    let mut total = 0;
    for (name, body) in jamsos_fuzz::TARGETS {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let dirs = match &extra {
            Some(dir) => vec![PathBuf::from(dir)],
            None => vec![
                root.join("corpus").join(name),
                root.join("regressions").join(name),
            ],
        };
        let (count, mut f) = replay(name, body, &dirs);
        eprintln!("{name}: {count} inputs, {} failures", f.len());
        total += count;
        failures.append(&mut f);
    }
    assert!(
        only.is_some() || extra.is_some() || total > 0,
        "no corpus found"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_target_has_a_libfuzzer_binary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, _) in jamsos_fuzz::TARGETS {
        assert!(
            root.join("fuzz_targets")
                .join(format!("{name}.rs"))
                .is_file(),
            "{name}"
        );
    }
}
