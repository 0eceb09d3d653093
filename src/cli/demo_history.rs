//! `buddymatch demo ... --history-months N`: turns the demo population into a living programme.
//! A matching run pairs the people; most of its proposals are then lived through the last N
//! months as they would have been, through the service's own code: approved, accepted by both on
//! a day in the past, and followed week by week by the continuum's scheduler pass at that
//! simulated time, each side answering its check-ins as [`population::history`] plans (some
//! thrive, some fade into `stalled`, some end early and are re-matched, a few arriving members
//! become buddies). The rest of the run's proposals wait for review.
//!
//! The emails the simulation writes (check-ins, reminders, closings) were never meant to leave:
//! they are discarded at the end, so starting the service sends none of them.

use std::collections::HashMap;
use std::fmt;
use std::time::Instant;

use chrono::{Duration, NaiveDateTime};

use crate::continuum::{answers, scheduler, ContinuumError};
use crate::db::checkins::{self, Checkin, EXIT_PERIOD};
use crate::db::{
    continuum as live, introductions, matches, outbox, participants, Db, DbConnection,
};
use crate::domain::checkin::ExitAnswer;
use crate::domain::{MatchStatus, Programme, Role, Side, Stage};
use crate::matching_runs::{self, RunOptions};
use crate::population::history::{self, MatchPlan};
use crate::settings::Settings;

/// Days between two simulated scheduler passes.
const STEP_DAYS: i64 = 7;
/// Days a coordinator takes to approve a proposal before both accept.
const APPROVED_DAYS_BEFORE: i64 = 3;

/// What the simulated history made.
#[derive(Debug, Default, Clone)]
pub struct HistorySummary {
    /// Matches lived through.
    pub matches: usize,
    /// Proposals left for review.
    pub waiting_for_review: usize,
    /// Check-in answers stored (exit answers included).
    pub answers: usize,
    /// Matches closed.
    pub closed: usize,
    /// Arriving members who became buddies.
    pub became_buddies: usize,
    /// Live matches per stage at the end.
    pub stages: Vec<(Stage, usize)>,
    /// Seconds taken.
    pub seconds: f64,
}

impl fmt::Display for HistorySummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stages: Vec<String> = self
            .stages
            .iter()
            .map(|(s, n)| format!("{} {n}", s.code()))
            .collect();
        write!(
            f,
            "demo history: {} matches lived through ({} proposals wait for review), {} answers, {} closed, {} arriving members became buddies; live now: {} ({:.1} s)",
            self.matches,
            self.waiting_for_review,
            self.answers,
            self.closed,
            self.became_buddies,
            stages.join(", "),
            self.seconds,
        )
    }
}

/// Errors of the simulated history.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The matching run failed.
    #[error("matching run for the demo history: {0}")]
    Run(#[from] matching_runs::RunError),
    /// The continuum failed.
    #[error(transparent)]
    Continuum(#[from] ContinuumError),
    /// Database trouble.
    #[error(transparent)]
    Db(#[from] crate::db::DbError),
}

/// One match of the simulation.
struct Lived {
    id: i32,
    plan: MatchPlan,
    started: NaiveDateTime,
}

/// Lives `months` months of the programme's history up to `now` (see the module documentation).
///
/// # Errors
/// A failed run, storage failures.
pub fn simulate(
    db: &Db,
    settings: &Settings,
    programme: &Programme,
    months: u32,
    seed: u64,
    now: NaiveDateTime,
) -> Result<HistorySummary, HistoryError> {
    let started = Instant::now();
    let mark = db.write(outbox::last_id)?;
    let outcome = matching_runs::run_now(db, programme, None, &RunOptions::default())?;
    let history_days = months.saturating_mul(30);
    let (mut lived, waiting) =
        db.write(|conn| plan_matches(conn, outcome.run_id, history_days, seed, now))?;
    lived.sort_by_key(|l| (l.started, l.id));
    let plans: HashMap<i32, MatchPlan> = lived.iter().map(|l| (l.id, l.plan)).collect();

    let mut summary = HistorySummary {
        matches: lived.len(),
        waiting_for_review: waiting,
        ..HistorySummary::default()
    };
    let mut next = 0;
    let mut t = now - Duration::days(i64::from(history_days));
    loop {
        while let Some(l) = lived.get(next).filter(|l| l.started <= t) {
            db.write(|conn| begin(conn, l))?;
            next += 1;
        }
        scheduler::run_pass(db, settings, Some(programme.id), t)?;
        let (answered, volunteers) =
            db.write(|conn| answer_open(conn, programme.id, &plans, seed, t))?;
        summary.answers += answered;
        summary.became_buddies += volunteers;
        if t >= now {
            break;
        }
        t = (t + Duration::days(STEP_DAYS)).min(now);
    }
    db.write(|conn| -> Result<(), HistoryError> {
        outbox::discard_after(conn, mark)?;
        let mut stages: HashMap<Stage, usize> = HashMap::new();
        for c in crate::db::connections::live(conn, programme.id)? {
            *stages
                .entry(c.stage.unwrap_or(Stage::Introduced))
                .or_default() += 1;
        }
        summary.stages = Stage::ALL
            .iter()
            .filter_map(|s| stages.get(s).map(|n| (*s, *n)))
            .collect();
        summary.closed =
            usize::try_from(crate::db::connections::closed_count(conn, programme.id)?).unwrap_or(0);
        Ok(())
    })?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Picks the run's proposals to live through and their start days (moving both people's sign-up
/// back before it); returns them and how many proposals are left for review.
fn plan_matches(
    conn: &mut DbConnection,
    run_id: i32,
    history_days: u32,
    seed: u64,
    now: NaiveDateTime,
) -> Result<(Vec<Lived>, usize), HistoryError> {
    let (proposals, _) = matches::for_run(conn, run_id, 1, i64::from(i32::MAX))?;
    let mut lived = Vec::new();
    for m in &proposals {
        let plan = history::plan(seed, m.id, history_days);
        if !plan.lived {
            continue;
        }
        let start = now - Duration::days(i64::from(plan.started_days_ago));
        // They signed up a few weeks before the run proposed them (not after it).
        let waited = Duration::days(APPROVED_DAYS_BEFORE + 7 + i64::from(m.id.unsigned_abs() % 50));
        for id in [m.seeker_id, m.buddy_id] {
            participants::backdate_sign_up(conn, id, start - waited)?;
        }
        lived.push(Lived {
            id: m.id,
            plan,
            started: start,
        });
    }
    let waiting = proposals.len() - lived.len();
    Ok((lived, waiting))
}

/// A coordinator approves the proposal, then both accept: the match is active from `l.started`.
fn begin(conn: &mut DbConnection, l: &Lived) -> Result<(), HistoryError> {
    let approved_at = l.started - Duration::days(APPROVED_DAYS_BEFORE);
    if matches::transition(
        conn,
        l.id,
        MatchStatus::Proposed,
        MatchStatus::Approved,
        None,
        None,
        approved_at,
    )? {
        introductions::accept(conn, l.id, Side::Seeker, l.started - Duration::days(1))?;
        introductions::accept(conn, l.id, Side::Buddy, l.started)?;
        introductions::activate(conn, l.id, l.started)?;
    }
    Ok(())
}

/// Answers the check-ins sent by `t` as each side's plan says (an answer comes a few hours to two
/// days after the email; later ones wait for the next step). Returns the answers stored and the
/// arriving members who became buddies.
fn answer_open(
    conn: &mut DbConnection,
    programme_id: i32,
    plans: &HashMap<i32, MatchPlan>,
    seed: u64,
    t: NaiveDateTime,
) -> Result<(usize, usize), HistoryError> {
    let (mut answered, mut volunteers) = (0, 0);
    for c in checkins::open_sent(conn, programme_id, t)? {
        let Some(plan) = plans.get(&c.match_id) else {
            continue; // not a match of the simulation
        };
        let Some(sent) = c.sent_at else { continue };
        let delay_hours = i64::from((c.id.unsigned_abs() * 7 + 5) % 48);
        let at = sent + Duration::hours(delay_hours);
        if at > t {
            continue;
        }
        if c.period == EXIT_PERIOD {
            answered += usize::from(answer_exit(conn, programme_id, &c, plan, seed, at)?);
            continue;
        }
        let Some(m) = live::find(conn, c.match_id)? else {
            continue;
        };
        if m.status != MatchStatus::Active {
            continue; // the link would say the match has ended
        }
        let period = u32::try_from(c.period).unwrap_or(1);
        let ask = answers::asks_arriving(conn, &c, at)?;
        let Some(a) = history::answer(seed, c.match_id, plan, c.side, period, ask) else {
            continue;
        };
        if answers::store(conn, &c, programme_id, &a, ask, at)?.is_none() {
            continue;
        }
        answered += 1;
        if a.wants_to_volunteer && c.side == Side::Seeker {
            // The coordinator acts on the wish: the arriving member (who answered this seeker's
            // check-in) becomes a receiving member.
            let id = c.participant_id;
            if participants::find(conn, id)?.is_some_and(|p| p.role != Role::Receiving.code())
                && participants::change_role(conn, id, Role::Receiving, true, at)?
            {
                volunteers += 1;
            }
        }
        scheduler::refresh(conn, c.match_id, None, at)?;
    }
    Ok((answered, volunteers))
}

fn answer_exit(
    conn: &mut DbConnection,
    programme_id: i32,
    c: &Checkin,
    plan: &MatchPlan,
    seed: u64,
    at: NaiveDateTime,
) -> Result<bool, HistoryError> {
    let Some((satisfied, belonging)) = history::exit_answer(seed, c.match_id, plan, c.side) else {
        return Ok(false);
    };
    let a = ExitAnswer {
        satisfied,
        belonging,
        wants_to_volunteer: false,
        note: None,
    };
    Ok(answers::store_exit(conn, c, programme_id, &a, at)?)
}
