//! `GET /api/agency/figures`: the key figures of the national record, as the agency watches them
//! (the 2016 presentation's five, and objections, emergency accesses and letters waiting). The
//! same figures are exported to Prometheus at `/metrics`.

use chrono::{DateTime, NaiveDate, Utc};
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

/// How long one period of [`FiguresSeries`] is. Weeks start on Monday (ISO 8601); days,
/// weeks and months are counted in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// One day.
    Day,
    /// Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
}

impl Granularity {
    /// Every granularity, shortest first.
    pub const ALL: [Self; 3] = [Self::Day, Self::Week, Self::Month];

    /// The wire name (`day`, `week`, `month`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
        }
    }

    /// The granularity of a wire name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.as_str() == name)
    }

    /// How many periods a chart shows when the range is not given (about a month of days,
    /// half a year of weeks, two years of months).
    #[must_use]
    pub const fn default_periods(self) -> u32 {
        match self {
            Self::Day => 31,
            Self::Week => 26,
            Self::Month => 24,
        }
    }

    /// The most periods one answer holds (a year of days, five years of weeks, ten years of
    /// months); a longer range is refused with `figures_range_invalid`.
    #[must_use]
    pub const fn max_periods(self) -> u32 {
        match self {
            Self::Day => 366,
            Self::Week => 261,
            Self::Month => 120,
        }
    }
}

/// The query of `GET /api/agency/figures/series`. Every field is optional: the granularity
/// defaults to `day`, `to` to today (UTC), `from` to [`Granularity::default_periods`] before
/// `to`. `from` is moved back to the start of its period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SeriesQuery {
    /// `day`, `week` or `month`.
    #[serde(default)]
    pub granularity: Option<String>,
    /// The first day (`YYYY-MM-DD`, inclusive).
    #[serde(default)]
    pub from: Option<String>,
    /// The last day (`YYYY-MM-DD`, inclusive), not after today.
    #[serde(default)]
    pub to: Option<String>,
}

/// The key figures over time, one [`FiguresPoint`] per period, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FiguresSeries {
    /// How long each period is.
    pub granularity: Granularity,
    /// The first day of the first period.
    pub from: NaiveDate,
    /// The last day asked for (the last period may end later: its figures stop there).
    pub to: NaiveDate,
    /// When they were counted (the server's clock).
    pub at: DateTime<Utc>,
    /// One point per period.
    pub points: Vec<FiguresPoint>,
}

/// The key figures of one period. Levels ("open", "closed", …) are those at the end of the
/// period (or at `to`, or now, whichever comes first); flows ("filed", "connections", …) count
/// what happened within it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FiguresPoint {
    /// The first day of the period.
    pub start: NaiveDate,
    /// Records created and not closed at the end of the period.
    pub records_open: u64,
    /// Records closed at the end of the period.
    pub records_closed: u64,
    /// Professionals (active in the directory) whose first security key was registered by the
    /// end of the period.
    pub professionals_activated: u64,
    /// Documents filed by the end of the period (withdrawn ones are not counted).
    pub documents: u64,
    /// Documents filed within the period (withdrawn ones are not counted).
    pub documents_filed: u64,
    /// Sign-ins within the period (sessions opened).
    pub connections: u64,
    /// Objections within the period (optional for clients of the earlier shape).
    pub objections: Option<u64>,
    /// Emergency accesses opened within the period.
    pub emergency_accesses: u64,
    /// Records whose first letter was waiting at the end of the period.
    pub letters_waiting: u64,
}
