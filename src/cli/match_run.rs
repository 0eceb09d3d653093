//! `buddymatch match --programme <slug> [--objective most_matched|waiting_priority|fairness]`:
//! runs a matching run to the end on this machine (load, score, solve, store proposals) and
//! prints one line:
//!
//! `run <id>: matched <m> of <s> seekers, <u> unmatched, total score <t>, <secs> s (<feasible>
//! feasible pairs among <s>x<b>)`
//!
//! The proposals wait for review in the coordinator pages like those of any other run.

use std::time::Instant;

use anyhow::Context;
use secrecy::ExposeSecret;

use crate::db::audit::{self, AuditEntry};
use crate::db::{programmes, Db, DbError};
use crate::matching_runs::{self, RunOptions};
use crate::settings::Settings;

/// Arguments of `match`.
#[derive(Debug, Clone, clap::Args)]
pub struct MatchArgs {
    /// Programme slug.
    #[arg(long)]
    pub programme: String,
    /// `most_matched` (most people matched, then best total; default), `waiting_priority` or
    /// `fairness`.
    #[arg(long, default_value = "most_matched")]
    pub objective: String,
}

/// The summary line of a finished run.
#[must_use]
pub fn summary_line(run_id: i32, s: &crate::db::runs::RunSummary, seconds: f64) -> String {
    format!(
        "run {run_id}: matched {} of {} seekers, {} unmatched, total score {}, {seconds:.2} s ({} feasible pairs among {}x{})",
        s.matched,
        s.seekers,
        s.seekers - s.matched,
        s.total_score,
        s.feasible_pairs,
        s.seekers,
        s.buddies,
    )
}

/// Runs `match` and prints the summary line.
///
/// # Errors
/// Unknown programme or objective, a run already in progress, a pinned pair that breaks a hard
/// rule, or storage failures.
pub fn run(settings: &Settings, args: &MatchArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let objective = matching_runs::parse_objective(&args.objective).map_err(|_| {
        anyhow::anyhow!(
            "unknown objective `{}`: use most_matched, waiting_priority or fairness",
            args.objective
        )
    })?;
    let db =
        Db::connect(settings.database_url.expose_secret(), 2).context("opening the database")?;
    let programme = programmes::by_slug(&mut *db.get()?, &args.programme)?
        .ok_or_else(|| anyhow::anyhow!("there is no programme `{}`", args.programme))?;
    let options = RunOptions {
        objective,
        weights: None,
    };
    let outcome = matching_runs::run_now(&db, &programme, None, &options)
        .with_context(|| format!("matching run of programme `{}`", programme.slug))?;
    let now = chrono::Utc::now().naive_utc();
    db.write(|c| -> Result<(), DbError> {
        audit::record(
            c,
            &AuditEntry {
                coordinator_id: None,
                programme_id: Some(programme.id),
                action: "run.start",
                subject_type: "matching_run",
                subject_id: Some(outcome.run_id),
                detail: "cli",
            },
            now,
        )
    })?;
    println!(
        "{}",
        summary_line(
            outcome.run_id,
            &outcome.summary,
            started.elapsed().as_secs_f64()
        )
    );
    Ok(())
}
