//! What each answer knows about the same person's other answers (migration
//! `outcome_rollups`): when they next answered "how is it going", belonging and conversation
//! (`*_next_at`), and their first belonging and conversation answer (`*_first`, `*_first_at`).
//! With these, "each person's latest answer in a period" is a range of rows for the outcomes'
//! aggregates ([`super::outcomes`]) instead of a grouping of every answer.
//!
//! "No next answer yet" is [`OPEN_END`] rather than NULL, so that "the latest answer before a
//! date" is one range of an index (`*_next_at >= date`).
//!
//! They are recomputed for a person whenever one of their answers is stored or removed: a
//! person has at most a few dozen answers, so this is a handful of indexed lookups.

use anyhow::Context;
use diesel::prelude::*;

use super::schema::{checkins, matches};
use super::{DbConnection, DbError};

/// "Not yet" in the `*_next_at` columns and `match_stage_changes.ended_at`, as an SQL literal.
pub const OPEN_END: &str = "'9999-12-31 00:00:00'";

/// Recomputes the links of every answer of `people`.
///
/// # Errors
/// A failed update.
pub fn relink(conn: &mut DbConnection, people: &[i32]) -> Result<(), DbError> {
    if people.is_empty() {
        return Ok(());
    }
    let ids = people
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let next = |q: &str, seeker_only: bool| {
        let side = if seeker_only {
            " AND n.side = 'seeker'"
        } else {
            ""
        };
        format!(
            "COALESCE((SELECT MIN(n.answered_at) FROM checkins n \
              WHERE n.participant_id = checkins.participant_id AND n.{q} IS NOT NULL{side} \
              AND n.answered_at > checkins.answered_at), {OPEN_END})"
        )
    };
    let first = |q: &str| {
        format!(
            "{q}_first_at = (SELECT MIN(n.answered_at) FROM checkins n \
               WHERE n.participant_id = checkins.participant_id AND n.{q} IS NOT NULL \
               AND n.side = 'seeker'), \
             {q}_first = (SELECT n.{q} FROM checkins n \
               WHERE n.participant_id = checkins.participant_id AND n.{q} IS NOT NULL \
               AND n.side = 'seeker' AND n.answered_at IS NOT NULL \
               ORDER BY n.answered_at, n.id LIMIT 1)"
        )
    };
    let arriving = |q: &str| {
        format!(
            "UPDATE checkins SET {q}_next_at = {}, {} \
             WHERE participant_id IN ({ids}) AND {q} IS NOT NULL AND side = 'seeker' \
             AND answered_at IS NOT NULL",
            next(q, true),
            first(q)
        )
    };
    let statements = [
        format!(
            "UPDATE checkins SET going_next_at = {} \
             WHERE participant_id IN ({ids}) AND going IS NOT NULL AND answered_at IS NOT NULL",
            next("going", false)
        ),
        arriving("belonging"),
        arriving("conversation"),
    ];
    for sql in statements {
        diesel::sql_query(sql)
            .execute(conn)
            .with_context(|| format!("linking the answers of participants {ids}"))?;
    }
    Ok(())
}

/// Recomputes the links of the answers of the person who answered check-in `checkin_id`.
///
/// # Errors
/// A failed query.
pub fn relink_checkin(conn: &mut DbConnection, checkin_id: i32) -> Result<(), DbError> {
    let person: Option<i32> = checkins::table
        .find(checkin_id)
        .select(checkins::participant_id)
        .first(conn)
        .optional()
        .with_context(|| format!("reading whose check-in {checkin_id} is"))?;
    relink(conn, &person.into_iter().collect::<Vec<_>>())
}

/// Everyone who was ever matched with `participant_id` (their answers about those matches go
/// when the matches are deleted).
///
/// # Errors
/// A failed query.
pub fn partners_of(conn: &mut DbConnection, participant_id: i32) -> Result<Vec<i32>, DbError> {
    let rows: Vec<(i32, i32)> = matches::table
        .filter(
            matches::seeker_id
                .eq(participant_id)
                .or(matches::buddy_id.eq(participant_id)),
        )
        .select((matches::seeker_id, matches::buddy_id))
        .load(conn)
        .with_context(|| format!("reading the partners of participant {participant_id}"))?;
    let mut partners: Vec<i32> = rows
        .into_iter()
        .map(|(s, b)| if s == participant_id { b } else { s })
        .collect();
    partners.sort_unstable();
    partners.dedup();
    Ok(partners)
}
