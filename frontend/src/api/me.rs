//! One's own passkeys or security keys and sessions (the security page).

use shared::api::auth::{CeremonyFinish, CeremonyOptions};
use shared::api::me::{ContactData, CredentialSummary, RenameCredential, SessionSummary};
use uuid::Uuid;

use super::{ApiFailure, delete, get_json, patch_json, post_for_nothing, post_json, put_json};

/// Options to confirm it is still the person (before adding or removing a key).
pub async fn reverify_start() -> Result<CeremonyOptions, ApiFailure> {
    post_json("/api/me/reverify/start", &serde_json::Map::new()).await
}

/// Records the confirmation on the session.
pub async fn reverify_finish(finish: &CeremonyFinish) -> Result<(), ApiFailure> {
    post_for_nothing("/api/me/reverify/finish", finish).await
}

/// The registered credentials.
pub async fn credentials() -> Result<Vec<CredentialSummary>, ApiFailure> {
    get_json("/api/me/credentials").await
}

/// Renames a credential.
pub async fn rename_credential(id: &str, name: &str) -> Result<CredentialSummary, ApiFailure> {
    patch_json(&credential_path(id), &RenameCredential { name: name.to_owned() }).await
}

/// Removes a credential (`403 reverification_required` first, `409 last_credential` for the
/// last usable one).
pub async fn remove_credential(id: &str) -> Result<(), ApiFailure> {
    delete(&credential_path(id)).await
}

/// Options to register one more credential (`403 reverification_required` first).
pub async fn add_credential_start() -> Result<CeremonyOptions, ApiFailure> {
    post_json("/api/me/credentials/start", &serde_json::Map::new()).await
}

/// Registers the new credential under its name.
pub async fn add_credential_finish(
    finish: &CeremonyFinish,
) -> Result<CredentialSummary, ApiFailure> {
    post_json("/api/me/credentials/finish", finish).await
}

/// The open sessions.
pub async fn sessions() -> Result<Vec<SessionSummary>, ApiFailure> {
    get_json("/api/me/sessions").await
}

/// Ends a session.
pub async fn end_session(id: Uuid) -> Result<(), ApiFailure> {
    delete(&format!("/api/me/sessions/{id}")).await
}

/// Credential ids are base64url: safe in a path as they are.
fn credential_path(id: &str) -> String {
    format!("/api/me/credentials/{id}")
}

/// The patient's own phone and e-mail.
pub async fn contact() -> Result<ContactData, ApiFailure> {
    get_json("/api/me/contact").await
}

/// Replaces the patient's own phone and e-mail.
pub async fn set_contact(contact: &ContactData) -> Result<ContactData, ApiFailure> {
    put_json("/api/me/contact", contact).await
}

/// Whether the patient can still object to their record.
pub async fn objection_window() -> Result<shared::api::agency::ObjectionWindow, ApiFailure> {
    get_json("/api/me/objection").await
}

/// The patient objects: the record is deleted for good (`403 reverification_required` first);
/// the answer is the confirmation letter, kept nowhere else.
pub async fn object() -> Result<super::Download, ApiFailure> {
    super::post_for_file("/api/me/objection").await
}
