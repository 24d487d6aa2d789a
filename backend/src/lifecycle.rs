//! The record's life as a pure state machine (DESIGN.md, "The record's life"; issue 12 §2).
//!
//! ```text
//!            activate                      close (patient | postal | death | idle)
//!  Created ───────────▶ Activated ─────────────────────────────────────────────▶ Closed
//!     │  │                                                                     │  ▲  │
//!     │  └── close ─────────────────────────────────────────────────────────────┘  │  │
//!     │                                        reopen (within 10 years) ───────────┘  │
//!     └── objection (within the 30-day window) ──▶ Purged ◀── purge (10 years closed) ┘
//! ```
//!
//! [`step`] is the only place that says which transition is legal. It is pure: no I/O, no clock
//! (`now` is passed in). The services load the [`Life`] of a record in their transaction, ask
//! [`step`], and either store the new life with its audit entry or answer the [`Refusal`]'s
//! stable error code. Nothing happens after [`State::Purged`]; a reopened record goes back to
//! the state it had before closing (activated, or created if the patient never activated it).

use chrono::{DateTime, TimeDelta, Utc};
use shared::ApiErrorCode;

/// How long a closed record can be reopened; after that it is purged.
pub const RETENTION: TimeDelta = TimeDelta::days(3653);

/// How long a record may go without any access before it closes by itself.
pub const IDLE_LIMIT: TimeDelta = TimeDelta::days(3653);

/// The objection window counted from the first letter.
pub const OBJECTION_WINDOW: TimeDelta = crate::access::OBJECTION_WINDOW;

/// Why a record was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CloseReason {
    /// The patient closed it online.
    Patient,
    /// An agent closed it on the patient's postal request (the closing form).
    Postal,
    /// An agent recorded the patient's death.
    Death,
    /// No access for [`IDLE_LIMIT`]: the scheduled job closed it.
    Idle,
}

impl CloseReason {
    /// All four.
    pub const ALL: [Self; 4] = [Self::Patient, Self::Postal, Self::Death, Self::Idle];

    /// The stored, stable name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Patient => "patient",
            Self::Postal => "postal",
            Self::Death => "death",
            Self::Idle => "idle",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == value)
    }
}

/// Where a record is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Created by the agency, not activated by the patient.
    Created,
    /// Activated by the patient.
    Activated,
    /// Closed: sealed to professionals; reopenable until `at` + [`RETENTION`].
    Closed {
        /// Why.
        reason: CloseReason,
        /// When: the start of the 10-year clock.
        at: DateTime<Utc>,
        /// Whether the patient had activated it (what reopening restores).
        was_activated: bool,
    },
    /// Erased for good (objection in the window, or 10 years closed). Terminal.
    Purged,
}

/// A record's life: its state and the dates the rules need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Life {
    /// The state.
    pub state: State,
    /// When the first letter went out (the objection window's start), if it did.
    pub first_letter_at: Option<DateTime<Utc>>,
    /// The last access to the record (or its creation).
    pub last_access_at: DateTime<Utc>,
}

/// What may happen to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The patient activates it with the letter's code.
    Activate,
    /// It is closed for a reason.
    Close(CloseReason),
    /// An agent reopens it.
    Reopen,
    /// The patient objects (online or by post) within the objection window.
    Object,
    /// The purge of a record closed for 10 years.
    Purge,
}

impl Event {
    /// The stable name, for the audit log.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Activate => "record_activated",
            Self::Close(_) => "record_closed",
            Self::Reopen => "record_reopened",
            Self::Object => "record_objection",
            Self::Purge => "record_purged",
        }
    }
}

/// Why a transition is refused: each with its stable API error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The record is closed already.
    AlreadyClosed,
    /// Only a closed record is reopened, and only within 10 years of closing.
    NotReopenable,
    /// Only a created record is activated.
    NotActivatable,
    /// An objection only in the window of a record the patient has not activated.
    NotInObjectionWindow,
    /// Only a record closed for 10 years is purged by the clock.
    NotPurgeable,
    /// An idle close of a record that was accessed in the last 10 years.
    NotIdle,
    /// The record is gone.
    Purged,
}

impl Refusal {
    /// The stable error code the API answers.
    #[must_use]
    pub const fn code(self) -> ApiErrorCode {
        match self {
            Self::AlreadyClosed => ApiErrorCode::RecordAlreadyClosed,
            Self::NotReopenable => ApiErrorCode::RecordNotReopenable,
            Self::Purged => ApiErrorCode::NotFound,
            Self::NotActivatable
            | Self::NotInObjectionWindow
            | Self::NotPurgeable
            | Self::NotIdle => ApiErrorCode::InvalidRequest,
        }
    }
}

/// Whether a closed record closed at `at` can still be reopened at `now`.
#[must_use]
pub fn reopenable(at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    at.checked_add_signed(RETENTION).is_none_or(|end| now < end)
}

/// The only legal transitions. `now` is the instant of the event.
///
/// # Errors
/// The [`Refusal`] when `event` is not legal from `life` at `now`.
pub fn step(life: &Life, event: Event, now: DateTime<Utc>) -> Result<Life, Refusal> {
    let state = match (life.state, event) {
        (State::Purged, _) => return Err(Refusal::Purged),
        (State::Created, Event::Activate) => State::Activated,
        (_, Event::Activate) => return Err(Refusal::NotActivatable),
        (State::Closed { .. }, Event::Close(_)) => return Err(Refusal::AlreadyClosed),
        (open @ (State::Created | State::Activated), Event::Close(reason)) => {
            if reason == CloseReason::Idle
                && life.last_access_at.checked_add_signed(IDLE_LIMIT).is_some_and(|end| now < end)
            {
                return Err(Refusal::NotIdle);
            }
            State::Closed { reason, at: now, was_activated: open == State::Activated }
        }
        (State::Closed { at, was_activated, .. }, Event::Reopen) => {
            if !reopenable(at, now) {
                return Err(Refusal::NotReopenable);
            }
            if was_activated { State::Activated } else { State::Created }
        }
        (_, Event::Reopen) => return Err(Refusal::NotReopenable),
        (State::Created, Event::Object) => match life.first_letter_at {
            Some(letter)
                if letter <= now
                    && letter.checked_add_signed(OBJECTION_WINDOW).is_none_or(|end| now < end) =>
            {
                State::Purged
            }
            _ => return Err(Refusal::NotInObjectionWindow),
        },
        (_, Event::Object) => return Err(Refusal::NotInObjectionWindow),
        (State::Closed { at, .. }, Event::Purge) if !reopenable(at, now) => State::Purged,
        (_, Event::Purge) => return Err(Refusal::NotPurgeable),
    };
    let last_access_at = match event {
        // Reopening is an access: the idle clock starts again.
        Event::Reopen | Event::Activate => now.max(life.last_access_at),
        _ => life.last_access_at,
    };
    Ok(Life { state, last_access_at, ..*life })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap()
    }

    fn created() -> Life {
        Life { state: State::Created, first_letter_at: Some(t0()), last_access_at: t0() }
    }

    #[test]
    fn reopen_within_ten_years_restores_the_state_before_closing() {
        let now = t0() + TimeDelta::days(1);
        let active = step(&created(), Event::Activate, now).unwrap();
        let closed = step(&active, Event::Close(CloseReason::Patient), now).unwrap();
        assert!(matches!(closed.state, State::Closed { reason: CloseReason::Patient, .. }));
        let later = now + RETENTION - TimeDelta::seconds(1);
        assert_eq!(step(&closed, Event::Reopen, later).unwrap().state, State::Activated);
        assert_eq!(step(&closed, Event::Reopen, now + RETENTION), Err(Refusal::NotReopenable));
        let never_activated = step(&created(), Event::Close(CloseReason::Death), now).unwrap();
        assert_eq!(step(&never_activated, Event::Reopen, now).unwrap().state, State::Created);
    }

    #[test]
    fn closing_twice_reopening_an_open_record_and_acting_after_purge_are_refused() {
        let now = t0();
        let closed = step(&created(), Event::Close(CloseReason::Postal), now).unwrap();
        assert_eq!(
            step(&closed, Event::Close(CloseReason::Patient), now),
            Err(Refusal::AlreadyClosed)
        );
        assert_eq!(step(&created(), Event::Reopen, now), Err(Refusal::NotReopenable));
        assert_eq!(step(&closed, Event::Purge, now), Err(Refusal::NotPurgeable));
        let purged = step(&closed, Event::Purge, now + RETENTION).unwrap();
        assert_eq!(purged.state, State::Purged);
        assert_eq!(step(&purged, Event::Reopen, now), Err(Refusal::Purged));
        assert_eq!(Refusal::NotReopenable.code().as_str(), "record_not_reopenable");
    }

    #[test]
    fn objection_only_in_the_window_of_a_created_record() {
        let inside = t0() + OBJECTION_WINDOW - TimeDelta::seconds(1);
        assert_eq!(step(&created(), Event::Object, inside).unwrap().state, State::Purged);
        assert_eq!(
            step(&created(), Event::Object, t0() + OBJECTION_WINDOW),
            Err(Refusal::NotInObjectionWindow)
        );
        let no_letter = Life { first_letter_at: None, ..created() };
        assert_eq!(step(&no_letter, Event::Object, t0()), Err(Refusal::NotInObjectionWindow));
        let active = step(&created(), Event::Activate, t0()).unwrap();
        assert_eq!(step(&active, Event::Object, t0()), Err(Refusal::NotInObjectionWindow));
    }

    #[test]
    fn idle_close_needs_ten_years_without_access() {
        let life = created();
        let almost = t0() + IDLE_LIMIT - TimeDelta::seconds(1);
        assert_eq!(step(&life, Event::Close(CloseReason::Idle), almost), Err(Refusal::NotIdle));
        let closed = step(&life, Event::Close(CloseReason::Idle), t0() + IDLE_LIMIT).unwrap();
        assert!(matches!(closed.state, State::Closed { reason: CloseReason::Idle, .. }));
    }

    fn event() -> impl Strategy<Value = Event> {
        prop_oneof![
            Just(Event::Activate),
            prop::sample::select(CloseReason::ALL.to_vec()).prop_map(Event::Close),
            Just(Event::Reopen),
            Just(Event::Object),
            Just(Event::Purge),
        ]
    }

    /// A sequence of events, each after a delay between nothing and 12 years.
    fn history() -> impl Strategy<Value = Vec<(Event, i64)>> {
        prop::collection::vec((event(), 0..(12 * 366 * 86_400_i64)), 0..40)
    }

    proptest! {
        /// Whatever happens, in whatever order and at whatever pace: nothing comes after Purged;
        /// a closed record's close date is the instant of its closing event and never moves;
        /// a purge by the clock never happens before 10 years closed; a reopening never after;
        /// an objection purges only a created record in its window; an activated record never
        /// goes back to created; the idle clock never runs backwards.
        #[test]
        fn no_sequence_of_events_reaches_an_illegal_state(events in history()) {
            let mut life = created();
            let mut now = t0();
            let mut ever_activated = false;
            for (event, delay) in events {
                now += TimeDelta::seconds(delay);
                let before = life;
                match step(&before, event, now) {
                    Ok(after) => {
                        prop_assert!(before.state != State::Purged, "an event after Purged");
                        prop_assert!(after.last_access_at >= before.last_access_at);
                        match (before.state, event, after.state) {
                            (State::Created, Event::Activate, State::Activated) => {
                                ever_activated = true;
                            }
                            (State::Created | State::Activated, Event::Close(r),
                             State::Closed { reason, at, was_activated }) => {
                                prop_assert_eq!(r, reason);
                                prop_assert_eq!(at, now);
                                prop_assert_eq!(was_activated, before.state == State::Activated);
                            }
                            (State::Closed { at, was_activated, .. }, Event::Reopen, s) => {
                                prop_assert!(now < at + RETENTION);
                                let expected = if was_activated { State::Activated } else { State::Created };
                                prop_assert_eq!(s, expected);
                            }
                            (State::Closed { at, .. }, Event::Purge, State::Purged) => {
                                prop_assert!(now >= at + RETENTION);
                            }
                            (State::Created, Event::Object, State::Purged) => {
                                prop_assert!(!ever_activated);
                                let letter = before.first_letter_at.unwrap();
                                prop_assert!(now < letter + OBJECTION_WINDOW);
                            }
                            other => prop_assert!(false, "illegal transition {:?}", other),
                        }
                        if ever_activated {
                            prop_assert!(after.state != State::Created, "an activated record back to created");
                        }
                        life = after;
                    }
                    Err(refusal) => {
                        // A refusal changes nothing and says why with a stable code.
                        prop_assert!(!refusal.code().as_str().is_empty());
                        if before.state == State::Purged {
                            prop_assert_eq!(refusal, Refusal::Purged);
                        }
                    }
                }
            }
        }
    }
}
