//! The `outbox` table: rows are written inside the transaction of the change that causes them,
//! and claimed by workers one at a time with a lease (`locked_until`), so several app instances
//! sharing one database never send the same row at the same time.
//!
//! All queries are plain diesel and run unchanged on SQLite and PostgreSQL. A claim is a single
//! conditional `UPDATE ... WHERE id = ? AND sent_at IS NULL AND (locked_until IS NULL OR
//! locked_until < now) ...`; whoever changes the one row owns it.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{outbox, participants};
use super::{DbConnection, DbError};

/// A message as it is written to the outbox (the caller has rendered it and picked its id).
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = outbox)]
pub struct NewOutboxMessage<'a> {
    /// The `Message-ID` header (with angle brackets).
    pub message_id: &'a str,
    /// Recipient address.
    pub recipient: &'a str,
    /// Language code.
    pub language: &'a str,
    /// Subject line.
    pub subject: &'a str,
    /// Plain-text body.
    pub body_text: &'a str,
    /// HTML body.
    pub body_html: &'a str,
    /// When it was enqueued.
    pub created_at: NaiveDateTime,
    /// Attempts made so far.
    pub attempts: i32,
    /// Not before this time.
    pub next_attempt_at: NaiveDateTime,
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

/// Writes one message to the outbox.
///
/// # Errors
/// The insert fails.
pub fn insert(conn: &mut DbConnection, message: &NewOutboxMessage<'_>) -> Result<(), DbError> {
    diesel::insert_into(outbox::table)
        .values(message)
        .execute(conn)
        .context("writing an email to the outbox")?;
    Ok(())
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
) -> Result<Vec<i32>, DbError> {
    Ok(outbox::table
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
        .context("finding due outbox messages")?)
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
) -> Result<bool, DbError> {
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
    .execute(conn)
    .with_context(|| format!("claiming outbox message {id}"))?;
    Ok(changed == 1)
}

/// The stored message `id`.
///
/// # Errors
/// The query fails (including when there is no such message).
pub fn find(conn: &mut DbConnection, id: i32) -> Result<OutboxMessage, DbError> {
    Ok(outbox::table
        .find(id)
        .select(OutboxMessage::as_select())
        .first(conn)
        .with_context(|| format!("reading outbox message {id}"))?)
}

/// Every stored message, oldest first (tests and tools).
///
/// # Errors
/// The query fails.
pub fn all(conn: &mut DbConnection) -> Result<Vec<OutboxMessage>, DbError> {
    Ok(outbox::table
        .order(outbox::id.asc())
        .select(OutboxMessage::as_select())
        .load(conn)
        .context("reading the outbox")?)
}

/// Records that the transport accepted message `id` and releases it. Its bodies go: they hold
/// working links (`/me/`, `/confirm/`, `/respond/`, `/checkin/`), which must not sit in the
/// database once delivered; recipient, subject, language and times stay for the record.
///
/// # Errors
/// The update fails.
pub fn mark_sent(conn: &mut DbConnection, id: i32, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(outbox::table.filter(outbox::id.eq(id)))
        .set((
            outbox::body_text.eq(""),
            outbox::body_html.eq(""),
            outbox::sent_at.eq(Some(now)),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)
        .with_context(|| format!("marking outbox message {id} as sent"))?;
    Ok(())
}

/// Records a failed attempt: `attempts` becomes the new count, the next attempt is due at
/// `next_attempt_at`, and the message is released for whichever worker comes next. A message
/// given up on (`given_up`) loses its bodies like a sent one: its links are never delivered.
///
/// # Errors
/// The update fails.
pub fn mark_failed(
    conn: &mut DbConnection,
    id: i32,
    attempts: i32,
    error: &str,
    next_attempt_at: NaiveDateTime,
    given_up: bool,
) -> Result<(), DbError> {
    // Keep the stored error short: it is for people reading a dashboard.
    let error: String = error.chars().take(1000).collect();
    let target = outbox::table.filter(outbox::id.eq(id));
    let changes = (
        outbox::attempts.eq(attempts),
        outbox::last_error.eq(Some(error)),
        outbox::next_attempt_at.eq(next_attempt_at),
        outbox::locked_until.eq(None::<NaiveDateTime>),
    );
    if given_up {
        diesel::update(target)
            .set((changes, outbox::body_text.eq(""), outbox::body_html.eq("")))
            .execute(conn)
    } else {
        diesel::update(target).set(changes).execute(conn)
    }
    .with_context(|| format!("recording a failed attempt of outbox message {id}"))?;
    Ok(())
}

/// How many messages are pending, sent and failed (given up after `max_attempts`).
///
/// # Errors
/// The query fails.
pub fn counts(conn: &mut DbConnection, max_attempts: i32) -> Result<OutboxCounts, DbError> {
    let sent = outbox::table
        .filter(outbox::sent_at.is_not_null())
        .count()
        .get_result(conn)
        .context("counting sent emails")?;
    let failed = outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::attempts.ge(max_attempts))
        .count()
        .get_result(conn)
        .context("counting failed emails")?;
    let pending = outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::attempts.lt(max_attempts))
        .count()
        .get_result(conn)
        .context("counting pending emails")?;
    Ok(OutboxCounts {
        pending,
        sent,
        failed,
    })
}

/// Deletes every message addressed to `recipient`, once nobody left in any programme has that
/// address (call it after deleting the person: the same address may still take part elsewhere,
/// and their mail must not go with it).
///
/// # Errors
/// A failed query.
pub fn forget_recipient(conn: &mut DbConnection, recipient: &str) -> Result<(), DbError> {
    let still_used: Option<i32> = participants::table
        .filter(participants::email.eq(recipient))
        .select(participants::id)
        .first(conn)
        .optional()
        .context("looking for other sign-ups with an address")?;
    if still_used.is_none() {
        diesel::delete(outbox::table.filter(outbox::recipient.eq(recipient)))
            .execute(conn)
            .context("deleting a person's outbox messages")?;
    }
    Ok(())
}

/// The id of the newest message (0 when empty): a mark for [`discard_after`].
///
/// # Errors
/// The query fails.
pub fn last_id(conn: &mut DbConnection) -> Result<i32, DbError> {
    let last: Option<i32> = outbox::table
        .select(diesel::dsl::max(outbox::id))
        .first(conn)
        .context("reading the newest outbox id")?;
    Ok(last.unwrap_or(0))
}

/// Deletes the messages written after the mark `after_id` that have not gone; returns how many.
/// (The demo's simulated history writes emails that were never meant to leave.)
///
/// # Errors
/// The delete fails.
pub fn discard_after(conn: &mut DbConnection, after_id: i32) -> Result<usize, DbError> {
    Ok(diesel::delete(
        outbox::table
            .filter(outbox::id.gt(after_id))
            .filter(outbox::sent_at.is_null()),
    )
    .execute(conn)
    .context("discarding outbox messages")?)
}
