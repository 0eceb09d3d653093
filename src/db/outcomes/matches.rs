//! Matches: the people matched, live and paired in a period, when each match began and
//! closed, and the close reasons.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::{at, groups, id_list, one, within, GroupCount, Span};
use crate::db::{DbConnection, DbError};

/// Matches a coordinator approved in the period (whatever became of them): distinct seekers
/// (`arriving`) and distinct buddies (`receiving`).
///
/// # Errors
/// A failed query.
pub fn matched_people(
    conn: &mut DbConnection,
    programmes: &[i32],
    span: Span,
) -> Result<(i64, i64), DbError> {
    let ids = id_list(programmes);
    let filter = format!(
        "FROM matches WHERE programme_id IN ({ids}) \
         AND status IN ('approved', 'declined', 'active', 'closed') \
         AND {within}",
        within = within("decided_at", span),
    );
    both_sides(conn, &filter, "matched people")
}

/// Distinct seekers and distinct buddies of the matches `filter` (a FROM ... WHERE clause) picks.
fn both_sides(conn: &mut DbConnection, filter: &str, what: &str) -> Result<(i64, i64), DbError> {
    #[derive(QueryableByName)]
    struct Sides {
        #[diesel(sql_type = BigInt)]
        seekers: i64,
        #[diesel(sql_type = BigInt)]
        buddies: i64,
    }
    let sides: Sides = diesel::sql_query(format!(
        "SELECT COUNT(DISTINCT seeker_id) AS seekers, COUNT(DISTINCT buddy_id) AS buddies {filter}"
    ))
    .get_result(conn)
    .with_context(|| format!("outcomes: {what}"))?;
    Ok((sides.seekers, sides.buddies))
}

/// The condition "live at `t`": both accepted before `t` and not closed by then.
fn live_at(t: NaiveDateTime) -> String {
    format!(
        "active_since IS NOT NULL AND active_since < {t} AND (closed_at IS NULL OR closed_at >= {t})",
        t = at(t)
    )
}

/// Matches live at the end of the period: distinct seekers and distinct buddies.
///
/// # Errors
/// A failed query.
pub fn active_people(
    conn: &mut DbConnection,
    programmes: &[i32],
    end: NaiveDateTime,
) -> Result<(i64, i64), DbError> {
    let ids = id_list(programmes);
    let filter = format!(
        "FROM matches WHERE programme_id IN ({ids}) AND {}",
        live_at(end)
    );
    both_sides(conn, &filter, "active people")
}

/// Pairs created in the period: both accepted in it.
///
/// # Errors
/// A failed query.
pub fn pairs_created(
    conn: &mut DbConnection,
    programmes: &[i32],
    span: Span,
) -> Result<i64, DbError> {
    let ids = id_list(programmes);
    let sql = format!(
        "SELECT COUNT(*) AS n FROM matches WHERE programme_id IN ({ids}) \
         AND {within}",
        within = within("active_since", span),
    );
    one(conn, &sql, "pairs created")
}

/// When each match that both accepted before `end` began and (if so) closed: for the share still
/// active after 3, 6 and 12 months. Two timestamps a match.
///
/// # Errors
/// A failed query.
pub fn match_lives(
    conn: &mut DbConnection,
    programmes: &[i32],
    end: NaiveDateTime,
) -> Result<Vec<(NaiveDateTime, Option<NaiveDateTime>)>, DbError> {
    use crate::db::schema::matches;
    Ok(matches::table
        .filter(matches::programme_id.eq_any(programmes))
        .filter(matches::active_since.lt(end))
        .select((matches::active_since.assume_not_null(), matches::closed_at))
        .load(conn)
        .context("outcomes: match lives")?)
}

/// Matches that closed in the period (after both accepted), by close reason.
///
/// # Errors
/// A failed query.
pub fn closures(
    conn: &mut DbConnection,
    programmes: &[i32],
    span: Span,
) -> Result<Vec<GroupCount>, DbError> {
    let ids = id_list(programmes);
    let sql = format!(
        "SELECT COALESCE(close_reason, 'other') AS key, COUNT(*) AS n FROM matches \
         WHERE programme_id IN ({ids}) AND active_since IS NOT NULL \
         AND {within} GROUP BY COALESCE(close_reason, 'other')",
        within = within("closed_at", span),
    );
    groups(conn, &sql, "closures")
}
