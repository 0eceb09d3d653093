//! The first start: while no coordinator account exists, the server prints a one-time link
//! `<public_url>/coordinator/setup/<token>` that creates the first admin account. The token is
//! kept only as a hash, in the audit log entry `setup.link_issued` (so several instances sharing
//! one database all accept it); it stops working as soon as any account exists.

use chrono::NaiveDateTime;

use crate::accounts::store::{self, AccountError, Coordinator, CoordinatorRole};
use crate::db::audit::{self, AuditEntry};
use crate::db::{accounts as rows, Db, DbConnection, DbError};
use crate::domain::Email;
use crate::tokens::{self, Token};

/// Audit action under which the token hash is kept.
pub const ACTION: &str = "setup.link_issued";

/// Issues a setup link when no account exists; `None` when there is one already.
///
/// # Errors
/// A failed query.
pub fn issue_link_if_needed(
    db: &Db,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<Option<String>, DbError> {
    db.write(|conn| {
        if super::count(conn)? > 0 {
            return Ok(None);
        }
        let token = Token::generate();
        audit::record(
            conn,
            &AuditEntry {
                coordinator_id: None,
                programme_id: None,
                action: ACTION,
                subject_type: "setup",
                subject_id: None,
                detail: &token.hash,
            },
            now,
        )?;
        Ok(Some(format!(
            "{}/coordinator/setup/{}",
            public_url.trim_end_matches('/'),
            token.plain
        )))
    })
}

/// Whether a setup token still works: it was issued and no account exists yet.
///
/// # Errors
/// A failed query.
pub fn token_valid(conn: &mut DbConnection, plain: &str) -> Result<bool, DbError> {
    if plain.is_empty() || plain.len() > 128 || super::count(conn)? > 0 {
        return Ok(false);
    }
    let issued = rows::audit_entries_with(conn, ACTION, &tokens::hash(plain))?;
    Ok(issued > 0)
}

/// Creates the first admin account if the token still works; `None` when it does not. Call
/// inside a write transaction: on PostgreSQL the accounts table is locked so that two
/// simultaneous submissions cannot both create an admin.
///
/// # Errors
/// A failed query.
pub fn create_admin(
    conn: &mut DbConnection,
    plain: &str,
    email: &Email,
    password_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<Coordinator>, AccountError> {
    rows::lock_accounts(conn)?;
    if !token_valid(conn, plain)? {
        return Ok(None);
    }
    let admin =
        store::create_coordinator(conn, email, password_hash, CoordinatorRole::Admin, &[], now)?;
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: Some(admin.id),
            programme_id: None,
            action: "coordinator.setup",
            subject_type: "coordinator",
            subject_id: Some(admin.id),
            detail: "admin",
        },
        now,
    )?;
    Ok(Some(admin))
}
