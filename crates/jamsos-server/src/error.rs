//! Every answer that is not 2xx carries a JSON body
//! `{"error": {"code", "message", "field": null}}` (CONTRACT.md §7), whether
//! a handler, axum (405), tower (503, 408) or the static files (404) made it.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// The codes of HTTP-level errors (docs/HTTP.md); a command's own invalid
/// input is answered 422 with the contract's codes instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpCode {
    /// 400: the request is malformed (its body ended early, it cannot be read).
    BadRequest,
    /// 400: a query parameter is missing, unknown or malformed.
    InvalidQuery,
    /// 400: the query's `period` is not `YYYY-MM` (or outside the rules).
    InvalidPeriod,
    /// 400: the roster cannot be read (its header, or no header at all).
    InvalidRoster,
    /// 404: nothing at this path.
    NotFound,
    /// 405: the path exists but not with this method.
    MethodNotAllowed,
    /// 408: the request took longer than the request timeout.
    RequestTimeout,
    /// 413: the body is larger than the limit.
    PayloadTooLarge,
    /// 415: the body's content type is not the one the endpoint takes.
    UnsupportedMediaType,
    /// 503: too many requests at once; try again.
    Overloaded,
    /// 500: never expected.
    Internal,
}

impl HttpCode {
    /// The code as written in the error body.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            HttpCode::BadRequest => "bad_request",
            HttpCode::InvalidQuery => "invalid_query",
            HttpCode::InvalidPeriod => "invalid_period",
            HttpCode::InvalidRoster => "invalid_roster",
            HttpCode::NotFound => "not_found",
            HttpCode::MethodNotAllowed => "method_not_allowed",
            HttpCode::RequestTimeout => "request_timeout",
            HttpCode::PayloadTooLarge => "payload_too_large",
            HttpCode::UnsupportedMediaType => "unsupported_media_type",
            HttpCode::Overloaded => "overloaded",
            HttpCode::Internal => "internal",
        }
    }

    /// The HTTP status it is sent with.
    #[must_use]
    pub const fn status(self) -> StatusCode {
        match self {
            HttpCode::BadRequest
            | HttpCode::InvalidQuery
            | HttpCode::InvalidPeriod
            | HttpCode::InvalidRoster => StatusCode::BAD_REQUEST,
            HttpCode::NotFound => StatusCode::NOT_FOUND,
            HttpCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            HttpCode::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            HttpCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            HttpCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            HttpCode::Overloaded => StatusCode::SERVICE_UNAVAILABLE,
            HttpCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The code for a status a layer answered without a body.
    fn of_status(status: StatusCode) -> HttpCode {
        match status {
            StatusCode::NOT_FOUND => HttpCode::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => HttpCode::MethodNotAllowed,
            StatusCode::REQUEST_TIMEOUT => HttpCode::RequestTimeout,
            StatusCode::PAYLOAD_TOO_LARGE => HttpCode::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => HttpCode::UnsupportedMediaType,
            StatusCode::SERVICE_UNAVAILABLE => HttpCode::Overloaded,
            s if s.is_client_error() => HttpCode::BadRequest,
            _ => HttpCode::Internal,
        }
    }

    /// The message for a status a layer answered without a body.
    fn default_message(self) -> &'static str {
        match self {
            HttpCode::NotFound => "nothing here: the API is under /v1/ (see /openapi.json)",
            HttpCode::MethodNotAllowed => {
                "this path does not take this method (the Allow header lists those it takes)"
            }
            HttpCode::RequestTimeout => "the request was not complete within the request timeout",
            HttpCode::PayloadTooLarge => "the request body is larger than the limit",
            HttpCode::UnsupportedMediaType => "the request body's content type is not accepted",
            HttpCode::Overloaded => "the server is answering as many requests as it can; retry",
            HttpCode::BadRequest
            | HttpCode::InvalidQuery
            | HttpCode::InvalidPeriod
            | HttpCode::InvalidRoster => "the request is malformed",
            HttpCode::Internal => "internal error",
        }
    }
}

/// An HTTP-level error: its code and a message that shows no more than
/// needed (never a body, a NIK or a wage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The code.
    pub code: HttpCode,
    /// What was wrong and what is allowed.
    pub message: String,
}

impl ApiError {
    /// An error with `code` and `message`.
    pub fn new(code: HttpCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
        }
    }

    /// The body: `{"error":{"code","message","field":null}}` and a newline.
    #[must_use]
    pub fn body(&self) -> String {
        // In the contract's order (code, message, field), like the command
        // line's error document.
        let message = Value::String(self.message.clone());
        format!(
            "{{\"error\":{{\"code\":\"{}\",\"message\":{message},\"field\":null}}}}\n",
            self.code.name()
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = json_response(self.code.status(), self.body());
        if self.code == HttpCode::PayloadTooLarge || self.code == HttpCode::BadRequest {
            // The rest of the body may still be on its way; the connection
            // cannot be reused.
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response
    }
}

/// A JSON answer with `status`.
pub(crate) fn json_response(status: StatusCode, body: String) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// The fallback: 404.
pub(crate) async fn not_found() -> ApiError {
    ApiError::new(HttpCode::NotFound, HttpCode::NotFound.default_message())
}

/// The concurrency limit's refusal: 503.
pub(crate) async fn overloaded(_: tower::BoxError) -> ApiError {
    ApiError::new(HttpCode::Overloaded, HttpCode::Overloaded.default_message())
}

/// Gives a JSON error body to every 4xx and 5xx answer that has none (axum's
/// 405, the timeout's 408, the static files' 404 ...).
pub(crate) async fn json_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/json"));
    if is_json {
        return response;
    }
    let code = HttpCode::of_status(status);
    let (mut parts, _) = response.into_parts();
    let body = ApiError::new(code, code.default_message()).body();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_ENCODING);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Response::from_parts(parts, Body::from(body))
}
