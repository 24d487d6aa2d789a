//! The one place that reads the wall clock. Everything else receives `now` from here, so tests
//! can set and advance time (expiries, 30-day windows, 15-day links).

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, TimeDelta, Utc};

/// A source of the current time: the system clock, or a settable one for tests.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// `None`: the system clock; `Some`: milliseconds since the epoch, set by tests.
    fixed_millis: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The wall clock.
    #[must_use]
    pub fn system() -> Self {
        Self { fixed_millis: None }
    }

    /// A clock that stands still at `at` until [`Clock::advance`] moves it.
    #[must_use]
    pub fn fixed(at: DateTime<Utc>) -> Self {
        Self { fixed_millis: Some(Arc::new(AtomicI64::new(at.timestamp_millis()))) }
    }

    /// The current time.
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        match &self.fixed_millis {
            None => Utc::now(),
            Some(millis) => {
                DateTime::from_timestamp_millis(millis.load(Ordering::SeqCst)).unwrap_or_default()
            }
        }
    }

    /// Moves a fixed clock forward (no effect on the system clock).
    pub fn advance(&self, by: TimeDelta) {
        if let Some(millis) = &self.fixed_millis {
            millis.fetch_add(by.num_milliseconds(), Ordering::SeqCst);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_moves_only_when_told() {
        let start = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let clock = Clock::fixed(start);
        assert_eq!(clock.now(), start);
        clock.advance(TimeDelta::days(15));
        assert_eq!(clock.now(), start + TimeDelta::days(15));
        let copy = clock.clone();
        copy.advance(TimeDelta::seconds(1));
        assert_eq!(clock.now(), start + TimeDelta::days(15) + TimeDelta::seconds(1));
    }
}
