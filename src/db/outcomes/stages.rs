//! The matches' stages: live matches per stage now, the per-day stage changes, and their
//! compaction into one row per day.

use anyhow::Context;
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::{groups, id_list, GroupCount};
use crate::db::{DbConnection, DbError};

/// Live matches now per stage (code; `introduced` for matches from before stages were kept).
///
/// # Errors
/// A failed query.
pub fn live_stages(
    conn: &mut DbConnection,
    programmes: &[i32],
) -> Result<Vec<GroupCount>, DbError> {
    let ids = id_list(programmes);
    let sql = format!(
        "SELECT COALESCE(stage, 'introduced') AS key, COUNT(*) AS n FROM matches \
         WHERE programme_id IN ({ids}) AND status = 'active' \
         GROUP BY COALESCE(stage, 'introduced')"
    );
    groups(conn, &sql, "live stages")
}

/// A day's change in the number of live matches at one stage: entries begun that day minus
/// entries ended that day (closed entries are left out: a closed match is no longer live).
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct StageDelta {
    /// The stage code.
    #[diesel(sql_type = Text)]
    pub stage: String,
    /// The day, `YYYY-MM-DD`.
    #[diesel(sql_type = Text)]
    pub day: String,
    /// Begun minus ended that day.
    #[diesel(sql_type = BigInt)]
    pub delta: i64,
}

/// The matches' stage history before the day `before`, as per-day changes of the live count of
/// each stage (from each entry's start and end): the number at any midnight is the sum of the
/// changes of the days before it. Read from `stage_day_deltas`, which triggers keep as the stage
/// history is written and [`compact_stage_days`] sums up: a few thousand rows at most, whatever
/// the number of matches.
///
/// # Errors
/// A failed query.
pub fn stage_deltas(
    conn: &mut DbConnection,
    programmes: &[i32],
    before: NaiveDate,
) -> Result<Vec<StageDelta>, DbError> {
    let ids = id_list(programmes);
    let sql = format!(
        "SELECT stage, day, SUM(delta) AS delta FROM stage_day_deltas \
         WHERE programme_id IN ({ids}) AND day < '{before}' \
         GROUP BY stage, day",
        before = before.format("%Y-%m-%d"),
    );
    Ok(diesel::sql_query(sql)
        .load(conn)
        .context("outcomes: stages over time")?)
}

/// Sums the per-day stage changes the triggers appended since the last time into one row per
/// programme, stage and day (the housekeeping's hourly pass); returns how many rows went.
/// Run it in a write transaction ([`crate::db::Db::write`]). On PostgreSQL one statement
/// deletes and re-adds what it saw, so changes other transactions append meanwhile stay as
/// they are.
///
/// # Errors
/// A failed statement.
pub fn compact_stage_days(conn: &mut DbConnection) -> Result<usize, DbError> {
    // One row per programme, stage and day of the changes `rows` (a FROM clause) gives.
    let summed = |rows: &str| {
        format!(
            "INSERT INTO stage_day_deltas (programme_id, stage, day, delta) \
             SELECT programme_id, stage, day, SUM(delta) FROM {rows} \
             GROUP BY programme_id, stage, day HAVING SUM(delta) <> 0"
        )
    };
    let removed = match conn {
        DbConnection::Postgresql(c) => {
            #[derive(QueryableByName)]
            struct Removed {
                #[diesel(sql_type = BigInt)]
                removed: i64,
            }
            let r: Removed = diesel::sql_query(format!(
                "WITH gone AS (DELETE FROM stage_day_deltas \
                               RETURNING programme_id, stage, day, delta), \
                      kept AS ({} RETURNING 1) \
                 SELECT (SELECT COUNT(*) FROM gone) - (SELECT COUNT(*) FROM kept) AS removed",
                summed("gone")
            ))
            .get_result(c)
            .context("summing up the stage changes per day")?;
            usize::try_from(r.removed).unwrap_or(0)
        }
        DbConnection::Sqlite(c) => {
            // Writers take turns on SQLite: nothing is appended between these statements.
            #[derive(QueryableByName)]
            struct Last {
                #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
                id: Option<i64>,
            }
            let Some(last) = diesel::sql_query("SELECT MAX(id) AS id FROM stage_day_deltas")
                .get_result::<Last>(c)
                .context("finding the stage changes to sum up")?
                .id
            else {
                return Ok(0);
            };
            let kept = diesel::sql_query(summed(&format!("stage_day_deltas WHERE id <= {last}")))
                .execute(c)
                .context("summing up the stage changes per day")?;
            let gone =
                diesel::sql_query(format!("DELETE FROM stage_day_deltas WHERE id <= {last}"))
                    .execute(c)
                    .context("removing the stage changes summed up")?;
            gone.saturating_sub(kept)
        }
    };
    Ok(removed)
}
