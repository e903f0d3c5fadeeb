//! A server on 127.0.0.1 on a port the system picks, run in this process on
//! a runtime of its own, and a raw HTTP/1.1 client over `TcpStream`, so the
//! tests see exactly the bytes on the wire.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use jamsos_server::Config;

/// The running server; stopped (gracefully) when dropped.
pub(crate) struct Server {
    pub(crate) addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

impl Server {
    pub(crate) fn start(config: Config) -> Server {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()?;
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)?;
                jamsos_server::serve(listener, config, async {
                    let _ = stopped.await;
                })
                .await
            })
        });
        Server {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// Stops the server and waits until it has finished.
    pub(crate) fn stop(mut self) -> std::io::Result<()> {
        self.shutdown()
    }

    /// Asks the server to stop (as SIGTERM does), without waiting.
    pub(crate) fn signal(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Whether the server has returned.
    pub(crate) fn finished(&self) -> bool {
        self.thread.as_ref().is_none_or(|t| t.is_finished())
    }

    fn shutdown(&mut self) -> std::io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.thread.take() {
            Some(t) => t.join().unwrap(),
            None => Ok(()),
        }
    }

    pub(crate) fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        stream
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.shutdown();
    }
}

/// A test configuration: no access log (the tests' output stays readable),
/// short timeouts where the test needs them.
pub(crate) fn config() -> Config {
    Config {
        access_log: false,
        ..Config::default()
    }
}

/// An answer.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl Reply {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.text()))
    }

    /// Asserts the error body of CONTRACT.md §7 with `code`.
    pub(crate) fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.status, status, "{}", self.text());
        assert_eq!(self.header("content-type"), Some("application/json"));
        let doc = self.json();
        assert_eq!(doc["error"]["code"], code, "{doc}");
        assert!(
            doc["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
        assert!(doc["error"]["field"].is_null(), "{doc}");
        assert_eq!(doc["error"].as_object().unwrap().len(), 3, "{doc}");
    }
}

/// Parses one whole answer (headers, then a body by Content-Length, chunked,
/// or to the end).
pub(crate) fn parse(raw: &[u8]) -> Reply {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(raw)));
    let head = std::str::from_utf8(&raw[..split]).unwrap();
    let rest = &raw[split + 4..];
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    assert!(status_line.starts_with("HTTP/1.1 "), "{status_line}");
    let status = status_line[9..12].parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .map(|l| {
            let (name, value) = l.split_once(':').unwrap();
            (name.trim().to_ascii_lowercase(), value.trim().to_owned())
        })
        .collect();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
    let body = if chunked {
        dechunk(rest)
    } else {
        match headers.iter().find(|(n, _)| n == "content-length") {
            Some((_, len)) => {
                let len: usize = len.parse().unwrap();
                assert!(rest.len() >= len, "body shorter than its Content-Length");
                rest[..len].to_vec()
            }
            None => rest.to_vec(),
        }
    };
    Reply {
        status,
        headers,
        body,
    }
}

/// The body of a chunked answer; panics when it is not complete.
pub(crate) fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let line_end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("a complete chunk size line");
        let size_text = std::str::from_utf8(&rest[..line_end]).unwrap();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        rest = &rest[line_end + 2..];
        if size == 0 {
            return body;
        }
        assert!(rest.len() >= size + 2, "a chunk was cut off");
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

/// Sends `request` as it is on a new connection and reads the answer until
/// the server closes it (the requests say `Connection: close`).
pub(crate) fn raw(server: &Server, request: &[u8]) -> Reply {
    let mut stream = server.connect();
    stream.write_all(request).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    parse(&answer)
}

/// A request with a body and `Connection: close`.
pub(crate) fn request(
    server: &Server,
    method: &str,
    target: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> Reply {
    let mut head = format!(
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(t) = content_type {
        head.push_str(&format!("Content-Type: {t}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    raw(server, &bytes)
}

pub(crate) fn get(server: &Server, target: &str) -> Reply {
    raw(
        server,
        format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

pub(crate) fn post_json(server: &Server, target: &str, body: &[u8]) -> Reply {
    request(server, "POST", target, Some("application/json"), body)
}

/// Streams `input` to `target` from a thread of its own while reading the
/// answer here, as a client of a streamed endpoint must (the server answers
/// while the request is still coming in).
pub(crate) fn stream_post(
    server: &Server,
    target: &str,
    content_type: &str,
    input: Vec<u8>,
) -> Reply {
    let mut stream = server.connect();
    let mut writer = stream.try_clone().unwrap();
    let head = format!(
        "POST {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        input.len()
    );
    let sender = std::thread::spawn(move || {
        writer.write_all(head.as_bytes())?;
        for piece in input.chunks(64 * 1024) {
            writer.write_all(piece)?;
        }
        writer.flush()
    });
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    sender.join().unwrap().unwrap();
    parse(&answer)
}

pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
