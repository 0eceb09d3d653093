//! The periodic task that runs [`super::run_pass`] next to the other workers.

use std::time::Duration;

use super::Summary;
use crate::db::DbError;
use crate::state::AppState;
use crate::supervisor::Shutdown;

/// How often the pass runs: deadlines are in days, so an hour late is never late.
pub const INTERVAL: Duration = Duration::from_secs(60 * 60);

/// Runs one pass now.
///
/// # Errors
/// Storage failures.
pub async fn run_once(state: &AppState) -> Result<Summary, DbError> {
    let now = chrono::Utc::now().naive_utc();
    state.db.run(move |db| super::run_pass(db, now)).await
}

/// Runs a pass at start and then every [`INTERVAL`] until `shutdown` is requested.
///
/// # Errors
/// None so far: a failed pass is logged and tried again after [`INTERVAL`].
pub async fn run(state: AppState, mut shutdown: Shutdown) -> anyhow::Result<()> {
    tracing::info!("housekeeping started");
    while !shutdown.is_requested() {
        match run_once(&state).await {
            Ok(s)
                if s.unconfirmed_deleted
                    + s.retention.people_erased
                    + s.retention.texts_deleted
                    > 0 =>
            {
                tracing::info!(summary = %s, "housekeeping");
            }
            Ok(s) => tracing::debug!(summary = %s, "housekeeping"),
            Err(e) => tracing::warn!(error = %e, "housekeeping failed, will retry"),
        }
        shutdown.sleep(INTERVAL).await;
    }
    Ok(())
}
