//! The periodic task that sends answer reminders ([`super::send_reminders`]). Safe to run in
//! several app instances at once: each match is claimed by a conditional update.

use std::time::Duration;

use crate::state::AppState;
use crate::supervisor::Shutdown;

/// How often to look for matches due a reminder.
pub const INTERVAL: Duration = Duration::from_secs(15 * 60);

/// Sends due reminders now; returns how many matches were reminded.
///
/// # Errors
/// Storage failures.
#[tracing::instrument(name = "answer reminders", skip_all)]
pub async fn run_once(state: &AppState) -> Result<usize, super::IntroError> {
    let settings = state.settings.clone();
    let now = chrono::Utc::now().naive_utc();
    state
        .db
        .run(move |db| super::send_reminders(db, &settings, now))
        .await
}

/// Sends due reminders every [`INTERVAL`] until `shutdown` is requested. The server runs it next
/// to the outbox worker, each under a [`supervisor`](crate::supervisor).
///
/// # Errors
/// None so far: a failed round is logged and tried again after [`INTERVAL`]. The `Result` lets
/// the supervisor treat a future failure like a panic: log it and restart.
pub async fn run(state: AppState, mut shutdown: Shutdown) -> anyhow::Result<()> {
    tracing::info!("introduction reminder worker started");
    while !shutdown.is_requested() {
        match run_once(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(matches = n, "introduction reminders sent"),
            Err(e) => tracing::warn!(error = %e, "introduction reminders failed, will retry"),
        }
        shutdown.sleep(INTERVAL).await;
    }
    Ok(())
}
