//! The FHIR R4 interface (`/fhir/R4`) that practice and hospital software speaks, following
//! IHE MHD (Document Recipient and Responder) and PDQm. Every read and write goes through the
//! same services, decision function and audit as the portal, with the software named in each
//! audit entry (see [`crate::oauth::FhirCaller`]).
//!
//! The router is [`router`], the one place where `/fhir/R4` routes are registered. Every error
//! under it is an `OperationOutcome` ([`operation_outcomes`]) whose `details.coding` carries the
//! stable [`ApiErrorCode`] (system [`API_ERROR_SYSTEM`]); a hidden document, a record without a
//! care relation and a missing resource answer the same way, as in the portal.

mod audit_events;
mod capability;
mod documents;
mod params;
mod patients;

use std::sync::Arc;

use axum::Router;
use axum::extract::Request;
use axum::extract::{RawForm, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use shared::ApiErrorCode;
use tower_http::catch_panic::CatchPanicLayer;

use crate::app::AppState;
use crate::error::{Admission, AppError, code_for_status, not_found_floor, shed_load};

pub use params::Params;

pub mod provide;

/// The media type of FHIR JSON.
pub const FHIR_JSON: &str = "application/fhir+json; charset=utf-8";
/// Where the interface lives, under the public origin.
pub const BASE_PATH: &str = "/fhir/R4";
/// The Luxembourg national identification number (matricule) as a FHIR identifier system.
pub const NATIONAL_ID_SYSTEM: &str = "urn:oid:1.3.182.4.4";
/// The code system of DSP's stable error codes, in every `OperationOutcome`.
pub const API_ERROR_SYSTEM: &str = "https://dsp.lu/fhir/CodeSystem/api-error";
/// DSP's document categories (`DocumentReference.category`).
pub const CATEGORY_SYSTEM: &str = "https://dsp.lu/fhir/CodeSystem/category";
/// The format DSP validated a document's content as (`pdf`, `cda_xml`, `fhir_json`, `png`,
/// `jpeg`): `DocumentReference.type` and its `type` search parameter.
pub const FORMAT_SYSTEM: &str = "https://dsp.lu/fhir/CodeSystem/document-format";
/// Professionals of DSP's directory, by their id.
pub const PROFESSIONAL_SYSTEM: &str = "https://dsp.lu/fhir/NamingSystem/professional";
/// The IHE MHD list types (`submissionset`, `folder`).
pub const LIST_TYPE_SYSTEM: &str = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";
/// The largest page a search returns (`_count` is capped to it).
pub const MAX_COUNT: usize = 100;
/// The page a search returns when `_count` says nothing.
pub const DEFAULT_COUNT: usize = 20;

/// Every `/fhir/R4` route, with its middleware: OperationOutcome errors, the not-found floor,
/// the load shedding of the API. Practice software authenticates with a bearer token (no
/// cookie: no CSRF check).
pub fn router<S: Clone + Send + Sync + 'static>(
    state: AppState,
    floor: std::time::Duration,
    admission: Arc<Admission>,
) -> Router<S> {
    let fhir = Router::new()
        .route("/", post(provide::transaction))
        .route("/metadata", get(capability::metadata))
        .route("/.well-known/smart-configuration", get(capability::smart_configuration))
        .route("/DocumentReference", get(documents::search))
        .route("/DocumentReference/_search", post(search_documents_by_post))
        .route("/DocumentReference/{id}", get(documents::read))
        .route("/DocumentReference/{id}/_history/{version}", get(documents::vread))
        .route("/Binary/{id}", get(documents::binary))
        .route("/Binary/{id}/_history/{version}", get(documents::binary_version))
        .route("/List", get(documents::lists))
        .route("/List/_search", post(search_lists_by_post))
        .route("/Patient", get(patients::search))
        .route("/Patient/_search", post(search_patients_by_post))
        .route("/Patient/{id}", get(patients::read))
        .route("/AuditEvent", get(audit_events::search))
        .route("/AuditEvent/_search", post(search_audit_events_by_post))
        .fallback(not_found);
    Router::new()
        .nest(BASE_PATH, fhir)
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn_with_state(floor, not_found_floor))
        .layer(middleware::from_fn_with_state(admission, shed_load))
        .layer(middleware::from_fn(operation_outcomes))
        .with_state(state)
}

/// `POST [type]/_search` (FHIR's search with its parameters in an
/// `application/x-www-form-urlencoded` body) answers exactly as `GET [type]?…` does: the body's
/// parameters join those of the URL. Software that searches by national ID this way keeps the
/// identifier out of URLs, which proxies and gateways log.
macro_rules! search_by_post {
    ($($name:ident => $search:path),* $(,)?) => {$(
        async fn $name(
            state: State<AppState>,
            meta: crate::audit::RequestMeta,
            caller: crate::oauth::FhirCaller,
            RawQuery(query): RawQuery,
            RawForm(body): RawForm,
        ) -> Result<Response, AppError> {
            let body = std::str::from_utf8(&body)
                .map_err(|_| AppError::InvalidRequest("the search form is not UTF-8".into()))?;
            let joined = match query.as_deref() {
                Some(query) if !query.is_empty() && !body.is_empty() => format!("{query}&{body}"),
                Some(query) if !query.is_empty() => query.to_owned(),
                _ => body.to_owned(),
            };
            $search(state, meta, caller, RawQuery(Some(joined))).await
        }
    )*};
}

search_by_post!(
    search_documents_by_post => documents::search,
    search_lists_by_post => documents::lists,
    search_patients_by_post => patients::search,
    search_audit_events_by_post => audit_events::search,
);

/// Any `/fhir/R4` path no route answers.
async fn not_found() -> AppError {
    AppError::NotFound
}

/// The `OperationOutcome.issue.code` of an HTTP status.
const fn issue_code(status: StatusCode) -> &'static str {
    match status.as_u16() {
        401 => "login",
        403 => "forbidden",
        404 | 410 => "not-found",
        405 | 406 | 415 => "not-supported",
        408 => "timeout",
        413 => "too-costly",
        429 | 503 => "throttled",
        400..=499 => "invalid",
        _ => "exception",
    }
}

/// The `OperationOutcome` of a refusal: no request id or anything else that differs between two
/// refusals with the same code (the request id is in the `x-request-id` header).
#[must_use]
pub fn operation_outcome(status: StatusCode, code: ApiErrorCode) -> Value {
    json!({
        "resourceType": "OperationOutcome",
        "issue": [{
            "severity": if status.is_server_error() { "fatal" } else { "error" },
            "code": issue_code(status),
            "details": {
                "coding": [{ "system": API_ERROR_SYSTEM, "code": code.as_str() }],
                "text": code.as_str(),
            },
        }],
    })
}

/// Middleware around `/fhir/R4`: every 4xx/5xx becomes an `OperationOutcome` with the stable
/// code; a `401` says `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750).
pub async fn operation_outcomes(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (mut parts, _body) = response.into_parts();
    let code =
        parts.extensions.get::<ApiErrorCode>().copied().unwrap_or_else(|| code_for_status(status));
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_DISPOSITION);
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(FHIR_JSON));
    parts.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if status == StatusCode::UNAUTHORIZED {
        parts.headers.insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static(r#"Bearer realm="DSP", error="invalid_token""#),
        );
    } else if code == ApiErrorCode::InsufficientScope {
        parts.headers.insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static(r#"Bearer realm="DSP", error="insufficient_scope""#),
        );
    }
    (parts, operation_outcome(status, code).to_string()).into_response()
}

/// A FHIR JSON answer (never cached: it carries health data).
pub(crate) fn resource(value: &Value) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(FHIR_JSON)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        value.to_string(),
    )
        .into_response()
}

/// The interface's absolute base URL (`<public origin>/fhir/R4`).
pub(crate) fn base_url(state: &AppState) -> String {
    format!("{}{BASE_PATH}", state.config.public_origin.trim_end_matches('/'))
}

/// A `searchset` Bundle of `resources` (each `(type/id, resource)`), with its `self` link, the
/// `next` link when there is a next page, and the total of matches when known.
pub(crate) fn searchset(
    state: &AppState,
    self_link: &str,
    next_link: Option<String>,
    total: Option<usize>,
    resources: Vec<Value>,
) -> Value {
    let base = base_url(state);
    let mut links = vec![json!({ "relation": "self", "url": format!("{base}/{self_link}") })];
    if let Some(next) = next_link {
        links.push(json!({ "relation": "next", "url": format!("{base}/{next}") }));
    }
    let entries: Vec<Value> = resources
        .into_iter()
        .map(|r| {
            let full_url = format!(
                "{base}/{}/{}",
                r["resourceType"].as_str().unwrap_or_default(),
                r["id"].as_str().unwrap_or_default()
            );
            json!({ "fullUrl": full_url, "resource": r, "search": { "mode": "match" } })
        })
        .collect();
    let mut bundle = json!({
        "resourceType": "Bundle",
        "type": "searchset",
        "timestamp": state.clock.now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "link": links,
    });
    if let Some(total) = total {
        bundle["total"] = json!(total);
    }
    // FHIR allows no empty arrays.
    if !entries.is_empty() {
        bundle["entry"] = Value::Array(entries);
    }
    bundle
}
