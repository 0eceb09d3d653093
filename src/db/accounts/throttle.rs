//! The `login_attempts` table: every real login attempt, by (normalised) email and by client
//! (hashed address).

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::login_attempts;
use crate::db::{DbConnection, DbError};

/// Whose attempts a query is about.
#[derive(Debug, Clone, Copy)]
pub enum Attempts<'a> {
    /// One client trying one account.
    ClientAndEmail(&'a str, &'a str),
    /// One client, any account.
    Client(&'a str),
}

/// When `client`'s last successful login as `email` after `after` was, if any.
///
/// # Errors
/// A failed query.
pub fn last_success_after(
    conn: &mut DbConnection,
    client: &str,
    email: &str,
    after: NaiveDateTime,
) -> Result<Option<NaiveDateTime>, DbError> {
    Ok(login_attempts::table
        .filter(login_attempts::succeeded.eq(true))
        .filter(login_attempts::at.gt(after))
        .filter(login_attempts::email.eq(email))
        .filter(login_attempts::client.eq(client))
        .select(diesel::dsl::max(login_attempts::at))
        .first(conn)
        .context("reading the last successful login")?)
}

/// When the latest (at most `limit`) failed logins of `who` after `after` were, newest first.
///
/// # Errors
/// A failed query.
pub fn failures_after(
    conn: &mut DbConnection,
    who: Attempts<'_>,
    after: NaiveDateTime,
    limit: i64,
) -> Result<Vec<NaiveDateTime>, DbError> {
    let query = login_attempts::table
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::at.gt(after))
        .order(login_attempts::at.desc())
        .limit(limit)
        .select(login_attempts::at);
    Ok(match who {
        Attempts::ClientAndEmail(client, email) => query
            .filter(login_attempts::email.eq(email))
            .filter(login_attempts::client.eq(client))
            .load(conn),
        Attempts::Client(client) => query.filter(login_attempts::client.eq(client)).load(conn),
    }
    .context("reading recent failed logins")?)
}

/// Records an attempt.
///
/// # Errors
/// A failed insert.
pub fn insert(
    conn: &mut DbConnection,
    client: &str,
    email: &str,
    succeeded: bool,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::email.eq(email),
            login_attempts::client.eq(client),
            login_attempts::succeeded.eq(succeeded),
            login_attempts::at.eq(now),
        ))
        .execute(conn)
        .context("recording a login attempt")?;
    Ok(())
}

/// Deletes the attempts made before `cutoff`.
///
/// # Errors
/// A failed delete.
pub fn delete_before(conn: &mut DbConnection, cutoff: NaiveDateTime) -> Result<(), DbError> {
    diesel::delete(login_attempts::table.filter(login_attempts::at.lt(cutoff)))
        .execute(conn)
        .context("dropping old login attempts")?;
    Ok(())
}
