//! Graceful shutdown: once asked to stop (SIGTERM or Ctrl-C in `jamsos
//! serve`, see the CLI's tests), the server accepts no new connection, closes
//! idle ones, lets the requests in flight finish with their whole answers,
//! then returns `Ok`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::{Server, config, parse};

#[test]
fn requests_in_flight_finish_then_the_server_returns() {
    let mut server = Server::start(config());
    let addr = server.addr;

    // An idle keep-alive connection, after one answer.
    let mut idle = server.connect();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut first = [0u8; 17];
    idle.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"HTTP/1.1 200 OK\r\n");

    // A document and a batch whose bodies are half sent.
    let case =
        br#"{"category": "pu", "period": "2025-01", "amount": 1000000, "paid_on": "2025-03-10"}"#;
    let mut document = server.connect();
    document
        .write_all(
            format!(
                "POST /v1/fine HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
                case.len()
            )
            .as_bytes(),
        )
        .unwrap();
    document.write_all(&case[..20]).unwrap();

    let mut roster = Vec::new();
    jamsos_batch::sample::write_roster(&mut roster, 20_000, 3).unwrap();
    let mut expected = Vec::new();
    jamsos_batch::run(
        &roster[..],
        &mut expected,
        &jamsos_batch::Config::new("2026-04".parse().unwrap()),
    )
    .unwrap();
    let mut batch = server.connect();
    let mut batch_writer = batch.try_clone().unwrap();
    batch_writer
        .write_all(
            format!(
                "POST /v1/batch?period=2026-04 HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
                roster.len()
            )
            .as_bytes(),
        )
        .unwrap();
    let half = roster.len() / 2;
    batch_writer.write_all(&roster[..half]).unwrap();
    let batch_reader = std::thread::spawn(move || {
        let mut answer = Vec::new();
        batch.read_to_end(&mut answer).unwrap();
        answer
    });
    std::thread::sleep(Duration::from_millis(300));

    server.signal();
    std::thread::sleep(Duration::from_millis(500));
    // No new connection is served; the idle one is closed.
    let refused = match TcpStream::connect(addr) {
        Err(_) => true,
        Ok(mut s) => {
            s.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
            let _ = s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            let mut buf = Vec::new();
            matches!(s.read_to_end(&mut buf), Ok(0) | Err(_))
        }
    };
    assert!(refused, "a new connection was served after the signal");
    idle.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut rest = Vec::new();
    idle.read_to_end(&mut rest).unwrap();
    assert!(
        !server.finished(),
        "returned before the requests in flight finished"
    );

    // The requests in flight complete, with their whole answers.
    document.write_all(&case[20..]).unwrap();
    let mut answer = Vec::new();
    document.read_to_end(&mut answer).unwrap();
    let reply = parse(&answer);
    assert_eq!(reply.status, 200);
    // D-28, D-29: one month late, 2% of Rp1,000,000.
    assert!(reply.text().contains("\"fine\":20000"), "{}", reply.text());

    batch_writer.write_all(&roster[half..]).unwrap();
    let reply = parse(&batch_reader.join().unwrap());
    assert_eq!(reply.status, 200);
    assert!(reply.body == expected, "the batch answer is incomplete");

    server.stop().unwrap();
}
