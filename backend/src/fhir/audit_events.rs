//! The access history of a record as `AuditEvent` resources (ITI-81 shaped, after IHE BALP's
//! patterns: the same mapping as the patient's own FHIR export).
//!
//! Who may read it: the portal shows a record's access traces to the patient and to their
//! médecin référent only (the decision function's `ReadAccessTraces`). Tokens of this interface
//! are professionals' (`user/` scopes); patients' own apps are not among the clients this
//! interface registers. So a professional's software reads a record's `AuditEvent`s exactly when
//! the professional could open its access traces in the portal — as its référent — and anyone
//! else gets `not_found`, like a record that does not exist.

use axum::extract::{RawQuery, State};
use axum::response::Response;
use shared::api::history::HistoryQuery;

use super::documents::{link_pairs, patient_id};
use super::params::{Params, decode_cursor, encode_cursor};
use super::{resource, searchset};
use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::CurrentProfessional;
use crate::error::AppError;
use crate::oauth::{FhirCaller, Op};
use crate::services::history;

/// `AuditEvent?patient=<id>` (or `entity.identifier`-free `patient.identifier`): the record's
/// history, newest first, paged.
pub(super) async fn search(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: FhirCaller,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    caller.require("AuditEvent", Op::Search)?;
    let params =
        Params::parse(query.as_deref(), &["patient", "patient.identifier", "_count", "_cursor"])?;
    let count = params.count()?.max(1);
    let before =
        match params.one("_cursor")? {
            Some(cursor) => Some(decode_cursor(cursor)?.parse::<i64>().map_err(|_| {
                AppError::InvalidRequest("_cursor is not one this server gave".into())
            })?),
            None => None,
        };
    let patient_id = patient_id(&state, &params, "patient.identifier").await?;
    let pro = CurrentProfessional(caller.user.clone());
    let history_query = HistoryQuery {
        before,
        limit: Some(u32::try_from(count).unwrap_or(1)),
        ..HistoryQuery::default()
    };
    let page = history::for_referent(&state, &caller.stamp(meta), &pro, patient_id, &history_query)
        .await?;
    let pairs = link_pairs(query.as_deref(), patient_id);
    let link = |cursor: Option<i64>| {
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &pairs {
            serializer.append_pair(k, v);
        }
        if let Some(cursor) = cursor {
            serializer.append_pair("_cursor", &encode_cursor(&cursor.to_string()));
        }
        format!("AuditEvent?{}", serializer.finish())
    };
    let resources =
        page.entries.iter().map(|e| history::audit_event_resource(patient_id, e)).collect();
    let next = page.next_cursor.map(|c| link(Some(c)));
    Ok(resource(&searchset(&state, &link(before), next, None, resources)))
}
