//! Who may reach the record: the patient's controls (connection code, référent, links, blocks,
//! emergency access, the directory to choose from) and a professional opening a consultation.

use chrono::NaiveDate;
use shared::NationalId;
use shared::api::care::{
    CareOverview, ConnectionCode, ConsultationOpened, EmergencyAccessOpened,
    EmergencyAccessRequest, EmergencyAccessSetting, GrantLink, LinkContext, LinkSummary,
    Notification, OpenAdmission, OpenConsultation, PatientFound, PatientLookup, ProfessionalBrief,
    SetReferent, WorklistEntry,
};
use shared::ids::{PatientId, ProfessionalId};
use uuid::Uuid;

use super::{
    ApiFailure, delete, get_json, post_for_nothing, post_json, put_for_nothing, put_json, search,
};

/// A fresh connection code (10 minutes, single use).
pub async fn connection_code() -> Result<ConnectionCode, ApiFailure> {
    post_json("/api/me/connection-code", &serde_json::Map::new()).await
}

/// The référent, blocks, links and emergency-access switch.
pub async fn overview() -> Result<CareOverview, ApiFailure> {
    get_json("/api/me/care").await
}

/// Active professionals whose name matches `q` (at least 2 characters).
pub async fn directory(q: &str) -> Result<Vec<ProfessionalBrief>, ApiFailure> {
    post_json("/api/me/directory", &search(q)).await
}

/// Grants `professional` access until the end of `until`.
pub async fn grant_link(
    professional: ProfessionalId,
    until: NaiveDate,
) -> Result<LinkSummary, ApiFailure> {
    post_json("/api/me/links", &GrantLink { professional_id: professional, until }).await
}

/// Ends a link at once.
pub async fn end_link(id: Uuid) -> Result<(), ApiFailure> {
    delete(&format!("/api/me/links/{id}")).await
}

/// Designates a physician as médecin référent, or removes the référent (`None`).
pub async fn set_referent(
    professional: Option<ProfessionalId>,
) -> Result<CareOverview, ApiFailure> {
    put_json("/api/me/referent", &SetReferent { professional_id: professional }).await
}

/// Blocks a professional (`true`) or lifts the block (`false`).
pub async fn set_block(professional: ProfessionalId, blocked: bool) -> Result<(), ApiFailure> {
    let path = format!("/api/me/blocks/{}", professional.0);
    if blocked {
        put_for_nothing(&path, &serde_json::Map::new()).await
    } else {
        delete(&path).await
    }
}

/// Switches emergency access on or off.
pub async fn set_emergency_access(enabled: bool) -> Result<(), ApiFailure> {
    put_for_nothing("/api/me/emergency-access", &EmergencyAccessSetting { enabled }).await
}

/// A professional opens a 15-day consultation link with the patient's code.
pub async fn open_consultation(
    request: &OpenConsultation,
) -> Result<ConsultationOpened, ApiFailure> {
    post_json("/api/professional/consultations", request).await
}

/// A professional breaks the glass on a record (`403 reverification_required` when the last
/// verification with the security key is older than five minutes).
pub async fn open_emergency_access(
    patient: PatientId,
    reason: &str,
) -> Result<EmergencyAccessOpened, ApiFailure> {
    let request = EmergencyAccessRequest { reason: reason.to_owned() };
    post_json(&format!("/api/records/{}/emergency-access", patient.0), &request).await
}

/// Hospital or care-institution staff register an admission (a stay or an emergency department).
pub async fn open_admission(
    national_id: &NationalId,
    context: LinkContext,
) -> Result<LinkSummary, ApiFailure> {
    let request = OpenAdmission { national_id: national_id.as_str().to_owned(), context };
    post_json("/api/professional/admissions", &request).await
}

/// Renews an institution-stay link by 30 days.
pub async fn renew_stay(link: Uuid) -> Result<LinkSummary, ApiFailure> {
    post_json(&format!("/api/professional/links/{link}/renew"), &serde_json::Map::new()).await
}

/// A patient this professional reaches now, by national ID (`404` otherwise).
pub async fn find_patient(national_id: &NationalId) -> Result<PatientFound, ApiFailure> {
    let lookup = PatientLookup { national_id: national_id.as_str().to_owned() };
    post_json("/api/professional/patients", &lookup).await
}

/// Opens an emergency access from a lookup by national ID.
pub async fn open_emergency_access_by_national_id(
    national_id: &NationalId,
    reason: &str,
) -> Result<EmergencyAccessOpened, ApiFailure> {
    let request = shared::api::care::EmergencyAccessByNationalId {
        national_id: national_id.as_str().to_owned(),
        reason: reason.to_owned(),
    };
    post_json("/api/professional/emergency-access", &request).await
}

/// Whose record it is (name, national ID, birth date), for a record the professional reaches.
pub async fn record_patient(patient: PatientId) -> Result<PatientFound, ApiFailure> {
    get_json(&format!("/api/records/{}/patient", patient.0)).await
}

/// The patient's notifications.
pub async fn notifications() -> Result<Vec<Notification>, ApiFailure> {
    get_json("/api/me/notifications").await
}

/// Marks all of the patient's notifications as read.
pub async fn notifications_read() -> Result<(), ApiFailure> {
    post_for_nothing("/api/me/notifications/read", &serde_json::Map::new()).await
}

/// The signed-in professional's worklist: the patients they reach through a live link of their
/// own or of their institution, soonest-ending first.
pub async fn worklist() -> Result<Vec<WorklistEntry>, ApiFailure> {
    get_json("/api/professional/links").await
}

/// A professional opens a 15-day consultation link with the practice code from the patient's
/// letter.
pub async fn open_practice_consultation(
    request: &shared::api::care::OpenPracticeConsultation,
) -> Result<ConsultationOpened, ApiFailure> {
    post_json("/api/professional/practice-consultations", request).await
}

/// The patient's practice code as it stands (`None`: switched off).
pub async fn practice_code() -> Result<Option<shared::api::care::PracticeCodeState>, ApiFailure> {
    get_json("/api/me/practice-code").await
}

/// A new practice code (shown once); the previous one stops working.
pub async fn renew_practice_code() -> Result<shared::api::care::PracticeCode, ApiFailure> {
    post_json("/api/me/practice-code", &serde_json::Map::new()).await
}

/// Switches the practice code off.
pub async fn switch_off_practice_code() -> Result<(), ApiFailure> {
    delete("/api/me/practice-code").await
}
