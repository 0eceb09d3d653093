//! Answering a check-in by link (`/checkin/{token}`): look the link up, and store the one answer
//! with what it changes (a pause, the end of the match) in one transaction.
//!
//! The side of the answer is the check-in row's, never the form's. The person sees their
//! partner's first name only; the partner never sees this answer.

use chrono::NaiveDateTime;

use super::{answers, ContinuumError};
use crate::db::checkins::{self, Checkin};
use crate::db::continuum as store;
use crate::db::participant_tokens::{self, PurposeFilter};
use crate::db::participants::{self, Participant};
use crate::db::{programmes, Db, DbConnection};
use crate::domain::checkin::ExitAnswer;
use crate::domain::{CheckinAnswer, MatchStatus, Side, UiLanguage};
use crate::introductions::language_of;
use crate::tokens::{self, LinkToken, Purpose, PurposeKind};

/// A usable check-in link and what the form needs.
#[derive(Debug, Clone)]
pub struct CheckinInvite {
    /// The link.
    pub token: LinkToken,
    /// The check-in it answers (not answered yet).
    pub checkin: Checkin,
    /// The person holding the link.
    pub me: Participant,
    /// The partner's first name (nothing else of theirs is shown).
    pub partner_first_name: String,
    /// The programme's id.
    pub programme_id: i32,
    /// The programme's name.
    pub programme: String,
    /// The language people practise in the programme (ISO 639 code).
    pub local_language: String,
    /// Whether to ask "I feel I belong here" and "I can hold a simple conversation" (arriving
    /// members, every few months).
    pub ask_arriving: bool,
}

impl CheckinInvite {
    /// The language of the person holding the link.
    #[must_use]
    pub fn lang(&self) -> UiLanguage {
        language_of(&self.me)
    }

    /// Their side of the match.
    #[must_use]
    pub fn side(&self) -> Side {
        self.checkin.side
    }
}

/// What a check-in link turned out to be.
#[derive(Debug, Clone)]
pub enum LinkState {
    /// Usable: the check-in waits for this answer.
    Valid(Box<CheckinInvite>),
    /// Answered before (by this link, or recorded by a coordinator).
    Used(UiLanguage),
    /// Past its time.
    Expired(UiLanguage),
    /// The match is no longer active.
    Closed(UiLanguage),
    /// The exit questions of a closed match wait for this answer.
    Exit(Box<CheckinInvite>),
    /// No such link.
    Unknown,
}

/// Reads a check-in link without changing anything.
///
/// # Errors
/// Storage failures.
pub fn lookup(
    conn: &mut DbConnection,
    plain: &str,
    now: NaiveDateTime,
) -> Result<LinkState, ContinuumError> {
    let found = tokens::look_up(conn, plain, PurposeKind::Checkin, now)?;
    let token = match &found {
        tokens::LinkState::Unknown => return Ok(LinkState::Unknown),
        tokens::LinkState::Valid(t)
        | tokens::LinkState::Used(t)
        | tokens::LinkState::Expired(t) => t.clone(),
    };
    let Purpose::Checkin { checkin_id } = token.purpose else {
        return Ok(LinkState::Unknown);
    };
    let Some(me) = participants::find(conn, token.participant_id)? else {
        return Ok(LinkState::Unknown);
    };
    let lang = language_of(&me);
    match found {
        tokens::LinkState::Used(_) => return Ok(LinkState::Used(lang)),
        tokens::LinkState::Expired(_) => return Ok(LinkState::Expired(lang)),
        tokens::LinkState::Valid(_) | tokens::LinkState::Unknown => {}
    }
    let Some(checkin) = checkins::find(conn, checkin_id)? else {
        return Ok(LinkState::Unknown);
    };
    if checkin.participant_id != me.id {
        return Ok(LinkState::Unknown);
    }
    if checkin.answered_at.is_some() {
        // A coordinator recorded it after a call.
        return Ok(LinkState::Used(lang));
    }
    let Some(m) = store::find(conn, checkin.match_id)? else {
        return Ok(LinkState::Closed(lang));
    };
    // The exit questions come after the match closed; a check-in only while it is active.
    let exit = checkin.period == checkins::EXIT_PERIOD;
    let expected = if exit {
        MatchStatus::Closed
    } else {
        MatchStatus::Active
    };
    if m.status != expected {
        return Ok(LinkState::Closed(lang));
    }
    let partner_id = match checkin.side {
        Side::Seeker => m.buddy_id,
        Side::Buddy => m.seeker_id,
    };
    let Some(partner) = participants::find(conn, partner_id)? else {
        return Ok(LinkState::Closed(lang));
    };
    let (programme, local_language) = programmes::by_id(conn, m.programme_id)?
        .map(|p| (p.name_in(language_of(&me)).to_owned(), p.local_language))
        .unwrap_or_default();
    let side_is_seeker = checkin.side == Side::Seeker;
    let ask_arriving = !exit && answers::asks_arriving(conn, &checkin, now)?;
    let invite = Box::new(CheckinInvite {
        token,
        checkin,
        me,
        partner_first_name: partner.first_name,
        programme_id: m.programme_id,
        programme,
        local_language,
        ask_arriving: ask_arriving || (exit && side_is_seeker),
    });
    Ok(if exit {
        LinkState::Exit(invite)
    } else {
        LinkState::Valid(invite)
    })
}

/// What answering did.
#[derive(Debug, Clone)]
pub enum AnswerOutcome {
    /// Stored; `changed` says whether the match was paused or ended by it.
    Answered {
        /// The invitation as it was before answering.
        invite: Box<CheckinInvite>,
        /// The answer's "Shall we go on?" changed the match.
        changed: bool,
    },
    /// The link could not be used (never `Valid`).
    NotUsable(LinkState),
}

/// Answers a check-in with the link `plain`, in one write transaction: uses up the link, stores
/// the answer, applies "Shall we go on?" (pause, or close and re-match), and records
/// `checkin.answered` (and `participant.wants_to_volunteer` when an arriving member says so) in
/// the audit log, without the answer's content.
///
/// Questions the person was not asked are dropped: belonging and conversation unless asked,
/// "become a buddy" unless an arriving member answers.
///
/// # Errors
/// Storage failures.
pub fn answer(
    db: &Db,
    plain: &str,
    a: &CheckinAnswer,
    now: NaiveDateTime,
) -> Result<AnswerOutcome, ContinuumError> {
    db.write(|conn| answer_in(conn, plain, a, now))
}

fn answer_in(
    conn: &mut DbConnection,
    plain: &str,
    a: &CheckinAnswer,
    now: NaiveDateTime,
) -> Result<AnswerOutcome, ContinuumError> {
    let invite = match lookup(conn, plain, now)? {
        LinkState::Valid(inv) => inv,
        other => return Ok(AnswerOutcome::NotUsable(other)),
    };
    let lang = invite.lang();
    // Only one request can use the link, even if two arrive at once.
    if !tokens::use_once(conn, &invite.token, now)? {
        return Ok(AnswerOutcome::NotUsable(LinkState::Used(lang)));
    }
    let Some(changed) = answers::store(
        conn,
        &invite.checkin,
        invite.programme_id,
        a,
        invite.ask_arriving,
        now,
    )?
    else {
        return Ok(AnswerOutcome::NotUsable(LinkState::Used(lang)));
    };
    Ok(AnswerOutcome::Answered { invite, changed })
}

/// Answers the exit questions of a closed match with the link `plain`, in one write transaction:
/// uses up the link, stores satisfaction (as "how is it going"), belonging (arriving members)
/// and the wish to become a buddy with the match's close reason, and records
/// `checkin.exit_answered` (and `participant.wants_to_volunteer`) in the audit log.
///
/// # Errors
/// Storage failures.
pub fn answer_exit(
    db: &Db,
    plain: &str,
    a: &ExitAnswer,
    now: NaiveDateTime,
) -> Result<AnswerOutcome, ContinuumError> {
    db.write(|conn| {
        let invite = match lookup(conn, plain, now)? {
            LinkState::Exit(inv) => inv,
            LinkState::Valid(_) => return Ok(AnswerOutcome::NotUsable(LinkState::Unknown)),
            other => return Ok(AnswerOutcome::NotUsable(other)),
        };
        let lang = invite.lang();
        if !tokens::use_once(conn, &invite.token, now)? {
            return Ok(AnswerOutcome::NotUsable(LinkState::Used(lang)));
        }
        if !answers::store_exit(conn, &invite.checkin, invite.programme_id, a, now)? {
            return Ok(AnswerOutcome::NotUsable(LinkState::Used(lang)));
        }
        Ok(AnswerOutcome::Answered {
            invite,
            changed: false,
        })
    })
}

/// Who may raise a concern with a check-in link, and about which match.
#[derive(Debug, Clone)]
pub struct ConcernAccess {
    /// The person.
    pub me: Participant,
    /// The match of the check-in.
    pub match_id: i32,
    /// The programme's name.
    pub programme: String,
}

impl ConcernAccess {
    /// The person's language.
    #[must_use]
    pub fn lang(&self) -> UiLanguage {
        language_of(&self.me)
    }
}

/// What a check-in link allows on the concern page.
#[derive(Debug, Clone)]
pub enum ConcernLink {
    /// A concern may be raised.
    Allowed(Box<ConcernAccess>),
    /// Not with this link (never `Valid` inside).
    Refused(LinkState),
}

/// Reads a check-in link for the "I have a concern" page: allowed while the link is valid, and
/// also after it was used as long as it has not expired (people may want to raise a concern
/// after answering). Whether the match is still active does not matter. Changes nothing.
///
/// # Errors
/// Storage failures.
pub fn concern_access(
    conn: &mut DbConnection,
    plain: &str,
    now: NaiveDateTime,
) -> Result<ConcernLink, ContinuumError> {
    let found = tokens::look_up(conn, plain, PurposeKind::Checkin, now)?;
    let token = match found {
        tokens::LinkState::Valid(t) => t,
        tokens::LinkState::Used(t) => {
            // A used link reads as used even when expired: look at its time too.
            let stored = participant_tokens::find_by_hash(
                conn,
                &tokens::hash(plain),
                PurposeFilter::Exactly(&t.purpose.code()),
            )?;
            if stored.is_some_and(|s| s.expires_at > now) {
                t
            } else {
                return refused_expired(conn, t.participant_id);
            }
        }
        tokens::LinkState::Expired(t) => return refused_expired(conn, t.participant_id),
        tokens::LinkState::Unknown => return Ok(ConcernLink::Refused(LinkState::Unknown)),
    };
    let Purpose::Checkin { checkin_id } = token.purpose else {
        return Ok(ConcernLink::Refused(LinkState::Unknown));
    };
    let (Some(me), Some(checkin)) = (
        participants::find(conn, token.participant_id)?,
        checkins::find(conn, checkin_id)?,
    ) else {
        return Ok(ConcernLink::Refused(LinkState::Unknown));
    };
    if checkin.participant_id != me.id {
        return Ok(ConcernLink::Refused(LinkState::Unknown));
    }
    let Some(m) = store::find(conn, checkin.match_id)? else {
        return Ok(ConcernLink::Refused(LinkState::Closed(language_of(&me))));
    };
    let programme = programmes::by_id(conn, m.programme_id)?
        .map(|p| p.name_in(language_of(&me)).to_owned())
        .unwrap_or_default();
    Ok(ConcernLink::Allowed(Box::new(ConcernAccess {
        me,
        match_id: m.id,
        programme,
    })))
}

fn refused_expired(
    conn: &mut DbConnection,
    participant_id: i32,
) -> Result<ConcernLink, ContinuumError> {
    Ok(ConcernLink::Refused(
        match participants::find(conn, participant_id)? {
            Some(p) => LinkState::Expired(language_of(&p)),
            None => LinkState::Unknown,
        },
    ))
}
