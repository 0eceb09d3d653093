//! Slowing down password guessing. Every real login attempt is recorded per email (lower case).
//! From the [`MAX_FAILURES`]th failure within [`WINDOW_MINUTES`] minutes (counting only failures
//! after the last success), logins for that email are refused until enough of those failures are
//! older than the window. Refused attempts are not checked against the password and not recorded,
//! so a locked-out owner is not kept out longer by an attacker's further tries than by the
//! window itself.

use chrono::{Duration, NaiveDateTime};

use crate::db::accounts::throttle as store;
use crate::db::{DbConnection, DbError};

/// Failures that trigger the slow-down.
pub const MAX_FAILURES: usize = 5;
/// The window, in minutes.
pub const WINDOW_MINUTES: i64 = 15;

/// Whether a login for an email may be tried now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Check the password.
    Allowed,
    /// Refuse until this time.
    Throttled {
        /// When a new attempt will be accepted.
        retry_at: NaiveDateTime,
    },
}

/// The normalised key for an email as typed (the throttle applies to unknown emails too).
#[must_use]
pub fn key(email: &str) -> String {
    email.trim().to_lowercase().chars().take(254).collect()
}

/// Whether `email` may try to log in at `now`.
///
/// # Errors
/// A failed query.
pub fn check(conn: &mut DbConnection, email: &str, now: NaiveDateTime) -> Result<Verdict, DbError> {
    let email = key(email);
    let window_start = now - Duration::minutes(WINDOW_MINUTES);
    let last_success = store::last_success_after(conn, &email, window_start)?;
    let since = last_success.map_or(window_start, |s| s.max(window_start));
    let failures = store::failures_after(
        conn,
        &email,
        since,
        i64::try_from(MAX_FAILURES).unwrap_or(5),
    )?;
    Ok(match failures.get(MAX_FAILURES - 1) {
        Some(oldest) => Verdict::Throttled {
            retry_at: *oldest + Duration::minutes(WINDOW_MINUTES),
        },
        None => Verdict::Allowed,
    })
}

/// Records an attempt.
///
/// # Errors
/// A failed insert.
pub fn record(
    conn: &mut DbConnection,
    email: &str,
    succeeded: bool,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    store::insert(conn, &key(email), succeeded, now)?;
    // Keep the table small: attempts older than a day no longer matter.
    store::delete_before(conn, now - Duration::days(1))?;
    Ok(())
}
