//! The C example (`examples/c/jamsos_example.c`) compiled with the system's
//! C compiler against the cdylib of this very build, and the Python example
//! (`examples/python/jamsos.py`, ctypes only) run with `python3`: both must
//! print, byte for byte, the document `jamsos_contract::respond` gives and
//! exit with its status, for one case per category, an eligibility, a
//! benefit and a fine from `testdata/`, and invalid input.
//!
//! Unix only: the library's file name and the loader's search path variable
//! are Unix conventions (Linux `.so` and `LD_LIBRARY_PATH`, macOS `.dylib`
//! and `DYLD_LIBRARY_PATH`).
#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests: a failing test should fail loudly"
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use jamsos_contract::{self as contract, Command as ContractCommand, Settings, Status};
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shared library's file name on this platform.
const LIBRARY: &str = if cfg!(target_os = "macos") {
    "libjamsos_ffi.dylib"
} else {
    "libjamsos_ffi.so"
};

/// The loader's search path variable on this platform.
const LIBRARY_PATH: &str = if cfg!(target_os = "macos") {
    "DYLD_LIBRARY_PATH"
} else {
    "LD_LIBRARY_PATH"
};

/// The directory of the cdylib built with this test.
///
/// Cargo builds every crate type of the library (`cdylib`, `staticlib`,
/// `rlib`) in the one compiler run that the tests link against, into the
/// `deps` directory that holds this test executable; it copies them up to
/// `target/<profile>/` only for `cargo build`. So `deps` is looked at first
/// (always this build's library), then its parent.
fn library_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let exe = std::env::current_exe().unwrap();
        let deps = exe.parent().unwrap().to_path_buf();
        let candidates = [deps.clone(), deps.parent().unwrap().to_path_buf()];
        candidates
            .iter()
            .find(|dir| dir.join(LIBRARY).is_file())
            .unwrap_or_else(|| {
                panic!(
                    "{LIBRARY} not found in {} or its parent: cargo should have built the \
                     cdylib with this test (crate-type in crates/jamsos-ffi/Cargo.toml)",
                    deps.display()
                )
            })
            .clone()
    })
}

/// The C example, compiled once per test run with `$CC` (else `cc`) and
/// warnings as errors, so the header is checked too.
fn c_example() -> &'static Path {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(|| {
        let dir = library_dir().join("ffi-examples");
        std::fs::create_dir_all(&dir).unwrap();
        // Compiled under a name of this process's own, then renamed into
        // place: two test runs at once never write the same file, and
        // runs do not pile up executables.
        let exe = dir.join("jamsos_example");
        let fresh = dir.join(format!("jamsos_example-{}", std::process::id()));
        let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_owned());
        // `CC` may carry its own flags (`gcc -m64`).
        let mut words = cc.split_whitespace();
        let mut command = Command::new(words.next().unwrap_or("cc"));
        command
            .args(words)
            .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic"])
            .arg(repo().join("examples/c/jamsos_example.c"))
            .arg("-I")
            .arg(repo().join("crates/jamsos-ffi/include"))
            .arg("-L")
            .arg(library_dir())
            .arg("-ljamsos_ffi")
            .arg("-o")
            .arg(&fresh);
        let output = command
            .output()
            .unwrap_or_else(|e| panic!("cannot run the C compiler `{cc}`: {e}"));
        assert!(
            output.status.success(),
            "the C example does not compile with `{cc}`:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::rename(&fresh, &exe).unwrap();
        exe
    })
}

/// Runs `command` with `stdin` as standard input and the library on the
/// loader's path: its exit code and standard output.
fn run(mut command: Command, stdin: &[u8]) -> (i32, String) {
    let mut child = command
        .env(LIBRARY_PATH, library_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // Written from another thread so that a large answer cannot block the
    // child while it is still being fed.
    let writer = std::thread::spawn(move || pipe.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output
        .status
        .code()
        .unwrap_or_else(|| panic!("{command:?} was killed: {stderr}"));
    (code, String::from_utf8(output.stdout).unwrap())
}

fn python_example() -> Command {
    let mut command = Command::new("python3");
    command
        .arg(repo().join("examples/python/jamsos.py"))
        .arg("--lib")
        .arg(library_dir().join(LIBRARY));
    command
}

/// The `input` of the golden case `name` in `testdata/<file>`.
fn golden_input(file: &str, name: &str) -> String {
    let text = std::fs::read_to_string(repo().join("testdata").join(file)).unwrap();
    let cases: Value = serde_json::from_str(&text).unwrap();
    let case = cases
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no case {name} in testdata/{file}"));
    case["input"].to_string()
}

/// The cases both examples answer: one per category, an eligibility, a
/// benefit and a fine, and invalid input.
fn cases() -> Vec<(ContractCommand, String)> {
    let data =
        |file: &str| std::fs::read_to_string(repo().join("examples/data").join(file)).unwrap();
    let mut cases: Vec<(ContractCommand, String)> = [
        "pu-medium-factory.json",
        "bpu-market-trader.json",
        "jakon-contract.json",
        "pmi-agency.json",
    ]
    .into_iter()
    .map(|file| (ContractCommand::Contribution, data(file)))
    .collect();
    cases.push((ContractCommand::Eligibility, data("pu-medium-factory.json")));
    cases.push((
        ContractCommand::Benefit,
        golden_input("benefit/jkm.json", "jkm-pp82-no-children-42m"),
    ));
    cases.push((
        ContractCommand::Fine,
        golden_input("fine/fines.json", "fine-contract-example"),
    ));
    // Risk class 6 does not exist: the contract's error document, status 2.
    cases.push((
        ContractCommand::Contribution,
        data("pu-medium-factory.json").replace(r#""risk_class": 3"#, r#""risk_class": 6"#),
    ));
    // Not JSON at all.
    cases.push((ContractCommand::Fine, "{".to_owned()));
    cases
}

/// Runs every case through `example` and compares with the facade.
fn answers_every_case_like_the_facade(example: impl Fn() -> Command) {
    let mut statuses = Vec::new();
    for (command, input) in cases() {
        let expected = contract::respond(command, &input, &Settings::default());
        let mut process = example();
        process.args([command.name(), "-"]);
        let (code, stdout) = run(process, input.as_bytes());
        assert_eq!(
            stdout,
            format!("{}\n", expected.json),
            "{} on {input}",
            command.name()
        );
        assert_eq!(
            code,
            expected.status as i32,
            "{} on {input}",
            command.name()
        );
        statuses.push(expected.status);
    }
    // The cases cover both documents: 7 results, then 2 errors.
    let results = statuses.iter().filter(|s| **s == Status::Ok).count();
    assert_eq!((results, statuses.len()), (7, 9));
}

#[test]
fn the_c_example_answers_every_case_like_the_facade() {
    let exe = c_example();
    answers_every_case_like_the_facade(|| Command::new(exe));
}

#[test]
fn the_python_example_answers_every_case_like_the_facade() {
    answers_every_case_like_the_facade(python_example);
}

#[test]
fn the_examples_read_a_file_too() {
    let path = repo().join("examples/data/jakon-contract.json");
    let input = std::fs::read_to_string(&path).unwrap();
    let expected = contract::respond(ContractCommand::Contribution, &input, &Settings::default());
    assert_eq!(expected.status, Status::Ok);
    for mut process in [Command::new(c_example()), python_example()] {
        process.arg("contribution").arg(&path);
        assert_eq!(run(process, b""), (0, format!("{}\n", expected.json)));
    }
    // A command the library does not know: refused, no document, exit 3.
    for mut process in [Command::new(c_example()), python_example()] {
        process.args(["Contribution", "-"]);
        assert_eq!(run(process, input.as_bytes()), (3, String::new()));
    }
}

#[test]
fn the_c_demonstration_shows_a_result_an_error_and_a_refusal() {
    // The demonstration's own cases, as written in the C file.
    let trader = r#"{"period": "2026-10", "participant": {"category": "bpu", "income": 1000000}}"#;
    let bad_class = r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 6, "scale": "medium"}}"#;
    let respond =
        |case| contract::respond(ContractCommand::Contribution, case, &Settings::default());
    let expected = format!(
        "jamsos {version}, contract version 1\n\
         contribution: status 0\n{}\n\
         invalid case: status 2\n{}\n\
         unknown command: status -2\n(no document)\n",
        respond(trader).json,
        respond(bad_class).json,
        version = env!("CARGO_PKG_VERSION"),
    );
    assert_eq!(run(Command::new(c_example()), b""), (0, expected));
}

#[test]
fn the_python_demonstration_shows_a_result_an_error_and_a_refusal() {
    // The amounts are the regulation's, not the library's: PP 50/2025 gives
    // a trader at Rp1,000,000 JKK 5,000 + JKM 3,400; CONTRACT.md §5's fine
    // example is 2% of Rp1,000,000 for one started month, due 17 February
    // 2025 (the 15th is a Saturday).
    let expected = format!(
        "jamsos {}, contract version 1\n\
         contribution: status 0, participant pays 8400\n\
         invalid case: status 2, invalid_risk_class at participant.risk_class\n\
         fine: status 0, due 2025-02-17, fine 20000\n\
         unknown command: unknown command (status -2)\n",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(run(python_example(), b""), (0, expected));
}
