//! What the housekeeping pass reads: sign-ups nobody confirmed in time.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{participants, programmes};
use super::{DbConnection, DbError};
use crate::domain::ParticipantStatus;

/// Each programme's id and how many days it keeps unconfirmed sign-ups.
///
/// # Errors
/// A failed query.
pub fn unconfirmed_days(conn: &mut DbConnection) -> Result<Vec<(i32, i32)>, DbError> {
    Ok(programmes::table
        .select((programmes::id, programmes::unconfirmed_days))
        .order(programmes::id.asc())
        .load(conn)
        .context("reading how long programmes keep unconfirmed sign-ups")?)
}

/// At most `limit` sign-ups of a programme still pending that were made before `cutoff`: id
/// and email.
///
/// # Errors
/// A failed query.
pub fn pending_before(
    conn: &mut DbConnection,
    programme_id: i32,
    cutoff: NaiveDateTime,
    limit: i64,
) -> Result<Vec<(i32, String)>, DbError> {
    Ok(participants::table
        .filter(participants::programme_id.eq(programme_id))
        .filter(participants::status.eq(ParticipantStatus::Pending.code()))
        .filter(participants::created_at.lt(cutoff))
        .order(participants::id.asc())
        .limit(limit)
        .select((participants::id, participants::email))
        .load(conn)
        .context("finding unconfirmed sign-ups past their time")?)
}
