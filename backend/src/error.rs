//! Errors of the HTTP layer, mapped to status codes and stable `ApiErrorCode`s in one place.
//!
//! Handlers return [`AppError`]; its response carries only a status and the code. The
//! [`json_errors`] middleware, wrapped around the whole API, then writes every error body
//! (`{code, message_key, request_id}`), including those produced by axum and tower themselves
//! (unknown method, body too large, panics, a body cut for being too slow), so that no error
//! under `/api` is ever HTML or empty.
//! Internal causes are logged with the request id and never sent.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use shared::{ApiError, ApiErrorCode};

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nothing there that the caller may know about.
    #[error("not found")]
    NotFound,
    /// The body is not well-formed JSON.
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    /// Well-formed JSON of the wrong shape or with invalid values.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// A body that is not `application/json`.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// A body larger than allowed.
    #[error("payload too large")]
    PayloadTooLarge,
    /// A refusal with its own status and stable code (sign-in, activation, agency rules …).
    #[error("refused: {1:?}")]
    Refused(StatusCode, ApiErrorCode),
    /// Too many requests; retry after this many seconds.
    #[error("rate limited for {0} s")]
    RateLimited(u64),
    /// A database failure.
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    /// Any other internal failure.
    #[error("internal: {0}")]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// A refusal: 400-class status with a stable code.
    #[must_use]
    pub const fn refused(status: StatusCode, code: ApiErrorCode) -> Self {
        Self::Refused(status, code)
    }

    /// The status and stable code of this error.
    #[must_use]
    pub fn status_and_code(&self) -> (StatusCode, ApiErrorCode) {
        match self {
            Self::NotFound => (StatusCode::NOT_FOUND, ApiErrorCode::NotFound),
            Self::MalformedJson(_) => (StatusCode::BAD_REQUEST, ApiErrorCode::MalformedJson),
            Self::InvalidRequest(_) => {
                (StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::InvalidRequest)
            }
            Self::UnsupportedMediaType => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, ApiErrorCode::UnsupportedMediaType)
            }
            Self::PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, ApiErrorCode::PayloadTooLarge),
            Self::Refused(status, code) => (*status, *code),
            Self::RateLimited(_) => (StatusCode::TOO_MANY_REQUESTS, ApiErrorCode::RateLimited),
            Self::Database(_) | Self::Internal(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, ApiErrorCode::Internal)
            }
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        } else {
            tracing::debug!(error = %self, "request refused");
        }
        let mut response = status.into_response();
        if let Self::RateLimited(seconds) = self {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
        }
        response.extensions_mut().insert(code);
        response
    }
}

/// The code for an error response that no handler labelled (axum's and tower's own).
pub(crate) fn code_for_status(status: StatusCode) -> ApiErrorCode {
    match status {
        StatusCode::NOT_FOUND => ApiErrorCode::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ApiErrorCode::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ApiErrorCode::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiErrorCode::UnsupportedMediaType,
        StatusCode::TOO_MANY_REQUESTS => ApiErrorCode::RateLimited,
        StatusCode::SERVICE_UNAVAILABLE => ApiErrorCode::Unavailable,
        StatusCode::REQUEST_TIMEOUT => ApiErrorCode::RequestTimeout,
        s if s.is_client_error() => ApiErrorCode::InvalidRequest,
        _ => ApiErrorCode::Internal,
    }
}

/// Middleware around the API: every 4xx/5xx becomes a JSON `ApiError` with the request id.
pub async fn json_errors(request: Request, next: Next) -> Response {
    let request_id = request
        .headers()
        .get(crate::telemetry::REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let too_slow = request.extensions().get::<crate::bodies::TooSlow>().cloned();
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (mut parts, _body) = response.into_parts();
    // However the handler reported its failed read, a body cut for being too slow is a 408.
    if too_slow.is_some_and(|t| t.happened()) {
        parts.status = StatusCode::REQUEST_TIMEOUT;
        parts.extensions.insert(ApiErrorCode::RequestTimeout);
        parts.headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    let code = parts
        .extensions
        .get::<ApiErrorCode>()
        .copied()
        .unwrap_or_else(|| code_for_status(parts.status));
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    parts.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let body = Json(ApiError::new(code, request_id));
    (parts, body).into_response()
}

/// Middleware around the API: a `404` leaves no earlier than `floor` after the request arrived.
/// Refusing a document or record one may not see runs the same statements as refusing a missing
/// one (see `services::documents`), but the rows read differ; the floor keeps that difference
/// (tenths of a millisecond) from being measured from outside. It waits after the handler, when
/// the database connection is already back in the pool.
pub async fn not_found_floor(
    axum::extract::State(floor): axum::extract::State<std::time::Duration>,
    request: Request,
    next: Next,
) -> Response {
    let start = tokio::time::Instant::now();
    let response = next.run(request).await;
    if response.status() == StatusCode::NOT_FOUND {
        tokio::time::sleep_until(start + floor).await;
    }
    response
}

/// How many API requests are in work: all told, and per client.
#[derive(Debug)]
pub struct Admission {
    /// One permit per request in work (`DSP_MAX_IN_FLIGHT`).
    pub slots: tokio::sync::Semaphore,
    /// Requests in work per client (`DSP_MAX_IN_FLIGHT_PER_CLIENT`).
    pub per_client: crate::clients::PerClient,
}

/// Middleware around the API: a client past its own share of requests in work (or on a
/// connection past its client's cap) is refused at once with `429 rate_limited`, `Retry-After: 1`:
/// it is that client's doing, and it alone waits. Past the instance's capacity (`slots`), the
/// next request is refused at once with `503 unavailable`, `Retry-After: 1`, so that under
/// overload the server answers in milliseconds instead of queueing requests for seconds behind
/// the pool.
pub async fn shed_load(
    axum::extract::State(admission): axum::extract::State<std::sync::Arc<Admission>>,
    request: Request,
    next: Next,
) -> Response {
    if request.extensions().get::<crate::clients::OverConnectionCap>().is_some() {
        return AppError::RateLimited(1).into_response();
    }
    let client = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip());
    let held = match client {
        Some(ip) => match admission.per_client.try_hold(ip) {
            Some(held) => Some(held),
            None => {
                tracing::debug!(%ip, "client past its share of requests in work: refused");
                return AppError::RateLimited(1).into_response();
            }
        },
        None => None,
    };
    match admission.slots.try_acquire() {
        Ok(_permit) => {
            let response = next.run(request).await;
            drop(held);
            response
        }
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "1")]).into_response(),
    }
}

/// A JSON body extractor whose refusals are `AppError`s with stable codes.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(match rejection {
                JsonRejection::JsonSyntaxError(e) => AppError::MalformedJson(e.body_text()),
                JsonRejection::JsonDataError(e) => AppError::InvalidRequest(e.body_text()),
                JsonRejection::MissingJsonContentType(_) => AppError::UnsupportedMediaType,
                JsonRejection::BytesRejection(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    AppError::PayloadTooLarge
                }
                other => AppError::MalformedJson(other.body_text()),
            }),
        }
    }
}

impl<T: serde::Serialize> IntoResponse for ApiJson<T> {
    fn into_response(self) -> Response {
        Json(self.0).into_response()
    }
}
