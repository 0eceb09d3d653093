//! The coordinator's view of participants, storage and rules (the pages live in
//! `routes::coordinator`; accounts, sessions and logins in `crate::accounts`):
//!
//! - listing a programme's participants with the coordinator filters (search, role, status,
//!   volunteers, waiting time) and their consent records: queries only, in [`crate::db::people`].
//! - [`readiness`]: a volunteer's readiness (code of conduct, trainings, background check) and
//!   the rule [`readiness::is_ready`] the matching run applies.

pub mod readiness;
