//! Talking to the JSON API under `/api`: one request function per method and one module per
//! resource.
//!
//! Turning a response into a value or an [`ApiFailure`] is plain Rust ([`interpret`],
//! [`interpret_empty`]), tested natively; only [`send`] touches the network. Session cookies
//! travel by the browser's same-origin default: the app never stores tokens. Every request that
//! changes state says `content-type: application/json` (the server's CSRF rule), bodiless ones
//! send `{}`.
//!
//! When any call (except the session probe) answers `401 session_expired` (or `unauthenticated`),
//! the handler that the session provider registered with [`on_session_expired`] runs: it forgets
//! the person and sends them to the sign-in page.

pub mod agency;
pub mod auth;
pub mod care;
pub mod documents;
pub mod health;
pub mod helpdesk;
pub mod history;
pub mod imports;
mod json;
pub mod life;
pub mod me;
pub mod oauth;
pub mod wishes;

use std::cell::RefCell;

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use shared::api::agency::Search;
use shared::{ApiError, ApiErrorCode};
use yew::Callback;

/// Why an API call produced no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiFailure {
    /// The request did not reach the server, or its answer was cut off.
    Network,
    /// The server answered with its error body (`{code, message_key, request_id}`).
    Api(ApiError),
    /// `429 rate_limited` with a `Retry-After` delay in seconds.
    RateLimited {
        /// The server's error body.
        error: ApiError,
        /// How long to wait before trying again.
        retry_after_seconds: u32,
    },
    /// An error status without our error body (e.g. from a proxy in between).
    Http(u16),
    /// A success status whose body is not what the API promises.
    Decode,
}

impl ApiFailure {
    /// The server's error code, when it sent one.
    #[must_use]
    pub const fn code(&self) -> Option<ApiErrorCode> {
        match self {
            Self::Api(error) | Self::RateLimited { error, .. } => Some(error.code),
            Self::Network | Self::Http(_) | Self::Decode => None,
        }
    }

    /// Whether the server answered with `code`.
    #[must_use]
    pub fn is(&self, code: ApiErrorCode) -> bool {
        self.code() == Some(code)
    }
}

/// The state of data that a page or the shell fetches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remote<T> {
    /// The request is on its way.
    Loading,
    /// The data arrived.
    Ready(T),
    /// The request failed.
    Failed(ApiFailure),
}

impl<T> From<Result<T, ApiFailure>> for Remote<T> {
    fn from(result: Result<T, ApiFailure>) -> Self {
        result.map_or_else(Self::Failed, Self::Ready)
    }
}

/// What an answer carried: status, the `Retry-After` header and the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// `Retry-After` in seconds, when present.
    pub retry_after: Option<u32>,
    /// The body as text.
    pub body: String,
}

thread_local! {
    static SESSION_EXPIRED: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
}

/// Registers what to do when the server says the session ended (the session provider does).
pub fn on_session_expired(handler: Callback<()>) {
    SESSION_EXPIRED.with(|cell| *cell.borrow_mut() = Some(handler));
}

/// Runs the session-expiry handler when `result` says the session is gone: `session_expired`,
/// or `unauthenticated` (the cookie itself went, e.g. signed out in another tab).
fn watch_expiry<T>(result: Result<T, ApiFailure>) -> Result<T, ApiFailure> {
    if let Err(failure) = &result {
        watch_failure(failure);
    }
    result
}

/// The non-generic part of [`watch_expiry`] (one copy, whatever the answer's type).
fn watch_failure(failure: &ApiFailure) {
    if failure.is(ApiErrorCode::SessionExpired) || failure.is(ApiErrorCode::Unauthenticated) {
        let handler = SESSION_EXPIRED.with(|cell| cell.borrow().clone());
        if let Some(handler) = handler {
            handler.emit(());
        }
    }
}

fn json_body<B: Serialize + ?Sized>(body: &B) -> Result<String, ApiFailure> {
    serde_json::to_string(body).map_err(|_| ApiFailure::Decode)
}

/// Sends `builder` with a JSON `body` and reads the answer: one copy of the request's future for
/// every body and answer type (the generic callers only encode and decode around it).
async fn exchange(
    builder: RequestBuilder,
    body: Result<String, ApiFailure>,
) -> Result<Answer, ApiFailure> {
    read(send(json_request(builder, body?)?).await?).await
}

fn json_request(builder: RequestBuilder, body: String) -> Result<Request, ApiFailure> {
    builder
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .body(body)
        .map_err(|_| ApiFailure::Network)
}

/// `exchange` for a body that answers nothing, with the session-expiry handler.
async fn exchange_for_nothing(
    builder: RequestBuilder,
    body: Result<String, ApiFailure>,
) -> Result<(), ApiFailure> {
    watch_expiry(exchange(builder, body).await.and_then(|answer| interpret_empty(&answer)))
}

/// Sends a request and returns the raw response.
async fn send(request: Request) -> Result<Response, ApiFailure> {
    request.send().await.map_err(|_| ApiFailure::Network)
}

/// Reads a response into an [`Answer`].
async fn read(response: Response) -> Result<Answer, ApiFailure> {
    let status = response.status();
    let retry_after = response.headers().get("retry-after").and_then(|v| v.trim().parse().ok());
    let body = response.text().await.map_err(|_| ApiFailure::Network)?;
    Ok(Answer { status, retry_after, body })
}

/// `GET path` without the session-expiry handler (the session probe itself).
pub async fn get_answer(path: &str) -> Result<Answer, ApiFailure> {
    let request = Request::get(path)
        .header("Accept", "application/json")
        .build()
        .map_err(|_| ApiFailure::Network)?;
    read(send(request).await?).await
}

/// `GET path` and read the JSON answer.
pub async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiFailure> {
    watch_expiry(get_answer(path).await.and_then(|answer| interpret_answer(&answer)))
}

/// The body of a search (the lists, the directory): what was typed, trimmed, or nothing. Words
/// a person types travel in a POST body, never in a URL that logs and history keep.
#[must_use]
pub fn search(q: &str) -> Search {
    let q = q.trim();
    Search { q: (!q.is_empty()).then(|| q.to_owned()) }
}

/// `POST path` with a JSON body and read the JSON answer.
pub async fn post_json<B: Serialize + ?Sized, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiFailure> {
    let answer = exchange(Request::post(path), json_body(body)).await;
    watch_expiry(answer.and_then(|answer| interpret_answer(&answer)))
}

/// `POST path` with a JSON body, expecting no content back.
pub async fn post_for_nothing<B: Serialize + ?Sized>(
    path: &str,
    body: &B,
) -> Result<(), ApiFailure> {
    exchange_for_nothing(Request::post(path), json_body(body)).await
}

/// `PATCH path` with a JSON body and read the JSON answer.
pub async fn patch_json<B: Serialize + ?Sized, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiFailure> {
    let answer = exchange(Request::patch(path), json_body(body)).await;
    watch_expiry(answer.and_then(|answer| interpret_answer(&answer)))
}

/// `PUT path` with a JSON body and read the JSON answer.
pub async fn put_json<B: Serialize + ?Sized, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiFailure> {
    let answer = exchange(Request::put(path), json_body(body)).await;
    watch_expiry(answer.and_then(|answer| interpret_answer(&answer)))
}

/// `PUT path` with a JSON body, expecting no content back.
pub async fn put_for_nothing<B: Serialize + ?Sized>(
    path: &str,
    body: &B,
) -> Result<(), ApiFailure> {
    exchange_for_nothing(Request::put(path), json_body(body)).await
}

/// `DELETE path`, expecting no content back.
pub async fn delete(path: &str) -> Result<(), ApiFailure> {
    exchange_for_nothing(Request::delete(path), Ok("{}".to_owned())).await
}

/// A file the server sent as an attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The name from `Content-Disposition`, if any.
    pub filename: Option<String>,
    /// The media type.
    pub content_type: String,
}

/// `POST path` with `{}`, expecting a file (the activation letter).
pub async fn post_for_file(path: &str) -> Result<Download, ApiFailure> {
    file_for(Ok("{}".to_owned()), path).await
}

/// `POST path` with a JSON body, expecting a file (a letter issued by the act).
pub async fn post_json_for_file<B: Serialize + ?Sized>(
    path: &str,
    body: &B,
) -> Result<Download, ApiFailure> {
    file_for(json_body(body), path).await
}

/// `POST path` with the JSON `body`, expecting a file (one copy for every body type).
async fn file_for(body: Result<String, ApiFailure>, path: &str) -> Result<Download, ApiFailure> {
    let response = send(json_request(Request::post(path), body?)?).await?;
    let status = response.status();
    if !(200..300).contains(&status) {
        let answer = read(response).await?;
        return watch_expiry(Err(failure(&answer)));
    }
    let headers = response.headers();
    let filename = headers.get("content-disposition").as_deref().and_then(attachment_filename);
    let content_type =
        headers.get("content-type").unwrap_or_else(|| "application/octet-stream".to_owned());
    let bytes = response.binary().await.map_err(|_| ApiFailure::Network)?;
    Ok(Download { bytes, filename, content_type })
}

/// The value of a success response, or why there is none.
#[cfg(test)]
pub fn interpret<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiFailure> {
    interpret_answer(&Answer { status, retry_after: None, body: body.to_owned() })
}

/// Like [`interpret`], keeping the `Retry-After` delay of a `429`.
pub fn interpret_answer<T: DeserializeOwned>(answer: &Answer) -> Result<T, ApiFailure> {
    if (200..300).contains(&answer.status) { decode(&answer.body) } else { Err(failure(answer)) }
}

fn decode<T: DeserializeOwned>(body: &str) -> Result<T, ApiFailure> {
    json::from_str(body).map_err(|_| ApiFailure::Decode)
}

/// A success without a body (`204`), or why not.
pub fn interpret_empty(answer: &Answer) -> Result<(), ApiFailure> {
    if (200..300).contains(&answer.status) { Ok(()) } else { Err(failure(answer)) }
}

fn failure(answer: &Answer) -> ApiFailure {
    match decode::<ApiError>(&answer.body) {
        Ok(error) => match (error.code, answer.retry_after) {
            (ApiErrorCode::RateLimited, Some(retry_after_seconds)) => {
                ApiFailure::RateLimited { error, retry_after_seconds }
            }
            _ => ApiFailure::Api(error),
        },
        Err(_) => ApiFailure::Http(answer.status),
    }
}

/// The file name of a `Content-Disposition: attachment; filename="…"` header.
#[must_use]
pub fn attachment_filename(header: &str) -> Option<String> {
    header.split(';').map(str::trim).find_map(|part| {
        let value = part.strip_prefix("filename=")?;
        let name = value.trim_matches('"').trim();
        // Only a plain name: never a path.
        let name = name.rsplit(['/', '\\']).next().unwrap_or_default();
        (!name.is_empty()).then(|| name.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use shared::ApiErrorCode;
    use shared::api::health::{DatabaseEngine, HealthResponse};

    use super::*;

    #[test]
    fn a_search_body_holds_the_trimmed_words_or_nothing() {
        assert_eq!(search("  Reuter ").q.as_deref(), Some("Reuter"));
        assert_eq!(search("   ").q, None);
        assert_eq!(serde_json::to_string(&search("Émile & co")).unwrap(), r#"{"q":"Émile & co"}"#);
    }

    #[test]
    fn a_success_body_is_decoded() {
        let body = r#"{"status":"ok","version":"0.1.0","database":"postgres",
                       "migration":"m20261125_000001_init","migrations_applied":3}"#;
        let health: HealthResponse = interpret(200, body).unwrap();
        assert_eq!(health.database, DatabaseEngine::Postgres);
        assert_eq!(health.migrations_applied, 3);
        assert_eq!(interpret::<HealthResponse>(200, "<html>"), Err(ApiFailure::Decode));
    }

    #[test]
    fn an_error_body_keeps_code_and_request_id() {
        let body =
            r#"{"code":"rate_limited","message_key":"error-rate-limited","request_id":"r1"}"#;
        assert_eq!(
            interpret::<HealthResponse>(429, body),
            Err(ApiFailure::Api(ApiError::new(ApiErrorCode::RateLimited, "r1")))
        );
    }

    #[test]
    fn a_rate_limit_keeps_its_delay() {
        let body =
            r#"{"code":"rate_limited","message_key":"error-rate-limited","request_id":"r1"}"#;
        let answer = Answer { status: 429, retry_after: Some(90), body: body.to_owned() };
        let failure = interpret_answer::<HealthResponse>(&answer).unwrap_err();
        assert_eq!(
            failure,
            ApiFailure::RateLimited {
                error: ApiError::new(ApiErrorCode::RateLimited, "r1"),
                retry_after_seconds: 90
            }
        );
        assert!(failure.is(ApiErrorCode::RateLimited));
    }

    #[test]
    fn an_error_without_our_body_keeps_its_status() {
        assert_eq!(interpret::<HealthResponse>(404, "Not Found"), Err(ApiFailure::Http(404)));
        let unknown_code =
            r#"{"code":"brand_new","message_key":"error-brand-new","request_id":"r"}"#;
        assert_eq!(interpret::<HealthResponse>(418, unknown_code), Err(ApiFailure::Http(418)));
        assert_eq!(ApiFailure::Http(418).code(), None);
    }

    #[test]
    fn no_content_is_a_success() {
        let answer = Answer { status: 204, retry_after: None, body: String::new() };
        assert_eq!(interpret_empty(&answer), Ok(()));
        let body =
            r#"{"code":"last_credential","message_key":"error-last-credential","request_id":"x"}"#;
        let answer = Answer { status: 409, retry_after: None, body: body.to_owned() };
        assert!(interpret_empty(&answer).unwrap_err().is(ApiErrorCode::LastCredential));
    }

    #[test]
    fn the_attachment_name_is_a_plain_file_name() {
        assert_eq!(
            attachment_filename(r#"attachment; filename="dsp-letter-1893.pdf""#).as_deref(),
            Some("dsp-letter-1893.pdf")
        );
        assert_eq!(attachment_filename("attachment; filename=a.pdf").as_deref(), Some("a.pdf"));
        assert_eq!(
            attachment_filename(r#"attachment; filename="../../x.pdf""#).as_deref(),
            Some("x.pdf")
        );
        assert_eq!(attachment_filename("attachment"), None);
    }
}
