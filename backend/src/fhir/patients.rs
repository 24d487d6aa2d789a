//! ITI-78 PDQm Patient Demographics Supplier, as far as a professional may go: a patient is
//! found only when the professional reaches their record now (the portal's lookup); anyone else
//! (no record, no relation, a closed record) is simply not found — the same answer for all.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};
use shared::ApiErrorCode;
use shared::api::care::PatientFound;

use super::params::{Params, national_id};
use super::{NATIONAL_ID_SYSTEM, resource, searchset};
use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::CurrentProfessional;
use crate::error::AppError;
use crate::oauth::{FhirCaller, Op};
use crate::services::care;

/// A patient the professional reaches, as a FHIR `Patient`.
fn patient(found: &PatientFound) -> Value {
    json!({
        "resourceType": "Patient",
        "id": found.patient_id.0.to_string(),
        "identifier": [{ "use": "official", "system": NATIONAL_ID_SYSTEM, "value": found.national_id }],
        "active": true,
        "name": [{ "use": "official", "family": found.family_name, "given": [found.given_name] }],
        "birthDate": found.birth_date.to_string(),
    })
}

/// `Patient?identifier=urn:oid:1.3.182.4.4|<matricule>`: the one patient with that national ID
/// when the professional reaches their record, else an empty searchset (whether there is no such
/// record or it is one they may not reach). Audited and rate-limited as the portal's lookup.
pub(super) async fn search(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: FhirCaller,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    caller.require("Patient", Op::Search)?;
    let params = Params::parse(query.as_deref(), &["identifier"])?;
    let token = params
        .one("identifier")?
        .ok_or_else(|| AppError::InvalidRequest("identifier is required".into()))?;
    let matricule = national_id(token)?;
    let pro = CurrentProfessional(caller.user.clone());
    let found = match care::find_patient(&state, &caller.stamp(meta), &pro, &matricule).await {
        Ok(found) => vec![patient(&found)],
        Err(AppError::Refused(StatusCode::NOT_FOUND, ApiErrorCode::NotFound)) => Vec::new(),
        Err(other) => return Err(other),
    };
    let total = found.len();
    let self_link = format!(
        "Patient?{}",
        form_urlencoded::Serializer::new(String::new()).append_pair("identifier", token).finish()
    );
    Ok(resource(&searchset(&state, &self_link, None, Some(total), found)))
}

/// `Patient/{id}`: the patient when the professional reaches their record now, else
/// `not_found`.
pub(super) async fn read(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: FhirCaller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    caller.require("Patient", Op::Read)?;
    let id = uuid::Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    let pro = CurrentProfessional(caller.user.clone());
    let found = care::record_patient(&state, &caller.stamp(meta), &pro, id).await?;
    Ok(resource(&patient(&found)))
}
