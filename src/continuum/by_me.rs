//! A participant's own changes to their match, from their personal data page: pause until a
//! date, end it with a neutral reason, or raise a concern about it. The same rules as an answer
//! by check-in link.

use chrono::{NaiveDate, NaiveDateTime};

use super::closing::{self, Actor};
use super::concern::{self, RaiseError};
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

/// The person's side of a match and its status, or [`MyChange::NotYours`].
fn side_in(
    conn: &mut DbConnection,
    participant_id: i32,
    match_id: i32,
) -> Result<Result<(Side, MatchStatus), MyChange>, ContinuumError> {
    let Some(m) = store::find(conn, match_id)? else {
        return Ok(Err(MyChange::NotYours));
    };
    if m.seeker_id == participant_id {
        Ok(Ok((Side::Seeker, m.status)))
    } else if m.buddy_id == participant_id {
        Ok(Ok((Side::Buddy, m.status)))
    } else {
        Ok(Err(MyChange::NotYours))
    }
}

/// The person's side of an active match, or why not.
fn my_side(
    conn: &mut DbConnection,
    participant_id: i32,
    match_id: i32,
) -> Result<Result<Side, MyChange>, ContinuumError> {
    Ok(match side_in(conn, participant_id, match_id)? {
        Ok((side, MatchStatus::Active)) => Ok(side),
        Ok(_) => Err(MyChange::NotLive),
        Err(why) => Err(why),
    })
}

/// Whether the person may raise a concern about this match: one of theirs that began (active or
/// closed; a concern may come after the end).
///
/// # Errors
/// Storage failures.
pub fn may_raise_concern(
    conn: &mut DbConnection,
    participant_id: i32,
    match_id: i32,
) -> Result<MyChange, ContinuumError> {
    Ok(match side_in(conn, participant_id, match_id)? {
        Ok((_, MatchStatus::Active | MatchStatus::Closed)) => MyChange::Done,
        Ok(_) => MyChange::NotLive,
        Err(why) => why,
    })
}

/// Raises the person's concern about their match ([`concern::raise`]: stored for the
/// coordinators, who are told at once; the partner never).
///
/// # Errors
/// [`RaiseError::Invalid`] for a missing or too long text; storage failures.
pub fn raise_concern(
    conn: &mut DbConnection,
    participant_id: i32,
    match_id: i32,
    text: &str,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<MyChange, RaiseError> {
    let allowed = may_raise_concern(conn, participant_id, match_id)?;
    if allowed == MyChange::Done {
        concern::raise(conn, match_id, participant_id, text, public_url, now)?;
    }
    Ok(allowed)
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
