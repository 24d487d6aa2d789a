//! The patient's declared wishes in their personal space: organ donation and advance
//! directives. The patient records, changes and withdraws them (each change a new version, the
//! older ones kept); professionals with a relation to the patient read the ones in force. Every
//! act is decided by [`access::decide`] ([`Action::WriteWishes`], [`Action::ReadWishes`]) and
//! audited in its transaction; a professional without a relation gets what a missing record
//! gives.

use axum::http::StatusCode;
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use shared::api::auth::Role;
use shared::api::wishes::{
    PersonalWishes, TrustedPerson, WishChoice, WishForm, WishKind, WishVersion,
};
use shared::ids::PatientId;
use uuid::Uuid;

use super::care::{lookup_record_facts, record_facts};
use super::documents::actor;
use super::{audited, audited_read, hidden, refuse};
use crate::access::{self, Action, Actor, Decision};
use crate::app::AppState;
use crate::audit::{Event, RequestMeta};
use crate::auth::{CurrentPatient, CurrentUser};
use crate::entity::personal_wish;
use crate::error::AppError;

/// Records the decision in the event; a denial becomes the not-found refusal.
fn apply(decision: Decision, event: &mut Event) -> Result<(), AppError> {
    *event = event.clone().with("rule", decision.as_str());
    if decision.is_allowed() { Ok(()) } else { Err(hidden()) }
}

/// A stored version as the API says it; `None` for a row this build cannot read.
fn version_of(row: personal_wish::Model) -> Option<WishVersion> {
    let kind = WishKind::from_code(&row.kind)?;
    let form = match row.choice.as_deref() {
        None => None,
        Some(code) => Some(WishForm {
            choice: WishChoice::from_code(code)?,
            limits: row.limits.unwrap_or_default(),
            trusted_person: row.trusted_name.map(|name| TrustedPerson {
                name,
                relation: row.trusted_relation.unwrap_or_default(),
                phone: row.trusted_phone.unwrap_or_default(),
            }),
            signed_on: row.signed_on?,
        }),
    };
    Some(WishVersion {
        kind,
        version: u32::try_from(row.version).unwrap_or(0),
        recorded_at: row.recorded_at,
        form,
    })
}

/// The newest version of each declaration of the record; `in_force_only` leaves out a
/// withdrawn one.
async fn newest(
    conn: &impl ConnectionTrait,
    patient_id: Uuid,
    in_force_only: bool,
) -> Result<PersonalWishes, AppError> {
    let mut wishes = PersonalWishes::default();
    for kind in WishKind::ALL {
        let row = personal_wish::Entity::find()
            .filter(personal_wish::Column::PatientId.eq(patient_id))
            .filter(personal_wish::Column::Kind.eq(kind.code()))
            .order_by_desc(personal_wish::Column::Version)
            .one(conn)
            .await?;
        let version = row.and_then(version_of).filter(|v| !in_force_only || v.form.is_some());
        wishes.set(kind, version);
    }
    Ok(wishes)
}

/// The patient's own declarations, a withdrawal included.
///
/// # Errors
/// Database; audited.
pub async fn own(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
) -> Result<PersonalWishes, AppError> {
    let id = patient.0.subject_id();
    let event =
        Event::new("wishes_read", crate::audit::Outcome::Success, Some((Role::Patient, id)))
            .patient(id);
    let now = state.clock.now();
    audited_read(state, meta, event, async |txn, event, _| {
        let facts = record_facts(txn, id, now).await?;
        let who = Actor::Patient { id: PatientId(id) };
        let matrix = state.matrix.get(txn).await?;
        apply(access::decide(&matrix, &who, &Action::ReadWishes, &facts, now), event)?;
        newest(txn, id, false).await
    })
    .await
}

/// The declarations in force of a record, for whoever the rules let read them: the patient
/// themselves, a professional with a relation (an emergency access included). Anyone else, and
/// a record that does not exist, get the same not-found refusal.
///
/// # Errors
/// `not_found`; audited.
pub async fn for_record(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    patient_id: Uuid,
) -> Result<PersonalWishes, AppError> {
    let event = Event::new(
        "wishes_read",
        crate::audit::Outcome::Success,
        Some((user.role, user.subject_id())),
    );
    let now = state.clock.now();
    audited_read(state, meta, event, async |txn, event, _| {
        // The same statements whether the record exists or not.
        let who = actor(txn, user).await?;
        let matrix = state.matrix.get(txn).await?;
        let facts = lookup_record_facts(txn, patient_id, now).await?;
        let Some(facts) = facts else {
            *event = event.clone().with("rule", "not_found");
            return Err(hidden());
        };
        event.patient_id = Some(patient_id);
        apply(access::decide(&matrix, &who, &Action::ReadWishes, &facts, now), event)?;
        newest(txn, patient_id, true).await
    })
    .await
}

/// Every version of one of the patient's declarations, newest first.
///
/// # Errors
/// Database; audited.
pub async fn versions(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    kind: WishKind,
) -> Result<Vec<WishVersion>, AppError> {
    let id = patient.0.subject_id();
    let event =
        Event::new("wishes_read", crate::audit::Outcome::Success, Some((Role::Patient, id)))
            .patient(id)
            .target("wish", kind.code());
    let now = state.clock.now();
    audited_read(state, meta, event, async |txn, event, _| {
        let facts = record_facts(txn, id, now).await?;
        let who = Actor::Patient { id: PatientId(id) };
        let matrix = state.matrix.get(txn).await?;
        apply(access::decide(&matrix, &who, &Action::ReadWishes, &facts, now), event)?;
        Ok(personal_wish::Entity::find()
            .filter(personal_wish::Column::PatientId.eq(id))
            .filter(personal_wish::Column::Kind.eq(kind.code()))
            .order_by_desc(personal_wish::Column::Version)
            .all(txn)
            .await?
            .into_iter()
            .filter_map(version_of)
            .collect())
    })
    .await
}

/// The latest calendar day anywhere on Earth at `now` (UTC+14): a declaration dated today by a
/// patient ahead of UTC is not in the future.
fn latest_today(now: DateTime<Utc>) -> chrono::NaiveDate {
    (now + TimeDelta::hours(14)).date_naive()
}

/// The patient records a declaration, or changes it: a new version, in force at once.
///
/// # Errors
/// `wish_limits_required`, `wish_trusted_person_incomplete`, `wish_date_in_future`,
/// `invalid_request` (a choice of the other kind), before anything is written; `not_found`
/// when the record is closed (audited).
pub async fn record(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    kind: WishKind,
    form: &WishForm,
) -> Result<WishVersion, AppError> {
    let now = state.clock.now();
    let form = form.normalised();
    form.check(kind, latest_today(now))
        .map_err(|e| refuse(StatusCode::UNPROCESSABLE_ENTITY, e.code()))?;
    let event = Event::new(
        "wish_recorded",
        crate::audit::Outcome::Success,
        Some((Role::Patient, patient.0.subject_id())),
    )
    .patient(patient.0.subject_id())
    .target("wish", kind.code())
    .with("kind", kind.code())
    .with("choice", form.choice.code());
    write(state, meta, patient, kind, Some(form), event, now).await
}

/// The patient withdraws a declaration: a new version that says nothing; professionals no
/// longer see it, the patient keeps its history.
///
/// # Errors
/// `not_found` when nothing is in force or the record is closed; audited.
pub async fn withdraw(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    kind: WishKind,
) -> Result<WishVersion, AppError> {
    let now = state.clock.now();
    let event = Event::new(
        "wish_withdrawn",
        crate::audit::Outcome::Success,
        Some((Role::Patient, patient.0.subject_id())),
    )
    .patient(patient.0.subject_id())
    .target("wish", kind.code())
    .with("kind", kind.code());
    write(state, meta, patient, kind, None, event, now).await
}

/// Decides [`Action::WriteWishes`] and appends the next version of `kind` (`None`: a
/// withdrawal, refused when nothing is in force), in the transaction of its audit entry.
async fn write(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    kind: WishKind,
    form: Option<WishForm>,
    event: Event,
    now: DateTime<Utc>,
) -> Result<WishVersion, AppError> {
    let id = patient.0.subject_id();
    audited(state, meta, event, async |txn, event| {
        let facts = record_facts(txn, id, now).await?;
        let who = Actor::Patient { id: PatientId(id) };
        let matrix = state.matrix.get(txn).await?;
        apply(access::decide(&matrix, &who, &Action::WriteWishes, &facts, now), event)?;
        let current = personal_wish::Entity::find()
            .filter(personal_wish::Column::PatientId.eq(id))
            .filter(personal_wish::Column::Kind.eq(kind.code()))
            .order_by_desc(personal_wish::Column::Version)
            .one(txn)
            .await?;
        let in_force = current.as_ref().is_some_and(|row| row.choice.is_some());
        if form.is_none() && !in_force {
            return Err(hidden());
        }
        let version = current.map_or(1, |row| row.version + 1);
        *event = event.clone().with("version", version);
        let trusted = form.as_ref().and_then(|f| f.trusted_person.clone());
        let row = personal_wish::ActiveModel {
            id: Set(Uuid::new_v4()),
            patient_id: Set(id),
            kind: Set(kind.code().into()),
            version: Set(version),
            choice: Set(form.as_ref().map(|f| f.choice.code().to_owned())),
            limits: Set(form.as_ref().map(|f| f.limits.clone()).filter(|l| !l.is_empty())),
            trusted_name: Set(trusted.as_ref().map(|p| p.name.clone())),
            trusted_relation: Set(trusted.as_ref().map(|p| p.relation.clone())),
            trusted_phone: Set(trusted.map(|p| p.phone)),
            signed_on: Set(form.as_ref().map(|f| f.signed_on)),
            recorded_at: Set(now),
        }
        .insert(txn)
        .await?;
        version_of(row).ok_or(AppError::NotFound)
    })
    .await
}
