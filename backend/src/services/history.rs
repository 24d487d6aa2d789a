//! The patient's history: the audit entries that concern their own record (`patient_id = me`)
//! and those they made themselves (`actor_id = me`: sign-ins, passkey changes …), newest first,
//! filtered, paged by keyset on the entry id, and exported as CSV or a FHIR `Bundle`. Every read
//! is itself audited (`history_viewed` through the grouped audit writer, `history_exported` in its
//! own transaction).
//!
//! Each page is two index range scans (`(patient_id, id)` and `(actor_id, id)`, read backwards
//! from the cursor and stopped after the page) merged here, so a page costs the same at the
//! millionth entry as at the first. What leaves this module names professionals and agents as the
//! directory does, and never says anything about another patient.

mod csv;
mod fhir;

use std::collections::HashMap;

use axum::body::Bytes;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use futures_util::Stream;
use sea_orm::sea_query::{Alias, Asterisk, Order, Query, UnionType};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait,
};
use serde_json::json;
use shared::api::auth::Role;
use shared::api::history::{
    ActorFilter, DEFAULT_LIMIT, DENIAL_REASONS, HistoryActor, HistoryDocument, HistoryEntry,
    HistoryOutcome, HistoryPage, HistoryProfessional, HistoryQuery, HistoryTarget, MAX_LIMIT,
};
use shared::ids::ProfessionalId;
use shared::{Category, Profession};
use uuid::Uuid;

use super::{audited, audited_read, hidden};
use crate::access::{Actor, Matrix, RecordFacts};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::CurrentPatient;
use crate::entity::{
    agent, audit_event, care_link, document, document_hidden_from, organisation, patient,
    professional,
};
use crate::error::AppError;

/// Entries fetched per page while an export streams: what one export holds in memory at a time
/// (about 1 KiB an entry with its names and text; `dsp-bench` measured ≈ 470–500 KiB per
/// concurrent export with pages of 500, against 256 KiB allowed an upload).
const EXPORT_PAGE: u64 = 100;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RFC 4180 CSV with a header row, safe to open in a spreadsheet.
    Csv,
    /// A FHIR R4 `Bundle` (type `collection`) of `AuditEvent` resources.
    Fhir,
}

impl Format {
    const fn as_str(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Fhir => "fhir",
        }
    }
}

/// The query's filters, checked.
#[derive(Debug, Clone, Default)]
struct Filters {
    actor: Option<ActorFilter>,
    action: Option<String>,
    /// Inclusive.
    since: Option<DateTime<Utc>>,
    /// Exclusive.
    until: Option<DateTime<Utc>>,
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::MIN).and_utc()
}

impl Filters {
    fn parse(query: &HistoryQuery) -> Result<Self, AppError> {
        let actor = match query.actor.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            None => None,
            Some(value) => Some(ActorFilter::parse(value).ok_or_else(|| {
                AppError::InvalidRequest(
                    "actor must be patient, professional, agent or an id".into(),
                )
            })?),
        };
        let action = match query.action.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            None => None,
            Some(value)
                if value.len() <= 64
                    && value.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') =>
            {
                Some(value.to_owned())
            }
            Some(_) => return Err(AppError::InvalidRequest("action is not an action name".into())),
        };
        if let (Some(from), Some(to)) = (query.from, query.to)
            && from > to
        {
            return Err(AppError::InvalidRequest("from must not be after to".into()));
        }
        Ok(Self {
            actor,
            action,
            since: query.from.map(midnight),
            until: query.to.and_then(|to| to.checked_add_signed(TimeDelta::days(1))).map(midnight),
        })
    }

    /// What the audit entry of a read records about it.
    fn detail(&self, query: &HistoryQuery) -> serde_json::Value {
        json!({
            "actor": query.actor.as_deref().filter(|_| self.actor.is_some()),
            "action": self.action,
            "from": query.from,
            "to": query.to,
            "before": query.before,
        })
    }
}

fn limit(query: &HistoryQuery) -> Result<u64, AppError> {
    match query.limit.unwrap_or(DEFAULT_LIMIT) {
        n @ 1..=MAX_LIMIT => Ok(u64::from(n)),
        _ => Err(AppError::InvalidRequest(format!("limit must be 1 to {MAX_LIMIT}"))),
    }
}

/// One keyset page of the raw entries: up to `limit` entries older than `before`, and the cursor
/// of the next page when there are more.
async fn page(
    conn: &impl ConnectionTrait,
    me: Uuid,
    filters: &Filters,
    before: Option<i64>,
    limit: u64,
) -> Result<(Vec<audit_event::Model>, Option<i64>), AppError> {
    let scan = |mine: audit_event::Column| {
        let mut select = audit_event::Entity::find().filter(mine.eq(me));
        if let Some(before) = before {
            select = select.filter(audit_event::Column::Id.lt(before));
        }
        match filters.actor {
            Some(ActorFilter::Role(role)) => {
                select = select.filter(audit_event::Column::ActorKind.eq(role.as_str()));
            }
            Some(ActorFilter::Id(id)) => {
                select = select.filter(audit_event::Column::ActorId.eq(id));
            }
            None => {}
        }
        if let Some(action) = &filters.action {
            select = select.filter(audit_event::Column::Action.eq(action.as_str()));
        }
        if let Some(since) = filters.since {
            select = select.filter(audit_event::Column::OccurredAt.gte(since));
        }
        if let Some(until) = filters.until {
            select = select.filter(audit_event::Column::OccurredAt.lt(until));
        }
        select.order_by_desc(audit_event::Column::Id).limit(limit + 1)
    };
    // The newest `limit + 1` of the union are among the newest `limit + 1` of each part: one
    // statement, each part a backward range scan of its index that stops early.
    let part = |mine, name: &'static str| {
        Query::select()
            .column(Asterisk)
            .from_subquery(scan(mine).into_query(), Alias::new(name))
            .to_owned()
    };
    let query = part(audit_event::Column::PatientId, "on_record")
        .union(UnionType::Distinct, part(audit_event::Column::ActorId, "by_me"))
        .order_by(audit_event::Column::Id, Order::Desc)
        .limit(limit + 1)
        .to_owned();
    let mut rows = audit_event::Model::find_by_statement(conn.get_database_backend().build(&query))
        .all(conn)
        .await?;
    let more = u64::try_from(rows.len()).unwrap_or(u64::MAX) > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next = if more { rows.last().map(|row| row.id) } else { None };
    Ok((rows, next))
}

/// Who reads the history: the patient, or their médecin référent. The référent is told a
/// document's title only when the rules let them read that document now, and nothing of the
/// patient's restrictions, refused filings or withdrawal reasons: a professional is never told
/// that something is hidden from them.
#[derive(Clone, Copy)]
enum Viewer<'a> {
    Holder,
    Referent { actor: &'a Actor, matrix: &'a Matrix, facts: &'a RecordFacts, now: DateTime<Utc> },
}

impl Viewer<'_> {
    const fn is_holder(&self) -> bool {
        matches!(self, Self::Holder)
    }
}

/// An audit row with its detail parsed.
struct Row {
    row: audit_event::Model,
    detail: serde_json::Value,
}

impl Row {
    fn new(row: audit_event::Model) -> Self {
        let detail = serde_json::from_str(&row.detail).unwrap_or_default();
        Self { row, detail }
    }

    fn text(&self, key: &str) -> Option<String> {
        self.detail.get(key).and_then(serde_json::Value::as_str).map(str::to_owned)
    }

    /// The target's id, when it is of `kind`.
    fn target(&self, kind: &str) -> Option<Uuid> {
        (self.row.target_kind.as_deref() == Some(kind))
            .then(|| self.row.target_id.as_deref().and_then(|id| Uuid::parse_str(id).ok()))
            .flatten()
    }

    /// The professionals the act names, in the order it names them, without its actor: the
    /// target, a granted link's holder, the holder of the target link, and (for the patient
    /// only) those a document was hidden from.
    fn professionals(
        &self,
        viewer: Viewer<'_>,
        links: &HashMap<Uuid, care_link::Model>,
    ) -> Vec<Uuid> {
        let mut ids = Vec::new();
        ids.extend(self.target("professional"));
        ids.extend(self.text("professional").and_then(|id| Uuid::parse_str(&id).ok()));
        ids.extend(self.target("link").and_then(|l| links.get(&l)).and_then(|l| l.professional_id));
        if viewer.is_holder() && self.row.action == "document_restricted" {
            let hidden = self.detail.get("hidden_from").and_then(serde_json::Value::as_array);
            ids.extend(
                hidden
                    .into_iter()
                    .flatten()
                    .filter_map(|id| id.as_str().and_then(|id| Uuid::parse_str(id).ok())),
            );
        }
        let mut seen = Vec::with_capacity(ids.len());
        for id in ids {
            if Some(id) != self.row.actor_id && !seen.contains(&id) {
                seen.push(id);
            }
        }
        seen
    }
}

fn ids_of(ids: impl IntoIterator<Item = Uuid>) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// What a page mentions — people, documents, links, organisations — resolved with one query
/// per kind, whatever the page's length.
#[derive(Default)]
struct Resolved {
    me: Option<String>,
    professionals: HashMap<Uuid, (String, Option<Profession>)>,
    agents: HashMap<Uuid, String>,
    /// The record's own documents the page names that the viewer may see.
    documents: HashMap<Uuid, document::Model>,
    /// The record's own links the page names.
    links: HashMap<Uuid, care_link::Model>,
    organisations: HashMap<Uuid, String>,
}

impl Resolved {
    async fn load(
        conn: &impl ConnectionTrait,
        me: Uuid,
        viewer: Viewer<'_>,
        rows: &[Row],
    ) -> Result<Self, AppError> {
        let actors = |role: Role| {
            rows.iter()
                .filter(move |r| r.row.actor_kind.as_deref() == Some(role.as_str()))
                .filter_map(|r| r.row.actor_id)
        };
        let mut resolved = Self::default();
        if rows.iter().any(|r| r.row.actor_id == Some(me)) {
            resolved.me = patient::Entity::find_by_id(me)
                .one(conn)
                .await?
                .map(|p| format!("{} {}", p.given_name, p.family_name));
        }

        // Documents: only this record's, and for the référent only those they may read now.
        let documents = ids_of(rows.iter().filter_map(|r| r.target("document")));
        if !documents.is_empty() {
            let found = document::Entity::find()
                .filter(document::Column::Id.is_in(documents.clone()))
                .filter(document::Column::PatientId.eq(me))
                .all(conn)
                .await?;
            let mut hidden_from: HashMap<Uuid, Vec<ProfessionalId>> = HashMap::new();
            if !viewer.is_holder() {
                for h in document_hidden_from::Entity::find()
                    .filter(document_hidden_from::Column::DocumentId.is_in(documents))
                    .all(conn)
                    .await?
                {
                    hidden_from
                        .entry(h.document_id)
                        .or_default()
                        .push(ProfessionalId(h.professional_id));
                }
            }
            for doc in found {
                let visible = match viewer {
                    Viewer::Holder => true,
                    Viewer::Referent { actor, matrix, facts, now } => {
                        let named = hidden_from.remove(&doc.id).unwrap_or_default();
                        let doc_facts = super::documents::facts_of(&doc, named);
                        crate::access::decide(
                            matrix,
                            actor,
                            &crate::access::Action::ReadDocument(&doc_facts),
                            facts,
                            now,
                        )
                        .is_allowed()
                    }
                };
                if visible {
                    resolved.documents.insert(doc.id, doc);
                }
            }
        }

        let links = ids_of(rows.iter().filter_map(|r| r.target("link")));
        if !links.is_empty() {
            for link in care_link::Entity::find()
                .filter(care_link::Column::Id.is_in(links))
                .filter(care_link::Column::PatientId.eq(me))
                .all(conn)
                .await?
            {
                resolved.links.insert(link.id, link);
            }
        }

        let professionals = ids_of(
            actors(Role::Professional)
                .chain(rows.iter().flat_map(|r| r.professionals(viewer, &resolved.links))),
        );
        if !professionals.is_empty() {
            for p in professional::Entity::find()
                .filter(professional::Column::Id.is_in(professionals))
                .all(conn)
                .await?
            {
                let profession = Profession::from_code(&p.profession);
                resolved
                    .professionals
                    .insert(p.id, (format!("{} {}", p.given_name, p.family_name), profession));
            }
        }

        let organisations = ids_of(resolved.links.values().filter_map(|l| l.organisation_id));
        if !organisations.is_empty() {
            for o in organisation::Entity::find()
                .filter(organisation::Column::Id.is_in(organisations))
                .all(conn)
                .await?
            {
                resolved.organisations.insert(o.id, o.name);
            }
        }

        let agents = ids_of(actors(Role::Agent));
        if !agents.is_empty() {
            for a in agent::Entity::find().filter(agent::Column::Id.is_in(agents)).all(conn).await?
            {
                resolved.agents.insert(a.id, a.display_name);
            }
        }
        Ok(resolved)
    }

    fn actor(&self, me: Uuid, row: &Row) -> Option<HistoryActor> {
        let via = row
            .detail
            .get("via")
            .and_then(|v| v.get("name"))
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned);
        let row = &row.row;
        let role = Role::parse(row.actor_kind.as_deref()?)?;
        let id = row.actor_id;
        let (id, display_name, profession) = match role {
            Role::Patient if id == Some(me) => (id, self.me.clone(), None),
            // Another patient: their role, nothing that identifies them.
            Role::Patient => (None, None, None),
            Role::Professional => {
                let known = id.and_then(|id| self.professionals.get(&id));
                (id, known.map(|(name, _)| name.clone()), known.and_then(|(_, p)| *p))
            }
            Role::Agent => (id, id.and_then(|id| self.agents.get(&id)).cloned(), None),
        };
        Some(HistoryActor {
            role,
            is_you: role == Role::Patient && id == Some(me),
            id,
            display_name,
            profession,
            via,
        })
    }

    /// The document an entry names, as far as the viewer may see it.
    fn document(&self, viewer: Viewer<'_>, row: &Row) -> Option<HistoryDocument> {
        let category = |row: &Row| row.text("category").and_then(|c| Category::from_code(&c));
        if row.row.action == "document_refused_by_patient" {
            // Never filed: only the patient reads what the professional recorded.
            return viewer.is_holder().then(|| HistoryDocument {
                title: row.text("title").filter(|t| !t.trim().is_empty()),
                category: category(row),
            });
        }
        let id = row.target("document")?;
        match self.documents.get(&id) {
            Some(doc) => Some(HistoryDocument {
                title: Some(doc.title.clone()),
                category: Category::from_code(&doc.category),
            }),
            // A filing that did not happen: the category it asked for.
            None if viewer.is_holder() => {
                category(row).map(|c| HistoryDocument { title: None, category: Some(c) })
            }
            None => None,
        }
    }
}

fn entry(me: Uuid, viewer: Viewer<'_>, resolved: &Resolved, row: Row) -> HistoryEntry {
    let target = match (row.row.target_kind.as_deref(), row.row.target_id.as_deref()) {
        // Another patient's record is never named.
        (Some("patient"), Some(id)) if id != me.to_string() => None,
        (Some(kind), Some(id)) => Some(HistoryTarget { kind: kind.to_owned(), id: id.to_owned() }),
        _ => None,
    };
    let action = row.row.action.as_str();
    // A name given in the act, only for the patient's own passkeys.
    let label = target.as_ref().filter(|t| t.kind == "credential").and_then(|_| row.text("name"));
    // The decision's name is a rule when it allowed, a reason when it refused.
    let is_reason = |code: &String| DENIAL_REASONS.contains(&code.as_str());
    let (rule, denied) = match row.text("rule") {
        Some(code) if is_reason(&code) => (None, Some(code)),
        other => (other, None),
    };
    // A consultation or admission refused before the decision records its reason on its own.
    let denied = denied.or_else(|| {
        (action == "link_opened").then(|| row.text("reason")).flatten().filter(is_reason)
    });
    let link = row.target("link").and_then(|id| resolved.links.get(&id));
    let context = row
        .text("context")
        .or_else(|| {
            (viewer.is_holder() && action == "document_restricted")
                .then(|| row.text("mode"))
                .flatten()
        })
        .or_else(|| link.map(|l| l.context.clone()));
    let professionals = row
        .professionals(viewer, &resolved.links)
        .into_iter()
        .filter_map(|id| {
            let (name, profession) = resolved.professionals.get(&id)?;
            Some(HistoryProfessional { id, display_name: name.clone(), profession: *profession })
        })
        .collect();
    let organisation =
        link.and_then(|l| l.organisation_id).and_then(|o| resolved.organisations.get(&o)).cloned();
    let stated_reason = match action {
        "emergency_access_opened" => row.text("reason"),
        "document_withdrawn" if viewer.is_holder() => row.text("reason"),
        "emergency_access_reviewed" if viewer.is_holder() => row.text("reason"),
        _ => None,
    };
    HistoryEntry {
        id: row.row.id,
        occurred_at: row.row.occurred_at,
        actor: resolved.actor(me, &row),
        outcome: if row.row.outcome == "failure" {
            HistoryOutcome::Failure
        } else {
            HistoryOutcome::Success
        },
        target,
        rule,
        context,
        refused: row.text("refused"),
        label,
        denied,
        document: resolved.document(viewer, &row),
        professionals,
        organisation,
        stated_reason,
        request_id: row.row.request_id.clone(),
        action: row.row.action,
    }
}

async fn entries(
    conn: &impl ConnectionTrait,
    me: Uuid,
    viewer: Viewer<'_>,
    rows: Vec<audit_event::Model>,
) -> Result<Vec<HistoryEntry>, AppError> {
    let rows: Vec<Row> = rows.into_iter().map(Row::new).collect();
    let resolved = Resolved::load(conn, me, viewer, &rows).await?;
    Ok(rows.into_iter().map(|row| entry(me, viewer, &resolved, row)).collect())
}

fn base_event(action: &'static str, me: Uuid) -> Event {
    Event::new(action, Outcome::Success, Some((Role::Patient, me))).patient(me)
}

/// One page of the signed-in patient's history (audited as `history_viewed`).
///
/// # Errors
/// `invalid_request` for a bad filter or limit; database errors.
pub async fn list(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    query: &HistoryQuery,
) -> Result<HistoryPage, AppError> {
    let me = patient.0.subject_id();
    let filters = Filters::parse(query)?;
    let limit = limit(query)?;
    let event = base_event("history_viewed", me).with("query", filters.detail(query));
    // Read first, then the entry is appended (grouped commit) before the page leaves: the entry,
    // newer than every entry it read, never appears on the page it records.
    audited_read(state, meta, event, async |txn, _, _| {
        let (rows, next_cursor) = page(txn, me, &filters, query.before, limit).await?;
        Ok(HistoryPage { entries: entries(txn, me, Viewer::Holder, rows).await?, next_cursor })
    })
    .await
}

/// One page of a record's history for its médecin référent, the only professional who reads the
/// access-traces dashboard (the decision function says so); anyone else gets `not_found`, like a
/// record that does not exist. Audited on the record's chain.
///
/// # Errors
/// `not_found`, `invalid_request`; database errors.
pub async fn for_referent(
    state: &AppState,
    meta: &RequestMeta,
    professional: &crate::auth::CurrentProfessional,
    patient_id: Uuid,
    query: &HistoryQuery,
) -> Result<HistoryPage, AppError> {
    let pro = professional.0.subject_id();
    let filters = Filters::parse(query)?;
    let limit = limit(query)?;
    let now = state.clock.now();
    let event =
        Event::new("access_traces_viewed", Outcome::Success, Some((Role::Professional, pro)));
    audited_read(state, meta, event, async |txn, event, _| {
        let facts = super::care::record_facts(txn, patient_id, state.clock.now())
            .await
            .map_err(|_| hidden())?;
        event.patient_id = Some(patient_id);
        let actor = super::documents::actor(txn, &professional.0).await?;
        let matrix = state.matrix.get(txn).await?;
        let decision = crate::access::decide(
            &matrix,
            &actor,
            &crate::access::Action::ReadAccessTraces,
            &facts,
            now,
        );
        *event = event.clone().with("rule", decision.as_str());
        if !decision.is_allowed() {
            return Err(hidden());
        }
        let (rows, next_cursor) = page(txn, patient_id, &filters, query.before, limit).await?;
        let viewer = Viewer::Referent { actor: &actor, matrix: &matrix, facts: &facts, now };
        Ok(HistoryPage { entries: entries(txn, patient_id, viewer, rows).await?, next_cursor })
    })
    .await
}

/// The whole history matching the filters as a stream of CSV or FHIR JSON chunks, one page at a
/// time (audited as `history_exported` before the first byte).
///
/// # Errors
/// `invalid_request` for a bad filter; database errors before the stream starts (later ones end
/// the stream early).
pub async fn export(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    query: &HistoryQuery,
    format: Format,
) -> Result<impl Stream<Item = Result<Bytes, AppError>> + Send + 'static, AppError> {
    let me = patient.0.subject_id();
    let filters = Filters::parse(query)?;
    let event = base_event("history_exported", me)
        .with("format", format.as_str())
        .with("query", filters.detail(query));
    let (first, next) = audited(state, meta, event, async |txn, _| {
        let (rows, next) = page(txn, me, &filters, query.before, EXPORT_PAGE).await?;
        Ok((entries(txn, me, Viewer::Holder, rows).await?, next))
    })
    .await?;
    let generated = state.clock.now();
    let db = state.db.clone();

    enum Step {
        First(Vec<HistoryEntry>, Option<i64>),
        Next(i64),
        Close,
        Done,
    }
    let stream =
        futures_util::stream::unfold((Step::First(first, next), 0_u64), move |(step, count)| {
            let db = db.clone();
            let filters = filters.clone();
            async move {
                let (chunk, next_step, count) = match step {
                    Step::Done => return None,
                    Step::Close => {
                        let end = match format {
                            Format::Csv => String::new(),
                            Format::Fhir => fhir::close(count),
                        };
                        (Ok(end), Step::Done, count)
                    }
                    Step::First(batch, next) => {
                        let mut out = match format {
                            Format::Csv => csv::header(),
                            Format::Fhir => fhir::open(generated),
                        };
                        let count = write(&mut out, format, me, &batch, count);
                        (Ok(out), next.map_or(Step::Close, Step::Next), count)
                    }
                    Step::Next(before) => {
                        let fetched = async {
                            let (rows, next) =
                                page(&db, me, &filters, Some(before), EXPORT_PAGE).await?;
                            let batch = entries(&db, me, Viewer::Holder, rows).await?;
                            Ok::<_, AppError>((batch, next))
                        }
                        .await;
                        match fetched {
                            Ok((batch, next)) => {
                                let mut out = String::new();
                                let count = write(&mut out, format, me, &batch, count);
                                (Ok(out), next.map_or(Step::Close, Step::Next), count)
                            }
                            Err(e) => {
                                tracing::error!(error = %e, "history export stopped");
                                (Err(e), Step::Done, count)
                            }
                        }
                    }
                };
                Some((chunk.map(Bytes::from), (next_step, count)))
            }
        });
    Ok(stream)
}

/// One history entry of the record `me` as a FHIR R4 `AuditEvent` (the export's mapping).
#[must_use]
pub fn audit_event_resource(me: Uuid, entry: &HistoryEntry) -> serde_json::Value {
    fhir::audit_event(me, entry)
}

/// Appends `batch` in `format`; returns the number of entries written so far.
fn write(out: &mut String, format: Format, me: Uuid, batch: &[HistoryEntry], count: u64) -> u64 {
    let mut count = count;
    for entry in batch {
        match format {
            Format::Csv => csv::row(out, entry),
            Format::Fhir => fhir::entry(out, me, entry, count == 0),
        }
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use shared::api::history::{LINK_CONTEXTS, RULES};

    use super::*;
    use crate::access::{LinkContext, Reason, Rule};

    /// Every reason of the decision function: a new one fails to compile here until it is
    /// listed (and then the test below wants it in the shared list the app translates).
    fn all_reasons() -> Vec<Reason> {
        use Reason::*;
        let all = vec![
            NotTheHolder,
            AgencyHasNoHealthAccess,
            ProfessionalsOnly,
            RecordClosed,
            NoLetterYet,
            ObjectionWindow,
            ProfessionalInactive,
            Blocked,
            CategoryNotReadable,
            CategoryNotWritable,
            AccessTracesReferentOnly,
            Restricted,
            NotAuthor,
            HolderWritesOnlyPersonalSpace,
            NoCareRelation,
            LinkNotStarted,
            LinkExpired,
            LinkEnded,
            EmergencyAccessExpired,
            EmergencyAccessSwitchedOff,
            EmergencyAccessReadOnly,
            NotAuthorOrColleague,
            Withdrawn,
            EmergencyAccessLimitReached,
        ];
        for reason in &all {
            match reason {
                NotTheHolder
                | AgencyHasNoHealthAccess
                | ProfessionalsOnly
                | RecordClosed
                | NoLetterYet
                | ObjectionWindow
                | ProfessionalInactive
                | Blocked
                | CategoryNotReadable
                | CategoryNotWritable
                | AccessTracesReferentOnly
                | Restricted
                | NotAuthor
                | HolderWritesOnlyPersonalSpace
                | NoCareRelation
                | LinkNotStarted
                | LinkExpired
                | LinkEnded
                | EmergencyAccessExpired
                | EmergencyAccessSwitchedOff
                | EmergencyAccessReadOnly
                | NotAuthorOrColleague
                | Withdrawn
                | EmergencyAccessLimitReached => {}
            }
        }
        all
    }

    fn all_rules() -> Vec<Rule> {
        let link = |context| Rule::Link { context, link: Uuid::nil() };
        let all = vec![
            Rule::Holder,
            Rule::Referent,
            link(LinkContext::Consultation),
            link(LinkContext::InstitutionStay),
            link(LinkContext::EmergencyDepartment),
            link(LinkContext::PatientGrant),
            Rule::EmergencyAccess { grant: Uuid::nil() },
            Rule::EmergencyAccessOpening,
            Rule::PracticeConsultationOpening,
        ];
        for rule in &all {
            match rule {
                Rule::Holder
                | Rule::Referent
                | Rule::Link { .. }
                | Rule::EmergencyAccess { .. }
                | Rule::EmergencyAccessOpening
                | Rule::PracticeConsultationOpening => {}
            }
        }
        all
    }

    #[test]
    fn the_app_knows_every_rule_and_reason_the_log_records() {
        for rule in all_rules() {
            assert!(RULES.contains(&rule.as_str()), "{} is not in shared RULES", rule.as_str());
            assert!(!DENIAL_REASONS.contains(&rule.as_str()), "{} is a rule", rule.as_str());
        }
        assert_eq!(all_rules().len(), RULES.len(), "RULES lists a rule that does not exist");
        for reason in all_reasons() {
            assert!(DENIAL_REASONS.contains(&reason.as_str()), "{} is not listed", reason.as_str());
            assert!(!RULES.contains(&reason.as_str()), "{} is a reason", reason.as_str());
        }
        use shared::api::care::LinkContext as Context;
        for context in [
            Context::Consultation,
            Context::InstitutionStay,
            Context::EmergencyDepartment,
            Context::PatientGrant,
        ] {
            let code = serde_json::to_value(context).unwrap();
            assert!(LINK_CONTEXTS.contains(&code.as_str().unwrap()), "{code}");
        }
    }
}
