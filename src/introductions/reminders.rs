//! No answer in time: one reminder with a fresh link, then the pair is shown to coordinators
//! as waiting.

use chrono::{Duration, NaiveDateTime};

use super::{
    emails::{self, Content},
    language_of, load_pair, programme_info, IntroError, RESPONSE_VALID_DAYS,
};
use crate::db::audit::{self, AuditEntry};
use crate::db::introductions as answers;
use crate::db::matches::{self};
use crate::db::{Db, DbConnection};
use crate::domain::IntroductionAnswer;
use crate::i18n;
use crate::settings::Settings;
use crate::tokens::{self, Purpose};

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
        let name = programme.in_lang(lang);
        let args = [("name", other.first_name.as_str()), ("programme", name)];
        let content = Content {
            subject: i18n::t_args(lang, "reminder-email-subject", &args),
            name: me.first_name.clone(),
            programme: name.to_owned(),
            before: vec![i18n::t_args(lang, "reminder-email-body", &args)],
            button: Some((i18n::t(lang, "intro-email-button"), link)),
            after: vec![i18n::t_args(lang, "intro-email-privacy", &args)],
            me_link: Some(super::my_data_link(conn, me.id, settings, now)?),
            ..Content::default()
        };
        emails::send(conn, me.email.as_deref(), lang, &content, now)?;
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
