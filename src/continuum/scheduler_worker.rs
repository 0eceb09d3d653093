//! The periodic task that runs the continuum's scheduler pass ([`super::scheduler::run_pass`])
//! next to the outbox worker. Safe in several app instances at once: everything the pass sends
//! is claimed in the database first.

use std::time::Duration;

use super::scheduler::{self, PassSummary};
use super::ContinuumError;
use crate::state::AppState;
use crate::supervisor::Shutdown;

/// How often the pass runs. Check-ins are due by the day, so minutes of delay do not matter;
/// a pause that ends or a match that stalls is seen within this time.
pub const INTERVAL: Duration = Duration::from_secs(10 * 60);

/// Runs one pass now over every programme.
///
/// # Errors
/// Storage failures.
#[tracing::instrument(name = "continuum pass", skip_all)]
pub async fn run_once(state: &AppState) -> Result<PassSummary, ContinuumError> {
    let settings = state.settings.clone();
    let now = chrono::Utc::now().naive_utc();
    state
        .db
        .run(move |db| scheduler::run_pass(db, &settings, None, now))
        .await
}

/// Runs a pass every [`INTERVAL`] until `shutdown` is requested.
///
/// # Errors
/// None so far: a failed pass is logged and tried again after [`INTERVAL`]. The `Result` lets
/// the supervisor treat a future failure like a panic: log it and restart.
pub async fn run(state: AppState, mut shutdown: Shutdown) -> anyhow::Result<()> {
    if !state.settings.continuum_scheduler {
        tracing::info!("continuum scheduler off in this instance (continuum_scheduler = false)");
        shutdown.requested().await;
        return Ok(());
    }
    tracing::info!("continuum scheduler started");
    while !shutdown.is_requested() {
        match run_once(&state).await {
            Ok(s) if s.checkins_queued + s.reminders + s.stage_changes + s.resumed > 0 => {
                tracing::info!(summary = %s, "continuum pass");
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "continuum pass failed, will retry"),
        }
        shutdown.sleep(INTERVAL).await;
    }
    Ok(())
}
