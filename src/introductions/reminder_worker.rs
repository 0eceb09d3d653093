//! The periodic task that sends answer reminders ([`super::send_reminders`]). Safe to run in
//! several app instances at once: each match is claimed by a conditional update.

use std::time::Duration;

use crate::state::AppState;

/// How often to look for matches due a reminder.
pub const INTERVAL: Duration = Duration::from_secs(15 * 60);

/// Sends due reminders now; returns how many matches were reminded.
///
/// # Errors
/// Storage failures.
pub async fn run_once(state: &AppState) -> Result<usize, super::IntroError> {
    let settings = state.settings.clone();
    let now = chrono::Utc::now().naive_utc();
    state
        .db
        .run(move |db| super::send_reminders(db, &settings, now))
        .await
}

/// Sends due reminders every [`INTERVAL`] until the task is aborted. Spawn it next to the outbox
/// worker: `tokio::spawn(introductions::reminder_worker::run(state.clone()))`.
pub async fn run(state: AppState) {
    tracing::info!("introduction reminder worker started");
    loop {
        match run_once(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(matches = n, "introduction reminders sent"),
            Err(e) => tracing::warn!(error = %e, "introduction reminders failed, will retry"),
        }
        tokio::time::sleep(INTERVAL).await;
    }
}
