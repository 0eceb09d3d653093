//! What the coordinator's Connections page reads of a programme's live matches: the matches with
//! their stage, open concerns and unanswered check-ins per match, and the names of the people on
//! one page. A handful of grouped queries, whatever the number of matches.

use std::collections::HashMap;

use anyhow::Context;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::{count_star, max};
use diesel::prelude::*;

use super::checkins::EXIT_PERIOD;
use super::schema::{checkins, concerns, matches, participants};
use super::{DbConnection, DbError};
use crate::domain::{MatchStatus, Role, Stage};

/// An active match as the Connections page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = matches)]
pub struct LiveConnection {
    /// Match id.
    pub id: i32,
    /// The seeker.
    pub seeker_id: i32,
    /// The buddy.
    pub buddy_id: i32,
    /// Stage (None: activated before stages were kept).
    pub stage: Option<Stage>,
    /// Since when.
    pub stage_since: Option<NaiveDateTime>,
    /// When both accepted.
    pub active_since: Option<NaiveDateTime>,
    /// Paused until.
    pub paused_until: Option<NaiveDate>,
}

/// Every active match of a programme, by id.
///
/// # Errors
/// A failed query.
pub fn live(conn: &mut DbConnection, programme_id: i32) -> Result<Vec<LiveConnection>, DbError> {
    Ok(matches::table
        .filter(matches::programme_id.eq(programme_id))
        .filter(matches::status.eq(MatchStatus::Active.code()))
        .order(matches::id.asc())
        .select(LiveConnection::as_select())
        .load(conn)
        .with_context(|| format!("reading the live matches of programme {programme_id}"))?)
}

/// How many matches of the programme have closed.
///
/// # Errors
/// A failed query.
pub fn closed_count(conn: &mut DbConnection, programme_id: i32) -> Result<i64, DbError> {
    Ok(matches::table
        .filter(matches::programme_id.eq(programme_id))
        .filter(matches::status.eq(MatchStatus::Closed.code()))
        .filter(matches::active_since.is_not_null())
        .count()
        .get_result(conn)
        .with_context(|| format!("counting the closed matches of programme {programme_id}"))?)
}

/// Open (not handled) concerns per match of the programme.
///
/// # Errors
/// A failed query.
pub fn open_concerns_by_match(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<HashMap<i32, i64>, DbError> {
    let rows: Vec<(Option<i32>, i64)> = concerns::table
        .filter(concerns::programme_id.eq(programme_id))
        .filter(concerns::handled_at.is_null())
        .filter(concerns::match_id.is_not_null())
        .group_by(concerns::match_id)
        .select((concerns::match_id, count_star()))
        .load(conn)
        .with_context(|| format!("counting open concerns of programme {programme_id}"))?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, n)| id.map(|id| (id, n)))
        .collect())
}

/// Per active match of the programme: check-ins sent and not answered, and the latest answer.
///
/// # Errors
/// A failed query.
pub fn answers_by_match(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<HashMap<i32, (i64, Option<NaiveDateTime>)>, DbError> {
    // A join, not `match_id IN (subquery)`: PostgreSQL's generic plan for the latter scanned
    // every check-in per live match (seconds for 10 000 matches).
    let live = || {
        checkins::table
            .inner_join(matches::table)
            .filter(matches::programme_id.eq(programme_id))
            .filter(matches::status.eq(MatchStatus::Active.code()))
    };
    let unanswered: Vec<(i32, i64)> = live()
        .filter(checkins::period.ne(EXIT_PERIOD))
        .filter(checkins::sent_at.is_not_null())
        .filter(checkins::answered_at.is_null())
        .group_by(checkins::match_id)
        .select((checkins::match_id, count_star()))
        .load(conn)
        .with_context(|| format!("counting unanswered check-ins of programme {programme_id}"))?;
    let latest: Vec<(i32, Option<NaiveDateTime>)> = live()
        .filter(checkins::answered_at.is_not_null())
        .group_by(checkins::match_id)
        .select((checkins::match_id, max(checkins::answered_at)))
        .load(conn)
        .with_context(|| format!("reading the latest answers of programme {programme_id}"))?;
    let mut out: HashMap<i32, (i64, Option<NaiveDateTime>)> = HashMap::new();
    for (id, n) in unanswered {
        out.entry(id).or_default().0 = n;
    }
    for (id, at) in latest {
        out.entry(id).or_default().1 = at;
    }
    Ok(out)
}

/// Active matches of the programme whose arriving member said (in a check-in) they would like to
/// become a buddy and is still an arriving member: the coordinator may change their role.
///
/// # Errors
/// A failed query.
pub fn volunteer_wishes(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<std::collections::HashSet<i32>, DbError> {
    let ids: Vec<i32> = checkins::table
        .inner_join(matches::table.on(matches::id.eq(checkins::match_id)))
        .inner_join(participants::table.on(participants::id.eq(matches::seeker_id)))
        .filter(matches::programme_id.eq(programme_id))
        .filter(matches::status.eq(MatchStatus::Active.code()))
        .filter(checkins::wants_to_volunteer.eq(true))
        .filter(checkins::participant_id.eq(matches::seeker_id))
        .filter(participants::role.eq(Role::Arriving.code()))
        .select(matches::id)
        .distinct()
        .load(conn)
        .with_context(|| format!("reading volunteer wishes of programme {programme_id}"))?;
    Ok(ids.into_iter().collect())
}

/// First and last names of these participants.
///
/// # Errors
/// A failed query.
pub fn names(
    conn: &mut DbConnection,
    ids: &[i32],
) -> Result<HashMap<i32, (String, String)>, DbError> {
    let rows: Vec<(i32, String, String)> = participants::table
        .filter(participants::id.eq_any(ids))
        .select((
            participants::id,
            participants::first_name,
            participants::last_name,
        ))
        .load(conn)
        .context("reading participants' names")?;
    Ok(rows.into_iter().map(|(id, f, l)| (id, (f, l))).collect())
}
