//! Delivers the outbox.

use crate::state::AppState;

/// Runs until the task is aborted.
pub async fn run(_state: AppState) {
    std::future::pending::<()>().await;
}
