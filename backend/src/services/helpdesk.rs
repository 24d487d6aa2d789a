//! The agency's helpdesk: an audited, rate-limited patient search; a record's letters and the
//! lifting of an activation lock-out; a lost security key replaced after an identity check;
//! licence suspension and reinstatement; the organisations of the directory. Only agents reach
//! it (the routes take `CurrentAgent`); every act is audited in its transaction.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use shared::ApiErrorCode;
use shared::api::agency::{
    EnrolmentCodeIssued, OrganisationSummary, PatientSummary, ProfessionalSummary,
};
use shared::api::auth::Role;
use shared::api::helpdesk::{
    Assignment, IdentityCheck, IdentityDocument, KeyRecovery, LetterKind, LetterRecord,
    LicenceChange, ORGANISATION_KINDS, OrganisationDetail, OrganisationInput, ProfessionalNotice,
};
use shared::ids::OrganisationId;
use uuid::Uuid;

use super::agency::{
    PAGE, actor, is_locked, issue_enrolment_code, lock_patient, patient_summary,
    professional_summary, required,
};
use super::{audited, contains_pattern, refuse};
use crate::app::AppState;
use crate::audit::{self, Event, Outcome, RequestMeta};
use crate::auth::{CurrentAgent, CurrentProfessional, rate_limit, session};
use crate::entity::{
    activation_failure, audit_event, care_link, enrolment_code, organisation, patient,
    professional, professional_notice,
};
use crate::error::AppError;

/// Patients whose name or national ID matches `q` (the newest when `q` is empty). Audited as
/// `patient_search`: the agent, what was searched and how many records answered — not which.
/// Counted per agent ([`rate_limit::AGENCY_SEARCH_PER_AGENT`]).
///
/// # Errors
/// `rate_limited`; database.
pub async fn search_patients(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    q: Option<&str>,
) -> Result<Vec<PatientSummary>, AppError> {
    let now = state.clock.now();
    let q = q.map(str::trim).filter(|q| !q.is_empty());
    let by = match q {
        None => "recent",
        Some(q) if q.chars().filter(|c| !c.is_whitespace()).all(|c| c.is_ascii_digit()) => {
            "national_id"
        }
        Some(_) => "name",
    };
    let event = Event::new("patient_search", Outcome::Success, actor(agent))
        .with("by", by)
        .with("q", q.unwrap_or_default());
    audited(state, meta, event, async |txn, event| {
        let key = format!("agency-search:{}", agent.0.subject_id());
        rate_limit::hit(txn, &key, rate_limit::AGENCY_SEARCH_PER_AGENT, now).await?;
        let found = super::agency::list_patients(txn, q).await?;
        *event = event.clone().with("results", found.len());
        Ok(found)
    })
    .await
}

/// The letters issued for a record, newest first: the audit entries of the acts that issued
/// them (what each was, the documents checked before a recovery letter). An audited read of the
/// record (`patient_viewed` with `part: letters`); a missing record is `not_found` and writes
/// nothing.
///
/// # Errors
/// `not_found`.
pub async fn letters(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    patient_id: Uuid,
) -> Result<Vec<LetterRecord>, AppError> {
    let event = super::agency::viewed(agent, patient_id).with("part", "letters");
    super::audited_read(state, meta, event, async |txn, _, _| letters_of(txn, patient_id).await)
        .await
}

async fn letters_of(
    conn: &impl ConnectionTrait,
    patient_id: Uuid,
) -> Result<Vec<LetterRecord>, AppError> {
    patient::Entity::find_by_id(patient_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let rows = audit_event::Entity::find()
        .filter(audit_event::Column::PatientId.eq(patient_id))
        .filter(audit_event::Column::Action.is_in(["letter_issued", "recovery_letter_issued"]))
        .filter(audit_event::Column::Outcome.eq("success"))
        .order_by_asc(audit_event::Column::Id)
        .all(conn)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        let detail: serde_json::Value = serde_json::from_str(&row.detail).unwrap_or_default();
        let kind = match detail["kind"].as_str() {
            Some("recovery") => LetterKind::Recovery,
            Some("reissue") => LetterKind::Reissue,
            Some("activation") => LetterKind::Activation,
            _ if row.action == "recovery_letter_issued" => LetterKind::Recovery,
            _ if i == 0 => LetterKind::Activation,
            _ => LetterKind::Reissue,
        };
        let identity_check = detail["identity_check"]
            .as_array()
            .map(|docs| {
                docs.iter().filter_map(|d| d.as_str().and_then(IdentityDocument::parse)).collect()
            })
            .unwrap_or_default();
        out.push(LetterRecord { issued_at: row.occurred_at, kind, identity_check });
    }
    out.reverse();
    Ok(out)
}

/// Lifts a record's activation lock-out (too many wrong codes): the letter's code works again.
/// Audited as `activation_unlocked` on the record.
///
/// # Errors
/// `not_found`, `activation_not_locked`; audited.
pub async fn unlock_activation(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    patient_id: Uuid,
) -> Result<PatientSummary, AppError> {
    patient::Entity::find_by_id(patient_id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    let event =
        Event::new("activation_unlocked", Outcome::Success, actor(agent)).patient(patient_id);
    audited(state, meta, event, async |txn, _| {
        let row = lock_patient(txn, patient_id).await?;
        if !is_locked(txn, &row.national_id).await? {
            return Err(refuse(StatusCode::CONFLICT, ApiErrorCode::ActivationNotLocked));
        }
        activation_failure::Entity::delete_by_id(row.national_id.clone()).exec(txn).await?;
        Ok(patient_summary(row, false))
    })
    .await
}

/// The documents of an identity check, sorted and without repeats; at least one.
fn checked_documents(check: &IdentityCheck) -> Result<Vec<&'static str>, AppError> {
    let documents: BTreeSet<&'static str> = check.documents.iter().map(|d| d.as_str()).collect();
    if documents.is_empty() {
        return Err(refuse(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::IdentityCheckRequired));
    }
    Ok(documents.into_iter().collect())
}

async fn notify_professional(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    kind: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    professional_notice::ActiveModel {
        id: Set(Uuid::new_v4()),
        professional_id: Set(professional_id),
        kind: Set(kind.into()),
        created_at: Set(now),
        read_at: Set(None),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// A professional lost their security key: after the identity check the agent records, a new
/// enrolment code. Every registered key is removed and every session ends at once; the key
/// enrolled with the code replaces them all, and the professional is told in the app. Audited as
/// `professional_key_recovery` with the documents checked.
///
/// # Errors
/// `not_found`, `identity_check_required`, `licence_suspended`; audited.
pub async fn professional_recovery(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
    input: &KeyRecovery,
) -> Result<EnrolmentCodeIssued, AppError> {
    professional::Entity::find_by_id(id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let event = Event::new("professional_key_recovery", Outcome::Success, actor(agent))
        .target("professional", id.to_string());
    audited(state, meta, event, async |txn, event| {
        let documents = checked_documents(&input.identity_check)?;
        *event = event.clone().with("identity_check", documents);
        let row = lock_professional(txn, id).await?;
        if row.state != "active" {
            return Err(refuse(StatusCode::CONFLICT, ApiErrorCode::LicenceSuspended));
        }
        let sessions = live_sessions(txn, id).await?;
        let issued = issue_enrolment_code(txn, state, Role::Professional, id, now).await?;
        notify_professional(txn, id, "key_recovery", now).await?;
        *event = event
            .clone()
            .with("revoked_credentials", issued.revoked_credentials)
            .with("sessions_ended", sessions);
        Ok(issued)
    })
    .await
}

async fn live_sessions(conn: &impl ConnectionTrait, subject_id: Uuid) -> Result<u64, AppError> {
    use sea_orm::PaginatorTrait as _;
    Ok(crate::entity::session::Entity::find()
        .filter(crate::entity::session::Column::SubjectId.eq(subject_id))
        .filter(crate::entity::session::Column::RevokedAt.is_null())
        .count(conn)
        .await?)
}

async fn lock_professional(
    txn: &impl ConnectionTrait,
    id: Uuid,
) -> Result<professional::Model, AppError> {
    let mut query = professional::Entity::find_by_id(id);
    if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        query = query.lock_exclusive();
    }
    query.one(txn).await?.ok_or(AppError::NotFound)
}

/// The patients who have (or had) a care link with a professional.
async fn linked_patients(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
) -> Result<BTreeSet<Uuid>, AppError> {
    Ok(care_link::Entity::find()
        .filter(care_link::Column::ProfessionalId.eq(professional_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|l| l.patient_id)
        .collect())
}

/// Suspends (`suspend`) or reinstates a professional's licence.
///
/// Suspension: the professional's rights end at once — every session ends, an outstanding
/// enrolment code is void, and `access::decide` refuses an inactive professional everything;
/// sign-in and enrolment refuse them. Reinstatement restores them (their links and keys were
/// kept). Audited as `licence_suspended` / `licence_reinstated` with the reason; each patient
/// with a link to the professional gets an entry in their history
/// (`professional_licence_suspended` / `professional_licence_reinstated`, naming the professional,
/// not the reason) in the same transaction.
///
/// # Errors
/// `not_found`, `licence_state_unchanged`, `invalid_request` (reason); audited.
pub async fn change_licence(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
    input: &LicenceChange,
    suspend: bool,
) -> Result<ProfessionalSummary, AppError> {
    let reason = required(&input.reason, "reason", 500)?;
    professional::Entity::find_by_id(id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let (action, patient_action) = if suspend {
        ("licence_suspended", "professional_licence_suspended")
    } else {
        ("licence_reinstated", "professional_licence_reinstated")
    };
    let event = Event::new(action, Outcome::Success, actor(agent))
        .target("professional", id.to_string())
        .with("reason", reason.clone());
    audited(state, meta, event, async |txn, event| {
        let row = lock_professional(txn, id).await?;
        let (from, to) = if suspend { ("active", "suspended") } else { ("suspended", "active") };
        if row.state != from {
            return Err(refuse(StatusCode::CONFLICT, ApiErrorCode::LicenceStateUnchanged));
        }
        let mut active: professional::ActiveModel = row.into();
        active.state = Set(to.into());
        let row = active.update(txn).await?;
        if suspend {
            let ended = session::revoke_all(txn, id, now).await?;
            enrolment_code::Entity::delete_many()
                .filter(enrolment_code::Column::SubjectId.eq(id))
                .filter(enrolment_code::Column::UsedAt.is_null())
                .exec(txn)
                .await?;
            *event = event.clone().with("sessions_ended", ended);
        } else {
            notify_professional(txn, id, "licence_reinstated", now).await?;
        }
        let patients = linked_patients(txn, id).await?;
        *event = event.clone().with("patients_told", patients.len());
        for patient_id in patients {
            let entry = Event::new(patient_action, Outcome::Success, actor(agent))
                .patient(patient_id)
                .target("professional", id.to_string());
            audit::append(txn, meta, entry, now).await?;
        }
        professional_summary(txn, row, now).await
    })
    .await
}

fn organisation_summary(o: organisation::Model) -> OrganisationSummary {
    OrganisationSummary { id: OrganisationId(o.id), name: o.name, kind: o.kind }
}

/// Organisations whose name matches `q` (all when empty), by name.
///
/// # Errors
/// Database.
pub async fn search_organisations(
    state: &AppState,
    q: Option<&str>,
) -> Result<Vec<OrganisationSummary>, AppError> {
    let mut query =
        organisation::Entity::find().order_by_asc(organisation::Column::Name).limit(PAGE);
    if let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) {
        query = query.filter(
            Expr::expr(Func::lower(Expr::col(organisation::Column::Name)))
                .like(contains_pattern(q)),
        );
    }
    Ok(query.all(&state.db).await?.into_iter().map(organisation_summary).collect())
}

/// One organisation with its professionals.
///
/// # Errors
/// `not_found`.
pub async fn organisation(state: &AppState, id: Uuid) -> Result<OrganisationDetail, AppError> {
    let row =
        organisation::Entity::find_by_id(id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    detail(&state.db, row, state.clock.now()).await
}

async fn detail(
    conn: &impl ConnectionTrait,
    row: organisation::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<OrganisationDetail, AppError> {
    let members = professional::Entity::find()
        .filter(professional::Column::OrganisationId.eq(row.id))
        .order_by_asc(professional::Column::FamilyName)
        .order_by_asc(professional::Column::GivenName)
        .all(conn)
        .await?;
    let mut professionals = Vec::with_capacity(members.len());
    for p in members {
        professionals.push(professional_summary(conn, p, now).await?);
    }
    Ok(OrganisationDetail {
        id: OrganisationId(row.id),
        name: row.name,
        kind: row.kind,
        professionals,
    })
}

fn checked_organisation(input: &OrganisationInput) -> Result<(String, String), AppError> {
    let name = required(&input.name, "name", 200)?;
    let kind = input.kind.trim().to_owned();
    if !ORGANISATION_KINDS.contains(&kind.as_str()) {
        return Err(AppError::InvalidRequest(format!(
            "kind must be one of {}",
            ORGANISATION_KINDS.join(", ")
        )));
    }
    Ok((name, kind))
}

async fn name_taken(
    conn: &impl ConnectionTrait,
    name: &str,
    except: Option<Uuid>,
) -> Result<bool, AppError> {
    let mut query = organisation::Entity::find().filter(
        Expr::expr(Func::lower(Expr::col(organisation::Column::Name))).eq(name.to_lowercase()),
    );
    if let Some(id) = except {
        query = query.filter(organisation::Column::Id.ne(id));
    }
    Ok(query.one(conn).await?.is_some())
}

/// Adds an organisation to the directory. Audited as `organisation_created`.
///
/// # Errors
/// `invalid_request` (name, kind), `duplicate_organisation`; audited.
pub async fn create_organisation(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    input: &OrganisationInput,
) -> Result<OrganisationDetail, AppError> {
    let (name, kind) = checked_organisation(input)?;
    let id = Uuid::new_v4();
    let now = state.clock.now();
    let event = Event::new("organisation_created", Outcome::Success, actor(agent))
        .target("organisation", id.to_string())
        .with("name", name.clone())
        .with("kind", kind.clone());
    audited(state, meta, event, async |txn, _| {
        if name_taken(txn, &name, None).await? {
            return Err(refuse(StatusCode::CONFLICT, ApiErrorCode::DuplicateOrganisation));
        }
        let row = organisation::ActiveModel {
            id: Set(id),
            name: Set(name.clone()),
            kind: Set(kind.clone()),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
        detail(txn, row, now).await
    })
    .await
}

/// Renames an organisation or changes its kind. Audited as `organisation_changed`.
///
/// # Errors
/// `not_found`, `invalid_request`, `duplicate_organisation`; audited.
pub async fn update_organisation(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
    input: &OrganisationInput,
) -> Result<OrganisationDetail, AppError> {
    let (name, kind) = checked_organisation(input)?;
    let row =
        organisation::Entity::find_by_id(id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let event = Event::new("organisation_changed", Outcome::Success, actor(agent))
        .target("organisation", id.to_string())
        .with("name", name.clone())
        .with("kind", kind.clone());
    audited(state, meta, event, async |txn, _| {
        if name_taken(txn, &name, Some(id)).await? {
            return Err(refuse(StatusCode::CONFLICT, ApiErrorCode::DuplicateOrganisation));
        }
        let mut active: organisation::ActiveModel = row.into();
        active.name = Set(name.clone());
        active.kind = Set(kind.clone());
        let row = active.update(txn).await?;
        detail(txn, row, now).await
    })
    .await
}

/// Assigns a professional to an organisation (they work there from now on). Audited as
/// `professional_assigned`.
///
/// # Errors
/// `not_found` (professional or organisation); audited.
pub async fn assign(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    professional_id: Uuid,
    input: &Assignment,
) -> Result<ProfessionalSummary, AppError> {
    professional::Entity::find_by_id(professional_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let organisation_id = input.organisation_id.0;
    let event = Event::new("professional_assigned", Outcome::Success, actor(agent))
        .target("professional", professional_id.to_string())
        .with("organisation_id", organisation_id.to_string());
    audited(state, meta, event, async |txn, event| {
        if organisation::Entity::find_by_id(organisation_id).one(txn).await?.is_none() {
            return Err(refuse(StatusCode::NOT_FOUND, ApiErrorCode::NotFound));
        }
        let row = lock_professional(txn, professional_id).await?;
        *event = event
            .clone()
            .with("previous_organisation_id", row.organisation_id.map(|o| o.to_string()));
        let mut active: professional::ActiveModel = row.into();
        active.organisation_id = Set(Some(organisation_id));
        let row = active.update(txn).await?;
        professional_summary(txn, row, now).await
    })
    .await
}

/// What the professional is told in the app, newest first (the last 20).
///
/// # Errors
/// Database.
pub async fn notices(
    state: &AppState,
    professional: &CurrentProfessional,
) -> Result<Vec<ProfessionalNotice>, AppError> {
    Ok(professional_notice::Entity::find()
        .filter(professional_notice::Column::ProfessionalId.eq(professional.0.subject_id()))
        .order_by_desc(professional_notice::Column::CreatedAt)
        .limit(20)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|n| ProfessionalNotice { kind: n.kind, created_at: n.created_at })
        .collect())
}
