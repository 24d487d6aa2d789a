//! The record's life: the patient's own record (close it), and the agency's acts on a record
//! (close on a postal request, record a death, reopen).

use shared::api::life::{DeathRecord, PostalClosing, RecordLife};
use shared::ids::PatientId;

use super::{ApiFailure, Download, get_json, post_for_file, post_json};

/// The patient's own record's state.
pub async fn mine() -> Result<RecordLife, ApiFailure> {
    get_json("/api/me/record").await
}

/// The patient closes their record (`403 reverification_required` first).
pub async fn close_mine() -> Result<RecordLife, ApiFailure> {
    post_json("/api/me/record/close", &serde_json::Map::new()).await
}

/// A record's life, for an agent.
pub async fn of_record(id: PatientId) -> Result<RecordLife, ApiFailure> {
    get_json(&format!("/api/agency/patients/{id}/life")).await
}

/// An agent closes a record on a postal request.
pub async fn close_by_post(id: PatientId, reference: &str) -> Result<RecordLife, ApiFailure> {
    let body = PostalClosing { reference: reference.to_owned() };
    post_json(&format!("/api/agency/patients/{id}/close"), &body).await
}

/// An agent records a death.
pub async fn record_death(id: PatientId, death: &DeathRecord) -> Result<RecordLife, ApiFailure> {
    post_json(&format!("/api/agency/patients/{id}/death"), death).await
}

/// An agent reopens a closed record.
pub async fn reopen(id: PatientId) -> Result<RecordLife, ApiFailure> {
    post_json(&format!("/api/agency/patients/{id}/reopen"), &serde_json::Map::new()).await
}

/// The confirmation letter (PDF) of a record's last change: closed or reopened.
pub async fn confirmation_letter(id: PatientId) -> Result<Download, ApiFailure> {
    post_for_file(&format!("/api/agency/patients/{id}/life/letter")).await
}
