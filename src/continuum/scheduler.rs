//! One pass of the continuum's scheduler over the live matches: resume pauses that ended, queue
//! the check-ins that are due, recompute each match's stage (flagging the newly stalled), then
//! send the queued check-in emails, the one reminder of check-ins left unanswered, and the
//! closing emails (with the exit questions) of matches that closed.
//!
//! Everything is claimed in the database, so two app instances on one PostgreSQL may run passes
//! at the same time without sending an email twice: a check-in row is unique per (match, side,
//! period) and the insert that loses the race sends nothing; sending and reminding are
//! conditional updates (`sent_at`, `reminded_at` still empty); a stage change is written only
//! when the stored stage differs.
//!
//! The pass works in pages of live matches, each page in one transaction with a handful of
//! queries (last periods, answers, roles), so its cost grows with the number of live matches
//! but not with round trips per match.

use std::collections::HashMap;
use std::fmt;

use chrono::{Duration, NaiveDateTime, NaiveTime};
use serde::Serialize;

use super::checkin_emails::{self, Kind};
use super::stage::{self, MatchFacts, SideAnswer, StageRules};
use super::ContinuumError;
use crate::db::checkins::{self, AnsweredFacts};
use crate::db::continuum::{self as store, LiveMatch, Thresholds};
use crate::db::{Db, DbConnection};
use crate::domain::{MatchStatus, Met, Side, Stage};
use crate::settings::Settings;

/// Days from both accepting to the first check-in.
pub const FIRST_CHECKIN_AFTER_DAYS: i64 = 7;
/// Days after a check-in email without an answer before its one reminder.
pub const REMIND_AFTER_DAYS: i64 = 3;
/// No reminder once a check-in email is older than this (the next period's check-in comes soon;
/// after an outage people get no stale reminders).
pub const REMIND_WITHIN_DAYS: i64 = 7;
/// Live matches per page (one transaction each).
const PAGE: i64 = 500;
/// Emails per transaction when sending.
const SEND_BATCH: i64 = 200;

/// What one pass did; printed by `buddymatch continuum` as one line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PassSummary {
    /// Live matches looked at.
    pub matches: usize,
    /// Check-in emails written to the outbox.
    pub checkins_queued: usize,
    /// Reminder emails written to the outbox.
    pub reminders: usize,
    /// Closing emails (with the exit questions) written to the outbox.
    pub closing_emails: usize,
    /// Matches that became `stalled` in this pass.
    pub newly_stalled: usize,
    /// Paused matches whose pause ended.
    pub resumed: usize,
    /// Stage changes written (any stage, including the newly stalled).
    pub stage_changes: usize,
}

impl fmt::Display for PassSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "continuum: {} live matches, {} check-ins queued, {} reminders, {} closing emails, {} newly stalled, {} resumed, {} stage changes",
            self.matches,
            self.checkins_queued,
            self.reminders,
            self.closing_emails,
            self.newly_stalled,
            self.resumed,
            self.stage_changes
        )
    }
}

/// The check-in period due at `now` for a match active since `active_since` and its due time:
/// period 1 is due [`FIRST_CHECKIN_AFTER_DAYS`] after both accepted, then one every
/// `every_days`. None before the first. After a gap (a pause, the server down) only the current
/// period is due: people get one email, not a backlog.
#[must_use]
pub fn due_period(
    active_since: NaiveDateTime,
    every_days: i32,
    now: NaiveDateTime,
) -> Option<(i32, NaiveDateTime)> {
    let first = active_since + Duration::days(FIRST_CHECKIN_AFTER_DAYS);
    if now < first {
        return None;
    }
    let every = i64::from(every_days.max(1));
    let index = (now - first).num_days() / every;
    let period = i32::try_from(index + 1).ok()?;
    Some((period, first + Duration::days(index * every)))
}

/// The programme's thresholds as the stage rules take them (values below 1 become 1).
#[must_use]
pub fn rules_of(t: &Thresholds) -> StageRules {
    let at_least_one = |v: i32| u32::try_from(v.max(1)).unwrap_or(1);
    StageRules {
        period_days: at_least_one(t.checkin_every_days),
        stall_periods: at_least_one(t.stall_periods),
        trust_threshold: u8::try_from(t.trust_threshold.clamp(1, 5)).unwrap_or(4),
        regular_periods: at_least_one(t.regular_periods),
    }
}

/// Runs one pass at `now` over the live matches of one programme or of all.
///
/// # Errors
/// Storage failures (what was done before stays done: every page and batch is its own
/// transaction).
pub fn run_pass(
    db: &Db,
    settings: &Settings,
    programme_id: Option<i32>,
    now: NaiveDateTime,
) -> Result<PassSummary, ContinuumError> {
    let mut summary = PassSummary::default();
    let mut thresholds: HashMap<i32, Thresholds> = HashMap::new();
    let mut after = 0;
    loop {
        let last = db.write(|conn| {
            pass_page(
                conn,
                programme_id,
                after,
                &mut thresholds,
                &mut summary,
                now,
            )
        })?;
        match last {
            Some(id) => after = id,
            None => break,
        }
    }
    summary.checkins_queued = send_all(db, settings, programme_id, Kind::Checkin, now)?;
    summary.reminders = send_all(db, settings, programme_id, Kind::Reminder, now)?;
    summary.closing_emails = send_all(db, settings, programme_id, Kind::Closing, now)?;
    Ok(summary)
}

/// Sends every email of `kind` that is due, in batches of [`SEND_BATCH`] (one transaction
/// each), each claimed first; returns how many went into the outbox.
fn send_all(
    db: &Db,
    settings: &Settings,
    programme_id: Option<i32>,
    kind: Kind,
    now: NaiveDateTime,
) -> Result<usize, ContinuumError> {
    let mut cache = HashMap::new();
    let mut total = 0;
    loop {
        let (seen, claimed, sent) = db.write(|conn| -> Result<_, ContinuumError> {
            let due = match kind {
                Kind::Checkin => checkins::due_to_send(conn, programme_id, now, SEND_BATCH)?,
                Kind::Reminder => checkins::due_for_reminder(
                    conn,
                    programme_id,
                    (
                        now - Duration::days(REMIND_WITHIN_DAYS),
                        now - Duration::days(REMIND_AFTER_DAYS),
                    ),
                    SEND_BATCH,
                )?,
                Kind::Closing => checkins::exits_to_send(conn, programme_id, SEND_BATCH)?,
            };
            let (mut claimed, mut sent) = (0, 0);
            for c in &due {
                let won = match kind {
                    Kind::Reminder => checkins::claim_reminder(conn, c.id, now)?,
                    Kind::Checkin | Kind::Closing => checkins::claim_send(conn, c.id, now)?,
                };
                if !won {
                    continue; // another instance took it
                }
                claimed += 1;
                let Some(m) = store::find(conn, c.match_id)? else {
                    continue;
                };
                let every = thresholds_of(conn, &mut cache, m.programme_id)?.checkin_every_days;
                if checkin_emails::send(conn, c, kind, every, settings, now)? {
                    sent += 1;
                }
            }
            Ok((due.len(), claimed, sent))
        })?;
        total += sent;
        if seen < usize::try_from(SEND_BATCH).unwrap_or(usize::MAX) || claimed == 0 {
            return Ok(total);
        }
    }
}

fn thresholds_of(
    conn: &mut DbConnection,
    cache: &mut HashMap<i32, Thresholds>,
    programme_id: i32,
) -> Result<Thresholds, ContinuumError> {
    if let Some(t) = cache.get(&programme_id) {
        return Ok(*t);
    }
    let t = store::thresholds(conn, programme_id)?
        .ok_or(ContinuumError::ProgrammeNotFound(programme_id))?;
    cache.insert(programme_id, t);
    Ok(t)
}

/// One page of live matches after `after`: returns the last id seen (None: no more pages).
fn pass_page(
    conn: &mut DbConnection,
    programme_id: Option<i32>,
    after: i32,
    cache: &mut HashMap<i32, Thresholds>,
    summary: &mut PassSummary,
    now: NaiveDateTime,
) -> Result<Option<i32>, ContinuumError> {
    let page = store::live_matches(conn, programme_id, after, PAGE)?;
    let Some(last) = page.last().map(|m| m.id) else {
        return Ok(None);
    };
    let ids: Vec<i32> = page.iter().map(|m| m.id).collect();
    let seekers: Vec<i32> = page.iter().map(|m| m.seeker_id).collect();
    let periods = checkins::last_periods(conn, &ids)?;
    let mut answers: HashMap<i32, Vec<SideAnswer>> = HashMap::new();
    for a in checkins::answered_facts(conn, &ids)? {
        if let Some(answer) = side_answer(&a) {
            answers.entry(a.match_id).or_default().push(answer);
        }
    }
    let volunteers = store::seekers_now_receiving(conn, &seekers)?;
    for mut m in page {
        summary.matches += 1;
        let t = thresholds_of(conn, cache, m.programme_id)?;
        if let Some(until) = m.paused_until {
            if until <= now.date() {
                let at = until
                    .and_time(NaiveTime::MIN)
                    .max(m.active_since.unwrap_or(now));
                if store::resume(conn, m.id, at)? {
                    summary.resumed += 1;
                    m.paused_until = None;
                    m.resumed_at = Some(at);
                }
            }
        }
        let Some(active_since) = m.active_since else {
            // Activated before the continuum existed without a date: nothing to count from.
            continue;
        };
        if m.paused_until.is_none() {
            if let Some((period, due_at)) = due_period(active_since, t.checkin_every_days, now) {
                if period > periods.get(&m.id).copied().unwrap_or(0) {
                    for (side, person) in [(Side::Seeker, m.seeker_id), (Side::Buddy, m.buddy_id)] {
                        checkins::schedule(conn, m.id, person, side, period, due_at)?;
                    }
                }
            }
        }
        let now_stage = stage_now(
            &m,
            answers.get(&m.id).map_or(&[][..], Vec::as_slice),
            volunteers.contains(&m.seeker_id),
            &rules_of(&t),
            now,
        );
        if m.stage != Some(now_stage) && store::set_stage(conn, m.id, now_stage, now, None)? {
            summary.stage_changes += 1;
            if now_stage == Stage::Stalled {
                summary.newly_stalled += 1;
            }
        }
    }
    Ok(Some(last))
}

/// The stage the rules give a live match at `now`.
fn stage_now(
    m: &LiveMatch,
    answers: &[SideAnswer],
    arriving_became_volunteer: bool,
    rules: &StageRules,
    now: NaiveDateTime,
) -> Stage {
    let facts = MatchFacts {
        active_since: m.active_since.unwrap_or(now),
        clock_from: m.resumed_at,
        paused_until: m.paused_until,
        closed: m.status == MatchStatus::Closed,
        arriving_became_volunteer,
    };
    stage::stage(&facts, answers, rules, now)
}

/// Recomputes and stores the stage of one match now (after an answer, a resume, a coordinator's
/// change), as the next pass would. Returns the stage; None when the match does not exist or is
/// not active.
///
/// # Errors
/// Storage failures.
pub fn refresh(
    conn: &mut DbConnection,
    match_id: i32,
    by: Option<i32>,
    now: NaiveDateTime,
) -> Result<Option<Stage>, ContinuumError> {
    let Some(m) = store::find(conn, match_id)? else {
        return Ok(None);
    };
    if m.status != MatchStatus::Active || m.active_since.is_none() {
        return Ok(None);
    }
    let t = store::thresholds(conn, m.programme_id)?
        .ok_or(ContinuumError::ProgrammeNotFound(m.programme_id))?;
    let answers: Vec<SideAnswer> = checkins::answered_facts(conn, &[m.id])?
        .iter()
        .filter_map(side_answer)
        .collect();
    let volunteer = !store::seekers_now_receiving(conn, &[m.seeker_id])?.is_empty();
    let now_stage = stage_now(&m, &answers, volunteer, &rules_of(&t), now);
    if m.stage != Some(now_stage) {
        store::set_stage(conn, m.id, now_stage, now, by)?;
    }
    Ok(Some(now_stage))
}

fn side_answer(a: &AnsweredFacts) -> Option<SideAnswer> {
    Some(SideAnswer {
        side: a.side,
        answered_at: a.answered_at?,
        met: a.met.unwrap_or(Met::None),
        trust: a.trust.and_then(|v| u8::try_from(v).ok()),
        gave_something: AnsweredFacts::lists_something(&a.gave),
        received_something: AnsweredFacts::lists_something(&a.received),
        carry_on_without_programme: a.carry_on_without_programme,
    })
}
