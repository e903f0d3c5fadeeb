//! One access-log line per request on standard error, as JSON:
//! `{"method","path","status","duration_us","bytes"}`.
//!
//! The line is written when the answer's body has been sent (or dropped), so
//! `bytes` and `duration_us` count a streamed batch in full. It never holds a
//! request body, a query string (a roster's period is not personal, but a
//! query could hold anything) or, for a path no route knows, any digit: a
//! NIK typed into a URL is logged as `################`.
//!
//! Lines are appended to a buffer that a thread of its own writes out every
//! 20 ms, so an answer never waits for standard error (a slow terminal, a
//! pipe nobody reads) and the log costs no system call per request. When
//! the buffer holds more than 4 MiB, lines are dropped and the count of
//! dropped lines is written in their place. [`flush`] writes what is left
//! (at shutdown).

use std::io::Write;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use bytes::Bytes;
use http_body::{Frame, SizeHint};

/// The most bytes waiting to be written; beyond this, lines are dropped.
const MAX_PENDING: usize = 4 << 20;
/// How often the buffer is written out.
const INTERVAL: Duration = Duration::from_millis(20);

static PENDING: Mutex<Vec<u8>> = Mutex::new(Vec::new());
static DROPPED: AtomicU64 = AtomicU64::new(0);
static WRITER: OnceLock<bool> = OnceLock::new();
/// Held while writing, so that [`flush`] and the thread never interleave.
static OUTPUT: Mutex<()> = Mutex::new(());

/// Writes the waiting lines to standard error.
pub(crate) fn flush() {
    let Ok(_output) = OUTPUT.lock() else { return };
    let lines = match PENDING.lock() {
        Ok(mut pending) => std::mem::take(&mut *pending),
        Err(_) => return,
    };
    let dropped = DROPPED.swap(0, Ordering::Relaxed);
    let mut err = std::io::stderr().lock();
    if dropped > 0 {
        let _ = writeln!(err, "{{\"dropped_log_lines\":{dropped}}}");
    }
    if !lines.is_empty() {
        let _ = err.write_all(&lines);
    }
    let _ = err.flush();
}

fn start_writer() -> bool {
    std::thread::Builder::new()
        .name("jamsos-access-log".into())
        .spawn(|| {
            loop {
                std::thread::sleep(INTERVAL);
                flush();
            }
        })
        .is_ok()
}

fn emit(line: &str) {
    if !*WRITER.get_or_init(start_writer) {
        return;
    }
    match PENDING.lock() {
        Ok(mut pending) if pending.len().saturating_add(line.len()) <= MAX_PENDING => {
            pending.extend_from_slice(line.as_bytes());
        }
        _ => {
            DROPPED.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// The path as logged: the route's pattern when a route matched, else the
/// path with every digit masked and at most 100 characters.
fn logged_path(request: &Request) -> String {
    if let Some(matched) = request.extensions().get::<MatchedPath>() {
        return matched.as_str().to_owned();
    }
    mask_digits(request.uri().path())
}

/// At most 100 characters of `path`, every run of four or more digits
/// masked (`/v1/3174…` → `/v1/################`): a NIK, a wage or an
/// account number typed into a URL never reaches the log.
fn mask_digits(path: &str) -> String {
    let path: Vec<char> = path.chars().take(100).collect();
    let mut out = String::with_capacity(path.len());
    let mut run = 0;
    for (i, c) in path.iter().enumerate() {
        if c.is_ascii_digit() {
            run += 1;
            continue;
        }
        push_run(&mut out, path.get(i - run..i).unwrap_or_default());
        run = 0;
        out.push(*c);
    }
    push_run(&mut out, path.get(path.len() - run..).unwrap_or_default());
    out
}

fn push_run(out: &mut String, digits: &[char]) {
    if digits.len() >= 4 {
        out.extend(std::iter::repeat_n('#', digits.len()));
    } else {
        out.extend(digits);
    }
}

/// The middleware.
pub(crate) async fn log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let path = logged_path(&request);
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let (parts, body) = response.into_parts();
    let body = Body::new(Logged {
        inner: body,
        bytes: 0,
        line: Some(Line {
            started,
            method,
            path,
            status,
        }),
    });
    Response::from_parts(parts, body)
}

/// What the line says, written when the body is done.
struct Line {
    started: Instant,
    method: String,
    path: String,
    status: u16,
}

/// The answer's body, counting the bytes sent.
struct Logged {
    inner: Body,
    bytes: u64,
    line: Option<Line>,
}

impl Drop for Logged {
    fn drop(&mut self) {
        if let Some(line) = self.line.take() {
            let micros = u64::try_from(line.started.elapsed().as_micros()).unwrap_or(u64::MAX);
            // Written by hand (no map per request); the strings are
            // JSON-escaped by serde_json.
            let method = serde_json::Value::String(line.method);
            let path = serde_json::Value::String(line.path);
            emit(&format!(
                "{{\"method\":{method},\"path\":{path},\"status\":{},\"duration_us\":{micros},\"bytes\":{}}}\n",
                line.status, self.bytes
            ));
        }
    }
}

impl http_body::Body for Logged {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        if let Poll::Ready(Some(Ok(frame))) = &polled {
            if let Some(data) = frame.data_ref() {
                let n = u64::try_from(data.len()).unwrap_or(u64::MAX);
                self.bytes = self.bytes.saturating_add(n);
            }
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::mask_digits;

    #[test]
    fn long_digit_runs_are_masked() {
        assert_eq!(mask_digits("/v1/3174051705900001"), "/v1/################");
        assert_eq!(mask_digits("/a/123/b1234"), "/a/123/b####");
        assert_eq!(mask_digits("/wage/10000000/x"), "/wage/########/x");
        assert_eq!(mask_digits("/app.js"), "/app.js");
        assert_eq!(mask_digits(&"/9".repeat(80)).chars().count(), 100);
    }
}
