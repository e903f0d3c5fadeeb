//! `POST /v1/batch?period=YYYY-MM[&format=ndjson][&allow_extra_columns=true]`:
//! a roster streamed through the batch pipeline and back (CONTRACT.md §2, §7).
//! Without `format`, an `application/x-ndjson` body is taken as NDJSON.
//!
//! The pipeline (`jamsos_batch::run`) reads a `std::io::Read` and writes a
//! `std::io::Write` on threads of its own. Here the request body becomes the
//! `Read` (tokio-util's `SyncIoBridge` over the body stream) and a channel
//! becomes the `Write`, whose receiving end is the response body; the
//! pipeline runs on a blocking thread. Back-pressure holds in both
//! directions: the pipeline reads only as fast as it can write, and writes
//! only as fast as the client reads, so memory stays a few chunks whatever
//! the roster's length. The document body limit does not apply.

use std::io::{self, Write};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures_util::{StreamExt, TryStreamExt};
use jamsos_batch::{BatchError, Config, Format};
use jamsos_core::Period;
use tokio::sync::mpsc;
use tokio_util::io::{StreamReader, SyncIoBridge};

use crate::App;
use crate::documents::{check_content_type, is_timeout, media_type};
use crate::error::{ApiError, HttpCode};

/// The content types of an NDJSON roster.
const NDJSON_TYPES: [&str; 2] = ["application/x-ndjson", "application/ndjson"];

/// What the pipeline sends to the response.
enum Piece {
    /// Output bytes, in order.
    Data(Bytes),
    /// The batch could not run, or stopped (reading or writing failed).
    Failed(BatchError),
}

/// The pipeline's output: each write is sent to the response as it is
/// (the pipeline writes whole chunks of results at a time).
struct ChannelWriter {
    tx: mpsc::Sender<Piece>,
}

impl Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        self.tx
            .blocking_send(Piece::Data(Bytes::copy_from_slice(buf)))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client has gone"))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The batch's query.
struct Query {
    period: Period,
    format: Format,
    allow_extra_columns: bool,
}

fn invalid_query(message: impl Into<String>) -> ApiError {
    ApiError::new(HttpCode::InvalidQuery, message)
}

/// Parses `period`, `format` and `allow_extra_columns`; anything else, a
/// repeated parameter or a malformed value is 400.
fn parse_query(query: Option<&str>, ndjson_body: bool) -> Result<Query, ApiError> {
    let mut period = None;
    let mut format = None;
    let mut allow = None;
    for (name, value) in form_pairs(query.unwrap_or_default())? {
        let slot = match name.as_str() {
            "period" => &mut period,
            "format" => &mut format,
            "allow_extra_columns" => &mut allow,
            _ => {
                return Err(invalid_query(
                    "unknown query parameter: /v1/batch takes period, format and allow_extra_columns",
                ));
            }
        };
        if slot.replace(value).is_some() {
            return Err(invalid_query(format!(
                "the query parameter {name} is given more than once"
            )));
        }
    }
    let format = match format.as_deref() {
        // Without `format`, an NDJSON content type says it.
        None if ndjson_body => Format::Ndjson,
        None | Some("csv") => Format::Csv,
        Some("ndjson") => Format::Ndjson,
        Some(_) => return Err(invalid_query("format must be csv or ndjson")),
    };
    let allow_extra_columns = match allow.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => return Err(invalid_query("allow_extra_columns must be true or false")),
    };
    let period = match (period, format) {
        (Some(p), _) => parse_period(&p)?,
        // NDJSON cases carry their own period; this one is never used (as
        // on the command line).
        (None, Format::Ndjson) => jamsos_rules::PROGRAMS_START,
        (None, _) => {
            return Err(ApiError::new(
                HttpCode::InvalidPeriod,
                "the query parameter period=YYYY-MM is required for a CSV roster",
            ));
        }
    };
    Ok(Query {
        period,
        format,
        allow_extra_columns,
    })
}

/// A `period` query value.
pub(crate) fn parse_period(text: &str) -> Result<Period, ApiError> {
    text.parse().map_err(|_| {
        // The value is echoed only when short: it is the caller's own text,
        // but no more than needed.
        let shown: String = text.chars().take(16).collect();
        ApiError::new(
            HttpCode::InvalidPeriod,
            format!("period \"{shown}\" is not YYYY-MM with a month 01 to 12"),
        )
    })
}

/// `name=value` pairs of a query string, percent-decoded (`+` is a space).
pub(crate) fn form_pairs(query: &str) -> Result<Vec<(String, String)>, ApiError> {
    let mut pairs = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = part.split_once('=').unwrap_or((part, ""));
        let name = percent_decode(name).ok_or_else(|| invalid_query("malformed query string"))?;
        let value = percent_decode(value).ok_or_else(|| invalid_query("malformed query string"))?;
        pairs.push((name, value));
    }
    Ok(pairs)
}

/// `%XX` escapes and `+` decoded; `None` for a malformed escape or text that
/// is not UTF-8 once decoded.
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.bytes();
    while let Some(b) = rest.next() {
        match b {
            b'%' => {
                let hi = char::from(rest.next()?).to_digit(16)?;
                let lo = char::from(rest.next()?).to_digit(16)?;
                bytes.push(u8::try_from(hi * 16 + lo).ok()?);
            }
            b'+' => bytes.push(b' '),
            b => bytes.push(b),
        }
    }
    String::from_utf8(bytes).ok()
}

/// Why a batch stopped before its first byte, as an answer.
fn failure(e: &BatchError) -> ApiError {
    match e {
        BatchError::Io(io) if io.kind() == io::ErrorKind::TimedOut => ApiError::new(
            HttpCode::RequestTimeout,
            "the client stopped sending the roster",
        ),
        BatchError::Io(_) => ApiError::new(
            HttpCode::BadRequest,
            "the roster could not be read (the body ended before its declared length, or its chunked encoding is malformed)",
        ),
        // The header errors name columns, never a cell's content.
        e => ApiError::new(HttpCode::InvalidRoster, e.to_string()),
    }
}

/// Runs a batch.
pub(crate) async fn run(
    State(app): State<Arc<App>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let ndjson_body = media_type(&headers)
        .and_then(Result::ok)
        .is_some_and(|t| NDJSON_TYPES.contains(&t.as_str()));
    let query = match parse_query(query.as_deref(), ndjson_body) {
        Ok(q) => q,
        Err(e) => return e.into_response(),
    };
    let checked = match query.format {
        Format::Csv => check_content_type(&headers, &["text/csv"], "text/csv"),
        Format::Ndjson => check_content_type(&headers, &NDJSON_TYPES, "application/x-ndjson"),
    };
    if let Err(e) = checked {
        return e.into_response();
    }
    let Ok(permit) = Arc::clone(&app.batches).try_acquire_owned() else {
        return ApiError::new(
            HttpCode::Overloaded,
            "as many batches as the server runs at once are running; retry",
        )
        .into_response();
    };

    let stream = body.into_data_stream().map_err(|e| {
        let kind = if is_timeout(&e) {
            io::ErrorKind::TimedOut
        } else {
            io::ErrorKind::UnexpectedEof
        };
        io::Error::new(kind, e)
    });
    let input = SyncIoBridge::new(StreamReader::new(stream));
    let (tx, mut rx) = mpsc::channel::<Piece>(4);
    let Query {
        period,
        format,
        allow_extra_columns,
    } = query;
    tokio::task::spawn_blocking(move || {
        // Held until the pipeline has written its last byte.
        let _permit = permit;
        let output = ChannelWriter { tx: tx.clone() };
        let config = Config {
            format,
            allow_extra_columns,
            // The answer is the result; nothing reads the summary.
            summary: false,
            settings: app.settings(),
            ..Config::new(period)
        };
        if let Err(e) = jamsos_batch::run(input, output, &config) {
            let _ = tx.blocking_send(Piece::Failed(e));
        }
    });

    // The status depends on the first piece: a roster that cannot run at
    // all is 400 with a JSON error; once output has started it is 200, and
    // a later failure (the client stopped sending) breaks off the answer so
    // that the client cannot mistake it for a complete one.
    let first = match rx.recv().await {
        Some(Piece::Data(bytes)) => bytes,
        Some(Piece::Failed(e)) => return failure(&e).into_response(),
        None => Bytes::new(),
    };
    let rest = futures_util::stream::unfold(rx, |mut rx| async move {
        match rx.recv().await {
            Some(Piece::Data(bytes)) => Some((Ok(bytes), rx)),
            Some(Piece::Failed(e)) => Some((Err(io::Error::other(e.to_string())), rx)),
            None => None,
        }
    });
    let body = futures_util::stream::once(async move { Ok::<_, io::Error>(first) }).chain(rest);
    let content_type = match format {
        Format::Csv => "text/csv; charset=utf-8",
        Format::Ndjson => "application/x-ndjson",
    };
    let mut response = Response::new(Body::from_stream(body));
    *response.status_mut() = StatusCode::OK;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}
