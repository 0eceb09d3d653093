//! Coordinator browser sessions. The cookie holds a random token; the database holds only its
//! hash (a leaked database does not give working sessions), the session's CSRF token and its
//! expiry.

use chrono::{Duration, NaiveDateTime};

use crate::db::accounts::sessions::{self as store, NewSessionRow};
pub use crate::db::accounts::sessions::{delete, delete_others, Session};
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

/// Starts a session for an account (and drops that account's expired sessions).
///
/// # Errors
/// A failed insert.
pub fn create(
    conn: &mut DbConnection,
    coordinator_id: i32,
    now: NaiveDateTime,
) -> Result<NewSession, DbError> {
    store::delete_expired(conn, coordinator_id, now)?;
    let token = Token::generate();
    let csrf_token = Token::generate().plain;
    let expires_at = now + Duration::hours(LIFETIME_HOURS);
    store::insert(
        conn,
        &NewSessionRow {
            coordinator_id,
            token_hash: &token.hash,
            csrf_token: &csrf_token,
            created_at: now,
            expires_at,
        },
    )?;
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
    store::find_live(conn, &tokens::hash(token), now)
}
