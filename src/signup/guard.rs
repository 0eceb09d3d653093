//! Keeping the public sign-up form from being a way to send mail to strangers. Everything is
//! counted in the database, so the limits hold across app instances:
//!
//! - sign-ups accepted per client address and per programme in an hour
//!   ([`SignupLimits`]); over either, the form is answered with 429 and when to try again;
//! - sign-up emails (confirmation, "already signed up") per recipient address in a day
//!   ([`MAILS_PER_ADDRESS_PER_DAY`]); over it, the sign-up is stored but no email goes out, and
//!   the browser sees the usual thank-you page (it must not learn who is signed up).
//!
//! Refused sign-ups are not counted, so a client that keeps trying is kept out no longer than
//! the window. Clients and addresses are stored hashed and forgotten after a day. Two instances
//! admitting the same client in the same instant may each let one more through; the limits
//! are a brake on floods, not an exact quota.

use chrono::{Duration, NaiveDateTime};
use sha2::{Digest, Sha256};

use crate::db::signup_guard::{self as store, Counted};
use crate::db::{DbConnection, DbError};
use crate::domain::Email;
use crate::settings::SignupLimits;

/// The window the sign-up limits count in.
pub const WINDOW_MINUTES: i64 = 60;
/// Sign-up emails one address receives in a day, at most (as for personal-link requests).
pub const MAILS_PER_ADDRESS_PER_DAY: usize = 5;

/// Whether a sign-up may be taken now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Take it (and it has been counted).
    Admitted,
    /// Too many just now; a new one is taken from this time.
    TooMany {
        /// When to try again.
        retry_at: NaiveDateTime,
    },
}

/// When `who` may sign someone up again, if `limit` is reached in the window (0: no limit).
fn full_until(
    conn: &mut DbConnection,
    who: Counted<'_>,
    limit: u32,
    now: NaiveDateTime,
) -> Result<Option<NaiveDateTime>, DbError> {
    if limit == 0 {
        return Ok(None);
    }
    let window = Duration::minutes(WINDOW_MINUTES);
    // The `limit`-th latest in the window leaves it first among the latest `limit`.
    let nth = store::nth_latest_after(conn, who, now - window, i64::from(limit))?;
    Ok(nth.map(|at| at + window))
}

/// Counts a sign-up from `client` for `programme_id`, unless either is over its limit.
///
/// # Errors
/// Storage failures.
pub fn admit(
    conn: &mut DbConnection,
    programme_id: i32,
    client: &str,
    limits: &SignupLimits,
    now: NaiveDateTime,
) -> Result<Admission, DbError> {
    let limits_now = (
        i64::from(limits.per_client_per_hour),
        i64::from(limits.per_programme_per_hour),
    );
    let window_start = now - Duration::minutes(WINDOW_MINUTES);
    if store::record_attempt_within(conn, programme_id, client, window_start, limits_now, now)? {
        return Ok(Admission::Admitted);
    }
    // Refused (rare): when does a place free up?
    let by_client = full_until(
        conn,
        Counted::Client(client),
        limits.per_client_per_hour,
        now,
    )?;
    let by_programme = full_until(
        conn,
        Counted::Programme(programme_id),
        limits.per_programme_per_hour,
        now,
    )?;
    let retry_at = by_client
        .max(by_programme)
        .unwrap_or(now + Duration::minutes(1));
    Ok(Admission::TooMany { retry_at })
}

fn address_key(address: &Email) -> String {
    // `Email` is lower case already: one person, one key.
    let digest = Sha256::digest(format!("buddymatch-address:{}", address.as_str()));
    hex::encode(&digest[..16])
}

/// Whether one more sign-up email may go to `address` today; if so, it is counted.
///
/// # Errors
/// Storage failures.
pub fn may_mail(
    conn: &mut DbConnection,
    address: &Email,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let key = address_key(address);
    let limit = i64::try_from(MAILS_PER_ADDRESS_PER_DAY).unwrap_or(5);
    store::record_mail_within(conn, &key, now - Duration::days(1), limit, now)
}

/// Forgets counts older than a day (the housekeeping pass); the number of rows deleted.
///
/// # Errors
/// Storage failures.
pub fn forget_old(conn: &mut DbConnection, now: NaiveDateTime) -> Result<usize, DbError> {
    store::forget_before(conn, now - Duration::days(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_counted_case_blind_and_hashed() {
        let a = Email::parse("Amal@Example.org").expect("valid");
        let b = Email::parse("amal@example.org").expect("valid");
        assert_eq!(address_key(&a), address_key(&b));
        assert!(!address_key(&a).contains("amal"));
    }
}
