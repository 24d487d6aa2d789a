//! The agency's helpdesk: a record's letters and activation unlock, recovery after an identity
//! check, licence suspension and reinstatement, organisations; a professional's notices.

use shared::api::agency::{
    EnrolmentCodeIssued, OrganisationSummary, PatientSummary, ProfessionalSummary,
};
use shared::api::helpdesk::{
    Assignment, IdentityCheck, KeyRecovery, LetterRecord, LetterRequest, LicenceChange,
    OrganisationDetail, OrganisationInput, ProfessionalNotice,
};
use shared::ids::{OrganisationId, PatientId, ProfessionalId};

use super::{ApiFailure, Download, get_json, post_json, post_json_for_file, put_json, search};

/// The letters issued for a record, newest first.
pub async fn letters(id: PatientId) -> Result<Vec<LetterRecord>, ApiFailure> {
    get_json(&format!("/api/agency/patients/{id}/letters")).await
}

/// Lifts an activation lock-out.
pub async fn unlock(id: PatientId) -> Result<PatientSummary, ApiFailure> {
    post_json(&format!("/api/agency/patients/{id}/unlock"), &serde_json::Map::new()).await
}

/// A recovery letter (PDF) after the identity check.
pub async fn recovery_letter(id: PatientId, check: IdentityCheck) -> Result<Download, ApiFailure> {
    let body = LetterRequest { identity_check: Some(check) };
    post_json_for_file(&format!("/api/agency/patients/{id}/letter"), &body).await
}

/// A recovery enrolment code for a professional after the identity check.
pub async fn professional_recovery(
    id: ProfessionalId,
    check: IdentityCheck,
) -> Result<EnrolmentCodeIssued, ApiFailure> {
    let body = KeyRecovery { identity_check: check };
    post_json(&format!("/api/agency/professionals/{id}/recovery"), &body).await
}

/// Suspends (`true`) or reinstates a professional's licence.
pub async fn change_licence(
    id: ProfessionalId,
    suspend: bool,
    reason: String,
) -> Result<ProfessionalSummary, ApiFailure> {
    let what = if suspend { "suspension" } else { "reinstatement" };
    post_json(&format!("/api/agency/professionals/{id}/{what}"), &LicenceChange { reason }).await
}

/// Assigns a professional to an organisation.
pub async fn assign(
    id: ProfessionalId,
    organisation_id: OrganisationId,
) -> Result<ProfessionalSummary, ApiFailure> {
    put_json(
        &format!("/api/agency/professionals/{id}/organisation"),
        &Assignment { organisation_id },
    )
    .await
}

/// Organisations whose name matches `q`.
pub async fn organisations(q: &str) -> Result<Vec<OrganisationSummary>, ApiFailure> {
    post_json("/api/agency/organisations/search", &search(q)).await
}

/// One organisation with its professionals.
pub async fn organisation(id: OrganisationId) -> Result<OrganisationDetail, ApiFailure> {
    get_json(&format!("/api/agency/organisations/{id}")).await
}

/// Adds an organisation.
pub async fn create_organisation(
    input: &OrganisationInput,
) -> Result<OrganisationDetail, ApiFailure> {
    post_json("/api/agency/organisations", input).await
}

/// Renames an organisation or changes its kind.
pub async fn update_organisation(
    id: OrganisationId,
    input: &OrganisationInput,
) -> Result<OrganisationDetail, ApiFailure> {
    put_json(&format!("/api/agency/organisations/{id}"), input).await
}

/// What the signed-in professional is told.
pub async fn notices() -> Result<Vec<ProfessionalNotice>, ApiFailure> {
    get_json("/api/professional/notices").await
}
