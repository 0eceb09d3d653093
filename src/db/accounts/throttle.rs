//! The `login_attempts` table: every real login attempt per (normalised) email.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::login_attempts;
use crate::db::{DbConnection, DbError};

/// When the last successful login for `email` after `after` was, if any.
///
/// # Errors
/// A failed query.
pub fn last_success_after(
    conn: &mut DbConnection,
    email: &str,
    after: NaiveDateTime,
) -> Result<Option<NaiveDateTime>, DbError> {
    Ok(login_attempts::table
        .filter(login_attempts::email.eq(email))
        .filter(login_attempts::succeeded.eq(true))
        .filter(login_attempts::at.gt(after))
        .select(diesel::dsl::max(login_attempts::at))
        .first(conn)
        .context("reading the last successful login")?)
}

/// When the latest (at most `limit`) failed logins for `email` after `after` were, newest first.
///
/// # Errors
/// A failed query.
pub fn failures_after(
    conn: &mut DbConnection,
    email: &str,
    after: NaiveDateTime,
    limit: i64,
) -> Result<Vec<NaiveDateTime>, DbError> {
    Ok(login_attempts::table
        .filter(login_attempts::email.eq(email))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::at.gt(after))
        .order(login_attempts::at.desc())
        .limit(limit)
        .select(login_attempts::at)
        .load(conn)
        .context("reading recent failed logins")?)
}

/// Records an attempt.
///
/// # Errors
/// A failed insert.
pub fn insert(
    conn: &mut DbConnection,
    email: &str,
    succeeded: bool,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::email.eq(email),
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
