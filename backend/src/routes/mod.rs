//! The HTTP layer of the API: each resource module owns its router; this module only merges them.
//!
//! Every route is registered with `utoipa_axum::routes!`, which adds it to the OpenAPI document at
//! the same time; a test fails when a plain axum route call appears here, so no endpoint can be missing
//! from the contract.

use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;

mod agency;
mod auth;
mod care;
mod documents;
mod health;
mod helpdesk;
mod history;
mod imports;
mod life;
mod me;
mod national_id;
mod oauth;
mod openapi;
mod opening;
mod wishes;

/// The OpenAPI document's fixed parts; paths come from the routers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "DSP — shared care record API",
        description = "JSON API of DSP, the national shared care record. Errors are `ApiError` bodies with stable codes."
    ),
    components(schemas(shared::ApiError, shared::ApiErrorCode)),
    tags(
        (name = "system", description = "Health and the API contract itself"),
        (name = "reference", description = "Checks and reference data that need no sign-in"),
        (name = "sign-in", description = "WebAuthn sign-in and sessions"),
        (name = "activation", description = "A patient activates their record with the letter's code"),
        (name = "enrolment", description = "A professional or agent registers a security key"),
        (name = "security", description = "One's own credentials and sessions"),
        (name = "agency", description = "The agency console (agents only)"),
        (name = "care", description = "Who may reach a record, under the patient's control"),
        (name = "documents", description = "Documents of a record, within the access rules"),
        (name = "history", description = "A patient's history of their record (patients only)"),
        (name = "life", description = "The record's life: closing, a death, reopening"),
        (name = "opening", description = "A person asks for their record (no sign-in)"),
        (name = "oauth", description = "Practice software: the OAuth 2.0 endpoints it calls (outside /api), a professional's approval and connected software"),
    )
)]
struct ApiDoc;

/// The document's title, description, shared schemas and tags.
#[must_use]
pub fn openapi_base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// Every API route, relative to `/api`, with its OpenAPI description.
#[must_use]
pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(health::router())
        .merge(auth::router())
        .merge(me::router())
        .merge(history::router())
        .merge(agency::router())
        .merge(imports::router())
        .merge(helpdesk::router())
        .merge(care::router())
        .merge(documents::router())
        .merge(wishes::router())
        .merge(life::router())
        .merge(opening::router())
        .merge(national_id::router())
        .merge(oauth::router())
        .merge(openapi::router())
}

/// The OAuth 2.0 endpoints practice software calls, at the root (outside `/api`: form bodies,
/// the RFCs' answers, no session cookie and so no CSRF check).
#[must_use]
pub fn oauth_protocol() -> OpenApiRouter<AppState> {
    oauth::protocol()
}

/// A letter an act issued, as the download the agent prints or the person keeps: a PDF that no
/// cache keeps (it names the person).
pub(crate) fn letter_response(letter: crate::services::agency::Letter) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse as _;
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", letter.file_name)),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        letter.pdf,
    )
        .into_response()
}
