//! What a coordinator decides about proposals, for the review pages and the JSON API alike:
//! approve (with the introduction emails, in the same transaction), reject (with a reason; the
//! pair becomes forbidden), pin or unpin a pair, match two people by hand (the hard rules still
//! apply, see [`pair_check`](super::pair_check)), compare two runs and keep one of them (the
//! undecided proposals of the others are replaced). Each decision is one transaction and records
//! itself in the audit log.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;

use super::pair_check::{check_pair, PairProblem};
use crate::db::audit::{self, AuditEntry};
use crate::db::matches::{self, Match, NewManualMatch, RuleKind};
use crate::db::{Db, DbConnection, DbError};
use crate::domain::{MatchStatus, Programme};
use crate::introductions::room::Taken;
use crate::introductions::{self, ApproveOutcome};
use crate::settings::Settings;

/// Longest rejection reason kept (characters).
pub const MAX_REASON_CHARS: usize = 500;

/// What a decision did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Done now.
    Done,
    /// The match was not `proposed` any more; nothing changed. Its status.
    AlreadyDecided(MatchStatus),
    /// Still a proposal, but the seeker or the buddy is no longer free (another run's proposal
    /// or a pair made by hand was approved first); nothing changed.
    Taken(Taken),
}

/// Why a rejection reason is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReasonError {
    /// Empty (after trimming).
    #[error("a reason is required")]
    Missing,
    /// Longer than [`MAX_REASON_CHARS`].
    #[error("the reason is longer than {MAX_REASON_CHARS} characters")]
    TooLong,
}

/// A rejection reason as kept: trimmed, not empty, at most [`MAX_REASON_CHARS`] characters.
///
/// # Errors
/// [`ReasonError`] says which rule it breaks.
pub fn parse_reason(raw: &str) -> Result<String, ReasonError> {
    let reason = raw.trim();
    if reason.is_empty() {
        Err(ReasonError::Missing)
    } else if reason.chars().count() > MAX_REASON_CHARS {
        Err(ReasonError::TooLong)
    } else {
        Ok(reason.to_owned())
    }
}

/// Who did what, for the audit log.
struct Audit<'a> {
    coordinator_id: Option<i32>,
    programme_id: i32,
    action: &'a str,
    subject: (&'a str, Option<i32>),
    detail: &'a str,
}

fn record(conn: &mut DbConnection, a: &Audit<'_>, now: NaiveDateTime) -> Result<(), DbError> {
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: a.coordinator_id,
            programme_id: Some(a.programme_id),
            action: a.action,
            subject_type: a.subject.0,
            subject_id: a.subject.1,
            detail: a.detail,
        },
        now,
    )
}

/// [`approve`] inside the caller's transaction.
fn approve_in(
    conn: &mut DbConnection,
    match_id: i32,
    coordinator_id: Option<i32>,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<Decision, DbError> {
    match introductions::approve(conn, match_id, coordinator_id, settings, now) {
        Ok(ApproveOutcome::Approved) => Ok(Decision::Done),
        Ok(ApproveOutcome::AlreadyDecided { status }) => Ok(Decision::AlreadyDecided(status)),
        Ok(ApproveOutcome::Taken(taken)) => Ok(Decision::Taken(taken)),
        Err(introductions::IntroError::Db(e)) => Err(e),
        Err(e) => Err(DbError::Unexpected(anyhow::Error::new(e))),
    }
}

/// Approves a proposed match and writes both introduction emails in the same transaction (see
/// [`introductions::approve`], which also records `match.approve`).
///
/// # Errors
/// Storage failures.
pub fn approve(
    db: &Db,
    m: &Match,
    coordinator_id: Option<i32>,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<Decision, DbError> {
    db.write(|c| approve_in(c, m.id, coordinator_id, settings, now))
}

/// How many of the proposals ticked at once were approved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Approved {
    /// Approved now.
    pub done: usize,
    /// Already decided before (left as they were).
    pub already: usize,
    /// Left as proposals because one of the two is no longer free.
    pub taken: usize,
}

/// Approves the proposals `ids` of run `run_id` in one transaction; ids of other runs or of no
/// match are skipped.
///
/// # Errors
/// Storage failures (nothing is approved then).
pub fn approve_many(
    db: &Db,
    run_id: i32,
    ids: &[i32],
    coordinator_id: Option<i32>,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<Approved, DbError> {
    db.write(|c| {
        let mut out = Approved::default();
        for &id in ids {
            let Some(m) = matches::find(c, id)?.filter(|m| m.run_id == Some(run_id)) else {
                continue;
            };
            match approve_in(c, m.id, coordinator_id, settings, now)? {
                Decision::Done => out.done += 1,
                Decision::AlreadyDecided(_) => out.already += 1,
                Decision::Taken(_) => out.taken += 1,
            }
        }
        Ok(out)
    })
}

/// Rejects a proposed match with a reason (see [`parse_reason`]): status `rejected`, the reason
/// stored, and the pair forbidden for later runs. Records `match.reject`.
///
/// # Errors
/// Storage failures.
pub fn reject(
    db: &Db,
    m: &Match,
    coordinator_id: Option<i32>,
    reason: &str,
    now: NaiveDateTime,
) -> Result<Decision, DbError> {
    db.write(|conn| {
        if !matches::transition(
            conn,
            m.id,
            MatchStatus::Proposed,
            MatchStatus::Rejected,
            coordinator_id,
            Some(reason),
            now,
        )? {
            let status = matches::find(conn, m.id)?.map_or(m.status, |m| m.status);
            return Ok(Decision::AlreadyDecided(status));
        }
        matches::add_rule(
            conn,
            m.programme_id,
            m.seeker_id,
            m.buddy_id,
            RuleKind::Forbidden,
            reason,
            coordinator_id,
            now,
        )?;
        record(
            conn,
            &Audit {
                coordinator_id,
                programme_id: m.programme_id,
                action: "match.reject",
                subject: ("match", Some(m.id)),
                // The reason, for the audit log; retention empties it with the rest.
                detail: reason,
            },
            now,
        )?;
        Ok(Decision::Done)
    })
}

/// Pairs two people by hand: checks the pair ([`check_pair`]), stores it as a proposal without a
/// run and approves it (emails included), all in one transaction. Records `match.manual` and
/// `match.approve`. Returns the new match id, or what forbids the pair.
///
/// # Errors
/// Storage failures.
pub fn manual_match(
    db: &Db,
    programme: &Programme,
    seeker_id: i32,
    buddy_id: i32,
    coordinator_id: Option<i32>,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<Result<i32, PairProblem>, DbError> {
    db.write(|conn| {
        let explanation = match check_pair(conn, programme, seeker_id, buddy_id, now)? {
            Ok(e) => e,
            Err(problem) => return Ok(Err(problem)),
        };
        let reasons = serde_json::to_string(&explanation.items)
            .map_err(|e| DbError::Unexpected(anyhow::Error::new(e)))?;
        let id = matches::insert_manual(
            conn,
            &NewManualMatch {
                programme_id: programme.id,
                seeker_id,
                buddy_id,
                score: i32::from(explanation.score),
                reasons_json: &reasons,
            },
            now,
        )?;
        record(
            conn,
            &Audit {
                coordinator_id,
                programme_id: programme.id,
                action: "match.manual",
                subject: ("match", Some(id)),
                detail: "",
            },
            now,
        )?;
        approve_in(conn, id, coordinator_id, settings, now)?;
        Ok(Ok(id))
    })
}

/// Pins a pair for the next runs (a pin that breaks a hard rule makes the run fail with a clear
/// message, so the pair is checked first). Records `pair.pin`.
///
/// # Errors
/// Storage failures.
pub fn pin(
    db: &Db,
    programme: &Programme,
    seeker_id: i32,
    buddy_id: i32,
    coordinator_id: Option<i32>,
    now: NaiveDateTime,
) -> Result<Result<(), PairProblem>, DbError> {
    db.write(|conn| {
        if let Err(problem) = check_pair(conn, programme, seeker_id, buddy_id, now)? {
            return Ok(Err(problem));
        }
        matches::add_rule(
            conn,
            programme.id,
            seeker_id,
            buddy_id,
            RuleKind::Pinned,
            "pinned by a coordinator",
            coordinator_id,
            now,
        )?;
        record(
            conn,
            &Audit {
                coordinator_id,
                programme_id: programme.id,
                action: "pair.pin",
                subject: ("participant", Some(seeker_id)),
                detail: &format!("buddy {buddy_id}"),
            },
            now,
        )?;
        Ok(Ok(()))
    })
}

/// Removes a pin; returns whether there was one. Records `pair.unpin` when there was.
///
/// # Errors
/// Storage failures.
pub fn unpin(
    db: &Db,
    programme_id: i32,
    seeker_id: i32,
    buddy_id: i32,
    coordinator_id: Option<i32>,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    db.write(|conn| {
        let removed = matches::remove_rule(conn, seeker_id, buddy_id, RuleKind::Pinned)?;
        if removed {
            record(
                conn,
                &Audit {
                    coordinator_id,
                    programme_id,
                    action: "pair.unpin",
                    subject: ("participant", Some(seeker_id)),
                    detail: &format!("buddy {buddy_id}"),
                },
                now,
            )?;
        }
        Ok(removed)
    })
}

/// Keeps `run` (a finished run): the undecided proposals of the programme's other runs become
/// `superseded`, so only this run's wait for a decision. Records `run.keep` with how many were
/// replaced. Returns that number.
///
/// # Errors
/// Storage failures.
pub fn keep_run(
    db: &Db,
    programme_id: i32,
    run_id: i32,
    coordinator_id: Option<i32>,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    db.write(|conn| {
        let replaced = matches::keep_run(conn, programme_id, run_id, now)?;
        record(
            conn,
            &Audit {
                coordinator_id,
                programme_id,
                action: "run.keep",
                subject: ("run", Some(run_id)),
                detail: &format!("{replaced} replaced"),
            },
            now,
        )?;
        Ok(replaced)
    })
}

/// How two runs differ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Pairs in both.
    pub kept: usize,
    /// Pairs only in the first run.
    pub only_first: Vec<(i32, i32)>,
    /// Pairs only in the second run.
    pub only_second: Vec<(i32, i32)>,
}

impl Comparison {
    /// Compares two runs' (seeker, buddy) pairs.
    #[must_use]
    pub fn of(first: &[(i32, i32)], second: &[(i32, i32)]) -> Self {
        let a: BTreeSet<(i32, i32)> = first.iter().copied().collect();
        let b: BTreeSet<(i32, i32)> = second.iter().copied().collect();
        Self {
            kept: a.intersection(&b).count(),
            only_first: a.difference(&b).copied().collect(),
            only_second: b.difference(&a).copied().collect(),
        }
    }
}

/// Compares the pairs of two runs.
///
/// # Errors
/// A failed query.
pub fn compare(conn: &mut DbConnection, first: i32, second: i32) -> Result<Comparison, DbError> {
    let a = matches::pairs_of_run(conn, first)?;
    let b = matches::pairs_of_run(conn, second)?;
    Ok(Comparison::of(&a, &b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_trimmed_required_and_bounded() {
        assert_eq!(
            parse_reason("  know each other "),
            Ok("know each other".into())
        );
        assert_eq!(parse_reason("   "), Err(ReasonError::Missing));
        let long = "é".repeat(MAX_REASON_CHARS);
        assert_eq!(parse_reason(&long), Ok(long.clone()));
        assert_eq!(parse_reason(&format!("{long}x")), Err(ReasonError::TooLong));
    }

    #[test]
    fn a_comparison_counts_kept_pairs_and_lists_the_rest_in_order() {
        let c = Comparison::of(&[(1, 10), (2, 20), (3, 30)], &[(2, 20), (1, 11), (3, 30)]);
        assert_eq!(c.kept, 2);
        assert_eq!(c.only_first, vec![(1, 10)]);
        assert_eq!(c.only_second, vec![(1, 11)]);
        assert_eq!(Comparison::of(&[], &[]), Comparison::default());
    }
}
