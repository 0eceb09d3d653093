//! Introductions: a coordinator approves a proposed pair, both people get an email in their
//! language (why they were matched, the other's first name only, a link to accept or decline);
//! contact details are shared only when both accept. A decline forbids the pair and puts the
//! seeker back in the pool; no answer after the programme's `response_days` brings one reminder,
//! and after twice that the pair is shown to coordinators as waiting ([`waiting`]).
//!
//! Also the participant's own data ([`my_data`]): the personal link, export, correction,
//! withdrawal and erasure.
//!
//! Every change and its emails are written in one transaction (the outbox), so a rolled-back
//! decision sends nothing and a committed one always sends.

pub mod emails;
pub mod my_data;
pub mod reasons;
pub mod reminder_worker;

use chrono::{Duration, NaiveDateTime};

use crate::db::audit::{self, AuditEntry};
use crate::db::introductions as answers;
use crate::db::matches::{self, Match, RuleKind};
use crate::db::participants::{self, Participant};
use crate::db::{programmes, Db, DbConnection, DbError};
pub use crate::domain::Side;
use crate::domain::{IntroductionAnswer, MatchStatus, UiLanguage};
use crate::i18n;
use crate::settings::Settings;
use crate::tokens::{self, LinkToken, Purpose, PurposeKind};
use emails::Content;

/// How long an answer link works.
pub const RESPONSE_VALID_DAYS: i64 = 14;
/// How long a personal data link works.
pub const ME_VALID_DAYS: i64 = 180;
/// Days to answer before a reminder when the programme has no setting.
pub const DEFAULT_RESPONSE_DAYS: i32 = 7;
/// Longest decline reason kept (characters).
pub const MAX_REASON_CHARS: usize = 500;

/// Something went wrong while introducing people.
#[derive(Debug, thiserror::Error)]
pub enum IntroError {
    /// No match with this id.
    #[error("there is no match {0}")]
    MatchNotFound(i32),
    /// A person of the match is gone (erased while the match was being decided).
    #[error("a participant of match {0} no longer exists")]
    ParticipantGone(i32),
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

/// What [`approve`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApproveOutcome {
    /// Approved now; both introduction emails are in the outbox.
    Approved,
    /// The match was not `proposed` (approved before, rejected, superseded, ...): nothing changed.
    AlreadyDecided {
        /// Its status.
        status: MatchStatus,
    },
}

/// The language a participant's messages are written in (English if the stored code is unknown).
#[must_use]
pub fn language_of(p: &Participant) -> UiLanguage {
    UiLanguage::parse(&p.message_language).unwrap_or(UiLanguage::En)
}

/// A fresh personal data link for a participant: `<public_url>/me/<token>` (purpose `me`, valid
/// [`ME_VALID_DAYS`]). For the confirmation flow and any email to the person.
///
/// # Errors
/// The insert fails.
pub fn my_data_link(
    conn: &mut DbConnection,
    participant_id: i32,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<String, IntroError> {
    let token = tokens::issue(
        conn,
        participant_id,
        Purpose::MyData,
        Duration::days(ME_VALID_DAYS),
        now,
    )?;
    Ok(format!("{}/me/{token}", settings.public_url()))
}

/// The programme's name and days to answer.
fn programme_info(conn: &mut DbConnection, programme_id: i32) -> Result<(String, i32), DbError> {
    Ok(programmes::name_and_response_days(conn, programme_id)?
        .unwrap_or_else(|| (String::new(), DEFAULT_RESPONSE_DAYS)))
}

fn load_pair(conn: &mut DbConnection, m: &Match) -> Result<(Participant, Participant), IntroError> {
    let seeker = participants::find(conn, m.seeker_id)?.ok_or(IntroError::ParticipantGone(m.id))?;
    let buddy = participants::find(conn, m.buddy_id)?.ok_or(IntroError::ParticipantGone(m.id))?;
    Ok((seeker, buddy))
}

/// Approves a proposed match: status `proposed` -> `approved` (decided by `coordinator_id`),
/// an answer link for each side (purpose `respond:<id>`, hashed, [`RESPONSE_VALID_DAYS`], works
/// once) and an introduction email to each in their language: why they were matched, the other's
/// first name only, the answer link and their personal data link. Records `match.approve` in the
/// audit log. Call inside `db.write(...)`; approving twice is harmless
/// ([`ApproveOutcome::AlreadyDecided`]).
///
/// # Errors
/// [`IntroError::MatchNotFound`], [`IntroError::ParticipantGone`], or storage failures.
pub fn approve(
    conn: &mut DbConnection,
    match_id: i32,
    coordinator_id: Option<i32>,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<ApproveOutcome, IntroError> {
    let m = matches::find(conn, match_id)?.ok_or(IntroError::MatchNotFound(match_id))?;
    if !matches::transition(
        conn,
        match_id,
        MatchStatus::Proposed,
        MatchStatus::Approved,
        coordinator_id,
        None,
        now,
    )? {
        let status = matches::find(conn, match_id)?.map_or(m.status, |m| m.status);
        return Ok(ApproveOutcome::AlreadyDecided { status });
    }
    let (seeker, buddy) = load_pair(conn, &m)?;
    let (programme, _) = programme_info(conn, m.programme_id)?;
    for (me, other) in [(&seeker, &buddy), (&buddy, &seeker)] {
        let token = tokens::issue(
            conn,
            me.id,
            Purpose::Respond { match_id },
            Duration::days(RESPONSE_VALID_DAYS),
            now,
        )?;
        let link = format!("{}/respond/{token}", settings.public_url());
        let me_link = my_data_link(conn, me.id, settings, now)?;
        let lang = language_of(me);
        let content = introduction_email(lang, me, other, &programme, &m.reasons, link, me_link);
        emails::send(conn, &me.email, lang, &content, now)?;
    }
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id,
            programme_id: Some(m.programme_id),
            action: "match.approve",
            subject_type: "match",
            subject_id: Some(match_id),
            detail: "",
        },
        now,
    )?;
    Ok(ApproveOutcome::Approved)
}

fn introduction_email(
    lang: UiLanguage,
    me: &Participant,
    other: &Participant,
    programme: &str,
    reasons_json: &str,
    link: String,
    me_link: String,
) -> Content {
    let other_name = other.first_name.as_str();
    let args = [("name", other_name), ("programme", programme)];
    Content {
        subject: i18n::t_args(lang, "intro-email-subject", &args),
        name: me.first_name.clone(),
        programme: programme.to_owned(),
        before: vec![
            i18n::t_args(lang, "intro-email-body", &args),
            i18n::t_args(lang, "intro-email-why", &args),
        ],
        items: reasons::describe(lang, reasons_json),
        button: Some((i18n::t(lang, "intro-email-button"), link)),
        after: vec![
            i18n::t_args(lang, "intro-email-privacy", &args),
            i18n::t_args(
                lang,
                "intro-email-expiry",
                &[("days", &RESPONSE_VALID_DAYS.to_string())],
            ),
        ],
        me_link: Some(me_link),
    }
}

/// A person's contact details as list items: name, email, phone if given. Show them to the other
/// side only once both have accepted.
pub fn contact_items(lang: UiLanguage, p: &Participant) -> Vec<String> {
    let mut items = vec![
        i18n::t_args(
            lang,
            "contact-name",
            &[("name", &format!("{} {}", p.first_name, p.last_name))],
        ),
        i18n::t_args(lang, "contact-email", &[("email", &p.email)]),
    ];
    if let Some(phone) = p.phone.as_deref().filter(|s| !s.trim().is_empty()) {
        items.push(i18n::t_args(lang, "contact-phone", &[("phone", phone)]));
    }
    items
}

/// Suggestions for a first meeting in a public place.
#[must_use]
pub fn meeting_tips(lang: UiLanguage) -> Vec<String> {
    [
        "meet-tip-public",
        "meet-tip-daytime",
        "meet-tip-tell",
        "meet-tip-coordinator",
    ]
    .iter()
    .map(|id| i18n::t(lang, id))
    .collect()
}

fn contact_email(
    lang: UiLanguage,
    me: &Participant,
    other: &Participant,
    programme: &str,
) -> Content {
    let args = [
        ("name", other.first_name.as_str()),
        ("programme", programme),
    ];
    let mut after = vec![i18n::t(lang, "meet-tips-heading")];
    after.extend(meeting_tips(lang));
    Content {
        subject: i18n::t_args(lang, "contact-email-subject", &args),
        name: me.first_name.clone(),
        programme: programme.to_owned(),
        before: vec![i18n::t_args(lang, "contact-email-body", &args)],
        items: contact_items(lang, other),
        button: None,
        after,
        me_link: None,
    }
}

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
    match found {
        tokens::LinkState::Used(_) => return Ok(LinkState::Used(lang)),
        tokens::LinkState::Expired(_) => return Ok(LinkState::Expired(lang)),
        tokens::LinkState::Valid(_) | tokens::LinkState::Unknown => {}
    }
    let Some(the_match) = matches::find(conn, match_id)? else {
        return Ok(LinkState::Closed(lang));
    };
    let side = if the_match.seeker_id == me.id {
        Side::Seeker
    } else if the_match.buddy_id == me.id {
        Side::Buddy
    } else {
        return Ok(LinkState::Unknown);
    };
    if the_match.status != MatchStatus::Approved {
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
        .map(|p| p.name)
        .unwrap_or_default();
    let invitation = Invitation {
        token,
        the_match,
        side,
        me,
        other,
        programme,
    };
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
    now: NaiveDateTime,
) -> Result<RespondOutcome, IntroError> {
    db.write(|conn| respond_in(conn, plain, answer, now))
}

fn respond_in(
    conn: &mut DbConnection,
    plain: &str,
    answer: &Answer,
    now: NaiveDateTime,
) -> Result<RespondOutcome, IntroError> {
    let invitation = match lookup_response(conn, plain, now)? {
        LinkState::Valid(inv) => inv,
        other => return Ok(RespondOutcome::NotUsable(other)),
    };
    let lang = Some(invitation.lang());
    // Only one request can use the link, even if two arrive at once.
    if !tokens::use_once(conn, &invitation.token, now)? {
        return Ok(RespondOutcome::NotUsable(LinkState::Used(lang)));
    }
    let m = &invitation.the_match;
    let side = invitation.side;
    match answer {
        Answer::Accept => {
            if !answers::accept(conn, m.id, side, now)? {
                return Ok(RespondOutcome::NotUsable(LinkState::Closed(lang)));
            }
            let after = matches::find(conn, m.id)?.ok_or(IntroError::MatchNotFound(m.id))?;
            let both = after.seeker_response == Some(IntroductionAnswer::Accepted)
                && after.buddy_response == Some(IntroductionAnswer::Accepted);
            if both && answers::activate(conn, m.id, now)? {
                let programme = invitation.programme.clone();
                for (me, other) in [
                    (&invitation.me, &invitation.other),
                    (&invitation.other, &invitation.me),
                ] {
                    let lang = language_of(me);
                    let content = contact_email(lang, me, other, &programme);
                    emails::send(conn, &me.email, lang, &content, now)?;
                }
                record(conn, m, "match.accepted_by_both", invitation.side, now)?;
                let mut inv = invitation;
                inv.the_match = after;
                return Ok(RespondOutcome::BothAccepted(inv));
            }
            record(conn, m, "match.accepted", invitation.side, now)?;
            let mut inv = invitation;
            inv.the_match = after;
            Ok(RespondOutcome::AcceptedWaiting(inv))
        }
        Answer::Decline { reason } => {
            let reason: Option<String> = reason
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(|r| r.chars().take(MAX_REASON_CHARS).collect());
            if !answers::decline(conn, m.id, side, reason.as_deref(), now)? {
                return Ok(RespondOutcome::NotUsable(LinkState::Closed(lang)));
            }
            matches::add_rule(
                conn,
                m.programme_id,
                m.seeker_id,
                m.buddy_id,
                RuleKind::Forbidden,
                &format!("declined by the {}", invitation.side.code()),
                None,
                now,
            )?;
            let other = &invitation.other;
            let other_lang = language_of(other);
            let content = declined_email(
                other_lang,
                other,
                &invitation.me,
                &invitation.programme,
                invitation.side == Side::Buddy,
            );
            emails::send(conn, &other.email, other_lang, &content, now)?;
            record(conn, m, "match.declined", invitation.side, now)?;
            Ok(RespondOutcome::Declined(invitation))
        }
    }
}

fn record(
    conn: &mut DbConnection,
    m: &Match,
    action: &str,
    side: Side,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: None,
            programme_id: Some(m.programme_id),
            action,
            subject_type: "match",
            subject_id: Some(m.id),
            detail: side.code(),
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

/// Sends one reminder for each approved match whose answers are incomplete `response_days`
/// (programme setting) after approval, to each side that has not answered, with a fresh link.
/// A match is reminded once (`matches.reminded_at`, claimed with a conditional update, so several
/// instances never remind twice). Returns how many matches were reminded.
///
/// # Errors
/// Storage failures.
pub fn send_reminders(
    db: &Db,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<usize, IntroError> {
    let candidates = answers::reminder_candidates(&mut *db.get()?)?;
    let mut reminded = 0;
    for (id, approved_at, days) in candidates {
        if approved_at + Duration::days(i64::from(days.max(1))) > now {
            continue;
        }
        if db.write(|conn| remind(conn, id, settings, now))? {
            reminded += 1;
        }
    }
    Ok(reminded)
}

fn remind(
    conn: &mut DbConnection,
    id: i32,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<bool, IntroError> {
    if !answers::claim_reminder(conn, id, now)? {
        return Ok(false);
    }
    let m = matches::find(conn, id)?.ok_or(IntroError::MatchNotFound(id))?;
    let (seeker, buddy) = load_pair(conn, &m)?;
    let (programme, _) = programme_info(conn, m.programme_id)?;
    for (me, other, answered) in [
        (&seeker, &buddy, m.seeker_response.is_some()),
        (&buddy, &seeker, m.buddy_response.is_some()),
    ] {
        if answered {
            continue;
        }
        let token = tokens::issue(
            conn,
            me.id,
            Purpose::Respond { match_id: id },
            Duration::days(RESPONSE_VALID_DAYS),
            now,
        )?;
        let link = format!("{}/respond/{token}", settings.public_url());
        let lang = language_of(me);
        let args = [
            ("name", other.first_name.as_str()),
            ("programme", &programme),
        ];
        let content = Content {
            subject: i18n::t_args(lang, "reminder-email-subject", &args),
            name: me.first_name.clone(),
            programme: programme.clone(),
            before: vec![i18n::t_args(lang, "reminder-email-body", &args)],
            button: Some((i18n::t(lang, "intro-email-button"), link)),
            after: vec![i18n::t_args(lang, "intro-email-privacy", &args)],
            ..Content::default()
        };
        emails::send(conn, &me.email, lang, &content, now)?;
    }
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: None,
            programme_id: Some(m.programme_id),
            action: "match.reminded",
            subject_type: "match",
            subject_id: Some(id),
            detail: "",
        },
        now,
    )?;
    Ok(true)
}

/// An approved pair still waiting for an answer twice the programme's `response_days` after
/// approval (one reminder has gone out): coordinators should follow it up.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct WaitingPair {
    /// The match.
    pub match_id: i32,
    /// The seeker.
    pub seeker_id: i32,
    /// The buddy.
    pub buddy_id: i32,
    /// When it was approved.
    pub approved_at: NaiveDateTime,
    /// When the reminder went out.
    pub reminded_at: Option<NaiveDateTime>,
    /// The seeker's answer (accepted) or None.
    pub seeker_response: Option<IntroductionAnswer>,
    /// The buddy's answer (accepted) or None.
    pub buddy_response: Option<IntroductionAnswer>,
}

/// The programme's waiting pairs, longest waiting first.
///
/// # Errors
/// Storage failures.
pub fn waiting(
    conn: &mut DbConnection,
    programme_id: i32,
    now: NaiveDateTime,
) -> Result<Vec<WaitingPair>, IntroError> {
    let (_, days) = programme_info(conn, programme_id)?;
    let cutoff = now - Duration::days(2 * i64::from(days.max(1)));
    Ok(answers::waiting(conn, programme_id, cutoff)?
        .into_iter()
        .map(|(m, reminded_at)| WaitingPair {
            match_id: m.id,
            seeker_id: m.seeker_id,
            buddy_id: m.buddy_id,
            approved_at: m.decided_at.unwrap_or(m.updated_at),
            reminded_at,
            seeker_response: m.seeker_response,
            buddy_response: m.buddy_response,
        })
        .collect())
}
