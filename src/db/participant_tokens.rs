//! Link tokens of participants (confirmation, personal data, introduction answers): only their
//! hash is stored. The rules (purposes, lifetimes, use once) live in [`crate::tokens`].

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::participant_tokens;
use super::{DbConnection, DbError};

/// A stored link token.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = participant_tokens)]
pub struct StoredToken {
    /// Id.
    pub id: i32,
    /// Whose link it is.
    pub participant_id: i32,
    /// What it is for (`confirm`, `me`, `respond:<match id>`).
    pub purpose: String,
    /// When it stops working.
    pub expires_at: NaiveDateTime,
    /// When it was used (links that work once).
    pub used_at: Option<NaiveDateTime>,
}

/// Stores a token hash.
///
/// # Errors
/// The insert fails.
pub fn insert(
    conn: &mut DbConnection,
    participant_id: i32,
    purpose: &str,
    token_hash: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(participant_tokens::table)
        .values((
            participant_tokens::participant_id.eq(participant_id),
            participant_tokens::purpose.eq(purpose),
            participant_tokens::token_hash.eq(token_hash),
            participant_tokens::expires_at.eq(expires_at),
            participant_tokens::created_at.eq(now),
        ))
        .execute(conn)
        .with_context(|| format!("storing a `{purpose}` link of participant {participant_id}"))?;
    Ok(())
}

/// The token with this hash whose purpose is `purpose`, or starts with `purpose_prefix` when
/// that is given instead (`respond:`).
///
/// # Errors
/// The query fails.
pub fn find_by_hash(
    conn: &mut DbConnection,
    token_hash: &str,
    purpose: PurposeFilter<'_>,
) -> Result<Option<StoredToken>, DbError> {
    let query = participant_tokens::table
        .filter(participant_tokens::token_hash.eq(token_hash))
        .select(StoredToken::as_select())
        .into_boxed();
    let query = match purpose {
        PurposeFilter::Exactly(p) => query.filter(participant_tokens::purpose.eq(p)),
        PurposeFilter::StartsWith(prefix) => {
            query.filter(participant_tokens::purpose.like(format!("{prefix}%")))
        }
    };
    Ok(query
        .first(conn)
        .optional()
        .context("looking up a link token")?)
}

/// Which purposes a lookup accepts.
#[derive(Debug, Clone, Copy)]
pub enum PurposeFilter<'a> {
    /// This purpose only.
    Exactly(&'a str),
    /// Any purpose with this prefix.
    StartsWith(&'a str),
}

/// Marks a token used; false when it was used already (only one request can use it, even if two
/// arrive at once).
///
/// # Errors
/// The update fails.
pub fn mark_used(conn: &mut DbConnection, id: i32, now: NaiveDateTime) -> Result<bool, DbError> {
    let changed = diesel::update(
        participant_tokens::table
            .filter(participant_tokens::id.eq(id))
            .filter(participant_tokens::used_at.is_null()),
    )
    .set(participant_tokens::used_at.eq(Some(now)))
    .execute(conn)
    .with_context(|| format!("using link token {id}"))?;
    Ok(changed == 1)
}

/// How many `purpose` tokens the participant was given since `since`.
///
/// # Errors
/// The query fails.
pub fn count_issued_since(
    conn: &mut DbConnection,
    participant_id: i32,
    purpose: &str,
    since: NaiveDateTime,
) -> Result<i64, DbError> {
    Ok(participant_tokens::table
        .filter(participant_tokens::participant_id.eq(participant_id))
        .filter(participant_tokens::purpose.eq(purpose))
        .filter(participant_tokens::created_at.gt(since))
        .count()
        .get_result(conn)
        .context("counting recent links")?)
}
