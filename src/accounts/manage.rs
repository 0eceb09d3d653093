//! Small additions to the account storage of `crate::accounts::store` that the coordinator pages
//! need: an account by id, changing a password hash, reassigning programmes, listing accounts.
//! Accounts themselves are created with `crate::accounts::store::create_coordinator`.

use diesel::prelude::*;

use crate::accounts::store::{self, AccountError, Coordinator};
use crate::db::schema::{coordinator_programmes, coordinators};
use crate::db::{DbConnection, DbError};
use crate::domain::Email;

/// The account with this id.
///
/// # Errors
/// A failed query or a stored email that no longer parses.
pub fn find_by_id(conn: &mut DbConnection, id: i32) -> Result<Option<Coordinator>, AccountError> {
    let email: Option<String> = coordinators::table
        .find(id)
        .select(coordinators::email)
        .first(conn)
        .optional()?;
    let Some(email) = email else {
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
    let ids: Vec<i32> = coordinators::table
        .order(coordinators::email.asc())
        .select(coordinators::id)
        .load(conn)?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(c) = find_by_id(conn, id)? {
            out.push(c);
        }
    }
    Ok(out)
}

/// How many accounts exist.
///
/// # Errors
/// A failed query.
pub fn count(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(coordinators::table.count().get_result(conn)?)
}

/// Replaces an account's password hash (an argon2id PHC string from
/// `crate::accounts::hash_password`).
///
/// # Errors
/// A failed update.
pub fn set_password_hash(conn: &mut DbConnection, id: i32, hash: &str) -> Result<(), DbError> {
    diesel::update(coordinators::table.find(id))
        .set(coordinators::password_hash.eq(hash))
        .execute(conn)?;
    Ok(())
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
    diesel::delete(
        coordinator_programmes::table.filter(coordinator_programmes::coordinator_id.eq(id)),
    )
    .execute(conn)?;
    let mut ids = programme_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for programme_id in ids {
        diesel::insert_into(coordinator_programmes::table)
            .values((
                coordinator_programmes::coordinator_id.eq(id),
                coordinator_programmes::programme_id.eq(programme_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}
