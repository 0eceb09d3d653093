//! Delivers the outbox: claim one due message, send it, record the outcome.
//!
//! - A message is claimed with a lease (`locked_until`, [`LEASE`]) by a conditional update, so
//!   several workers — in one process or in several app instances on one PostgreSQL — never send
//!   the same message concurrently.
//! - It is marked sent right after the transport accepted it. A failed attempt is recorded with its
//!   error and retried after an exponential backoff ([`outbox::backoff`]: 5 s doubling to 1 h),
//!   up to `email.max_attempts`; an SMTP outage therefore delays mail but loses none.
//! - The only window for a duplicate is a crash between the server's acceptance and the database
//!   update; the message keeps its `Message-ID` so the receiving side can de-duplicate it.
//!
//! [`try_execute_task`] handles one message and says whether there was one, so tests drain the
//! outbox deterministically; [`run`] loops over it for the server, under a
//! [`supervisor`](crate::supervisor) that restarts it if it fails.

use std::time::Duration;

use chrono::NaiveDateTime;

use crate::db::outbox::{self as store, OutboxMessage};
use crate::db::{Db, DbError};
use crate::email::outbox;
use crate::state::AppState;
use crate::supervisor::Shutdown;

/// How long a claimed message stays reserved for its worker. Longer than any send can take
/// ([`SEND_DEADLINE`]); after it a crashed worker's message is picked up again.
pub const LEASE: Duration = Duration::from_secs(10 * 60);

/// A send that has not finished by then is abandoned and counted as a failed attempt.
const SEND_DEADLINE: Duration = Duration::from_secs(2 * 60);

/// What one call of [`try_execute_task`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExecutionOutcome {
    /// A message was attempted (sent, or failed and rescheduled).
    TaskCompleted,
    /// Nothing was due (or every due message was taken by another worker).
    EmptyQueue,
}

/// The worker could not use the database.
#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    /// Claiming or recording failed.
    #[error("outbox database access failed: {0}")]
    Db(#[from] DbError),
}

/// Claims and attempts one due message now.
///
/// # Errors
/// The database is unreachable or a query fails; a failed send is not an error (it is recorded
/// and retried).
pub async fn try_execute_task(state: &AppState) -> Result<ExecutionOutcome, WorkerError> {
    try_execute_task_at(state, chrono::Utc::now().naive_utc()).await
}

/// [`try_execute_task`] with the clock given (tests step over backoff delays with it).
///
/// # Errors
/// See [`try_execute_task`].
#[tracing::instrument(name = "outbox delivery", skip_all, fields(outbox_id = tracing::field::Empty))]
pub async fn try_execute_task_at(
    state: &AppState,
    now: NaiveDateTime,
) -> Result<ExecutionOutcome, WorkerError> {
    let max_attempts = state.settings.email.max_attempts;
    let claimed = state
        .db
        .run(move |db| claim_next(db, now, max_attempts))
        .await?;
    let Some(message) = claimed else {
        return Ok(ExecutionOutcome::EmptyQueue);
    };
    tracing::Span::current().record("outbox_id", message.id);

    let result = match tokio::time::timeout(SEND_DEADLINE, state.mailer.send(&message)).await {
        Ok(result) => result,
        Err(_) => Err(super::SendError::Transport(format!(
            "no answer within {} s",
            SEND_DEADLINE.as_secs()
        ))),
    };

    match result {
        Ok(()) => {
            record_sent(&state.db, message.id, now).await?;
            tracing::info!(
                id = message.id,
                message_id = %message.message_id,
                attempt = message.attempts + 1,
                "email sent"
            );
        }
        Err(error) => {
            let attempts = if error.is_permanent() {
                max_attempts.max(message.attempts + 1)
            } else {
                message.attempts + 1
            };
            let next = now + outbox::backoff(attempts);
            let text = error.to_string();
            let id = message.id;
            state
                .db
                .run(move |db| {
                    db.write(|conn| {
                        let given_up = attempts >= max_attempts;
                        store::mark_failed(conn, id, attempts, &text, next, given_up)
                            .map_err(WorkerError::from)
                    })
                })
                .await?;
            if attempts >= max_attempts {
                tracing::error!(
                    id,
                    message_id = %message.message_id,
                    attempts,
                    %error,
                    "email given up after the last attempt"
                );
            } else {
                tracing::warn!(
                    id,
                    message_id = %message.message_id,
                    attempts,
                    retry_at = %next,
                    %error,
                    "email not sent, will retry"
                );
            }
        }
    }
    Ok(ExecutionOutcome::TaskCompleted)
}

/// Finds a due message and claims it; `None` when nothing is due or others got there first.
#[tracing::instrument(skip_all)]
fn claim_next(
    db: &Db,
    now: NaiveDateTime,
    max_attempts: i32,
) -> Result<Option<OutboxMessage>, WorkerError> {
    let candidates = {
        let mut conn = db.get()?;
        store::due_ids(&mut conn, now, max_attempts, 8)?
    };
    let lease = chrono::Duration::from_std(LEASE).unwrap_or_else(|_| chrono::Duration::minutes(10));
    for id in candidates {
        let claimed = db.write(|conn| -> Result<_, WorkerError> {
            if store::claim(conn, id, now, now + lease, max_attempts)? {
                Ok(Some(store::find(conn, id)?))
            } else {
                Ok(None)
            }
        })?;
        if claimed.is_some() {
            return Ok(claimed);
        }
    }
    Ok(None)
}

/// Marks a message sent. The server has accepted it already, so this tries hard: if the update
/// still fails, the lease keeps other workers off the message until it expires.
async fn record_sent(db: &Db, id: i32, now: NaiveDateTime) -> Result<(), WorkerError> {
    let mut last = None;
    for attempt in 0..5u32 {
        if attempt > 0 {
            tokio::time::sleep(Duration::from_millis(200 * u64::from(attempt))).await;
        }
        match db
            .run(move |db| {
                db.write(|conn| store::mark_sent(conn, id, now).map_err(WorkerError::from))
            })
            .await
        {
            Ok(()) => return Ok(()),
            Err(e) => {
                tracing::warn!(id, error = %e, "could not mark an email as sent, retrying");
                last = Some(e);
            }
        }
    }
    let error = last.unwrap_or_else(|| {
        WorkerError::Db(DbError::Unexpected(anyhow::anyhow!(
            "marking as sent failed"
        )))
    });
    tracing::error!(id, error = %error, "email sent but not marked as sent");
    Err(error)
}

/// Delivers the outbox until `shutdown` is requested: sends everything due, then waits
/// `email.poll_interval_ms` before looking again. It stops between two messages, never in the
/// middle of a send.
///
/// # Errors
/// None so far: an unreachable database is waited out here. The `Result` lets the
/// [`supervisor`](crate::supervisor) treat a future failure like a panic: log it and restart.
pub async fn run(state: AppState, mut shutdown: Shutdown) -> anyhow::Result<()> {
    let idle = Duration::from_millis(state.settings.email.poll_interval_ms.max(10));
    tracing::info!(transport = state.mailer.kind(), "outbox worker started");
    while !shutdown.is_requested() {
        match try_execute_task(&state).await {
            Ok(ExecutionOutcome::TaskCompleted) => {}
            Ok(ExecutionOutcome::EmptyQueue) => {
                shutdown.sleep(idle).await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "outbox worker: database unavailable, waiting");
                shutdown.sleep(idle.max(Duration::from_secs(1))).await;
            }
        }
    }
    Ok(())
}
