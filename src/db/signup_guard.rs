//! The `signup_attempts` and `signup_mails` tables: what the public form's limits count
//! (see [`crate::signup::guard`]). Clients and addresses arrive here already hashed.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::dsl::{exists, not};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text, Timestamp};

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

/// Records an accepted sign-up of `client` for `programme_id`, unless in the window after
/// `after` the client already has `per_client` of them or the programme `per_programme` (0: no
/// limit); true if recorded. The check and the insert are one statement (one round trip).
///
/// # Errors
/// A failed insert.
pub fn record_attempt_within(
    conn: &mut DbConnection,
    programme_id: i32,
    client: &str,
    after: NaiveDateTime,
    (per_client, per_programme): (i64, i64),
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let recent = || {
        signup_attempts::table
            .filter(signup_attempts::at.gt(after))
            .select(signup_attempts::id)
    };
    let mut row = diesel::select((
        programme_id.into_sql::<Integer>(),
        client.into_sql::<Text>(),
        now.into_sql::<Timestamp>(),
    ))
    .into_boxed();
    if per_client > 0 {
        let full = recent()
            .filter(signup_attempts::client.eq(client))
            .offset(per_client - 1)
            .limit(1);
        row = row.filter(not(exists(full)));
    }
    if per_programme > 0 {
        let full = recent()
            .filter(signup_attempts::programme_id.eq(programme_id))
            .offset(per_programme - 1)
            .limit(1);
        row = row.filter(not(exists(full)));
    }
    let inserted = diesel::insert_into(signup_attempts::table)
        .values(row)
        .into_columns((
            signup_attempts::programme_id,
            signup_attempts::client,
            signup_attempts::at,
        ))
        .execute(conn)
        .context("recording a sign-up")?;
    Ok(inserted == 1)
}

/// Records a sign-up email to `address`, unless `limit` of them went there after `after`; true
/// if recorded (and so it may be sent). One statement, as [`record_attempt_within`].
///
/// # Errors
/// A failed insert.
pub fn record_mail_within(
    conn: &mut DbConnection,
    address: &str,
    after: NaiveDateTime,
    limit: i64,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let full = signup_mails::table
        .filter(signup_mails::address.eq(address))
        .filter(signup_mails::at.gt(after))
        .select(signup_mails::id)
        .offset(limit - 1)
        .limit(1);
    let row = diesel::select((address.into_sql::<Text>(), now.into_sql::<Timestamp>()))
        .filter(not(exists(full)));
    let inserted = diesel::insert_into(signup_mails::table)
        .values(row)
        .into_columns((signup_mails::address, signup_mails::at))
        .execute(conn)
        .context("recording a sign-up email")?;
    Ok(inserted == 1)
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
