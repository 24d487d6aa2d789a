//! The data the workloads run on, prepared through the library before the server starts.
//!
//! The actors: on a fresh database, the demo directory (Claire Weber, physician, follows Marie
//! Dupont); on a kept one (a generated country, where the demo does nothing), actors of the
//! harness's own, inserted as plain rows that the generator cannot produce (licences `BENCH-1`
//! and `BENCH-2`, a patient born in 1870). Then, either way, the patient's record filled to the
//! workloads' sizes (documents the physician sees, a long history, one 1 MiB PDF), sessions for
//! the physician and the patient, and W5's security keys. It never drops or empties anything.

use chrono::Utc;
use dsp::AppState;
use dsp::audit::{Event, Outcome, RequestMeta};
use dsp::entity::{care_link, document, document_version, patient, professional};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use shared::api::agency::RecordState;
use shared::api::auth::Role;
use shared::{Language, NationalId, Profession};
use uuid::Uuid;

use crate::sign_in;

/// Who and what the workloads use.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// A physician with a live consultation link to the patient.
    pub physician_id: Uuid,
    /// The physician's session token.
    pub physician_token: String,
    /// Another physician (granted and revoked by the patient in W8).
    pub other_physician_id: Uuid,
    /// The patient.
    pub patient_id: Uuid,
    /// The patient's session token.
    pub patient_token: String,
    /// A 1 MiB PDF in the patient's record, readable by the physician.
    pub large_document_id: Uuid,
    /// Security keys of active professionals, for W5.
    pub security_keys: sign_in::Keys,
    /// An access token of practice software ("Bench Practice Software") acting for the
    /// physician, for the FHIR workloads (W1f, W6f): issued as an approval issues it, bound to a
    /// security key of the physician's, then given a day's life so that a long run never sees it
    /// expire (the server's tokens live 5 minutes).
    pub fhir_token: String,
}

/// Who the actors are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actors {
    /// The demo directory, on a fresh database.
    Demo,
    /// The harness's own, on a kept database that already holds people (a generated country).
    Own,
}

/// Sizes of the record the workloads read.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    /// Documents the physician sees when opening the record (W1: at most 50).
    pub documents: usize,
    /// History entries of the record (W2 reads the newest 100).
    pub history: usize,
    /// Security keys enrolled for W5 (each signs in at most 20 times a minute, the server's
    /// per-credential limit).
    pub security_keys: usize,
}

/// A PDF of `size` bytes: header, padding, end-of-file marker.
#[must_use]
pub fn pdf(size: usize) -> Vec<u8> {
    let mut body = b"%PDF-1.7\n".to_vec();
    body.resize(size.saturating_sub(6).max(9), b' ');
    body.extend_from_slice(b"%%EOF\n");
    body
}

pub(crate) fn fail(e: impl std::fmt::Debug) -> anyhow::Error {
    anyhow::anyhow!("{e:?}")
}

/// Prepares the database behind `state` (migrated): the actors, the record's documents and
/// history, sessions, W5's keys.
///
/// # Errors
/// Database or content store.
pub async fn prepare(state: &AppState, sizes: Sizes, actors: Actors) -> anyhow::Result<Fixture> {
    let (physician_id, other_physician_id, patient_id) = match actors {
        Actors::Demo => demo_actors(state).await?,
        Actors::Own => own_actors(state).await?,
    };
    let db = &state.db;
    let now = Utc::now();

    // Documents by the physician, small PDFs sharing one stored content.
    let small = store(state, &pdf(2048)).await?;
    let existing = document::Entity::find()
        .filter(document::Column::PatientId.eq(patient_id))
        .all(db)
        .await?
        .len();
    for n in existing..sizes.documents {
        insert_document(state, patient_id, physician_id, &format!("Report {n}"), &small, 2048)
            .await?;
    }
    let large = store(state, &pdf(1024 * 1024)).await?;
    let large_document_id =
        insert_document(state, patient_id, physician_id, "Scan (1 MiB)", &large, 1024 * 1024)
            .await?;

    // The history: record openings by the physician, through the real audit chain.
    let txn = dsp::db::begin_write(db).await?;
    let meta = RequestMeta::default();
    for _ in 0..sizes.history {
        let event =
            Event::new("record_opened", Outcome::Success, Some((Role::Professional, physician_id)))
                .patient(patient_id)
                .with("rule", "link_consultation");
        dsp::audit::append(&*txn, &meta, event, now).await.map_err(fail)?;
    }
    txn.commit().await?;

    let (physician_token, _) =
        dsp::auth::session::create(db, Role::Professional, physician_id, None, None, now)
            .await
            .map_err(fail)?;
    let (patient_token, _) =
        dsp::auth::session::create(db, Role::Patient, patient_id, None, None, now)
            .await
            .map_err(fail)?;
    let fhir_token = fhir_token(state, physician_id).await?;
    Ok(Fixture {
        fhir_token,
        physician_id,
        physician_token,
        other_physician_id,
        patient_id,
        patient_token,
        large_document_id,
        security_keys: sign_in::enrol(state, sizes.security_keys).await?,
    })
}

/// A FHIR access token for the physician (see [`Fixture::fhir_token`]): the software
/// registered for an organisation (the physician's, else a bench practice), a security key row
/// for the physician when they have none, a grant for every read scope.
async fn fhir_token(state: &AppState, physician_id: Uuid) -> anyhow::Result<String> {
    use dsp::entity::{credential, oauth_client, oauth_token, organisation};
    let db = &state.db;
    let now = Utc::now();
    let physician = professional::Entity::find_by_id(physician_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no physician"))?;
    let organisation_id = match physician.organisation_id {
        Some(id) => id,
        None => {
            let id = Uuid::new_v4();
            organisation::ActiveModel {
                id: Set(id),
                name: Set("Bench Practice".into()),
                kind: Set("practice".into()),
                created_at: Set(now),
            }
            .insert(db)
            .await?;
            id
        }
    };
    let client_id = format!("bench-{}", Uuid::new_v4().simple());
    oauth_client::ActiveModel {
        client_id: Set(client_id.clone()),
        organisation_id: Set(organisation_id),
        name: Set("Bench Practice Software".into()),
        redirect_uris: Set("http://127.0.0.1/callback".into()),
        allowed_scopes: Set("user/*.rs".into()),
        secret_hash: Set(None),
        created_at: Set(now),
        disabled_at: Set(None),
    }
    .insert(db)
    .await?;
    let credential_id = match credential::Entity::find()
        .filter(credential::Column::SubjectId.eq(physician_id))
        .filter(credential::Column::SuspendedAt.is_null())
        .one(db)
        .await?
    {
        Some(c) => c.id,
        None => {
            let id = format!("bench-key-{}", Uuid::new_v4().simple());
            credential::ActiveModel {
                id: Set(id.clone()),
                subject_kind: Set(Role::Professional.as_str().into()),
                subject_id: Set(physician_id),
                static_state: Set(Vec::new()),
                dynamic_state: Set(Vec::new()),
                sign_count: Set(0),
                transports: Set(0),
                synced: Set(0),
                name: Set("Bench key".into()),
                created_at: Set(now),
                last_used_at: Set(None),
                suspended_at: Set(None),
            }
            .insert(db)
            .await?;
            id
        }
    };
    let scopes = dsp::oauth::ScopeSet::parse("user/*.rs");
    let issued =
        dsp::oauth::create_grant(db, &client_id, physician_id, &credential_id, &scopes, now)
            .await
            .map_err(fail)?;
    let token = oauth_token::Entity::find_by_id(dsp::auth::codes::hash(&issued.access_token))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the access token was not stored"))?;
    let mut longer: oauth_token::ActiveModel = token.into();
    longer.expires_at = Set(now + chrono::Duration::days(1));
    longer.update(db).await?;
    Ok(issued.access_token)
}

/// The demo's physician with a consultation link (Claire Weber), another physician (Marc
/// Schmit), and the patient (Marie Dupont, her record activated).
async fn demo_actors(state: &AppState) -> anyhow::Result<(Uuid, Uuid, Uuid)> {
    dsp::demo::create(state).await.map_err(fail)?;
    let db = &state.db;
    let by_licence = |licence: &'static str| async move {
        professional::Entity::find()
            .filter(professional::Column::LicenceNumber.eq(licence))
            .one(db)
            .await?
            .map(|p| p.id)
            .ok_or_else(|| anyhow::anyhow!("demo professional {licence} missing"))
    };
    let physician_id = by_licence("M-100201").await?;
    let other_physician_id = by_licence("M-100202").await?;
    let marie = patient::Entity::find()
        .filter(patient::Column::FamilyName.eq("Dupont"))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo patient Marie Dupont missing"))?;
    let patient_id = marie.id;
    let mut active: patient::ActiveModel = marie.into();
    active.record_state = Set(RecordState::Activated.as_str().into());
    active.update(db).await?;
    Ok((physician_id, other_physician_id, patient_id))
}

/// The harness's own actors on a kept database: physicians `BENCH-1` and `BENCH-2` (made once,
/// found again by a later run), and a new patient per run, born in 1870 (long before anyone the
/// generator makes) with the first free national ID of that year, whose activated record has a
/// live consultation link with `BENCH-1`.
async fn own_actors(state: &AppState) -> anyhow::Result<(Uuid, Uuid, Uuid)> {
    let db = &state.db;
    let now = Utc::now();
    let physician = async |licence: &str, family: &str| -> anyhow::Result<Uuid> {
        if let Some(p) = professional::Entity::find()
            .filter(professional::Column::LicenceNumber.eq(licence))
            .one(db)
            .await?
        {
            return Ok(p.id);
        }
        let id = Uuid::new_v4();
        professional::ActiveModel {
            id: Set(id),
            given_name: Set("Bench".into()),
            family_name: Set(family.into()),
            profession: Set(Profession::Physician.code().into()),
            licence_number: Set(licence.into()),
            organisation_id: Set(None),
            state: Set("active".into()),
            email: Set(None),
            created_at: Set(now),
        }
        .insert(db)
        .await?;
        Ok(id)
    };
    let physician_id = physician("BENCH-1", "Physician One").await?;
    let other_physician_id = physician("BENCH-2", "Physician Two").await?;

    let mut national_id = None;
    'days: for day in 1..=28 {
        for sequence in 0..1000 {
            let id = NationalId::from_first_eleven(&format!("187001{day:02}{sequence:03}"))
                .map_err(fail)?;
            let taken = patient::Entity::find()
                .filter(patient::Column::NationalId.eq(id.as_str()))
                .one(db)
                .await?
                .is_some();
            if !taken {
                national_id = Some(id);
                break 'days;
            }
        }
    }
    let national_id =
        national_id.ok_or_else(|| anyhow::anyhow!("no free national ID left in January 1870"))?;
    let patient_id = Uuid::new_v4();
    patient::ActiveModel {
        id: Set(patient_id),
        national_id: Set(national_id.as_str().into()),
        given_name: Set("Bench".into()),
        family_name: Set("Patient".into()),
        birth_date: Set(national_id.birth_date()),
        preferred_language: Set(Language::Fr.tag().into()),
        record_state: Set(RecordState::Activated.as_str().into()),
        created_at: Set(now),
        letter_issued_at: Set(Some(now)),
        activated_at: Set(Some(now)),
        closed_at: Set(None),
        street: Set(None),
        postal_code: Set(None),
        city: Set(None),
        country: Set(None),
        referent_id: Set(None),
        emergency_access_enabled: Set(false),
        phone: Set(None),
        email: Set(None),
    }
    .insert(db)
    .await?;
    care_link::ActiveModel {
        id: Set(Uuid::new_v4()),
        patient_id: Set(patient_id),
        professional_id: Set(Some(physician_id)),
        organisation_id: Set(None),
        context: Set("consultation".into()),
        starts_at: Set(now),
        ends_at: Set(now + chrono::TimeDelta::days(15)),
        ended_at: Set(None),
        created_by_kind: Set(Role::Professional.as_str().into()),
        created_by_id: Set(physician_id),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok((physician_id, other_physician_id, patient_id))
}

async fn store(state: &AppState, bytes: &[u8]) -> anyhow::Result<String> {
    let mut pending = state.store.begin().await.map_err(fail)?;
    pending.write(bytes.to_vec().into()).await.map_err(fail)?;
    let address = pending.commit().await.map_err(fail)?;
    Ok(address.to_hex())
}

async fn insert_document(
    state: &AppState,
    patient_id: Uuid,
    author: Uuid,
    title: &str,
    sha256: &str,
    size: i64,
) -> anyhow::Result<Uuid> {
    let now = Utc::now();
    let id = Uuid::new_v4();
    document::ActiveModel {
        id: Set(id),
        patient_id: Set(patient_id),
        category: Set("care-reports".into()),
        title: Set(title.into()),
        clinical_date: Set(now.date_naive()),
        author_kind: Set(Role::Professional.as_str().into()),
        author_id: Set(author),
        organisation_id: Set(None),
        status: Set("current".into()),
        withdrawn_reason: Set(None),
        restriction: Set("none".into()),
        current_version: Set(1),
        created_at: Set(now),
    }
    .insert(&state.db)
    .await?;
    document_version::ActiveModel {
        id: Set(Uuid::new_v4()),
        document_id: Set(id),
        version: Set(1),
        sha256: Set(sha256.into()),
        size: Set(size),
        format: Set("pdf".into()),
        media_type: Set("application/pdf".into()),
        file_name: Set(Some(format!("{title}.pdf"))),
        created_by: Set(author),
        created_at: Set(now),
    }
    .insert(&state.db)
    .await?;
    Ok(id)
}
