//! The data the workloads run on, prepared through the library before the server starts: the
//! demo directory (organisations, professionals, patients, a consultation link), Marie Dupont's
//! record filled to the workloads' sizes (documents a physician sees, a long history, one 1 MiB
//! PDF), and sessions for the physician and the patient.

use chrono::Utc;
use dsp::AppState;
use dsp::audit::{Event, Outcome, RequestMeta};
use dsp::entity::{document, document_version, patient, professional};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use shared::api::auth::Role;
use uuid::Uuid;

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
}

/// Sizes of the record the workloads read.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    /// Documents the physician sees when opening the record (W1: at most 50).
    pub documents: usize,
    /// History entries of the record (W2 reads the newest 100).
    pub history: usize,
}

/// A PDF of `size` bytes: header, padding, end-of-file marker.
#[must_use]
pub fn pdf(size: usize) -> Vec<u8> {
    let mut body = b"%PDF-1.7\n".to_vec();
    body.resize(size.saturating_sub(6).max(9), b' ');
    body.extend_from_slice(b"%%EOF\n");
    body
}

fn fail(e: impl std::fmt::Debug) -> anyhow::Error {
    anyhow::anyhow!("{e:?}")
}

/// Prepares the database behind `state` (migrated): demo data, the record's documents and
/// history, sessions.
///
/// # Errors
/// Database or content store.
pub async fn prepare(state: &AppState, sizes: Sizes) -> anyhow::Result<Fixture> {
    dsp::demo::create(state).await.map_err(fail)?;
    let db = &state.db;
    let now = Utc::now();
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
    active.record_state = Set("activated".into());
    active.update(db).await?;

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
    let meta = RequestMeta { request_id: None, client_ip: None, user_agent: None };
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
    Ok(Fixture {
        physician_id,
        physician_token,
        other_physician_id,
        patient_id,
        patient_token,
        large_document_id,
    })
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
