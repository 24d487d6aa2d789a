//! Purge: a record erased for good (issue 12 §2: 10 years after closing; §1: an objection in
//! the window). One function, [`purge`], does it inside the caller's transaction, so that a
//! request handler (an objection) and the scheduled job (records closed 10 years ago) share it:
//!
//! - documents, their versions and restrictions are deleted; the content files they referred to
//!   are returned as candidates, and [`erase_contents`] removes those no other record refers to,
//!   **after** the commit (content is shared by address: it goes with the last reference). A
//!   crash between commit and erasure leaves an orphan file that housekeeping removes
//!   (`dsp housekeeping --all`), never a row without its file;
//! - every row about the person goes: the record, its codes, failures, links, blocks, grants,
//!   notifications, wishes, credentials, sessions, ceremonies, rate-limit windows;
//! - the audit log stays: the entries about the record have their identifying fields (record,
//!   chain, the patient as actor, target, the detail's names, national ID, address, titles and
//!   the patient's client address) replaced by a keyed pseudonym
//!   ([`PseudonymKey`]), the one update the database allows on the log, and the chain's salt is
//!   deleted. Entries' hashes cover a salted commitment of those fields (see `audit`), so
//!   `dsp audit verify` and the signed checkpoints still hold;
//! - the purge itself is an audit entry (`record_purged`, in the `system` chain) naming only
//!   the pseudonym and the reason.
//!
//! Idempotent: a record already purged (or never there) is a no-op.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, LikeExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::Value;
use shared::api::auth::Role;
use uuid::Uuid;

use crate::audit::pseudonym::PseudonymKey;
use crate::audit::{self, Event, Outcome, RequestMeta};
use crate::documents::store::{ContentAddress, ContentStore};
use crate::entity::{
    activation_code, activation_failure, audit_event, block, care_link, ceremony, connection_code,
    credential, document, document_hidden_from, document_version, emergency_grant, enrolment_code,
    notification, patient, personal_wish, practice_code, practice_failure, rate_limit, session,
};
use crate::error::AppError;

/// Why a record is purged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The patient objected within the objection window.
    Objection,
    /// Closed (or its holder dead) longer than the retention period.
    RetentionEnded,
}

impl Reason {
    /// The stored value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Objection => "objection",
            Self::RetentionEnded => "retention_ended",
        }
    }
}

/// What a purge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Purged {
    /// Whether there was a record to purge (`false`: already purged, a no-op).
    pub purged: bool,
    /// The pseudonym the record's audit entries now carry.
    pub pseudonym: Option<Uuid>,
    /// Content its documents referred to: hand to [`erase_contents`] after the commit.
    pub contents: Vec<ContentAddress>,
    /// Audit entries pseudonymised.
    pub audit_entries: u64,
}

/// What a detail value is replaced with.
const PURGED: &str = "[purged]";

/// Detail keys that name a person or a document whatever their value.
const PERSONAL_KEYS: [&str; 16] = [
    "national_id",
    "given_name",
    "family_name",
    "name",
    "names",
    "display_name",
    "title",
    "file_name",
    "street",
    "postal_code",
    "city",
    "country",
    "address",
    "phone",
    "email",
    "birth_date",
];

/// Purges the record `patient_id` through `conn` (pass a transaction: it is one act), for
/// `reason`, at `now`. File erasure follows the commit: [`erase_contents`] with the answer.
///
/// # Errors
/// Database errors (the transaction must then roll back).
pub async fn purge(
    conn: &impl ConnectionTrait,
    patient_id: Uuid,
    reason: Reason,
    now: DateTime<Utc>,
    key: &PseudonymKey,
) -> Result<Purged, AppError> {
    let Some(patient) = patient::Entity::find_by_id(patient_id).one(conn).await? else {
        return Ok(Purged::default());
    };
    let pseudonym = key.id(patient_id);
    let id_text = patient_id.to_string();

    // Documents and their versions; the content candidates.
    let documents: Vec<document::Model> = document::Entity::find()
        .filter(document::Column::PatientId.eq(patient_id))
        .all(conn)
        .await?;
    let document_ids: Vec<Uuid> = documents.iter().map(|d| d.id).collect();
    let mut identifiers: BTreeSet<String> = BTreeSet::new();
    let mut contents: BTreeSet<ContentAddress> = BTreeSet::new();
    for chunk in document_ids.chunks(500) {
        let versions = document_version::Entity::find()
            .filter(document_version::Column::DocumentId.is_in(chunk.iter().copied()))
            .all(conn)
            .await?;
        for v in versions {
            contents.extend(ContentAddress::parse_hex(&v.sha256));
            identifiers.extend(v.file_name);
        }
        document_hidden_from::Entity::delete_many()
            .filter(document_hidden_from::Column::DocumentId.is_in(chunk.iter().copied()))
            .exec(conn)
            .await?;
        document_version::Entity::delete_many()
            .filter(document_version::Column::DocumentId.is_in(chunk.iter().copied()))
            .exec(conn)
            .await?;
    }
    identifiers.extend(documents.iter().map(|d| d.title.clone()));
    identifiers.extend(documents.iter().filter_map(|d| d.withdrawn_reason.clone()));
    document::Entity::delete_many()
        .filter(document::Column::PatientId.eq(patient_id))
        .exec(conn)
        .await?;

    // Everything else about the person.
    macro_rules! by_patient {
        ($($entity:ident),*) => {$(
            $entity::Entity::delete_many()
                .filter($entity::Column::PatientId.eq(patient_id))
                .exec(conn)
                .await?;
        )*};
    }
    by_patient!(
        care_link,
        block,
        connection_code,
        emergency_grant,
        notification,
        personal_wish,
        practice_code,
        activation_code
    );
    activation_failure::Entity::delete_many()
        .filter(activation_failure::Column::NationalId.eq(&patient.national_id))
        .exec(conn)
        .await?;
    practice_failure::Entity::delete_many()
        .filter(practice_failure::Column::NationalId.eq(&patient.national_id))
        .exec(conn)
        .await?;
    let patient_kind = Role::Patient.as_str();
    credential::Entity::delete_many()
        .filter(credential::Column::SubjectKind.eq(patient_kind))
        .filter(credential::Column::SubjectId.eq(patient_id))
        .exec(conn)
        .await?;
    session::Entity::delete_many()
        .filter(session::Column::SubjectKind.eq(patient_kind))
        .filter(session::Column::SubjectId.eq(patient_id))
        .exec(conn)
        .await?;
    ceremony::Entity::delete_many()
        .filter(ceremony::Column::SubjectId.eq(patient_id))
        .exec(conn)
        .await?;
    enrolment_code::Entity::delete_many()
        .filter(enrolment_code::Column::SubjectId.eq(patient_id))
        .exec(conn)
        .await?;
    crate::entity::record_life::Entity::delete_many()
        .filter(crate::entity::record_life::Column::PatientId.eq(patient_id))
        .exec(conn)
        .await?;
    // The person's opening requests, and their rows in bulk-opening files: the row goes blank
    // (its counts stay right) and the batch's printer PDF that holds their letter is dropped
    // (the letter itself went out by post at least 30 days before an objection could purge it).
    crate::entity::opening_request::Entity::delete_many()
        .filter(crate::entity::opening_request::Column::NationalId.eq(&patient.national_id))
        .exec(conn)
        .await?;
    erase_import_rows(conn, &patient.national_id).await?;
    rate_limit::Entity::delete_many()
        .filter(
            Condition::any()
                .add(rate_limit::Column::Key.like(contains(&patient.national_id)))
                .add(rate_limit::Column::Key.like(contains(&id_text))),
        )
        .exec(conn)
        .await?;

    identifiers.extend([
        id_text.clone(),
        patient.national_id.clone(),
        patient.given_name.clone(),
        patient.family_name.clone(),
        format!("{} {}", patient.given_name, patient.family_name),
    ]);
    identifiers.extend(
        [&patient.street, &patient.postal_code, &patient.city, &patient.phone, &patient.email]
            .into_iter()
            .flatten()
            .cloned(),
    );
    let audit_entries = pseudonymise_audit(conn, &patient, pseudonym, &identifiers, key).await?;
    patient::Entity::delete_by_id(patient_id).exec(conn).await?;

    let event = Event::new("record_purged", Outcome::Success, None)
        .target("record", pseudonym.to_string())
        .with("reason", reason.as_str())
        .with("documents", documents.len())
        .with("audit_entries", audit_entries);
    audit::append(conn, &RequestMeta::default(), event, now).await?;
    Ok(Purged {
        purged: true,
        pseudonym: Some(pseudonym),
        contents: contents.into_iter().collect(),
        audit_entries,
    })
}

fn contains(text: &str) -> LikeExpr {
    let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

/// Rewrites every audit entry about the record: its chain, the record, the patient as actor or
/// target, the detail's personal values, the patient's client address. Returns how many.
async fn pseudonymise_audit(
    conn: &impl ConnectionTrait,
    patient: &patient::Model,
    pseudonym: Uuid,
    identifiers: &BTreeSet<String>,
    key: &PseudonymKey,
) -> Result<u64, AppError> {
    let id = patient.id;
    let id_text = id.to_string();
    let chain = format!("patient:{id}");
    let renamed = key.chain(&chain);
    let about = Condition::any()
        .add(audit_event::Column::ChainKey.eq(&chain))
        .add(audit_event::Column::PatientId.eq(id))
        .add(audit_event::Column::ActorId.eq(id))
        .add(audit_event::Column::TargetId.eq(&id_text))
        .add(audit_event::Column::Detail.like(contains(&id_text)))
        .add(audit_event::Column::Detail.like(contains(&patient.national_id)));
    // Lowercased, longest first, at least 3 characters: what a detail string must not contain.
    let mut needles: Vec<String> = identifiers
        .iter()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| s.chars().count() >= 3)
        .collect();
    needles.sort_by_key(|s| std::cmp::Reverse(s.len()));
    needles.dedup();
    let mut after = 0_i64;
    let mut count = 0_u64;
    loop {
        let page = audit_event::Entity::find()
            .filter(about.clone())
            .filter(audit_event::Column::Pseudonymised.eq(false))
            .filter(audit_event::Column::Id.gt(after))
            .order_by_asc(audit_event::Column::Id)
            .limit(1_000)
            .all(conn)
            .await?;
        let Some(last) = page.last() else { break };
        after = last.id;
        for entry in page {
            let patient_acted = entry.actor_id == Some(id);
            let swap = |v: Option<Uuid>| v.map(|v| if v == id { pseudonym } else { v });
            let mut detail: Value =
                serde_json::from_str(&entry.detail).unwrap_or(Value::String(entry.detail.clone()));
            scrub(&mut detail, &needles, &id_text, &pseudonym.to_string());
            let target_id = entry.target_id.as_ref().map(|t| {
                if *t == id_text {
                    pseudonym.to_string()
                } else if needles.iter().any(|n| t.to_lowercase().contains(n)) {
                    PURGED.to_owned()
                } else {
                    t.clone()
                }
            });
            let chain_key =
                if entry.chain_key == chain { renamed.clone() } else { entry.chain_key };
            audit_event::Entity::update_many()
                .col_expr(audit_event::Column::ChainKey, Expr::value(chain_key))
                .col_expr(audit_event::Column::PatientId, Expr::value(swap(entry.patient_id)))
                .col_expr(audit_event::Column::ActorId, Expr::value(swap(entry.actor_id)))
                .col_expr(audit_event::Column::TargetId, Expr::value(target_id))
                .col_expr(audit_event::Column::Detail, Expr::value(detail.to_string()))
                .col_expr(
                    audit_event::Column::ClientIp,
                    Expr::value(if patient_acted { None } else { entry.client_ip }),
                )
                .col_expr(audit_event::Column::Pseudonymised, Expr::value(true))
                .filter(audit_event::Column::Id.eq(entry.id))
                .exec(conn)
                .await?;
            count += 1;
        }
    }
    // The chain's head takes its new name; its salt goes, and with it any way back from the
    // commitments to the fields they covered.
    audit_event_heads_rename(conn, &chain, &renamed).await?;
    Ok(count)
}

async fn audit_event_heads_rename(
    conn: &impl ConnectionTrait,
    chain: &str,
    renamed: &str,
) -> Result<(), AppError> {
    let backend = conn.get_database_backend();
    conn.execute_raw(sea_orm::Statement::from_sql_and_values(
        backend,
        crate::db::placeholders(
            backend,
            "UPDATE audit_chain_heads SET chain_key = $1, salt = NULL WHERE chain_key = $2",
        ),
        [renamed.into(), chain.into()],
    ))
    .await?;
    Ok(())
}

/// Replaces, in a detail, every value under a personal key and every string that contains one
/// of `needles` (lowercase), and the record's id by its pseudonym.
fn scrub(value: &mut Value, needles: &[String], id: &str, pseudonym: &str) {
    match value {
        Value::String(s) => {
            if s == id {
                *s = pseudonym.to_owned();
            } else {
                let lower = s.to_lowercase();
                if needles.iter().any(|n| lower.contains(n.as_str())) {
                    *s = PURGED.to_owned();
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| scrub(v, needles, id, pseudonym)),
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if PERSONAL_KEYS.contains(&k.as_str()) && !v.is_null() {
                    *v = Value::String(PURGED.to_owned());
                } else {
                    scrub(v, needles, id, pseudonym);
                }
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// The pseudonym key of this deployment (`DSP_PSEUDONYM_KEY`), created on first use.
///
/// # Errors
/// The key file cannot be read or written.
pub(crate) fn pseudonym_key(state: &crate::app::AppState) -> Result<PseudonymKey, AppError> {
    PseudonymKey::load_or_create(&state.config.pseudonym_key)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))
}

/// After a purge committed: [`erase_contents`], and a failure only logged (the act is done; the
/// files left are orphans housekeeping removes).
pub(crate) async fn erase_after_commit(
    state: &crate::app::AppState,
    purged: &Purged,
    started: std::time::SystemTime,
) {
    if let Err(e) = erase_contents(&state.db, state.store.as_ref(), purged, started).await {
        tracing::warn!(error = %e, "purge: content left for housekeeping");
    }
}

/// After the purge's commit: erases the content files of `purged` that no document version
/// refers to any more (content shared with another record stays), and that were stored before
/// `stored_before` (an upload of the same content under way is spared; housekeeping takes what
/// is left). Returns how many were erased.
///
/// # Errors
/// Database or content-store failures (the files left are orphans housekeeping removes).
pub async fn erase_contents(
    conn: &impl ConnectionTrait,
    store: &dyn ContentStore,
    purged: &Purged,
    stored_before: std::time::SystemTime,
) -> Result<u64, AppError> {
    let mut unreferenced = Vec::new();
    for batch in purged.contents.chunks(500) {
        let hex: Vec<String> = batch.iter().map(ContentAddress::to_hex).collect();
        let referenced: BTreeSet<String> = document_version::Entity::find()
            .select_only()
            .column(document_version::Column::Sha256)
            .filter(document_version::Column::Sha256.is_in(hex))
            .into_tuple::<String>()
            .all(conn)
            .await?
            .into_iter()
            .collect();
        unreferenced.extend(batch.iter().filter(|a| !referenced.contains(&a.to_hex())));
    }
    let report = store
        .delete_orphans(&unreferenced, stored_before)
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    Ok(report.contents_removed)
}

/// Blanks the person's rows in bulk-opening files and drops the printer PDFs that hold their
/// letter.
async fn erase_import_rows(conn: &impl ConnectionTrait, national_id: &str) -> Result<(), AppError> {
    let backend = conn.get_database_backend();
    let run = async |sql: &str, values: Vec<sea_orm::Value>| -> Result<(), AppError> {
        conn.execute_raw(sea_orm::Statement::from_sql_and_values(
            backend,
            crate::db::placeholders(backend, sql),
            values,
        ))
        .await?;
        Ok(())
    };
    run(
        "UPDATE import_chunks SET letters_pdf = NULL WHERE EXISTS (SELECT 1 FROM import_rows r \
         WHERE r.batch_id = import_chunks.batch_id AND r.chunk_no = import_chunks.chunk_no \
         AND r.national_id = $1)",
        vec![national_id.into()],
    )
    .await?;
    run(
        "UPDATE import_rows SET national_id = $2, given_name = $2, family_name = $2, street = $2, \
         postal_code = '', city = $2, country = '', language = '' WHERE national_id = $1",
        vec![national_id.into(), PURGED.into()],
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_detail_keeps_nothing_that_names_the_person() {
        let id = Uuid::new_v4().to_string();
        let mut detail = serde_json::json!({
            "national_id": "1893120105732",
            "name": "Anna Muller",
            "reason": "asked by ANNA on the phone",
            "rule": "referent",
            "nested": [{"record": id.clone()}, "Rue du Fort 3"],
            "count": 3,
        });
        let needles = vec!["anna".to_owned(), "rue du fort 3".to_owned()];
        scrub(&mut detail, &needles, &id, "pseudo");
        assert_eq!(
            detail,
            serde_json::json!({
                "national_id": PURGED,
                "name": PURGED,
                "reason": PURGED,
                "rule": "referent",
                "nested": [{"record": "pseudo"}, PURGED],
                "count": 3,
            })
        );
    }
}
