//! Storing one side's answer to a check-in or to the exit questions, whoever brings it (the
//! person's link, the demo's simulated history): a validated answer ([`CheckinAnswer`], parsed
//! at the edge) in the shape storage keeps ([`NewAnswer`]), what its "Shall we go on?" changes,
//! and the audit entries (without the answer's content), in the caller's transaction.

use chrono::{Duration, NaiveDateTime};

use super::{closing, ContinuumError};
use crate::db::audit::{self, AuditEntry};
use crate::db::checkins::{self, Checkin, NewAnswer};
use crate::db::continuum as store;
use crate::db::DbConnection;
use crate::domain::checkin::{CheckinAnswer, ExitAnswer, GoOnAnswer, MetHow};
use crate::domain::{GoOn, Met, Side};

/// Arriving members rate belonging and conversation at most this often (days).
pub const ARRIVING_QUESTIONS_EVERY_DAYS: i64 = 80;

/// Whether check-in `c` asks "I feel I belong here" and "I can hold a simple conversation": to
/// arriving members who rated belonging in no other check-in answered in the last
/// [`ARRIVING_QUESTIONS_EVERY_DAYS`].
///
/// # Errors
/// Storage failures.
pub fn asks_arriving(
    conn: &mut DbConnection,
    c: &Checkin,
    now: NaiveDateTime,
) -> Result<bool, ContinuumError> {
    if c.side != Side::Seeker {
        return Ok(false);
    }
    let since = now - Duration::days(ARRIVING_QUESTIONS_EVERY_DAYS);
    let rated_lately = checkins::for_participant(conn, c.participant_id)?
        .iter()
        .filter(|other| other.id != c.id)
        .any(|other| {
            other.answered_at.is_some_and(|at| at > since)
                && other.answer.as_ref().is_some_and(|a| a.belonging.is_some())
        });
    Ok(!rated_lately)
}

fn audit_answer(
    conn: &mut DbConnection,
    c: &Checkin,
    programme_id: i32,
    action: &str,
    wants_to_volunteer: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), ContinuumError> {
    let mut entry = AuditEntry {
        coordinator_id: None,
        programme_id: Some(programme_id),
        action,
        subject_type: "match",
        subject_id: Some(c.match_id),
        detail: c.side.code(),
    };
    audit::record(conn, &entry, now)?;
    if let Some(detail) = wants_to_volunteer {
        entry.action = "participant.wants_to_volunteer";
        entry.subject_type = "participant";
        entry.subject_id = Some(c.participant_id);
        entry.detail = detail;
        audit::record(conn, &entry, now)?;
    }
    Ok(())
}

/// Stores the answer `a` to check-in `c` (of programme `programme_id`) as its side's, applies
/// "Shall we go on?" (pause, or close and re-match) and records `checkin.answered` (and
/// `participant.wants_to_volunteer`) in the audit log. Questions the person was not asked are
/// dropped: belonging and conversation unless `ask_arriving`, "become a buddy" unless an
/// arriving member answers. Returns whether the match was paused or ended by it; None when the
/// check-in was answered already (one answer, also when two arrive at the same moment).
///
/// # Errors
/// Storage failures.
pub fn store(
    conn: &mut DbConnection,
    c: &Checkin,
    programme_id: i32,
    a: &CheckinAnswer,
    ask_arriving: bool,
    now: NaiveDateTime,
) -> Result<Option<bool>, ContinuumError> {
    let mut a = a.clone();
    a.side = c.side;
    if !ask_arriving {
        a.belonging = None;
        a.conversation = None;
    }
    if c.side != Side::Seeker {
        a.wants_to_volunteer = false;
    }
    if !checkins::answer(conn, c.id, &stored(&a), now)? {
        return Ok(None);
    }
    let changed = closing::apply_go_on(conn, c.match_id, c.side, a.go_on, now)?;
    let wish = a.wants_to_volunteer.then_some("said so in a check-in");
    audit_answer(conn, c, programme_id, "checkin.answered", wish, now)?;
    Ok(Some(changed))
}

/// Stores the exit answer `a` to the exit check-in `c` of a closed match: satisfaction (kept as
/// "how is it going"), belonging (arriving members) and the wish to become a buddy, with the
/// match's close reason, and records `checkin.exit_answered` (and
/// `participant.wants_to_volunteer`). False when it was answered already.
///
/// # Errors
/// Storage failures.
pub fn store_exit(
    conn: &mut DbConnection,
    c: &Checkin,
    programme_id: i32,
    a: &ExitAnswer,
    now: NaiveDateTime,
) -> Result<bool, ContinuumError> {
    let seeker = c.side == Side::Seeker;
    let reason = store::find(conn, c.match_id)?.and_then(|m| m.close_reason);
    let stored = NewAnswer {
        met: Met::None,
        met_in_person: false,
        met_online: false,
        met_by_phone: false,
        going: Some(a.satisfied),
        trust: None,
        gave: Vec::new(),
        received: Vec::new(),
        go_on: GoOn::End,
        pause_until: None,
        end_reason: reason,
        carry_on_without_programme: false,
        wants_to_volunteer: seeker && a.wants_to_volunteer,
        note: a.note.clone(),
        belonging: if seeker { a.belonging } else { None },
        conversation: None,
    };
    if !checkins::answer(conn, c.id, &stored, now)? {
        return Ok(false);
    }
    let wish = stored
        .wants_to_volunteer
        .then_some("said so in the exit questions");
    audit_answer(conn, c, programme_id, "checkin.exit_answered", wish, now)?;
    Ok(true)
}

/// The stored form of a validated answer.
#[must_use]
pub fn stored(a: &CheckinAnswer) -> NewAnswer {
    let (pause_until, end_reason) = match a.go_on {
        GoOnAnswer::Yes => (None, None),
        GoOnAnswer::Pause { until } => (Some(until), None),
        GoOnAnswer::End { reason } => (None, Some(reason)),
    };
    NewAnswer {
        met: a.met,
        met_in_person: a.met_how.contains(&MetHow::InPerson),
        met_online: a.met_how.contains(&MetHow::Online),
        met_by_phone: a.met_how.contains(&MetHow::Phone),
        going: Some(a.going),
        trust: Some(a.trust),
        gave: a.gave.iter().map(|d| d.code().to_owned()).collect(),
        received: a.received.iter().map(|d| d.code().to_owned()).collect(),
        go_on: a.go_on.go_on(),
        pause_until,
        end_reason,
        carry_on_without_programme: a.carry_on_without_programme,
        wants_to_volunteer: a.wants_to_volunteer,
        note: a.note.clone(),
        belonging: a.belonging,
        conversation: a.conversation,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::checkin::CheckinInput;
    use crate::domain::{CloseReason, GoOn, Met, Side};

    fn parsed(input: &CheckinInput) -> CheckinAnswer {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date");
        CheckinAnswer::parse(input, today).expect("a valid answer")
    }

    fn input() -> CheckinInput {
        CheckinInput {
            side: "seeker".into(),
            met: "several".into(),
            met_how: vec!["phone".into(), "in_person".into()],
            going: Some(4),
            trust: Some(5),
            gave: vec!["language".into()],
            received: vec!["housing".into(), "work".into()],
            go_on: "yes".into(),
            ..CheckinInput::default()
        }
    }

    #[test]
    fn keeps_every_answer() {
        let a = parsed(&input());
        assert_eq!(a.side, Side::Seeker);
        let s = stored(&a);
        assert_eq!(s.met, Met::Several);
        assert!(s.met_in_person && s.met_by_phone && !s.met_online);
        assert_eq!((s.going, s.trust), (Some(4), Some(5)));
        assert_eq!(s.gave, vec!["language".to_owned()]);
        assert_eq!(s.received.len(), 2);
        assert_eq!(
            (s.go_on, s.pause_until, s.end_reason),
            (GoOn::Yes, None, None)
        );
    }

    #[test]
    fn pause_and_end_carry_their_detail() {
        let mut i = input();
        i.go_on = "pause".into();
        i.pause_until = Some("2027-01-15".into());
        let s = stored(&parsed(&i));
        assert_eq!(s.go_on, GoOn::Pause);
        assert_eq!(s.pause_until, NaiveDate::from_ymd_opt(2027, 1, 15));
        i.go_on = "end".into();
        i.end_reason = Some("moved_away".into());
        let s = stored(&parsed(&i));
        assert_eq!(
            (s.go_on, s.end_reason),
            (GoOn::End, Some(CloseReason::MovedAway))
        );
        assert_eq!(s.pause_until, None);
    }
}
