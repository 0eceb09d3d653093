//! Keeps the background workers alive next to the HTTP server.
//!
//! [`supervise`] runs a worker as a task of its own. When the worker panics, returns an error, or
//! returns although nobody asked it to stop, the supervisor logs that with `tracing::error!` and
//! starts a fresh worker after a back-off ([`Backoff`]: 1 s doubling to 30 s, back to 1 s after a
//! worker ran well for longer than that). It never gives up: a worker that keeps failing is
//! restarted and logged every time, so the log shows the outage while the server goes on.
//!
//! [`Shutdown`] is how the server tells its workers to stop: a worker finishes the task in hand,
//! returns `Ok(())`, and its supervisor returns.

use std::future::Future;
use std::time::{Duration, Instant};

use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Asks every [`Shutdown`] made with it to stop; dropping it asks too.
#[derive(Debug)]
pub struct ShutdownTrigger(watch::Sender<bool>);

impl ShutdownTrigger {
    /// Asks the workers to stop after the task in hand.
    pub fn trigger(&self) {
        self.0.send_replace(true);
    }
}

/// A worker's view of the shutdown request; cheap to clone.
#[derive(Debug, Clone)]
pub struct Shutdown(watch::Receiver<bool>);

/// A new shutdown signal: the trigger for the server, the receiver for its workers.
#[must_use]
pub fn shutdown_channel() -> (ShutdownTrigger, Shutdown) {
    let (sender, receiver) = watch::channel(false);
    (ShutdownTrigger(sender), Shutdown(receiver))
}

impl Shutdown {
    /// Whether the workers were asked to stop (or the trigger is gone).
    #[must_use]
    pub fn is_requested(&self) -> bool {
        *self.0.borrow() || self.0.has_changed().is_err()
    }

    /// Waits until the workers are asked to stop.
    pub async fn requested(&mut self) {
        // An error means the trigger was dropped, which asks to stop as well.
        let _ = self.0.wait_for(|stop| *stop).await;
    }

    /// Waits `duration`, or less if asked to stop; says whether the worker should go on.
    pub async fn sleep(&mut self, duration: Duration) -> bool {
        tokio::select! {
            () = tokio::time::sleep(duration) => !self.is_requested(),
            () = self.requested() => false,
        }
    }
}

/// How long to wait before restarting a failed worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The wait after the first failure; it doubles with each failure in a row.
    pub first: Duration,
    /// The longest wait; a worker that ran longer than this before failing starts over at `first`.
    pub max: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Self {
            first: Duration::from_secs(1),
            max: Duration::from_secs(30),
        }
    }
}

impl Backoff {
    /// The wait after `failures` failures in a row (1 = the first).
    #[must_use]
    pub fn delay(&self, failures: u32) -> Duration {
        let doublings = failures.saturating_sub(1).min(16);
        self.first
            .saturating_mul(1 << doublings)
            .min(self.max.max(self.first))
    }
}

/// Aborts the worker's task when the supervisor is dropped, so that no worker outlives it.
struct AbortOnDrop<T>(JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Runs the worker `start` makes until `shutdown` is requested, restarting it whenever it fails.
///
/// `start` gets the shutdown signal to watch; the worker it returns should finish its current
/// task and return `Ok(())` once the signal is given. `name` appears in every log line.
pub async fn supervise<F, Fut>(
    name: &'static str,
    backoff: Backoff,
    mut shutdown: Shutdown,
    mut start: F,
) where
    F: FnMut(Shutdown) -> Fut,
    Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
{
    let mut failures = 0u32;
    loop {
        let started = Instant::now();
        let mut task = AbortOnDrop(tokio::spawn(start(shutdown.clone())));
        let outcome = (&mut task.0).await;
        let why = match outcome {
            Ok(Ok(())) if shutdown.is_requested() => {
                tracing::info!(worker = name, "background worker stopped");
                return;
            }
            Ok(Ok(())) => "it returned although no shutdown was requested".to_owned(),
            Ok(Err(error)) => format!("{error:#}"),
            Err(error) if error.is_panic() => format!("it panicked: {}", panic_text(error)),
            Err(error) => format!("its task ended: {error}"),
        };
        if started.elapsed() > backoff.max {
            failures = 0;
        }
        failures = failures.saturating_add(1);
        let delay = backoff.delay(failures);
        tracing::error!(
            worker = name,
            failures,
            restart_in_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
            error = %why,
            "background worker failed; restarting it"
        );
        if !shutdown.sleep(delay).await {
            return;
        }
    }
}

/// The message a panic carried, when it is text.
fn panic_text(error: tokio::task::JoinError) -> String {
    let payload = error.into_panic();
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "(no message)".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;

    const FAST: Backoff = Backoff {
        first: Duration::from_millis(5),
        max: Duration::from_millis(20),
    };

    async fn wait_for_starts(starts: &AtomicUsize, n: usize) {
        let deadline = Instant::now() + Duration::from_secs(5);
        while starts.load(Ordering::SeqCst) < n {
            assert!(Instant::now() < deadline, "the worker was not restarted");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    #[test]
    fn the_backoff_doubles_up_to_its_maximum() {
        let backoff = Backoff::default();
        let secs: Vec<u64> = (1..=7).map(|n| backoff.delay(n).as_secs()).collect();
        assert_eq!(secs, vec![1, 2, 4, 8, 16, 30, 30]);
        assert_eq!(backoff.delay(u32::MAX), Duration::from_secs(30));
    }

    #[tokio::test]
    async fn a_worker_that_panics_is_restarted_and_stops_on_shutdown() {
        let starts = Arc::new(AtomicUsize::new(0));
        let (trigger, shutdown) = shutdown_channel();
        let counted = Arc::clone(&starts);
        let supervisor = tokio::spawn(supervise("test worker", FAST, shutdown, move |mut stop| {
            let start = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                assert!(start > 0, "the first start fails");
                stop.requested().await;
                Ok(())
            }
        }));

        wait_for_starts(&starts, 2).await;
        trigger.trigger();

        tokio::time::timeout(Duration::from_secs(5), supervisor)
            .await
            .expect("the supervisor stops on shutdown")
            .expect("the supervisor does not panic");
        assert_eq!(starts.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_worker_that_keeps_failing_is_restarted_every_time() {
        let starts = Arc::new(AtomicUsize::new(0));
        let (trigger, shutdown) = shutdown_channel();
        let counted = Arc::clone(&starts);
        let supervisor = tokio::spawn(supervise("test worker", FAST, shutdown, move |_| {
            let start = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                match start {
                    0 => Err(anyhow::anyhow!("database unavailable")),
                    1 => Ok(()), // returning without a shutdown is a failure too
                    _ => panic!("still broken"),
                }
            }
        }));

        wait_for_starts(&starts, 5).await;
        trigger.trigger();

        tokio::time::timeout(Duration::from_secs(5), supervisor)
            .await
            .expect("the supervisor stops on shutdown during its back-off")
            .expect("the supervisor does not panic");
    }
}
