//! The mail side: check-ins and exit questions due to be sent, claiming a send or the one
//! reminder (once across instances), check-ins to remind, and the open ones of a programme.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{into_checkins, Checkin, CheckinRow, EXIT_PERIOD};
use crate::db::schema::{checkins, matches};
use crate::db::{DbConnection, DbError};
use crate::domain::MatchStatus;

/// Check-ins due at `now` whose email has not gone yet, of active matches that are not paused
/// (of one programme or of all), oldest due first.
///
/// # Errors
/// A failed query or a corrupt row.
pub fn due_to_send(
    conn: &mut DbConnection,
    programme_id: Option<i32>,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<Checkin>, DbError> {
    let mut query = checkins::table.inner_join(matches::table).into_boxed();
    if let Some(p) = programme_id {
        query = query.filter(matches::programme_id.eq(p));
    }
    let rows = query
        .filter(checkins::sent_at.is_null())
        .filter(checkins::answered_at.is_null())
        .filter(checkins::due_at.le(now))
        .filter(matches::status.eq(MatchStatus::Active.code()))
        .filter(matches::paused_until.is_null())
        .order((checkins::due_at.asc(), checkins::id.asc()))
        .limit(limit)
        .select(CheckinRow::as_select())
        .load(conn)
        .context("finding check-ins to send")?;
    into_checkins(rows)
}

/// Exit questions (period [`EXIT_PERIOD`]) of closed matches whose email has not gone yet (of
/// one programme or of all), oldest first.
///
/// # Errors
/// A failed query or a corrupt row.
pub fn exits_to_send(
    conn: &mut DbConnection,
    programme_id: Option<i32>,
    limit: i64,
) -> Result<Vec<Checkin>, DbError> {
    let mut query = checkins::table.inner_join(matches::table).into_boxed();
    if let Some(p) = programme_id {
        query = query.filter(matches::programme_id.eq(p));
    }
    let rows = query
        .filter(checkins::period.eq(EXIT_PERIOD))
        .filter(checkins::sent_at.is_null())
        .filter(checkins::answered_at.is_null())
        .filter(matches::status.eq(MatchStatus::Closed.code()))
        .order((checkins::due_at.asc(), checkins::id.asc()))
        .limit(limit)
        .select(CheckinRow::as_select())
        .load(conn)
        .context("finding exit questions to send")?;
    into_checkins(rows)
}

/// Claims the sending of check-in `id`: false when it was sent already (by this or another
/// instance) or answered meanwhile.
///
/// # Errors
/// The update fails.
pub fn claim_send(conn: &mut DbConnection, id: i32, now: NaiveDateTime) -> Result<bool, DbError> {
    let claimed = diesel::update(
        checkins::table
            .find(id)
            .filter(checkins::sent_at.is_null())
            .filter(checkins::answered_at.is_null()),
    )
    .set(checkins::sent_at.eq(Some(now)))
    .execute(conn)
    .with_context(|| format!("claiming the sending of check-in {id}"))?;
    Ok(claimed == 1)
}

/// Claims the one reminder of check-in `id`: false when it was reminded already (by this or
/// another instance) or is answered.
///
/// # Errors
/// The update fails.
pub fn claim_reminder(
    conn: &mut DbConnection,
    id: i32,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let claimed = diesel::update(
        checkins::table
            .find(id)
            .filter(checkins::reminded_at.is_null())
            .filter(checkins::answered_at.is_null()),
    )
    .set(checkins::reminded_at.eq(Some(now)))
    .execute(conn)
    .with_context(|| format!("claiming the reminder of check-in {id}"))?;
    Ok(claimed == 1)
}

/// Check-ins sent between the two times (inclusive), not answered and not reminded, of active matches that are
/// not paused (of one programme or of all), oldest sent first.
///
/// # Errors
/// A failed query or a corrupt row.
pub fn due_for_reminder(
    conn: &mut DbConnection,
    programme_id: Option<i32>,
    sent_between: (NaiveDateTime, NaiveDateTime),
    limit: i64,
) -> Result<Vec<Checkin>, DbError> {
    let mut query = checkins::table.inner_join(matches::table).into_boxed();
    if let Some(p) = programme_id {
        query = query.filter(matches::programme_id.eq(p));
    }
    let rows = query
        .filter(checkins::answered_at.is_null())
        .filter(checkins::reminded_at.is_null())
        .filter(checkins::sent_at.ge(sent_between.0))
        .filter(checkins::sent_at.le(sent_between.1))
        .filter(matches::status.eq(MatchStatus::Active.code()))
        .filter(matches::paused_until.is_null())
        .order((checkins::sent_at.asc(), checkins::id.asc()))
        .limit(limit)
        .select(CheckinRow::as_select())
        .load(conn)
        .context("finding check-ins to remind")?;
    into_checkins(rows)
}

/// Check-ins of a programme's matches (any status: exit questions come after the close) whose
/// email went out at or before `up_to` and that have no answer yet, oldest sent first.
///
/// # Errors
/// A failed query or a corrupt row.
pub fn open_sent(
    conn: &mut DbConnection,
    programme_id: i32,
    up_to: NaiveDateTime,
) -> Result<Vec<Checkin>, DbError> {
    let rows = checkins::table
        .inner_join(matches::table)
        .filter(matches::programme_id.eq(programme_id))
        .filter(checkins::answered_at.is_null())
        .filter(checkins::sent_at.le(up_to))
        .order((checkins::sent_at.asc(), checkins::id.asc()))
        .select(CheckinRow::as_select())
        .load(conn)
        .context("finding the open check-ins of a programme")?;
    into_checkins(rows)
}
