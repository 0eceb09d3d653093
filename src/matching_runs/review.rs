//! What coordinators read when they review runs, for the review pages and the JSON API alike: a
//! programme's runs and pins, one page of a run's proposals (the view is audited as `run.view`),
//! and the comparison of two runs (audited as `run.compare`). Participants come with them so a
//! page can name people without another query; contact details are the page's to leave out.

use std::collections::HashMap;

use super::decisions::{self, Comparison};
use super::fairness::FairnessReport;
use super::review_table::{self, Filter};
use super::Unmatched;
use crate::db::audit::{self, AuditEntry};
use crate::db::matches::{self, Match, RuleKind};
use crate::db::participants::{self, Participant, PersonOutline};
use crate::db::runs::{self, MatchingRun};
use crate::db::{Db, DbConnection, DbError};
use crate::domain::{MatchStatus, RunStatus};

/// Who reads, for the audit log.
#[derive(Debug, Clone, Copy)]
pub struct Viewer<'a> {
    /// The coordinator.
    pub coordinator_id: Option<i32>,
    /// The audit detail: `""` for the review pages, `"api"` for the JSON API.
    pub via: &'a str,
}

impl Viewer<'_> {
    fn record(self, db: &Db, programme_id: i32, action: &str, run_id: i32) -> Result<(), DbError> {
        db.write(|c| {
            audit::record(
                c,
                &AuditEntry {
                    coordinator_id: self.coordinator_id,
                    programme_id: Some(programme_id),
                    action,
                    subject_type: "matching_run",
                    subject_id: Some(run_id),
                    detail: self.via,
                },
                chrono::Utc::now().naive_utc(),
            )
        })
    }
}

/// Participants by id (one query).
fn people(conn: &mut DbConnection, ids: &[i32]) -> Result<HashMap<i32, Participant>, DbError> {
    Ok(participants::by_ids(conn, ids)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect())
}

/// The seekers a finished run left unmatched, with why (empty before it is done; a stored list
/// that no longer parses reads as empty rather than failing the page).
#[must_use]
pub fn unmatched_of(run: &MatchingRun) -> Vec<Unmatched> {
    if run.status == RunStatus::Done {
        serde_json::from_str(&run.unmatched).unwrap_or_default()
    } else {
        Vec::new()
    }
}

/// A finished run next to first come, first served (None before it is done, for runs made
/// before it was kept, or when the stored report no longer parses).
#[must_use]
pub fn fairness_of(run: &MatchingRun) -> Option<FairnessReport> {
    if run.status != RunStatus::Done {
        return None;
    }
    run.fairness
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
}

/// A programme's runs and pinned pairs.
#[derive(Debug, Clone)]
pub struct Overview {
    /// The latest runs, newest first.
    pub runs: Vec<MatchingRun>,
    /// Pinned (seeker, buddy) pairs.
    pub pins: Vec<(i32, i32)>,
    /// The people in the pins.
    pub people: HashMap<i32, Participant>,
}

/// The programme's latest `limit` runs and its pinned pairs.
///
/// # Errors
/// A failed query.
pub fn overview(db: &Db, programme_id: i32, limit: i64) -> Result<Overview, DbError> {
    let conn = &mut *db.get()?;
    let runs = runs::for_programme(conn, programme_id, limit)?;
    let pins = matches::rules(conn, programme_id, RuleKind::Pinned)?;
    let ids: Vec<i32> = pins.iter().flat_map(|&(s, b)| [s, b]).collect();
    let people = people(conn, &ids)?;
    Ok(Overview { runs, pins, people })
}

/// One page of a run's proposals.
#[derive(Debug, Clone, Default)]
pub struct Proposals {
    /// This page, best score first.
    pub items: Vec<Match>,
    /// All proposals of the run.
    pub total: i64,
}

/// One page (`page` from 1) of a finished run's proposals; records `run.view`.
///
/// # Errors
/// A failed query.
pub fn view_proposals(
    db: &Db,
    run: &MatchingRun,
    page: i64,
    per_page: i64,
    viewer: Viewer<'_>,
) -> Result<Proposals, DbError> {
    let (items, total) = matches::for_run(&mut *db.get()?, run.id, page, per_page)?;
    viewer.record(db, run.programme_id, "run.view", run.id)?;
    Ok(Proposals { items, total })
}

/// What the run page shows of a finished run.
#[derive(Debug, Clone, Default)]
pub struct RunReview {
    /// One page of the proposals the filter keeps; `total` counts them all, unfiltered.
    pub proposals: Proposals,
    /// How many proposals the filter keeps.
    pub shown: usize,
    /// How many of those still wait for a decision.
    pub waiting_shown: usize,
    /// The people in this page's proposals, and those asked for in `also`.
    pub people: HashMap<i32, Participant>,
    /// Names and areas of everyone in the run's proposals.
    pub outlines: HashMap<i32, PersonOutline>,
    /// The shared languages of the run's proposals (codes, sorted), to filter by.
    pub languages: Vec<String>,
    /// The programme's other finished runs (among the latest `limit`), to compare with.
    pub earlier: Vec<MatchingRun>,
    /// The programme's other runs that still hold undecided proposals, with how many: until
    /// the coordinator keeps one run, their proposals wait next to this run's.
    pub undecided_elsewhere: Vec<(i32, i64)>,
}

/// One page of the run's proposals that `filter` keeps, with the people in them (and `also`)
/// and the runs to compare with; empty while the run is not done (nothing is recorded then).
/// Records `run.view`.
///
/// # Errors
/// A failed query.
#[allow(clippy::too_many_arguments)]
pub fn review_run(
    db: &Db,
    run: &MatchingRun,
    filter: &Filter,
    page: i64,
    per_page: i64,
    also: &[i32],
    limit: i64,
    viewer: Viewer<'_>,
) -> Result<RunReview, DbError> {
    if run.status != RunStatus::Done {
        return Ok(RunReview::default());
    }
    let review = {
        let conn = &mut *db.get()?;
        let all = matches::all_of_run(conn, run.id)?;
        let total = i64::try_from(all.len()).unwrap_or(i64::MAX);
        let mut languages: Vec<String> = all
            .iter()
            .filter_map(|m| review_table::shared_language(&m.reasons))
            .collect();
        languages.sort();
        languages.dedup();
        let outlines = participants::outlines_in_run(conn, run.id)?;
        let kept = review_table::select(all, &outlines, filter);
        let shown = kept.len();
        let waiting_shown = kept
            .iter()
            .filter(|m| m.status == MatchStatus::Proposed)
            .count();
        let skip = usize::try_from(crate::db::page_offset(page, per_page)).unwrap_or(0);
        let items: Vec<Match> = kept
            .into_iter()
            .skip(skip)
            .take(usize::try_from(per_page).unwrap_or(0))
            .collect();
        let mut ids: Vec<i32> = items
            .iter()
            .flat_map(|m| [m.seeker_id, m.buddy_id])
            .collect();
        ids.extend_from_slice(also);
        let people = people(conn, &ids)?;
        let earlier = runs::for_programme(conn, run.programme_id, limit)?
            .into_iter()
            .filter(|r| r.id != run.id && r.status == RunStatus::Done)
            .collect();
        let undecided_elsewhere = matches::undecided_by_run(conn, run.programme_id)?
            .into_iter()
            .filter(|&(r, _)| r != run.id)
            .collect();
        RunReview {
            proposals: Proposals { items, total },
            shown,
            waiting_shown,
            people,
            outlines,
            languages,
            earlier,
            undecided_elsewhere,
        }
    };
    viewer.record(db, run.programme_id, "run.view", run.id)?;
    Ok(review)
}

/// The ids of the proposals still waiting for a decision that `filter` keeps: what "approve all
/// shown" approves.
///
/// # Errors
/// A failed query.
pub fn waiting_shown(db: &Db, run: &MatchingRun, filter: &Filter) -> Result<Vec<i32>, DbError> {
    let conn = &mut *db.get()?;
    let all = matches::all_of_run(conn, run.id)?;
    let outlines = participants::outlines_in_run(conn, run.id)?;
    Ok(review_table::select(all, &outlines, filter)
        .into_iter()
        .filter(|m| m.status == MatchStatus::Proposed)
        .map(|m| m.id)
        .collect())
}

/// Two runs compared: the pairs that differ, the people in them, and each such pair's status in
/// its run; records `run.compare`.
///
/// # Errors
/// A failed query.
pub fn compare_runs(
    db: &Db,
    run: &MatchingRun,
    other: &MatchingRun,
    viewer: Viewer<'_>,
) -> Result<RunComparison, DbError> {
    let compared = {
        let conn = &mut *db.get()?;
        let cmp = decisions::compare(conn, run.id, other.id)?;
        let ids: Vec<i32> = cmp
            .only_first
            .iter()
            .chain(&cmp.only_second)
            .flat_map(|&(s, b)| [s, b])
            .collect();
        let people = people(conn, &ids)?;
        let mut statuses = matches::statuses_of_run(conn, run.id)?;
        statuses.extend(matches::statuses_of_run(conn, other.id)?);
        RunComparison {
            cmp,
            people,
            statuses,
        }
    };
    viewer.record(db, run.programme_id, "run.compare", run.id)?;
    Ok(compared)
}

/// What [`compare_runs`] finds.
#[derive(Debug, Clone)]
pub struct RunComparison {
    /// The pairs.
    pub cmp: Comparison,
    /// The people in the pairs that differ.
    pub people: HashMap<i32, Participant>,
    /// Each pair's status in its run (a pair only in one run has one).
    pub statuses: HashMap<(i32, i32), MatchStatus>,
}
