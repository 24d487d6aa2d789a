//! Sign-in, sign-out, the session probe, activation (patients) and enrolment (professionals and
//! agents): the server's half of each WebAuthn ceremony.

use shared::api::auth::{
    ActivationOptions, ActivationStart, CeremonyFinish, CeremonyOptions, EnrolmentStart,
    SessionInfo,
};

use super::{ApiFailure, get_answer, interpret_answer, post_for_nothing, post_json};

/// Who is signed in. Answers `401 unauthenticated` or `session_expired` when nobody is; unlike
/// every other call, this one never triggers the session-expiry handler.
pub async fn session() -> Result<SessionInfo, ApiFailure> {
    interpret_answer(&get_answer("/api/auth/session").await?)
}

/// Options for a discoverable sign-in (no user name).
pub async fn sign_in_start() -> Result<CeremonyOptions, ApiFailure> {
    post_json("/api/auth/sign-in/start", &serde_json::Map::new()).await
}

/// Verifies the signature and opens the session (the server sets the cookie).
pub async fn sign_in_finish(finish: &CeremonyFinish) -> Result<SessionInfo, ApiFailure> {
    post_json("/api/auth/sign-in/finish", finish).await
}

/// Ends the session.
pub async fn sign_out() -> Result<(), ApiFailure> {
    post_for_nothing("/api/auth/sign-out", &serde_json::Map::new()).await
}

/// National ID and activation code → registration options for the patient's passkey, and
/// whether the letter is a recovery letter.
pub async fn activation_start(start: &ActivationStart) -> Result<ActivationOptions, ApiFailure> {
    post_json("/api/activation/start", start).await
}

/// Registers the passkey, activates the record and signs the patient in.
pub async fn activation_finish(finish: &CeremonyFinish) -> Result<SessionInfo, ApiFailure> {
    post_json("/api/activation/finish", finish).await
}

/// Enrolment code → registration options for a security key.
pub async fn enrolment_start(start: &EnrolmentStart) -> Result<CeremonyOptions, ApiFailure> {
    post_json("/api/enrolment/start", start).await
}

/// Registers the security key and signs the professional or agent in.
pub async fn enrolment_finish(finish: &CeremonyFinish) -> Result<SessionInfo, ApiFailure> {
    post_json("/api/enrolment/finish", finish).await
}

/// Sends the voluntary opening form (no sign-in); the answer is the request's reference.
pub async fn submit_opening_request(
    form: &shared::api::opening::OpeningRequestForm,
) -> Result<shared::api::opening::OpeningRequestReceived, ApiFailure> {
    post_json("/api/opening-requests", form).await
}
