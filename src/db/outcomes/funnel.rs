//! The funnel of arriving members: signed up, confirmed, introduced, met, and on.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::{at, id_list, indexed_by, truth};
use crate::db::{DbConnection, DbError};

/// The funnel up to `end`, in distinct arriving members (seekers): signed up, confirmed,
/// matched (approved), introduced (both accepted), then reaching each stage of the path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Funnel {
    /// Arriving members who signed up.
    pub signed_up: i64,
    /// ... whose sign-up was confirmed.
    pub confirmed: i64,
    /// Seekers a coordinator approved a match for.
    pub matched: i64,
    /// Seekers in a match both accepted.
    pub introduced: i64,
    /// Seekers whose match reached at least `getting_to_know` (they met).
    pub met: i64,
    /// ... at least `building_trust`.
    pub building_trust: i64,
    /// ... at least `mutual`.
    pub mutual: i64,
    /// ... `independent`.
    pub independent: i64,
}

/// The funnel up to `end` (see [`Funnel`]).
///
/// # Errors
/// A failed query.
pub fn funnel(
    conn: &mut DbConnection,
    programmes: &[i32],
    end: NaiveDateTime,
) -> Result<Funnel, DbError> {
    #[derive(QueryableByName)]
    struct Two {
        #[diesel(sql_type = BigInt)]
        a: i64,
        #[diesel(sql_type = BigInt)]
        b: i64,
    }
    #[derive(QueryableByName)]
    struct Four {
        #[diesel(sql_type = BigInt)]
        met: i64,
        #[diesel(sql_type = BigInt)]
        trust: i64,
        #[diesel(sql_type = BigInt)]
        mutual: i64,
        #[diesel(sql_type = BigInt)]
        independent: i64,
    }
    let ids = id_list(programmes);
    let t = at(end);
    // Seekers: arriving members who do not offer to be a buddy, and anyone who was the seeker
    // of a match (an arriving member who became a buddy later is still counted).
    let people: Two = diesel::sql_query(format!(
        "SELECT COUNT(*) AS a, \
                COALESCE(SUM(CASE WHEN confirmed_at < {t} THEN 1 ELSE 0 END), 0) AS b \
         FROM participants WHERE programme_id IN ({ids}) AND created_at < {t} \
         AND ((role = 'arriving' AND volunteer = {no}) \
              OR id IN (SELECT seeker_id FROM matches WHERE programme_id IN ({ids})))",
        no = truth(conn, false)
    ))
    .get_result(conn)
    .context("outcomes: funnel, people")?;
    let matched: Two = diesel::sql_query(format!(
        "SELECT COUNT(DISTINCT CASE WHEN decided_at < {t} \
                  AND status IN ('approved', 'declined', 'active', 'closed') THEN seeker_id END) AS a, \
                COUNT(DISTINCT CASE WHEN active_since < {t} THEN seeker_id END) AS b \
         FROM matches WHERE programme_id IN ({ids})"
    ))
    .get_result(conn)
    .context("outcomes: funnel, matches")?;
    // Each seeker counts for every step up to the furthest stage any of their matches reached
    // (one grouping, not a distinct count per step). On SQLite the stage history is read in
    // time order (see `indexed_by`).
    let stages: Four = diesel::sql_query(format!(
        "SELECT {met} AS met, {trust} AS trust, {mutual} AS mutual, {independent} AS independent \
         FROM (SELECT m.seeker_id, MAX(CASE h.stage WHEN 'getting_to_know' THEN 1 \
                 WHEN 'building_trust' THEN 2 WHEN 'mutual' THEN 3 WHEN 'independent' THEN 4 \
                 END) AS furthest \
               FROM match_stage_changes h {index} JOIN matches m ON m.id = h.match_id \
               WHERE m.programme_id IN ({ids}) AND h.changed_at < {t} \
                 AND h.stage IN ('getting_to_know', 'building_trust', 'mutual', 'independent') \
               GROUP BY m.seeker_id) s",
        met = at_least(1),
        trust = at_least(2),
        mutual = at_least(3),
        independent = at_least(4),
        index = indexed_by(conn, "match_stage_changes_spans"),
    ))
    .get_result(conn)
    .context("outcomes: funnel, stages")?;
    Ok(Funnel {
        signed_up: people.a,
        confirmed: people.b,
        matched: matched.a,
        introduced: matched.b,
        met: stages.met,
        building_trust: stages.trust,
        mutual: stages.mutual,
        independent: stages.independent,
    })
}

/// "The seeker's furthest stage is step `step` or beyond", counted.
fn at_least(step: u8) -> String {
    format!("COALESCE(SUM(CASE WHEN furthest >= {step} THEN 1 ELSE 0 END), 0)")
}
