//! Double opt-in: a confirmation link per sign-up (a [`Purpose::Confirm`] token, valid
//! [`CONFIRM_VALID_DAYS`], works once); following it and pressing the button confirms the person,
//! which starts their waiting time.

use chrono::{Duration, NaiveDateTime};

use crate::db::{participants, programmes, DbConnection, DbError};
use crate::domain::{ParticipantStatus, UiLanguage};
use crate::tokens::{self, LinkState, Purpose, PurposeKind};

/// How long a confirmation link works.
pub const CONFIRM_VALID_DAYS: i64 = 7;

/// Stores a new confirmation token for a participant (hash only) and returns the plain token
/// for the link. Call inside the sign-up transaction.
///
/// # Errors
/// A failed insert.
pub fn issue(
    conn: &mut DbConnection,
    participant_id: i32,
    now: NaiveDateTime,
) -> Result<String, DbError> {
    tokens::issue(
        conn,
        participant_id,
        Purpose::Confirm,
        Duration::days(CONFIRM_VALID_DAYS),
        now,
    )
}

/// What a confirmation link turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmation {
    /// Usable (or, after [`confirm`], used now): the person's first name, language and the
    /// programme's name.
    Valid {
        /// The person's first name.
        first_name: String,
        /// The language of their messages, if known.
        lang: Option<UiLanguage>,
        /// The programme's name.
        programme: String,
        /// They offer to be a buddy (training and a code of conduct come first).
        volunteer: bool,
    },
    /// Used before (the participant's language, if known).
    Used(Option<UiLanguage>),
    /// Past its time.
    Expired(Option<UiLanguage>),
    /// No such link.
    Unknown,
}

/// Reads a confirmation link without changing anything.
///
/// # Errors
/// Storage failures.
pub fn look_up(
    conn: &mut DbConnection,
    plain: &str,
    now: NaiveDateTime,
) -> Result<Confirmation, DbError> {
    Ok(resolve(conn, plain, now)?.0)
}

/// Confirms the sign-up behind the link (status confirmed, waiting time starts now) and uses the
/// link up. Only one request can use it, even if two arrive at once.
///
/// # Errors
/// Storage failures.
pub fn confirm(
    conn: &mut DbConnection,
    plain: &str,
    now: NaiveDateTime,
) -> Result<Confirmation, DbError> {
    let (found, token) = resolve(conn, plain, now)?;
    let Some(token) = token else {
        return Ok(found);
    };
    if !tokens::use_once(conn, &token, now)? {
        return Ok(Confirmation::Used(None));
    }
    let pending = participants::find(conn, token.participant_id)?
        .is_some_and(|p| p.status == ParticipantStatus::Pending);
    if pending {
        participants::set_status(
            conn,
            token.participant_id,
            ParticipantStatus::Confirmed,
            now,
        )?;
    }
    Ok(found)
}

/// The link's state, and the token when it is usable.
fn resolve(
    conn: &mut DbConnection,
    plain: &str,
    now: NaiveDateTime,
) -> Result<(Confirmation, Option<tokens::LinkToken>), DbError> {
    let state = tokens::look_up(conn, plain, PurposeKind::Confirm, now)?;
    let token = match &state {
        LinkState::Unknown => return Ok((Confirmation::Unknown, None)),
        LinkState::Valid(t) | LinkState::Used(t) | LinkState::Expired(t) => t.clone(),
    };
    let Some(participant) = participants::find(conn, token.participant_id)? else {
        return Ok((Confirmation::Unknown, None));
    };
    let lang = UiLanguage::parse(&participant.message_language).ok();
    match state {
        LinkState::Used(_) => Ok((Confirmation::Used(lang), None)),
        LinkState::Expired(_) => Ok((Confirmation::Expired(lang), None)),
        LinkState::Valid(_) | LinkState::Unknown => {
            let programme = programmes::by_id(conn, participant.programme_id)?
                .map(|p| p.name)
                .unwrap_or_default();
            Ok((
                Confirmation::Valid {
                    first_name: participant.first_name,
                    lang,
                    programme,
                    volunteer: participant.volunteer,
                },
                Some(token),
            ))
        }
    }
}
