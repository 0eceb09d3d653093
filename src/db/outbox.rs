//! The `outbox` table: rows are written inside the transaction of the change that causes them,
//! and claimed by workers in batches with a lease (`locked_until`) and the batch's token
//! (`claimed_by`), so several app instances sharing one database never send the same row at the
//! same time.
//!
//! A claim takes the oldest due rows not held by anyone in one transaction; on PostgreSQL they
//! are read `FOR UPDATE SKIP LOCKED`, so concurrent claims take disjoint rows without waiting for
//! each other. Renewing, releasing and recording a
//! failure touch only rows the batch's token still holds.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{outbox, participants};
use super::{DbConnection, DbError};

/// A message as it is written to the outbox (the caller has rendered it and picked its id).
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = outbox)]
#[diesel(treat_none_as_default_value = false)]
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

/// The ids of up to `$limit` messages due at `$now` and not held by a worker, oldest due first.
macro_rules! due_ids {
    ($now:expr, $max_attempts:expr, $limit:expr) => {
        outbox::table
            .filter(outbox::sent_at.is_null())
            .filter(outbox::attempts.lt($max_attempts))
            .filter(outbox::next_attempt_at.le($now))
            .filter(
                outbox::locked_until
                    .is_null()
                    .or(outbox::locked_until.lt($now)),
            )
            .order((outbox::next_attempt_at.asc(), outbox::id.asc()))
            .select(outbox::id)
            .limit($limit)
    };
}

/// Takes up to `limit` messages that are due at `now` and not held by a worker, for the batch
/// `token` until `lock_until`; returns them oldest due first. Call it in a transaction:
/// concurrent callers get disjoint batches. On PostgreSQL the due rows are read `FOR UPDATE SKIP
/// LOCKED` (a row another claim is taking is passed over, not waited for), then taken. On SQLite
/// it is one `UPDATE ... WHERE id IN (SELECT ...)`: a statement that writes takes the database's
/// write lock before it reads, so it waits for another process's writer instead of failing on a
/// stale read ("database is locked"), as a read followed by a write would.
///
/// # Errors
/// A query fails.
pub fn claim_batch(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    lock_until: NaiveDateTime,
    max_attempts: i32,
    limit: i64,
    token: &str,
) -> Result<Vec<OutboxMessage>, DbError> {
    use diesel::sql_types::{BigInt, Integer, Text, Timestamp};
    match conn {
        DbConnection::Postgresql(c) => {
            let ids: Vec<i32> = due_ids!(now, max_attempts, limit)
                .for_update()
                .skip_locked()
                .load(c)
                .context("finding due outbox messages")?;
            diesel::update(outbox::table.filter(outbox::id.eq_any(ids)))
                .set((
                    outbox::locked_until.eq(Some(lock_until)),
                    outbox::claimed_by.eq(Some(token)),
                ))
                .execute(c)
        }
        DbConnection::Sqlite(c) => diesel::sql_query(
            "UPDATE outbox SET locked_until = ?, claimed_by = ? WHERE id IN ( \
               SELECT id FROM outbox WHERE sent_at IS NULL AND attempts < ? \
                 AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?) \
               ORDER BY next_attempt_at, id LIMIT ?)",
        )
        .bind::<Timestamp, _>(lock_until)
        .bind::<Text, _>(token)
        .bind::<Integer, _>(max_attempts)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(now)
        .bind::<BigInt, _>(limit)
        .execute(c),
    }
    .context("claiming due outbox messages")?;
    Ok(outbox::table
        .filter(outbox::claimed_by.eq(token))
        .filter(outbox::sent_at.is_null())
        .order((outbox::next_attempt_at.asc(), outbox::id.asc()))
        .select(OutboxMessage::as_select())
        .load(conn)
        .context("reading claimed outbox messages")?)
}

/// Extends the lease of the messages the batch `token` still holds (not sent, not released) to
/// `lock_until`; returns how many it holds.
///
/// # Errors
/// The update fails.
pub fn renew(
    conn: &mut DbConnection,
    token: &str,
    lock_until: NaiveDateTime,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        outbox::table
            .filter(outbox::claimed_by.eq(token))
            .filter(outbox::sent_at.is_null()),
    )
    .set(outbox::locked_until.eq(Some(lock_until)))
    .execute(conn)
    .context("renewing the lease of outbox messages")?)
}

/// Gives messages `ids` of the batch `token` back unattempted (the worker is stopping), so the
/// next worker need not wait for the lease.
///
/// # Errors
/// The update fails.
pub fn release(conn: &mut DbConnection, token: &str, ids: &[i32]) -> Result<usize, DbError> {
    Ok(diesel::update(
        outbox::table
            .filter(outbox::id.eq_any(ids))
            .filter(outbox::claimed_by.eq(token))
            .filter(outbox::sent_at.is_null()),
    )
    .set((
        outbox::locked_until.eq(None::<NaiveDateTime>),
        outbox::claimed_by.eq(None::<String>),
    ))
    .execute(conn)
    .context("releasing outbox messages")?)
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

/// The Message-IDs of the unsent messages held by batches of the process `pid` (a batch's
/// token starts with its process id), for tests and for looking into a stuck instance.
///
/// # Errors
/// The query fails.
pub fn held_by_process(
    conn: &mut DbConnection,
    pid: u32,
) -> Result<std::collections::HashSet<String>, DbError> {
    let ids: Vec<String> = outbox::table
        .filter(outbox::claimed_by.like(format!("{pid}-%")))
        .filter(outbox::sent_at.is_null())
        .select(outbox::message_id)
        .load(conn)
        .context("reading the messages a process holds")?;
    Ok(ids.into_iter().collect())
}

/// Records that the transport accepted messages `ids` and releases them. Their bodies go: they
/// hold working links (`/me/`, `/confirm/`, `/respond/`, `/checkin/`), which must not sit in the
/// database once delivered; recipient, subject, language and times stay for the record. A
/// message already marked sent (by a worker that took it over after this one's lease ran out)
/// is left as it is, so its attempts stay counted once.
///
/// # Errors
/// The update fails.
pub fn mark_sent(conn: &mut DbConnection, ids: &[i32], now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq_any(ids))
            .filter(outbox::sent_at.is_null()),
    )
    .set((
        outbox::body_text.eq(""),
        outbox::body_html.eq(""),
        outbox::sent_at.eq(Some(now)),
        outbox::attempts.eq(outbox::attempts + 1),
        outbox::locked_until.eq(None::<NaiveDateTime>),
        outbox::claimed_by.eq(None::<String>),
        outbox::last_error.eq(None::<String>),
    ))
    .execute(conn)
    .with_context(|| format!("marking {} outbox messages as sent", ids.len()))?;
    Ok(())
}

/// A failed attempt to record with [`mark_failed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedAttempt {
    /// The message.
    pub id: i32,
    /// Attempts made, this one included.
    pub attempts: i32,
    /// Why it failed.
    pub error: String,
    /// When to try again.
    pub next_attempt_at: NaiveDateTime,
    /// No further attempt will be made.
    pub given_up: bool,
}

/// Records a failed attempt of a message the batch `token` holds: its attempt count, error and
/// next attempt, and releases it for whichever worker comes next. A message given up on loses
/// its bodies like a sent one: its links are never delivered. Nothing changes if the batch no
/// longer holds the message.
///
/// # Errors
/// The update fails.
pub fn mark_failed(
    conn: &mut DbConnection,
    token: &str,
    failed: &FailedAttempt,
) -> Result<(), DbError> {
    let id = failed.id;
    // Keep the stored error short: it is for people reading a dashboard.
    let error: String = failed.error.chars().take(1000).collect();
    let target = outbox::table
        .filter(outbox::id.eq(id))
        .filter(outbox::claimed_by.eq(token))
        .filter(outbox::sent_at.is_null());
    let changes = (
        outbox::attempts.eq(failed.attempts),
        outbox::last_error.eq(Some(error)),
        outbox::next_attempt_at.eq(failed.next_attempt_at),
        outbox::locked_until.eq(None::<NaiveDateTime>),
        outbox::claimed_by.eq(None::<String>),
    );
    if failed.given_up {
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
