//! The patient's history: the audit entries that concern their own record (`patient_id = me`)
//! and those they made themselves (`actor_id = me`: sign-ins, passkey changes …), newest first,
//! filtered, paged by keyset on the entry id, and exported as CSV or a FHIR `Bundle`. Every read
//! is itself audited (`history_viewed`, `history_exported`) in its own transaction.
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
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;
use shared::Profession;
use shared::api::auth::Role;
use shared::api::history::{
    ActorFilter, DEFAULT_LIMIT, HistoryActor, HistoryEntry, HistoryOutcome, HistoryPage,
    HistoryQuery, HistoryTarget, MAX_LIMIT,
};
use uuid::Uuid;

use super::{audited, hidden};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::CurrentPatient;
use crate::entity::{agent, audit_event, patient, professional};
use crate::error::AppError;

/// Entries fetched per page while an export streams.
const EXPORT_PAGE: u64 = 500;

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
    let on_record = scan(audit_event::Column::PatientId).all(conn).await?;
    let by_me = scan(audit_event::Column::ActorId).all(conn).await?;
    // The newest `limit + 1` of the union are among the newest `limit + 1` of each part.
    let mut rows: Vec<audit_event::Model> = on_record.into_iter().chain(by_me).collect();
    rows.sort_unstable_by_key(|row| std::cmp::Reverse(row.id));
    rows.dedup_by_key(|row| row.id);
    let more = u64::try_from(rows.len()).unwrap_or(u64::MAX) > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next = if more { rows.last().map(|row| row.id) } else { None };
    Ok((rows, next))
}

/// Names of the people a page mentions, resolved with one query per role.
#[derive(Default)]
struct Names {
    me: Option<String>,
    professionals: HashMap<Uuid, (String, Option<Profession>)>,
    agents: HashMap<Uuid, String>,
}

impl Names {
    async fn load(
        conn: &impl ConnectionTrait,
        me: Uuid,
        rows: &[audit_event::Model],
    ) -> Result<Self, AppError> {
        let ids = |role: Role| -> Vec<Uuid> {
            let mut ids: Vec<Uuid> = rows
                .iter()
                .filter(|r| r.actor_kind.as_deref() == Some(role.as_str()))
                .filter_map(|r| r.actor_id)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let mut names = Self::default();
        if rows.iter().any(|r| r.actor_id == Some(me)) {
            names.me = patient::Entity::find_by_id(me)
                .one(conn)
                .await?
                .map(|p| format!("{} {}", p.given_name, p.family_name));
        }
        let professionals = ids(Role::Professional);
        if !professionals.is_empty() {
            for p in professional::Entity::find()
                .filter(professional::Column::Id.is_in(professionals))
                .all(conn)
                .await?
            {
                let profession = Profession::from_code(&p.profession);
                names
                    .professionals
                    .insert(p.id, (format!("{} {}", p.given_name, p.family_name), profession));
            }
        }
        let agents = ids(Role::Agent);
        if !agents.is_empty() {
            for a in agent::Entity::find().filter(agent::Column::Id.is_in(agents)).all(conn).await?
            {
                names.agents.insert(a.id, a.display_name);
            }
        }
        Ok(names)
    }

    fn actor(&self, me: Uuid, row: &audit_event::Model) -> Option<HistoryActor> {
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
        })
    }
}

fn entry(me: Uuid, names: &Names, row: audit_event::Model) -> HistoryEntry {
    let detail: serde_json::Value = serde_json::from_str(&row.detail).unwrap_or_default();
    let text = |key: &str| detail.get(key).and_then(serde_json::Value::as_str).map(str::to_owned);
    let target = match (row.target_kind.as_deref(), row.target_id.as_deref()) {
        // Another patient's record is never named.
        (Some("patient"), Some(id)) if id != me.to_string() => None,
        (Some(kind), Some(id)) => Some(HistoryTarget { kind: kind.to_owned(), id: id.to_owned() }),
        _ => None,
    };
    // A name given in the act, only for the patient's own passkeys.
    let label = target.as_ref().filter(|t| t.kind == "credential").and_then(|_| text("name"));
    HistoryEntry {
        id: row.id,
        occurred_at: row.occurred_at,
        actor: names.actor(me, &row),
        outcome: if row.outcome == "failure" {
            HistoryOutcome::Failure
        } else {
            HistoryOutcome::Success
        },
        target,
        rule: text("rule"),
        context: text("context"),
        refused: text("refused"),
        label,
        request_id: row.request_id,
        action: row.action,
    }
}

async fn entries(
    conn: &impl ConnectionTrait,
    me: Uuid,
    rows: Vec<audit_event::Model>,
) -> Result<Vec<HistoryEntry>, AppError> {
    let names = Names::load(conn, me, &rows).await?;
    Ok(rows.into_iter().map(|row| entry(me, &names, row)).collect())
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
    // The read and its audit entry share one transaction; the entry, newer than every entry it
    // read, never appears on the page it records.
    audited(state, meta, event, async |txn, _| {
        let (rows, next_cursor) = page(txn, me, &filters, query.before, limit).await?;
        Ok(HistoryPage { entries: entries(txn, me, rows).await?, next_cursor })
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
    audited(state, meta, event, async |txn, event| {
        let facts = super::care::record_facts(txn, patient_id).await.map_err(|_| hidden())?;
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
        Ok(HistoryPage { entries: entries(txn, patient_id, rows).await?, next_cursor })
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
        Ok((entries(txn, me, rows).await?, next))
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
                            Ok::<_, AppError>((entries(&db, me, rows).await?, next))
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
