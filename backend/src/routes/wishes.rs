//! The patient's declared wishes (organ donation, advance directives): the patient's own forms
//! and their versions, and the declarations in force of a record for whoever may read them.

use axum::Json;
use axum::extract::{Path, State};
use shared::ApiError;
use shared::api::wishes::{PersonalWishes, WishForm, WishKind, WishVersion};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::{CurrentPatient, CurrentUser};
use crate::error::{ApiJson, AppError};
use crate::services::wishes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(own_wishes))
        .routes(routes!(record_wish))
        .routes(routes!(withdraw_wish))
        .routes(routes!(wish_versions))
        .routes(routes!(record_wishes))
}

/// One's own declarations, each as its newest version says (a withdrawal included).
#[utoipa::path(get, path = "/me/wishes", tag = "documents",
    responses((status = 200, body = PersonalWishes), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn own_wishes(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
) -> Result<Json<PersonalWishes>, AppError> {
    Ok(Json(wishes::own(&state, &meta, &patient).await?))
}

/// Records or changes one's declaration: a new version, in force at once.
#[utoipa::path(put, path = "/me/wishes/{kind}", tag = "documents", request_body = WishForm,
    params(("kind" = WishKind, Path, description = "organ-donation or advance-directive")),
    responses((status = 200, body = WishVersion),
              (status = 404, body = ApiError, description = "the record is closed"),
              (status = 422, body = ApiError, description = "wish_limits_required, wish_trusted_person_incomplete, wish_date_in_future, invalid_request")))]
async fn record_wish(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    Path(kind): Path<WishKind>,
    ApiJson(form): ApiJson<WishForm>,
) -> Result<Json<WishVersion>, AppError> {
    Ok(Json(wishes::record(&state, &meta, &patient, kind, &form).await?))
}

/// Withdraws one's declaration: a new version that says nothing; professionals no longer see it.
#[utoipa::path(post, path = "/me/wishes/{kind}/withdraw", tag = "documents",
    params(("kind" = WishKind, Path, description = "organ-donation or advance-directive")),
    responses((status = 200, body = WishVersion), (status = 404, body = ApiError, description = "nothing in force")))]
async fn withdraw_wish(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    Path(kind): Path<WishKind>,
) -> Result<Json<WishVersion>, AppError> {
    Ok(Json(wishes::withdraw(&state, &meta, &patient, kind).await?))
}

/// Every version of one's declaration, newest first.
#[utoipa::path(get, path = "/me/wishes/{kind}/versions", tag = "documents",
    params(("kind" = WishKind, Path, description = "organ-donation or advance-directive")),
    responses((status = 200, body = Vec<WishVersion>), (status = 401, body = ApiError)))]
async fn wish_versions(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    Path(kind): Path<WishKind>,
) -> Result<Json<Vec<WishVersion>>, AppError> {
    Ok(Json(wishes::versions(&state, &meta, &patient, kind).await?))
}

/// The declarations in force of a record, for whoever the access rules let read them.
#[utoipa::path(get, path = "/records/{patient_id}/wishes", tag = "documents", params(("patient_id" = Uuid, Path)),
    responses((status = 200, body = PersonalWishes), (status = 404, body = ApiError, description = "no such record, or no right to read it (indistinguishable)")))]
async fn record_wishes(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    Path(patient_id): Path<Uuid>,
) -> Result<Json<PersonalWishes>, AppError> {
    Ok(Json(wishes::for_record(&state, &meta, &user, patient_id).await?))
}
