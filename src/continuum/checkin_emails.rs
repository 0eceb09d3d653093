//! The check-in email, its one reminder and the closing email with the exit questions, in the recipient's language, with a fresh link that
//! works once (`/checkin/<token>`). Written to the outbox in the caller's transaction. They name
//! the partner by first name only and carry nothing the person wrote.

use chrono::{Duration, NaiveDateTime};

use super::ContinuumError;
use crate::db::checkins::Checkin;
use crate::db::{continuum as store, participants, programmes, DbConnection};
use crate::domain::CloseReason;
use crate::i18n;
use crate::introductions::emails::{self, Content};
use crate::introductions::language_of;
use crate::settings::Settings;
use crate::tokens::{self, Purpose};

/// Days a check-in link works past the programme's check-in interval (time to answer the last
/// check-in of a period after its reminder).
pub const LINK_GRACE_DAYS: i64 = 7;

/// The first check-in or the reminder of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The check-in itself.
    Checkin,
    /// The one reminder a few days later.
    Reminder,
    /// The match has closed: a kind goodbye with the two exit questions.
    Closing,
}

/// Issues a link for `checkin` and writes the email of `kind` to its person. `every_days` is
/// the programme's check-in interval (how long the link must work). Returns false when the
/// person or the match is gone (erased meanwhile): nothing to send.
///
/// # Errors
/// Storage failures.
pub fn send(
    conn: &mut DbConnection,
    checkin: &Checkin,
    kind: Kind,
    every_days: i32,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<bool, ContinuumError> {
    let Some(m) = store::find(conn, checkin.match_id)? else {
        return Ok(false);
    };
    let other_id = if checkin.participant_id == m.seeker_id {
        m.buddy_id
    } else {
        m.seeker_id
    };
    let (Some(me), Some(other)) = (
        participants::find(conn, checkin.participant_id)?,
        participants::find(conn, other_id)?,
    ) else {
        return Ok(false);
    };
    let programme_names = programmes::name_and_response_days(conn, m.programme_id)?
        .map(|(name, _)| name)
        .unwrap_or_default();
    let valid = Duration::days(i64::from(every_days.max(1)) + LINK_GRACE_DAYS);
    let token = tokens::issue(
        conn,
        me.id,
        Purpose::Checkin {
            checkin_id: checkin.id,
        },
        valid,
        now,
    )?;
    let link = format!("{}/checkin/{token}", settings.public_url());
    // Every email carries the person's own data link.
    let me_link = crate::introductions::my_data_link(conn, me.id, settings, now)
        .map_err(|e| crate::db::DbError::Unexpected(anyhow::Error::new(e)))?;
    let lang = language_of(&me);
    let programme = programme_names.in_lang(lang).to_owned();
    let args = [
        ("name", other.first_name.as_str()),
        ("programme", programme.as_str()),
    ];
    let content = match kind {
        Kind::Checkin | Kind::Reminder => {
            let (subject, body) = if kind == Kind::Checkin {
                ("checkin-email-subject", "checkin-email-body")
            } else {
                ("checkin-reminder-subject", "checkin-reminder-body")
            };
            Content {
                subject: i18n::t_args(lang, subject, &args),
                name: me.first_name.clone(),
                programme: programme.clone(),
                before: vec![i18n::t_args(lang, body, &args)],
                button: Some((i18n::t(lang, "checkin-email-button"), link)),
                after: vec![
                    i18n::t_args(lang, "checkin-email-private", &args),
                    i18n::t(lang, "checkin-email-concern"),
                ],
                me_link: Some(me_link),
                ..Content::default()
            }
        }
        Kind::Closing => {
            let mut before = vec![i18n::t_args(lang, "closing-email-body", &args)];
            // Only the seeker is told about a new buddy, and only when the programme looks for one.
            if me.id == m.seeker_id && m.close_reason.is_some_and(CloseReason::rematches) {
                before.push(i18n::t(lang, "closing-email-rematch"));
            }
            before.push(i18n::t(lang, "closing-email-questions"));
            Content {
                subject: i18n::t_args(lang, "closing-email-subject", &args),
                name: me.first_name.clone(),
                programme: programme.clone(),
                before,
                button: Some((i18n::t(lang, "closing-email-button"), link)),
                after: vec![i18n::t(lang, "closing-email-thanks")],
                me_link: Some(me_link),
                ..Content::default()
            }
        }
    };
    emails::send(conn, me.email.as_deref(), lang, &content, now)?;
    Ok(true)
}
