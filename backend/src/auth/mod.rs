//! Strong sign-in: WebAuthn ceremonies, sessions, one-time codes, CSRF and rate limits.
//! Nothing here lives in process memory: ceremonies, sessions and counters are rows, so that
//! several instances can share one database.

pub mod ceremony;
pub mod codes;
pub mod csrf;
pub mod rate_limit;
pub mod session;
pub mod webauthn;

pub use session::{CurrentAgent, CurrentPatient, CurrentProfessional, CurrentUser};
