//! The record's life: closing (by the patient online, by an agent on a postal request), a
//! recorded death, reopening within 10 years.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::agency::RecordState;

/// Why a record was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    /// The patient closed it online.
    Patient,
    /// An agent closed it on the patient's postal request (the closing form).
    Postal,
    /// An agent recorded the patient's death.
    Death,
    /// Ten years without any access.
    Idle,
}

/// Where a record is in its life, with the dates that matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordLife {
    /// Created, activated or closed.
    pub state: RecordState,
    /// Why it is closed (closed records only).
    pub close_reason: Option<CloseReason>,
    /// When it was closed (closed records only).
    pub closed_at: Option<DateTime<Utc>>,
    /// Until when it can be reopened; after that it is deleted (closed records only).
    pub reopenable_until: Option<DateTime<Utc>>,
    /// The closing form's reference (postal closing).
    pub closing_reference: Option<String>,
    /// The date of death, when recorded.
    pub death_date: Option<NaiveDate>,
    /// Where the agency learnt of the death.
    pub death_source: Option<String>,
    /// When an agent last reopened it.
    pub reopened_at: Option<DateTime<Utc>>,
}

/// An agent closes a record on the patient's postal request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostalClosing {
    /// The closing form's reference (1 to 64 characters).
    pub reference: String,
}

/// An agent records a patient's death.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeathRecord {
    /// The date of death (not in the future).
    pub date: NaiveDate,
    /// Where the agency learnt of it (death certificate, civil registry…; 1 to 200 characters).
    pub source: String,
}
