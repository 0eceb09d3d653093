//! A coordinator records an introduction answer for someone they asked by phone or in person
//! (people without email have no answer link). What follows is the same as for an answer by
//! link; the audit log names the coordinator.

use chrono::NaiveDateTime;

use super::respond::{apply, Answering, Applied};
use super::{language_of, load_pair, Answer, IntroError};
use crate::db::{matches, programmes, DbConnection};
use crate::domain::{IntroductionAnswer, MatchStatus, Side};
use crate::settings::Settings;

/// What recording an answer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// Accepted; the other side has not answered yet.
    AcceptedWaiting,
    /// Accepted, and the other side had too: the match is active.
    BothAccepted,
    /// Declined: the pair is forbidden, the other side told.
    Declined,
    /// Nothing changed: the match is not waiting for this side's answer (answered already,
    /// declined by the other side, closed).
    NotWaiting,
}

/// Records `answer` for `side` of match `match_id`, given by phone or in person to coordinator
/// `coordinator_id`. Call inside `db.write(...)`.
///
/// # Errors
/// [`IntroError::MatchNotFound`], [`IntroError::ParticipantGone`], or storage failures.
pub fn record_answer(
    conn: &mut DbConnection,
    match_id: i32,
    side: Side,
    answer: &Answer,
    coordinator_id: i32,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<Recorded, IntroError> {
    let m = matches::find(conn, match_id)?.ok_or(IntroError::MatchNotFound(match_id))?;
    let already: Option<IntroductionAnswer> = match side {
        Side::Seeker => m.seeker_response,
        Side::Buddy => m.buddy_response,
    };
    if m.status != MatchStatus::Approved || already.is_some() {
        return Ok(Recorded::NotWaiting);
    }
    let (seeker, buddy) = load_pair(conn, &m)?;
    let (me, other) = match side {
        Side::Seeker => (&seeker, &buddy),
        Side::Buddy => (&buddy, &seeker),
    };
    let programme = programmes::by_id(conn, m.programme_id)?
        .map(|p| p.name_in(language_of(me)).to_owned())
        .unwrap_or_default();
    let applied = apply(
        conn,
        &Answering {
            the_match: &m,
            side,
            me,
            other,
            programme: &programme,
            by: Some(coordinator_id),
        },
        answer,
        settings,
        now,
    )?;
    Ok(match applied {
        Applied::Accepted { both: true, .. } => Recorded::BothAccepted,
        Applied::Accepted { both: false, .. } => Recorded::AcceptedWaiting,
        Applied::Declined => Recorded::Declined,
        Applied::Closed => Recorded::NotWaiting,
    })
}
