//! `POST /v1/{command}`: one JSON document in, the command line's bytes out
//! (CONTRACT.md §7): 200 with a result, 422 with the contract's error
//! document.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;
use jamsos_contract::{self as contract, Command, Status};

use crate::App;
use crate::error::{ApiError, HttpCode, json_response};

/// The most of an over-long body read and thrown away before answering 413,
/// so that a client still sending is not cut off with a reset before it can
/// read the answer.
const MAX_DRAIN_BYTES: usize = 16 * 1024 * 1024;

/// Answers one document with `command`.
pub(crate) async fn answer(
    State(app): State<Arc<App>>,
    command: Command,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if let Err(e) = check_content_type(&headers, &["application/json"], "application/json") {
        return e.into_response();
    }
    let bytes = match read_limited(&headers, body, app.body_limit).await {
        Ok(bytes) => bytes,
        Err(e) => return e.into_response(),
    };
    let response = contract::respond_bytes(command, &bytes, &app.settings());
    let status = match response.status {
        Status::Ok => StatusCode::OK,
        Status::InvalidInput => StatusCode::UNPROCESSABLE_ENTITY,
        Status::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    };
    // The command line prints the document and a newline.
    let mut text = response.json;
    text.push('\n');
    json_response(status, text)
}

/// The body's media type without parameters (`application/json` of
/// `application/json; charset=utf-8`), lower-case; `None` when absent.
pub(crate) fn media_type(headers: &HeaderMap) -> Option<Result<String, ()>> {
    let value = headers.get(header::CONTENT_TYPE)?;
    Some(
        value
            .to_str()
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_ascii_lowercase()
            })
            .map_err(|_| ()),
    )
}

/// 415 unless the content type is one of `accepted` (or absent: a client
/// that sends none is taken at its word that the body is what the endpoint
/// takes).
pub(crate) fn check_content_type(
    headers: &HeaderMap,
    accepted: &[&str],
    name: &str,
) -> Result<(), ApiError> {
    match media_type(headers) {
        None => Ok(()),
        Some(Ok(t)) if accepted.contains(&t.as_str()) => Ok(()),
        Some(_) => Err(ApiError::new(
            HttpCode::UnsupportedMediaType,
            format!("this endpoint takes Content-Type: {name}"),
        )),
    }
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        HttpCode::PayloadTooLarge,
        format!("the request body is larger than the limit of {limit} bytes"),
    )
}

/// Reads the whole body, at most `limit` bytes: 413 above it (at once when
/// the Content-Length says so), 408 when the client stops sending for the
/// idle timeout, 400 when the body ends early or cannot be read.
async fn read_limited(headers: &HeaderMap, body: Body, limit: usize) -> Result<Bytes, ApiError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    // A client that asked to be told before sending (`Expect:
    // 100-continue`) has sent nothing yet: nothing to drain.
    let waiting = headers
        .get(header::EXPECT)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
    let mut stream = body.into_data_stream();
    if let Some(length) = declared {
        if length > u64::try_from(limit).unwrap_or(u64::MAX) {
            if !waiting && length <= u64::try_from(MAX_DRAIN_BYTES).unwrap_or(u64::MAX) {
                while let Some(Ok(_)) = stream.next().await {}
            }
            return Err(too_large(limit));
        }
    }
    let mut buf = BytesMut::with_capacity(usize::try_from(declared.unwrap_or(0)).unwrap_or(0));
    while let Some(frame) = stream.next().await {
        let chunk = frame.map_err(body_error)?;
        if buf.len().saturating_add(chunk.len()) > limit {
            let mut drained = buf.len().saturating_add(chunk.len());
            while drained <= MAX_DRAIN_BYTES {
                match stream.next().await {
                    Some(Ok(more)) => drained = drained.saturating_add(more.len()),
                    _ => break,
                }
            }
            return Err(too_large(limit));
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf.freeze())
}

/// Why a body could not be read, as an answer.
pub(crate) fn body_error(e: axum::Error) -> ApiError {
    if is_timeout(&e) {
        ApiError::new(
            HttpCode::RequestTimeout,
            "the client stopped sending the request body",
        )
    } else {
        ApiError::new(
            HttpCode::BadRequest,
            "the request body could not be read (it ended before its declared length, or its chunked encoding is malformed)",
        )
    }
}

/// Whether a body error is the idle timeout between body pieces.
pub(crate) fn is_timeout(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(e) = source {
        if e.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        source = e.source();
    }
    false
}
