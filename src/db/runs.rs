//! Matching runs: one row per run with its options, progress and result summary. One active
//! run per programme is enforced by a unique partial index, so several app instances cannot
//! start two at once.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::schema::matching_runs;
use super::{DbConnection, DbError};
use crate::domain::RunStatus;

/// A stored run.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = matching_runs)]
pub struct MatchingRun {
    /// Id.
    pub id: i32,
    /// Programme.
    pub programme_id: i32,
    /// Coordinator who started it (None: command line).
    pub started_by: Option<i32>,
    /// Objective code.
    pub objective: String,
    /// Weights used, JSON.
    pub weights: String,
    /// Where the run is.
    pub status: RunStatus,
    /// What it is doing now.
    pub progress: String,
    /// Seekers considered.
    pub seekers: i32,
    /// Buddies considered.
    pub buddies: i32,
    /// Feasible pairs found.
    pub feasible_pairs: i32,
    /// Seekers matched.
    pub matched: i32,
    /// Sum of the proposed pairs' scores.
    pub total_score: i32,
    /// Wall time of the run.
    pub duration_ms: i32,
    /// JSON list of unmatched seekers with reasons.
    pub unmatched: String,
    /// Why it failed.
    pub error: Option<String>,
    /// Started.
    pub created_at: NaiveDateTime,
    /// Finished.
    pub finished_at: Option<NaiveDateTime>,
    /// The run next to first come, first served (JSON of
    /// `matching_runs::fairness::FairnessReport`); None for older runs.
    pub fairness: Option<String>,
}

/// Why a run could not be started.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// Another run of this programme is queued or running.
    #[error("a matching run is already in progress for this programme")]
    AlreadyRunning,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for StartError {
    fn from(e: diesel::result::Error) -> Self {
        match super::Refusal::of(&e) {
            Some(super::Refusal::Duplicate) => Self::AlreadyRunning,
            _ => Self::Db(DbError::Query(e)),
        }
    }
}

/// Records a queued run and returns its id.
///
/// # Errors
/// [`StartError::AlreadyRunning`] when the programme has an active run.
pub fn create(
    conn: &mut DbConnection,
    programme_id: i32,
    started_by: Option<i32>,
    objective: &str,
    weights_json: &str,
    now: NaiveDateTime,
) -> Result<i32, StartError> {
    Ok(diesel::insert_into(matching_runs::table)
        .values((
            matching_runs::programme_id.eq(programme_id),
            matching_runs::started_by.eq(started_by),
            matching_runs::objective.eq(objective),
            matching_runs::weights.eq(weights_json),
            matching_runs::status.eq(RunStatus::Queued.code()),
            matching_runs::created_at.eq(now),
        ))
        .returning(matching_runs::id)
        .get_result(conn)?)
}

/// Sets status and progress text.
///
/// # Errors
/// A failed query.
pub fn set_progress(
    conn: &mut DbConnection,
    id: i32,
    status: RunStatus,
    progress: &str,
) -> Result<(), DbError> {
    diesel::update(matching_runs::table.find(id))
        .set((
            matching_runs::status.eq(status.code()),
            matching_runs::progress.eq(progress),
        ))
        .execute(conn)
        .with_context(|| format!("recording the progress of run {id}"))?;
    Ok(())
}

/// The summary a finished run stores.
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    /// Seekers considered.
    pub seekers: i32,
    /// Buddies considered.
    pub buddies: i32,
    /// Feasible pairs.
    pub feasible_pairs: i32,
    /// Seekers matched.
    pub matched: i32,
    /// Total score.
    pub total_score: i32,
    /// Wall time.
    pub duration_ms: i32,
    /// JSON list of unmatched seekers with reasons.
    pub unmatched_json: String,
    /// JSON of the comparison with first come, first served.
    pub fairness_json: Option<String>,
}

/// Marks a run done with its summary.
///
/// # Errors
/// A failed query.
pub fn finish(
    conn: &mut DbConnection,
    id: i32,
    s: &RunSummary,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(matching_runs::table.find(id))
        .set((
            matching_runs::status.eq(RunStatus::Done.code()),
            matching_runs::progress.eq(RunStatus::Done.code()),
            matching_runs::seekers.eq(s.seekers),
            matching_runs::buddies.eq(s.buddies),
            matching_runs::feasible_pairs.eq(s.feasible_pairs),
            matching_runs::matched.eq(s.matched),
            matching_runs::total_score.eq(s.total_score),
            matching_runs::duration_ms.eq(s.duration_ms),
            matching_runs::unmatched.eq(&s.unmatched_json),
            matching_runs::fairness.eq(s.fairness_json.as_deref()),
            matching_runs::finished_at.eq(Some(now)),
        ))
        .execute(conn)
        .with_context(|| format!("recording the result of run {id}"))?;
    Ok(())
}

/// Marks a run failed with a message for the coordinator.
///
/// # Errors
/// A failed query.
pub fn fail(
    conn: &mut DbConnection,
    id: i32,
    error: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(matching_runs::table.find(id))
        .set((
            matching_runs::status.eq(RunStatus::Failed.code()),
            matching_runs::error.eq(Some(error)),
            matching_runs::finished_at.eq(Some(now)),
        ))
        .execute(conn)
        .with_context(|| format!("recording the failure of run {id}"))?;
    Ok(())
}

/// Marks the programme's runs that still say queued or running but started before `before` as
/// failed (`interrupted`): a crash or restart stopped them, and they must not block a new run.
///
/// # Errors
/// A failed query.
pub fn fail_interrupted(
    conn: &mut DbConnection,
    programme_id: i32,
    before: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        matching_runs::table
            .filter(matching_runs::programme_id.eq(programme_id))
            .filter(matching_runs::status.eq_any(RunStatus::IN_PROGRESS.map(RunStatus::code)))
            .filter(matching_runs::created_at.lt(before)),
    )
    .set((
        matching_runs::status.eq(RunStatus::Failed.code()),
        matching_runs::error.eq(Some("interrupted")),
        matching_runs::finished_at.eq(Some(now)),
    ))
    .execute(conn)
    .with_context(|| format!("failing the interrupted runs of programme {programme_id}"))?)
}

/// The run with this id.
///
/// # Errors
/// A failed query.
pub fn find(conn: &mut DbConnection, id: i32) -> Result<Option<MatchingRun>, DbError> {
    Ok(matching_runs::table
        .find(id)
        .select(MatchingRun::as_select())
        .first(conn)
        .optional()
        .with_context(|| format!("reading run {id}"))?)
}

/// A programme's runs, newest first.
///
/// # Errors
/// A failed query.
pub fn for_programme(
    conn: &mut DbConnection,
    programme_id: i32,
    limit: i64,
) -> Result<Vec<MatchingRun>, DbError> {
    Ok(matching_runs::table
        .filter(matching_runs::programme_id.eq(programme_id))
        .order(matching_runs::id.desc())
        .limit(limit)
        .select(MatchingRun::as_select())
        .load(conn)
        .with_context(|| format!("reading the runs of programme {programme_id}"))?)
}
