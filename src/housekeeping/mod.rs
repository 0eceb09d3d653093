//! Housekeeping: what the service deletes on its own, so that data does not outlive its use.
//!
//! One pass ([`run_pass`]) deletes sign-ups that were never confirmed within their programme's
//! `unconfirmed_days` (with their tokens and, when nobody else has the address, the mail sent
//! to it), applies each programme's retention period ([`retention`]) and forgets the sign-up
//! form's day-old counts ([`crate::signup::guard`]) and sums up the day's stage changes kept for
//! the outcomes ([`crate::db::outcomes::compact_stage_days`]). The worker
//! ([`worker`]) runs it every hour. Every deleting step is an idempotent delete of rows past a
//! date, and summing up replaces exactly the rows it read, so several app instances may run it
//! at once without claiming anything first: the second finds nothing left to do.

pub mod retention;
pub mod worker;

use chrono::{Duration, NaiveDateTime};

use crate::db::{housekeeping as store, outbox, outcomes, participants, Db, DbError};
use crate::signup::guard;

/// Sign-ups deleted per transaction (keeps each write short next to live sign-ups).
const BATCH: i64 = 200;

/// What one pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Unconfirmed sign-ups deleted.
    pub unconfirmed_deleted: usize,
    /// Day-old sign-up counts forgotten.
    pub counts_forgotten: usize,
    /// What the retention periods took away.
    pub retention: retention::Retained,
    /// Per-day stage changes summed up into fewer rows (for the outcomes' stages over time).
    pub stage_days_summed: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} unconfirmed sign-ups deleted, {} old sign-up counts forgotten; after the \
             retention period: {} people erased, {} texts deleted, {} audit entries \
             pseudonymised; {} per-day stage changes summed up",
            self.unconfirmed_deleted,
            self.counts_forgotten,
            self.retention.people_erased,
            self.retention.texts_deleted,
            self.retention.audit_pseudonymised,
            self.stage_days_summed
        )
    }
}

/// Runs one pass as of `now`.
///
/// # Errors
/// Storage failures (what was deleted before stays deleted; the next pass goes on).
#[tracing::instrument(name = "housekeeping pass", skip_all)]
pub fn run_pass(db: &Db, now: NaiveDateTime) -> Result<Summary, DbError> {
    let mut summary = Summary::default();
    let programmes = store::periods(&mut *db.get()?)?;
    for p in &programmes {
        let (programme_id, cutoff) = (
            p.programme_id,
            now - Duration::days(i64::from(p.unconfirmed_days)),
        );
        loop {
            let deleted = db.write(|conn| -> Result<usize, DbError> {
                let due = store::pending_before(conn, programme_id, cutoff, BATCH)?;
                for (id, email) in &due {
                    participants::delete(conn, *id)?;
                    // An unsent confirmation still holds a link.
                    if let Some(email) = email {
                        outbox::forget_recipient(conn, email)?;
                    }
                }
                Ok(due.len())
            })?;
            summary.unconfirmed_deleted += deleted;
            if deleted < usize::try_from(BATCH).unwrap_or(usize::MAX) {
                break;
            }
        }
    }
    summary.retention = retention::run(db, &programmes, now)?;
    summary.counts_forgotten = db.write(|conn| guard::forget_old(conn, now))?;
    summary.stage_days_summed = db.write(outcomes::compact_stage_days)?;
    Ok(summary)
}
