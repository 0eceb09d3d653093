//! The `signup_attempts` and `signup_mails` tables: what the public form's limits count
//! (see [`crate::signup::guard`]). Clients and addresses arrive here already hashed.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{signup_attempts, signup_mails};
use crate::db::{DbConnection, DbError};

/// Whom a count is about.
#[derive(Debug, Clone, Copy)]
pub enum Counted<'a> {
    /// One client (hashed address).
    Client(&'a str),
    /// One programme.
    Programme(i32),
}

/// When the `nth` latest accepted sign-up of `who` after `after` was (1 = the latest), if there
/// were that many: one row, read off the index, however many there were.
///
/// # Errors
/// A failed query.
pub fn nth_latest_after(
    conn: &mut DbConnection,
    who: Counted<'_>,
    after: NaiveDateTime,
    nth: i64,
) -> Result<Option<NaiveDateTime>, DbError> {
    let recent = signup_attempts::table
        .filter(signup_attempts::at.gt(after))
        .order(signup_attempts::at.desc())
        .offset(nth - 1)
        .limit(1)
        .select(signup_attempts::at);
    Ok(match who {
        Counted::Client(client) => recent
            .filter(signup_attempts::client.eq(client))
            .first(conn)
            .optional(),
        Counted::Programme(id) => recent
            .filter(signup_attempts::programme_id.eq(id))
            .first(conn)
            .optional(),
    }
    .context("reading recent sign-ups")?)
}

/// Records an accepted sign-up.
///
/// # Errors
/// A failed insert.
pub fn record_attempt(
    conn: &mut DbConnection,
    programme_id: i32,
    client: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(signup_attempts::table)
        .values((
            signup_attempts::programme_id.eq(programme_id),
            signup_attempts::client.eq(client),
            signup_attempts::at.eq(now),
        ))
        .execute(conn)
        .context("recording a sign-up")?;
    Ok(())
}

/// How many sign-up emails went to `address` after `after` (counting stops at `limit`).
///
/// # Errors
/// A failed query.
pub fn mails_after(
    conn: &mut DbConnection,
    address: &str,
    after: NaiveDateTime,
    limit: i64,
) -> Result<usize, DbError> {
    let ids: Vec<i32> = signup_mails::table
        .filter(signup_mails::address.eq(address))
        .filter(signup_mails::at.gt(after))
        .limit(limit)
        .select(signup_mails::id)
        .load(conn)
        .context("counting recent sign-up emails")?;
    Ok(ids.len())
}

/// Records a sign-up email sent to `address`.
///
/// # Errors
/// A failed insert.
pub fn record_mail(
    conn: &mut DbConnection,
    address: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(signup_mails::table)
        .values((signup_mails::address.eq(address), signup_mails::at.eq(now)))
        .execute(conn)
        .context("recording a sign-up email")?;
    Ok(())
}

/// Deletes everything from before `cutoff` in both tables; the number of rows deleted.
///
/// # Errors
/// A failed delete.
pub fn forget_before(conn: &mut DbConnection, cutoff: NaiveDateTime) -> Result<usize, DbError> {
    let attempts = diesel::delete(signup_attempts::table.filter(signup_attempts::at.lt(cutoff)))
        .execute(conn)
        .context("dropping old sign-ups")?;
    let mails = diesel::delete(signup_mails::table.filter(signup_mails::at.lt(cutoff)))
        .execute(conn)
        .context("dropping old sign-up email records")?;
    Ok(attempts + mails)
}
