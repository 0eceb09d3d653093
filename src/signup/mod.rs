//! Sign-up, the service: store a new person as pending and send the confirmation link, or, for
//! an address already signed up, tell the mailbox's owner instead (the browser sees the same
//! thank-you page either way, so the form does not reveal who is signed up). [`guard`] keeps the
//! form from being used to mail strangers: emails to an address nobody has confirmed carry no
//! text the sender chose (not even the name they typed), only ours and the link.

pub mod confirmation;
pub mod emails;
pub mod fill_time;
pub mod guard;

use chrono::NaiveDateTime;

use crate::db::participants::Admitted;
use crate::db::{participants, programmes, Db, DbConnection, DbError};
use crate::domain::{NewParticipant, ParticipantStatus, Programme};
use crate::settings::Settings;
use guard::Admission;

pub use emails::{already_signed_up_email, confirmation_email, EmailContent};

/// What became of a sign-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    /// Stored (or an existing sign-up told), as far as the browser may know.
    Taken,
    /// Not stored: too many sign-ups from this client or for this programme just now.
    TooMany {
        /// When a sign-up will be taken again.
        retry_at: NaiveDateTime,
    },
    /// Not stored: an admin removed the chosen area while the form was being sent.
    AreaGone,
    /// Not stored: the programme was archived (it takes no one new).
    Closed,
}

/// Signs a person up from `client` (see [`crate::routes::client`]): in one transaction, the
/// limits checked, the participant (pending) and their confirmation email, or the "already
/// signed up" email (with a fresh link while still pending). Two sign-ups with one address at
/// the same moment: the second one sees the first.
///
/// Most sign-ups are new people, so the first attempt stores straight away without looking the
/// address up; an address already in the programme fails the unique key, and the second attempt
/// looks it up first. (Besides a round trip, this keeps the hot path off a lookup PostgreSQL may
/// have planned while the table was still empty.)
///
/// # Errors
/// Storage failures.
#[tracing::instrument(skip_all, fields(programme = programme.id))]
pub fn register(
    db: &Db,
    programme: &Programme,
    person: &NewParticipant,
    client: &str,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<Registered, DbError> {
    let attempt = |look_up: bool| {
        db.write(|conn| store(conn, programme, person, client, settings, now, look_up))
    };
    match attempt(false) {
        Err(e) if e.is_unique_violation() => attempt(true),
        other => other,
    }
}

fn store(
    conn: &mut DbConnection,
    programme: &Programme,
    p: &NewParticipant,
    client: &str,
    settings: &Settings,
    now: NaiveDateTime,
    look_up: bool,
) -> Result<Registered, DbError> {
    if let Admission::TooMany { retry_at } =
        guard::admit(conn, programme.id, client, &settings.signup, now)?
    {
        return Ok(Registered::TooMany { retry_at });
    }
    let Some(address) = &p.email else {
        return store_reached_by_phone(conn, programme, p, now);
    };
    let public_url = settings.public_url();
    let link = |token: &str| format!("{public_url}/confirm/{token}");
    let lang = p.message_language;
    let existing = if look_up {
        participants::find_by_email(conn, programme.id, address)?
    } else {
        None
    };
    if let Some(existing) = existing {
        if programmes::intake_now(conn, programme.id)?.closed {
            return Ok(Registered::Closed);
        }
        if !guard::may_mail(conn, address, now)? {
            return Ok(Registered::Taken);
        }
        let pending = existing.status == ParticipantStatus::Pending;
        // A pending sign-up's name is whatever its sender typed: not for an unconfirmed mailbox.
        let (url, name) = if pending {
            let url = link(&confirmation::issue(conn, existing.id, now)?);
            (Some(url), None)
        } else {
            (None, Some(existing.first_name.as_str()))
        };
        let email = already_signed_up_email(lang, name, programme.name_in(lang), url.as_deref());
        emails::enqueue(conn, address.as_str(), lang, email, now)?;
        return Ok(Registered::Taken);
    }
    // The area and the programme being open were checked as the request found them; an admin
    // may have changed either since. `admit` checks again with the programme row held.
    let id = match participants::admit(conn, programme.id, p, ParticipantStatus::Pending, now)? {
        Admitted::Stored(id) => id,
        Admitted::Closed => return Ok(Registered::Closed),
        Admitted::AreaGone => return Ok(Registered::AreaGone),
    };
    if guard::may_mail(conn, address, now)? {
        let token = confirmation::issue(conn, id, now)?;
        let email = confirmation_email(lang, programme.name_in(lang), &link(&token));
        emails::enqueue(conn, address.as_str(), lang, email, now)?;
    }
    Ok(Registered::Taken)
}

/// A sign-up with a phone number and no email: stored as pending, for the coordinator to confirm
/// by phone (the list of people to call shows it). A number already signed up in the programme
/// is not stored twice; the browser sees the same page either way.
fn store_reached_by_phone(
    conn: &mut DbConnection,
    programme: &Programme,
    p: &NewParticipant,
    now: NaiveDateTime,
) -> Result<Registered, DbError> {
    if let Some(phone) = &p.phone {
        if participants::find_by_phone(conn, programme.id, phone)?.is_some() {
            return Ok(Registered::Taken);
        }
    }
    Ok(
        match participants::admit(conn, programme.id, p, ParticipantStatus::Pending, now)? {
            Admitted::Stored(_) => Registered::Taken,
            Admitted::Closed => Registered::Closed,
            Admitted::AreaGone => Registered::AreaGone,
        },
    )
}
