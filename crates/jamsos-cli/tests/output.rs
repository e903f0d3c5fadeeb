//! `jamsos batch --output FILE` is never half-written: the result is staged
//! in a temporary file beside FILE and renamed onto it only when the batch
//! has finished. These tests stop runs in the middle (SIGINT, SIGTERM, SIGHUP,
//! SIGKILL, a failure) and look at the path; and a closed standard output
//! (`| head`) ends the batch quietly with exit 0.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn jamsos() -> Command {
    Command::new(env!("CARGO_BIN_EXE_jamsos"))
}

/// A fresh directory for one test.
fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("output-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn roster(rows: u64) -> Vec<u8> {
    let out = jamsos()
        .args(["sample-roster", "--rows", &rows.to_string()])
        .output()
        .unwrap();
    assert!(out.status.success());
    out.stdout
}

/// The temporary files in `dir` (everything but `keep`).
fn others(dir: &Path, keep: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != keep)
        .collect()
}

/// Starts a batch writing to `dir/out.csv` and feeds it `rows` rows of a
/// roster on standard input without closing it, so the run is in the middle
/// of its input (results already written to the temporary file) until it is
/// stopped. Returns the child and its open standard input.
fn start_mid_run(dir: &Path, rows: u64) -> (Child, std::process::ChildStdin) {
    let mut child = jamsos()
        .args(["batch", "--period", "2026-04", "--output"])
        .arg(dir.join("out.csv"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&roster(rows)).unwrap();
    stdin.flush().unwrap();
    // Wait until results have reached the temporary file.
    let started = Instant::now();
    loop {
        let written: u64 = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
            .map(|e| e.metadata().unwrap().len())
            .sum();
        if written > 0 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no result was written"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    (child, stdin)
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success());
}

/// Signal names and their numbers (Linux).
const CAUGHT: [(&str, i32); 3] = [("INT", 2), ("TERM", 15), ("HUP", 1)];

#[test]
fn interrupted_run_leaves_the_existing_file_untouched_and_removes_its_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    for (name, number) in CAUGHT {
        let d = dir(&format!("interrupted-{name}"));
        let out = d.join("out.csv");
        std::fs::write(&out, "yesterday's result\n").unwrap();
        // 60,000 rows: several megabytes of results, past every buffer.
        let (mut child, stdin) = start_mid_run(&d, 60_000);
        signal(&child, name);
        let status = child.wait().unwrap();
        drop(stdin);
        assert_eq!(status.signal(), Some(number), "SIG{name}: {status:?}");
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "yesterday's result\n"
        );
        assert_eq!(others(&d, "out.csv"), Vec::<String>::new(), "SIG{name}");
    }
}

#[test]
fn interrupted_run_creates_no_file() {
    let d = dir("interrupted-new");
    let (mut child, stdin) = start_mid_run(&d, 60_000);
    signal(&child, "TERM");
    child.wait().unwrap();
    drop(stdin);
    assert_eq!(others(&d, ""), Vec::<String>::new());
}

#[test]
fn killed_run_leaves_the_existing_file_untouched() {
    let d = dir("killed");
    let out = d.join("out.csv");
    std::fs::write(&out, "yesterday's result\n").unwrap();
    let (mut child, stdin) = start_mid_run(&d, 60_000);
    // SIGKILL cannot be caught: the temporary file stays, hidden, beside the
    // result; the result itself is untouched.
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "yesterday's result\n"
    );
    for name in others(&d, "out.csv") {
        assert!(
            name.starts_with(".out.csv.") && name.ends_with(".part"),
            "{name}"
        );
    }
}

#[test]
fn failed_run_leaves_the_existing_file_untouched() {
    let d = dir("failed");
    let out = d.join("out.csv");
    std::fs::write(&out, "yesterday's result\n").unwrap();
    // No id column: the batch cannot run (exit 1).
    let mut child = jamsos()
        .args(["batch", "--period", "2026-04", "--output"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all(b"name,category\nA,pu\n");
    let result = child.wait_with_output().unwrap();
    assert_eq!(result.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&result.stderr).contains("no id column"));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "yesterday's result\n"
    );
    assert_eq!(others(&d, "out.csv"), Vec::<String>::new());
}

#[test]
fn finished_run_replaces_the_file_whole_and_leaves_nothing_else() {
    let d = dir("finished");
    let out = d.join("out.csv");
    std::fs::write(&out, "yesterday's result\n").unwrap();
    let input = roster(2_000);
    let mut child = jamsos()
        .args(["batch", "--period", "2026-04", "--output"])
        .arg(&out)
        .args(["--summary"])
        .arg(d.join("summary.json"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let result = child.wait_with_output().unwrap();
    assert!(result.status.success());
    assert!(result.stdout.is_empty());
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 2_001);
    assert!(text.ends_with('\n'));
    // The same bytes as standard output gives.
    let streamed = jamsos()
        .args(["batch", "--period", "2026-04"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut streamed = streamed;
    streamed.stdin.take().unwrap().write_all(&input).unwrap();
    let streamed = streamed.wait_with_output().unwrap();
    assert_eq!(streamed.stdout, text.as_bytes());
    let mut names = others(&d, "");
    names.sort();
    assert_eq!(names, ["out.csv", "summary.json"]);
}

#[test]
fn closed_standard_output_ends_quietly_with_exit_0() {
    let input = roster(50_000);
    let mut child = jamsos()
        .args(["batch", "--period", "2026-04"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        // The batch may stop reading once its output is closed.
        let _ = stdin.write_all(&input);
    });
    // Like `head -1`: read the first line, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 3];
    stdout.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"id,");
    drop(stdout);
    let result = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(result.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&result.stderr), "");
}
