//! `GET /api/agency/figures`: the key figures of the national record, as the agency watches them
//! (the 2016 presentation's five, and objections, emergency accesses and letters waiting). The
//! same figures are exported to Prometheus at `/metrics`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The key figures at one moment, counted from the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeyFigures {
    /// When they were counted (the server's clock).
    pub at: DateTime<Utc>,
    /// Records not closed: activated by their patient, or created by the agency and not
    /// (yet) activated.
    pub records_open: u64,
    /// Of the open records, those the patient has activated.
    pub records_activated: u64,
    /// Records closed.
    pub records_closed: u64,
    /// Professionals active in the directory with at least one registered security key.
    pub professionals_activated: u64,
    /// Documents whose current version stands (withdrawn documents are not counted).
    pub documents: u64,
    /// Sign-ins in the 24 hours before `at`: sessions opened by patients, professionals and
    /// agents (a sign-in, an activation or an enrolment each opens one).
    pub connections_last_24h: u64,
    /// Objections to a record's opening within the window (each one deleted its record); kept
    /// optional for clients of the earlier shape.
    pub objections: Option<u64>,
    /// Emergency accesses ever opened.
    pub emergency_accesses: u64,
    /// Emergency accesses opened in the 24 hours before `at`.
    pub emergency_accesses_last_24h: u64,
    /// Records created whose first information letter has not been issued yet.
    pub letters_waiting: u64,
}
