//! The cap on emergency accesses ("break the glass" at volume): a professional opens at most
//! [`EmergencyCap::max_openings`] within a sliding window of [`EmergencyCap::window`]; the next
//! one is refused and the agency is alerted.
//!
//! It sits beside [`decide`](super::decide), not inside it, on purpose: it is about the
//! professional, not the record, and the service checks it **before** it looks at the record at
//! all, so that at the cap every record answers alike — one that exists, one that does not, one
//! that blocks the professional. Inside `decide` it would run after the record's rules and a
//! refusal at the cap would tell an open record from the others. Pure like `decide`: the
//! openings and `now` are passed in.

use chrono::{DateTime, TimeDelta, Utc};

use super::Reason;

/// How many emergency accesses one professional may open within a sliding window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmergencyCap {
    /// At most this many openings …
    pub max_openings: u32,
    /// … within any window of this length ending now.
    pub window: TimeDelta,
}

impl Default for EmergencyCap {
    /// Three in 24 hours: an emergency physician breaks the glass rarely — a patient registered
    /// at an emergency department gets a link by the admission, not by breaking the glass — so
    /// three leave room for a hard shift, and the fourth in a day is what a professional browsing
    /// records looks like.
    fn default() -> Self {
        Self { max_openings: 3, window: TimeDelta::hours(24) }
    }
}

/// The outcome of [`emergency_cap`], with the count the agency's alert reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapCheck {
    /// Under the cap: the professional may open one more.
    Within {
        /// Their openings within the window before this one.
        openings: u32,
    },
    /// At the cap: refused ([`Reason::EmergencyAccessLimitReached`]); the agency is alerted.
    Reached {
        /// Their openings within the window.
        openings: u32,
    },
}

impl CapCheck {
    /// The openings within the window.
    #[must_use]
    pub const fn openings(self) -> u32 {
        match self {
            Self::Within { openings } | Self::Reached { openings } => openings,
        }
    }

    /// The reason of a refusal, for the audit log; `None` under the cap.
    #[must_use]
    pub const fn refusal(self) -> Option<Reason> {
        match self {
            Self::Within { .. } => None,
            Self::Reached { .. } => Some(Reason::EmergencyAccessLimitReached),
        }
    }
}

/// Whether a professional whose earlier emergency accesses were opened at `openings` may open
/// one more at `now` under `cap`. An opening counts while it is less than `window` old: one
/// opened exactly `window` ago has left it. Openings stamped after `now` (another instance's
/// clock running ahead) count too.
#[must_use]
pub fn emergency_cap(
    cap: EmergencyCap,
    openings: &[DateTime<Utc>],
    now: DateTime<Utc>,
) -> CapCheck {
    let since = now.checked_sub_signed(cap.window).unwrap_or(DateTime::<Utc>::MIN_UTC);
    let count = openings.iter().filter(|at| **at > since).count();
    let openings = u32::try_from(count).unwrap_or(u32::MAX);
    if openings >= cap.max_openings {
        CapCheck::Reached { openings }
    } else {
        CapCheck::Within { openings }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(hours: i64, seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 4, 0, 0, 0).unwrap()
            + TimeDelta::hours(hours)
            + TimeDelta::seconds(seconds)
    }

    #[test]
    fn the_cap_as_a_table() {
        let cap = EmergencyCap::default();
        let now = at(48, 0);
        // (openings, expected) — hours and seconds relative to the start of the table's day.
        let table: &[(&[(i64, i64)], CapCheck)] = &[
            (&[], CapCheck::Within { openings: 0 }),
            (&[(47, 0)], CapCheck::Within { openings: 1 }),
            (&[(40, 0), (47, 0)], CapCheck::Within { openings: 2 }),
            (&[(30, 0), (40, 0), (47, 0)], CapCheck::Reached { openings: 3 }),
            // Five in a row, the attack the cap is for.
            (&[(47, 1), (47, 2), (47, 3), (47, 4), (47, 5)], CapCheck::Reached { openings: 5 }),
            // Exactly 24 hours old: out of the window; one second younger: in.
            (&[(24, 0), (40, 0), (47, 0)], CapCheck::Within { openings: 2 }),
            (&[(24, 1), (40, 0), (47, 0)], CapCheck::Reached { openings: 3 }),
            // Older ones do not count, however many.
            (&[(0, 0), (1, 0), (2, 0), (3, 0), (47, 0)], CapCheck::Within { openings: 1 }),
            // Opened "now", or ahead of this instance's clock: counted.
            (&[(48, 0), (48, 30), (49, 0)], CapCheck::Reached { openings: 3 }),
        ];
        for (openings, expected) in table {
            let openings: Vec<_> = openings.iter().map(|(h, s)| at(*h, *s)).collect();
            let check = emergency_cap(cap, &openings, now);
            assert_eq!(check, *expected, "{openings:?}");
            assert_eq!(
                check.refusal(),
                matches!(expected, CapCheck::Reached { .. })
                    .then_some(Reason::EmergencyAccessLimitReached)
            );
        }
    }

    #[test]
    fn the_window_and_the_maximum_are_configurable() {
        let now = at(48, 0);
        let openings = [at(46, 0), at(47, 0)];
        let one_hour = EmergencyCap { max_openings: 2, window: TimeDelta::hours(1) };
        assert_eq!(emergency_cap(one_hour, &openings, now), CapCheck::Within { openings: 0 });
        let five = EmergencyCap { max_openings: 5, window: TimeDelta::hours(24) };
        assert_eq!(emergency_cap(five, &openings, now), CapCheck::Within { openings: 2 });
        let one = EmergencyCap { max_openings: 1, window: TimeDelta::hours(24) };
        assert_eq!(emergency_cap(one, &openings, now), CapCheck::Reached { openings: 2 });
        let huge = EmergencyCap { max_openings: 3, window: TimeDelta::MAX };
        assert_eq!(emergency_cap(huge, &openings, now), CapCheck::Within { openings: 2 });
    }
}
