//! Practice software connected to DSP (OAuth 2.0 with SMART on FHIR scopes): what a professional
//! is asked to approve, the software they connected, and the clients the agency registers.
//!
//! The protocol endpoints themselves (`/oauth/authorize`, `/oauth/token`,
//! `/oauth/device_authorization`, `/oauth/introspect`, `/oauth/revoke`) speak the RFCs' form and
//! JSON shapes, not these types.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::OrganisationId;

/// One scope as a person reads it: the resource and what the software may do with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScopeView {
    /// The scope as the software asked for it (`user/DocumentReference.rs`).
    pub scope: String,
    /// The FHIR resource type, or `*`.
    pub resource: String,
    /// SMART v2 letters, in order (`c` create, `r` read, `u` update, `d` delete, `s` search).
    pub ops: String,
}

/// An authorization request (authorization code + PKCE) as the professional's approval page
/// receives it from the query of `/oauth/authorize`; the page sends it back with the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorizationRequest {
    /// The software's client id.
    pub client_id: String,
    /// Where the code goes back to: one of the client's registered URIs, exactly.
    pub redirect_uri: String,
    /// Space-separated SMART scopes.
    pub scope: String,
    /// The software's opaque state, returned unchanged.
    #[serde(default)]
    pub state: Option<String>,
    /// The PKCE challenge (base64url SHA-256 of the verifier).
    pub code_challenge: String,
    /// Must be `S256`.
    pub code_challenge_method: String,
}

/// What the approval page shows: which software, for which organisation, asks for what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorizationView {
    /// The software's client id.
    pub client_id: String,
    /// The software's name as the agency registered it.
    pub client_name: String,
    /// The organisation the software is registered for.
    pub organisation_name: String,
    /// The scopes asked for (only those the client is registered for).
    pub scopes: Vec<ScopeView>,
    /// The host the professional's browser is sent back to.
    pub redirect_host: String,
}

/// The professional's decision on an authorization request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorizationDecision {
    /// The request, as received.
    pub request: AuthorizationRequest,
    /// Approve (`true`) or refuse.
    pub approve: bool,
}

/// Where the browser goes after the decision: the software's redirect URI with `code` and
/// `state` (approved) or `error=access_denied` (refused).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorizationRedirect {
    /// The full URL to navigate to.
    pub redirect_to: String,
}

/// A device authorization (RFC 8628) as the professional's page shows it after they typed the
/// user code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceView {
    /// The software's client id.
    pub client_id: String,
    /// The software's name.
    pub client_name: String,
    /// The organisation the software is registered for.
    pub organisation_name: String,
    /// The scopes asked for.
    pub scopes: Vec<ScopeView>,
}

/// The professional's decision on a device authorization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceDecision {
    /// The user code as typed (case, spaces and dashes do not matter).
    pub user_code: String,
    /// Approve (`true`) or refuse.
    pub approve: bool,
}

/// Software a professional connected (one grant): they see it and can disconnect it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConnectedSoftware {
    /// The grant's id.
    pub grant_id: uuid::Uuid,
    /// The software's client id.
    pub client_id: String,
    /// The software's name.
    pub client_name: String,
    /// The organisation it is registered for.
    pub organisation_name: String,
    /// What it may do.
    pub scopes: Vec<ScopeView>,
    /// When the professional approved it.
    pub connected_at: DateTime<Utc>,
    /// When it last used a token, if ever.
    pub last_used_at: Option<DateTime<Utc>>,
    /// The professional's name (in the agency's lists).
    #[serde(default)]
    pub professional_name: Option<String>,
}

/// Practice or hospital software registered by the agency for an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SoftwareClient {
    /// The client id (generated at registration).
    pub client_id: String,
    /// The organisation.
    pub organisation_id: OrganisationId,
    /// The organisation's name.
    pub organisation_name: String,
    /// The software's name, shown to professionals and patients ("via <name>").
    pub name: String,
    /// The redirect URIs, compared exactly.
    pub redirect_uris: Vec<String>,
    /// The SMART scopes it may ask for.
    pub allowed_scopes: Vec<String>,
    /// Whether it holds a secret (for token introspection by the organisation's gateway).
    pub confidential: bool,
    /// When it was registered.
    pub created_at: DateTime<Utc>,
    /// When it was disabled (every token ends), if it was.
    pub disabled_at: Option<DateTime<Utc>>,
    /// How many professionals have it connected now.
    pub active_grants: u32,
}

/// A registration, or a change to one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SoftwareClientForm {
    /// The organisation (ignored on a change: a client stays with its organisation).
    pub organisation_id: OrganisationId,
    /// The software's name (1–200 characters).
    pub name: String,
    /// Redirect URIs: `https://` (or `http://localhost`/`http://127.0.0.1` for software on the
    /// professional's own computer), no fragment.
    pub redirect_uris: Vec<String>,
    /// SMART scopes (`user/DocumentReference.crs` …).
    pub allowed_scopes: Vec<String>,
    /// Whether to issue a secret (token introspection).
    pub confidential: bool,
}

/// A client just registered (or given a new secret): the secret is shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisteredSoftwareClient {
    /// The client.
    pub client: SoftwareClient,
    /// The secret, when confidential; never shown again.
    pub client_secret: Option<String>,
}
