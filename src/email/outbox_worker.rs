//! Delivers the outbox: claim a batch of due messages, send them concurrently, record each
//! outcome as it comes.
//!
//! - **Claim.** Up to `email.batch_size` due messages are taken in one statement
//!   ([`store::claim_batch`]) with a lease ([`LEASE`]) and the batch's random token, so several
//!   workers — in one process or in several app instances on one PostgreSQL — never hold the same
//!   message.
//! - **Renew.** While the batch is being sent, the lease of the messages it still holds is
//!   renewed every [`RENEW_EVERY`]. An instance that dies (SIGKILL, a lost machine) stops
//!   renewing, so its messages are free for the others at most [`LEASE`] later.
//! - **Send.** Up to `email.concurrency` messages at once, each in a task of its own, over the
//!   mailer's pooled SMTP connections.
//! - **Record.** Outcomes are written as they arrive, one transaction for whatever arrived since
//!   the last one: the sent messages in one update (their bodies erased), each failed one with
//!   its attempt count and its next attempt after an exponential backoff ([`outbox::backoff`]:
//!   5 s doubling to 1 h), given up after `email.max_attempts`. An SMTP outage delays mail but
//!   loses none.
//! - **Exactly once in the database, at least once on the wire.** A message the server has
//!   accepted but that is not recorded yet when its instance dies is sent again once the lease
//!   runs out: at any moment that can be the messages in flight and those accepted since the
//!   last write, about `email.concurrency`. It keeps its `Message-ID`, so the receiving side can
//!   tell the copy. On an orderly stop the worker sends nothing new,
//!   records what is in flight and hands back the rest of its batch at once.
//!
//! [`try_execute_task`] handles one message and says whether there was one, so tests drain the
//! outbox deterministically; [`run`] delivers batches for the server, under a
//! [`supervisor`](crate::supervisor) that restarts it if it fails.

use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use rand::RngCore;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use crate::db::outbox::{self as store, FailedAttempt, OutboxMessage};
use crate::db::{Db, DbError};
use crate::email::{outbox, Mailer, SendError};
use crate::state::AppState;
use crate::supervisor::Shutdown;

/// How long a claimed message stays reserved for its worker without a renewal: the longest a
/// dead instance's messages wait for another instance. Short, because the worker renews it while
/// it sends ([`RENEW_EVERY`]); long enough that two renewals in a row can fail (a database
/// restart, a long stall) before anyone else takes the messages.
pub const LEASE: Duration = Duration::from_secs(30);

/// How often a worker renews the lease of the messages it holds: a third of [`LEASE`].
pub const RENEW_EVERY: Duration = Duration::from_secs(10);

/// A send that has not finished by then is abandoned and counted as a failed attempt.
const SEND_DEADLINE: Duration = Duration::from_secs(2 * 60);

/// The most outcomes recorded in one transaction.
const RECORD_AT_MOST: usize = 500;

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
pub async fn try_execute_task_at(
    state: &AppState,
    now: NaiveDateTime,
) -> Result<ExecutionOutcome, WorkerError> {
    Ok(if deliver_batch(state, now, 1, None).await? == 0 {
        ExecutionOutcome::EmptyQueue
    } else {
        ExecutionOutcome::TaskCompleted
    })
}

/// Claims up to `email.batch_size` due messages now and delivers them; returns how many were
/// attempted (0: nothing was due).
///
/// # Errors
/// See [`try_execute_task`].
pub async fn try_execute_batch(state: &AppState) -> Result<usize, WorkerError> {
    let limit = state.settings.email.batch_size;
    deliver_batch(state, chrono::Utc::now().naive_utc(), limit, None).await
}

/// One attempt, as the sending task hands it to the recorder.
struct Attempt {
    message: OutboxMessage,
    result: Result<(), SendError>,
}

/// Claims up to `limit` messages due at `now`, sends them and records the outcomes while
/// renewing the lease; returns how many were attempted. When `stop` is requested, messages not
/// started yet are handed back.
#[tracing::instrument(name = "outbox delivery", skip_all, fields(claimed = tracing::field::Empty))]
async fn deliver_batch(
    state: &AppState,
    now: NaiveDateTime,
    limit: u32,
    stop: Option<&Shutdown>,
) -> Result<usize, WorkerError> {
    let max_attempts = state.settings.email.max_attempts;
    let token = new_token();
    let claimed = {
        let token = token.clone();
        let until = now + lease();
        state
            .db
            .run(move |db| {
                db.write(|conn| {
                    store::claim_batch(conn, now, until, max_attempts, i64::from(limit), &token)
                        .map_err(WorkerError::from)
                })
            })
            .await?
    };
    if claimed.is_empty() {
        return Ok(0);
    }
    tracing::Span::current().record("claimed", claimed.len());
    let started = Instant::now();
    // The batch's clock: `now` moved on by the time spent (tests give `now`).
    let clock = move || now + chrono::Duration::from_std(started.elapsed()).unwrap_or_default();

    let (outcomes, arrived) = mpsc::unbounded_channel();
    let sending = send_all(
        &state.mailer,
        claimed,
        state.settings.email.concurrency,
        stop,
        outcomes,
    );
    let recording = record_all(&state.db, &token, arrived, now, clock, max_attempts);
    let renewing = renew_while_sending(&state.db, &token, clock);
    let (unstarted, recorded) = tokio::select! {
        done = async { tokio::join!(sending, recording) } => done,
        () = renewing => unreachable!("renewing goes on until the batch is done"),
    };
    if !unstarted.is_empty() {
        let (token, ids) = (token.clone(), unstarted.clone());
        state
            .db
            .run(move |db| {
                db.write(|conn| store::release(conn, &token, &ids).map_err(WorkerError::from))
            })
            .await?;
        tracing::info!(
            count = unstarted.len(),
            "stopping: unsent emails handed back"
        );
    }
    recorded
}

/// Sends `messages`, `concurrency` at a time, each in a task of its own, and passes every
/// outcome to `outcomes` as it comes. Returns the ids of the messages not started because `stop`
/// was requested.
async fn send_all(
    mailer: &std::sync::Arc<Mailer>,
    messages: Vec<OutboxMessage>,
    concurrency: u32,
    stop: Option<&Shutdown>,
    outcomes: mpsc::UnboundedSender<Attempt>,
) -> Vec<i32> {
    let concurrency = usize::try_from(concurrency.max(1)).unwrap_or(1);
    let mut waiting = messages.into_iter();
    let mut in_flight = JoinSet::new();
    let mut unstarted = Vec::new();
    loop {
        while in_flight.len() < concurrency {
            let Some(message) = waiting.next() else {
                break;
            };
            if stop.is_some_and(Shutdown::is_requested) {
                unstarted.push(message.id);
                unstarted.extend(waiting.by_ref().map(|m| m.id));
                break;
            }
            let mailer = std::sync::Arc::clone(mailer);
            in_flight.spawn(async move {
                let result = send_one(&mailer, &message).await;
                Attempt { message, result }
            });
        }
        match in_flight.join_next().await {
            None => break,
            Some(Ok(attempt)) => {
                // The recorder only stops once this sender is dropped.
                let _ = outcomes.send(attempt);
            }
            Some(Err(e)) => {
                // Its message stays claimed until the lease runs out, then it is tried again.
                tracing::error!(error = %e, "an email's sending task failed");
            }
        }
    }
    unstarted
}

/// One message through the transport, within [`SEND_DEADLINE`].
async fn send_one(mailer: &Mailer, message: &OutboxMessage) -> Result<(), SendError> {
    match tokio::time::timeout(SEND_DEADLINE, mailer.send(message)).await {
        Ok(result) => result,
        Err(_) => Err(SendError::Transport(format!(
            "no answer within {} s",
            SEND_DEADLINE.as_secs()
        ))),
    }
}

/// Records the outcomes of the batch `token` as they arrive, in one transaction for all that
/// arrived since the last; returns how many were recorded. A failed attempt is due again after
/// its backoff counted from `claimed_at`.
async fn record_all(
    db: &Db,
    token: &str,
    mut arrived: mpsc::UnboundedReceiver<Attempt>,
    claimed_at: NaiveDateTime,
    clock: impl Fn() -> NaiveDateTime,
    max_attempts: i32,
) -> Result<usize, WorkerError> {
    let mut recorded = 0;
    let mut failure = None;
    let mut attempts = Vec::new();
    while arrived.recv_many(&mut attempts, RECORD_AT_MOST).await > 0 {
        let mut sent = Vec::new();
        let mut failed = Vec::new();
        for Attempt { message, result } in attempts.drain(..) {
            match result {
                Ok(()) => {
                    tracing::debug!(
                        id = message.id,
                        message_id = %message.message_id,
                        attempt = message.attempts + 1,
                        "email sent"
                    );
                    sent.push(message.id);
                }
                Err(error) => {
                    failed.push(failed_attempt(&message, &error, claimed_at, max_attempts))
                }
            }
        }
        let count = sent.len() + failed.len();
        match record(db, token, sent, failed, clock()).await {
            Ok(()) => recorded += count,
            Err(e) => failure = Some(e),
        }
    }
    failure.map_or(Ok(recorded), Err)
}

/// The failed attempt to record for `message`, logged.
fn failed_attempt(
    message: &OutboxMessage,
    error: &SendError,
    claimed_at: NaiveDateTime,
    max_attempts: i32,
) -> FailedAttempt {
    let attempts = if error.is_permanent() {
        max_attempts.max(message.attempts + 1)
    } else {
        message.attempts + 1
    };
    let next_attempt_at = claimed_at + outbox::backoff(attempts);
    let given_up = attempts >= max_attempts;
    let (id, message_id) = (message.id, &message.message_id);
    if given_up {
        tracing::error!(id, %message_id, attempts, %error, "email given up after the last attempt");
    } else {
        tracing::warn!(id, %message_id, attempts, retry_at = %next_attempt_at, %error, "email not sent, will retry");
    }
    FailedAttempt {
        id,
        attempts,
        error: error.to_string(),
        next_attempt_at,
        given_up,
    }
}

/// Writes one group of outcomes. The sent ones were accepted by the server already, so this
/// tries hard: if the write still fails, their lease keeps other workers off them until it runs
/// out (then they are sent again: logged as an error here).
async fn record(
    db: &Db,
    token: &str,
    sent: Vec<i32>,
    failed: Vec<FailedAttempt>,
    at: NaiveDateTime,
) -> Result<(), WorkerError> {
    let mut last = None;
    for attempt in 0..5u32 {
        if attempt > 0 {
            tokio::time::sleep(Duration::from_millis(200 * u64::from(attempt))).await;
        }
        let (token, sent, failed) = (token.to_owned(), sent.clone(), failed.clone());
        let written = db
            .run(move |db| {
                db.write(|conn| -> Result<(), WorkerError> {
                    if !sent.is_empty() {
                        store::mark_sent(conn, &sent, at)?;
                    }
                    for attempt in &failed {
                        store::mark_failed(conn, &token, attempt)?;
                    }
                    Ok(())
                })
            })
            .await;
        match written {
            Ok(()) => return Ok(()),
            Err(e) => {
                tracing::warn!(error = %e, "could not record email outcomes, retrying");
                last = Some(e);
            }
        }
    }
    let error = last.unwrap_or_else(|| {
        WorkerError::Db(DbError::Unexpected(anyhow::anyhow!(
            "recording outcomes failed"
        )))
    });
    tracing::error!(ids = ?sent, error = %error, "emails sent but not marked as sent");
    Err(error)
}

/// Renews the lease of what the batch `token` still holds every [`RENEW_EVERY`]; never ends
/// (the batch drops it when done).
async fn renew_while_sending(db: &Db, token: &str, clock: impl Fn() -> NaiveDateTime) {
    loop {
        tokio::time::sleep(RENEW_EVERY).await;
        let (token, until) = (token.to_owned(), clock() + lease());
        match db
            .run(move |db| {
                db.write(|conn| store::renew(conn, &token, until).map_err(WorkerError::from))
            })
            .await
        {
            Ok(held) => tracing::debug!(held, "outbox lease renewed"),
            Err(e) => tracing::warn!(
                error = %e,
                "could not renew the lease of the emails being sent; if it runs out, another \
                 worker may send them again"
            ),
        }
    }
}

/// [`LEASE`] as a chrono duration.
fn lease() -> chrono::Duration {
    chrono::Duration::from_std(LEASE).unwrap_or_else(|_| chrono::Duration::seconds(30))
}

/// A batch's token: the process id (to see which instance holds what), then 128 random bits.
fn new_token() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{}-{}", std::process::id(), hex::encode(bytes))
}

/// Delivers the outbox until `shutdown` is requested: batch after batch while messages are due,
/// then waits `email.poll_interval_ms` before looking again. On a stop request it finishes the
/// sends in flight, records them and hands back the rest of its batch.
///
/// # Errors
/// None so far: an unreachable database is waited out here. The `Result` lets the
/// [`supervisor`](crate::supervisor) treat a future failure like a panic: log it and restart.
pub async fn run(state: AppState, mut shutdown: Shutdown) -> anyhow::Result<()> {
    let idle = Duration::from_millis(state.settings.email.poll_interval_ms.max(10));
    let limit = state.settings.email.batch_size.max(1);
    tracing::info!(
        transport = state.mailer.kind(),
        batch = limit,
        concurrency = state.settings.email.concurrency,
        "outbox worker started"
    );
    while !shutdown.is_requested() {
        let now = chrono::Utc::now().naive_utc();
        match deliver_batch(&state, now, limit, Some(&shutdown)).await {
            Ok(0) => {
                shutdown.sleep(idle).await;
            }
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, "outbox worker: database unavailable, waiting");
                shutdown.sleep(idle.max(Duration::from_secs(1))).await;
            }
        }
    }
    Ok(())
}
