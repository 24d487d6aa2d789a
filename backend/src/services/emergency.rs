//! Emergency access ("break the glass"): a professional with no relation states a reason and
//! confirms with a fresh security-key verification; four hours of reading; the patient is told at
//! once; never over a block, never when the patient switched it off; at most a configured number
//! per professional within a sliding window, past which the agency is alerted; the agency reviews
//! them and the alerts.
//! Also the patient's notifications, including the first access to a record not yet activated.

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use shared::api::agency::RecordState;
use shared::api::auth::Role;
use shared::api::care::{
    DISPOSITION_NOTE_MAX, Disposition, DispositionRecord, EmergencyAccessByNationalId,
    EmergencyAccessOpened, EmergencyAccessRequest, EmergencyAccessReview, EmergencyAlert,
    Notification, PatientNotice, SetDisposition,
};
use shared::ids::PatientId;
use shared::{ApiErrorCode, NationalId};
use uuid::Uuid;

use super::care::{brief, record_facts};
use super::sign_in::recently_verified;
use super::{audited, hidden, refuse};
use crate::access::{self, Action, Decision, EMERGENCY_ACCESS_DURATION};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::{CurrentAgent, CurrentPatient, CurrentProfessional, rate_limit};
use crate::entity::{agent, emergency_alert, emergency_grant, notification, patient, professional};
use crate::error::AppError;

/// The record an emergency access is asked for: by its id (the record page), or by the national
/// ID the professional looked up.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// From the record page: every refusal about the record answers `not_found`.
    Record(Uuid),
    /// From a lookup by national ID: a record not open yet and a patient's switch-off say so.
    NationalId(&'a NationalId),
}

/// Opens an emergency access to a record.
///
/// # Errors
/// `reverification_required` (no fresh verification), `invalid_request` (no reason),
/// `emergency_access_limit_reached` (the professional's cap, whatever the record; the agency is
/// alerted), `not_found` (no such record, or refused: blocked, switched off, closed —
/// indistinguishable); audited.
pub async fn open(
    state: &AppState,
    meta: &RequestMeta,
    pro: &CurrentProfessional,
    patient_id: Uuid,
    input: &EmergencyAccessRequest,
) -> Result<EmergencyAccessOpened, AppError> {
    open_for(state, meta, pro, Target::Record(patient_id), &input.reason).await
}

/// Opens an emergency access from a lookup by national ID (rate-limited with the lookups).
///
/// What the refusal says: the professional's own limits (a fresh verification, the reason, the
/// cap, checked before the record is looked at) as everywhere; and of the record only two
/// record-wide states that stop every professional alike — the record is not open yet (its
/// objection window), the patient switched emergency access off. An unknown national ID, a
/// closed record and a block all answer `not_found`, alike: a block is never revealed (the rules
/// check it before the switch), nor is a closed record told from one that never existed. The
/// lookup itself still says `not_found` for every record one does not reach.
///
/// # Errors
/// `invalid_national_id`, `reverification_required`, `invalid_request`,
/// `emergency_access_limit_reached`, `record_in_objection_window`,
/// `emergency_access_switched_off`, `not_found`, rate limits; audited.
pub async fn open_by_national_id(
    state: &AppState,
    meta: &RequestMeta,
    pro: &CurrentProfessional,
    input: &EmergencyAccessByNationalId,
) -> Result<EmergencyAccessOpened, AppError> {
    let now = state.clock.now();
    let me = pro.0.subject_id();
    rate_limit::hit(&state.db, &format!("lookup:{me}"), rate_limit::SIGN_IN_PER_CLIENT, now)
        .await?;
    let national_id = NationalId::parse(&input.national_id)
        .map_err(|_| refuse(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::InvalidNationalId))?;
    open_for(state, meta, pro, Target::NationalId(&national_id), &input.reason).await
}

async fn open_for(
    state: &AppState,
    meta: &RequestMeta,
    pro: &CurrentProfessional,
    target: Target<'_>,
    reason: &str,
) -> Result<EmergencyAccessOpened, AppError> {
    let now = state.clock.now();
    let user = &pro.0;
    if !recently_verified(user, now) {
        return Err(refuse(StatusCode::FORBIDDEN, ApiErrorCode::ReverificationRequired));
    }
    let reason = reason.trim().to_owned();
    if !(10..=500).contains(&reason.chars().count()) {
        return Err(AppError::InvalidRequest("state the reason in 10 to 500 characters".into()));
    }
    let mut event = Event::new(
        "emergency_access_opened",
        Outcome::Success,
        Some((Role::Professional, user.subject_id())),
    )
    .with("reason", reason.clone());
    if matches!(target, Target::NationalId(_)) {
        event = event.with("by", "national_id");
    }
    audited(state, meta, event, async |txn, event| {
        // The record asked for, if there is one (nothing is told about it before the cap).
        let record_id = match target {
            Target::Record(id) => patient::Entity::find_by_id(id).one(txn).await?.map(|p| p.id),
            Target::NationalId(national_id) => patient::Entity::find()
                .filter(patient::Column::NationalId.eq(national_id.as_str()))
                .one(txn)
                .await?
                .map(|p| p.id),
        };
        // The cap first, before anything about the record: at the cap every record answers
        // alike. The professional's row is locked so that their openings are counted one at a
        // time (PostgreSQL; SQLite has a single writer).
        let mut query = professional::Entity::find_by_id(user.subject_id());
        if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
            query = query.lock_exclusive();
        }
        let p = query.one(txn).await?.ok_or(AppError::NotFound)?;
        let cap = state.config.emergency_cap;
        let check = access::emergency_cap(cap, &recent_openings(txn, p.id, cap, now).await?, now);
        if let Some(reason) = check.refusal() {
            *event = event
                .clone()
                .with("rule", reason.as_str())
                .with("openings_in_window", check.openings());
            // In the record's history when there is such a record (the caller is not told).
            event.patient_id = record_id;
            alert(txn, p.id, check.openings(), cap, now).await?;
            return Err(refuse(StatusCode::FORBIDDEN, ApiErrorCode::EmergencyAccessLimitReached));
        }
        let patient_id = match (target, record_id) {
            (Target::Record(id), _) => id,
            (Target::NationalId(_), Some(id)) => id,
            (Target::NationalId(_), None) => return Err(hidden()),
        };
        let facts = record_facts(txn, patient_id, state.clock.now()).await.map_err(|_| hidden())?;
        event.patient_id = Some(patient_id);
        let actor = super::documents::actor(txn, &pro.0).await?;
        let matrix = state.matrix.get(txn).await?;
        let decision = access::decide(&matrix, &actor, &Action::OpenEmergencyAccess, &facts, now);
        *event = event.clone().with("rule", decision.as_str());
        if let Decision::Deny(denied) = decision {
            return Err(refusal(target, denied));
        }
        let id = Uuid::new_v4();
        emergency_grant::ActiveModel {
            id: Set(id),
            patient_id: Set(patient_id),
            professional_id: Set(p.id),
            reason: Set(reason.clone()),
            opened_at: Set(now),
            disposition: Set(None),
            disposition_note: Set(None),
            disposed_by: Set(None),
            disposed_at: Set(None),
        }
        .insert(txn)
        .await?;
        notify(txn, patient_id, "emergency_access", p.id, Some(&reason), now).await?;
        *event = event.clone().target("emergency_access", id.to_string());
        Ok(EmergencyAccessOpened {
            id,
            patient_id: PatientId(patient_id),
            expires_at: now + EMERGENCY_ACCESS_DURATION,
        })
    })
    .await
}

/// What a refused emergency access answers (see [`open_by_national_id`]): from a lookup, the two
/// record-wide states that stop everyone; anything else, and everything from a record page,
/// `not_found`.
fn refusal(target: Target<'_>, denied: access::Reason) -> AppError {
    use access::Reason;
    match (target, denied) {
        (Target::NationalId(_), Reason::ObjectionWindow | Reason::NoLetterYet) => {
            refuse(StatusCode::FORBIDDEN, ApiErrorCode::RecordInObjectionWindow)
        }
        (Target::NationalId(_), Reason::EmergencyAccessSwitchedOff) => {
            refuse(StatusCode::FORBIDDEN, ApiErrorCode::EmergencyAccessSwitchedOff)
        }
        _ => hidden(),
    }
}

/// When the professional opened emergency accesses within the cap's window ending at `now`: at
/// most one more than the cap counts, so the newest suffice.
async fn recent_openings(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    cap: access::EmergencyCap,
    now: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, AppError> {
    let since = now.checked_sub_signed(cap.window).unwrap_or(DateTime::<Utc>::MIN_UTC);
    Ok(emergency_grant::Entity::find()
        .select_only()
        .column(emergency_grant::Column::OpenedAt)
        .filter(emergency_grant::Column::ProfessionalId.eq(professional_id))
        .filter(emergency_grant::Column::OpenedAt.gt(since))
        .order_by_desc(emergency_grant::Column::OpenedAt)
        .limit(u64::from(cap.max_openings) + 1)
        .into_tuple::<DateTime<Utc>>()
        .all(conn)
        .await?)
}

/// Leaves an alert for the agency: the professional was refused at the cap.
async fn alert(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    openings: u32,
    cap: access::EmergencyCap,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let number = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
    emergency_alert::ActiveModel {
        id: Set(Uuid::new_v4()),
        professional_id: Set(professional_id),
        refused_at: Set(now),
        openings_in_window: Set(number(i64::from(openings))),
        max_openings: Set(number(i64::from(cap.max_openings))),
        window_hours: Set(number(cap.window.num_hours())),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Adds a notification for the patient about what a professional did.
pub(crate) async fn notify(
    conn: &impl ConnectionTrait,
    patient_id: Uuid,
    kind: &str,
    professional_id: Uuid,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let detail = serde_json::json!({"professional": professional_id, "reason": reason});
    notify_patient(conn, patient_id, kind, &detail, now).await
}

/// Adds a notification for the patient (`kind` names what happened; `detail` its facts).
pub(crate) async fn notify_patient(
    conn: &impl ConnectionTrait,
    patient_id: Uuid,
    kind: &str,
    detail: &serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    notification::ActiveModel {
        id: Set(Uuid::new_v4()),
        patient_id: Set(patient_id),
        kind: Set(kind.into()),
        detail: Set(detail.to_string()),
        created_at: Set(now),
        read_at: Set(None),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// The first access by a professional to a record that the patient has not activated tells the
/// patient (once per record).
pub(crate) async fn note_access(
    conn: &impl ConnectionTrait,
    patient_id: Uuid,
    state: RecordState,
    professional_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if state != RecordState::Created {
        return Ok(());
    }
    let already = notification::Entity::find()
        .filter(notification::Column::PatientId.eq(patient_id))
        .filter(notification::Column::Kind.eq("first_access"))
        .count(conn)
        .await?;
    if already == 0 {
        notify(conn, patient_id, "first_access", professional_id, None, now).await?;
    }
    Ok(())
}

/// The patient's notifications, newest first.
///
/// # Errors
/// Database.
pub async fn notifications(
    state: &AppState,
    patient: &CurrentPatient,
) -> Result<Vec<Notification>, AppError> {
    let rows = notification::Entity::find()
        .filter(notification::Column::PatientId.eq(patient.0.subject_id()))
        .order_by_desc(notification::Column::CreatedAt)
        .limit(100)
        .all(&state.db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for n in rows {
        let detail: serde_json::Value = serde_json::from_str(&n.detail).unwrap_or_default();
        let professional =
            match detail["professional"].as_str().and_then(|s| s.parse::<Uuid>().ok()) {
                Some(id) => brief(&state.db, id).await?,
                None => None,
            };
        out.push(Notification {
            id: n.id,
            kind: n.kind,
            professional,
            reason: detail["reason"].as_str().map(str::to_owned),
            disposition: detail["disposition"].as_str().and_then(Disposition::parse),
            note: detail["note"].as_str().map(str::to_owned),
            created_at: n.created_at,
            read: n.read_at.is_some(),
        });
    }
    Ok(out)
}

/// Marks every notification of the patient as read.
///
/// # Errors
/// Database.
pub async fn mark_read(state: &AppState, patient: &CurrentPatient) -> Result<(), AppError> {
    notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(state.clock.now()))
        .filter(notification::Column::PatientId.eq(patient.0.subject_id()))
        .filter(notification::Column::ReadAt.is_null())
        .exec(&state.db)
        .await?;
    Ok(())
}

/// Emergency accesses for the agency's review, newest first, with their disposition. Who broke
/// the glass on which record, and why: every look is audited (`emergency_review_viewed`, with
/// how many accesses were shown).
///
/// # Errors
/// Database.
pub async fn review(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
) -> Result<Vec<EmergencyAccessReview>, AppError> {
    let event = Event::new(
        "emergency_review_viewed",
        Outcome::Success,
        Some((Role::Agent, agent.0.subject_id())),
    );
    super::audited_read(state, meta, event, async |txn, event, _| {
        let rows = emergency_grant::Entity::find()
            .order_by_desc(emergency_grant::Column::OpenedAt)
            .limit(200)
            .all(txn)
            .await?;
        *event = event.clone().with("accesses", rows.len());
        let mut out = Vec::with_capacity(rows.len());
        for g in rows {
            out.push(reviewed(txn, g).await?);
        }
        Ok(out)
    })
    .await
}

/// An emergency access as the review shows it.
async fn reviewed(
    conn: &impl ConnectionTrait,
    g: emergency_grant::Model,
) -> Result<EmergencyAccessReview, AppError> {
    let disposition = match (g.disposition.as_deref().and_then(Disposition::parse), g.disposed_at) {
        (Some(disposition), Some(decided_at)) => {
            let agent = match g.disposed_by {
                Some(id) => agent::Entity::find_by_id(id).one(conn).await?.map(|a| a.display_name),
                None => None,
            };
            Some(DispositionRecord {
                disposition,
                note: g.disposition_note.clone().unwrap_or_default(),
                agent,
                decided_at,
            })
        }
        _ => None,
    };
    // The notice `open` wrote in the same transaction, at the same instant, for this patient.
    let patient_notified = notification::Entity::find()
        .filter(notification::Column::PatientId.eq(g.patient_id))
        .filter(notification::Column::Kind.eq("emergency_access"))
        .filter(notification::Column::CreatedAt.eq(g.opened_at))
        .one(conn)
        .await?
        .map(|n| PatientNotice { at: n.created_at, read_at: n.read_at });
    Ok(EmergencyAccessReview {
        id: g.id,
        patient_id: PatientId(g.patient_id),
        professional: brief(conn, g.professional_id).await?,
        reason: g.reason,
        opened_at: g.opened_at,
        expires_at: Some(g.opened_at + EMERGENCY_ACCESS_DURATION),
        disposition,
        patient_notified,
    })
}

/// An agent records (or changes) the disposition of an emergency access, with a note. Audited
/// as `emergency_access_reviewed` in the record's history (naming the professional, the
/// disposition as its context, the note as its stated reason), and the patient is notified, in
/// the same transaction.
///
/// # Errors
/// `not_found` (no such emergency access), `invalid_request` (a note too long); audited.
pub async fn dispose(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
    input: &SetDisposition,
) -> Result<EmergencyAccessReview, AppError> {
    let note = input.note.trim().to_owned();
    if note.chars().count() > DISPOSITION_NOTE_MAX {
        return Err(AppError::InvalidRequest(format!(
            "the note has at most {DISPOSITION_NOTE_MAX} characters"
        )));
    }
    let now = state.clock.now();
    let disposition = input.disposition;
    let event = Event::new(
        "emergency_access_reviewed",
        Outcome::Success,
        Some((Role::Agent, agent.0.subject_id())),
    )
    .target("emergency_access", id.to_string())
    .with("context", disposition.as_str());
    audited(state, meta, event, async |txn, event| {
        let Some(grant) = emergency_grant::Entity::find_by_id(id).one(txn).await? else {
            return Err(refuse(StatusCode::NOT_FOUND, ApiErrorCode::NotFound));
        };
        event.patient_id = Some(grant.patient_id);
        *event = event
            .clone()
            .with("professional", grant.professional_id.to_string())
            .with("reason", note.clone());
        if let Some(previous) = &grant.disposition {
            *event = event.clone().with("previous", previous.clone());
        }
        let mut active: emergency_grant::ActiveModel = grant.clone().into();
        active.disposition = Set(Some(disposition.as_str().to_owned()));
        active.disposition_note = Set(Some(note.clone()));
        active.disposed_by = Set(Some(agent.0.subject_id()));
        active.disposed_at = Set(Some(now));
        let updated = active.update(txn).await?;
        let detail = serde_json::json!({
            "professional": grant.professional_id,
            "disposition": disposition.as_str(),
            "note": note,
            "emergency_access": id,
        });
        notify_patient(txn, grant.patient_id, "emergency_access_reviewed", &detail, now).await?;
        reviewed(txn, updated).await
    })
    .await
}

/// Alerts for the agency's review, newest first: professionals refused at the cap.
///
/// # Errors
/// Database.
pub async fn alerts(state: &AppState) -> Result<Vec<EmergencyAlert>, AppError> {
    let rows = emergency_alert::Entity::find()
        .order_by_desc(emergency_alert::Column::RefusedAt)
        .limit(200)
        .all(&state.db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    let number = |n: i32| u32::try_from(n).unwrap_or(0);
    for a in rows {
        out.push(EmergencyAlert {
            id: a.id,
            professional: brief(&state.db, a.professional_id).await?,
            refused_at: a.refused_at,
            openings_in_window: number(a.openings_in_window),
            max_openings: number(a.max_openings),
            window_hours: number(a.window_hours),
        });
    }
    Ok(out)
}
