//! Strong sign-in: WebAuthn ceremonies, sessions, one-time codes, CSRF and rate limits.
//! Nothing here lives in process memory: ceremonies, sessions and counters are rows, so that
//! several instances can share one database.

pub mod codes;
pub mod webauthn;
