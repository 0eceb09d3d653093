//! Matching runs: load the programme's pool from the database, score every pair and find the
//! best set of pairs with the `matching` core, and store the proposals for review.
//!
//! Who is in the pool:
//! - **seekers**: confirmed arriving members who do not offer to be a buddy and are not in a
//!   live (approved or active) match;
//! - **buddies**: confirmed receiving members and volunteers with capacity left after their live
//!   matches, who are *ready* (code of conduct and safeguarding training recorded; see
//!   [`crate::coordinator::readiness`]); cleared for children only with the child-safeguarding
//!   training and background check.
//!
//! Pinned pairs must be in the result, forbidden pairs (a coordinator's "never", a rejected
//! proposal, a declined introduction) never are. Every run also works out what first come, first
//! served would have given on the same cohort ([`fairness`]) and stores it with its result.

pub mod decisions;
pub mod fairness;
pub mod features;
pub mod pair_check;
pub mod review;
pub mod review_table;

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use chrono::NaiveDateTime;
use matching::assign::{self, Assignment, Edge, Objective, Problem, UnmatchedReason};
use matching::baseline::first_come_first_served_priced;
use matching::compat::{shortlist_all, Evaluation, ExclusionSummary, Shortlists, Weights};
use serde::{Deserialize, Serialize};

use crate::coordinator::readiness;
use crate::db::audit::{self, AuditEntry};
use crate::db::matches::{self, NewProposal, RuleKind};
use crate::db::participants::{self, Participant};
use crate::db::programmes;
use crate::db::runs::{self, RunSummary, StartError};
use crate::db::{Db, DbError};
use crate::domain::{Programme, Role, RunStatus};
use fairness::{FairnessReport, SeekerGroups};

/// What a coordinator chooses for a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunOptions {
    /// What "best" means.
    pub objective: Objective,
    /// Score weights; `None` uses the programme's (or the defaults).
    pub weights: Option<Weights>,
}

/// Why a run failed or could not start.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Another run of this programme is in progress.
    #[error("a matching run is already in progress for this programme")]
    AlreadyRunning,
    /// The programme is archived: no new runs.
    #[error("the programme is archived: no new matching runs")]
    Archived,
    /// A pinned pair cannot be honoured.
    #[error("pinned pair cannot be kept: {0}")]
    Pin(String),
    /// The programme's stored weights are not valid.
    #[error("the programme's score weights are not valid: {0}")]
    Weights(String),
    /// Corrupt stored data.
    #[error(transparent)]
    Features(#[from] features::FeaturesError),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<StartError> for RunError {
    fn from(e: StartError) -> Self {
        match e {
            StartError::AlreadyRunning => Self::AlreadyRunning,
            StartError::Db(e) => Self::Db(e),
        }
    }
}

/// An unmatched seeker and why, as stored with the run and shown to coordinators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmatched {
    /// The seeker's participant id.
    pub seeker_id: i32,
    /// `no_feasible_buddy` or `all_feasible_buddies_taken`.
    pub reason: String,
    /// With `no_feasible_buddy`: how many buddies each hard rule excluded.
    pub exclusions: Option<ExclusionSummary>,
    /// With `all_feasible_buddies_taken`: how many feasible buddies there were.
    pub feasible_buddies: u32,
}

/// The result of a finished run.
#[derive(Debug, Clone)]
pub struct RunOutcome {
    /// The run's id.
    pub run_id: i32,
    /// Its summary (also stored).
    pub summary: RunSummary,
}

/// Buddies kept per seeker after scoring (its best); the solve scores the others again only
/// where the optimum's certificate asks (see [`matching::assign::solve_priced`]), so memory
/// grows with the number of people rather than pairs.
const SHORTLIST: usize = 96;

/// Runs older than this that still say queued or running were interrupted (a crash or restart):
/// they no longer block a new run.
const STALE_AFTER_MINUTES: i64 = 30;

fn objective_code(o: Objective) -> &'static str {
    match o {
        Objective::MostMatchedThenScore => "most_matched",
        Objective::WaitingPriority => "waiting_priority",
        Objective::Fairness => "fairness",
    }
}

/// Parses an objective code (`most_matched`, `waiting_priority`, `fairness`).
///
/// # Errors
/// `"invalid_choice"`.
pub fn parse_objective(raw: &str) -> Result<Objective, &'static str> {
    match raw.trim() {
        "" | "most_matched" => Ok(Objective::MostMatchedThenScore),
        "waiting_priority" => Ok(Objective::WaitingPriority),
        "fairness" => Ok(Objective::Fairness),
        _ => Err("invalid_choice"),
    }
}

/// The weights a run uses: the options', else the programme's, else the defaults.
///
/// # Errors
/// [`RunError::Weights`] when the programme's stored weights do not parse.
pub fn effective_weights(programme: &Programme, options: &RunOptions) -> Result<Weights, RunError> {
    match &options.weights {
        Some(w) => Ok(w.clone()),
        None => serde_json::from_str(&programme.weights_json)
            .map_err(|e| RunError::Weights(e.to_string())),
    }
}

/// Records a queued run (failing interrupted ones first) and returns its id.
///
/// # Errors
/// [`RunError::AlreadyRunning`] when another run of the programme is in progress,
/// [`RunError::Archived`] when the programme is archived.
pub fn start(
    db: &Db,
    programme: &Programme,
    started_by: Option<i32>,
    options: &RunOptions,
    now: NaiveDateTime,
) -> Result<i32, RunError> {
    let weights = effective_weights(programme, options)?;
    let weights_json =
        serde_json::to_string(&weights).map_err(|e| RunError::Weights(e.to_string()))?;
    db.write(|conn| -> Result<i32, RunError> {
        // Read with the row held: archiving at this moment waits for the run to be recorded
        // (and its proposals may still be decided), or the run waits and is refused.
        if programmes::intake_now(conn, programme.id)?.closed {
            return Err(RunError::Archived);
        }
        let stale = now - chrono::Duration::minutes(STALE_AFTER_MINUTES);
        runs::fail_interrupted(conn, programme.id, stale, now)?;
        Ok(runs::create(
            conn,
            programme.id,
            started_by,
            objective_code(options.objective),
            &weights_json,
            now,
        )?)
    })
}

/// Runs a queued run to the end, storing progress, proposals and the summary. A failure is
/// stored on the run (status `failed`) as well as returned.
///
/// # Errors
/// See [`RunError`].
#[tracing::instrument(name = "matching run", skip_all, fields(run_id = run_id, programme_id = programme.id))]
pub fn execute(
    db: &Db,
    run_id: i32,
    programme: &Programme,
    options: &RunOptions,
) -> Result<RunOutcome, RunError> {
    let result = execute_inner(db, run_id, programme, options);
    if let Err(e) = &result {
        let message = e.to_string();
        let now = chrono::Utc::now().naive_utc();
        if let Err(store) = db.write(|conn| runs::fail(conn, run_id, &message, now)) {
            tracing::error!(run_id, error = %store, "could not record the failure of a matching run");
        }
    }
    result
}

/// Starts a run (recorded as `run.start`, with `via` as the audit detail: `""` for the review
/// pages, `"api"` for the JSON API) and executes it on a blocking thread; the caller follows it
/// by its id. The pages and the API start runs only through here.
///
/// # Errors
/// [`RunError::AlreadyRunning`] and storage failures. A failure of the run itself is stored on
/// the run, not returned.
pub fn start_in_background(
    db: &Db,
    programme: Programme,
    started_by: Option<i32>,
    options: RunOptions,
    via: &str,
) -> Result<i32, RunError> {
    let now = chrono::Utc::now().naive_utc();
    let id = start(db, &programme, started_by, &options, now)?;
    let programme_id = programme.id;
    db.write(|c| {
        audit::record(
            c,
            &AuditEntry {
                coordinator_id: started_by,
                programme_id: Some(programme_id),
                action: "run.start",
                subject_type: "matching_run",
                subject_id: Some(id),
                detail: via,
            },
            now,
        )
    })?;
    let db = db.clone();
    let work = move || {
        if let Err(e) = execute(&db, id, &programme, &options) {
            tracing::warn!(run_id = id, error = %e, "matching run failed");
        }
    };
    // On the async runtime's blocking pool when there is one (the server), else on a thread.
    match tokio::runtime::Handle::try_current() {
        Ok(handle) => drop(handle.spawn_blocking(work)),
        Err(_) => drop(std::thread::spawn(work)),
    }
    Ok(id)
}

/// [`start`] then [`execute`] on this thread (command line, tests).
///
/// # Errors
/// See [`RunError`].
#[tracing::instrument(name = "matching run now", skip_all, fields(programme_id = programme.id))]
pub fn run_now(
    db: &Db,
    programme: &Programme,
    started_by: Option<i32>,
    options: &RunOptions,
) -> Result<RunOutcome, RunError> {
    let run_id = start(
        db,
        programme,
        started_by,
        options,
        chrono::Utc::now().naive_utc(),
    )?;
    execute(db, run_id, programme, options)
}

fn progress(db: &Db, run_id: i32, text: &str) -> Result<(), RunError> {
    db.write(|conn| runs::set_progress(conn, run_id, RunStatus::Running, text))?;
    Ok(())
}

/// Whether a participant looks for a buddy (an arriving member who does not offer to be one);
/// everyone else who is confirmed offers to be a buddy. The run's pool and the pair checks both
/// ask this.
#[must_use]
pub fn is_seeker(p: &Participant) -> bool {
    p.role == Role::Arriving.code() && !p.volunteer
}

/// The pool: seekers and buddies with their features' inputs.
struct Pool {
    seekers: Vec<Participant>,
    buddies: Vec<(Participant, u32, bool)>,
    pinned: Vec<(i32, i32)>,
    forbidden: Vec<(i32, i32)>,
}

fn load_pool(db: &Db, programme: &Programme) -> Result<Pool, RunError> {
    let conn = &mut *db.get()?;
    let people = participants::confirmed_of_programme(conn, programme.id)?;
    let live = matches::live_pairs(conn, programme.id)?;
    let busy: HashSet<i32> = live.iter().map(|&(s, _)| s).collect();
    let mut used: HashMap<i32, i32> = HashMap::new();
    for &(_, b) in &live {
        *used.entry(b).or_default() += 1;
    }
    let ready = readiness::for_programme(conn, programme.id)?;
    let mut seekers = Vec::new();
    let mut buddies = Vec::new();
    for p in people {
        if is_seeker(&p) {
            if !busy.contains(&p.id) {
                seekers.push(p);
            }
        } else {
            let free = p.capacity - used.get(&p.id).copied().unwrap_or(0);
            let r = ready.get(&p.id);
            if free > 0 && r.is_some_and(|r| r.is_ready(false)) {
                let child = r.is_some_and(|r| r.is_ready(true));
                buddies.push((p, u32::try_from(free).unwrap_or(0), child));
            }
        }
    }
    let pinned = matches::rules(conn, programme.id, RuleKind::Pinned)?;
    let forbidden = matches::rules(conn, programme.id, RuleKind::Forbidden)?;
    Ok(Pool {
        seekers,
        buddies,
        pinned,
        forbidden,
    })
}

#[allow(clippy::too_many_lines)] // the run's steps in order; splitting hides the flow
fn execute_inner(
    db: &Db,
    run_id: i32,
    programme: &Programme,
    options: &RunOptions,
) -> Result<RunOutcome, RunError> {
    let started = Instant::now();
    let now = chrono::Utc::now().naive_utc();
    let weights = effective_weights(programme, options)?;
    progress(db, run_id, "loading people")?;
    let mut phases = Phases::start();
    let pool = load_pool(db, programme)?;

    let seekers = pool
        .seekers
        .iter()
        .map(|p| features::seeker(p, programme, now))
        .collect::<Result<Vec<_>, _>>()?;
    let buddies = pool
        .buddies
        .iter()
        .map(|(p, free, child)| features::buddy(p, programme, *free, *child, now))
        .collect::<Result<Vec<_>, _>>()?;
    let seeker_index: HashMap<i32, u32> = pool
        .seekers
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let buddy_index: HashMap<i32, u32> = pool
        .buddies
        .iter()
        .enumerate()
        .map(|(i, (p, _, _))| (p.id, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let forbidden: Vec<(u32, u32)> = pool
        .forbidden
        .iter()
        .filter_map(|(s, b)| Some((*seeker_index.get(s)?, *buddy_index.get(b)?)))
        .collect();
    let mut pinned = Vec::new();
    for (s, b) in &pool.pinned {
        match (seeker_index.get(s), buddy_index.get(b)) {
            (Some(&si), Some(&bi)) => pinned.push((si, bi)),
            _ => {
                return Err(RunError::Pin(format!(
                    "seeker {s} or buddy {b} is not available for matching (not confirmed, already matched, \
                     no capacity left, or the buddy is not ready)"
                )))
            }
        }
    }

    progress(
        db,
        run_id,
        &format!("scoring {} × {} pairs", seekers.len(), buddies.len()),
    )?;
    phases.lap("load");
    let lists = shortlist_all(&seekers, &buddies, &weights, &forbidden, SHORTLIST);
    phases.lap("score");

    progress(
        db,
        run_id,
        &format!(
            "finding the best pairs among {} feasible",
            lists.feasible_pairs()
        ),
    )?;
    let mut problem = Problem::new(
        seekers.len(),
        buddies.iter().map(|b| b.capacity).collect(),
        listed_edges(&lists, &pinned),
    );
    problem.pinned = pinned;
    problem.objective = options.objective;
    problem.waiting_days = seekers.iter().map(|s| s.waiting_days).collect();
    let (assignment, pricing) =
        assign::solve_priced(&problem, &lists).map_err(|e| RunError::Pin(e.to_string()))?;
    phases.lap("solve");
    let fairness = compare_with_first_come(&problem, &lists, &assignment, &pool.seekers, now)?;
    phases.lap("baseline");

    progress(
        db,
        run_id,
        &format!("storing {} proposals", assignment.matched),
    )?;
    let mut proposals = Vec::with_capacity(assignment.matched);
    for (s, b) in assignment.buddy_of.iter().enumerate() {
        let Some(b) = *b else { continue };
        let b = b as usize;
        let (score, reasons_json) = match lists.explain(s, b) {
            Some(Evaluation::Feasible { explanation }) => (
                i32::from(explanation.score),
                serde_json::to_string(&explanation.items)
                    .map_err(|e| DbError::Unexpected(e.into()))?,
            ),
            _ => (0, "[]".to_owned()),
        };
        proposals.push(NewProposal {
            seeker_id: pool.seekers[s].id,
            buddy_id: pool.buddies[b].0.id,
            score,
            reasons_json,
        });
    }
    let no_feasible: HashMap<u32, ExclusionSummary> = lists
        .no_feasible()
        .iter()
        .map(|n| (n.seeker, n.summary))
        .collect();
    let unmatched: Vec<Unmatched> = assignment
        .unmatched
        .iter()
        .map(|&(s, reason)| Unmatched {
            seeker_id: pool.seekers[s as usize].id,
            reason: match reason {
                UnmatchedReason::NoFeasibleBuddy => "no_feasible_buddy".into(),
                UnmatchedReason::AllFeasibleBuddiesTaken => "all_feasible_buddies_taken".into(),
            },
            exclusions: no_feasible.get(&s).copied(),
            feasible_buddies: lists.feasible_of(s as usize),
        })
        .collect();
    let summary = RunSummary {
        seekers: i32::try_from(seekers.len()).unwrap_or(i32::MAX),
        buddies: i32::try_from(buddies.len()).unwrap_or(i32::MAX),
        feasible_pairs: i32::try_from(lists.feasible_pairs()).unwrap_or(i32::MAX),
        matched: i32::try_from(assignment.matched).unwrap_or(i32::MAX),
        total_score: i32::try_from(assignment.total_score).unwrap_or(i32::MAX),
        duration_ms: i32::try_from(started.elapsed().as_millis()).unwrap_or(i32::MAX),
        unmatched_json: serde_json::to_string(&unmatched)
            .map_err(|e| DbError::Unexpected(e.into()))?,
        fairness_json: Some(
            serde_json::to_string(&fairness).map_err(|e| DbError::Unexpected(e.into()))?,
        ),
    };
    let finished = chrono::Utc::now().naive_utc();
    let mut summary = summary;
    db.write(|conn| -> Result<(), RunError> {
        matches::store_proposals(conn, programme.id, run_id, &proposals, finished)?;
        summary.duration_ms = i32::try_from(started.elapsed().as_millis()).unwrap_or(i32::MAX);
        runs::finish(conn, run_id, &summary, finished)?;
        Ok(())
    })?;
    phases.lap("store");
    tracing::info!(
        run_id,
        phases = %phases,
        feasible = lists.feasible_pairs(),
        listed = pricing.edges_listed,
        rounds = pricing.rounds,
        seekers_priced = pricing.seekers_priced,
        pairs_priced = pricing.pairs_priced,
        "matching run finished"
    );
    Ok(RunOutcome { run_id, summary })
}

/// Each seeker's short-listed pairs, plus its pinned pair when the list lacks it (a pin of an
/// infeasible pair stays missing, and the solve reports it).
fn listed_edges(lists: &Shortlists, pinned: &[(u32, u32)]) -> Vec<Edge> {
    let n = lists.scorer().num_seekers();
    let mut edges: Vec<Edge> = (0..n)
        .flat_map(|s| {
            lists.of_seeker(s).map(move |(buddy, score)| Edge {
                seeker: u32::try_from(s).unwrap_or(u32::MAX),
                buddy,
                score: i64::from(score),
            })
        })
        .collect();
    for &(s, b) in pinned {
        let listed = lists.of_seeker(s as usize).any(|(x, _)| x == b);
        if let (false, Some(score)) = (listed, lists.score(s as usize, b as usize)) {
            edges.push(Edge {
                seeker: s,
                buddy: b,
                score: i64::from(score),
            });
        }
    }
    edges
}

/// The run's result next to first come, first served on the same problem, seekers taken in
/// sign-up order (then by id).
fn compare_with_first_come(
    problem: &Problem,
    lists: &Shortlists,
    assignment: &Assignment,
    seekers: &[Participant],
    now: NaiveDateTime,
) -> Result<FairnessReport, RunError> {
    let mut order: Vec<u32> = (0..u32::try_from(seekers.len()).unwrap_or(u32::MAX)).collect();
    order.sort_by_key(|&i| (seekers[i as usize].created_at, seekers[i as usize].id));
    let greedy = first_come_first_served_priced(problem, &order, lists)
        .map_err(|e| RunError::Pin(e.to_string()))?;
    let groups: Vec<SeekerGroups> = seekers.iter().map(|p| SeekerGroups::of(p, now)).collect();
    Ok(fairness::report(&groups, assignment, &greedy))
}

/// Wall time of a run's phases, for the log: `load 0.41 s, score 1.10 s, ...`.
struct Phases {
    last: Instant,
    laps: Vec<(&'static str, f64)>,
}

impl Phases {
    fn start() -> Self {
        Self {
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.laps
            .push((name, now.duration_since(self.last).as_secs_f64()));
        self.last = now;
    }
}

impl std::fmt::Display for Phases {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (name, secs)) in self.laps.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{name} {secs:.2} s")?;
        }
        Ok(())
    }
}
