//! Who may reach a record, under the patient's control: connection codes and consultation links,
//! patient-granted links, the médecin référent, blocks and the emergency-access switch; and the
//! record's facts as the access decision needs them. Every change of rights is audited in its
//! own transaction.

use axum::http::StatusCode;
use chrono::{DateTime, NaiveTime, TimeDelta, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    FromQueryResult, QueryFilter, QueryOrder, QuerySelect, Statement,
};
use shared::api::agency::RecordState;
use shared::api::auth::Role;
use shared::api::care::{
    CareOverview, ConnectionCode, ConsultationOpened, EmergencyAccessSetting, GrantLink,
    LinkContext, LinkSummary, OpenAdmission, OpenConsultation, PatientFound, ProfessionalBrief,
    SetReferent,
};
use shared::ids::{PatientId, ProfessionalId};
use shared::{ApiErrorCode, NationalId, Profession};
use uuid::Uuid;

use super::{audited, contains_pattern, hidden, refuse};
use crate::access::{self, LinkHolder, RecordFacts, TherapeuticLink};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::{CurrentPatient, CurrentProfessional, codes, rate_limit};
use crate::entity::{block, care_link, connection_code, organisation, patient, professional};
use crate::error::AppError;

/// How long a connection code works.
pub const CONNECTION_CODE_LIFETIME: TimeDelta = TimeDelta::minutes(10);

const fn context_code(context: LinkContext) -> &'static str {
    match context {
        LinkContext::Consultation => "consultation",
        LinkContext::InstitutionStay => "institution_stay",
        LinkContext::EmergencyDepartment => "emergency_department",
        LinkContext::PatientGrant => "patient_grant",
    }
}

fn context_of(code: &str) -> Option<LinkContext> {
    [
        LinkContext::Consultation,
        LinkContext::InstitutionStay,
        LinkContext::EmergencyDepartment,
        LinkContext::PatientGrant,
    ]
    .into_iter()
    .find(|c| context_code(*c) == code)
}

const fn access_context(context: LinkContext) -> access::LinkContext {
    match context {
        LinkContext::Consultation => access::LinkContext::Consultation,
        LinkContext::InstitutionStay => access::LinkContext::InstitutionStay,
        LinkContext::EmergencyDepartment => access::LinkContext::EmergencyDepartment,
        LinkContext::PatientGrant => access::LinkContext::PatientGrant,
    }
}

/// The record's facts, as [`access::decide`] needs them.
///
/// # Errors
/// `not_found` for no such record; database errors.
pub async fn record_facts(
    conn: &impl ConnectionTrait,
    patient_id: Uuid,
    now: DateTime<Utc>,
) -> Result<RecordFacts, AppError> {
    lookup_record_facts(conn, patient_id, now).await?.ok_or(AppError::NotFound)
}

/// The record's facts, or `None` when there is no such record. The same statements run either
/// way, so that a record (or document) one may not see and one that does not exist take the
/// same time to refuse.
pub(crate) async fn lookup_record_facts(
    conn: &impl ConnectionTrait,
    patient_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<RecordFacts>, AppError> {
    // Links over for more than 30 days decide nothing (they only name the closest miss of a
    // denial); a long-followed patient accumulates thousands of them.
    let horizon = now - chrono::Duration::days(30);
    let backend = conn.get_database_backend();
    let text = crate::db::placeholders(backend, RECORD_FACTS_SQL);
    let rows = FactRow::find_by_statement(Statement::from_sql_and_values(
        backend,
        text,
        [patient_id.into(), horizon.into()],
    ))
    .all(conn)
    .await?;
    let mut record = None;
    let mut blocked = Vec::new();
    let mut links = Vec::new();
    let mut emergency_grants = Vec::new();
    for row in rows {
        match (row.kind.as_str(), row.id, row.t1) {
            ("p", _, _) => record = Some(row),
            ("b", _, _) => blocked.extend(row.professional_id.map(ProfessionalId)),
            ("l", Some(id), Some(starts_at)) => {
                let holder = match (row.professional_id, row.organisation_id) {
                    (Some(p), _) => LinkHolder::Professional(ProfessionalId(p)),
                    (None, Some(o)) => LinkHolder::Organisation(shared::ids::OrganisationId(o)),
                    (None, None) => continue,
                };
                let (Some(context), Some(ends_at)) =
                    (row.context.as_deref().and_then(context_of), row.t2)
                else {
                    continue;
                };
                links.push(TherapeuticLink {
                    id,
                    holder,
                    context: access_context(context),
                    starts_at,
                    ends_at,
                    ended_at: row.t3,
                });
            }
            ("g", Some(id), Some(opened_at)) => {
                if let Some(p) = row.professional_id {
                    emergency_grants.push(access::EmergencyGrant {
                        id,
                        professional: ProfessionalId(p),
                        opened_at,
                    });
                }
            }
            _ => {}
        }
    }
    let Some(record) = record else { return Ok(None) };
    Ok(Some(RecordFacts {
        patient: PatientId(patient_id),
        state: record
            .context
            .as_deref()
            .and_then(RecordState::parse)
            .unwrap_or(RecordState::Closed),
        first_letter_issued_at: record.t1,
        blocked,
        referent: record.other.map(ProfessionalId),
        links,
        emergency_access_enabled: record.flag.unwrap_or(false),
        emergency_grants,
        death_read_until: record.t2,
    }))
}

/// Everything the decision needs about a record, in one statement (one round trip whatever the
/// record holds; the same statement whether the record exists or not): the record (`p`), its
/// blocks (`b`), its links not over for more than 30 days (`l`), its recent emergency accesses
/// (`g`). Typed `NULL`s keep PostgreSQL's type resolution of the union happy; SQLite ignores them.
const RECORD_FACTS_SQL: &str = "\
SELECT 'p' AS kind, CAST(NULL AS uuid) AS id, CAST(NULL AS uuid) AS professional_id, \
CAST(NULL AS uuid) AS organisation_id, record_state AS context, letter_issued_at AS t1, \
(SELECT death_read_until FROM record_life WHERE record_life.patient_id = patients.id) AS t2, \
CAST(NULL AS timestamptz) AS t3, referent_id AS other, \
emergency_access_enabled AS flag FROM patients WHERE id = $1 \
UNION ALL SELECT 'b', CAST(NULL AS uuid), professional_id, CAST(NULL AS uuid), \
CAST(NULL AS text), CAST(NULL AS timestamptz), CAST(NULL AS timestamptz), \
CAST(NULL AS timestamptz), CAST(NULL AS uuid), CAST(NULL AS boolean) \
FROM blocks WHERE patient_id = $1 \
UNION ALL SELECT 'l', id, professional_id, organisation_id, context, starts_at, ends_at, \
ended_at, CAST(NULL AS uuid), CAST(NULL AS boolean) FROM care_links \
WHERE patient_id = $1 AND ends_at > $2 AND (ended_at IS NULL OR ended_at > $2) \
UNION ALL SELECT 'g', id, professional_id, CAST(NULL AS uuid), CAST(NULL AS text), opened_at, \
CAST(NULL AS timestamptz), CAST(NULL AS timestamptz), CAST(NULL AS uuid), \
CAST(NULL AS boolean) FROM emergency_grants WHERE patient_id = $1 AND opened_at > $2";

/// One row of [`RECORD_FACTS_SQL`].
#[derive(Debug, FromQueryResult)]
struct FactRow {
    kind: String,
    id: Option<Uuid>,
    pub(crate) professional_id: Option<Uuid>,
    pub(crate) organisation_id: Option<Uuid>,
    context: Option<String>,
    t1: Option<DateTime<Utc>>,
    t2: Option<DateTime<Utc>>,
    t3: Option<DateTime<Utc>>,
    other: Option<Uuid>,
    flag: Option<bool>,
}

pub(crate) async fn brief(
    conn: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<ProfessionalBrief>, AppError> {
    let Some(p) = professional::Entity::find_by_id(id).one(conn).await? else { return Ok(None) };
    let organisation = match p.organisation_id {
        Some(o) => organisation::Entity::find_by_id(o).one(conn).await?.map(|o| o.name),
        None => None,
    };
    Ok(Some(ProfessionalBrief {
        id: ProfessionalId(p.id),
        given_name: p.given_name,
        family_name: p.family_name,
        profession: Profession::from_code(&p.profession).unwrap_or(Profession::Physician),
        organisation,
    }))
}

pub(crate) async fn link_summary(
    conn: &impl ConnectionTrait,
    l: care_link::Model,
    now: DateTime<Utc>,
) -> Result<LinkSummary, AppError> {
    let professional = match l.professional_id {
        Some(p) => brief(conn, p).await?,
        None => None,
    };
    Ok(LinkSummary {
        id: l.id,
        professional,
        context: context_of(&l.context).unwrap_or(LinkContext::PatientGrant),
        live: l.starts_at <= now && now < l.ends_at && l.ended_at.is_none_or(|e| now < e),
        starts_at: l.starts_at,
        ends_at: l.ends_at,
        ended_at: l.ended_at,
    })
}

/// A new therapeutic link, as each care context opens it.
pub(crate) struct NewLink {
    pub(crate) patient_id: Uuid,
    pub(crate) professional_id: Option<Uuid>,
    pub(crate) organisation_id: Option<Uuid>,
    pub(crate) context: LinkContext,
    pub(crate) ends_at: DateTime<Utc>,
    pub(crate) created_by: (Role, Uuid),
}

/// Inserts a link starting `now`, records it as the event's target, and summarises it.
pub(crate) async fn insert_link(
    txn: &impl ConnectionTrait,
    new: NewLink,
    event: &mut Event,
    now: DateTime<Utc>,
) -> Result<LinkSummary, AppError> {
    let link = care_link::ActiveModel {
        id: Set(Uuid::new_v4()),
        patient_id: Set(new.patient_id),
        professional_id: Set(new.professional_id),
        organisation_id: Set(new.organisation_id),
        context: Set(context_code(new.context).into()),
        starts_at: Set(now),
        ends_at: Set(new.ends_at),
        ended_at: Set(None),
        created_by_kind: Set(new.created_by.0.as_str().into()),
        created_by_id: Set(new.created_by.1),
        created_at: Set(now),
    }
    .insert(txn)
    .await?;
    *event = event.clone().target("link", link.id.to_string());
    link_summary(txn, link, now).await
}

fn patient_actor(patient: &CurrentPatient) -> Option<(Role, Uuid)> {
    Some((Role::Patient, patient.0.subject_id()))
}

/// A new connection code for the patient to hand over (replaces the previous one).
///
/// # Errors
/// Database; audited.
pub async fn connection_code(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
) -> Result<ConnectionCode, AppError> {
    let id = patient.0.subject_id();
    let now = state.clock.now();
    let code = codes::new_code();
    let expires_at = now + CONNECTION_CODE_LIFETIME;
    let event =
        Event::new("connection_code_issued", Outcome::Success, patient_actor(patient)).patient(id);
    audited(state, meta, event, async |txn, _| {
        connection_code::Entity::delete_by_id(id).exec(txn).await?;
        connection_code::ActiveModel {
            patient_id: Set(id),
            code_hash: Set(codes::hash_code(&code)),
            expires_at: Set(expires_at),
            used_at: Set(None),
        }
        .insert(txn)
        .await?;
        Ok(ConnectionCode { code: code.clone(), expires_at })
    })
    .await
}

/// A professional opens a 15-day consultation link with the patient's national ID and code.
/// A wrong, used or expired code, an unknown national ID, a closed record and a block all get
/// the same answer.
///
/// # Errors
/// `invalid_national_id`, `connection_failed`, rate limits; audited.
pub async fn open_consultation(
    state: &AppState,
    meta: &RequestMeta,
    professional: &CurrentProfessional,
    input: &OpenConsultation,
) -> Result<ConsultationOpened, AppError> {
    let now = state.clock.now();
    let pro = professional.0.subject_id();
    rate_limit::hit(
        &state.db,
        &format!("consultation:{pro}"),
        rate_limit::ACTIVATION_PER_CLIENT,
        now,
    )
    .await?;
    let national_id = NationalId::parse(&input.national_id)
        .map_err(|_| refuse(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::InvalidNationalId))?;
    rate_limit::hit(
        &state.db,
        &format!("consultation-id:{national_id}"),
        rate_limit::ACTIVATION_PER_ID,
        now,
    )
    .await?;
    let typed = codes::hash_code(&input.connection_code);
    let event = Event::new("link_opened", Outcome::Success, Some((Role::Professional, pro)))
        .with("context", "consultation");
    audited(state, meta, event, async |txn, event| {
        let failed = || refuse(StatusCode::BAD_REQUEST, ApiErrorCode::ConnectionFailed);
        let record = patient::Entity::find()
            .filter(patient::Column::NationalId.eq(national_id.as_str()))
            .one(txn)
            .await?
            .ok_or_else(failed)?;
        event.patient_id = Some(record.id);
        let used = connection_code::Entity::update_many()
            .col_expr(connection_code::Column::UsedAt, Expr::value(now))
            .filter(connection_code::Column::PatientId.eq(record.id))
            .filter(connection_code::Column::CodeHash.eq(typed.clone()))
            .filter(connection_code::Column::UsedAt.is_null())
            .exec(txn)
            .await?;
        let code = connection_code::Entity::find_by_id(record.id).one(txn).await?;
        if used.rows_affected != 1 || code.is_none_or(|c| c.expires_at <= now) {
            return Err(failed());
        }
        let facts = record_facts(txn, record.id, state.clock.now()).await?;
        let blocked = facts.blocked.contains(&ProfessionalId(pro));
        if record.record_state == RecordState::Closed.as_str() || blocked {
            *event =
                event.clone().with("reason", if blocked { "blocked" } else { "record_closed" });
            return Err(failed());
        }
        let link = NewLink {
            patient_id: record.id,
            professional_id: Some(pro),
            organisation_id: None,
            context: LinkContext::Consultation,
            ends_at: now + TimeDelta::days(15),
            created_by: (Role::Professional, pro),
        };
        Ok(ConsultationOpened {
            patient_id: PatientId(record.id),
            link: insert_link(txn, link, event, now).await?,
        })
    })
    .await
}

/// The record's référent, blocks, links and emergency-access switch.
///
/// # Errors
/// Database.
pub async fn overview(
    state: &AppState,
    patient: &CurrentPatient,
) -> Result<CareOverview, AppError> {
    let id = patient.0.subject_id();
    let now = state.clock.now();
    let record = patient::Entity::find_by_id(id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    let referent = match record.referent_id {
        Some(r) => brief(&state.db, r).await?,
        None => None,
    };
    let mut blocked = Vec::new();
    for b in block::Entity::find()
        .filter(block::Column::PatientId.eq(id))
        .order_by_asc(block::Column::CreatedAt)
        .all(&state.db)
        .await?
    {
        blocked.extend(brief(&state.db, b.professional_id).await?);
    }
    let mut links = Vec::new();
    for l in care_link::Entity::find()
        .filter(care_link::Column::PatientId.eq(id))
        .order_by_desc(care_link::Column::StartsAt)
        .all(&state.db)
        .await?
    {
        links.push(link_summary(&state.db, l, now).await?);
    }
    links.sort_by_key(|l| !l.live);
    Ok(CareOverview {
        referent,
        blocked,
        links,
        emergency_access_enabled: record.emergency_access_enabled,
    })
}

async fn active_professional(
    conn: &impl ConnectionTrait,
    id: Uuid,
) -> Result<professional::Model, AppError> {
    professional::Entity::find_by_id(id)
        .one(conn)
        .await?
        .filter(|p| p.state == "active")
        .ok_or_else(|| AppError::InvalidRequest("no such active professional".into()))
}

/// The patient grants a link to a professional until the end of a day.
///
/// # Errors
/// `invalid_request` (unknown professional, a date in the past); audited.
pub async fn grant_link(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    input: &GrantLink,
) -> Result<LinkSummary, AppError> {
    let id = patient.0.subject_id();
    let now = state.clock.now();
    let ends_at = (input.until + TimeDelta::days(1)).and_time(NaiveTime::MIN).and_utc();
    if ends_at <= now {
        return Err(AppError::InvalidRequest("the end date is in the past".into()));
    }
    let event = Event::new("link_granted", Outcome::Success, patient_actor(patient))
        .patient(id)
        .with("professional", input.professional_id.to_string())
        .with("until", input.until.to_string());
    audited(state, meta, event, async |txn, event| {
        active_professional(txn, input.professional_id.0).await?;
        let link = NewLink {
            patient_id: id,
            professional_id: Some(input.professional_id.0),
            organisation_id: None,
            context: LinkContext::PatientGrant,
            ends_at,
            created_by: (Role::Patient, id),
        };
        insert_link(txn, link, event, now).await
    })
    .await
}

/// The patient ends a link, effective for the very next request.
///
/// # Errors
/// `not_found` for another record's link; audited.
pub async fn end_link(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    link: Uuid,
) -> Result<(), AppError> {
    let id = patient.0.subject_id();
    let now = state.clock.now();
    let row = care_link::Entity::find_by_id(link)
        .one(&state.db)
        .await?
        .filter(|l| l.patient_id == id)
        .ok_or(AppError::NotFound)?;
    let event = Event::new("link_ended", Outcome::Success, patient_actor(patient))
        .patient(id)
        .target("link", link.to_string());
    audited(state, meta, event, async |txn, _| {
        if row.ended_at.is_none() {
            let mut active: care_link::ActiveModel = row.into();
            active.ended_at = Set(Some(now));
            active.update(txn).await?;
        }
        Ok(())
    })
    .await
}

/// The patient designates a physician as médecin référent, or removes the designation.
///
/// # Errors
/// `invalid_request` for someone who is not an active physician; audited.
pub async fn set_referent(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    input: &SetReferent,
) -> Result<CareOverview, AppError> {
    let id = patient.0.subject_id();
    let action =
        if input.professional_id.is_some() { "referent_designated" } else { "referent_removed" };
    let mut event = Event::new(action, Outcome::Success, patient_actor(patient)).patient(id);
    if let Some(p) = input.professional_id {
        event = event.target("professional", p.to_string());
    }
    audited(state, meta, event, async |txn, event| {
        if let Some(p) = input.professional_id {
            let pro = active_professional(txn, p.0).await?;
            if pro.profession != Profession::Physician.code() {
                return Err(AppError::InvalidRequest("a médecin référent is a physician".into()));
            }
        }
        let record = patient::Entity::find_by_id(id).one(txn).await?.ok_or(AppError::NotFound)?;
        // A removal names the référent it removes, so that the history can say who.
        if let (None, Some(previous)) = (input.professional_id, record.referent_id) {
            *event = event.clone().target("professional", previous.to_string());
        }
        let mut active: patient::ActiveModel = record.into();
        active.referent_id = Set(input.professional_id.map(|p| p.0));
        active.update(txn).await?;
        Ok(())
    })
    .await?;
    overview(state, patient).await
}

/// The patient blocks (or unblocks) a professional: a block beats everything.
///
/// # Errors
/// `invalid_request` for an unknown professional; audited.
pub async fn set_block(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    professional_id: Uuid,
    blocked: bool,
) -> Result<(), AppError> {
    let id = patient.0.subject_id();
    let now = state.clock.now();
    let action = if blocked { "professional_blocked" } else { "professional_unblocked" };
    let event = Event::new(action, Outcome::Success, patient_actor(patient))
        .patient(id)
        .target("professional", professional_id.to_string());
    audited(state, meta, event, async |txn, _| {
        professional::Entity::find_by_id(professional_id)
            .one(txn)
            .await?
            .ok_or_else(|| AppError::InvalidRequest("no such professional".into()))?;
        block::Entity::delete_many()
            .filter(block::Column::PatientId.eq(id))
            .filter(block::Column::ProfessionalId.eq(professional_id))
            .exec(txn)
            .await?;
        if blocked {
            block::ActiveModel {
                patient_id: Set(id),
                professional_id: Set(professional_id),
                created_at: Set(now),
            }
            .insert(txn)
            .await?;
        }
        Ok(())
    })
    .await
}

/// The patient switches emergency access on or off.
///
/// # Errors
/// Database; audited.
pub async fn set_emergency_access(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    input: EmergencyAccessSetting,
) -> Result<(), AppError> {
    let id = patient.0.subject_id();
    let action =
        if input.enabled { "emergency_access_enabled" } else { "emergency_access_disabled" };
    let event = Event::new(action, Outcome::Success, patient_actor(patient)).patient(id);
    audited(state, meta, event, async |txn, _| {
        let record = patient::Entity::find_by_id(id).one(txn).await?.ok_or(AppError::NotFound)?;
        let mut active: patient::ActiveModel = record.into();
        active.emergency_access_enabled = Set(input.enabled);
        active.update(txn).await?;
        Ok(())
    })
    .await
}

/// Active professionals whose name matches `q` (at least 2 characters), for a patient choosing
/// whom to block, grant or designate.
///
/// # Errors
/// Database.
pub async fn directory(
    state: &AppState,
    q: Option<&str>,
) -> Result<Vec<ProfessionalBrief>, AppError> {
    let Some(q) = q.map(str::trim).filter(|q| q.chars().count() >= 2) else {
        return Ok(Vec::new());
    };
    let pattern = contains_pattern(q);
    let rows = professional::Entity::find()
        .filter(professional::Column::State.eq("active"))
        .filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col(professional::Column::GivenName)))
                        .like(pattern.clone()),
                )
                .add(
                    Expr::expr(Func::lower(Expr::col(professional::Column::FamilyName)))
                        .like(pattern),
                ),
        )
        .order_by_asc(professional::Column::FamilyName)
        .limit(20)
        .all(&state.db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for p in rows {
        out.extend(brief(&state.db, p.id).await?);
    }
    Ok(out)
}

/// The links of a hospital's or care institution's admission: 45 days for a stay, 24 hours + 15
/// days for the emergency department.
const fn admission_length(context: LinkContext) -> Option<TimeDelta> {
    match context {
        LinkContext::InstitutionStay => Some(TimeDelta::days(45)),
        LinkContext::EmergencyDepartment => Some(TimeDelta::days(16)),
        LinkContext::Consultation | LinkContext::PatientGrant => None,
    }
}

/// A professional of a hospital or care institution registers the patient's admission; the link
/// is the organisation's, so the whole team of the stay reaches the record. Refusals (no such
/// record, a block, a closed record, a practice that is no institution) answer alike.
///
/// # Errors
/// `invalid_national_id`, `not_found`, `invalid_request` (a context that is no admission),
/// rate limits; audited.
pub async fn open_admission(
    state: &AppState,
    meta: &RequestMeta,
    professional: &CurrentProfessional,
    input: &OpenAdmission,
) -> Result<LinkSummary, AppError> {
    let now = state.clock.now();
    let pro = professional.0.subject_id();
    let length = admission_length(input.context).ok_or_else(|| {
        AppError::InvalidRequest(
            "an admission is a stay or an emergency-department registration".into(),
        )
    })?;
    rate_limit::hit(&state.db, &format!("admission:{pro}"), rate_limit::ACTIVATION_PER_CLIENT, now)
        .await?;
    let national_id = NationalId::parse(&input.national_id)
        .map_err(|_| refuse(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::InvalidNationalId))?;
    let event = Event::new("link_opened", Outcome::Success, Some((Role::Professional, pro)))
        .with("context", context_code(input.context));
    audited(state, meta, event, async |txn, event| {
        let me = professional::Entity::find_by_id(pro).one(txn).await?.ok_or_else(hidden)?;
        let institution = match me.organisation_id {
            Some(o) => organisation::Entity::find_by_id(o).one(txn).await?,
            None => None,
        }
        .filter(|o| matches!(o.kind.as_str(), "hospital" | "care-institution"))
        .ok_or_else(|| {
            AppError::InvalidRequest(
                "only a hospital or care institution registers admissions".into(),
            )
        })?;
        let record = patient::Entity::find()
            .filter(patient::Column::NationalId.eq(national_id.as_str()))
            .one(txn)
            .await?
            .ok_or_else(hidden)?;
        event.patient_id = Some(record.id);
        let facts = record_facts(txn, record.id, state.clock.now()).await?;
        if record.record_state == RecordState::Closed.as_str()
            || facts.blocked.contains(&ProfessionalId(pro))
        {
            *event = event.clone().with(
                "reason",
                if facts.blocked.contains(&ProfessionalId(pro)) {
                    "blocked"
                } else {
                    "record_closed"
                },
            );
            return Err(hidden());
        }
        let link = NewLink {
            patient_id: record.id,
            professional_id: None,
            organisation_id: Some(institution.id),
            context: input.context,
            ends_at: now + length,
            created_by: (Role::Professional, pro),
        };
        insert_link(txn, link, event, now).await
    })
    .await
}

/// Renews a live institution-stay link of the professional's institution by 30 days.
///
/// # Errors
/// `not_found` (no such link of this institution, ended, or not a stay); audited.
pub async fn renew_stay(
    state: &AppState,
    meta: &RequestMeta,
    professional: &CurrentProfessional,
    link_id: Uuid,
) -> Result<LinkSummary, AppError> {
    let now = state.clock.now();
    let pro = professional.0.subject_id();
    let event = Event::new("link_renewed", Outcome::Success, Some((Role::Professional, pro)))
        .target("link", link_id.to_string());
    audited(state, meta, event, async |txn, event| {
        let me = professional::Entity::find_by_id(pro).one(txn).await?.ok_or_else(hidden)?;
        let link = care_link::Entity::find_by_id(link_id)
            .one(txn)
            .await?
            .filter(|l| l.organisation_id.is_some() && l.organisation_id == me.organisation_id)
            .filter(|l| l.context == context_code(LinkContext::InstitutionStay))
            .filter(|l| l.ended_at.is_none() && now < l.ends_at)
            .ok_or_else(hidden)?;
        event.patient_id = Some(link.patient_id);
        let facts = record_facts(txn, link.patient_id, state.clock.now()).await?;
        if facts.blocked.contains(&ProfessionalId(pro)) {
            return Err(hidden());
        }
        let mut active: care_link::ActiveModel = link.clone().into();
        active.ends_at = Set(link.ends_at + TimeDelta::days(30));
        link_summary(txn, active.update(txn).await?, now).await
    })
    .await
}

/// A professional finds a patient by national ID — only one they reach now (a live relation,
/// within the rules); anyone else, existing or not, answers `not_found`. Rate-limited and
/// audited.
///
/// # Errors
/// `invalid_national_id`, `not_found`, rate limits; audited.
pub async fn find_patient(
    state: &AppState,
    meta: &RequestMeta,
    professional: &CurrentProfessional,
    national_id: &str,
) -> Result<PatientFound, AppError> {
    let now = state.clock.now();
    let pro = professional.0.subject_id();
    rate_limit::hit(&state.db, &format!("lookup:{pro}"), rate_limit::SIGN_IN_PER_CLIENT, now)
        .await?;
    let national_id = NationalId::parse(national_id)
        .map_err(|_| refuse(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::InvalidNationalId))?;
    let event = Event::new("patient_lookup", Outcome::Success, Some((Role::Professional, pro)));
    audited(state, meta, event, async |txn, event| {
        let record = patient::Entity::find()
            .filter(patient::Column::NationalId.eq(national_id.as_str()))
            .one(txn)
            .await?
            .ok_or_else(hidden)?;
        event.patient_id = Some(record.id);
        let facts = record_facts(txn, record.id, state.clock.now()).await?;
        let actor = super::documents::actor(txn, &professional.0).await?;
        let matrix = state.matrix.get(txn).await?;
        let decision = access::decide(&matrix, &actor, &access::Action::ListDocuments, &facts, now);
        *event = event.clone().with("rule", decision.as_str());
        if !decision.is_allowed() {
            return Err(hidden());
        }
        Ok(found(record, decision))
    })
    .await
}

/// Whose record it is, for the header of every record page of the professional: the same
/// decision as listing the record's documents (a relation now, within the rules), audited as a
/// lookup; a record one may not reach answers exactly like one that does not exist.
///
/// # Errors
/// `not_found`; audited.
pub async fn record_patient(
    state: &AppState,
    meta: &RequestMeta,
    professional: &CurrentProfessional,
    patient_id: Uuid,
) -> Result<PatientFound, AppError> {
    let now = state.clock.now();
    let pro = professional.0.subject_id();
    let event = Event::new("patient_lookup", Outcome::Success, Some((Role::Professional, pro)))
        .with("by", "record");
    super::audited_read(state, meta, event, async |txn, event, _| {
        // The same statements whether the record exists or not, as for its documents.
        let actor = super::documents::actor(txn, &professional.0).await?;
        let matrix = state.matrix.get(txn).await?;
        let facts = record_facts(txn, patient_id, now).await.map_err(|_| hidden())?;
        event.patient_id = Some(patient_id);
        let decision = access::decide(&matrix, &actor, &access::Action::ListDocuments, &facts, now);
        *event = event.clone().with("rule", decision.as_str());
        if !decision.is_allowed() {
            return Err(hidden());
        }
        let record = patient::Entity::find_by_id(patient_id).one(txn).await?.ok_or_else(hidden)?;
        Ok(found(record, decision))
    })
    .await
}

/// A patient the professional reaches, as a lookup answers it.
fn found(record: patient::Model, decision: access::Decision) -> PatientFound {
    PatientFound {
        patient_id: PatientId(record.id),
        given_name: record.given_name,
        family_name: record.family_name,
        national_id: record.national_id,
        birth_date: record.birth_date,
        rule: decision.as_str().to_owned(),
    }
}
