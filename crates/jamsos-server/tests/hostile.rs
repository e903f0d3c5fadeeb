//! Hostile HTTP: wrong methods and content types, bodies over the limit,
//! truncated and malformed bodies, invalid queries, hundreds of idle
//! connections, slow clients, more requests than the concurrency limit.
//! Each gets its status (with the JSON error body of CONTRACT.md §7), and
//! meanwhile the server keeps answering others: every probe below must be
//! answered within one second (a liveness bound on a socket timeout, not a
//! speed measurement).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

use common::{Reply, Server, config, get, parse, raw, request};
use jamsos_server::Config;

/// A health check on a fresh connection, answered within one second.
fn probe(server: &Server) {
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(1)))
        .unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut answer = Vec::new();
    stream
        .read_to_end(&mut answer)
        .expect("the server answers others within a second");
    let reply = parse(&answer);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.text(), "{\"status\":\"ok\"}\n");
}

/// Reads until the server closes the connection (or answers and closes);
/// `None` when it closed without answering.
fn read_all(stream: &mut TcpStream) -> Option<Reply> {
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    (!answer.is_empty()).then(|| parse(&answer))
}

const CASE: &[u8] =
    br#"{"category": "pu", "period": "2025-01", "amount": 1000000, "paid_on": "2025-03-10"}"#;

#[test]
fn wrong_methods_are_405_with_allow() {
    let server = Server::start(config());
    for (method, target, allow) in [
        ("GET", "/v1/contribution", "POST"),
        ("PUT", "/v1/fine", "POST"),
        ("DELETE", "/v1/batch", "POST"),
        ("POST", "/healthz", "GET,HEAD"),
        ("POST", "/v1/rules?period=2026-04", "GET,HEAD"),
        ("PATCH", "/openapi.json", "GET,HEAD"),
    ] {
        let reply = request(&server, method, target, None, b"");
        reply.assert_error(405, "method_not_allowed");
        assert_eq!(reply.header("allow"), Some(allow), "{method} {target}");
    }
    request(&server, "GET", "/v2/contribution", None, b"").assert_error(404, "not_found");
    request(&server, "POST", "/v1/projectionx", None, b"").assert_error(404, "not_found");
    probe(&server);
}

#[test]
fn wrong_content_types_are_415() {
    let server = Server::start(config());
    for content_type in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "text/csv",
        "application/xml",
        "multipart/form-data; boundary=x",
    ] {
        request(&server, "POST", "/v1/fine", Some(content_type), CASE)
            .assert_error(415, "unsupported_media_type");
    }
    // Parameters and case do not matter; no content type is taken as JSON.
    for content_type in [
        Some("application/json; charset=utf-8"),
        Some("Application/JSON"),
        None,
    ] {
        let reply = request(&server, "POST", "/v1/fine", content_type, CASE);
        assert_eq!(reply.status, 200, "{content_type:?}: {}", reply.text());
        // D-28, D-29: due 2025-02-17, paid 2025-03-10: one month, 2%.
        assert!(reply.text().contains("\"fine\":20000"), "{}", reply.text());
    }
    probe(&server);
}

#[test]
fn bodies_over_the_limit_are_413() {
    let server = Server::start(Config {
        body_limit: 1000,
        ..config()
    });
    // Exactly at the limit is read (and is invalid JSON: 422, like the CLI).
    let at_limit = vec![b' '; 1000];
    let reply = request(&server, "POST", "/v1/fine", None, &at_limit);
    assert_eq!(reply.status, 422, "{}", reply.text());
    // One byte over, declared: 413, and the client that sent it all can
    // read the answer.
    let over = vec![b' '; 1001];
    request(&server, "POST", "/v1/fine", Some("application/json"), &over)
        .assert_error(413, "payload_too_large");
    // Chunked, with no length declared: 413 once the limit is passed.
    let mut chunked =
        b"POST /v1/contribution HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
            .to_vec();
    for _ in 0..3 {
        chunked.extend_from_slice(b"190\r\n");
        chunked.extend_from_slice(&[b' '; 400]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    raw(&server, &chunked).assert_error(413, "payload_too_large");
    // A declared length far over the limit is refused before any body.
    let mut stream = server.connect();
    stream
        .write_all(b"POST /v1/fine HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n")
        .unwrap();
    read_all(&mut stream)
        .unwrap()
        .assert_error(413, "payload_too_large");
    probe(&server);

    // The default limit is 1 MiB; a batch is not limited by it.
    let server = Server::start(config());
    let big = vec![b' '; 1024 * 1024 + 1];
    request(&server, "POST", "/v1/fine", None, &big).assert_error(413, "payload_too_large");
    let mut roster = Vec::new();
    jamsos_batch::sample::write_roster(&mut roster, 50_000, 1).unwrap();
    assert!(roster.len() > 2 * 1024 * 1024);
    let reply = common::stream_post(&server, "/v1/batch?period=2026-04", "text/csv", roster);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.text().lines().count(), 50_001);
}

#[test]
fn truncated_and_malformed_bodies() {
    let server = Server::start(config());
    // A JSON document cut short but sent whole: the contract's invalid_json,
    // exactly as the command line answers it.
    let cut = &CASE[..40];
    let reply = request(&server, "POST", "/v1/fine", None, cut);
    assert_eq!(reply.status, 422);
    let expected = jamsos_contract::respond_bytes(
        jamsos_contract::Command::Fine,
        cut,
        &jamsos_contract::Settings::default(),
    );
    assert_eq!(reply.text(), format!("{}\n", expected.json));
    assert!(
        reply
            .text()
            .starts_with("{\"error\":{\"code\":\"invalid_json\"")
    );
    // Not UTF-8.
    let reply = request(&server, "POST", "/v1/fine", None, b"{\"period\": \"\xff\"}");
    assert_eq!(reply.status, 422);
    assert!(reply.text().contains("not UTF-8"));

    // A body that ends before its Content-Length: 400, for a document and
    // for a batch.
    for (target, content_type) in [
        ("/v1/fine", "application/json"),
        ("/v1/batch?period=2026-04", "text/csv"),
    ] {
        let mut stream = server.connect();
        stream
            .write_all(
                format!("POST {target} HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\nContent-Length: 100\r\n\r\n{{\"cat")
                    .as_bytes(),
            )
            .unwrap();
        stream.shutdown(Shutdown::Write).unwrap();
        read_all(&mut stream)
            .unwrap()
            .assert_error(400, "bad_request");
    }
    // Malformed chunked encoding.
    let reply = raw(
        &server,
        b"POST /v1/fine HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
    );
    reply.assert_error(400, "bad_request");
    // A request line that is not HTTP: hyper answers 400 and closes.
    let mut stream = server.connect();
    stream.write_all(b"GARBAGE\r\n\r\n").unwrap();
    let reply = read_all(&mut stream).unwrap();
    assert_eq!(reply.status, 400);
    probe(&server);
}

#[test]
fn invalid_queries_are_400() {
    let server = Server::start(config());
    for (target, code) in [
        ("/v1/rules?period=2026-00", "invalid_period"),
        ("/v1/rules?period=abcd-ef", "invalid_period"),
        ("/v1/rules?period=2026-04&period=2026-05", "invalid_query"),
        ("/v1/rules?foo", "invalid_query"),
        ("/v1/rules?period=%G1", "invalid_query"),
        ("/v1/rules?period=%FF", "invalid_query"),
    ] {
        get(&server, target).assert_error(400, code);
    }
    request(
        &server,
        "POST",
        "/v1/batch?period=%ZZ",
        Some("text/csv"),
        b"id\n",
    )
    .assert_error(400, "invalid_query");
    probe(&server);
}

#[test]
fn five_hundred_idle_connections_do_not_stop_others_and_are_closed() {
    let server = Server::start(Config {
        idle_timeout: Duration::from_secs(2),
        ..config()
    });
    // Half of them have had an answer and stay open (keep-alive), half
    // never send anything.
    let mut idle: Vec<TcpStream> = (0..500)
        .map(|i| {
            let mut stream = server.connect();
            if i % 2 == 0 {
                stream
                    .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                    .unwrap();
            }
            stream
        })
        .collect();
    for _ in 0..20 {
        probe(&server);
    }
    // After the idle timeout the server has closed every one of them: a
    // read sees the end (after the health answer, for those that asked).
    for (i, stream) in idle.iter_mut().enumerate() {
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut answer = Vec::new();
        stream
            .read_to_end(&mut answer)
            .unwrap_or_else(|e| panic!("connection {i} not closed: {e}"));
        if i % 2 == 0 {
            assert!(
                answer.starts_with(b"HTTP/1.1 200 OK\r\n"),
                "{i}: {:?}",
                String::from_utf8_lossy(&answer)
            );
        } else {
            assert!(answer.is_empty(), "{i}");
        }
    }
    probe(&server);
}

#[test]
fn slow_loris_clients_are_cut_off_and_others_answered() {
    let server = Server::start(Config {
        idle_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(2),
        ..config()
    });
    // A request head sent a byte every 100 ms never completes within the
    // idle timeout: the connection is closed (the head is 300 bytes).
    let head = format!(
        "POST /v1/fine HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Padding: {}\r\nContent-Length: {}\r\n\r\n",
        "a".repeat(200),
        CASE.len()
    );
    let loris = std::thread::spawn({
        let mut stream = server.connect();
        move || {
            for b in head.bytes() {
                if stream.write_all(&[b]).is_err() {
                    return true;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            // Every byte was written: the server must now have closed.
            read_all(&mut stream).is_none()
        }
    });
    // A body trickled after a complete head: 408 after the request timeout.
    let trickle = std::thread::spawn({
        let mut stream = server.connect();
        move || {
            stream
                .write_all(
                    format!(
                        "POST /v1/fine HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                        CASE.len()
                    )
                    .as_bytes(),
                )
                .unwrap();
            for b in CASE {
                if stream.write_all(&[*b]).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(200));
            }
            read_all(&mut stream)
        }
    });
    // A body that stops after a few bytes: 408 too (silence in a body).
    let silent = std::thread::spawn({
        let mut stream = server.connect();
        move || {
            stream
                .write_all(b"POST /v1/batch?period=2026-04 HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 1000\r\n\r\nid,cat")
                .unwrap();
            read_all(&mut stream)
        }
    });
    for _ in 0..10 {
        probe(&server);
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(loris.join().unwrap(), "the slow head was not cut off");
    trickle
        .join()
        .unwrap()
        .expect("an answer")
        .assert_error(408, "request_timeout");
    silent
        .join()
        .unwrap()
        .expect("an answer")
        .assert_error(408, "request_timeout");
    probe(&server);
}

#[test]
fn over_the_concurrency_limit_is_503_at_once() {
    let server = Server::start(Config {
        max_concurrency: 2,
        request_timeout: Duration::from_secs(3),
        ..config()
    });
    // Two requests whose bodies have not come hold both places.
    let mut holders: Vec<TcpStream> = (0..2)
        .map(|_| {
            let mut s = server.connect();
            s.write_all(b"POST /v1/fine HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n")
                .unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(1)))
        .unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    parse(&answer).assert_error(503, "overloaded");
    // Once they finish (here: their bodies arrive), the places are free.
    for s in &mut holders {
        s.write_all(b"{\"x\": 1}  ").unwrap();
        let reply = read_all_keepalive(s);
        assert_eq!(reply.status, 422);
    }
    probe(&server);

    // Batches have a limit of their own.
    let server = Server::start(Config {
        max_batches: 1,
        ..config()
    });
    let mut running = server.connect();
    running
        .write_all(b"POST /v1/batch?period=2026-04 HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\nid,category,income\n")
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    request(
        &server,
        "POST",
        "/v1/batch?period=2026-04",
        Some("text/csv"),
        b"id\n",
    )
    .assert_error(503, "overloaded");
    probe(&server);
    drop(running);
}

/// One answer with a Content-Length on a keep-alive connection.
fn read_all_keepalive(stream: &mut TcpStream) -> Reply {
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "closed before an answer");
        answer.extend_from_slice(&buf[..n]);
        if let Some(split) = answer.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&answer[..split]).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .map(|v| v.trim().parse().unwrap())
                .unwrap();
            if answer.len() >= split + 4 + len {
                return parse(&answer);
            }
        }
    }
}
