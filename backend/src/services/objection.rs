//! Objection in the window (issue 12 §1): the record becomes usable by professionals 30 days
//! after its letter unless the patient objects, online (signed in, after a fresh verification)
//! or by post (an agent records the letter). Inside the window the record is purged at once
//! ([`purge`](super::purge)); after it, `objection_window_closed` (the person can close the
//! record instead). Each objection is counted in `objections` (its date and channel, nothing
//! personal): the key figure. A later record for the same national ID is a new record.

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait as _, ActiveValue::Set, EntityTrait as _};
use shared::ApiErrorCode;
use shared::api::agency::{ObjectionWindow, PostalObjection};
use shared::api::auth::Role;
use uuid::Uuid;

use super::agency::{OBJECTION_WINDOW, lock_patient};
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
///
/// # Errors
/// `reverification_required` (403), `objection_window_closed` (409); database, store.
pub async fn object_online(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
) -> Result<(), AppError> {
    let me = patient.0.subject_id();
    let now = state.clock.now();
    let fresh = super::sign_in::recently_verified(&patient.0, now);
    object(state, meta, (Role::Patient, me), me, Channel::Online, fresh, serde_json::Map::new())
        .await
}

/// An agent records an objection received by post.
///
/// # Errors
/// `invalid_request` (422: reference, date), `not_found`, `objection_window_closed` (409).
pub async fn object_by_post(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    patient_id: Uuid,
    input: &PostalObjection,
) -> Result<(), AppError> {
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
) -> Result<(), AppError> {
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
    // The objection's own entry joins the record's chain, and is pseudonymised with it.
    audit::append(&*txn, meta, event, now).await?;
    crate::entity::objection::ActiveModel {
        id: Set(Uuid::new_v4()),
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
    Ok(())
}
