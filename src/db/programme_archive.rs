//! Archiving a programme and deleting it once it holds no personal data: the rows that say so.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{matches, participants, programmes};
use super::{DbConnection, DbError};
use crate::domain::MatchStatus;

/// What personal data a programme still holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Holdings {
    /// People (of any status: pending, waiting, matched, left but within the retention period).
    pub participants: i64,
    /// Matches still going (approved and waiting for answers, or active).
    pub live_matches: i64,
}

impl Holdings {
    /// Whether nothing personal is left.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.participants == 0 && self.live_matches == 0
    }
}

/// What the programme still holds.
///
/// # Errors
/// A failed query.
pub fn holdings(conn: &mut DbConnection, programme_id: i32) -> Result<Holdings, DbError> {
    let participants = participants::table
        .filter(participants::programme_id.eq(programme_id))
        .count()
        .get_result(conn)
        .with_context(|| format!("counting the people of programme {programme_id}"))?;
    let live_matches = matches::table
        .filter(matches::programme_id.eq(programme_id))
        .filter(matches::status.eq_any(MatchStatus::codes(MatchStatus::LIVE)))
        .count()
        .get_result(conn)
        .with_context(|| format!("counting the live matches of programme {programme_id}"))?;
    Ok(Holdings {
        participants,
        live_matches,
    })
}

/// Sets (`Some`) or clears (`None`) when the programme was archived.
///
/// # Errors
/// A failed query.
pub fn set_archived_at(
    conn: &mut DbConnection,
    programme_id: i32,
    at: Option<NaiveDateTime>,
) -> Result<(), DbError> {
    diesel::update(programmes::table.find(programme_id))
        .set(programmes::archived_at.eq(at))
        .execute(conn)
        .with_context(|| format!("archiving or reopening programme {programme_id}"))?;
    Ok(())
}

/// Deletes the programme and, by cascade, what is left of it (runs, figures, stage counts,
/// coordinators' access); audit entries stay without it. Returns whether it existed.
///
/// # Errors
/// A failed query.
pub fn delete(conn: &mut DbConnection, programme_id: i32) -> Result<bool, DbError> {
    let n = diesel::delete(programmes::table.find(programme_id))
        .execute(conn)
        .with_context(|| format!("deleting programme {programme_id}"))?;
    Ok(n > 0)
}
