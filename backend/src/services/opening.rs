//! Voluntary opening requests: a person asks for their record with the public form; the request
//! waits in the agency's queue (oldest first, flagged near the 7-day limit and overdue); an
//! agent records the identity check and accepts (the record is created and its activation letter
//! issued, in one transaction with the audit entries) or rejects with a reason.
//!
//! The public answer never depends on whether a record exists for the national ID: the
//! submission does not even look. The agent sees it in the queue.

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use shared::api::agency::{NewPatient, PostalAddress};
use shared::api::auth::Role;
use shared::api::opening::{
    AcceptOpening, LETTER_WITHIN_DAYS, MAX_NOTE, OpeningRequestForm, OpeningRequestReceived,
    OpeningRequestSummary, OpeningStatus, RejectOpening, RejectionReason, Urgency, check_address,
};
use shared::ids::PatientId;
use shared::{ApiErrorCode, Language};
use uuid::Uuid;

use super::agency::{Letter, check_new_patient, insert_patient, write_letter};
use super::{audited, refuse};
use crate::app::AppState;
use crate::audit::{self, Event, Outcome, RequestMeta};
use crate::auth::rate_limit::{self, Limit};
use crate::auth::{CurrentAgent, codes};
use crate::entity::{opening_request, patient};
use crate::error::AppError;

/// Opening requests sent per client address.
pub const SUBMIT_PER_CLIENT: Limit = Limit { max: 5, window_seconds: 3600 };

/// The largest body the public form's endpoint reads.
pub const FORM_BODY_LIMIT: usize = 8 * 1024;

/// How many waiting requests the queue shows at once (the oldest).
const QUEUE_PAGE: u64 = 200;

fn agent_actor(agent: &CurrentAgent) -> Option<(Role, Uuid)> {
    Some((Role::Agent, agent.0.subject_id()))
}

fn unprocessable(code: ApiErrorCode) -> AppError {
    refuse(StatusCode::UNPROCESSABLE_ENTITY, code)
}

/// A new reference: two groups of four letters and digits without look-alikes.
fn new_reference() -> String {
    let code = codes::new_code();
    format!("DSP-{}", &code[..9])
}

/// Receives the public form: checks it (the first problem's code refuses it, nothing stored),
/// stores the request and answers its reference. Rate-limited per client; audited.
///
/// # Errors
/// `rate_limited`; the field codes of [`OpeningRequestForm::check`].
pub async fn submit(
    state: &AppState,
    meta: &RequestMeta,
    form: &OpeningRequestForm,
) -> Result<OpeningRequestReceived, AppError> {
    let now = state.clock.now();
    let id = Uuid::new_v4();
    let event = Event::new("opening_request_received", Outcome::Success, None)
        .target("opening_request", id.to_string());
    audited(state, meta, event, async |txn, event| {
        rate_limit::hit(txn, &format!("opening:{}", meta.client_key()), SUBMIT_PER_CLIENT, now)
            .await?;
        let checked = match form.check() {
            Ok(checked) => checked,
            Err(problems) => {
                let fields: Vec<_> = problems
                    .iter()
                    .map(|p| format!("{}:{}", serde_json::json!(p.field), p.code.as_str()))
                    .collect();
                *event = event.clone().with("problems", fields);
                return Err(unprocessable(problems[0].code));
            }
        };
        let reference = new_reference();
        let address = checked.address.as_ref();
        opening_request::ActiveModel {
            id: Set(id),
            reference: Set(reference.clone()),
            national_id: Set(checked.national_id.to_string()),
            given_name: Set(checked.given_name.clone()),
            family_name: Set(checked.family_name.clone()),
            birth_date: Set(checked.national_id.birth_date()),
            street: Set(address.map(|a| a.street.clone())),
            postal_code: Set(address.map(|a| a.postal_code.clone())),
            city: Set(address.map(|a| a.city.clone())),
            country: Set(address.map(|a| a.country.clone())),
            phone: Set(checked.phone.clone()),
            email: Set(checked.email.clone()),
            preferred_language: Set(form.preferred_language.tag().into()),
            status: Set(OpeningStatus::Pending.as_str().into()),
            received_at: Set(now),
            decided_at: Set(None),
            decided_by: Set(None),
            checked_id_card: Set(None),
            checked_social_security_card: Set(None),
            id_document_number: Set(None),
            rejection_reason: Set(None),
            decision_note: Set(None),
            patient_id: Set(None),
        }
        .insert(txn)
        .await?;
        *event = event.clone().with("reference", reference.clone());
        Ok(OpeningRequestReceived {
            reference,
            received_at: now,
            letter_within_days: LETTER_WITHIN_DAYS,
        })
    })
    .await
}

fn address_of(row: &opening_request::Model) -> Option<PostalAddress> {
    match (&row.street, &row.postal_code, &row.city, &row.country) {
        (Some(street), Some(postal_code), Some(city), Some(country)) => Some(PostalAddress {
            street: street.clone(),
            postal_code: postal_code.clone(),
            city: city.clone(),
            country: country.clone(),
        }),
        _ => None,
    }
}

fn summary(
    row: opening_request::Model,
    record_exists: bool,
    now: DateTime<Utc>,
) -> OpeningRequestSummary {
    let status = OpeningStatus::parse(&row.status).unwrap_or(OpeningStatus::Pending);
    // A decided request is measured at its decision.
    let seen_at = row.decided_at.unwrap_or(now);
    OpeningRequestSummary {
        id: row.id,
        address: address_of(&row),
        reference: row.reference,
        given_name: row.given_name,
        family_name: row.family_name,
        national_id: row.national_id,
        birth_date: row.birth_date,
        phone: row.phone,
        email: row.email,
        preferred_language: Language::from_tag(&row.preferred_language).unwrap_or_default(),
        received_at: row.received_at,
        letter_due_at: row.received_at + chrono::TimeDelta::days(LETTER_WITHIN_DAYS),
        age_days: (seen_at - row.received_at).num_days(),
        urgency: Urgency::of(row.received_at, seen_at),
        record_exists,
        status,
        decided_at: row.decided_at,
        rejection_reason: row.rejection_reason.as_deref().and_then(RejectionReason::parse),
        decision_note: row.decision_note,
        patient_id: row.patient_id.map(PatientId),
    }
}

async fn existing_ids(
    conn: &impl ConnectionTrait,
    national_ids: Vec<String>,
) -> Result<std::collections::HashSet<String>, AppError> {
    if national_ids.is_empty() {
        return Ok(std::collections::HashSet::new());
    }
    Ok(patient::Entity::find()
        .select_only()
        .column(patient::Column::NationalId)
        .filter(patient::Column::NationalId.is_in(national_ids))
        .into_tuple::<String>()
        .all(conn)
        .await?
        .into_iter()
        .collect())
}

/// The waiting requests, oldest first, with their urgency and whether a record exists for the
/// national ID. The applicants' data is personal: every look is audited
/// (`opening_queue_viewed`, with how many requests were shown).
///
/// # Errors
/// Database.
pub async fn queue(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
) -> Result<Vec<OpeningRequestSummary>, AppError> {
    let now = state.clock.now();
    let event = Event::new("opening_queue_viewed", Outcome::Success, agent_actor(agent));
    super::audited_read(state, meta, event, async |txn, event, _| {
        let rows = opening_request::Entity::find()
            .filter(opening_request::Column::Status.eq(OpeningStatus::Pending.as_str()))
            .order_by_asc(opening_request::Column::ReceivedAt)
            .order_by_asc(opening_request::Column::Id)
            .limit(QUEUE_PAGE)
            .all(txn)
            .await?;
        let existing =
            existing_ids(txn, rows.iter().map(|r| r.national_id.clone()).collect()).await?;
        *event = event.clone().with("requests", rows.len());
        Ok(rows
            .into_iter()
            .map(|row| {
                let exists = existing.contains(&row.national_id);
                summary(row, exists, now)
            })
            .collect())
    })
    .await
}

/// One request, whatever its status; audited (`opening_request_viewed`). A request that does
/// not exist is `not_found` and writes nothing.
///
/// # Errors
/// `not_found`.
pub async fn get(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
) -> Result<OpeningRequestSummary, AppError> {
    let event = Event::new("opening_request_viewed", Outcome::Success, agent_actor(agent))
        .target("opening_request", id.to_string());
    super::audited_read(state, meta, event, async |txn, _, _| {
        let row =
            opening_request::Entity::find_by_id(id).one(txn).await?.ok_or(AppError::NotFound)?;
        let exists = !existing_ids(txn, vec![row.national_id.clone()]).await?.is_empty();
        Ok(summary(row, exists, state.clock.now()))
    })
    .await
}

/// Reads a waiting request and locks it for the transaction.
async fn lock_pending(
    txn: &DatabaseTransaction,
    id: Uuid,
) -> Result<opening_request::Model, AppError> {
    let mut query = opening_request::Entity::find_by_id(id);
    if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        query = query.lock_exclusive();
    }
    let row = query.one(txn).await?.ok_or(AppError::NotFound)?;
    if row.status != OpeningStatus::Pending.as_str() {
        return Err(refuse(StatusCode::CONFLICT, ApiErrorCode::OpeningRequestDecided));
    }
    Ok(row)
}

fn optional_text(value: Option<&str>, max: usize) -> Result<Option<String>, AppError> {
    let value = value.map(str::trim).filter(|v| !v.is_empty());
    if value.is_some_and(|v| v.chars().count() > max) {
        return Err(AppError::InvalidRequest(format!("at most {max} characters")));
    }
    Ok(value.map(str::to_owned))
}

/// Accepts a request after the identity check: creates the record, issues its activation letter
/// (the PDF the agent prints) and marks the request accepted, in one transaction with the audit
/// entries (`opening_request_accepted`, `patient_created`, `letter_issued`).
///
/// # Errors
/// `not_found`; `opening_request_decided`; `identity_check_incomplete` (both documents must
/// have been presented); `field_required` (no postal address for the letter);
/// `duplicate_national_id` (a record exists: reject the request instead); the checks of a new
/// record; audited.
pub async fn accept(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
    input: &AcceptOpening,
) -> Result<Letter, AppError> {
    let now = state.clock.now();
    let event = Event::new("opening_request_accepted", Outcome::Success, agent_actor(agent))
        .target("opening_request", id.to_string());
    audited(state, meta, event, async |txn, event| {
        let row = lock_pending(txn, id).await?;
        let check = &input.identity_check;
        if !(check.id_card && check.social_security_card) {
            return Err(unprocessable(ApiErrorCode::IdentityCheckIncomplete));
        }
        let document_number = optional_text(check.id_document_number.as_deref(), 64)?;
        let note = optional_text(check.note.as_deref(), MAX_NOTE)?;
        let mut problems = Vec::new();
        let address = match &input.address {
            Some(given) => check_address(Some(given), &mut problems),
            None => address_of(&row),
        };
        if let Some(problem) = problems.first() {
            return Err(unprocessable(problem.code));
        }
        let Some(address) = address else {
            return Err(unprocessable(ApiErrorCode::FieldRequired));
        };
        let checked = check_new_patient(&NewPatient {
            national_id: row.national_id.clone(),
            given_name: row.given_name.clone(),
            family_name: row.family_name.clone(),
            birth_date: row.birth_date,
            preferred_language: Language::from_tag(&row.preferred_language).unwrap_or_default(),
            address,
            phone: row.phone.clone(),
            email: row.email.clone(),
        })?;
        let patient_id = Uuid::new_v4();
        let patient = match insert_patient(txn, &checked, patient_id, now).await? {
            Ok(patient) => patient,
            Err(existing) => {
                event.patient_id = Some(existing);
                return Err(refuse(StatusCode::CONFLICT, ApiErrorCode::DuplicateNationalId));
            }
        };
        let created = Event::new("patient_created", Outcome::Success, agent_actor(agent))
            .patient(patient_id)
            .with("opening_request", id.to_string());
        audit::append(txn, meta, created, now).await?;
        let mut letter_event =
            Event::new("letter_issued", Outcome::Success, agent_actor(agent)).patient(patient_id);
        let letter = write_letter(txn, state, &patient, now, &mut letter_event).await?;
        audit::append(txn, meta, letter_event, now).await?;
        let mut active: opening_request::ActiveModel = row.into();
        active.status = Set(OpeningStatus::Accepted.as_str().into());
        active.decided_at = Set(Some(now));
        active.decided_by = Set(Some(agent.0.subject_id()));
        active.checked_id_card = Set(Some(true));
        active.checked_social_security_card = Set(Some(true));
        active.id_document_number = Set(document_number.clone());
        active.decision_note = Set(note.clone());
        active.patient_id = Set(Some(patient_id));
        active.update(txn).await?;
        event.patient_id = Some(patient_id);
        *event = event
            .clone()
            .with("id_card", true)
            .with("social_security_card", true)
            .with("id_document_number_recorded", document_number.is_some());
        Ok(letter)
    })
    .await
}

/// Rejects a request with a reason (and the agent's words; required for `other`).
///
/// # Errors
/// `not_found`; `opening_request_decided`; `field_required` (`other` without a note);
/// `invalid_request` (a note too long); audited.
pub async fn reject(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
    input: &RejectOpening,
) -> Result<OpeningRequestSummary, AppError> {
    let now = state.clock.now();
    let event = Event::new("opening_request_rejected", Outcome::Success, agent_actor(agent))
        .target("opening_request", id.to_string())
        .with("reason", input.reason.as_str());
    audited(state, meta, event, async |txn, _| {
        let row = lock_pending(txn, id).await?;
        let note = optional_text(input.note.as_deref(), MAX_NOTE)?;
        if input.reason == RejectionReason::Other && note.is_none() {
            return Err(unprocessable(ApiErrorCode::FieldRequired));
        }
        let mut active: opening_request::ActiveModel = row.into();
        active.status = Set(OpeningStatus::Rejected.as_str().into());
        active.decided_at = Set(Some(now));
        active.decided_by = Set(Some(agent.0.subject_id()));
        active.rejection_reason = Set(Some(input.reason.as_str().into()));
        active.decision_note = Set(note);
        let row = active.update(txn).await?;
        let exists = !existing_ids(txn, vec![row.national_id.clone()]).await?.is_empty();
        Ok(summary(row, exists, now))
    })
    .await
}
