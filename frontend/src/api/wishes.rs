//! The patient's declared wishes: their own forms and versions, and a record's wishes in force
//! for a professional.

use shared::api::wishes::{PersonalWishes, WishForm, WishKind, WishVersion};
use shared::ids::PatientId;

use super::{ApiFailure, get_json, post_json, put_json};

/// The signed-in patient's declarations (a withdrawal included).
pub async fn own() -> Result<PersonalWishes, ApiFailure> {
    get_json("/api/me/wishes").await
}

/// The declarations in force of a record, as the signed-in professional may read them.
pub async fn for_record(patient: PatientId) -> Result<PersonalWishes, ApiFailure> {
    get_json(&format!("/api/records/{}/wishes", patient.0)).await
}

/// Records a new version of one's declaration.
pub async fn record(kind: WishKind, form: &WishForm) -> Result<WishVersion, ApiFailure> {
    put_json(&format!("/api/me/wishes/{}", kind.code()), form).await
}

/// Withdraws one's declaration.
pub async fn withdraw(kind: WishKind) -> Result<WishVersion, ApiFailure> {
    post_json(&format!("/api/me/wishes/{}/withdraw", kind.code()), &serde_json::json!({})).await
}

/// Every version of one's declaration, newest first.
pub async fn versions(kind: WishKind) -> Result<Vec<WishVersion>, ApiFailure> {
    get_json(&format!("/api/me/wishes/{}/versions", kind.code())).await
}
