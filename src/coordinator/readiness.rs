//! A volunteer's readiness to be proposed as a buddy.
//!
//! # The rule
//! A volunteer is **ready** when a coordinator has recorded both
//! - the signed **code of conduct**, and
//! - **safeguarding / PSEA training** (protection from sexual exploitation and abuse);
//!
//! and, when the pair would involve a minor (the seeker is under 18 or brings children),
//! additionally
//! - **child safeguarding training**, and
//! - a **background check**.
//!
//! Psychological first aid training is recorded but not required. A volunteer with no readiness
//! record is not ready. The matching run calls [`is_ready`] (or [`for_programme`] and
//! [`Readiness::is_ready`] for a whole cohort at once) so that a volunteer who is not ready is
//! never proposed. Saving a record also keeps `participants.safeguarding_cleared` in step: it
//! is true exactly when the volunteer is ready for pairs with minors.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::db::readiness as store;
pub use crate::db::readiness::{find, for_programme, Readiness};
use crate::db::{DbConnection, DbError};

/// The dates a coordinator records (a missing date: not done).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadinessDates {
    /// Code of conduct signed.
    pub code_of_conduct_signed: Option<NaiveDate>,
    /// Safeguarding / PSEA training.
    pub safeguarding_training: Option<NaiveDate>,
    /// Psychological first aid training.
    pub first_aid_training: Option<NaiveDate>,
    /// Child safeguarding training.
    pub child_safeguarding_training: Option<NaiveDate>,
    /// Background check.
    pub background_check: Option<NaiveDate>,
}

impl Readiness {
    /// The rule of this module applied to this record.
    #[must_use]
    pub fn is_ready(&self, needs_child_clearance: bool) -> bool {
        let basic =
            self.code_of_conduct_signed_at.is_some() && self.safeguarding_training_at.is_some();
        let child =
            self.child_safeguarding_training_at.is_some() && self.background_check_at.is_some();
        basic && (!needs_child_clearance || child)
    }

    /// The record's dates.
    #[must_use]
    pub fn dates(&self) -> ReadinessDates {
        ReadinessDates {
            code_of_conduct_signed: self.code_of_conduct_signed_at.map(|d| d.date()),
            safeguarding_training: self.safeguarding_training_at.map(|d| d.date()),
            first_aid_training: self.first_aid_training_at.map(|d| d.date()),
            child_safeguarding_training: self.child_safeguarding_training_at.map(|d| d.date()),
            background_check: self.background_check_at.map(|d| d.date()),
        }
    }
}

/// Whether the volunteer may be proposed (see the module's rule). `needs_child_clearance`: the
/// pair involves a minor.
///
/// # Errors
/// A failed query.
pub fn is_ready(
    conn: &mut DbConnection,
    participant_id: i32,
    needs_child_clearance: bool,
) -> Result<bool, DbError> {
    Ok(find(conn, participant_id)?.is_some_and(|r| r.is_ready(needs_child_clearance)))
}

fn at_midnight(d: Option<NaiveDate>) -> Option<NaiveDateTime> {
    d.map(|d| d.and_time(NaiveTime::MIN))
}

/// Records (replaces) a participant's readiness dates and updates `safeguarding_cleared`.
/// Call inside a write transaction.
///
/// # Errors
/// A failed query.
pub fn save(
    conn: &mut DbConnection,
    participant_id: i32,
    dates: &ReadinessDates,
    now: NaiveDateTime,
) -> Result<Readiness, DbError> {
    let record = Readiness {
        participant_id,
        code_of_conduct_signed_at: at_midnight(dates.code_of_conduct_signed),
        safeguarding_training_at: at_midnight(dates.safeguarding_training),
        first_aid_training_at: at_midnight(dates.first_aid_training),
        child_safeguarding_training_at: at_midnight(dates.child_safeguarding_training),
        background_check_at: at_midnight(dates.background_check),
        updated_at: now,
    };
    store::save(conn, &record, record.is_ready(true))?;
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(2026, 1, 5).map(|d| d.and_time(NaiveTime::MIN))
    }

    #[test]
    fn the_rule() {
        let mut r = Readiness::default();
        assert!(!r.is_ready(false), "nothing recorded");
        r.code_of_conduct_signed_at = day();
        assert!(!r.is_ready(false), "training missing");
        r.safeguarding_training_at = day();
        assert!(r.is_ready(false));
        assert!(!r.is_ready(true), "minors need more");
        r.child_safeguarding_training_at = day();
        assert!(!r.is_ready(true), "background check missing");
        r.background_check_at = day();
        assert!(r.is_ready(true));
        r.code_of_conduct_signed_at = None;
        assert!(!r.is_ready(true), "code of conduct is always required");
        let only_child = Readiness {
            child_safeguarding_training_at: day(),
            background_check_at: day(),
            first_aid_training_at: day(),
            ..Readiness::default()
        };
        assert!(!only_child.is_ready(false));
    }
}
