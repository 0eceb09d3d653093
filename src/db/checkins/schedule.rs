//! Scheduling check-ins: the row that says a check-in is due (once per match, side and
//! period, across instances) and the highest period scheduled so far.

use std::collections::HashMap;

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::dsl::max;
use diesel::prelude::*;

use crate::db::schema::checkins;
use crate::db::{DbConnection, DbError};
use crate::domain::Side;

/// Records that a check-in is due for one side of a match in `period`; returns its id, or None
/// when that (match, side, period) exists already (scheduled before, or by another instance at
/// the same moment: the caller then sends nothing).
///
/// The insert runs in a savepoint: on PostgreSQL a refused insert would otherwise abort the
/// caller's whole transaction.
///
/// # Errors
/// The insert fails for another reason than the duplicate.
pub fn schedule(
    conn: &mut DbConnection,
    match_id: i32,
    participant_id: i32,
    side: Side,
    period: i32,
    due_at: NaiveDateTime,
) -> Result<Option<i32>, DbError> {
    let inserted = conn.transaction::<i32, diesel::result::Error, _>(|c| {
        diesel::insert_into(checkins::table)
            .values((
                checkins::match_id.eq(match_id),
                checkins::participant_id.eq(participant_id),
                checkins::side.eq(side.code()),
                checkins::period.eq(period),
                checkins::due_at.eq(due_at),
                checkins::created_at.eq(due_at),
            ))
            .returning(checkins::id)
            .get_result::<i32>(c)
    });
    match inserted {
        Ok(id) => Ok(Some(id)),
        Err(e) => {
            let e = DbError::from(anyhow::Error::new(e).context(format!(
                "scheduling check-in {period} of the {side} of match {match_id}"
            )));
            if e.is_unique_violation() {
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// The highest period scheduled or recorded for one side of a match (None: none yet).
///
/// # Errors
/// A failed query.
pub fn last_period(
    conn: &mut DbConnection,
    match_id: i32,
    side: Side,
) -> Result<Option<i32>, DbError> {
    Ok(checkins::table
        .filter(checkins::match_id.eq(match_id))
        .filter(checkins::side.eq(side.code()))
        .select(max(checkins::period))
        .first(conn)
        .with_context(|| format!("reading the last check-in period of match {match_id}"))?)
}

/// The highest period scheduled or recorded of each of these matches (matches without any are
/// left out): one query for a page of the scheduler's pass.
///
/// # Errors
/// A failed query.
pub fn last_periods(
    conn: &mut DbConnection,
    match_ids: &[i32],
) -> Result<HashMap<i32, i32>, DbError> {
    let rows: Vec<(i32, Option<i32>)> = checkins::table
        .filter(checkins::match_id.eq_any(match_ids))
        .group_by(checkins::match_id)
        .select((checkins::match_id, max(checkins::period)))
        .load(conn)
        .context("reading the last check-in periods of a page of matches")?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, period)| period.map(|p| (id, p)))
        .collect())
}
