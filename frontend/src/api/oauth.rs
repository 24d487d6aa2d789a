//! Practice software: the professional's approval of an authorization request or a device code,
//! the software they connected, and the agency's registered clients.

use shared::api::oauth::{
    AuthorizationDecision, AuthorizationRedirect, AuthorizationView, ConnectedSoftware,
    DeviceDecision, DeviceView, RegisteredSoftwareClient, SoftwareClient, SoftwareClientForm,
};
use uuid::Uuid;

use super::{ApiFailure, delete, get_json, post_for_nothing, post_json, put_json};
use crate::router::encode;

/// What the approval page shows for the authorization request in `query` (the query of
/// `/oauth/authorize`, with its `?`, passed on as it came).
pub async fn authorization(query: &str) -> Result<AuthorizationView, ApiFailure> {
    get_json(&format!("/api/oauth/authorization{query}")).await
}

/// Approves or refuses; where the browser goes next.
pub async fn decide(decision: &AuthorizationDecision) -> Result<AuthorizationRedirect, ApiFailure> {
    post_json("/api/oauth/authorization", decision).await
}

/// What the software that showed `user_code` asks for.
pub async fn device(user_code: &str) -> Result<DeviceView, ApiFailure> {
    get_json(&format!("/api/oauth/device?user_code={}", encode(user_code))).await
}

/// Approves or refuses a device code.
pub async fn decide_device(decision: &DeviceDecision) -> Result<(), ApiFailure> {
    post_for_nothing("/api/oauth/device", decision).await
}

/// The software the signed-in professional connected.
pub async fn connected() -> Result<Vec<ConnectedSoftware>, ApiFailure> {
    get_json("/api/me/connected-software").await
}

/// Disconnects one (its tokens end at once).
pub async fn disconnect(grant_id: Uuid) -> Result<(), ApiFailure> {
    delete(&format!("/api/me/connected-software/{grant_id}")).await
}

/// The registered software clients (agency).
pub async fn clients() -> Result<Vec<SoftwareClient>, ApiFailure> {
    get_json("/api/agency/software-clients").await
}

/// Registers a client; its secret, if any, is in the answer only.
pub async fn register(form: &SoftwareClientForm) -> Result<RegisteredSoftwareClient, ApiFailure> {
    post_json("/api/agency/software-clients", form).await
}

fn client_path(client_id: &str) -> String {
    format!("/api/agency/software-clients/{}", encode(client_id))
}

/// Changes a client's name, redirect URIs, scopes.
pub async fn update(
    client_id: &str,
    form: &SoftwareClientForm,
) -> Result<SoftwareClient, ApiFailure> {
    put_json(&client_path(client_id), form).await
}

/// Disables a client: every connection of it ends.
pub async fn disable(client_id: &str) -> Result<SoftwareClient, ApiFailure> {
    post_json(&format!("{}/disable", client_path(client_id)), &serde_json::Map::new()).await
}

/// A new secret (the old one stops working).
pub async fn rotate_secret(client_id: &str) -> Result<RegisteredSoftwareClient, ApiFailure> {
    post_json(&format!("{}/secret", client_path(client_id)), &serde_json::Map::new()).await
}

/// The professionals who connected a client.
pub async fn grants(client_id: &str) -> Result<Vec<ConnectedSoftware>, ApiFailure> {
    get_json(&format!("{}/grants", client_path(client_id))).await
}

/// Ends one professional's connection of a client.
pub async fn revoke_grant(grant_id: Uuid) -> Result<(), ApiFailure> {
    delete(&format!("/api/agency/grants/{grant_id}")).await
}
