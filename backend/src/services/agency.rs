//! The agency console: patient records and their information letters, the professional
//! directory and enrolment codes. Only agents reach it (the routes take `CurrentAgent`).

use axum::http::StatusCode;
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use shared::api::agency::{
    EnrolmentCodeIssued, NewPatient, NewProfessional, OrganisationSummary, PatientSummary,
    PostalAddress, ProfessionalSummary, RecordState,
};
use shared::api::auth::Role;
use shared::api::helpdesk::IdentityCheck;
use shared::api::me::ContactData;
use shared::ids::{OrganisationId, PatientId, ProfessionalId};
use shared::{ApiErrorCode, Language, NationalId, Profession};
use uuid::Uuid;

use super::emergency::notify_patient;
use super::{audited, contains_pattern, refuse};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::{CurrentAgent, codes, session};
use crate::entity::{
    activation_code, activation_failure, credential, enrolment_code, organisation, patient,
    professional,
};
use crate::error::AppError;
use crate::letter::{self, LetterFacts};

/// The objection window that starts with the first letter.
pub const OBJECTION_WINDOW: TimeDelta = TimeDelta::days(30);

/// How many rows a search returns at most.
pub(crate) const PAGE: u64 = 50;

pub(crate) fn actor(agent: &CurrentAgent) -> Option<(Role, Uuid)> {
    Some((Role::Agent, agent.0.subject_id()))
}

pub(crate) fn patient_summary(p: patient::Model, locked: bool) -> PatientSummary {
    let address = match (&p.street, &p.postal_code, &p.city, &p.country) {
        (Some(street), Some(postal_code), Some(city), Some(country)) => Some(PostalAddress {
            street: street.clone(),
            postal_code: postal_code.clone(),
            city: city.clone(),
            country: country.clone(),
        }),
        _ => None,
    };
    PatientSummary {
        id: PatientId(p.id),
        national_id: p.national_id,
        given_name: p.given_name,
        family_name: p.family_name,
        birth_date: p.birth_date,
        preferred_language: Language::from_tag(&p.preferred_language).unwrap_or_default(),
        address,
        phone: p.phone,
        email: p.email,
        record_state: RecordState::parse(&p.record_state).unwrap_or(RecordState::Created),
        created_at: p.created_at,
        objection_deadline: p.letter_issued_at.map(|at| at + OBJECTION_WINDOW),
        letter_issued_at: p.letter_issued_at,
        activated_at: p.activated_at,
        activation_locked: locked,
    }
}

pub(crate) async fn is_locked(
    conn: &impl ConnectionTrait,
    national_id: &str,
) -> Result<bool, AppError> {
    Ok(activation_failure::Entity::find_by_id(national_id.to_owned())
        .one(conn)
        .await?
        .is_some_and(|f| f.failures >= super::activation::MAX_FAILURES))
}

pub(crate) fn required(value: &str, field: &str, max: usize) -> Result<String, AppError> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > max {
        return Err(AppError::InvalidRequest(format!("{field} must have 1 to {max} characters")));
    }
    Ok(value.to_owned())
}

/// A new patient's data, checked.
#[derive(Debug, Clone)]
pub(crate) struct CheckedPatient {
    national_id: NationalId,
    given_name: String,
    family_name: String,
    birth_date: chrono::NaiveDate,
    preferred_language: Language,
    street: String,
    postal_code: String,
    city: String,
    country: String,
    contact: ContactData,
}

/// Checks a new patient's data (the national ID and its birth date, names, address, contact).
///
/// # Errors
/// `invalid_national_id`, `birth_date_mismatch`, `invalid_phone`, `invalid_email`,
/// `invalid_request`.
pub(crate) fn check_new_patient(input: &NewPatient) -> Result<CheckedPatient, AppError> {
    let national_id = NationalId::parse(&input.national_id)
        .map_err(|_| refuse(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::InvalidNationalId))?;
    if national_id.birth_date() != input.birth_date {
        return Err(refuse(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::BirthDateMismatch));
    }
    let given_name = required(&input.given_name, "given_name", 200)?;
    let family_name = required(&input.family_name, "family_name", 200)?;
    let street = required(&input.address.street, "street", 200)?;
    let postal_code = required(&input.address.postal_code, "postal_code", 16)?;
    let city = required(&input.address.city, "city", 100)?;
    let country = input.address.country.trim().to_ascii_uppercase();
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(AppError::InvalidRequest("country must be a two-letter ISO code".into()));
    }
    let contact =
        checked_contact(&ContactData { phone: input.phone.clone(), email: input.email.clone() })?;
    Ok(CheckedPatient {
        national_id,
        given_name,
        family_name,
        birth_date: input.birth_date,
        preferred_language: input.preferred_language,
        street,
        postal_code,
        city,
        country,
        contact,
    })
}

/// Inserts a checked patient record (state *created*) in `txn`.
///
/// # Errors
/// `duplicate_national_id` with the existing record's id (for the audit entry).
pub(crate) async fn insert_patient(
    txn: &impl ConnectionTrait,
    checked: &CheckedPatient,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Result<patient::Model, Uuid>, AppError> {
    let duplicate = patient::Entity::find()
        .filter(patient::Column::NationalId.eq(checked.national_id.as_str()))
        .one(txn)
        .await?;
    if let Some(existing) = duplicate {
        return Ok(Err(existing.id));
    }
    let row = patient::ActiveModel {
        id: Set(id),
        national_id: Set(checked.national_id.to_string()),
        given_name: Set(checked.given_name.clone()),
        family_name: Set(checked.family_name.clone()),
        birth_date: Set(checked.birth_date),
        preferred_language: Set(checked.preferred_language.tag().into()),
        record_state: Set(RecordState::Created.as_str().into()),
        created_at: Set(now),
        letter_issued_at: Set(None),
        activated_at: Set(None),
        closed_at: Set(None),
        street: Set(Some(checked.street.clone())),
        postal_code: Set(Some(checked.postal_code.clone())),
        city: Set(Some(checked.city.clone())),
        country: Set(Some(checked.country.clone())),
        referent_id: Set(None),
        emergency_access_enabled: Set(true),
        phone: Set(checked.contact.phone.clone()),
        email: Set(checked.contact.email.clone()),
    }
    .insert(txn)
    .await?;
    Ok(Ok(row))
}

/// Creates a patient record (state *created*).
///
/// # Errors
/// `invalid_national_id`, `birth_date_mismatch`, `duplicate_national_id`, `invalid_phone`,
/// `invalid_email`, `invalid_request`; audited.
pub async fn create_patient(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    input: &NewPatient,
) -> Result<PatientSummary, AppError> {
    let checked = check_new_patient(input)?;
    let now = state.clock.now();
    let id = Uuid::new_v4();
    let event = Event::new("patient_created", Outcome::Success, actor(agent)).patient(id);
    audited(state, meta, event, async |txn, event| {
        match insert_patient(txn, &checked, id, now).await? {
            Ok(row) => Ok(patient_summary(row, false)),
            Err(existing) => {
                event.patient_id = Some(existing);
                Err(refuse(StatusCode::CONFLICT, ApiErrorCode::DuplicateNationalId))
            }
        }
    })
    .await
}

/// Patients whose name or national ID matches `q` (newest first; all when `q` is empty).
///
/// # Errors
/// Database.
pub async fn list_patients(
    conn: &impl ConnectionTrait,
    q: Option<&str>,
) -> Result<Vec<PatientSummary>, AppError> {
    let mut query = patient::Entity::find().order_by_desc(patient::Column::CreatedAt).limit(PAGE);
    if let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) {
        let digits: String = q.chars().filter(|c| !c.is_whitespace()).collect();
        let pattern = contains_pattern(q);
        let mut condition = Condition::any()
            .add(
                Expr::expr(Func::lower(Expr::col(patient::Column::GivenName)))
                    .like(pattern.clone()),
            )
            .add(Expr::expr(Func::lower(Expr::col(patient::Column::FamilyName))).like(pattern));
        if digits.chars().all(|c| c.is_ascii_digit()) {
            condition = condition.add(patient::Column::NationalId.starts_with(digits));
        }
        query = query.filter(condition);
    }
    let rows = query.all(conn).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let locked = is_locked(conn, &row.national_id).await?;
        out.push(patient_summary(row, locked));
    }
    Ok(out)
}

/// One patient record, as an agent reads it: an audited read (`patient_viewed`, through the
/// grouped writer once the read transaction is done, as the professionals' reads); a missing
/// record is `not_found` and writes nothing, as for any unknown id.
///
/// # Errors
/// `not_found`.
pub async fn get_patient(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
) -> Result<PatientSummary, AppError> {
    super::audited_read(state, meta, viewed(agent, id), async |txn, _, _| summary_of(txn, id).await)
        .await
}

/// The audit entry of an agent's look at a record (`patient_viewed`); a look at one part of it
/// (its life, its letters) adds `part`.
pub(crate) fn viewed(agent: &CurrentAgent, id: Uuid) -> Event {
    Event::new("patient_viewed", Outcome::Success, Some((Role::Agent, agent.0.subject_id())))
        .patient(id)
}

/// A record as the console shows it (the answer of an act already audited).
async fn summary_of(conn: &impl ConnectionTrait, id: Uuid) -> Result<PatientSummary, AppError> {
    let row = patient::Entity::find_by_id(id).one(conn).await?.ok_or(AppError::NotFound)?;
    let locked = is_locked(conn, &row.national_id).await?;
    Ok(patient_summary(row, locked))
}

/// Contact data checked and in the form kept (E.164 phone, lower-case e-mail domain).
///
/// # Errors
/// `invalid_phone`, `invalid_email`.
pub(crate) fn checked_contact(input: &ContactData) -> Result<ContactData, AppError> {
    let phone = shared::contact::normalise_phone(input.phone.as_deref().unwrap_or_default())
        .map_err(|code| refuse(StatusCode::UNPROCESSABLE_ENTITY, code))?;
    let email = shared::contact::normalise_email(input.email.as_deref().unwrap_or_default())
        .map_err(|code| refuse(StatusCode::UNPROCESSABLE_ENTITY, code))?;
    Ok(ContactData { phone, email })
}

/// A patient's contact data.
///
/// # Errors
/// `not_found`.
pub async fn contact(state: &AppState, patient_id: Uuid) -> Result<ContactData, AppError> {
    let row =
        patient::Entity::find_by_id(patient_id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    Ok(ContactData { phone: row.phone, email: row.email })
}

/// Replaces a patient's contact data (an empty value clears it), by the patient or an agent
/// (`by`). Audited as `contact_data_changed` on the record, naming the fields that changed (not
/// their values); a refused value is audited too and stores nothing.
///
/// # Errors
/// `invalid_phone`, `invalid_email`, `not_found`; audited.
pub async fn set_contact(
    state: &AppState,
    meta: &RequestMeta,
    by: (Role, Uuid),
    patient_id: Uuid,
    input: &ContactData,
) -> Result<ContactData, AppError> {
    let event = Event::new("contact_data_changed", Outcome::Success, Some(by));
    audited(state, meta, event, async |txn, event| {
        let Ok(row) = lock_patient(txn, patient_id).await else {
            return Err(refuse(StatusCode::NOT_FOUND, ApiErrorCode::NotFound));
        };
        event.patient_id = Some(row.id);
        let contact = checked_contact(input)?;
        let mut changed = Vec::new();
        if row.phone != contact.phone {
            changed.push("phone");
        }
        if row.email != contact.email {
            changed.push("email");
        }
        *event = event.clone().with("fields", changed.clone());
        if !changed.is_empty() {
            let mut active: patient::ActiveModel = row.into();
            active.phone = Set(contact.phone.clone());
            active.email = Set(contact.email.clone());
            active.update(txn).await?;
        }
        Ok(contact)
    })
    .await
}

/// An agent replaces a patient's contact data; the record as the console shows it.
///
/// # Errors
/// As [`set_contact`].
pub async fn set_patient_contact(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    patient_id: Uuid,
    input: &ContactData,
) -> Result<PatientSummary, AppError> {
    let by = (Role::Agent, agent.0.subject_id());
    set_contact(state, meta, by, patient_id, input).await?;
    summary_of(&state.db, patient_id).await
}

/// A letter ready to download.
#[derive(Debug)]
pub struct Letter {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// A file name for the download.
    pub file_name: String,
}

/// Issues the information and activation letter: a new one-time code (voiding the previous one
/// and lifting a lock-out), in the patient's language. The objection window starts with the
/// first letter. Without an identity check: a recovery letter is refused (see
/// [`issue_letter_checked`]).
///
/// # Errors
/// As [`issue_letter_checked`].
pub async fn issue_letter(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
) -> Result<Letter, AppError> {
    issue_letter_checked(state, meta, agent, id, None).await
}

/// Issues the information and activation letter: a new one-time code (voiding the previous one
/// and lifting a lock-out), in the patient's language. The objection window starts with the
/// first letter. The audit entry says which kind of letter it was (`activation`, `reissue`,
/// `recovery`).
///
/// For a record that already has passkeys the letter is a recovery letter (audited as
/// `recovery_letter_issued`, with the documents the agent checked): it needs the identity check
/// the agent made; its wording says that using the code removes the existing passkeys, and the
/// patient is told in the app at once, so that someone who did not ask for it calls the helpdesk
/// before it is used.
///
/// # Errors
/// `not_found`; `identity_check_required` for a recovery letter without documents checked;
/// `invalid_request` for a closed record; audited.
pub async fn issue_letter_checked(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
    identity_check: Option<&IdentityCheck>,
) -> Result<Letter, AppError> {
    let row = patient::Entity::find_by_id(id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let event = Event::new("letter_issued", Outcome::Success, actor(agent)).patient(id);
    let documents: Vec<&'static str> = identity_check
        .map(|c| {
            let mut docs: Vec<&'static str> = c.documents.iter().map(|d| d.as_str()).collect();
            docs.sort_unstable();
            docs.dedup();
            docs
        })
        .unwrap_or_default();
    audited(state, meta, event, async |txn, event| {
        write_letter_checked(txn, state, &row, now, event, &documents).await
    })
    .await
}

/// Issues the letter of `row` in `txn` (see [`issue_letter`]); `event` is the act's audit entry
/// (`letter_issued`, turned into `recovery_letter_issued` for a record with passkeys).
///
/// # Errors
/// `invalid_request` for a closed record.
pub(crate) async fn write_letter(
    txn: &DatabaseTransaction,
    state: &AppState,
    row: &patient::Model,
    now: DateTime<Utc>,
    event: &mut Event,
) -> Result<Letter, AppError> {
    write_letter_checked(txn, state, row, now, event, &[]).await
}

/// [`write_letter`] with the documents the agent checked (needed for a recovery letter: a
/// record that already has passkeys), recorded in the audit entry with the letter's kind
/// (`activation`, `reissue`, `recovery`).
///
/// # Errors
/// `invalid_request` for a closed record; `identity_check_required` for a recovery letter
/// without documents checked.
async fn write_letter_checked(
    txn: &DatabaseTransaction,
    state: &AppState,
    row: &patient::Model,
    now: DateTime<Utc>,
    event: &mut Event,
    documents: &[&'static str],
) -> Result<Letter, AppError> {
    let id = row.id;
    if row.record_state == RecordState::Closed.as_str() {
        return Err(AppError::InvalidRequest("the record is closed".into()));
    }
    let has_passkeys =
        credential::Entity::find().filter(credential::Column::SubjectId.eq(id)).count(txn).await?
            > 0;
    if has_passkeys {
        *event = event.clone().with("kind", "recovery").with("identity_check", documents.to_vec());
        if documents.is_empty() {
            event.action = "recovery_letter_issued";
            return Err(refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                ApiErrorCode::IdentityCheckRequired,
            ));
        }
    } else {
        let kind = if row.letter_issued_at.is_none() { "activation" } else { "reissue" };
        *event = event.clone().with("kind", kind);
        if !documents.is_empty() {
            *event = event.clone().with("identity_check", documents.to_vec());
        }
    }
    let IssuedActivationCode { code, expires_at, first_letter } =
        issue_activation_code(txn, state, row, now).await?;
    let practice = super::practice::issue_code(txn, row, now).await?;
    *event = event
        .clone()
        .with("code_expires_at", expires_at.to_rfc3339())
        .with("practice_code_expires_at", practice.expires_at.to_rfc3339());
    let recovery =
        credential::Entity::find().filter(credential::Column::SubjectId.eq(id)).count(txn).await?
            > 0;
    if recovery {
        event.action = "recovery_letter_issued";
        let detail = serde_json::json!({ "code_expires_at": expires_at });
        notify_patient(txn, id, "recovery_letter_issued", &detail, now).await?;
    }
    let national_id = NationalId::parse(&row.national_id)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("stored national ID: {e}")))?;
    let address_lines = letter_address_lines(row);
    let language = Language::from_tag(&row.preferred_language).unwrap_or_default();
    let pdf = letter::render(&LetterFacts {
        language,
        given_name: &row.given_name,
        family_name: &row.family_name,
        address_lines: &address_lines,
        national_id: &national_id,
        activation_code: &code,
        issued_on: now.date_naive(),
        objection_deadline: (first_letter + OBJECTION_WINDOW).date_naive(),
        code_expires_on: expires_at.date_naive(),
        activation_url: &format!("{}/activate", state.config.public_origin),
        recovery,
        practice_code: &practice.code,
        practice_code_expires_on: practice.expires_at.date_naive(),
    })
    .map_err(|e| AppError::Internal(anyhow::anyhow!(e)))?;
    Ok(Letter { pdf, file_name: format!("dsp-letter-{}-{}.pdf", row.national_id, language.tag()) })
}

/// The address block of a patient's letter (street, postal code and city, the country when not
/// Luxembourg).
pub(crate) fn letter_address_lines(row: &patient::Model) -> Vec<String> {
    [
        row.street.clone(),
        match (&row.postal_code, &row.city) {
            (Some(pc), Some(city)) => Some(format!("{pc} {city}")),
            _ => None,
        },
        row.country.clone().filter(|c| c != "LU"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A new activation code and the dates of its letter.
#[derive(Debug)]
pub struct IssuedActivationCode {
    /// The code (shown once, in the letter).
    pub code: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// The first letter's date: the start of the objection window.
    pub first_letter: DateTime<Utc>,
}

/// Replaces a patient's activation code with a new one and lifts a lock-out; records the first
/// letter's date.
pub(crate) async fn issue_activation_code(
    txn: &impl ConnectionTrait,
    state: &AppState,
    row: &patient::Model,
    now: DateTime<Utc>,
) -> Result<IssuedActivationCode, AppError> {
    // One letter at a time per patient: the record's row is locked until the act commits.
    let row = &lock_patient(txn, row.id).await?;
    let code = codes::new_code();
    let expires_at = now + TimeDelta::days(i64::from(state.config.activation_code_days));
    activation_code::Entity::delete_by_id(row.id).exec(txn).await?;
    activation_code::ActiveModel {
        patient_id: Set(row.id),
        code_hash: Set(codes::hash_code(&code)),
        issued_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
    }
    .insert(txn)
    .await?;
    activation_failure::Entity::delete_by_id(row.national_id.clone()).exec(txn).await?;
    if row.letter_issued_at.is_none() {
        let mut active: patient::ActiveModel = row.clone().into();
        active.letter_issued_at = Set(Some(now));
        active.update(txn).await?;
    }
    Ok(IssuedActivationCode { code, expires_at, first_letter: row.letter_issued_at.unwrap_or(now) })
}

/// Reads a patient's row and locks it for the rest of the transaction (PostgreSQL; SQLite has a
/// single writer anyway).
pub(crate) async fn lock_patient(
    txn: &impl ConnectionTrait,
    id: Uuid,
) -> Result<patient::Model, AppError> {
    let mut query = patient::Entity::find_by_id(id);
    if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        query = query.lock_exclusive();
    }
    query.one(txn).await?.ok_or(AppError::NotFound)
}

/// The organisations of the directory, by name.
///
/// # Errors
/// Database.
pub async fn organisations(state: &AppState) -> Result<Vec<OrganisationSummary>, AppError> {
    Ok(organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|o| OrganisationSummary { id: OrganisationId(o.id), name: o.name, kind: o.kind })
        .collect())
}

pub(crate) async fn professional_summary(
    conn: &impl ConnectionTrait,
    p: professional::Model,
    now: DateTime<Utc>,
) -> Result<ProfessionalSummary, AppError> {
    let organisation = match p.organisation_id {
        Some(id) => organisation::Entity::find_by_id(id)
            .one(conn)
            .await?
            .map(|o| OrganisationSummary { id: OrganisationId(o.id), name: o.name, kind: o.kind }),
        None => None,
    };
    let credentials = credential::Entity::find()
        .filter(credential::Column::SubjectId.eq(p.id))
        .count(conn)
        .await?;
    let enrolment_pending = enrolment_code::Entity::find()
        .filter(enrolment_code::Column::SubjectId.eq(p.id))
        .filter(enrolment_code::Column::UsedAt.is_null())
        .all(conn)
        .await?
        .iter()
        .any(|c| c.expires_at > now);
    Ok(ProfessionalSummary {
        id: ProfessionalId(p.id),
        given_name: p.given_name,
        family_name: p.family_name,
        profession: Profession::from_code(&p.profession).unwrap_or(Profession::Physician),
        licence_number: p.licence_number,
        organisation,
        state: p.state,
        credentials: u32::try_from(credentials).unwrap_or(u32::MAX),
        enrolment_pending,
    })
}

/// Professionals whose name or licence matches `q`.
///
/// # Errors
/// Database.
pub async fn list_professionals(
    state: &AppState,
    q: Option<&str>,
) -> Result<Vec<ProfessionalSummary>, AppError> {
    let mut query = professional::Entity::find()
        .order_by_asc(professional::Column::FamilyName)
        .order_by_asc(professional::Column::GivenName)
        .limit(PAGE);
    if let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = contains_pattern(q);
        query = query.filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col(professional::Column::GivenName)))
                        .like(pattern.clone()),
                )
                .add(
                    Expr::expr(Func::lower(Expr::col(professional::Column::FamilyName)))
                        .like(pattern.clone()),
                )
                .add(
                    Expr::expr(Func::lower(Expr::col(professional::Column::LicenceNumber)))
                        .like(pattern),
                ),
        );
    }
    let now = state.clock.now();
    let mut out = Vec::new();
    for row in query.all(&state.db).await? {
        out.push(professional_summary(&state.db, row, now).await?);
    }
    Ok(out)
}

/// Registers a professional in the directory.
///
/// # Errors
/// `duplicate_licence`, `invalid_request` (unknown organisation, the REF pseudo-profession);
/// audited.
pub async fn create_professional(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    input: &NewProfessional,
) -> Result<ProfessionalSummary, AppError> {
    if input.profession == Profession::Referent {
        return Err(AppError::InvalidRequest(
            "REF is a role for a patient, not a profession".into(),
        ));
    }
    let given_name = required(&input.given_name, "given_name", 200)?;
    let family_name = required(&input.family_name, "family_name", 200)?;
    let licence = required(&input.licence_number, "licence_number", 32)?;
    let now = state.clock.now();
    let id = Uuid::new_v4();
    let event = Event::new("professional_created", Outcome::Success, actor(agent))
        .target("professional", id.to_string());
    audited(state, meta, event, async |txn, _| {
        if organisation::Entity::find_by_id(input.organisation_id.0).one(txn).await?.is_none() {
            return Err(AppError::InvalidRequest("unknown organisation".into()));
        }
        let duplicate = professional::Entity::find()
            .filter(professional::Column::LicenceNumber.eq(licence.clone()))
            .one(txn)
            .await?;
        if duplicate.is_some() {
            return Err(refuse(StatusCode::CONFLICT, ApiErrorCode::DuplicateLicence));
        }
        let row = professional::ActiveModel {
            id: Set(id),
            given_name: Set(given_name.clone()),
            family_name: Set(family_name.clone()),
            profession: Set(input.profession.code().into()),
            licence_number: Set(licence.clone()),
            organisation_id: Set(Some(input.organisation_id.0)),
            state: Set("active".into()),
            email: Set(None),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
        professional_summary(txn, row, now).await
    })
    .await
}

/// Issues an enrolment code for a subject (professional or agent). A re-issue (for a lost key)
/// voids outstanding codes, removes the registered keys and ends the sessions.
pub(crate) async fn issue_enrolment_code(
    txn: &impl ConnectionTrait,
    state: &AppState,
    role: Role,
    subject_id: Uuid,
    now: DateTime<Utc>,
) -> Result<EnrolmentCodeIssued, AppError> {
    enrolment_code::Entity::delete_many()
        .filter(enrolment_code::Column::SubjectId.eq(subject_id))
        .filter(enrolment_code::Column::UsedAt.is_null())
        .exec(txn)
        .await?;
    let revoked = credential::Entity::delete_many()
        .filter(credential::Column::SubjectId.eq(subject_id))
        .exec(txn)
        .await?
        .rows_affected;
    session::revoke_all(txn, subject_id, now).await?;
    let code = codes::new_code();
    let expires_at = now + TimeDelta::days(i64::from(state.config.enrolment_code_days));
    enrolment_code::ActiveModel {
        code_hash: Set(codes::hash_code(&code)),
        subject_kind: Set(role.as_str().into()),
        subject_id: Set(subject_id),
        issued_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
    }
    .insert(txn)
    .await?;
    Ok(EnrolmentCodeIssued {
        link: format!("{}/enrol#code={code}", state.config.public_origin),
        code,
        expires_at,
        revoked_credentials: u32::try_from(revoked).unwrap_or(u32::MAX),
    })
}

/// Issues an enrolment code for a professional of the directory.
///
/// # Errors
/// `not_found`; audited.
pub async fn professional_enrolment_code(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
) -> Result<EnrolmentCodeIssued, AppError> {
    professional::Entity::find_by_id(id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let event = Event::new("enrolment_code_issued", Outcome::Success, actor(agent))
        .target("professional", id.to_string());
    audited(state, meta, event, async |txn, event| {
        let issued = issue_enrolment_code(txn, state, Role::Professional, id, now).await?;
        *event = event.clone().with("revoked_credentials", issued.revoked_credentials);
        Ok(issued)
    })
    .await
}
