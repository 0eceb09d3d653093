//! A participant's own data behind their personal link (`/me/<token>`): see it, correct it,
//! download it, withdraw consent, erase it. Erasure removes every personal row and keeps only an
//! anonymous count (`erasures`: programme, role, volunteer, whether matched, when).

use chrono::NaiveDateTime;
use serde::Serialize;

use super::emails::{self, Content};
use super::{language_of, IntroError};
use crate::db::audit::{self, AuditEntry};
pub use crate::db::my_data::erasure_counts;
use crate::db::my_data::{self as store, NewErasure};
use crate::db::participants::{self, Participant};
use crate::db::{
    checkins, continuum, outbox, people, programmes, readiness, DbConnection, DbError,
};
use crate::domain::{
    CloseReason, Email, IntroductionAnswer, MatchStatus, NewParticipant, ParticipantStatus,
    ProfileInput, Programme, UiLanguage,
};
use crate::i18n;
use crate::settings::Settings;
use crate::tokens::{self, LinkState, Purpose, PurposeKind};

/// What a personal link turned out to be.
#[derive(Debug, Clone)]
pub enum MeLink {
    /// Usable.
    Valid(Box<Participant>),
    /// Past its time (the person's language).
    Expired(Option<UiLanguage>),
    /// No such link (or the person's data is erased).
    Unknown,
}

/// Reads a personal link.
///
/// # Errors
/// Storage failures.
pub fn lookup(conn: &mut DbConnection, plain: &str, now: NaiveDateTime) -> Result<MeLink, DbError> {
    let (token, expired) = match tokens::look_up(conn, plain, PurposeKind::MyData, now)? {
        LinkState::Unknown => return Ok(MeLink::Unknown),
        LinkState::Valid(t) | LinkState::Used(t) => (t, false),
        LinkState::Expired(t) => (t, true),
    };
    let Some(p) = participants::find(conn, token.participant_id)? else {
        return Ok(MeLink::Unknown);
    };
    if expired {
        return Ok(MeLink::Expired(Some(language_of(&p))));
    }
    Ok(MeLink::Valid(Box::new(p)))
}

/// One of the person's matches, as they may see it.
#[derive(Debug, Clone, Serialize)]
pub struct MyMatch {
    /// Match id.
    pub id: i32,
    /// `seeker` or `buddy`.
    pub my_side: &'static str,
    /// Status (approved = introduced and waiting for answers, active, declined, closed).
    pub status: MatchStatus,
    /// Continuum stage.
    pub stage: Option<String>,
    /// This person's answer.
    pub my_response: Option<IntroductionAnswer>,
    /// When it was proposed.
    pub created_at: NaiveDateTime,
    /// When a coordinator decided.
    pub decided_at: Option<NaiveDateTime>,
    /// The other person's id (for loading the name or, when active, contact details; not exported).
    #[serde(skip)]
    pub other_id: i32,
}

/// The person's matches that were introduced to them (not proposals under review), newest first.
///
/// # Errors
/// Storage failures.
pub fn my_matches(conn: &mut DbConnection, id: i32) -> Result<Vec<MyMatch>, DbError> {
    Ok(store::shown_matches(conn, id)?
        .into_iter()
        .map(|m| {
            let seeker = m.seeker_id == id;
            MyMatch {
                id: m.id,
                my_side: if seeker { "seeker" } else { "buddy" },
                status: m.status,
                stage: m.stage,
                my_response: if seeker {
                    m.seeker_response
                } else {
                    m.buddy_response
                },
                created_at: m.created_at,
                decided_at: m.decided_at,
                other_id: if seeker { m.buddy_id } else { m.seeker_id },
            }
        })
        .collect())
}

/// Everything stored about the person, as JSON: profile (with household), status, consents,
/// role history, their matches with status, their own check-in answers and the concerns they
/// raised (nothing about the other people).
///
/// # Errors
/// Storage failures or corrupt stored JSON.
pub fn export(conn: &mut DbConnection, p: &Participant) -> Result<serde_json::Value, DbError> {
    let mut profile = p.to_profile_input()?;
    profile.household_members = participants::household(conn, p.id)?;
    let consents = people::consents(conn, p.id)?;
    let roles = store::role_history(conn, p.id)?;
    let programme = programmes::by_id(conn, p.programme_id)?;
    Ok(serde_json::json!({
        "programme": programme.map(|p| serde_json::json!({"slug": p.slug, "name": p.name})),
        "profile": profile,
        "status": p.status,
        "safeguarding_cleared": p.safeguarding_cleared,
        "confirmed_at": p.confirmed_at,
        "waiting_since": p.waiting_since,
        "created_at": p.created_at,
        "updated_at": p.updated_at,
        "consents": consents,
        "role_history": roles,
        "matches": my_matches(conn, p.id)?,
        "check_ins": my_checkins(conn, p.id)?,
        "concerns": my_concerns(conn, p.id)?,
    }))
}

/// The person's own check-in answers (never the partner's), for their download.
fn my_checkins(conn: &mut DbConnection, id: i32) -> Result<Vec<serde_json::Value>, DbError> {
    Ok(checkins::for_participant(conn, id)?
        .into_iter()
        .map(|c| {
            let answer = c.answer.map(|a| {
                serde_json::json!({
                    "met": a.met,
                    "met_in_person": a.met_in_person,
                    "met_online": a.met_online,
                    "met_by_phone": a.met_by_phone,
                    "going": a.going,
                    "trust": a.trust,
                    "gave": a.gave,
                    "received": a.received,
                    "continue": a.go_on,
                    "pause_until": a.pause_until,
                    "end_reason": a.end_reason,
                    "carry_on_without_programme": a.carry_on_without_programme,
                    "wants_to_volunteer": a.wants_to_volunteer,
                    "note": a.note,
                    "belonging": a.belonging,
                    "conversation": a.conversation,
                })
            });
            serde_json::json!({
                "match_id": c.match_id,
                "side": c.side,
                "period": c.period,
                "due_at": c.due_at,
                "sent_at": c.sent_at,
                "answered_at": c.answered_at,
                "recorded_by_coordinator": c.recorded_by.is_some(),
                "answer": answer,
            })
        })
        .collect())
}

/// The concerns the person raised, for their download.
fn my_concerns(conn: &mut DbConnection, id: i32) -> Result<Vec<serde_json::Value>, DbError> {
    Ok(continuum::concerns_raised_by(conn, id)?
        .into_iter()
        .map(|c| {
            serde_json::json!({
                "match_id": c.match_id,
                "body": c.body,
                "created_at": c.created_at,
                "handled_at": c.handled_at,
            })
        })
        .collect())
}

/// Applies the person's corrections: `changes` replaces the stored fields it names; the result is
/// validated like a sign-up (consent stays given). Returns the parsed profile.
///
/// # Errors
/// The corrected profile does not validate.
pub fn corrected(
    stored: ProfileInput,
    changes: impl FnOnce(&mut ProfileInput),
    programme: &Programme,
) -> Result<NewParticipant, crate::domain::ValidationErrors> {
    let mut input = stored;
    changes(&mut input);
    input.consent = true;
    NewParticipant::parse(input, programme)
}

/// Stores a corrected profile and records it (without personal data) in the audit log; what
/// [`participants::update`] did.
///
/// # Errors
/// Storage failures (e.g. the new email is taken in this programme: a unique violation).
pub fn save_correction(
    conn: &mut DbConnection,
    p: &Participant,
    new: &NewParticipant,
    now: NaiveDateTime,
) -> Result<participants::Updated, DbError> {
    let updated = participants::update(conn, p.id, new, now)?;
    if updated == participants::Updated::Stored {
        self_audit(conn, p, "participant.self_correct", Some(p.id), now)?;
    }
    Ok(updated)
}

fn self_audit(
    conn: &mut DbConnection,
    p: &Participant,
    action: &str,
    subject_id: Option<i32>,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: None,
            programme_id: Some(p.programme_id),
            action,
            subject_type: "participant",
            subject_id,
            detail: "by the participant",
        },
        now,
    )
}

/// Ends the person's live matches (status and stage `closed`, close reason "no longer
/// available", `code` noted as the cause), drops open proposals that involve them
/// (`superseded`), and tells the other side of each live match kindly. Returns whether there was
/// a live match. The other side is free again for the next run (only live matches count).
fn end_matches(
    conn: &mut DbConnection,
    p: &Participant,
    code: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let live = store::live_matches(conn, p.id)?;
    let programme = programmes::by_id(conn, p.programme_id)?;
    for (id, seeker_id, buddy_id) in &live {
        continuum::close(conn, *id, CloseReason::NoLongerAvailable, now, None)?;
        store::note_close_cause(conn, *id, code, now)?;
        let other_id = if *seeker_id == p.id {
            *buddy_id
        } else {
            *seeker_id
        };
        if let Some(other) = participants::find(conn, other_id)? {
            if code == "erased" {
                participants::note_partner_left(conn, other.id, now)?;
            }
            let lang = language_of(&other);
            let programme = programme
                .as_ref()
                .map_or_else(String::new, |p| p.name_in(lang).to_owned());
            let args = [
                ("name", p.first_name.as_str()),
                ("programme", programme.as_str()),
            ];
            let content = Content {
                subject: i18n::t_args(lang, "ended-email-subject", &args),
                name: other.first_name.clone(),
                programme: programme.clone(),
                before: vec![i18n::t_args(lang, "ended-email-body", &args)],
                ..Content::default()
            };
            emails::send(conn, other.email.as_deref(), lang, &content, now)?;
        }
    }
    store::supersede_proposals(conn, p.id, now)?;
    Ok(!live.is_empty())
}

/// Withdraws consent: every consent gets `withdrawn_at`, the status becomes `withdrawn` (out of
/// the pool), live matches are closed with reason `withdrawn` and the other side is told.
///
/// # Errors
/// Storage failures.
pub fn withdraw(
    conn: &mut DbConnection,
    p: &Participant,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    store::withdraw_consents(conn, p.id, now)?;
    participants::set_status(conn, p.id, ParticipantStatus::Withdrawn, now)?;
    end_matches(conn, p, "withdrawn", now)?;
    self_audit(conn, p, "participant.withdraw_consent", Some(p.id), now)
}

/// Erases the person: live matches are closed (the other side told), then every row with their
/// personal data is deleted — participant, household, consents, role history, tokens, readiness,
/// pair rules, every match they were in, and the outbox messages addressed to them. What remains
/// is one anonymous `erasures` row and an audit entry without personal data or id.
///
/// # Errors
/// Storage failures.
pub fn erase(conn: &mut DbConnection, p: &Participant, now: NaiveDateTime) -> Result<(), DbError> {
    erase_as(conn, p, "by the participant", now).map(|_| ())
}

/// Erases a person whose retention period is over (see `housekeeping::retention`), as
/// [`erase`] does; false when someone else erased them first (nothing is counted twice).
///
/// # Errors
/// Storage failures.
pub fn erase_after_retention(
    conn: &mut DbConnection,
    p: &Participant,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    erase_as(conn, p, "after the retention period", now)
}

fn erase_as(
    conn: &mut DbConnection,
    p: &Participant,
    detail: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let was_matched = end_matches(conn, p, "erased", now)?;
    store::delete_matches_and_pair_rules(conn, p.id)?;
    readiness::delete(conn, p.id)?;
    // Counted only by whoever deleted the row: two erasures at once count once.
    if !participants::delete(conn, p.id)? {
        return Ok(false);
    }
    store::record_erasure(
        conn,
        &NewErasure {
            programme_id: p.programme_id,
            role: &p.role,
            volunteer: p.volunteer,
            was_matched,
            erased_at: now,
        },
    )?;
    if let Some(email) = &p.email {
        outbox::forget_recipient(conn, email)?;
    }
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: None,
            programme_id: Some(p.programme_id),
            action: "participant.erase",
            subject_type: "participant",
            subject_id: None,
            detail,
        },
        now,
    )?;
    Ok(true)
}

/// `POST /me/request`: if `email` belongs to someone in the programme, emails them a fresh
/// personal link. Says nothing about whether it did (the page is the same either way).
///
/// # Errors
/// Storage failures.
pub fn request_link(
    conn: &mut DbConnection,
    programme_slug: &str,
    email: &str,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<bool, IntroError> {
    let Ok(email) = Email::parse(email) else {
        return Ok(false);
    };
    let Some(programme) = programmes::by_slug(conn, programme_slug)? else {
        return Ok(false);
    };
    let Some(p) = participants::find_by_email(conn, programme.id, &email)? else {
        return Ok(false);
    };
    // At most a few links a day per person: the form must not become a way to flood a mailbox.
    let recent = tokens::issued_last_day(conn, p.id, Purpose::MyData, now)?;
    if recent >= 5 {
        return Ok(false);
    }
    let link = super::my_data_link(conn, p.id, settings, now)?;
    let lang = language_of(&p);
    let args = [("programme", programme.name_in(lang))];
    let content = Content {
        subject: i18n::t_args(lang, "me-email-subject", &args),
        name: p.first_name.clone(),
        programme: programme.name_in(lang).to_owned(),
        before: vec![i18n::t_args(lang, "me-email-body", &args)],
        button: Some((i18n::t(lang, "me-email-button"), link)),
        after: vec![
            i18n::t_args(
                lang,
                "me-email-expiry",
                &[("days", &super::ME_VALID_DAYS.to_string())],
            ),
            i18n::t(lang, "email-not-you"),
        ],
        ..Content::default()
    };
    emails::send(conn, p.email.as_deref(), lang, &content, now)?;
    Ok(true)
}
