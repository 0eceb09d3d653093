//! Answering an introduction by link: look the link up, accept or decline, and what follows
//! (contact details shared when both accept; a kind note and the seeker back in the pool on a
//! decline).

use chrono::NaiveDateTime;

use super::{
    contact_email,
    emails::{self, Content},
    language_of, my_data_link, IntroError, MAX_REASON_CHARS,
};
use crate::db::audit::{self, AuditEntry};
use crate::db::introductions as answers;
use crate::db::matches::{self, Match, RuleKind};
use crate::db::participants::{self, Participant};
use crate::db::{programmes, Db, DbConnection, DbError};
use crate::domain::Side;
use crate::domain::{IntroductionAnswer, MatchStatus, UiLanguage};
use crate::i18n;
use crate::settings::Settings;
use crate::tokens::{self, LinkToken, Purpose, PurposeKind};

/// What a person answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Yes.
    Accept,
    /// No, with an optional reason (for the coordinators only, never the other side).
    Decline {
        /// Why, if they said.
        reason: Option<String>,
    },
}

/// A usable answer link and what it is about.
#[derive(Debug, Clone)]
pub struct Invitation {
    /// The answer link.
    pub token: LinkToken,
    /// The match.
    pub the_match: Match,
    /// The side of the person holding the link.
    pub side: Side,
    /// That person.
    pub me: Participant,
    /// The other person (show only the first name unless the match is active).
    pub other: Participant,
    /// The programme's name.
    pub programme: String,
}

impl Invitation {
    /// The language of the person holding the link.
    #[must_use]
    pub fn lang(&self) -> UiLanguage {
        language_of(&self.me)
    }

    /// What this side answered already.
    #[must_use]
    pub fn my_response(&self) -> Option<IntroductionAnswer> {
        match self.side {
            Side::Seeker => self.the_match.seeker_response,
            Side::Buddy => self.the_match.buddy_response,
        }
    }
}

/// What an answer link turned out to be.
#[derive(Debug, Clone)]
pub enum LinkState {
    /// Usable (and the match is waiting for this answer).
    Valid(Box<Invitation>),
    /// Answered before.
    Used(Option<UiLanguage>),
    /// Answered yes before, and the other side said yes too: the link shows the contact
    /// details again (the first to accept otherwise has them only by email).
    Introduced(Box<Invitation>),
    /// Past its time.
    Expired(Option<UiLanguage>),
    /// The match is no longer waiting for answers (the other side declined, or it was closed).
    Closed(Option<UiLanguage>),
    /// No such link.
    Unknown,
}

/// Reads an answer link without changing anything.
///
/// # Errors
/// Storage failures.
pub fn lookup_response(
    conn: &mut DbConnection,
    plain: &str,
    now: NaiveDateTime,
) -> Result<LinkState, IntroError> {
    let found = tokens::look_up(conn, plain, PurposeKind::Respond, now)?;
    let token = match &found {
        tokens::LinkState::Unknown => return Ok(LinkState::Unknown),
        tokens::LinkState::Valid(t)
        | tokens::LinkState::Used(t)
        | tokens::LinkState::Expired(t) => t.clone(),
    };
    let Purpose::Respond { match_id } = token.purpose else {
        return Ok(LinkState::Unknown);
    };
    let Some(me) = participants::find(conn, token.participant_id)? else {
        return Ok(LinkState::Unknown);
    };
    let lang = Some(language_of(&me));
    // A spent link still leads to the contact details once both have said yes.
    let spent = match found {
        tokens::LinkState::Used(_) => Some(LinkState::Used(lang)),
        tokens::LinkState::Expired(_) => Some(LinkState::Expired(lang)),
        tokens::LinkState::Valid(_) | tokens::LinkState::Unknown => None,
    };
    let Some(the_match) = matches::find(conn, match_id)? else {
        return Ok(spent.unwrap_or(LinkState::Closed(lang)));
    };
    if let Some(spent) = spent {
        let introduced = the_match.status == MatchStatus::Active
            && [the_match.seeker_id, the_match.buddy_id].contains(&me.id);
        if !introduced {
            return Ok(spent);
        }
    }
    let side = if the_match.seeker_id == me.id {
        Side::Seeker
    } else if the_match.buddy_id == me.id {
        Side::Buddy
    } else {
        return Ok(LinkState::Unknown);
    };
    if the_match.status != MatchStatus::Approved && the_match.status != MatchStatus::Active {
        return Ok(LinkState::Closed(lang));
    }
    let other_id = match side {
        Side::Seeker => the_match.buddy_id,
        Side::Buddy => the_match.seeker_id,
    };
    let Some(other) = participants::find(conn, other_id)? else {
        return Ok(LinkState::Closed(lang));
    };
    let programme = programmes::by_id(conn, the_match.programme_id)?
        .map(|p| p.name_in(language_of(&me)).to_owned())
        .unwrap_or_default();
    let invitation = Invitation {
        token,
        the_match,
        side,
        me,
        other,
        programme,
    };
    if invitation.the_match.status == MatchStatus::Active {
        return Ok(
            if invitation.my_response() == Some(IntroductionAnswer::Accepted) {
                LinkState::Introduced(Box::new(invitation))
            } else {
                LinkState::Used(lang)
            },
        );
    }
    if invitation.my_response().is_some() {
        return Ok(LinkState::Used(lang));
    }
    Ok(LinkState::Valid(Box::new(invitation)))
}

/// What answering did.
#[derive(Debug, Clone)]
pub enum RespondOutcome {
    /// Accepted; the other side has not yet.
    AcceptedWaiting(Box<Invitation>),
    /// Accepted, and the other side had too: the match is active and contact details went out.
    BothAccepted(Box<Invitation>),
    /// Declined: the pair is forbidden and the other side was told.
    Declined(Box<Invitation>),
    /// The link could not be used (see [`LinkState`]; never `Valid`).
    NotUsable(LinkState),
}

/// Answers an introduction with the link `plain`: uses up the link, records the answer; when both
/// have accepted, the match becomes `active` (stage `introduced`) and both get each other's contact
/// details; a decline makes it `declined`, forbids the pair, and tells the other side kindly
/// (without the reason). Runs in its own transaction.
///
/// # Errors
/// Storage failures.
pub fn respond(
    db: &Db,
    plain: &str,
    answer: &Answer,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<RespondOutcome, IntroError> {
    db.write(|conn| respond_in(conn, plain, answer, settings, now))
}

fn respond_in(
    conn: &mut DbConnection,
    plain: &str,
    answer: &Answer,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<RespondOutcome, IntroError> {
    let invitation = match lookup_response(conn, plain, now)? {
        LinkState::Valid(inv) => inv,
        // Answered already and both said yes: nothing to change, the details again.
        LinkState::Introduced(inv) => return Ok(RespondOutcome::BothAccepted(inv)),
        other => return Ok(RespondOutcome::NotUsable(other)),
    };
    let lang = Some(invitation.lang());
    // Only one request can use the link, even if two arrive at once.
    if !tokens::use_once(conn, &invitation.token, now)? {
        return Ok(RespondOutcome::NotUsable(LinkState::Used(lang)));
    }
    let applied = apply(
        conn,
        &Answering {
            the_match: &invitation.the_match,
            side: invitation.side,
            me: &invitation.me,
            other: &invitation.other,
            programme: &invitation.programme,
            by: None,
        },
        answer,
        settings,
        now,
    )?;
    let mut inv = invitation;
    Ok(match applied {
        Applied::Closed => RespondOutcome::NotUsable(LinkState::Closed(lang)),
        Applied::Accepted { both, after } => {
            inv.the_match = after;
            if both {
                RespondOutcome::BothAccepted(inv)
            } else {
                RespondOutcome::AcceptedWaiting(inv)
            }
        }
        Applied::Declined => RespondOutcome::Declined(inv),
    })
}

/// One side's answer to an introduction, whoever brings it: the person by their link, or a
/// coordinator who asked them by phone (`by`).
pub(super) struct Answering<'a> {
    pub the_match: &'a Match,
    pub side: Side,
    /// The person answering.
    pub me: &'a Participant,
    /// The other side.
    pub other: &'a Participant,
    /// The programme's name in `me`'s language.
    pub programme: &'a str,
    /// The coordinator who recorded the answer, if it was not the person.
    pub by: Option<i32>,
}

/// What an answer changed.
pub(super) enum Applied {
    /// Accepted; `both` when the other side had too and the match is now active.
    Accepted { both: bool, after: Match },
    /// Declined: the pair is forbidden and the other side told.
    Declined,
    /// The match was no longer waiting for this answer.
    Closed,
}

/// Records `answer` and does what follows: when both have accepted, the match becomes `active`
/// and both get each other's contact details (by email, or from the coordinator for someone
/// without one); a decline forbids the pair and tells the other side kindly, without the reason.
pub(super) fn apply(
    conn: &mut DbConnection,
    a: &Answering<'_>,
    answer: &Answer,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<Applied, IntroError> {
    let m = a.the_match;
    let side = a.side;
    match answer {
        Answer::Accept => {
            if !answers::accept(conn, m.id, side, now)? {
                return Ok(Applied::Closed);
            }
            let after = matches::find(conn, m.id)?.ok_or(IntroError::MatchNotFound(m.id))?;
            let both = after.seeker_response == Some(IntroductionAnswer::Accepted)
                && after.buddy_response == Some(IntroductionAnswer::Accepted);
            if both && answers::activate(conn, m.id, now)? {
                for (me, other) in [(a.me, a.other), (a.other, a.me)] {
                    let lang = language_of(me);
                    let programme = programmes::by_id(conn, m.programme_id)?
                        .map(|p| p.name_in(lang).to_owned())
                        .unwrap_or_else(|| a.programme.to_owned());
                    let mut content = contact_email(lang, me, other, &programme);
                    content.me_link = Some(my_data_link(conn, me.id, settings, now)?);
                    emails::send(conn, me.email.as_deref(), lang, &content, now)?;
                }
                record(conn, m, "match.accepted_by_both", a, now)?;
                return Ok(Applied::Accepted { both: true, after });
            }
            record(conn, m, "match.accepted", a, now)?;
            Ok(Applied::Accepted { both: false, after })
        }
        Answer::Decline { reason } => {
            let reason: Option<String> = reason
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(|r| r.chars().take(MAX_REASON_CHARS).collect());
            if !answers::decline(conn, m.id, side, reason.as_deref(), now)? {
                return Ok(Applied::Closed);
            }
            matches::add_rule(
                conn,
                m.programme_id,
                m.seeker_id,
                m.buddy_id,
                RuleKind::Forbidden,
                &format!("declined by the {}", side.code()),
                a.by,
                now,
            )?;
            let other = a.other;
            let other_lang = language_of(other);
            let programme = programmes::by_id(conn, m.programme_id)?
                .map(|p| p.name_in(other_lang).to_owned())
                .unwrap_or_else(|| a.programme.to_owned());
            let mut content =
                declined_email(other_lang, other, a.me, &programme, side == Side::Buddy);
            content.me_link = Some(my_data_link(conn, other.id, settings, now)?);
            emails::send(conn, other.email.as_deref(), other_lang, &content, now)?;
            record(conn, m, "match.declined", a, now)?;
            Ok(Applied::Declined)
        }
    }
}

fn record(
    conn: &mut DbConnection,
    m: &Match,
    action: &str,
    a: &Answering<'_>,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: a.by,
            programme_id: Some(m.programme_id),
            action,
            subject_type: "match",
            subject_id: Some(m.id),
            detail: a.side.code(),
        },
        now,
    )
}

/// The kind note to the other side of a decline (no reason). `me` is the recipient; when `me` is
/// the seeker, they hear that they are back in the pool.
fn declined_email(
    lang: UiLanguage,
    me: &Participant,
    decliner: &Participant,
    programme: &str,
    me_is_seeker: bool,
) -> Content {
    let args = [
        ("name", decliner.first_name.as_str()),
        ("programme", programme),
    ];
    let next = if me_is_seeker {
        "declined-email-seeker-next"
    } else {
        "declined-email-buddy-next"
    };
    Content {
        subject: i18n::t_args(lang, "declined-email-subject", &args),
        name: me.first_name.clone(),
        programme: programme.to_owned(),
        before: vec![
            i18n::t_args(lang, "declined-email-body", &args),
            i18n::t_args(lang, next, &args),
        ],
        ..Content::default()
    }
}
