//! The patient's history: every audit entry that concerns their record or that they made
//! themselves (sign-ins, passkey changes …), newest first, paged by a cursor on the entry id.
//!
//! Action names are the audit log's own (`sign_in`, `letter_issued` …): the list grows as the
//! product does (document reads, denials, rights changes), so clients must show an action they do
//! not know in a neutral way rather than fail.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::auth::Role;
use crate::Profession;

/// The most entries one page holds.
pub const MAX_LIMIT: u32 = 100;
/// The entries of a page when the query says nothing.
pub const DEFAULT_LIMIT: u32 = 50;

/// The actions that a patient's history holds today, in the order a filter lists them.
pub const KNOWN_ACTIONS: &[&str] = &[
    "patient_created",
    "letter_issued",
    "activation_attempt",
    "activation",
    "sign_in",
    "sign_out",
    "reverification",
    "credential_added",
    "credential_renamed",
    "credential_removed",
    "session_ended",
    "history_viewed",
    "history_exported",
];

/// Filters and paging of the history (also of its CSV and FHIR exports).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
pub struct HistoryQuery {
    /// Only entries older than this cursor (the `next_cursor` of the previous page).
    #[serde(default)]
    pub before: Option<i64>,
    /// Entries per page, 1 to 100 (default 50). Ignored by the exports, which hold everything.
    #[serde(default)]
    pub limit: Option<u32>,
    /// `patient`, `professional`, `agent`, or the id of one person.
    #[serde(default)]
    pub actor: Option<String>,
    /// One action name (`sign_in`, `letter_issued` …).
    #[serde(default)]
    pub action: Option<String>,
    /// From this day on (inclusive, UTC).
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Up to this day (inclusive, UTC).
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

impl HistoryQuery {
    /// The query's parameters as name–value pairs, leaving out those not set (the client builds
    /// its URLs from these; values still need URL encoding).
    #[must_use]
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(before) = self.before {
            pairs.push(("before", before.to_string()));
        }
        if let Some(limit) = self.limit {
            pairs.push(("limit", limit.to_string()));
        }
        if let Some(actor) = self.actor.as_deref().filter(|a| !a.trim().is_empty()) {
            pairs.push(("actor", actor.trim().to_owned()));
        }
        if let Some(action) = self.action.as_deref().filter(|a| !a.trim().is_empty()) {
            pairs.push(("action", action.trim().to_owned()));
        }
        if let Some(from) = self.from {
            pairs.push(("from", from.to_string()));
        }
        if let Some(to) = self.to {
            pairs.push(("to", to.to_string()));
        }
        pairs
    }
}

/// Whose entries the `actor` filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorFilter {
    /// Everyone in this role.
    Role(Role),
    /// One person.
    Id(Uuid),
}

impl ActorFilter {
    /// Reads `patient`, `professional`, `agent` or a UUID.
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        Role::parse(value).map(Self::Role).or_else(|| Uuid::parse_str(value).ok().map(Self::Id))
    }
}

/// One page of the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryPage {
    /// Newest first.
    pub entries: Vec<HistoryEntry>,
    /// Pass as `before` for the next (older) page; none when this page is the last.
    pub next_cursor: Option<i64>,
}

/// One thing that happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    /// The entry's id in the audit log (also the paging cursor).
    pub id: i64,
    /// When.
    pub occurred_at: DateTime<Utc>,
    /// Who, when known.
    pub actor: Option<HistoryActor>,
    /// What: the audit log's action name.
    pub action: String,
    /// Whether it happened or was refused.
    pub outcome: HistoryOutcome,
    /// What it was done to (a passkey, a session, a document …).
    pub target: Option<HistoryTarget>,
    /// The access rule that applied (référent, link, emergency …), when one did.
    pub rule: Option<String>,
    /// The rule's context (e.g. the link's reason), when recorded.
    pub context: Option<String>,
    /// The stable error code of a refusal.
    pub refused: Option<String>,
    /// A name given in the act (a passkey's new name).
    pub label: Option<String>,
    /// The request's id: quote it to the helpdesk.
    pub request_id: Option<String>,
}

/// Who acted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryActor {
    /// In which role.
    pub role: Role,
    /// The person's id (professionals and agents, and the patient themselves; never another
    /// patient's).
    pub id: Option<Uuid>,
    /// Their name as the directory has it.
    pub display_name: Option<String>,
    /// A professional's profession.
    pub profession: Option<Profession>,
    /// Whether it was the patient reading the history.
    pub is_you: bool,
}

/// How an act ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum HistoryOutcome {
    /// It happened.
    Success,
    /// It was attempted and refused.
    Failure,
}

/// What an act was done to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryTarget {
    /// `credential`, `session`, `document` …
    pub kind: String,
    /// Its id.
    pub id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_filters_are_roles_or_ids() {
        assert_eq!(ActorFilter::parse("agent"), Some(ActorFilter::Role(Role::Agent)));
        let id = Uuid::nil();
        assert_eq!(ActorFilter::parse(&id.to_string()), Some(ActorFilter::Id(id)));
        assert_eq!(ActorFilter::parse("doctor"), None);
    }

    #[test]
    fn only_set_parameters_become_pairs() {
        let query = HistoryQuery {
            before: Some(42),
            actor: Some(" ".into()),
            action: Some("sign_in".into()),
            from: NaiveDate::from_ymd_opt(2026, 11, 1),
            ..HistoryQuery::default()
        };
        assert_eq!(
            query.pairs(),
            vec![
                ("before", "42".to_owned()),
                ("action", "sign_in".to_owned()),
                ("from", "2026-11-01".to_owned())
            ]
        );
    }
}
