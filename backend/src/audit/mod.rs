//! The audit log: append-only. Every sign-in, failure, enrolment, activation attempt, credential
//! change, sign-out and agency act is appended **in the transaction of the act**, so that an act
//! without its audit entry cannot exist. There is no update or delete path here; the database
//! refuses them too (triggers).

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ConnectionTrait};
use shared::api::auth::Role;
use uuid::Uuid;

use crate::entity::audit_event;
use crate::error::AppError;

/// How an audited act ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It happened.
    Success,
    /// It was attempted and refused.
    Failure,
}

impl Outcome {
    const fn as_str(self) -> &'static str {
        match self {
            Self::Success => "success",
            Self::Failure => "failure",
        }
    }
}

/// Facts about the request an audit entry records: its id, the client's address, its browser.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    /// The `x-request-id`.
    pub request_id: Option<String>,
    /// The client's IP address.
    pub client_ip: Option<String>,
    /// The `User-Agent`.
    pub user_agent: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for RequestMeta {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let header =
            |name| parts.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        Ok(Self {
            request_id: header(crate::telemetry::REQUEST_ID_HEADER),
            user_agent: header(header::USER_AGENT.as_str()),
            client_ip: parts
                .extensions
                .get::<ConnectInfo<std::net::SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip().to_string()),
        })
    }
}

impl RequestMeta {
    /// The key that identifies this client for rate limits.
    #[must_use]
    pub fn client_key(&self) -> String {
        self.client_ip.clone().unwrap_or_else(|| "unknown".into())
    }
}

/// One audit entry.
#[derive(Debug, Clone)]
pub struct Event {
    /// Who acted, when known.
    pub actor: Option<(Role, Uuid)>,
    /// What: a stable action name (`sign_in`, `activation`, `letter_issued` …).
    pub action: &'static str,
    /// How it ended.
    pub outcome: Outcome,
    /// The record concerned, if any.
    pub patient_id: Option<Uuid>,
    /// What was acted on (`credential`, `session`, `professional` …) and its id.
    pub target: Option<(&'static str, String)>,
    /// Further facts (reason of a refusal, names …).
    pub detail: serde_json::Value,
}

impl Event {
    /// An event with no target, patient or detail yet.
    #[must_use]
    pub fn new(action: &'static str, outcome: Outcome, actor: Option<(Role, Uuid)>) -> Self {
        Self {
            actor,
            action,
            outcome,
            patient_id: None,
            target: None,
            detail: serde_json::Value::Object(serde_json::Map::new()),
        }
    }

    /// Sets the record concerned.
    #[must_use]
    pub const fn patient(mut self, patient_id: Uuid) -> Self {
        self.patient_id = Some(patient_id);
        self
    }

    /// Sets the target.
    #[must_use]
    pub fn target(mut self, kind: &'static str, id: impl Into<String>) -> Self {
        self.target = Some((kind, id.into()));
        self
    }

    /// Adds a fact to the detail.
    #[must_use]
    pub fn with(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        if let serde_json::Value::Object(map) = &mut self.detail {
            map.insert(key.to_owned(), value.into());
        }
        self
    }
}

/// Appends `event` through `conn` (pass the act's transaction).
///
/// # Errors
/// When the insert fails; the caller's act must then fail too.
pub async fn append(
    conn: &impl ConnectionTrait,
    meta: &RequestMeta,
    event: Event,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    audit_event::ActiveModel {
        id: NotSet,
        occurred_at: Set(now),
        actor_kind: Set(event.actor.map(|(role, _)| role.as_str().to_owned())),
        actor_id: Set(event.actor.map(|(_, id)| id)),
        action: Set(event.action.to_owned()),
        outcome: Set(event.outcome.as_str().to_owned()),
        patient_id: Set(event.patient_id),
        target_kind: Set(event.target.as_ref().map(|(kind, _)| (*kind).to_owned())),
        target_id: Set(event.target.map(|(_, id)| id)),
        detail: Set(event.detail.to_string()),
        request_id: Set(meta.request_id.clone()),
        client_ip: Set(meta.client_ip.clone()),
    }
    .insert(conn)
    .await?;
    Ok(())
}
