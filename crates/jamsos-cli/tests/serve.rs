//! `jamsos serve` end to end: the built binary on a port the system picks,
//! spoken to with a raw `TcpStream`, so the test sees exactly the bytes a
//! browser would.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The server process, stopped when the test ends (even when it fails).
struct Server {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
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
    std::fs::write(dir.join("icon.svg"), "<svg/>").unwrap();
    std::fs::write(dir.join("data.json"), "{}").unwrap();
    std::fs::write(dir.join("pic.png"), [0x89, b'P', b'N', b'G']).unwrap();
    // The WebAssembly magic number and version: a minimal valid module.
    std::fs::write(dir.join("pkg/m.wasm"), [0, b'a', b's', b'm', 1, 0, 0, 0]).unwrap();
    std::fs::write(dir.join("a b.txt"), "spaced").unwrap();
    std::fs::write(base.join("secret.txt"), "must not be served").unwrap();
    dir
}

fn start(name: &str) -> Server {
    let dir = site(name);
    let mut child = Command::new(env!("CARGO_BIN_EXE_jamsos"))
        .args(["serve", "--port", "0", "--dir"])
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The first line is "serving DIR on http://127.0.0.1:PORT/ ...".
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Server {
        child,
        port,
        dir: dir.parent().unwrap().to_path_buf(),
    }
}

/// Status code, headers (lower-case names) and body of one raw request.
fn fetch(port: u16, request: &[u8]) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let body = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    assert!(status_line.starts_with("HTTP/1.1 "), "{status_line}");
    let status = status_line[9..12].parse().unwrap();
    let headers = lines
        .map(|l| {
            let (name, value) = l.split_once(": ").unwrap();
            (name.to_ascii_lowercase(), value.to_owned())
        })
        .collect();
    (status, headers, body)
}

fn get(port: u16, target: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
    fetch(
        port,
        format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").as_bytes(),
    )
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} header in {headers:?}"))
}

#[test]
fn serves_files_with_their_types() {
    let server = start("types");
    for (target, mime, body) in [
        (
            "/",
            "text/html; charset=utf-8",
            &b"<!doctype html><title>t</title>"[..],
        ),
        (
            "/index.html",
            "text/html; charset=utf-8",
            b"<!doctype html><title>t</title>",
        ),
        (
            "/app.js?v=2",
            "text/javascript; charset=utf-8",
            b"export const x = 1;\n",
        ),
        ("/style.css", "text/css; charset=utf-8", b"body{}\n"),
        ("/icon.svg", "image/svg+xml", b"<svg/>"),
        ("/data.json", "application/json", b"{}"),
        ("/pic.png", "image/png", &[0x89, b'P', b'N', b'G']),
        ("/pkg/m.wasm", "application/wasm", b"\0asm\x01\0\0\0"),
        ("/a%20b.txt", "text/plain; charset=utf-8", b"spaced"),
        ("/pkg/", "text/plain; charset=utf-8", b"404 Not Found\n"),
    ] {
        let (status, headers, got) = get(server.port, target);
        let want_status = if target == "/pkg/" { 404 } else { 200 };
        assert_eq!(status, want_status, "{target}");
        assert_eq!(header(&headers, "content-type"), mime, "{target}");
        assert_eq!(
            header(&headers, "content-length"),
            got.len().to_string(),
            "{target}"
        );
        assert_eq!(got, body, "{target}");
    }
}

#[test]
fn head_has_headers_only_and_other_methods_are_refused() {
    let server = start("methods");
    let (status, headers, body) = fetch(
        server.port,
        b"HEAD /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    );
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-length"), "20");
    assert!(body.is_empty());

    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let (status, headers, _) = fetch(
            server.port,
            format!("{method} /app.js HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").as_bytes(),
        );
        assert_eq!(status, 405, "{method}");
        assert_eq!(header(&headers, "allow"), "GET, HEAD");
    }
}

#[test]
fn missing_files_are_404() {
    let server = start("missing");
    for target in ["/nope.html", "/pkg/nope.wasm", "/index.html/x"] {
        assert_eq!(get(server.port, target).0, 404, "{target}");
    }
}

#[test]
fn path_traversal_is_refused() {
    let server = start("traversal");
    for target in [
        "/../secret.txt",
        "/pkg/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2fsecret.txt",
        "/pkg%2f..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/index.html%00.png",
        "http://127.0.0.1/../secret.txt",
        "secret.txt",
    ] {
        let (status, _, body) = get(server.port, target);
        assert_eq!(status, 400, "{target}");
        assert!(
            !String::from_utf8_lossy(&body).contains("must not be served"),
            "{target}"
        );
    }
    // An absolute file system path is a path under the directory, not the
    // file system's root: `//etc/passwd` is `web/etc/passwd`, which is missing.
    let root = server.dir.join("secret.txt");
    let (status, _, body) = get(server.port, &format!("/{}", root.display()));
    assert_eq!(status, 404);
    assert!(!String::from_utf8_lossy(&body).contains("must not be served"));
}

#[test]
fn bad_requests_get_an_answer_and_the_server_keeps_serving() {
    let server = start("bad");
    for raw in [
        &b"\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"GET / HTTP/1.1 extra\r\n\r\n",
        b"GET / SPDY/3\r\n\r\n",
        b"GET /%zz HTTP/1.1\r\n\r\n",
        b"GET /\xff\xfe HTTP/1.1\r\n\r\n",
    ] {
        let (status, _, _) = fetch(server.port, raw);
        assert_eq!(status, 400, "{:?}", String::from_utf8_lossy(raw));
    }
    // A head larger than the limit: 431, not an endless read.
    let mut huge = b"GET / HTTP/1.1\r\n".to_vec();
    for i in 0..2000 {
        huge.extend_from_slice(format!("X-Filler-{i}: 0123456789\r\n").as_bytes());
    }
    huge.extend_from_slice(b"\r\n");
    assert_eq!(fetch(server.port, &huge).0, 431);

    // A connection closed without a request, then one that stays silent
    // while others are answered.
    drop(TcpStream::connect(("127.0.0.1", server.port)).unwrap());
    let _silent = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    assert_eq!(get(server.port, "/app.js").0, 200);
}

#[test]
fn a_missing_directory_stops_with_a_message() {
    let out = Command::new(env!("CARGO_BIN_EXE_jamsos"))
        .args(["serve", "--port", "0", "--dir", "/nonexistent/jamsos-web"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("jamsos: serve: /nonexistent/jamsos-web"),
        "{err}"
    );
}
