//! The outbox table: messages are written here inside the transaction of the change that causes
//! them ([`enqueue`]), so a rolled-back change sends nothing and a committed one always sends.
//! The worker claims rows one at a time with a lease (`locked_until`), so several app instances
//! sharing one database never send the same row at the same time.
//!
//! All queries are plain diesel and run unchanged on SQLite and PostgreSQL. A claim is a single
//! conditional `UPDATE ... WHERE id = ? AND sent_at IS NULL AND (locked_until IS NULL OR
//! locked_until < now) ...`; whoever changes the one row owns it.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rand::RngCore;

use crate::db::schema::outbox;
use crate::db::DbConnection;

/// A message to send, as the code that causes it has rendered it (in the recipient's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEmail {
    /// Recipient address.
    pub to: String,
    /// Language code of the text (`en`, `ar`, ...), sent as `Content-Language`.
    pub language: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// HTML body: a whole document, or a fragment that is wrapped in one at send time.
    pub body_html: String,
}

/// One stored message and its delivery state.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxMessage {
    /// Row id.
    pub id: i32,
    /// The `Message-ID` header (with angle brackets); the same on every attempt.
    pub message_id: String,
    /// Recipient address.
    pub recipient: String,
    /// Language code.
    pub language: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// HTML body.
    pub body_html: String,
    /// When it was enqueued.
    pub created_at: NaiveDateTime,
    /// Attempts made so far (failed ones, plus the successful one).
    pub attempts: i32,
    /// Not before this time.
    pub next_attempt_at: NaiveDateTime,
    /// A worker holds the message until this time.
    pub locked_until: Option<NaiveDateTime>,
    /// When the transport accepted it.
    pub sent_at: Option<NaiveDateTime>,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
}

/// How many messages are in which state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    /// Not sent yet, still being tried.
    pub pending: i64,
    /// Sent.
    pub sent: i64,
    /// Given up on after the maximum number of attempts.
    pub failed: i64,
}

/// Writes `email` to the outbox. Call it with the connection of the transaction that makes the
/// change the email is about: if that transaction rolls back, the email is never sent.
///
/// # Errors
/// The insert fails.
pub fn enqueue(
    conn: &mut DbConnection,
    email: &NewEmail,
    now: NaiveDateTime,
) -> Result<(), diesel::result::Error> {
    diesel::insert_into(outbox::table)
        .values((
            outbox::message_id.eq(new_message_id()),
            outbox::recipient.eq(email.to.trim()),
            outbox::language.eq(&email.language),
            outbox::subject.eq(&email.subject),
            outbox::body_text.eq(&email.body_text),
            outbox::body_html.eq(&email.body_html),
            outbox::created_at.eq(now),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// A globally unique `Message-ID`: 128 random bits.
fn new_message_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("<{}@buddymatch>", hex::encode(bytes))
}

/// Ids of up to `limit` messages due at `now` and not held by a worker, oldest due first.
///
/// # Errors
/// The query fails.
pub fn due_ids(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    max_attempts: i32,
    limit: i64,
) -> Result<Vec<i32>, diesel::result::Error> {
    outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::attempts.lt(max_attempts))
        .filter(outbox::next_attempt_at.le(now))
        .filter(
            outbox::locked_until
                .is_null()
                .or(outbox::locked_until.lt(now)),
        )
        .order((outbox::next_attempt_at.asc(), outbox::id.asc()))
        .select(outbox::id)
        .limit(limit)
        .load(conn)
}

/// Takes message `id` for a worker until `lock_until` if it is still due and free. Returns
/// whether this caller got it (exactly one of several concurrent callers does).
///
/// # Errors
/// The update fails.
pub fn claim(
    conn: &mut DbConnection,
    id: i32,
    now: NaiveDateTime,
    lock_until: NaiveDateTime,
    max_attempts: i32,
) -> Result<bool, diesel::result::Error> {
    let changed = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::sent_at.is_null())
            .filter(outbox::attempts.lt(max_attempts))
            .filter(outbox::next_attempt_at.le(now))
            .filter(
                outbox::locked_until
                    .is_null()
                    .or(outbox::locked_until.lt(now)),
            ),
    )
    .set(outbox::locked_until.eq(Some(lock_until)))
    .execute(conn)?;
    Ok(changed == 1)
}

/// The stored message `id`.
///
/// # Errors
/// The query fails (including `NotFound`).
pub fn find(conn: &mut DbConnection, id: i32) -> Result<OutboxMessage, diesel::result::Error> {
    outbox::table
        .find(id)
        .select(OutboxMessage::as_select())
        .first(conn)
}

/// Every stored message, oldest first (tests and tools).
///
/// # Errors
/// The query fails.
pub fn all(conn: &mut DbConnection) -> Result<Vec<OutboxMessage>, diesel::result::Error> {
    outbox::table
        .order(outbox::id.asc())
        .select(OutboxMessage::as_select())
        .load(conn)
}

/// Records that the transport accepted message `id` and releases it.
///
/// # Errors
/// The update fails.
pub fn mark_sent(
    conn: &mut DbConnection,
    id: i32,
    now: NaiveDateTime,
) -> Result<(), diesel::result::Error> {
    diesel::update(outbox::table.filter(outbox::id.eq(id)))
        .set((
            outbox::sent_at.eq(Some(now)),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records a failed attempt: `attempts` becomes the new count, the next attempt is due at
/// `next_attempt_at`, and the message is released for whichever worker comes next.
///
/// # Errors
/// The update fails.
pub fn mark_failed(
    conn: &mut DbConnection,
    id: i32,
    attempts: i32,
    error: &str,
    next_attempt_at: NaiveDateTime,
) -> Result<(), diesel::result::Error> {
    // Keep the stored error short: it is for people reading a dashboard.
    let error: String = error.chars().take(1000).collect();
    diesel::update(outbox::table.filter(outbox::id.eq(id)))
        .set((
            outbox::attempts.eq(attempts),
            outbox::last_error.eq(Some(error)),
            outbox::next_attempt_at.eq(next_attempt_at),
            outbox::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

/// How many messages are pending, sent and failed (given up after `max_attempts`).
///
/// # Errors
/// The query fails.
pub fn counts(
    conn: &mut DbConnection,
    max_attempts: i32,
) -> Result<OutboxCounts, diesel::result::Error> {
    let sent = outbox::table
        .filter(outbox::sent_at.is_not_null())
        .count()
        .get_result(conn)?;
    let failed = outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::attempts.ge(max_attempts))
        .count()
        .get_result(conn)?;
    let pending = outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::attempts.lt(max_attempts))
        .count()
        .get_result(conn)?;
    Ok(OutboxCounts {
        pending,
        sent,
        failed,
    })
}

/// Delay before attempt `attempts + 1` after `attempts` failed ones: 5 s, 10 s, 20 s, ...
/// doubling, at most one hour.
#[must_use]
pub fn backoff(attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    let seconds = 5i64.saturating_mul(1i64 << exponent);
    Duration::seconds(seconds.min(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(5));
        assert_eq!(backoff(2), Duration::seconds(10));
        assert_eq!(backoff(3), Duration::seconds(20));
        assert_eq!(backoff(10), Duration::seconds(2560));
        assert_eq!(backoff(11), Duration::hours(1));
        assert_eq!(backoff(1000), Duration::hours(1));
        assert_eq!(backoff(0), Duration::seconds(5));
        assert_eq!(backoff(-3), Duration::seconds(5));
    }

    #[test]
    fn message_ids_are_unique_and_well_formed() {
        let a = new_message_id();
        let b = new_message_id();
        assert_ne!(a, b);
        assert!(a.starts_with('<') && a.ends_with("@buddymatch>"));
        assert_eq!(a.len(), "<@buddymatch>".len() + 32);
    }
}
