//! "I have a concern": a participant tells the coordinators something about their match
//! (safeguarding, a complaint). The concern is stored for the coordinators only; they are told by
//! email that there is one, without its text or any name, and look at it on the coordinator
//! site. The partner is never told.

use chrono::NaiveDateTime;

use super::by_link::{self, ConcernLink};
use super::ContinuumError;
use crate::db::accounts;
use crate::db::audit::{self, AuditEntry};
use crate::db::continuum::{self as store, NewConcern};
use crate::db::{programmes, Db, DbConnection, DbError};
use crate::domain::{Side, UiLanguage, ValidationErrors};
use crate::i18n;
use crate::introductions::emails::{self, Content};

/// Longest concern, in characters.
pub const MAX_CONCERN_CHARS: usize = 2000;

/// The form field a concern's text comes from (and its errors name).
pub const FIELD: &str = "concern";

/// Coordinators' emails are in English: accounts store no language.
const COORDINATOR_LANG: UiLanguage = UiLanguage::En;

/// What can go wrong raising a concern.
#[derive(Debug, thiserror::Error)]
pub enum RaiseError {
    /// The text is missing or too long (field [`FIELD`]: `required`, `too_long`).
    #[error("the concern is not valid")]
    Invalid(ValidationErrors),
    /// The match or the person is not there.
    #[error(transparent)]
    Continuum(#[from] ContinuumError),
}

impl From<DbError> for RaiseError {
    fn from(e: DbError) -> Self {
        Self::Continuum(e.into())
    }
}

/// The concern's text, trimmed: required, at most [`MAX_CONCERN_CHARS`].
///
/// # Errors
/// [`ValidationErrors`] on [`FIELD`].
pub fn parse_text(raw: &str) -> Result<String, ValidationErrors> {
    let text = raw.trim();
    let mut e = ValidationErrors::default();
    if text.is_empty() {
        e.add(FIELD, "required");
    } else if text.chars().count() > MAX_CONCERN_CHARS {
        e.add(FIELD, "too_long");
    }
    if e.is_empty() {
        Ok(text.to_owned())
    } else {
        Err(e)
    }
}

/// Stores a concern of `participant_id` about their match, emails every coordinator of the
/// programme (the admins when it has none) a link to `{public_url}/coordinator` without the
/// text or any name, and records `concern.raised`. Runs in the caller's transaction; returns
/// the concern's id.
///
/// # Errors
/// [`RaiseError::Invalid`] for a missing or too long text; the match does not exist or the
/// person is not in it; storage failures.
pub fn raise(
    conn: &mut DbConnection,
    match_id: i32,
    participant_id: i32,
    text: &str,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<i32, RaiseError> {
    let text = parse_text(text).map_err(RaiseError::Invalid)?;
    let m = store::find(conn, match_id)?.ok_or(ContinuumError::MatchNotFound(match_id))?;
    let side = if m.seeker_id == participant_id {
        Side::Seeker
    } else if m.buddy_id == participant_id {
        Side::Buddy
    } else {
        return Err(ContinuumError::ParticipantNotFound(participant_id).into());
    };
    let id = store::raise_concern(
        conn,
        &NewConcern {
            programme_id: m.programme_id,
            match_id: Some(match_id),
            raised_by_participant: Some(participant_id),
            side: Some(side),
            body: &text,
        },
        now,
    )?;
    let programme = programmes::by_id(conn, m.programme_id)?
        .map(|p| p.name)
        .unwrap_or_default();
    let content = coordinator_email(&programme, public_url);
    for to in accounts::programme_contact_emails(conn, m.programme_id)? {
        emails::send(conn, Some(&to), COORDINATOR_LANG, &content, now)?;
    }
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: None,
            programme_id: Some(m.programme_id),
            action: "concern.raised",
            subject_type: "match",
            subject_id: Some(match_id),
            detail: side.code(),
        },
        now,
    )?;
    Ok(id)
}

/// Raises a concern with a check-in link `plain`, in one write transaction: the link is checked
/// again ([`by_link::concern_access`]: valid, or used but not expired) and not used up. Returns
/// what the link allowed; the concern is stored only when it is `Allowed`.
///
/// # Errors
/// As [`raise`].
pub fn raise_by_link(
    db: &Db,
    plain: &str,
    text: &str,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<ConcernLink, RaiseError> {
    db.write(|conn| {
        let access = by_link::concern_access(conn, plain, now)?;
        if let ConcernLink::Allowed(a) = &access {
            raise(conn, a.match_id, a.me.id, text, public_url, now)?;
        }
        Ok(access)
    })
}

/// "A concern was raised on a match of <programme>": no text, no names.
fn coordinator_email(programme: &str, public_url: &str) -> Content {
    let lang = COORDINATOR_LANG;
    let args = [("programme", programme)];
    Content {
        subject: i18n::t_args(lang, "concern-email-subject", &args),
        name: i18n::t(lang, "concern-email-name"),
        programme: programme.to_owned(),
        before: vec![i18n::t_args(lang, "concern-email-body", &args)],
        button: Some((
            i18n::t(lang, "concern-email-button"),
            format!("{}/coordinator", public_url.trim_end_matches('/')),
        )),
        ..Content::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_required_trimmed_and_limited() {
        let code = |raw: &str| parse_text(raw).err().and_then(|e| e.code_for(FIELD));
        assert_eq!(code(""), Some("required"));
        assert_eq!(code(" \n "), Some("required"));
        assert_eq!(parse_text("  help  ").ok().as_deref(), Some("help"));
        assert!(parse_text(&"ü".repeat(MAX_CONCERN_CHARS)).is_ok());
        assert_eq!(code(&"ü".repeat(MAX_CONCERN_CHARS + 1)), Some("too_long"));
    }

    #[test]
    fn the_coordinator_email_has_no_text_or_names() {
        let c = coordinator_email("Leipzig Buddies", "https://example.org/");
        assert!(c.subject.contains("Leipzig Buddies"));
        assert_eq!(
            c.button.map(|(_, l)| l).as_deref(),
            Some("https://example.org/coordinator")
        );
    }
}
