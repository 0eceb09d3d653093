//! Sign-up, the service: store a new person as pending and send the confirmation link, or, for
//! an address already signed up, tell the mailbox's owner instead (the browser sees the same
//! thank-you page either way, so the form does not reveal who is signed up).

pub mod confirmation;
pub mod emails;

use chrono::NaiveDateTime;

use crate::db::{participants, Db, DbConnection, DbError};
use crate::domain::{NewParticipant, ParticipantStatus, Programme};

pub use emails::{already_signed_up_email, confirmation_email, EmailContent};

/// Signs a person up: in one transaction, the participant (pending) and their confirmation
/// email, or the "already signed up" email (with a fresh link while still pending). Two sign-ups
/// with one address at the same moment: the second one sees the first.
///
/// # Errors
/// Storage failures.
#[tracing::instrument(skip_all, fields(programme = programme.id))]
pub fn register(
    db: &Db,
    programme: &Programme,
    person: &NewParticipant,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let attempt = || db.write(|conn| store(conn, programme, person, public_url, now));
    match attempt() {
        Err(e) if e.is_unique_violation() => attempt(),
        other => other,
    }
}

fn store(
    conn: &mut DbConnection,
    programme: &Programme,
    p: &NewParticipant,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let link = |token: &str| format!("{public_url}/confirm/{token}");
    if let Some(existing) = participants::find_by_email(conn, programme.id, &p.email)? {
        let pending = existing.status == ParticipantStatus::Pending;
        let url = if pending {
            Some(link(&confirmation::issue(conn, existing.id, now)?))
        } else {
            None
        };
        let lang = p.message_language;
        let email =
            already_signed_up_email(lang, &existing.first_name, &programme.name, url.as_deref());
        return emails::enqueue(conn, &existing.email, lang, email, now);
    }
    let id = participants::insert(conn, programme.id, p, ParticipantStatus::Pending, now)?;
    let token = confirmation::issue(conn, id, now)?;
    let email = confirmation_email(
        p.message_language,
        &p.first_name,
        &programme.name,
        &link(&token),
    );
    emails::enqueue(conn, p.email.as_str(), p.message_language, email, now)
}
