//! Coordinator browser sessions. The cookie holds a random token; the database holds only its
//! hash (a leaked database does not give working sessions), the session's CSRF token and its
//! expiry.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::coordinator_sessions;
use crate::db::{DbConnection, DbError};
use crate::tokens::{self, Token};

/// Name of the session cookie.
pub const COOKIE: &str = "bm_coordinator";
/// How long a session lasts after login.
pub const LIFETIME_HOURS: i64 = 12;

/// A session just created: the plain token goes into the cookie and nowhere else.
#[derive(Debug)]
pub struct NewSession {
    /// Cookie value.
    pub token: String,
    /// CSRF token for the forms of this session.
    pub csrf_token: String,
    /// When it ends.
    pub expires_at: NaiveDateTime,
}

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

/// Starts a session for an account (and drops that account's expired sessions).
///
/// # Errors
/// A failed insert.
pub fn create(
    conn: &mut DbConnection,
    coordinator_id: i32,
    now: NaiveDateTime,
) -> Result<NewSession, DbError> {
    diesel::delete(
        coordinator_sessions::table
            .filter(coordinator_sessions::coordinator_id.eq(coordinator_id))
            .filter(coordinator_sessions::expires_at.le(now)),
    )
    .execute(conn)?;
    let token = Token::generate();
    let csrf_token = Token::generate().plain;
    let expires_at = now + Duration::hours(LIFETIME_HOURS);
    diesel::insert_into(coordinator_sessions::table)
        .values((
            coordinator_sessions::coordinator_id.eq(coordinator_id),
            coordinator_sessions::token_hash.eq(&token.hash),
            coordinator_sessions::csrf_token.eq(&csrf_token),
            coordinator_sessions::created_at.eq(now),
            coordinator_sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(NewSession {
        token: token.plain,
        csrf_token,
        expires_at,
    })
}

/// The live (not expired) session for a cookie value.
///
/// # Errors
/// A failed query.
pub fn find(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
) -> Result<Option<Session>, DbError> {
    if token.is_empty() || token.len() > 128 {
        return Ok(None);
    }
    Ok(coordinator_sessions::table
        .filter(coordinator_sessions::token_hash.eq(tokens::hash(token)))
        .filter(coordinator_sessions::expires_at.gt(now))
        .select(Session::as_select())
        .first(conn)
        .optional()?)
}

/// Ends a session (logout).
///
/// # Errors
/// A failed delete.
pub fn delete(conn: &mut DbConnection, id: i32) -> Result<(), DbError> {
    diesel::delete(coordinator_sessions::table.find(id)).execute(conn)?;
    Ok(())
}

/// Ends every other session of an account (after a password change).
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
    .execute(conn)?)
}
