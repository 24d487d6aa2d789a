//! Objection in the window (issue 12 §1): the record becomes usable by professionals 30 days
//! after its letter unless the patient objects, online (signed in, after a fresh verification)
//! or by post (an agent records the letter). Inside the window the record is purged at once
//! ([`purge`](super::purge)); after it, `objection_window_closed` (the person can close the
//! record instead). Each objection is counted in `objections` (its date and channel, nothing
//! personal): the key figure. A later record for the same national ID is a new record.
//!
//! The confirmation letter is rendered inside the objection's transaction, after the checks and
//! BEFORE the purge erases the name and address it needs; the act's response is that PDF (the
//! agent prints it; the patient downloads it from their last screen) and nothing of it is
//! stored: if it cannot be rendered, the transaction rolls back and nothing is deleted.

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait as _, ActiveValue::Set, EntityTrait as _};
use shared::ApiErrorCode;
use shared::api::agency::{ObjectionWindow, PostalObjection};
use shared::api::auth::Role;
use uuid::Uuid;

use super::agency::{Letter, OBJECTION_WINDOW, letter_address_lines, lock_patient};
use super::purge::{self, Purged, Reason};
use crate::app::AppState;
use crate::audit::{self, Event, Outcome, RequestMeta};
use crate::auth::{CurrentAgent, CurrentPatient};
use crate::entity::patient;
use crate::error::AppError;

/// How an objection arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Channel {
    Online,
    Post,
}

impl Channel {
    const fn as_str(self) -> &'static str {
        match self {
            Self::Online => "online",
            Self::Post => "post",
        }
    }

    const fn letter(self) -> crate::letter::Channel {
        match self {
            Self::Online => crate::letter::Channel::Online,
            Self::Post => crate::letter::Channel::Postal,
        }
    }
}

/// Whether `row`'s objection window is open at `now`: from record creation until 30 days after
/// its letter (no letter yet: the window has not started, objecting is possible).
fn window(row: &patient::Model, now: DateTime<Utc>) -> ObjectionWindow {
    let deadline = row.letter_issued_at.map(|at| at + OBJECTION_WINDOW);
    ObjectionWindow { deadline, open: deadline.is_none_or(|end| now < end) }
}

/// The patient's own window.
///
/// # Errors
/// Database; `NotFound` when the record is gone.
pub async fn my_window(
    state: &AppState,
    patient: &CurrentPatient,
) -> Result<ObjectionWindow, AppError> {
    let row = patient::Entity::find_by_id(patient.0.subject_id())
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(window(&row, state.clock.now()))
}

/// The patient objects online. Needs a verification in the last minutes (as removing a key).
/// Returns the confirmation letter (the reference is the objection's short id).
///
/// # Errors
/// `reverification_required` (403), `objection_window_closed` (409); database, store, letter.
pub async fn object_online(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
) -> Result<Letter, AppError> {
    let me = patient.0.subject_id();
    let now = state.clock.now();
    let fresh = super::sign_in::recently_verified(&patient.0, now);
    object(state, meta, (Role::Patient, me), me, Channel::Online, fresh, serde_json::Map::new())
        .await
}

/// An agent records an objection received by post. Returns the confirmation letter to post
/// (with the letter's reference).
///
/// # Errors
/// `invalid_request` (422: reference, date), `not_found`, `objection_window_closed` (409).
pub async fn object_by_post(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    patient_id: Uuid,
    input: &PostalObjection,
) -> Result<Letter, AppError> {
    let reference = input.reference.trim();
    if reference.is_empty() || reference.chars().count() > 100 {
        return Err(AppError::InvalidRequest(
            "the letter's reference has 1 to 100 characters".into(),
        ));
    }
    if input.received_on > state.clock.now().date_naive() {
        return Err(AppError::InvalidRequest("the letter cannot be received in the future".into()));
    }
    let mut detail = serde_json::Map::new();
    detail.insert("reference".into(), reference.into());
    detail.insert("received_on".into(), input.received_on.to_string().into());
    let by = (Role::Agent, agent.0.subject_id());
    object(state, meta, by, patient_id, Channel::Post, true, detail).await
}

async fn object(
    state: &AppState,
    meta: &RequestMeta,
    by: (Role, Uuid),
    patient_id: Uuid,
    channel: Channel,
    verified: bool,
    detail: serde_json::Map<String, serde_json::Value>,
) -> Result<Letter, AppError> {
    let now = state.clock.now();
    let started = std::time::SystemTime::now();
    let key = purge::pseudonym_key(state)?;
    let txn = crate::db::begin_write(&state.db).await?;
    let row = lock_patient(&*txn, patient_id).await?;
    let mut event = Event::new("record_objection", Outcome::Success, Some(by))
        .patient(row.id)
        .with("channel", channel.as_str());
    for (k, v) in detail {
        event = event.with(&k, v);
    }
    let refusal = if !verified {
        Some((StatusCode::FORBIDDEN, ApiErrorCode::ReverificationRequired))
    } else if !window(&row, now).open {
        Some((StatusCode::CONFLICT, ApiErrorCode::ObjectionWindowClosed))
    } else {
        None
    };
    if let Some((status, code)) = refusal {
        let mut event = event.with("refused", code.as_str());
        event.outcome = Outcome::Failure;
        audit::append(&*txn, meta, event, now).await?;
        txn.commit().await?;
        return Err(AppError::Refused(status, code));
    }
    // The letter, while the name and address are still there (see the module documentation).
    let objection_id = Uuid::new_v4();
    let reference = match detail_reference(&event) {
        Some(reference) => reference,
        None => short_reference(objection_id),
    };
    let letter = confirmation(&row, channel, &reference, now)?;
    let event =
        event.with("reference", reference.as_str()).with("letter", "objection_confirmation");
    // The objection's own entry joins the record's chain, and is pseudonymised with it.
    audit::append(&*txn, meta, event, now).await?;
    crate::entity::objection::ActiveModel {
        id: Set(objection_id),
        objected_at: Set(now),
        channel: Set(channel.as_str().to_owned()),
    }
    .insert(&*txn)
    .await?;
    let purged: Purged = purge::purge(&*txn, patient_id, Reason::Objection, now, &key).await?;
    txn.commit().await?;
    // After the commit: the files no other record refers to. A failure here leaves orphans
    // housekeeping removes; the objection itself is done.
    purge::erase_after_commit(state, &purged, started).await;
    Ok(letter)
}

/// The postal letter's reference the agent typed, if any.
fn detail_reference(event: &Event) -> Option<String> {
    event.detail.get("reference").and_then(|v| v.as_str()).map(str::to_owned)
}

/// The reference of an online objection: the first 8 hex digits of its counted row's id.
fn short_reference(id: Uuid) -> String {
    id.simple().to_string().chars().take(8).collect::<String>().to_uppercase()
}

/// The confirmation letter of an objection to `row`, in the patient's language.
fn confirmation(
    row: &patient::Model,
    channel: Channel,
    reference: &str,
    now: DateTime<Utc>,
) -> Result<Letter, AppError> {
    let national_id = shared::NationalId::parse(&row.national_id)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("stored national ID: {e}")))?;
    let address_lines = letter_address_lines(row);
    let facts = crate::letter::ObjectionFacts {
        language: shared::Language::from_tag(&row.preferred_language).unwrap_or_default(),
        given_name: &row.given_name,
        family_name: &row.family_name,
        address_lines: &address_lines,
        national_id: &national_id,
        issued_on: now.date_naive(),
        objected_on: now.date_naive(),
        channel: channel.letter(),
        reference,
    };
    let pdf = crate::letter::render_objection_confirmation(&facts)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("objection letter: {e}")))?;
    Ok(Letter { pdf, file_name: "dsp-objection-confirmation.pdf".to_owned() })
}
