//! The retention period (a programme's `retention_months`, default 24): once it has passed,
//!
//! - a person who left (withdrew consent) is erased as if they had asked for it themselves:
//!   every personal row goes, one anonymous count stays (`erasures`);
//! - in an archived programme, so is everyone whose time in it ended: archived before the
//!   date, no match going on and none that ended since (so an archived programme empties
//!   and can then be deleted);
//! - what people wrote about a match that ended (notes, the text of concerns, check-in comments)
//!   is deleted; the answers (numbers, choices) stay for the programme's figures;
//! - audit entries no longer say which participant or match they were about, nor their detail;
//!   who acted, what and when stay.
//!
//! Each step only touches rows past the date, and an erasure is counted only by the transaction
//! that deleted the person, so several app instances may run it at once.

use chrono::{Months, NaiveDateTime};

use crate::db::housekeeping::Periods;
use crate::db::{participants, retention as store, Db, DbConnection, DbError};
use crate::introductions::my_data;

/// People erased per batch of lookups.
const BATCH: i64 = 100;

/// What one retention pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Retained {
    /// People who left, erased.
    pub people_erased: usize,
    /// Notes, concern texts and check-in comments of long-ended matches deleted.
    pub texts_deleted: usize,
    /// Audit entries that no longer name a participant or match.
    pub audit_pseudonymised: usize,
}

/// The moment before which a programme keeping `months` months no longer keeps data.
#[must_use]
pub fn cutoff(now: NaiveDateTime, months: i32) -> NaiveDateTime {
    let months = Months::new(u32::try_from(months.max(1)).unwrap_or(1));
    now.checked_sub_months(months).unwrap_or(NaiveDateTime::MIN)
}

/// Applies each programme's retention period as of `now`.
///
/// # Errors
/// Storage failures (what was done stays done; the next pass goes on).
pub fn run(db: &Db, programmes: &[Periods], now: NaiveDateTime) -> Result<Retained, DbError> {
    let mut done = Retained::default();
    for p in programmes {
        let (programme_id, before) = (p.programme_id, cutoff(now, p.retention_months));
        done.people_erased += erase_each(db, now, |conn| {
            store::left_before(conn, programme_id, before, BATCH)
        })?;
        if p.archived_at.is_some_and(|at| at < before) {
            done.people_erased += erase_each(db, now, |conn| {
                store::done_in_archive_before(conn, programme_id, before, BATCH)
            })?;
        }
        done.texts_deleted += db.write(|conn| {
            store::forget_texts_of_matches_closed_before(conn, programme_id, before)
        })?;
        done.audit_pseudonymised +=
            db.write(|conn| store::pseudonymise_audit_before(conn, programme_id, before))?;
    }
    Ok(done)
}

/// Erases everyone `due` finds, a batch at a time, until it finds no more; returns how many.
fn erase_each(
    db: &Db,
    now: NaiveDateTime,
    due: impl Fn(&mut DbConnection) -> Result<Vec<i32>, DbError>,
) -> Result<usize, DbError> {
    let mut total = 0;
    loop {
        let ids = due(&mut *db.get()?)?;
        let mut erased = 0;
        for id in &ids {
            erased += usize::from(db.write(|conn| -> Result<bool, DbError> {
                match participants::find(conn, *id)? {
                    Some(p) => my_data::erase_after_retention(conn, &p, now),
                    None => Ok(false),
                }
            })?);
        }
        total += erased;
        if ids.len() < usize::try_from(BATCH).unwrap_or(usize::MAX) || erased == 0 {
            return Ok(total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cutoff_is_whole_calendar_months_back() {
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time");
        assert_eq!(cutoff(at("2026-12-04 10:00"), 24), at("2024-12-04 10:00"));
        assert_eq!(cutoff(at("2026-03-31 10:00"), 1), at("2026-02-28 10:00"));
    }
}
