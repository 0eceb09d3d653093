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

pub mod by_coordinator;
pub mod emails;
pub mod my_data;
pub mod reasons;
pub mod reminder_worker;
mod reminders;
mod respond;
pub mod room;

use chrono::{Duration, NaiveDateTime};

use crate::db::audit::{self, AuditEntry};
use crate::db::matches::{self, Match};
use crate::db::participants::{self, Participant};
use crate::db::{programmes, DbConnection, DbError};
use crate::domain::programme::ProgrammeName;
pub use crate::domain::Side;
use crate::domain::{MatchStatus, Phone, UiLanguage};
use crate::i18n;
use crate::settings::Settings;
use crate::tokens::{self, Purpose};
use emails::Content;
pub use reminders::{send_reminders, waiting, WaitingPair};
pub use respond::{lookup_response, respond, Answer, Invitation, LinkState, RespondOutcome};

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
    /// Still a proposal, but one of the two is no longer free (another run's proposal, or a
    /// pair made by hand, was approved first): nothing changed.
    Taken(room::Taken),
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

/// The programme's name (in every language it has one in) and days to answer.
fn programme_info(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<(ProgrammeName, i32), DbError> {
    Ok(programmes::name_and_response_days(conn, programme_id)?
        .unwrap_or_else(|| (ProgrammeName::default(), DEFAULT_RESPONSE_DAYS)))
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
/// ([`ApproveOutcome::AlreadyDecided`]). A proposal whose seeker or buddy is no longer free
/// ([`room::places_left`]) stays a proposal ([`ApproveOutcome::Taken`]).
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
    if m.status != MatchStatus::Proposed {
        return Ok(ApproveOutcome::AlreadyDecided { status: m.status });
    }
    let (seeker, buddy) = load_pair(conn, &m)?;
    if let Err(taken) = room::places_left(conn, m.programme_id, seeker.id, &buddy)? {
        return Ok(ApproveOutcome::Taken(taken));
    }
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
        let name = programme.in_lang(lang);
        let content = introduction_email(lang, me, other, name, &m.reasons, link, me_link);
        emails::send(conn, me.email.as_deref(), lang, &content, now)?;
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
    let mut items = vec![i18n::t_args(
        lang,
        "contact-name",
        &[("name", &format!("{} {}", p.first_name, p.last_name))],
    )];
    if let Some(email) = &p.email {
        items.push(i18n::t_args(lang, "contact-email", &[("email", email)]));
    }
    if let Some(phone) = p.phone.as_deref().filter(|s| !s.trim().is_empty()) {
        let readable = Phone::from_stored(phone).readable();
        items.push(i18n::t_args(lang, "contact-phone", &[("phone", &readable)]));
    }
    if p.email.is_none() && p.phone.is_none() {
        // Added from a paper form: the coordinator brings the two together.
        items.push(i18n::t(lang, "contact-through-coordinator"));
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
