//! Slowing down password guessing without letting anyone lock an account. Every real login
//! attempt is recorded with the email typed (lower case) and the client it came from (hashed,
//! see [`crate::routes::client`]). Two counts of failures, each answered with a growing wait
//! rather than a lock:
//!
//! - **one client trying one account**: failures since that client's last success with it, in
//!   the last day; from the [`FREE_PER_ACCOUNT`]th on, the next try waits [`FIRST_DELAY_SECONDS`]
//!   after the latest failure, doubling with each further failure up to [`MAX_DELAY_SECONDS`];
//! - **one client trying many accounts** (spraying): its failures in the last hour, from the
//!   [`FREE_PER_CLIENT`]th on, the same growing wait.
//!
//! The owner signing in from their own device is never slowed by someone else's failures.
//! Refused attempts are neither checked against the password nor recorded, so an attacker who
//! keeps trying does not push the wait further out.

use chrono::{Duration, NaiveDateTime};

use crate::db::accounts::throttle::{self as store, Attempts};
use crate::db::{DbConnection, DbError};

/// Failures of one client with one account before it has to wait.
pub const FREE_PER_ACCOUNT: usize = 5;
/// Failures of one client, any account, in an hour before it has to wait.
pub const FREE_PER_CLIENT: usize = 20;
/// The first wait, in seconds; each further failure doubles it.
pub const FIRST_DELAY_SECONDS: i64 = 15;
/// The longest wait, in seconds.
pub const MAX_DELAY_SECONDS: i64 = 15 * 60;

/// Whether a login may be tried now.
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

/// The wait after `failures` failures (newest first), `free` of them without one.
fn wait_until(failures: &[NaiveDateTime], free: usize) -> Option<NaiveDateTime> {
    let over = failures.len().checked_sub(free)?;
    let doublings = u32::try_from(over).unwrap_or(u32::MAX).min(16);
    let seconds = FIRST_DELAY_SECONDS
        .saturating_mul(1_i64 << doublings)
        .min(MAX_DELAY_SECONDS);
    failures
        .first()
        .map(|latest| *latest + Duration::seconds(seconds))
}

/// Whether `client` may try to log in as `email` at `now`.
///
/// # Errors
/// A failed query.
pub fn check(
    conn: &mut DbConnection,
    client: &str,
    email: &str,
    now: NaiveDateTime,
) -> Result<Verdict, DbError> {
    let email = key(email);
    // Enough failures to reach the longest wait; older ones change nothing.
    let enough = |free: usize| i64::try_from(free + 17).unwrap_or(i64::MAX);

    let day_ago = now - Duration::days(1);
    let pair = Attempts::ClientAndEmail(client, &email);
    let since = store::last_success_after(conn, client, &email, day_ago)?
        .map_or(day_ago, |s| s.max(day_ago));
    let by_pair = store::failures_after(conn, pair, since, enough(FREE_PER_ACCOUNT))?;

    let hour_ago = now - Duration::hours(1);
    let by_client = store::failures_after(
        conn,
        Attempts::Client(client),
        hour_ago,
        enough(FREE_PER_CLIENT),
    )?;

    let retry_at =
        wait_until(&by_pair, FREE_PER_ACCOUNT).max(wait_until(&by_client, FREE_PER_CLIENT));
    Ok(match retry_at {
        Some(retry_at) if retry_at > now => Verdict::Throttled { retry_at },
        _ => Verdict::Allowed,
    })
}

/// Records an attempt.
///
/// # Errors
/// A failed insert.
pub fn record(
    conn: &mut DbConnection,
    client: &str,
    email: &str,
    succeeded: bool,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    store::insert(conn, client, &key(email), succeeded, now)?;
    // Keep the table small: attempts older than a day no longer matter.
    store::delete_before(conn, now - Duration::days(1))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + seconds, 0)
            .expect("valid")
            .naive_utc()
    }

    #[test]
    fn the_wait_starts_after_the_free_failures_and_doubles_up_to_the_cap() {
        let failures = |n: usize| (0..n).rev().map(|i| at(i as i64)).collect::<Vec<_>>();
        assert_eq!(wait_until(&failures(4), 5), None);
        let latest = |n: usize| at(n as i64 - 1);
        assert_eq!(
            wait_until(&failures(5), 5),
            Some(latest(5) + Duration::seconds(15))
        );
        assert_eq!(
            wait_until(&failures(6), 5),
            Some(latest(6) + Duration::seconds(30))
        );
        assert_eq!(
            wait_until(&failures(7), 5),
            Some(latest(7) + Duration::seconds(60))
        );
        assert_eq!(
            wait_until(&failures(40), 5),
            Some(latest(40) + Duration::seconds(MAX_DELAY_SECONDS))
        );
    }
}
