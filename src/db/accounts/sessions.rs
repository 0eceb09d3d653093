//! The `coordinator_sessions` table: a session's token hash (never the token), its CSRF token
//! and its expiry.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::coordinator_sessions;
use crate::db::{DbConnection, DbError};

/// A live session.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = coordinator_sessions)]
pub struct Session {
    /// Id.
    pub id: i32,
    /// Whose.
    pub coordinator_id: i32,
    /// CSRF token every form of this session must carry.
    pub csrf_token: String,
    /// When it ends.
    pub expires_at: NaiveDateTime,
}

/// A session to store.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = coordinator_sessions)]
#[diesel(treat_none_as_default_value = false)]
pub struct NewSessionRow<'a> {
    /// Whose.
    pub coordinator_id: i32,
    /// SHA-256 hash of the cookie's token.
    pub token_hash: &'a str,
    /// CSRF token of the session.
    pub csrf_token: &'a str,
    /// Started.
    pub created_at: NaiveDateTime,
    /// When it ends.
    pub expires_at: NaiveDateTime,
}

/// Deletes an account's sessions that ended by `now`.
///
/// # Errors
/// A failed delete.
pub fn delete_expired(
    conn: &mut DbConnection,
    coordinator_id: i32,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::delete(
        coordinator_sessions::table
            .filter(coordinator_sessions::coordinator_id.eq(coordinator_id))
            .filter(coordinator_sessions::expires_at.le(now)),
    )
    .execute(conn)
    .with_context(|| format!("dropping the expired sessions of coordinator {coordinator_id}"))?;
    Ok(())
}

/// Stores a session.
///
/// # Errors
/// A failed insert.
pub fn insert(conn: &mut DbConnection, session: &NewSessionRow<'_>) -> Result<(), DbError> {
    diesel::insert_into(coordinator_sessions::table)
        .values(session)
        .execute(conn)
        .context("storing a session")?;
    Ok(())
}

/// The session with this token hash that has not ended at `now`.
///
/// # Errors
/// A failed query.
pub fn find_live(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<Session>, DbError> {
    Ok(coordinator_sessions::table
        .filter(coordinator_sessions::token_hash.eq(token_hash))
        .filter(coordinator_sessions::expires_at.gt(now))
        .select(Session::as_select())
        .first(conn)
        .optional()
        .context("looking up a session")?)
}

/// Ends a session (logout).
///
/// # Errors
/// A failed delete.
pub fn delete(conn: &mut DbConnection, id: i32) -> Result<(), DbError> {
    diesel::delete(coordinator_sessions::table.find(id))
        .execute(conn)
        .with_context(|| format!("ending session {id}"))?;
    Ok(())
}

/// Ends every other session of an account (after a password change); returns how many.
///
/// # Errors
/// A failed delete.
pub fn delete_others(
    conn: &mut DbConnection,
    coordinator_id: i32,
    keep_id: i32,
) -> Result<usize, DbError> {
    Ok(diesel::delete(
        coordinator_sessions::table
            .filter(coordinator_sessions::coordinator_id.eq(coordinator_id))
            .filter(coordinator_sessions::id.ne(keep_id)),
    )
    .execute(conn)
    .with_context(|| format!("ending the other sessions of coordinator {coordinator_id}"))?)
}
