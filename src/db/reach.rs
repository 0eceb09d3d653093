//! What coordinators must pass on by phone or in person: the sign-ups, introductions, contact
//! details and check-ins of people who have no email address (see `crate::reach_by_phone`).

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::matches::Match;
use super::participants::Participant;
use super::schema::{checkins, matches, participants};
use super::{DbConnection, DbError};
use crate::domain::{MatchStatus, ParticipantStatus};

type Backend = <DbConnection as diesel::Connection>::Backend;

/// At most this many rows of each kind (the page says when there are more).
pub const LIMIT: i64 = 200;

/// Sign-ups without email still waiting for a coordinator's call, oldest first.
///
/// # Errors
/// A failed query.
pub fn unconfirmed(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<Vec<Participant>, DbError> {
    Ok(participants::table
        .filter(participants::programme_id.eq(programme_id))
        .filter(participants::email.is_null())
        .filter(participants::status.eq(ParticipantStatus::Pending.code()))
        .order(participants::created_at.asc())
        .limit(LIMIT)
        .select(Participant::as_select())
        .load(conn)
        .context("reading the sign-ups to confirm by phone")?)
}

/// Matches in `status` of the programme where the seeker or the buddy has no email, with both
/// people; `since` keeps only matches changed after it (None: all). Oldest first.
///
/// # Errors
/// A failed query.
pub fn matches_with_someone_without_email(
    conn: &mut DbConnection,
    programme_id: i32,
    status: MatchStatus,
    since: Option<NaiveDateTime>,
) -> Result<Vec<(Match, Participant, Participant)>, DbError> {
    let (seekers, buddies) = diesel::alias!(participants as seekers, participants as buddies);
    let mut query = matches::table
        .inner_join(seekers.on(seekers.field(participants::id).eq(matches::seeker_id)))
        .inner_join(buddies.on(buddies.field(participants::id).eq(matches::buddy_id)))
        .filter(matches::programme_id.eq(programme_id))
        .filter(matches::status.eq(status.code()))
        .filter(
            seekers
                .field(participants::email)
                .is_null()
                .or(buddies.field(participants::email).is_null()),
        )
        .into_boxed();
    if let Some(since) = since {
        query = query.filter(matches::updated_at.ge(since));
    }
    Ok(query
        .order(matches::id.asc())
        .limit(LIMIT)
        .select((
            Match::as_select(),
            seekers.fields(<Participant as Selectable<Backend>>::construct_selection()),
            buddies.fields(<Participant as Selectable<Backend>>::construct_selection()),
        ))
        .load(conn)
        .context("reading the matches with someone to reach by phone")?)
}

/// Check-ins open for people without email (due and not answered), with the match id and the
/// person: the coordinator asks the questions by phone and records the answers.
///
/// # Errors
/// A failed query.
pub fn open_checkins(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<Vec<(i32, NaiveDateTime, Participant)>, DbError> {
    Ok(checkins::table
        .inner_join(participants::table)
        .filter(participants::programme_id.eq(programme_id))
        .filter(participants::email.is_null())
        .filter(checkins::sent_at.is_not_null())
        .filter(checkins::answered_at.is_null())
        .order(checkins::due_at.asc())
        .limit(LIMIT)
        .select((
            checkins::match_id,
            checkins::due_at,
            Participant::as_select(),
        ))
        .load(conn)
        .context("reading the check-ins to ask by phone")?)
}
