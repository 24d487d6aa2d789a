//! The agency console: patients' records and their letters, the professional directory and
//! enrolment codes, the emergency-access review and its alerts.

use shared::api::agency::{
    EnrolmentCodeIssued, NewPatient, NewProfessional, OrganisationSummary, PatientSummary,
    ProfessionalSummary,
};
use shared::api::care::{EmergencyAccessReview, EmergencyAlert, SetDisposition};
use shared::api::me::ContactData;
use shared::api::opening::{AcceptOpening, OpeningRequestSummary, RejectOpening};
use shared::ids::{PatientId, ProfessionalId};

use uuid::Uuid;

use super::{ApiFailure, Download, get_json, post_for_file, post_json, put_json, search};

/// Patients whose name or national ID matches `q` (the newest when `q` is empty).
pub async fn patients(q: &str) -> Result<Vec<PatientSummary>, ApiFailure> {
    post_json("/api/agency/patients/search", &search(q)).await
}

/// Creates a record.
pub async fn create_patient(patient: &NewPatient) -> Result<PatientSummary, ApiFailure> {
    post_json("/api/agency/patients", patient).await
}

/// One record.
pub async fn patient(id: PatientId) -> Result<PatientSummary, ApiFailure> {
    get_json(&format!("/api/agency/patients/{id}")).await
}

/// The information and activation letter (PDF) with a new activation code.
pub async fn letter(id: PatientId) -> Result<Download, ApiFailure> {
    post_for_file(&format!("/api/agency/patients/{id}/letter")).await
}

/// The organisations of the directory.
pub async fn organisations() -> Result<Vec<OrganisationSummary>, ApiFailure> {
    get_json("/api/agency/organisations").await
}

/// Professionals whose name or licence matches `q`.
pub async fn professionals(q: &str) -> Result<Vec<ProfessionalSummary>, ApiFailure> {
    post_json("/api/agency/professionals/search", &search(q)).await
}

/// Adds a professional to the directory.
pub async fn create_professional(
    professional: &NewProfessional,
) -> Result<ProfessionalSummary, ApiFailure> {
    post_json("/api/agency/professionals", professional).await
}

/// A new enrolment code (revokes the professional's keys and any earlier code).
pub async fn issue_enrolment_code(id: ProfessionalId) -> Result<EnrolmentCodeIssued, ApiFailure> {
    post_json(&format!("/api/agency/professionals/{id}/enrolment-code"), &serde_json::Map::new())
        .await
}

/// Emergency accesses opened, newest first, for the review.
pub async fn emergency_accesses() -> Result<Vec<EmergencyAccessReview>, ApiFailure> {
    get_json("/api/agency/emergency-accesses").await
}

/// Professionals refused at the cap on emergency accesses, newest first.
pub async fn emergency_alerts() -> Result<Vec<EmergencyAlert>, ApiFailure> {
    get_json("/api/agency/emergency-alerts").await
}

/// Records (or changes) the disposition of an emergency access.
pub async fn set_disposition(
    id: Uuid,
    disposition: &SetDisposition,
) -> Result<EmergencyAccessReview, ApiFailure> {
    put_json(&format!("/api/agency/emergency-accesses/{id}/disposition"), disposition).await
}

/// Replaces a patient's phone and e-mail; the record as it now is.
pub async fn set_contact(
    id: PatientId,
    contact: &ContactData,
) -> Result<PatientSummary, ApiFailure> {
    put_json(&format!("/api/agency/patients/{id}/contact"), contact).await
}

/// Records an objection received by post: the record is deleted for good.
pub async fn postal_objection(
    id: PatientId,
    objection: &shared::api::agency::PostalObjection,
) -> Result<Download, ApiFailure> {
    super::post_json_for_file(&format!("/api/agency/patients/{id}/objection"), objection).await
}

/// The waiting opening requests, oldest first.
pub async fn opening_requests() -> Result<Vec<OpeningRequestSummary>, ApiFailure> {
    get_json("/api/agency/opening-requests").await
}

/// Accepts an opening request: the record is created; the answer is its activation letter.
pub async fn accept_opening(id: Uuid, accept: &AcceptOpening) -> Result<Download, ApiFailure> {
    super::post_json_for_file(&format!("/api/agency/opening-requests/{id}/accept"), accept).await
}

/// Rejects an opening request with a reason.
pub async fn reject_opening(
    id: Uuid,
    reject: &RejectOpening,
) -> Result<OpeningRequestSummary, ApiFailure> {
    post_json(&format!("/api/agency/opening-requests/{id}/reject"), reject).await
}

/// The key figures now.
pub async fn figures() -> Result<shared::api::figures::KeyFigures, ApiFailure> {
    get_json("/api/agency/figures").await
}

/// The key figures over time, by `granularity`, over its default range.
pub async fn figures_series(
    granularity: shared::api::figures::Granularity,
) -> Result<shared::api::figures::FiguresSeries, ApiFailure> {
    get_json(&format!("/api/agency/figures/series?granularity={}", granularity.as_str())).await
}
