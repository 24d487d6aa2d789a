//! Rate limits kept in the database (fixed windows), so that every instance counts together.
//! Over the limit, the answer is 429 with `Retry-After`.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, Statement};

use crate::error::AppError;

/// A limit: at most `max` hits per `window_seconds`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// Hits allowed per window.
    pub max: i32,
    /// The window's length.
    pub window_seconds: i64,
}

/// Sign-in ceremonies started, per client address.
pub const SIGN_IN_PER_CLIENT: Limit = Limit { max: 30, window_seconds: 60 };
/// Sign-in answers per credential (a stolen assertion stream, a key hammered by a script).
pub const SIGN_IN_PER_CREDENTIAL: Limit = Limit { max: 20, window_seconds: 60 };
/// Activation attempts per client address.
pub const ACTIVATION_PER_CLIENT: Limit = Limit { max: 10, window_seconds: 60 };
/// Activation attempts per national ID (on top of the lock-out after 5 wrong codes).
pub const ACTIVATION_PER_ID: Limit = Limit { max: 10, window_seconds: 3600 };
/// Enrolment attempts per client address.
pub const ENROLMENT_PER_CLIENT: Limit = Limit { max: 10, window_seconds: 60 };
/// Enrolment attempts per code.
pub const ENROLMENT_PER_CODE: Limit = Limit { max: 5, window_seconds: 3600 };

/// Patient searches per agent (the helpdesk finds one person at a time; a script walking the
/// register is stopped).
pub const AGENCY_SEARCH_PER_AGENT: Limit = Limit { max: 30, window_seconds: 60 };

/// Counts one hit on `key` and refuses it when the window is full.
///
/// # Errors
/// `AppError::RateLimited` with the seconds until the window ends; database errors.
pub async fn hit(
    conn: &impl ConnectionTrait,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let backend = conn.get_database_backend();
    let now_s = now.timestamp();
    let window_floor = now_s - limit.window_seconds;
    // One atomic statement: a new window starts when the old one is over.
    let sql = "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.hits + 1 END,
          window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE rate_limits.window_start END
        RETURNING hits, window_start";
    let sql = crate::db::placeholders(backend, sql);
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [key.into(), now_s.into(), window_floor.into()],
        ))
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("rate limit upsert returned nothing")))?;
    let hits: i32 = row.try_get("", "hits")?;
    let start: i64 = row.try_get("", "window_start")?;
    if hits > limit.max {
        let retry_after = (start + limit.window_seconds - now_s).max(1);
        return Err(AppError::RateLimited(u64::try_from(retry_after).unwrap_or(1)));
    }
    Ok(())
}

/// The hits counted on `key` in its current window, without counting one (for a limit on
/// failures only, checked before an attempt and counted after a failed one with [`hit`]).
///
/// # Errors
/// Database errors.
pub async fn current(
    conn: &impl ConnectionTrait,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    use sea_orm::EntityTrait as _;
    let row = crate::entity::rate_limit::Entity::find_by_id(key.to_owned()).one(conn).await?;
    Ok(row
        .filter(|r| r.window_start > now.timestamp() - limit.window_seconds)
        .map_or(0, |r| r.hits))
}
