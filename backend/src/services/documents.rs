//! Documents of a record: filing (streamed, validated from the content, stored by SHA-256),
//! listing and reading within the access rules, the patient's restrictions. Every decision goes
//! through [`access::decide`], and both outcomes are audited; a document a professional may not
//! see answers exactly like one that does not exist.

use std::collections::HashMap;

use axum::body::Body;
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder, Select,
};
use shared::api::auth::Role;
use shared::api::documents::{DocumentRestriction, DocumentSummary, DocumentVersionSummary};
use shared::ids::{AgentId, DocumentId, OrganisationId, PatientId, ProfessionalId};
use shared::{ApiErrorCode, Category, Profession};
use uuid::Uuid;

use super::care::{lookup_record_facts, record_facts};
use super::{audited, audited_all, audited_read, hidden, refuse};
use crate::access::{self, Action, Actor, Author, Decision, DocumentFacts, Matrix, Restriction};
use crate::app::AppState;
use crate::audit::writer::FirstAccess;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::{CurrentPatient, CurrentProfessional, CurrentUser};
use crate::documents::content::{
    ContentError, ContentLimits, DocumentFormat, ExpectedPatient, Validated, Validator,
};
use crate::documents::store::{
    ContentAddress, PutError, content_disposition, download_file_name, put_stream,
};
use crate::entity::{
    access_right, document, document_hidden_from, document_version, patient, professional,
};
use crate::error::AppError;
use crate::seed::MatrixCell;

/// The access matrix as the database holds it (seeded by migration, never hard-coded).
pub(crate) async fn load_matrix(conn: &impl ConnectionTrait) -> Result<Matrix, AppError> {
    let cells: Vec<MatrixCell> = access_right::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|row| {
            Some(MatrixCell {
                profession: Profession::from_code(&row.profession)?,
                category: Category::from_code(&row.category)?,
                right: match row.access.as_str() {
                    "write" => shared::category::Right::Write,
                    "read" => shared::category::Right::Read,
                    _ => shared::category::Right::None,
                },
            })
        })
        .collect();
    Ok(Matrix::from_cells(&cells))
}

/// The signed-in user as the decision function sees them.
pub(crate) async fn actor(
    conn: &impl ConnectionTrait,
    user: &CurrentUser,
) -> Result<Actor, AppError> {
    Ok(match user.role {
        Role::Patient => Actor::Patient { id: PatientId(user.subject_id()) },
        Role::Agent => Actor::Agent { id: AgentId(user.subject_id()) },
        Role::Professional => {
            let p = professional::Entity::find_by_id(user.subject_id())
                .one(conn)
                .await?
                .ok_or(AppError::NotFound)?;
            Actor::Professional {
                id: ProfessionalId(p.id),
                profession: Profession::from_code(&p.profession).unwrap_or(Profession::Physician),
                organisation: p.organisation_id.map(OrganisationId),
                active: p.state == "active",
            }
        }
    })
}

async fn document_facts(
    conn: &impl ConnectionTrait,
    doc: &document::Model,
) -> Result<DocumentFacts, AppError> {
    // Read whatever the mode, so that every document costs the same to decide on.
    let named = document_hidden_from::Entity::find()
        .filter(document_hidden_from::Column::DocumentId.eq(doc.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|h| ProfessionalId(h.professional_id))
        .collect();
    Ok(facts_of(doc, named))
}

/// A document's facts for the decision function, given the professionals it is hidden from
/// (read whatever its mode).
pub(crate) fn facts_of(doc: &document::Model, named: Vec<ProfessionalId>) -> DocumentFacts {
    let restriction = match doc.restriction.as_str() {
        "author_only" => Restriction::AuthorOnly,
        "hidden_from" => Restriction::HiddenFrom(named),
        _ => Restriction::None,
    };
    DocumentFacts {
        category: Category::from_code(&doc.category).unwrap_or(Category::Summaries),
        author: if doc.author_kind == Role::Patient.as_str() {
            Author::Patient
        } else {
            Author::Professional(ProfessionalId(doc.author_id))
        },
        organisation: doc.organisation_id.map(OrganisationId),
        restriction,
        withdrawn: doc.status == "withdrawn",
    }
}

/// What a request does with one existing document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DocumentAct {
    Read,
    Withdraw,
    Replace,
}

/// The one decision on an act on an existing document (read, versions, download, new version,
/// withdraw), recorded in the event; the document when allowed. A denial and a document that
/// does not exist become the same not-found refusal, and they run the same statements (a missing
/// document is looked up as an empty placeholder in no record), so that they also take the same
/// time: a professional cannot tell a hidden document from a missing one by timing either.
async fn decide_on_document(
    state: &AppState,
    conn: &impl ConnectionTrait,
    user: &CurrentUser,
    document_id: Uuid,
    act: DocumentAct,
    now: DateTime<Utc>,
    event: &mut Event,
) -> Result<document::Model, AppError> {
    let found = document::Entity::find_by_id(document_id).one(conn).await?;
    let doc = found.clone().unwrap_or_else(|| placeholder(document_id, now));
    let facts = lookup_record_facts(conn, doc.patient_id, now).await?;
    let doc_facts = document_facts(conn, &doc).await?;
    let who = actor(conn, user).await?;
    let matrix = state.matrix.get(conn).await?;
    let action = match act {
        DocumentAct::Read => Action::ReadDocument(&doc_facts),
        DocumentAct::Withdraw => Action::WithdrawDocument(&doc_facts),
        DocumentAct::Replace => Action::ReplaceDocument(&doc_facts),
    };
    let decision = facts.map(|f| access::decide(&matrix, &who, &action, &f, now));
    match (found, decision) {
        (Some(doc), Some(decision)) => {
            event.patient_id = Some(doc.patient_id);
            apply(decision, event)?;
            Ok(doc)
        }
        _ => {
            *event = event.clone().with("rule", "not_found");
            Err(hidden())
        }
    }
}

/// Stands in for a document that does not exist, in no record.
fn placeholder(id: Uuid, now: DateTime<Utc>) -> document::Model {
    document::Model {
        id,
        patient_id: Uuid::nil(),
        category: Category::Summaries.code().into(),
        title: String::new(),
        clinical_date: now.date_naive(),
        author_kind: Role::Professional.as_str().into(),
        author_id: Uuid::nil(),
        organisation_id: None,
        status: "missing".into(),
        withdrawn_reason: None,
        restriction: "none".into(),
        current_version: 0,
        created_at: now,
    }
}

/// Records the decision in the event; a denial becomes the not-found refusal.
fn apply(decision: Decision, event: &mut Event) -> Result<(), AppError> {
    *event = event.clone().with("rule", decision.as_str());
    if decision.is_allowed() { Ok(()) } else { Err(hidden()) }
}

async fn summary(
    conn: &impl ConnectionTrait,
    doc: document::Model,
    for_patient: bool,
) -> Result<DocumentSummary, AppError> {
    let version = document_version::Entity::find()
        .filter(document_version::Column::DocumentId.eq(doc.id))
        .filter(document_version::Column::Version.eq(doc.current_version))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    summaries(conn, vec![(doc, version)], for_patient).await?.pop().ok_or(AppError::NotFound)
}

/// The documents `select` finds, each with its current version, in one statement (a join), in
/// the order of `select`.
async fn with_current_versions(
    conn: &impl ConnectionTrait,
    select: Select<document::Entity>,
) -> Result<Vec<(document::Model, document_version::Model)>, AppError> {
    select
        .find_also_related(document_version::Entity)
        .filter(
            Expr::col((document_version::Entity, document_version::Column::Version))
                .equals((document::Entity, document::Column::CurrentVersion)),
        )
        .all(conn)
        .await?
        .into_iter()
        .map(|(doc, version)| version.map(|v| (doc, v)).ok_or(AppError::NotFound))
        .collect()
}

fn summary_of(
    doc: document::Model,
    version: document_version::Model,
    people: &People,
    restriction: Option<DocumentRestriction>,
) -> DocumentSummary {
    let filer = people.get(&version.created_by);
    DocumentSummary {
        id: DocumentId(doc.id),
        patient_id: PatientId(doc.patient_id),
        category: Category::from_code(&doc.category).unwrap_or(Category::Summaries),
        author: people.get(&doc.author_id).map(|p| p.name.clone()).unwrap_or_default(),
        author_id: (doc.author_kind != Role::Patient.as_str())
            .then_some(ProfessionalId(doc.author_id)),
        title: doc.title,
        clinical_date: doc.clinical_date,
        format: version.format,
        media_type: version.media_type,
        size: u64::try_from(version.size).unwrap_or(0),
        sha256: version.sha256,
        filed_at: doc.created_at,
        version: u32::try_from(version.version).unwrap_or(0),
        version_filed_by: filer.map(|p| p.name.clone()).unwrap_or_default(),
        version_filed_by_id: filer
            .is_some_and(|p| p.professional)
            .then_some(ProfessionalId(version.created_by)),
        version_filed_at: version.created_at,
        restriction,
        withdrawn_reason: if doc.status == "withdrawn" {
            Some(doc.withdrawn_reason.unwrap_or_default())
        } else {
            None
        },
        may_replace: false,
        may_withdraw: false,
    }
}

/// Someone who wrote a document or filed one of its versions.
struct Person {
    name: String,
    /// A professional of the directory (else the patient).
    professional: bool,
}

type People = HashMap<Uuid, Person>;

/// The authors and filers among `ids`: the professionals in one statement per batch, then the
/// patients among the rest (a patient files only into their own record) in one more.
async fn people(
    conn: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<People, AppError> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut people = People::new();
    for chunk in ids.chunks(BATCH) {
        for p in professional::Entity::find()
            .filter(professional::Column::Id.is_in(chunk.iter().copied()))
            .all(conn)
            .await?
        {
            let name = format!("{} {}", p.given_name, p.family_name);
            people.insert(p.id, Person { name, professional: true });
        }
    }
    let patients: Vec<Uuid> = ids.into_iter().filter(|id| !people.contains_key(id)).collect();
    for chunk in patients.chunks(BATCH) {
        for p in patient::Entity::find()
            .filter(patient::Column::Id.is_in(chunk.iter().copied()))
            .all(conn)
            .await?
        {
            let name = format!("{} {}", p.given_name, p.family_name);
            people.insert(p.id, Person { name, professional: false });
        }
    }
    Ok(people)
}

/// Ids per statement in the batched lookups below (far under SQLite's 32 766 parameters).
const BATCH: usize = 500;

/// The professionals each of `docs` is hidden from by name, in one statement per batch.
async fn hidden_from_of<'a>(
    conn: &impl ConnectionTrait,
    docs: impl IntoIterator<Item = &'a document::Model>,
) -> Result<HashMap<Uuid, Vec<ProfessionalId>>, AppError> {
    let mut named: HashMap<Uuid, Vec<ProfessionalId>> = HashMap::new();
    let restricted: Vec<Uuid> =
        docs.into_iter().filter(|d| d.restriction == "hidden_from").map(|d| d.id).collect();
    for ids in restricted.chunks(BATCH) {
        for row in document_hidden_from::Entity::find()
            .filter(document_hidden_from::Column::DocumentId.is_in(ids.iter().copied()))
            .all(conn)
            .await?
        {
            named.entry(row.document_id).or_default().push(ProfessionalId(row.professional_id));
        }
    }
    Ok(named)
}

/// The summaries of many documents (each with its current version), in order, with a constant
/// number of statements: the names of their authors and filers and (for the patient) their
/// restrictions.
async fn summaries(
    conn: &impl ConnectionTrait,
    docs: Vec<(document::Model, document_version::Model)>,
    for_patient: bool,
) -> Result<Vec<DocumentSummary>, AppError> {
    let people = people(conn, docs.iter().flat_map(|(d, v)| [d.author_id, v.created_by])).await?;
    let mut named = if for_patient {
        hidden_from_of(conn, docs.iter().map(|(d, _)| d)).await?
    } else {
        HashMap::new()
    };
    let mut out = Vec::with_capacity(docs.len());
    for (doc, version) in docs {
        let restriction = for_patient.then(|| {
            match facts_of(&doc, named.remove(&doc.id).unwrap_or_default()).restriction {
                Restriction::None => DocumentRestriction::None,
                Restriction::AuthorOnly => DocumentRestriction::AuthorOnly,
                Restriction::HiddenFrom(professionals) => {
                    DocumentRestriction::HiddenFrom { professionals }
                }
            }
        });
        out.push(summary_of(doc, version, &people, restriction));
    }
    Ok(out)
}

/// An upload as it arrives: what to file, the declared type and length, the streaming body.
#[derive(Debug)]
pub struct Upload {
    /// What to file it as.
    pub filing: Filing,
    /// The `Content-Type` the client declared (checked against the content).
    pub content_type: Option<String>,
    /// The `Content-Length` the client declared (checked against the bytes).
    pub content_length: Option<u64>,
    /// The document.
    pub body: Body,
}

/// What a document (or a new version of it) is filed as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filing {
    /// The title, 1 to 200 characters.
    pub title: String,
    /// The clinical date.
    pub clinical_date: NaiveDate,
    /// The original file name, for the download (never used as a path).
    pub file_name: Option<String>,
}

/// Files a new document into a record: a professional within their matrix write rights and a
/// live care relation (the document is filed under their organisation), or the patient in their
/// personal space. The decision is taken before a byte of the body is read, and again in the
/// transaction that files it (the facts may have changed while the body streamed). The body
/// streams through the validator into the content store; nothing is visible unless everything
/// succeeds.
///
/// # Errors
/// `not_found` (no such record, or no right to write here: indistinguishable), the document
/// refusals (`document_rejected`, `document_wrong_patient`, `document_unsafe_narrative`),
/// `payload_too_large`, `invalid_request`; audited.
pub async fn upload(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    patient_id: Uuid,
    category: Category,
    upload: Upload,
) -> Result<DocumentSummary, AppError> {
    let title = checked_title(&upload.filing.title)?;
    let now = state.clock.now();
    let document_id = Uuid::new_v4();
    let mut event = new_document_event(user, patient_id, document_id, category);
    // Decide before reading a byte of the body; a refusal is audited at once.
    match decide_new_before_reading(state, user, patient_id, category, now, &mut event).await {
        Ok(()) => {}
        Err(refusal @ AppError::Refused(..)) => {
            return audited(state, meta, event, async |_, _| Err::<DocumentSummary, _>(refusal))
                .await;
        }
        Err(other) => return Err(other),
    }
    let (stored, filing) = store(state, patient_id, upload).await?;
    audited(state, meta, event, async |txn, event| {
        let new = NewDocument { patient_id, category, document_id, title: &title };
        let doc = file_new_in(state, txn, user, &new, &stored, &filing, now, event).await?;
        summary(txn, doc, user.role == Role::Patient).await
    })
    .await
}

/// The audit event of filing a new document.
fn new_document_event(
    user: &CurrentUser,
    patient_id: Uuid,
    document_id: Uuid,
    category: Category,
) -> Event {
    Event::new("document_filed", Outcome::Success, Some((user.role, user.subject_id())))
        .patient(patient_id)
        .target("document", document_id.to_string())
        .with("category", category.code())
}

/// The audit event of filing a new version of a document.
fn new_version_event(user: &CurrentUser, document_id: Uuid) -> Event {
    Event::new("document_version_filed", Outcome::Success, Some((user.role, user.subject_id())))
        .target("document", document_id.to_string())
}

/// The decision on filing a new document, before its body is read, recorded in `event`; a
/// denial (or no such record) is the not-found refusal.
async fn decide_new_before_reading(
    state: &AppState,
    user: &CurrentUser,
    patient_id: Uuid,
    category: Category,
    now: DateTime<Utc>,
    event: &mut Event,
) -> Result<(), AppError> {
    let (_, decision) = decide_to_file(state, &state.db, user, patient_id, category, now).await?;
    match decision.filter(Decision::is_allowed) {
        Some(decision) => {
            *event = event.clone().with("rule", decision.as_str());
            Ok(())
        }
        None => {
            *event = event.clone().with("rule", decision.map_or("not_found", |d| d.as_str()));
            Err(hidden())
        }
    }
}

/// A new document about to be filed.
struct NewDocument<'a> {
    patient_id: Uuid,
    category: Category,
    document_id: Uuid,
    title: &'a str,
}

/// Files a new document in the act's transaction: decided again (the facts may have changed
/// while the body streamed), then its row and its first version's.
#[expect(
    clippy::too_many_arguments,
    reason = "the act's context, the document and its content, each needed"
)]
async fn file_new_in(
    state: &AppState,
    txn: &DatabaseTransaction,
    user: &CurrentUser,
    new: &NewDocument<'_>,
    stored: &Stored,
    filing: &Filing,
    now: DateTime<Utc>,
    event: &mut Event,
) -> Result<document::Model, AppError> {
    let (who, decision) =
        decide_to_file(state, txn, user, new.patient_id, new.category, now).await?;
    apply(decision.ok_or_else(hidden)?, event)?;
    let validated = accepted(stored, event)?;
    let organisation = match who {
        Actor::Professional { organisation, .. } => organisation.map(|o| o.0),
        Actor::Patient { .. } | Actor::Agent { .. } => None,
    };
    let doc = document::ActiveModel {
        id: Set(new.document_id),
        patient_id: Set(new.patient_id),
        category: Set(new.category.code().into()),
        title: Set(new.title.to_owned()),
        clinical_date: Set(filing.clinical_date),
        author_kind: Set(user.role.as_str().into()),
        author_id: Set(user.subject_id()),
        organisation_id: Set(organisation),
        status: Set("current".into()),
        withdrawn_reason: Set(None),
        restriction: Set("none".into()),
        current_version: Set(1),
        created_at: Set(now),
    }
    .insert(txn)
    .await?;
    file_version_row(txn, &doc, &validated, filing, user, now).await?;
    *event = event.clone().with("version", 1);
    Ok(doc)
}

/// Files a new version of `document_id` in the act's transaction: decided again, then the
/// document moves to it.
#[expect(
    clippy::too_many_arguments,
    reason = "the act's context, the document and its content, each needed"
)]
async fn file_version_in(
    state: &AppState,
    txn: &DatabaseTransaction,
    user: &CurrentUser,
    document_id: Uuid,
    title: &str,
    stored: &Stored,
    filing: &Filing,
    now: DateTime<Utc>,
    event: &mut Event,
) -> Result<document::Model, AppError> {
    let current =
        decide_on_document(state, txn, user, document_id, DocumentAct::Replace, now, event).await?;
    let validated = accepted(stored, event)?;
    let version = current.current_version + 1;
    let mut active: document::ActiveModel = current.into();
    active.current_version = Set(version);
    active.title = Set(title.to_owned());
    active.clinical_date = Set(filing.clinical_date);
    let doc = active.update(txn).await?;
    file_version_row(txn, &doc, &validated, filing, user, now).await?;
    *event = event.clone().with("version", version);
    Ok(doc)
}

/// Files a new version of a document, which becomes its current one (the older ones stay
/// readable): its author, or a professional of the organisation it was filed under, within the
/// rules; the patient for their own notes. The document keeps its author and category; the
/// version records who filed it. Decided with [`access::decide`] like every other act on the
/// document, before the body is read and again when filing: a document one may not act on
/// answers exactly like one that does not exist.
///
/// # Errors
/// `not_found` (no such document, or no right to replace it: indistinguishable), the document
/// refusals, `invalid_request`; audited.
pub async fn upload_version(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    document_id: Uuid,
    upload: Upload,
) -> Result<DocumentSummary, AppError> {
    let title = checked_title(&upload.filing.title)?;
    let now = state.clock.now();
    let mut event = new_version_event(user, document_id);
    // Decide before reading a byte of the body; a refusal is audited at once.
    let doc = match decide_on_document(
        state,
        &state.db,
        user,
        document_id,
        DocumentAct::Replace,
        now,
        &mut event,
    )
    .await
    {
        Ok(doc) => doc,
        Err(refusal @ AppError::Refused(..)) => {
            return audited(state, meta, event, async |_, _| Err::<DocumentSummary, _>(refusal))
                .await;
        }
        Err(other) => return Err(other),
    };
    let (stored, filing) = store(state, doc.patient_id, upload).await?;
    audited(state, meta, event, async |txn, event| {
        let doc =
            file_version_in(state, txn, user, document_id, &title, &stored, &filing, now, event)
                .await?;
        summary(txn, doc, user.role == Role::Patient).await
    })
    .await
}

/// What one document of a batch does: a new document of a category, or a new version of an
/// existing document (which keeps its category).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchTarget {
    /// A new document.
    New(Category),
    /// A new version of this document.
    Replaces(Uuid),
}

/// One document of a batch.
#[derive(Debug)]
pub struct BatchItem {
    /// New document or new version.
    pub target: BatchTarget,
    /// Its filing and content.
    pub upload: Upload,
}

/// Files several documents into one record at once (an IHE MHD Provide Document Bundle): all of
/// them or none. Each is decided as [`upload`] or [`upload_version`] decides (before its content
/// is read, and again in the transaction), its content goes through the same validator into the
/// content store, and the rows and one audit entry per document are written in one transaction.
/// When any document is refused, nothing of the batch is filed and only that document's refusal
/// is audited (content already stored is left to the orphan clean-up, as for a refused upload).
/// A document to replace that is missing, hidden or in another record answers not found.
///
/// # Errors
/// As [`upload`] and [`upload_version`]; audited.
pub async fn file_batch(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    patient_id: Uuid,
    items: Vec<BatchItem>,
) -> Result<Vec<DocumentSummary>, AppError> {
    let now = state.clock.now();
    let mut planned = Vec::with_capacity(items.len());
    for item in items {
        let title = checked_title(&item.upload.filing.title)?;
        let (event, document_id) = match item.target {
            BatchTarget::New(category) => {
                let id = Uuid::new_v4();
                (new_document_event(user, patient_id, id, category), id)
            }
            BatchTarget::Replaces(id) => (new_version_event(user, id), id),
        };
        planned.push((item.target, document_id, title, event, item.upload));
    }
    // Decide on every document before reading any content; the first refusal is audited.
    for (target, document_id, _, event, _) in &mut planned {
        let decided = match *target {
            BatchTarget::New(category) => {
                decide_new_before_reading(state, user, patient_id, category, now, event).await
            }
            BatchTarget::Replaces(id) => {
                decide_on_document(state, &state.db, user, id, DocumentAct::Replace, now, event)
                    .await
                    .and_then(|doc| in_record(&doc, patient_id, *document_id, event))
            }
        };
        match decided {
            Ok(()) => {}
            Err(refusal @ AppError::Refused(..)) => {
                let event = event.clone();
                return audited(state, meta, event, async |_, _| {
                    Err::<Vec<DocumentSummary>, _>(refusal)
                })
                .await;
            }
            Err(other) => return Err(other),
        }
    }
    let mut filings = Vec::with_capacity(planned.len());
    let mut events = Vec::with_capacity(planned.len());
    for (target, document_id, title, event, upload) in planned {
        let (stored, filing) = store(state, patient_id, upload).await?;
        filings.push((target, document_id, title, stored, filing));
        events.push(event);
    }
    audited_all(state, meta, events, async |txn, events, part| {
        let mut filed = Vec::with_capacity(filings.len());
        for (i, (target, document_id, title, stored, filing)) in filings.iter().enumerate() {
            *part = i;
            let event = &mut events[i];
            let doc = match *target {
                BatchTarget::New(category) => {
                    let new =
                        NewDocument { patient_id, category, document_id: *document_id, title };
                    file_new_in(state, txn, user, &new, stored, filing, now, event).await?
                }
                BatchTarget::Replaces(id) => {
                    let doc =
                        file_version_in(state, txn, user, id, title, stored, filing, now, event)
                            .await?;
                    in_record(&doc, patient_id, id, event)?;
                    doc
                }
            };
            filed.push(summary(txn, doc, false).await?);
        }
        Ok(filed)
    })
    .await
}

/// Refuses (as not found) a document of another record than the batch's.
fn in_record(
    doc: &document::Model,
    patient_id: Uuid,
    document_id: Uuid,
    event: &mut Event,
) -> Result<(), AppError> {
    if doc.patient_id == patient_id && doc.id == document_id {
        Ok(())
    } else {
        *event = event.clone().with("rule", "other_record");
        Err(hidden())
    }
}

/// A title as filed: trimmed, 1 to 200 characters.
fn checked_title(title: &str) -> Result<String, AppError> {
    let title = title.trim();
    if title.is_empty() || title.chars().count() > 200 {
        return Err(AppError::InvalidRequest("a title has 1 to 200 characters".into()));
    }
    Ok(title.to_owned())
}

/// The decision on filing a new document of `category` into the record, and the actor it was
/// taken for; `None` when there is no such record. The same statements run either way.
async fn decide_to_file(
    state: &AppState,
    conn: &impl ConnectionTrait,
    user: &CurrentUser,
    patient_id: Uuid,
    category: Category,
    now: DateTime<Utc>,
) -> Result<(Actor, Option<Decision>), AppError> {
    let facts = lookup_record_facts(conn, patient_id, now).await?;
    let who = actor(conn, user).await?;
    let matrix = state.matrix.get(conn).await?;
    let decision =
        facts.map(|f| access::decide(&matrix, &who, &Action::WriteDocument { category }, &f, now));
    Ok((who, decision))
}

/// What the content store made of an upload's body.
type Stored = Result<Validated, PutError>;

/// Streams the body of an upload into the record of `patient_id` through the validator, into
/// the content store; with what to file it as.
async fn store(
    state: &AppState,
    patient_id: Uuid,
    upload: Upload,
) -> Result<(Stored, Filing), AppError> {
    let national_id = patient::Entity::find_by_id(patient_id)
        .one(&state.db)
        .await?
        .ok_or_else(hidden)?
        .national_id;
    let declared = match upload.content_type.as_deref() {
        Some(ct) => Some(DocumentFormat::from_declared(ct).map_err(|e| rejected_now(&e))?),
        None => None,
    };
    let validator = Validator::new(
        ContentLimits { max_size: state.config.max_document_bytes, ..ContentLimits::default() },
        ExpectedPatient {
            fhir_id: Some(patient_id.to_string()),
            national_id: Some(national_id),
            national_id_systems: state.config.fhir_national_id_systems.clone(),
        },
    )
    .declared_format(declared)
    .declared_length(upload.content_length)
    .map_err(|e| rejected_now(&e))?;
    let stored = put_stream(&*state.store, upload.body.into_data_stream(), validator).await;
    Ok((stored, upload.filing))
}

/// The validated content, or the refusal (its precise reason recorded in the event).
fn accepted(stored: &Stored, event: &mut Event) -> Result<Validated, AppError> {
    match stored {
        Ok(validated) => Ok(*validated),
        Err(PutError::Content(e)) => {
            *event = event.clone().with("rejected", e.code());
            Err(rejection(e))
        }
        Err(PutError::Body(e)) => Err(AppError::MalformedJson(format!("upload body: {e}"))),
        Err(PutError::Store(e)) => Err(AppError::Internal(anyhow::anyhow!("{e}"))),
    }
}

/// Records the current version of `doc`, filed now by `user`.
async fn file_version_row(
    txn: &DatabaseTransaction,
    doc: &document::Model,
    validated: &Validated,
    filing: &Filing,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    document_version::ActiveModel {
        id: Set(Uuid::new_v4()),
        document_id: Set(doc.id),
        version: Set(doc.current_version),
        sha256: Set(data_encoding::HEXLOWER.encode(&validated.sha256)),
        size: Set(i64::try_from(validated.size).unwrap_or(i64::MAX)),
        format: Set(validated.format.code().into()),
        media_type: Set(validated.media_type.into()),
        file_name: Set(filing
            .file_name
            .as_deref()
            .map(crate::documents::store::sanitize_file_name)),
        created_by: Set(user.subject_id()),
        created_at: Set(now),
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// The author withdraws a document, with a reason; it leaves professionals' lists, the patient
/// still sees it marked withdrawn, and its versions stay in the history.
///
/// # Errors
/// `not_found` (no such document, or not its author: indistinguishable), `invalid_request`;
/// audited.
pub async fn withdraw(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    document_id: Uuid,
    reason: &str,
) -> Result<DocumentSummary, AppError> {
    let reason = reason.trim().to_owned();
    if !(3..=500).contains(&reason.chars().count()) {
        return Err(AppError::InvalidRequest("state the reason in 3 to 500 characters".into()));
    }
    let now = state.clock.now();
    let event =
        Event::new("document_withdrawn", Outcome::Success, Some((user.role, user.subject_id())))
            .target("document", document_id.to_string())
            .with("reason", reason.clone());
    audited(state, meta, event, async |txn, event| {
        let doc =
            decide_on_document(state, txn, user, document_id, DocumentAct::Withdraw, now, event)
                .await?;
        let mut active: document::ActiveModel = doc.into();
        active.status = Set("withdrawn".into());
        active.withdrawn_reason = Set(Some(reason.clone()));
        summary(txn, active.update(txn).await?, user.role == Role::Patient).await
    })
    .await
}

/// At the point of care the patient refuses that a document be filed: the professional records
/// the refusal; nothing is filed; the refusal is audited (on the record's chain).
///
/// # Errors
/// `not_found` (no such record, or no right to file this category here); audited.
pub async fn record_refusal(
    state: &AppState,
    meta: &RequestMeta,
    pro: &CurrentProfessional,
    patient_id: Uuid,
    category: Category,
    title: &str,
) -> Result<(), AppError> {
    let user = &pro.0;
    let now = state.clock.now();
    let event = Event::new(
        "document_refused_by_patient",
        Outcome::Success,
        Some((Role::Professional, user.subject_id())),
    )
    .with("category", category.code())
    .with("title", title.trim().chars().take(200).collect::<String>());
    audited(state, meta, event, async |txn, event| {
        let facts = record_facts(txn, patient_id, state.clock.now()).await.map_err(|_| hidden())?;
        event.patient_id = Some(patient_id);
        let decision = access::decide(
            &*state.matrix.get(txn).await?,
            &actor(txn, user).await?,
            &Action::WriteDocument { category },
            &facts,
            now,
        );
        apply(decision, event)
    })
    .await
}

/// One document's summary (its current version), for whoever may read it: the FHIR
/// `DocumentReference` read. Audited as a read of the document (`document_read`, detail
/// `part: metadata`).
///
/// # Errors
/// `not_found` (no such document, or not readable: indistinguishable); audited.
pub async fn read_summary(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    document_id: Uuid,
) -> Result<DocumentSummary, AppError> {
    let now = state.clock.now();
    let event = Event::new("document_read", Outcome::Success, Some((user.role, user.subject_id())))
        .target("document", document_id.to_string())
        .with("part", "metadata");
    audited_read(state, meta, event, async |txn, event, _| {
        let doc = decide_on_document(state, txn, user, document_id, DocumentAct::Read, now, event)
            .await?;
        summary(txn, doc, user.role == Role::Patient).await
    })
    .await
}

/// The versions of a document, newest first, for whoever may read it.
///
/// # Errors
/// `not_found`; audited.
pub async fn versions(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    document_id: Uuid,
) -> Result<Vec<DocumentVersionSummary>, AppError> {
    let event =
        Event::new("document_history_read", Outcome::Success, Some((user.role, user.subject_id())))
            .target("document", document_id.to_string());
    let now = state.clock.now();
    audited_read(state, meta, event, async |txn, event, _| {
        let doc = decide_on_document(state, txn, user, document_id, DocumentAct::Read, now, event)
            .await?;
        let versions = document_version::Entity::find()
            .filter(document_version::Column::DocumentId.eq(document_id))
            .order_by_desc(document_version::Column::Version)
            .all(txn)
            .await?;
        let people = people(txn, versions.iter().map(|v| v.created_by)).await?;
        Ok(versions
            .into_iter()
            .map(|v| {
                let filer = people.get(&v.created_by);
                DocumentVersionSummary {
                    version: u32::try_from(v.version).unwrap_or(0),
                    current: v.version == doc.current_version,
                    format: v.format,
                    media_type: v.media_type,
                    size: u64::try_from(v.size).unwrap_or(0),
                    sha256: v.sha256,
                    filed_at: v.created_at,
                    filed_by: filer.map(|p| p.name.clone()).unwrap_or_default(),
                    filed_by_id: filer
                        .is_some_and(|p| p.professional)
                        .then_some(ProfessionalId(v.created_by)),
                }
            })
            .collect())
    })
    .await
}

fn rejected_now(error: &ContentError) -> AppError {
    tracing::debug!(code = error.code(), "document refused before upload");
    rejection(error)
}

/// The refusal the uploader reads for a refused content: a document too large is `413
/// payload_too_large`, like any request too large; the patient and the narrative have their own
/// codes, so that the app can say what to fix; the audit entry records the precise reason.
const fn rejection(error: &ContentError) -> AppError {
    if let ContentError::TooLarge { .. } | ContentError::TextTooLarge { .. } = error {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, ApiErrorCode::PayloadTooLarge);
    }
    let code = match error {
        ContentError::FhirNoPatient
        | ContentError::FhirWrongPatient
        | ContentError::CdaNoPatient
        | ContentError::CdaWrongPatient
        | ContentError::CdaSeveralPatients => ApiErrorCode::DocumentWrongPatient,
        ContentError::FhirNarrativeUnsafe
        | ContentError::FhirNarrativeInvalid
        | ContentError::CdaNarrativeUnsafe => ApiErrorCode::DocumentUnsafeNarrative,
        ContentError::Empty
        | ContentError::TooLarge { .. }
        | ContentError::TextTooLarge { .. }
        | ContentError::LengthMismatch
        | ContentError::Truncated
        | ContentError::WrongType
        | ContentError::UnsupportedType
        | ContentError::TypeMismatch { .. }
        | ContentError::TextEncoding
        | ContentError::XmlMalformed
        | ContentError::XmlDtdForbidden
        | ContentError::XmlEntityForbidden
        | ContentError::XmlTooDeep
        | ContentError::XmlTooManyNodes
        | ContentError::XmlTooManyAttributes
        | ContentError::XmlNameTooLong
        | ContentError::XmlNotCda
        | ContentError::JsonMalformed
        | ContentError::JsonTooDeep
        | ContentError::JsonDuplicateKey
        | ContentError::FhirInvalid
        | ContentError::FhirUnsupportedResource => ApiErrorCode::DocumentRejected,
    };
    refuse(StatusCode::UNPROCESSABLE_ENTITY, code)
}

/// The documents of a record a professional may see (the others are simply absent).
///
/// # Errors
/// `not_found` (no record, or no access to it: indistinguishable); audited.
pub async fn list_for_professional(
    state: &AppState,
    meta: &RequestMeta,
    pro: &CurrentProfessional,
    patient_id: Uuid,
) -> Result<Vec<DocumentSummary>, AppError> {
    let user = &pro.0;
    let now = state.clock.now();
    let event = Event::new(
        "record_opened",
        Outcome::Success,
        Some((Role::Professional, user.subject_id())),
    );
    audited_read(state, meta, event, async |txn, event, first_access| {
        // The same statements whether the record exists or not (see `decide_on_document`).
        let who = actor(txn, user).await?;
        let matrix = state.matrix.get(txn).await?;
        let facts = record_facts(txn, patient_id, state.clock.now()).await.map_err(|_| hidden())?;
        event.patient_id = Some(patient_id);
        apply(access::decide(&matrix, &who, &Action::ListDocuments, &facts, now), event)?;
        *first_access = Some(FirstAccess {
            patient_id,
            state: facts.state,
            professional_id: user.subject_id(),
        });
        let docs = with_current_versions(
            txn,
            document::Entity::find()
                .filter(document::Column::PatientId.eq(patient_id))
                .filter(document::Column::Status.eq("current"))
                .order_by_desc(document::Column::ClinicalDate),
        )
        .await?;
        let mut named = hidden_from_of(txn, docs.iter().map(|(d, _)| d)).await?;
        // Each document shown, with what the decision function lets this professional do to it.
        let mut acts = HashMap::new();
        let visible: Vec<(document::Model, document_version::Model)> = docs
            .into_iter()
            .filter(|(doc, _)| {
                let facts_doc = facts_of(doc, named.remove(&doc.id).unwrap_or_default());
                let may = |action: &Action<'_>| {
                    access::decide(&matrix, &who, action, &facts, now).is_allowed()
                };
                let readable = may(&Action::ReadDocument(&facts_doc));
                if readable {
                    acts.insert(
                        doc.id,
                        (
                            may(&Action::ReplaceDocument(&facts_doc)),
                            may(&Action::WithdrawDocument(&facts_doc)),
                        ),
                    );
                }
                readable
            })
            .collect();
        let mut visible = summaries(txn, visible, false).await?;
        for summary in &mut visible {
            (summary.may_replace, summary.may_withdraw) =
                acts.get(&summary.id.0).copied().unwrap_or_default();
        }
        *event = event.clone().with("documents", visible.len());
        Ok(visible)
    })
    .await
}

/// Every document of the patient's own record, with its restriction.
///
/// # Errors
/// Database; audited.
pub async fn list_own(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
) -> Result<Vec<DocumentSummary>, AppError> {
    let id = patient.0.subject_id();
    let event =
        Event::new("documents_listed", Outcome::Success, Some((Role::Patient, id))).patient(id);
    audited_read(state, meta, event, async |txn, _, _| {
        let docs = with_current_versions(
            txn,
            document::Entity::find()
                .filter(document::Column::PatientId.eq(id))
                .order_by_desc(document::Column::ClinicalDate),
        )
        .await?;
        summaries(txn, docs, true).await
    })
    .await
}

/// A document's current bytes, ready to stream.
pub struct Download {
    /// The stored, validated media type.
    pub media_type: String,
    /// `attachment; filename=…`.
    pub disposition: String,
    /// Size in bytes.
    pub size: u64,
    /// The bytes.
    pub reader: crate::documents::store::ContentReader,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("media_type", &self.media_type)
            .field("size", &self.size)
            .finish_non_exhaustive()
    }
}

/// Reads a document's content, for whoever the rules allow (the patient for their own record,
/// a professional within the rules); everyone else gets the same answer as for a missing one.
///
/// # Errors
/// `not_found`; audited.
pub async fn download(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    document_id: Uuid,
    version: Option<u32>,
) -> Result<Download, AppError> {
    let now = state.clock.now();
    let event = Event::new("document_read", Outcome::Success, Some((user.role, user.subject_id())))
        .target("document", document_id.to_string());
    let version = audited_read(state, meta, event, async |txn, event, _| {
        let doc = decide_on_document(state, txn, user, document_id, DocumentAct::Read, now, event)
            .await?;
        document_version::Entity::find()
            .filter(document_version::Column::DocumentId.eq(doc.id))
            .filter(
                document_version::Column::Version
                    .eq(version.map_or(doc.current_version, |v| i32::try_from(v).unwrap_or(0))),
            )
            .one(txn)
            .await?
            .ok_or(AppError::NotFound)
    })
    .await?;
    let address = ContentAddress::parse_hex(&version.sha256).ok_or(AppError::NotFound)?;
    let reader = state
        .store
        .open(&address)
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?
        .ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!("content {} missing from the store", version.sha256))
        })?;
    let format = match version.format.as_str() {
        "png" => DocumentFormat::Png,
        "jpeg" => DocumentFormat::Jpeg,
        "cda_xml" => DocumentFormat::CdaXml,
        "fhir_json" => DocumentFormat::FhirJson,
        _ => DocumentFormat::Pdf,
    };
    Ok(Download {
        disposition: content_disposition(&download_file_name(version.file_name.as_deref(), format)),
        media_type: version.media_type,
        size: u64::try_from(version.size).unwrap_or(0),
        reader,
    })
}

/// The patient restricts one of their documents (from named professionals, or from all but its
/// author), or lifts the restriction.
///
/// # Errors
/// `not_found` for another record's document; audited.
pub async fn restrict(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    document_id: Uuid,
    restriction: &DocumentRestriction,
) -> Result<DocumentSummary, AppError> {
    let id = patient.0.subject_id();
    let doc = document::Entity::find_by_id(document_id)
        .one(&state.db)
        .await?
        .filter(|d| d.patient_id == id)
        .ok_or(AppError::NotFound)?;
    let (mode, hidden_from) = match restriction {
        DocumentRestriction::None => ("none", Vec::new()),
        DocumentRestriction::AuthorOnly => ("author_only", Vec::new()),
        DocumentRestriction::HiddenFrom { professionals } => ("hidden_from", professionals.clone()),
    };
    let event = Event::new("document_restricted", Outcome::Success, Some((Role::Patient, id)))
        .patient(id)
        .target("document", document_id.to_string())
        .with("mode", mode)
        .with("hidden_from", hidden_from.iter().map(ToString::to_string).collect::<Vec<_>>());
    audited(state, meta, event, async |txn, _| {
        document_hidden_from::Entity::delete_many()
            .filter(document_hidden_from::Column::DocumentId.eq(document_id))
            .exec(txn)
            .await?;
        for professional in &hidden_from {
            document_hidden_from::ActiveModel {
                document_id: Set(document_id),
                professional_id: Set(professional.0),
            }
            .insert(txn)
            .await?;
        }
        let mut active: document::ActiveModel = doc.clone().into();
        active.restriction = Set(mode.into());
        summary(txn, active.update(txn).await?, true).await
    })
    .await
}
