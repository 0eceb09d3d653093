//! People without email, reached by the coordinator: what to tell or ask each of them now (the
//! "to contact by phone" list), and confirming a sign-up after a call. Nobody without an email
//! is ever mailed (`crate::introductions::emails::send` skips them); this list is where the
//! same news reaches them instead.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::db::audit::{self, AuditEntry};
use crate::db::participants::{self, Participant};
use crate::db::{reach, DbConnection, DbError};
use crate::domain::{MatchStatus, ParticipantStatus, Phone, Programme, Side};

/// Contact details passed on by phone stay on the list this long after both accepted.
pub const CONTACT_DETAILS_DAYS: i64 = 14;

/// What the coordinator has to do for one person.
#[derive(Debug, Clone, PartialEq)]
pub enum Task {
    /// Call to confirm a sign-up (deleted on `deleted_on` otherwise, like an unconfirmed email).
    ConfirmSignUp {
        /// When it was made.
        signed_up: NaiveDateTime,
        /// When housekeeping deletes it if nobody confirms.
        deleted_on: NaiveDate,
    },
    /// Introduce the other person (first name and the reasons only) and ask for the answer.
    Introduce {
        /// The match.
        match_id: i32,
        /// The side this person is on.
        side: Side,
        /// The other person's first name.
        other_first_name: String,
        /// Why they were matched (JSON reasons of the matching core).
        reasons_json: String,
    },
    /// Both accepted: pass on the other person's contact details.
    PassContactDetails {
        /// The match.
        match_id: i32,
        /// The other person (both accepted, so their details may be given).
        other: Box<Participant>,
    },
    /// A check-in is due: ask its questions and record the answers on the match page.
    AskCheckin {
        /// The match.
        match_id: i32,
        /// When it was due.
        due: NaiveDateTime,
    },
}

/// One line of the list: a person and one thing to do.
#[derive(Debug, Clone, PartialEq)]
pub struct ToContact {
    /// The person.
    pub person: Participant,
    /// Their phone number, if they gave one (None: in person).
    pub phone: Option<Phone>,
    /// What to do.
    pub task: Task,
}

/// Everything to pass on by phone or in person in `programme` now, oldest first per kind:
/// sign-ups to confirm, introductions to make, contact details to give, check-ins to ask.
///
/// # Errors
/// Storage failures.
pub fn list(
    conn: &mut DbConnection,
    programme: &Programme,
    now: NaiveDateTime,
) -> Result<Vec<ToContact>, DbError> {
    let mut out = Vec::new();
    let line = |person: Participant, task: Task| ToContact {
        phone: person.phone.as_deref().map(Phone::from_stored),
        person,
        task,
    };
    for p in reach::unconfirmed(conn, programme.id)? {
        let task = Task::ConfirmSignUp {
            signed_up: p.created_at,
            deleted_on: (p.created_at + Duration::days(i64::from(programme.unconfirmed_days)))
                .date(),
        };
        out.push(line(p, task));
    }
    let waiting =
        reach::matches_with_someone_without_email(conn, programme.id, MatchStatus::Approved, None)?;
    for (m, seeker, buddy) in waiting {
        for (side, me, other, answered) in [
            (Side::Seeker, &seeker, &buddy, m.seeker_response),
            (Side::Buddy, &buddy, &seeker, m.buddy_response),
        ] {
            if me.email.is_none() && answered.is_none() {
                let task = Task::Introduce {
                    match_id: m.id,
                    side,
                    other_first_name: other.first_name.clone(),
                    reasons_json: m.reasons.clone(),
                };
                out.push(line(me.clone(), task));
            }
        }
    }
    let since = now - Duration::days(CONTACT_DETAILS_DAYS);
    let introduced = reach::matches_with_someone_without_email(
        conn,
        programme.id,
        MatchStatus::Active,
        Some(since),
    )?;
    for (m, seeker, buddy) in introduced {
        for (me, other) in [(&seeker, &buddy), (&buddy, &seeker)] {
            if me.email.is_none() {
                let task = Task::PassContactDetails {
                    match_id: m.id,
                    other: Box::new(other.clone()),
                };
                out.push(line(me.clone(), task));
            }
        }
    }
    for (match_id, due, person) in reach::open_checkins(conn, programme.id)? {
        out.push(line(person, Task::AskCheckin { match_id, due }));
    }
    Ok(out)
}

/// What confirming by phone did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    /// Confirmed now; their waiting time starts.
    Now,
    /// Not a pending sign-up (confirmed already, withdrawn, or gone).
    NotPending,
}

/// Confirms a pending sign-up after the coordinator `coordinator_id` spoke to the person (the
/// same change as following an email's confirmation link), and records it in the audit log.
/// Call inside `db.write(...)`.
///
/// # Errors
/// Storage failures.
pub fn confirm_by_phone(
    conn: &mut DbConnection,
    id: i32,
    coordinator_id: i32,
    now: NaiveDateTime,
) -> Result<Confirmed, DbError> {
    let Some(p) = participants::find(conn, id)? else {
        return Ok(Confirmed::NotPending);
    };
    if p.status != ParticipantStatus::Pending {
        return Ok(Confirmed::NotPending);
    }
    participants::set_status(conn, id, ParticipantStatus::Confirmed, now)?;
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: Some(coordinator_id),
            programme_id: Some(p.programme_id),
            action: "participant.confirm_by_phone",
            subject_type: "participant",
            subject_id: Some(id),
            detail: "",
        },
        now,
    )?;
    Ok(Confirmed::Now)
}
