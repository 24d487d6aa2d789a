//! The signed-in patient's history of their record, and the addresses of its downloads; a
//! record's history for its médecin référent.

use shared::api::history::{HistoryPage, HistoryQuery};
use shared::ids::PatientId;

use super::{ApiFailure, get_json};
use crate::i18n::history::url;

/// One page of the history (newest first; `query.before` for older pages).
pub async fn page(query: &HistoryQuery) -> Result<HistoryPage, ApiFailure> {
    get_json(&url("/api/me/history", query)).await
}

/// One page of a record's history, for its médecin référent (`not_found` for anyone else).
pub async fn record_page(
    patient: PatientId,
    query: &HistoryQuery,
) -> Result<HistoryPage, ApiFailure> {
    get_json(&url(&format!("/api/records/{}/history", patient.0), query)).await
}

/// The address of the CSV download with these filters (a plain link: the browser streams it to
/// disk with the session cookie).
#[must_use]
pub fn csv_url(query: &HistoryQuery) -> String {
    url("/api/me/history.csv", query)
}

/// The address of the FHIR bundle download with these filters.
#[must_use]
pub fn fhir_url(query: &HistoryQuery) -> String {
    url("/api/me/history.fhir.json", query)
}
