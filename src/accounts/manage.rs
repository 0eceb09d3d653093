//! Small additions to the account storage of `crate::accounts::store` that the coordinator pages
//! need: an account by id, changing a password hash, reassigning programmes, listing accounts.
//! Accounts themselves are created with `crate::accounts::store::create_coordinator`.

use crate::accounts::store::{self, AccountError, Coordinator};
use crate::db::accounts as rows;
pub use crate::db::accounts::{count, set_password_hash};
use crate::db::{DbConnection, DbError};
use crate::domain::Email;

/// The account with this id.
///
/// # Errors
/// A failed query or a stored email that no longer parses.
pub fn find_by_id(conn: &mut DbConnection, id: i32) -> Result<Option<Coordinator>, AccountError> {
    let Some(email) = rows::email_by_id(conn, id)? else {
        return Ok(None);
    };
    let email = Email::parse(&email).map_err(|code| {
        DbError::Unexpected(anyhow::anyhow!("coordinator {id}: stored email is {code}"))
    })?;
    store::find_by_email(conn, &email)
}

/// Every account, by email.
///
/// # Errors
/// A failed query.
pub fn list(conn: &mut DbConnection) -> Result<Vec<Coordinator>, AccountError> {
    let ids = rows::ids_by_email(conn)?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(c) = find_by_id(conn, id)? {
            out.push(c);
        }
    }
    Ok(out)
}

/// Links an account to exactly these programmes.
///
/// # Errors
/// A failed query (e.g. a programme id that does not exist).
pub fn set_programmes(
    conn: &mut DbConnection,
    id: i32,
    programme_ids: &[i32],
) -> Result<(), DbError> {
    rows::unlink_programmes(conn, id)?;
    let mut ids = programme_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for programme_id in ids {
        rows::link_programme(conn, id, programme_id)?;
    }
    Ok(())
}
