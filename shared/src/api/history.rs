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
use crate::{Category, Profession};

/// The most entries one page holds.
pub const MAX_LIMIT: u32 = 100;
/// The entries of a page when the query says nothing.
pub const DEFAULT_LIMIT: u32 = 50;

/// The actions a patient's history holds, grouped as the history's "what" filter lists them:
/// `(group, actions)`, in the filter's order. [`KNOWN_ACTIONS`] is the same list, flat.
pub const ACTION_GROUPS: &[(&str, &[&str])] = &[
    (
        "documents",
        &[
            "document_filed",
            "document_version_filed",
            "document_read",
            "document_history_read",
            "document_withdrawn",
            "document_refused_by_patient",
            "document_restricted",
            "documents_listed",
            "wish_recorded",
            "wish_withdrawn",
            "wishes_read",
        ],
    ),
    (
        "access",
        &[
            "record_opened",
            "patient_lookup",
            "link_opened",
            "link_renewed",
            "emergency_access_opened",
            "emergency_access_reviewed",
            "access_traces_viewed",
        ],
    ),
    (
        "rights",
        &[
            "connection_code_issued",
            "practice_code_issued",
            "practice_code_revoked",
            "link_granted",
            "link_ended",
            "referent_designated",
            "referent_removed",
            "professional_blocked",
            "professional_unblocked",
            "professional_licence_suspended",
            "professional_licence_reinstated",
            "emergency_access_enabled",
            "emergency_access_disabled",
        ],
    ),
    (
        "record",
        &[
            "patient_created",
            "letter_issued",
            "recovery_letter_issued",
            "activation_attempt",
            "activation",
            "contact_data_changed",
            "activation_unlocked",
            "history_viewed",
            "history_exported",
            "record_closed",
            "record_reopened",
            "record_exported",
            "patient_viewed",
        ],
    ),
    (
        "security",
        &[
            "sign_in",
            "sign_out",
            "reverification",
            "credential_added",
            "credential_renamed",
            "credential_removed",
            "credential_recovery",
            "session_ended",
        ],
    ),
];

/// The actions that a patient's history holds today, in the order a filter lists them (the
/// groups of [`ACTION_GROUPS`] one after the other).
pub const KNOWN_ACTIONS: &[&str] = &[
    "document_filed",
    "document_version_filed",
    "document_read",
    "document_history_read",
    "document_withdrawn",
    "document_refused_by_patient",
    "document_restricted",
    "documents_listed",
    "wish_recorded",
    "wish_withdrawn",
    "wishes_read",
    "record_opened",
    "patient_lookup",
    "link_opened",
    "link_renewed",
    "emergency_access_opened",
    "emergency_access_reviewed",
    "access_traces_viewed",
    "connection_code_issued",
    "practice_code_issued",
    "practice_code_revoked",
    "link_granted",
    "link_ended",
    "referent_designated",
    "referent_removed",
    "professional_blocked",
    "professional_unblocked",
    "professional_licence_suspended",
    "professional_licence_reinstated",
    "emergency_access_enabled",
    "emergency_access_disabled",
    "patient_created",
    "letter_issued",
    "recovery_letter_issued",
    "activation_attempt",
    "activation",
    "contact_data_changed",
    "activation_unlocked",
    "history_viewed",
    "history_exported",
    "record_closed",
    "record_reopened",
    "record_exported",
    "patient_viewed",
    "sign_in",
    "sign_out",
    "reverification",
    "credential_added",
    "credential_renamed",
    "credential_removed",
    "credential_recovery",
    "session_ended",
];

/// The access rules an entry's `rule` can name (the decision function's allow rules).
pub const RULES: &[&str] = &[
    "holder",
    "referent",
    "link_consultation",
    "link_institution_stay",
    "link_emergency_department",
    "link_patient_grant",
    "emergency_access",
    "emergency_access_opening",
    "practice_consultation_opening",
];

/// Why the access rules refused an act: the codes an entry's `denied` can hold (the decision
/// function's reasons, and `not_found` for a document or record that was not there).
pub const DENIAL_REASONS: &[&str] = &[
    "not_the_holder",
    "agency_has_no_health_access",
    "professionals_only",
    "record_closed",
    "no_letter_yet",
    "objection_window",
    "professional_inactive",
    "blocked",
    "category_not_readable",
    "category_not_writable",
    "access_traces_referent_only",
    "restricted",
    "not_author",
    "holder_writes_only_personal_space",
    "no_care_relation",
    "link_not_started",
    "link_expired",
    "link_ended",
    "emergency_access_expired",
    "emergency_access_switched_off",
    "emergency_access_read_only",
    "not_author_or_colleague",
    "withdrawn",
    "emergency_access_limit_reached",
    "not_found",
];

/// The care contexts of a link: an entry's `context` for the link actions.
pub const LINK_CONTEXTS: &[&str] =
    &["consultation", "institution_stay", "emergency_department", "patient_grant"];

/// The agency's dispositions of an emergency access: an entry's `context` for
/// `emergency_access_reviewed`.
pub const DISPOSITIONS: &[&str] = &["justified", "questioned", "escalated"];

/// The modes of a document's restriction: an entry's `context` for `document_restricted`.
pub const RESTRICTION_MODES: &[&str] = &["none", "author_only", "hidden_from"];

/// Filters and paging of the history (also of its CSV and FHIR exports).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
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
    /// The access rule that allowed it (one of [`RULES`]: référent, link, emergency …), when
    /// one did.
    pub rule: Option<String>,
    /// The act's context, when recorded: a link's care context (one of [`LINK_CONTEXTS`]), the
    /// mode of a document's restriction (one of [`RESTRICTION_MODES`]), or the agency's
    /// disposition of an emergency access (one of [`DISPOSITIONS`]).
    pub context: Option<String>,
    /// The stable error code of a refusal.
    pub refused: Option<String>,
    /// A name given in the act (a passkey's new name).
    pub label: Option<String>,
    /// The request's id: quote it to the helpdesk.
    pub request_id: Option<String>,
    /// Why the access rules refused it (one of [`DENIAL_REASONS`]), when they did.
    #[serde(default)]
    pub denied: Option<String>,
    /// The document the act concerns, as the record names it now: for a document target its
    /// current title and category; for a filing the patient refused at the point of care, the
    /// title and category the professional recorded. Only what the reader may see.
    #[serde(default)]
    pub document: Option<HistoryDocument>,
    /// The professionals the act names, as the directory does: the one blocked, unblocked or
    /// designated référent, the holder of the link granted or ended, those a document was hidden
    /// from.
    #[serde(default)]
    pub professionals: Vec<HistoryProfessional>,
    /// The hospital or care institution that holds the link (admissions, renewals, ended links).
    #[serde(default)]
    pub organisation: Option<String>,
    /// The reason the actor stated, in their words (an emergency access, a withdrawal).
    #[serde(default)]
    pub stated_reason: Option<String>,
}

/// A document an entry names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryDocument {
    /// Its title (the current version's).
    #[serde(default)]
    pub title: Option<String>,
    /// Its category.
    #[serde(default)]
    pub category: Option<Category>,
}

/// A professional an entry names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryProfessional {
    /// Their id in the directory.
    pub id: Uuid,
    /// Their name as the directory has it.
    pub display_name: String,
    /// Their profession.
    #[serde(default)]
    pub profession: Option<Profession>,
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
    /// The practice software a professional acted through, as the agency registered it ("Dr X
    /// via <software>"); none for an act in the portal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
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
    fn the_groups_list_every_known_action_once_in_order() {
        let flat: Vec<&str> =
            ACTION_GROUPS.iter().flat_map(|(_, actions)| actions.iter().copied()).collect();
        assert_eq!(flat, KNOWN_ACTIONS);
        let mut unique = flat.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), flat.len(), "an action is listed twice");
        for list in
            [KNOWN_ACTIONS, RULES, DENIAL_REASONS, LINK_CONTEXTS, RESTRICTION_MODES, DISPOSITIONS]
        {
            assert!(
                list.iter().all(|code| code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
            );
        }
    }

    #[test]
    fn entries_without_the_newer_fields_still_read() {
        let old = serde_json::json!({
            "id": 1,
            "occurred_at": "2026-11-25T10:00:00Z",
            "actor": null,
            "action": "sign_in",
            "outcome": "success",
            "target": null,
            "rule": null,
            "context": null,
            "refused": null,
            "label": null,
            "request_id": null,
        });
        let entry: HistoryEntry = serde_json::from_value(old).unwrap();
        assert_eq!(entry.document, None);
        assert!(entry.professionals.is_empty());
    }

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
