//! Runs the built `jamsos` binary with arguments and standard input.

use std::io::Write;
use std::process::{Command, Stdio};

/// Exit code, standard output and standard error of `jamsos args < stdin`.
pub(crate) fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jamsos"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that stops before reading its input (exit 1) closes the pipe;
    // that is its answer, not a failure of the test.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}
