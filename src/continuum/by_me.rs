//! A participant's own changes to their match, from their personal data page: pause until a
//! date, or end it with a neutral reason. The same rules as an answer by check-in link.

use chrono::{NaiveDate, NaiveDateTime};

use super::closing::{self, Actor};
use super::ContinuumError;
use crate::db::continuum as store;
use crate::db::DbConnection;
use crate::domain::{CloseReason, MatchStatus, Side};

/// What became of the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MyChange {
    /// Done.
    Done,
    /// Not a match of this person (or no such match).
    NotYours,
    /// The match is not active any more.
    NotLive,
}

/// The person's side of an active match, or why not.
fn my_side(
    conn: &mut DbConnection,
    participant_id: i32,
    match_id: i32,
) -> Result<Result<Side, MyChange>, ContinuumError> {
    let Some(m) = store::find(conn, match_id)? else {
        return Ok(Err(MyChange::NotYours));
    };
    let side = if m.seeker_id == participant_id {
        Side::Seeker
    } else if m.buddy_id == participant_id {
        Side::Buddy
    } else {
        return Ok(Err(MyChange::NotYours));
    };
    if m.status != MatchStatus::Active {
        return Ok(Err(MyChange::NotLive));
    }
    Ok(Ok(side))
}

/// Pauses the person's match until `until` (validated at the edge).
///
/// # Errors
/// Storage failures.
pub fn pause(
    conn: &mut DbConnection,
    participant_id: i32,
    match_id: i32,
    until: NaiveDate,
    now: NaiveDateTime,
) -> Result<MyChange, ContinuumError> {
    let side = match my_side(conn, participant_id, match_id)? {
        Ok(side) => side,
        Err(why) => return Ok(why),
    };
    if closing::pause(conn, match_id, until, Actor::Participant(side), now)? {
        Ok(MyChange::Done)
    } else {
        Ok(MyChange::NotLive)
    }
}

/// Ends the person's match with a neutral reason.
///
/// # Errors
/// Storage failures.
pub fn end(
    conn: &mut DbConnection,
    participant_id: i32,
    match_id: i32,
    reason: CloseReason,
    now: NaiveDateTime,
) -> Result<MyChange, ContinuumError> {
    let side = match my_side(conn, participant_id, match_id)? {
        Ok(side) => side,
        Err(why) => return Ok(why),
    };
    if closing::close(conn, match_id, reason, Actor::Participant(side), now)? {
        Ok(MyChange::Done)
    } else {
        Ok(MyChange::NotLive)
    }
}
