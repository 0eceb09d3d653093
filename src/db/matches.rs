//! Matches: proposals from a run, coordinator decisions, and the pair's life afterwards; plus
//! pair rules (pinned and forbidden pairs).

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::schema::{matches, pair_rules};
use super::{DbConnection, DbError};
use crate::domain::{IntroductionAnswer, MatchStatus};

/// Codes of the match statuses that hold a seeker and a unit of the buddy's capacity.
pub const LIVE_STATUSES: [&str; 2] = [MatchStatus::Approved.code(), MatchStatus::Active.code()];

/// A stored match.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = matches)]
pub struct Match {
    /// Id.
    pub id: i32,
    /// Programme.
    pub programme_id: i32,
    /// The run that proposed it (None: matched by hand).
    pub run_id: Option<i32>,
    /// The seeker.
    pub seeker_id: i32,
    /// The buddy.
    pub buddy_id: i32,
    /// Score 0..=1000.
    pub score: i32,
    /// JSON reasons from the matching core.
    pub reasons: String,
    /// Where the match is in its life.
    pub status: MatchStatus,
    /// Continuum stage.
    pub stage: Option<String>,
    /// The seeker's answer to the introduction.
    pub seeker_response: Option<IntroductionAnswer>,
    /// The buddy's answer to the introduction.
    pub buddy_response: Option<IntroductionAnswer>,
    /// Why a coordinator rejected it.
    pub reject_reason: Option<String>,
    /// Who decided.
    pub decided_by: Option<i32>,
    /// When.
    pub decided_at: Option<NaiveDateTime>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Changed.
    pub updated_at: NaiveDateTime,
}

/// A proposal to store.
#[derive(Debug, Clone)]
pub struct NewProposal {
    /// The seeker.
    pub seeker_id: i32,
    /// The buddy.
    pub buddy_id: i32,
    /// Score.
    pub score: i32,
    /// JSON reasons.
    pub reasons_json: String,
}

/// Stores a run's proposals (status `proposed`). Undecided proposals of earlier runs stay as
/// they are until a coordinator keeps one run ([`keep_run`]).
///
/// # Errors
/// A failed query.
pub fn store_proposals(
    conn: &mut DbConnection,
    programme_id: i32,
    run_id: i32,
    proposals: &[NewProposal],
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let row = |p| ProposalRow::proposed(p, programme_id, run_id, now);
    let context = || format!("storing the proposals of run {run_id}");
    match conn {
        // PostgreSQL takes them all in one binary COPY stream: no statement to parse and plan
        // per batch, no bound parameters (a run of 10 000 x 8 000 stores 9 500 rows).
        DbConnection::Postgresql(c) => {
            let rows: Vec<ProposalRow<'_>> = proposals.iter().map(row).collect();
            diesel::copy_from(matches::table)
                .from_insertable(&rows)
                .execute(c)
                .with_context(context)?;
        }
        DbConnection::Sqlite(c) => {
            for chunk in proposals.chunks(PROPOSAL_BATCH) {
                let rows: Vec<ProposalRow<'_>> = chunk.iter().map(row).collect();
                diesel::insert_into(matches::table)
                    .values(&rows)
                    .execute(c)
                    .with_context(context)?;
            }
        }
    }
    Ok(())
}

/// Proposals per multi-row INSERT on SQLite (9 columns x 1000 rows stays under its 32766 bound
/// values).
const PROPOSAL_BATCH: usize = 1000;

/// A proposal as stored.
#[derive(Insertable)]
#[diesel(table_name = matches)]
#[diesel(treat_none_as_default_value = false)] // NULL, not DEFAULT: one statement per batch, and COPY
struct ProposalRow<'a> {
    programme_id: i32,
    run_id: Option<i32>,
    seeker_id: i32,
    buddy_id: i32,
    score: i32,
    reasons: &'a str,
    status: &'a str,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl<'a> ProposalRow<'a> {
    fn proposed(p: &'a NewProposal, programme_id: i32, run_id: i32, now: NaiveDateTime) -> Self {
        ProposalRow {
            programme_id,
            run_id: Some(run_id),
            seeker_id: p.seeker_id,
            buddy_id: p.buddy_id,
            score: p.score,
            reasons: &p.reasons_json,
            status: MatchStatus::Proposed.code(),
            created_at: now,
            updated_at: now,
        }
    }
}

/// Keeps run `run_id` of the programme: the undecided proposals of its other runs become
/// `superseded`. Returns how many.
///
/// # Errors
/// A failed query.
pub fn keep_run(
    conn: &mut DbConnection,
    programme_id: i32,
    run_id: i32,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        matches::table
            .filter(matches::programme_id.eq(programme_id))
            .filter(matches::status.eq(MatchStatus::Proposed.code()))
            .filter(matches::run_id.is_not_null())
            .filter(matches::run_id.ne(run_id)),
    )
    .set((
        matches::status.eq(MatchStatus::Superseded.code()),
        matches::updated_at.eq(now),
    ))
    .execute(conn)
    .with_context(|| format!("keeping run {run_id} of programme {programme_id}"))?)
}

/// How many undecided proposals each run of the programme holds, by run id (runs with none
/// are left out), oldest run first.
///
/// # Errors
/// A failed query.
pub fn undecided_by_run(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<Vec<(i32, i64)>, DbError> {
    let rows: Vec<(Option<i32>, i64)> = matches::table
        .filter(matches::programme_id.eq(programme_id))
        .filter(matches::status.eq(MatchStatus::Proposed.code()))
        .filter(matches::run_id.is_not_null())
        .group_by(matches::run_id)
        .select((matches::run_id, diesel::dsl::count_star()))
        .order(matches::run_id.asc())
        .load(conn)
        .with_context(|| format!("counting the undecided proposals of programme {programme_id}"))?;
    Ok(rows
        .into_iter()
        .filter_map(|(run, n)| run.map(|r| (r, n)))
        .collect())
}

/// A run's matches, best score first, one page (`page` from 1), and the total.
///
/// # Errors
/// A failed query.
pub fn for_run(
    conn: &mut DbConnection,
    run_id: i32,
    page: i64,
    per_page: i64,
) -> Result<(Vec<Match>, i64), DbError> {
    let total = matches::table
        .filter(matches::run_id.eq(run_id))
        .count()
        .get_result(conn)
        .with_context(|| format!("counting the proposals of run {run_id}"))?;
    let items = matches::table
        .filter(matches::run_id.eq(run_id))
        .order((matches::score.desc(), matches::id.asc()))
        .limit(per_page)
        .offset(super::page_offset(page, per_page))
        .select(Match::as_select())
        .load(conn)
        .with_context(|| format!("reading page {page} of the proposals of run {run_id}"))?;
    Ok((items, total))
}

/// All of a run's matches (the review table filters and pages them itself).
///
/// # Errors
/// A failed query.
pub fn all_of_run(conn: &mut DbConnection, run_id: i32) -> Result<Vec<Match>, DbError> {
    Ok(matches::table
        .filter(matches::run_id.eq(run_id))
        .order((matches::score.desc(), matches::id.asc()))
        .select(Match::as_select())
        .load(conn)
        .with_context(|| format!("reading the proposals of run {run_id}"))?)
}

/// Every match a participant is or was in (as seeker or buddy), newest first.
///
/// # Errors
/// A failed query.
pub fn of_participant(conn: &mut DbConnection, participant_id: i32) -> Result<Vec<Match>, DbError> {
    Ok(matches::table
        .filter(
            matches::seeker_id
                .eq(participant_id)
                .or(matches::buddy_id.eq(participant_id)),
        )
        .order((matches::created_at.desc(), matches::id.desc()))
        .select(Match::as_select())
        .load(conn)
        .with_context(|| format!("reading the matches of participant {participant_id}"))?)
}

/// The furthest open match of each of these participants (active before approved before
/// proposed), by participant id; people in none are left out.
///
/// # Errors
/// A failed query.
pub fn open_status_of(
    conn: &mut DbConnection,
    ids: &[i32],
) -> Result<std::collections::HashMap<i32, MatchStatus>, DbError> {
    let open = [
        MatchStatus::Proposed,
        MatchStatus::Approved,
        MatchStatus::Active,
    ];
    let rows: Vec<(i32, i32, MatchStatus)> = matches::table
        .filter(
            matches::seeker_id
                .eq_any(ids)
                .or(matches::buddy_id.eq_any(ids)),
        )
        .filter(matches::status.eq_any(MatchStatus::codes(open)))
        .select((matches::seeker_id, matches::buddy_id, matches::status))
        .load(conn)
        .context("reading the open matches of a list of people")?;
    let rank = |s: MatchStatus| open.iter().position(|o| *o == s).unwrap_or(0);
    let mut out = std::collections::HashMap::new();
    for (seeker, buddy, status) in rows {
        for id in [seeker, buddy] {
            if ids.contains(&id) {
                let e = out.entry(id).or_insert(status);
                if rank(status) > rank(*e) {
                    *e = status;
                }
            }
        }
    }
    Ok(out)
}

/// The status of each of a run's (seeker, buddy) pairs.
///
/// # Errors
/// A failed query.
pub fn statuses_of_run(
    conn: &mut DbConnection,
    run_id: i32,
) -> Result<std::collections::HashMap<(i32, i32), MatchStatus>, DbError> {
    let rows: Vec<(i32, i32, MatchStatus)> = matches::table
        .filter(matches::run_id.eq(run_id))
        .select((matches::seeker_id, matches::buddy_id, matches::status))
        .load(conn)
        .with_context(|| format!("reading the statuses of run {run_id}"))?;
    Ok(rows.into_iter().map(|(s, b, st)| ((s, b), st)).collect())
}

/// All of a run's (seeker, buddy) pairs, for comparing runs.
///
/// # Errors
/// A failed query.
pub fn pairs_of_run(conn: &mut DbConnection, run_id: i32) -> Result<Vec<(i32, i32)>, DbError> {
    Ok(matches::table
        .filter(matches::run_id.eq(run_id))
        .select((matches::seeker_id, matches::buddy_id))
        .order((matches::seeker_id.asc(), matches::buddy_id.asc()))
        .load(conn)
        .with_context(|| format!("reading the pairs of run {run_id}"))?)
}

/// The match with this id.
///
/// # Errors
/// A failed query.
pub fn find(conn: &mut DbConnection, id: i32) -> Result<Option<Match>, DbError> {
    Ok(matches::table
        .find(id)
        .select(Match::as_select())
        .first(conn)
        .optional()
        .with_context(|| format!("reading match {id}"))?)
}

/// Live matches (approved or active) of a programme as (seeker, buddy) pairs: seekers in them
/// are not in the pool, and each uses one unit of the buddy's capacity.
///
/// # Errors
/// A failed query.
pub fn live_pairs(conn: &mut DbConnection, programme_id: i32) -> Result<Vec<(i32, i32)>, DbError> {
    Ok(matches::table
        .filter(matches::programme_id.eq(programme_id))
        .filter(matches::status.eq_any(LIVE_STATUSES))
        .select((matches::seeker_id, matches::buddy_id))
        .load(conn)
        .with_context(|| format!("reading the live pairs of programme {programme_id}"))?)
}

/// Live matches (approved or active) of a programme that hold this seeker or this buddy, as
/// (seeker, buddy) pairs: whether the seeker is free and how much of the buddy's capacity is
/// used, without reading the whole programme.
///
/// # Errors
/// A failed query.
pub fn live_pairs_of(
    conn: &mut DbConnection,
    programme_id: i32,
    seeker_id: i32,
    buddy_id: i32,
) -> Result<Vec<(i32, i32)>, DbError> {
    Ok(matches::table
        .filter(matches::programme_id.eq(programme_id))
        .filter(matches::status.eq_any(LIVE_STATUSES))
        .filter(
            matches::seeker_id
                .eq(seeker_id)
                .or(matches::buddy_id.eq(buddy_id)),
        )
        .select((matches::seeker_id, matches::buddy_id))
        .load(conn)
        .with_context(|| {
            format!("reading the live pairs of seeker {seeker_id} or buddy {buddy_id}")
        })?)
}

/// A pair a coordinator makes by hand, stored as a proposal without a run.
#[derive(Debug, Clone)]
pub struct NewManualMatch<'a> {
    /// Programme.
    pub programme_id: i32,
    /// The seeker.
    pub seeker_id: i32,
    /// The buddy.
    pub buddy_id: i32,
    /// Score 0..=1000.
    pub score: i32,
    /// JSON reasons from the matching core.
    pub reasons_json: &'a str,
}

/// Stores a pair made by hand as a proposal (no run) and returns its id.
///
/// # Errors
/// A failed query.
pub fn insert_manual(
    conn: &mut DbConnection,
    new: &NewManualMatch<'_>,
    now: NaiveDateTime,
) -> Result<i32, DbError> {
    Ok(diesel::insert_into(matches::table)
        .values((
            matches::programme_id.eq(new.programme_id),
            matches::run_id.eq(None::<i32>),
            matches::seeker_id.eq(new.seeker_id),
            matches::buddy_id.eq(new.buddy_id),
            matches::score.eq(new.score),
            matches::reasons.eq(new.reasons_json),
            matches::status.eq(MatchStatus::Proposed.code()),
            matches::created_at.eq(now),
            matches::updated_at.eq(now),
        ))
        .returning(matches::id)
        .get_result(conn)
        .with_context(|| {
            format!(
                "storing the manual pair of seeker {} and buddy {}",
                new.seeker_id, new.buddy_id
            )
        })?)
}

/// Moves a match from `from` to `to` status, recording who decided; returns false when the match
/// was not in `from` (decided already, or by someone else at the same moment).
///
/// # Errors
/// A failed query.
pub fn transition(
    conn: &mut DbConnection,
    id: i32,
    from: MatchStatus,
    to: MatchStatus,
    decided_by: Option<i32>,
    reject_reason: Option<&str>,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let changed = diesel::update(
        matches::table
            .find(id)
            .filter(matches::status.eq(from.code())),
    )
    .set((
        matches::status.eq(to.code()),
        matches::decided_by.eq(decided_by),
        matches::decided_at.eq(Some(now)),
        matches::reject_reason.eq(reject_reason),
        matches::updated_at.eq(now),
    ))
    .execute(conn)
    .with_context(|| format!("moving match {id} from {from} to {to}"))?;
    Ok(changed == 1)
}

/// Pinned or forbidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// Must be in the next run's result.
    Pinned,
    /// Must never be proposed.
    Forbidden,
}

impl RuleKind {
    fn code(self) -> &'static str {
        match self {
            Self::Pinned => "pinned",
            Self::Forbidden => "forbidden",
        }
    }
}

/// Adds a pair rule (no-op if it exists).
///
/// # Errors
/// A failed query.
#[allow(clippy::too_many_arguments)] // the columns of one rule row
pub fn add_rule(
    conn: &mut DbConnection,
    programme_id: i32,
    seeker_id: i32,
    buddy_id: i32,
    kind: RuleKind,
    reason: &str,
    created_by: Option<i32>,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    if !has_rule(conn, seeker_id, buddy_id, kind)? {
        diesel::insert_into(pair_rules::table)
            .values((
                pair_rules::programme_id.eq(programme_id),
                pair_rules::seeker_id.eq(seeker_id),
                pair_rules::buddy_id.eq(buddy_id),
                pair_rules::kind.eq(kind.code()),
                pair_rules::reason.eq(reason),
                pair_rules::created_by.eq(created_by),
                pair_rules::created_at.eq(now),
            ))
            .execute(conn)
            .with_context(|| format!("adding a {} rule", kind.code()))?;
    }
    Ok(())
}

/// Whether a rule of this kind holds for the pair.
///
/// # Errors
/// A failed query.
pub fn has_rule(
    conn: &mut DbConnection,
    seeker_id: i32,
    buddy_id: i32,
    kind: RuleKind,
) -> Result<bool, DbError> {
    let n: i64 = pair_rules::table
        .filter(pair_rules::seeker_id.eq(seeker_id))
        .filter(pair_rules::buddy_id.eq(buddy_id))
        .filter(pair_rules::kind.eq(kind.code()))
        .count()
        .get_result(conn)
        .with_context(|| format!("looking for a {} rule", kind.code()))?;
    Ok(n > 0)
}

/// Removes a pair rule; returns whether one was there.
///
/// # Errors
/// A failed query.
pub fn remove_rule(
    conn: &mut DbConnection,
    seeker_id: i32,
    buddy_id: i32,
    kind: RuleKind,
) -> Result<bool, DbError> {
    let n = diesel::delete(
        pair_rules::table
            .filter(pair_rules::seeker_id.eq(seeker_id))
            .filter(pair_rules::buddy_id.eq(buddy_id))
            .filter(pair_rules::kind.eq(kind.code())),
    )
    .execute(conn)
    .with_context(|| format!("removing a {} rule", kind.code()))?;
    Ok(n > 0)
}

/// A programme's pairs of one kind.
///
/// # Errors
/// A failed query.
pub fn rules(
    conn: &mut DbConnection,
    programme_id: i32,
    kind: RuleKind,
) -> Result<Vec<(i32, i32)>, DbError> {
    Ok(pair_rules::table
        .filter(pair_rules::programme_id.eq(programme_id))
        .filter(pair_rules::kind.eq(kind.code()))
        .select((pair_rules::seeker_id, pair_rules::buddy_id))
        .load(conn)
        .with_context(|| {
            format!(
                "reading the {} pairs of programme {programme_id}",
                kind.code()
            )
        })?)
}
