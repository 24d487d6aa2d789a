//! Who may reach the record: the patient's controls (connection code, référent, links, blocks,
//! emergency access, the directory to choose from) and a professional opening a consultation.

use chrono::NaiveDate;
use shared::api::care::{
    CareOverview, ConnectionCode, ConsultationOpened, EmergencyAccessSetting, GrantLink,
    LinkSummary, OpenConsultation, ProfessionalBrief, SetReferent,
};
use shared::ids::ProfessionalId;
use uuid::Uuid;

use super::{ApiFailure, delete, get_json, get_json_query, post_json, put_for_nothing, put_json};

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
    get_json_query("/api/me/directory", q).await
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
