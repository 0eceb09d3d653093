//! What the housekeeping pass reads: each programme's periods, sign-ups nobody confirmed in
//! time.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{participants, programmes};
use super::{DbConnection, DbError};
use crate::domain::ParticipantStatus;

/// How long a programme keeps what.
#[derive(Debug, Clone, Copy, Queryable)]
pub struct Periods {
    /// The programme.
    pub programme_id: i32,
    /// Days an unconfirmed sign-up is kept.
    pub unconfirmed_days: i32,
    /// Months personal data is kept after someone left or a match ended.
    pub retention_months: i32,
    /// When the programme was archived, if it is.
    pub archived_at: Option<NaiveDateTime>,
}

/// Every programme's periods.
///
/// # Errors
/// A failed query.
pub fn periods(conn: &mut DbConnection) -> Result<Vec<Periods>, DbError> {
    Ok(programmes::table
        .select((
            programmes::id,
            programmes::unconfirmed_days,
            programmes::retention_months,
            programmes::archived_at,
        ))
        .order(programmes::id.asc())
        .load(conn)
        .context("reading how long programmes keep data")?)
}

/// At most `limit` sign-ups of a programme still pending that were made before `cutoff`: id
/// and email (if any).
///
/// # Errors
/// A failed query.
pub fn pending_before(
    conn: &mut DbConnection,
    programme_id: i32,
    cutoff: NaiveDateTime,
    limit: i64,
) -> Result<Vec<(i32, Option<String>)>, DbError> {
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
