//! `jamsos serve` end to end: the built binary on a port the system picks
//! (`--port 0`, the URL on the first line of standard output), spoken to
//! with a raw `TcpStream` on 127.0.0.1: every golden case answers with the
//! bytes `jamsos <command>` prints, a roster with the bytes of `jamsos
//! batch`, the simulator page is served, the access log holds no personal
//! data, and SIGTERM and Ctrl-C stop it gracefully with exit 0.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

#[allow(dead_code, reason = "shared with the other test crates")]
mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The server process, killed when the test ends (even when it fails).
struct Server {
    child: Child,
    port: u16,
    stderr: Option<std::thread::JoinHandle<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jamsos"))
            .arg("serve")
            .args(["--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        // The first line is the URL and nothing else.
        let port = line
            .strip_prefix("http://127.0.0.1:")
            .and_then(|rest| rest.strip_suffix("/\n"))
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("the first line is not the URL: {line:?}"));
        // Standard error is read all along, as a service's log collector
        // would, and handed over when the server has stopped.
        let mut err = child.stderr.take().unwrap();
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = err.read_to_string(&mut text);
            text
        });
        Server {
            child,
            port,
            stderr: Some(stderr),
        }
    }

    /// Sends a signal, waits for the exit and returns its code and the
    /// standard error.
    fn stop_with(mut self, signal: &str) -> (Option<i32>, String) {
        let status = Command::new("kill")
            .args([signal, &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let code = self.child.wait().unwrap().code();
        let err = self.stderr.take().unwrap().join().unwrap();
        (code, err)
    }
}

/// Status, headers (lower-case names) and body of one raw request sent with
/// `Connection: close`.
fn fetch(port: u16, request: &[u8]) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    split(&raw)
}

fn split(raw: &[u8]) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let at = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8(raw[..at].to_vec()).unwrap();
    let mut body = raw[at + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap()[9..12].parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .map(|l| {
            let (name, value) = l.split_once(':').unwrap();
            (name.trim().to_ascii_lowercase(), value.trim().to_owned())
        })
        .collect();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v == "chunked")
    {
        body = dechunk(&body);
    }
    (status, headers, body)
}

fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let end = rest.windows(2).position(|w| w == b"\r\n").unwrap();
        let size = usize::from_str_radix(std::str::from_utf8(&rest[..end]).unwrap(), 16).unwrap();
        rest = &rest[end + 2..];
        if size == 0 {
            return body;
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

fn post(port: u16, target: &str, content_type: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let mut request = format!(
        "POST {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    let (status, _, body) = fetch(port, &request);
    (status, body)
}

fn get(port: u16, target: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
    fetch(
        port,
        format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} header in {headers:?}"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Standard output and exit code of `jamsos args < input`.
fn cli(args: &[&str], input: &[u8]) -> (Vec<u8>, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jamsos"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (out.stdout, out.status.code().unwrap())
}

#[test]
fn every_golden_case_answers_with_the_command_lines_bytes() {
    let server = Server::start(&["--no-access-log"]);
    let mut files = Vec::new();
    let mut dirs = vec![repo().join("testdata")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    let mut cases = 0;
    for file in files {
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for case in doc.as_array().unwrap() {
            let command = case["command"].as_str().unwrap();
            let input = serde_json::to_vec(&case["input"]).unwrap();
            let (want, code) = cli(&[command], &input);
            let (status, got) = post(
                server.port,
                &format!("/v1/{command}"),
                "application/json",
                &input,
            );
            // Exit 0 is 200; exit 2 (invalid input) is 422.
            let want_status = match code {
                0 => 200,
                2 => 422,
                other => panic!("exit {other}"),
            };
            assert_eq!(status, want_status, "{}", case["name"]);
            assert!(
                got == want,
                "{}: {:?}",
                case["name"],
                String::from_utf8_lossy(&got)
            );
            cases += 1;
        }
    }
    assert!(cases > 500);
}

#[test]
fn a_100000_row_roster_gives_the_bytes_of_jamsos_batch() {
    let server = Server::start(&["--no-access-log"]);
    let (roster, _) = cli(&["sample-roster", "--rows", "100000", "--seed", "11"], b"");
    let (want, code) = cli(&["batch", "--period", "2026-04"], &roster);
    assert_eq!(code, 0);
    // Sent from one thread while the answer is read on another.
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        writer.write_all(
            format!(
                "POST /v1/batch?period=2026-04 HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/csv\r\nContent-Length: {}\r\n\r\n",
                roster.len()
            )
            .as_bytes(),
        )?;
        writer.write_all(&roster)
    });
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    sender.join().unwrap().unwrap();
    let (status, _, got) = split(&raw);
    assert_eq!(status, 200);
    assert_eq!(got.len(), want.len());
    assert!(got == want, "the answer differs from jamsos batch");
}

/// A fresh directory with a few files of each type, and a secret file
/// beside it that no request may reach.
fn site(name: &str) -> PathBuf {
    let base = std::env::temp_dir().join(format!("jamsos-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let dir = base.join("web");
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>t</title>").unwrap();
    std::fs::write(dir.join("app.js"), "export const x = 1;\n").unwrap();
    std::fs::write(dir.join("style.css"), "body{}\n").unwrap();
    std::fs::write(dir.join("pkg/m.wasm"), [0, b'a', b's', b'm', 1, 0, 0, 0]).unwrap();
    std::fs::write(base.join("secret.txt"), "must not be served").unwrap();
    dir
}

#[test]
fn the_simulator_page_is_served_beside_the_api() {
    let dir = site("page");
    // `--dir` is kept as a hidden alias of `--web`.
    for flag in ["--web", "--dir"] {
        let server = Server::start(&[flag, dir.to_str().unwrap()]);
        for (target, mime, body) in [
            ("/", "text/html", &b"<!doctype html><title>t</title>"[..]),
            ("/app.js", "text/javascript", b"export const x = 1;\n"),
            ("/style.css", "text/css", b"body{}\n"),
            ("/pkg/m.wasm", "application/wasm", b"\0asm\x01\0\0\0"),
        ] {
            let (status, headers, got) = get(server.port, target);
            assert_eq!(status, 200, "{target}");
            assert!(
                header(&headers, "content-type").starts_with(mime),
                "{target}"
            );
            assert_eq!(got, body, "{target}");
            assert_eq!(header(&headers, "cache-control"), "no-cache", "{target}");
            assert_eq!(header(&headers, "x-content-type-options"), "nosniff");
        }
        for target in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/pkg/..%2f..%2fsecret.txt",
            "/nope.html",
        ] {
            let (status, headers, got) = get(server.port, target);
            assert!(status == 404 || status == 400, "{target}: {status}");
            assert_eq!(header(&headers, "content-type"), "application/json");
            assert!(!String::from_utf8_lossy(&got).contains("must not be served"));
        }
        // The API is still there.
        assert_eq!(get(server.port, "/healthz").0, 200);
    }
    let _ = std::fs::remove_dir_all(dir.parent().unwrap());
}

#[test]
fn a_missing_directory_stops_with_a_message() {
    let out = Command::new(env!("CARGO_BIN_EXE_jamsos"))
        .args(["serve", "--port", "0", "--web", "/nonexistent/jamsos-web"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("jamsos: serve: /nonexistent/jamsos-web"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn sigterm_lets_the_request_in_flight_finish_and_exits_0() {
    let server = Server::start(&[]);
    let case = br#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 3, "scale": "medium", "nik": "3174051705900001"}}"#;
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .write_all(
            format!(
                "POST /v1/contribution HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
                case.len()
            )
            .as_bytes(),
        )
        .unwrap();
    stream.write_all(&case[..30]).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    // A NIK typed into a path is not logged either.
    assert_eq!(get(server.port, "/v1/3174051705900001").0, 404);

    let finisher = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        stream.write_all(&case[30..]).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        raw
    });
    let (code, err) = server.stop_with("-TERM");
    assert_eq!(code, Some(0), "{err}");
    let (status, _, body) = split(&finisher.join().unwrap());
    // Whether `nik` is a field of this build (D-37) or not, the answer is the
    // command line's.
    let (want, exit) = cli(&["contribution"], case);
    assert_eq!(status, if exit == 0 { 200 } else { 422 });
    assert_eq!(body, want);

    // One access-log line per request, JSON, with no body, NIK or wage.
    let lines: Vec<serde_json::Value> = err
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert_eq!(lines[0]["path"], "/v1/################");
    assert_eq!(lines[0]["status"], 404);
    assert_eq!(lines[1]["method"], "POST");
    assert_eq!(lines[1]["path"], "/v1/contribution");
    assert_eq!(lines[1]["status"], status);
    assert_eq!(lines[1]["bytes"].as_u64(), Some(want.len() as u64));
    assert!(lines[1]["duration_us"].as_u64().unwrap() > 0);
    for line in &lines {
        let mut keys: Vec<&String> = line.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["bytes", "duration_us", "method", "path", "status"]);
    }
    assert!(
        !err.contains("3174051705900001") && !err.contains("10000000"),
        "{err}"
    );
}

#[test]
fn ctrl_c_exits_0() {
    // The handlers are installed before the URL is printed: a signal right
    // after it is not lost.
    let server = Server::start(&[]);
    let (code, _) = server.stop_with("-INT");
    assert_eq!(code, Some(0));
    let server = Server::start(&[]);
    assert_eq!(get(server.port, "/healthz").0, 200);
    let (code, _) = server.stop_with("-INT");
    assert_eq!(code, Some(0));
}

#[test]
fn an_income_grid_applies_to_every_request_as_on_the_command_line() {
    // A made-up grid (as in tests/batch.rs): 1,000,000 … 1,499,999 pays on
    // 1,000,000 (D-17: the caller's official grid replaces the provisional one).
    let dir = std::env::temp_dir().join(format!("jamsos-serve-grid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let grid = dir.join("grid.csv");
    std::fs::write(
        &grid,
        "from,to,nominal\n1000000,1499999,1000000\n1500000,20700000,\n",
    )
    .unwrap();
    let grid = grid.to_str().unwrap();
    let server = Server::start(&["--no-access-log", "--income-grid", grid]);

    let case = br#"{"period":"2025-04","participant":{"category":"bpu","income":1400000}}"#;
    let (want, code) = cli(&["contribution", "--income-grid", grid], case);
    assert_eq!(code, 0);
    let (status, got) = post(server.port, "/v1/contribution", "application/json", case);
    assert_eq!(status, 200);
    assert_eq!(got, want);
    let (without, _) = cli(&["contribution"], case);
    assert_ne!(got, without, "the grid changes the answer");

    let roster = b"id,category,income\nA,bpu,1400000\nB,bpu,1600000\n";
    let (want, _) = cli(
        &["batch", "--period", "2025-04", "--income-grid", grid],
        roster,
    );
    let (status, got) = post(server.port, "/v1/batch?period=2025-04", "text/csv", roster);
    assert_eq!(status, 200);
    assert_eq!(got, want);

    // A grid that cannot be used stops the server before it listens.
    std::fs::write(
        dir.join("bad.csv"),
        "from,to,nominal\n2000000,2999999,\n1000000,1999999,\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jamsos"))
        .args(["serve", "--port", "0", "--income-grid"])
        .arg(dir.join("bad.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--income-grid"));
    assert!(out.stdout.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
