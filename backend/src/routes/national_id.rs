//! `POST /api/national-ids/check`: the national-ID rules of `shared`, for clients that cannot
//! run them (practice software). Pure validation: no lookup, so it reveals nobody.

use shared::api::national_id::{NationalIdCheckRequest, NationalIdCheckResponse};
use shared::{ApiError, NationalId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::ApiJson;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(check))
}

/// Says whether a national ID is well-formed, and if not, which rule it breaks.
#[utoipa::path(
    post,
    path = "/national-ids/check",
    tag = "reference",
    request_body = NationalIdCheckRequest,
    responses(
        (status = 200, description = "The verdict", body = NationalIdCheckResponse),
        (status = 400, description = "Malformed JSON", body = ApiError),
        (status = 415, description = "Not application/json", body = ApiError),
        (status = 422, description = "JSON of the wrong shape", body = ApiError),
    )
)]
async fn check(
    ApiJson(request): ApiJson<NationalIdCheckRequest>,
) -> ApiJson<NationalIdCheckResponse> {
    ApiJson(match NationalId::parse(&request.national_id) {
        Ok(id) => NationalIdCheckResponse {
            valid: true,
            birth_date: Some(id.birth_date()),
            national_id: Some(id.to_string()),
            problem: None,
        },
        Err(e) => NationalIdCheckResponse {
            valid: false,
            national_id: None,
            birth_date: None,
            problem: Some(e.message_key().to_owned()),
        },
    })
}
