//! Coordinator accounts, the programmes each reaches, their API tokens (stored as hashes only)
//! and the first-start setup check. The rules (roles, who may do what) live in
//! `crate::accounts`.

pub mod sessions;
pub mod throttle;

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{api_tokens, audit_log, coordinator_programmes, coordinators, programmes};
use super::{DbConnection, DbError};
use crate::accounts::store::CoordinatorRole;

/// An account row as stored (the role as its stored code).
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct AccountRow {
    /// Id.
    pub id: i32,
    /// Email, lower case.
    pub email: String,
    /// Role code.
    pub role: String,
}

/// The ids of the programmes an account is linked to, ascending.
///
/// # Errors
/// A failed query.
pub fn programme_ids(conn: &mut DbConnection, coordinator_id: i32) -> Result<Vec<i32>, DbError> {
    Ok(coordinator_programmes::table
        .filter(coordinator_programmes::coordinator_id.eq(coordinator_id))
        .order(coordinator_programmes::programme_id.asc())
        .select(coordinator_programmes::programme_id)
        .load(conn)
        .with_context(|| format!("reading the programmes of coordinator {coordinator_id}"))?)
}

/// The id of the programme with this slug.
///
/// # Errors
/// A failed query.
pub fn programme_id_by_slug(conn: &mut DbConnection, slug: &str) -> Result<Option<i32>, DbError> {
    Ok(programmes::table
        .filter(programmes::slug.eq(slug))
        .select(programmes::id)
        .first(conn)
        .optional()
        .with_context(|| format!("looking up the programme `{slug}`"))?)
}

/// The account with this (lower-case) email.
///
/// # Errors
/// A failed query.
pub fn find_by_email(conn: &mut DbConnection, email: &str) -> Result<Option<AccountRow>, DbError> {
    Ok(coordinators::table
        .filter(coordinators::email.eq(email))
        .select((coordinators::id, coordinators::email, coordinators::role))
        .first(conn)
        .optional()
        .context("looking up a coordinator by email")?)
}

/// The email of the account with this id.
///
/// # Errors
/// A failed query.
pub fn email_by_id(conn: &mut DbConnection, id: i32) -> Result<Option<String>, DbError> {
    Ok(coordinators::table
        .find(id)
        .select(coordinators::email)
        .first(conn)
        .optional()
        .with_context(|| format!("reading coordinator {id}"))?)
}

/// Who hears about a programme's concerns: the emails of the accounts linked to it, or, when
/// none is, of the admins (a concern must always reach someone). Sorted, without repeats.
///
/// # Errors
/// A failed query.
pub fn programme_contact_emails(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<Vec<String>, DbError> {
    let linked: Vec<String> = coordinators::table
        .inner_join(coordinator_programmes::table)
        .filter(coordinator_programmes::programme_id.eq(programme_id))
        .select(coordinators::email)
        .distinct()
        .order(coordinators::email.asc())
        .load(conn)
        .with_context(|| format!("reading the coordinators of programme {programme_id}"))?;
    if !linked.is_empty() {
        return Ok(linked);
    }
    Ok(coordinators::table
        .filter(coordinators::role.eq(CoordinatorRole::Admin.code()))
        .select(coordinators::email)
        .order(coordinators::email.asc())
        .load(conn)
        .context("reading the admins' emails")?)
}

/// The stored password hash of the account with this email.
///
/// # Errors
/// A failed query.
pub fn password_hash_by_email(
    conn: &mut DbConnection,
    email: &str,
) -> Result<Option<String>, DbError> {
    Ok(coordinators::table
        .filter(coordinators::email.eq(email))
        .select(coordinators::password_hash)
        .first(conn)
        .optional()
        .context("reading a coordinator's password hash")?)
}

/// Every account id, by email.
///
/// # Errors
/// A failed query.
pub fn ids_by_email(conn: &mut DbConnection) -> Result<Vec<i32>, DbError> {
    Ok(coordinators::table
        .order(coordinators::email.asc())
        .select(coordinators::id)
        .load(conn)
        .context("listing coordinators")?)
}

/// How many accounts exist.
///
/// # Errors
/// A failed query.
pub fn count(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(coordinators::table
        .count()
        .get_result(conn)
        .context("counting coordinators")?)
}

/// Stores a new account; returns its id. A taken email is a unique violation
/// ([`DbError::is_unique_violation`]).
///
/// # Errors
/// The insert fails.
pub fn insert(
    conn: &mut DbConnection,
    email: &str,
    password_hash: &str,
    role: &str,
    now: NaiveDateTime,
) -> Result<i32, DbError> {
    Ok(diesel::insert_into(coordinators::table)
        .values((
            coordinators::email.eq(email),
            coordinators::password_hash.eq(password_hash),
            coordinators::role.eq(role),
            coordinators::created_at.eq(now),
        ))
        .returning(coordinators::id)
        .get_result::<i32>(conn)
        .context("storing a coordinator")?)
}

/// Replaces an account's password hash.
///
/// # Errors
/// A failed update.
pub fn set_password_hash(conn: &mut DbConnection, id: i32, hash: &str) -> Result<(), DbError> {
    diesel::update(coordinators::table.find(id))
        .set(coordinators::password_hash.eq(hash))
        .execute(conn)
        .with_context(|| format!("changing the password of coordinator {id}"))?;
    Ok(())
}

/// Links an account to a programme.
///
/// # Errors
/// A failed insert (e.g. a programme id that does not exist).
pub fn link_programme(
    conn: &mut DbConnection,
    coordinator_id: i32,
    programme_id: i32,
) -> Result<(), DbError> {
    diesel::insert_into(coordinator_programmes::table)
        .values((
            coordinator_programmes::coordinator_id.eq(coordinator_id),
            coordinator_programmes::programme_id.eq(programme_id),
        ))
        .execute(conn)
        .with_context(|| {
            format!("linking coordinator {coordinator_id} to programme {programme_id}")
        })?;
    Ok(())
}

/// Removes every programme link of an account.
///
/// # Errors
/// A failed delete.
pub fn unlink_programmes(conn: &mut DbConnection, coordinator_id: i32) -> Result<(), DbError> {
    diesel::delete(
        coordinator_programmes::table
            .filter(coordinator_programmes::coordinator_id.eq(coordinator_id)),
    )
    .execute(conn)
    .with_context(|| format!("unlinking the programmes of coordinator {coordinator_id}"))?;
    Ok(())
}

/// Stores an API token's hash for an account.
///
/// # Errors
/// A failed insert.
pub fn insert_api_token(
    conn: &mut DbConnection,
    coordinator_id: i32,
    token_hash: &str,
    label: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::coordinator_id.eq(coordinator_id),
            api_tokens::token_hash.eq(token_hash),
            api_tokens::label.eq(label),
            api_tokens::created_at.eq(now),
        ))
        .execute(conn)
        .with_context(|| format!("storing an API token of coordinator {coordinator_id}"))?;
    Ok(())
}

/// The API token with this hash: its id, when it was last used, and its account.
///
/// # Errors
/// A failed query.
pub fn find_api_token(
    conn: &mut DbConnection,
    token_hash: &str,
) -> Result<Option<(i32, Option<NaiveDateTime>, AccountRow)>, DbError> {
    Ok(api_tokens::table
        .inner_join(coordinators::table)
        .filter(api_tokens::token_hash.eq(token_hash))
        .select((
            api_tokens::id,
            api_tokens::last_used_at,
            (coordinators::id, coordinators::email, coordinators::role),
        ))
        .first(conn)
        .optional()
        .context("looking up an API token")?)
}

/// Records that a token was used.
///
/// # Errors
/// A failed update.
pub fn touch_api_token(
    conn: &mut DbConnection,
    token_id: i32,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(api_tokens::table.find(token_id))
        .set(api_tokens::last_used_at.eq(Some(now)))
        .execute(conn)
        .with_context(|| format!("recording the use of API token {token_id}"))?;
    Ok(())
}

/// An API token as listed (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct TokenInfo {
    /// Id, for `token revoke`.
    pub id: i32,
    /// What it is for.
    pub label: String,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last used (to the minute).
    pub last_used_at: Option<NaiveDateTime>,
}

/// An account's API tokens, oldest first.
///
/// # Errors
/// A failed query.
pub fn api_tokens(conn: &mut DbConnection, coordinator_id: i32) -> Result<Vec<TokenInfo>, DbError> {
    Ok(api_tokens::table
        .filter(api_tokens::coordinator_id.eq(coordinator_id))
        .order(api_tokens::id.asc())
        .select((
            api_tokens::id,
            api_tokens::label,
            api_tokens::created_at,
            api_tokens::last_used_at,
        ))
        .load(conn)
        .with_context(|| format!("listing the API tokens of coordinator {coordinator_id}"))?)
}

/// Deletes the account's token with this id; false when it has none with that id.
///
/// # Errors
/// A failed delete.
pub fn delete_api_token(
    conn: &mut DbConnection,
    coordinator_id: i32,
    token_id: i32,
) -> Result<bool, DbError> {
    let deleted = diesel::delete(
        api_tokens::table
            .filter(api_tokens::id.eq(token_id))
            .filter(api_tokens::coordinator_id.eq(coordinator_id)),
    )
    .execute(conn)
    .with_context(|| format!("revoking API token {token_id}"))?;
    Ok(deleted == 1)
}

/// How many audit entries record `action` with exactly `detail` (the setup link's token hash).
///
/// # Errors
/// A failed query.
pub fn audit_entries_with(
    conn: &mut DbConnection,
    action: &str,
    detail: &str,
) -> Result<i64, DbError> {
    Ok(audit_log::table
        .filter(audit_log::action.eq(action))
        .filter(audit_log::detail.eq(detail))
        .count()
        .get_result(conn)
        .with_context(|| format!("looking for the audit entry {action}"))?)
}

/// On PostgreSQL, locks the accounts table against new rows until the transaction ends, so
/// that two transactions cannot both see "no account yet" and both create one. SQLite needs
/// nothing: its writers take turns already.
///
/// # Errors
/// The lock fails.
pub fn lock_accounts(conn: &mut DbConnection) -> Result<(), DbError> {
    if let DbConnection::Postgresql(pg) = conn {
        diesel::sql_query("LOCK TABLE coordinators IN SHARE ROW EXCLUSIVE MODE")
            .execute(pg)
            .context("locking the coordinators table")?;
    }
    Ok(())
}
