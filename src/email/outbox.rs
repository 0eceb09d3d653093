//! The outbox: messages are written here inside the transaction of the change that causes
//! them ([`enqueue`]), so a rolled-back change sends nothing and a committed one always sends.
//! The worker ([`super::outbox_worker`]) claims rows in batches with a lease (`locked_until`) it
//! renews while sending, so several app instances sharing one database never send the same row
//! at the same time. The queries live in [`crate::db::outbox`].

use chrono::{Duration, NaiveDateTime};
use rand::RngCore;

use crate::db::outbox::{self as store, NewOutboxMessage};
pub use crate::db::outbox::{OutboxCounts, OutboxMessage};
use crate::db::{DbConnection, DbError};

/// A message to send, as the code that causes it has rendered it (in the recipient's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEmail {
    /// Recipient address.
    pub to: String,
    /// Language code of the text (`en`, `ar`, ...), sent as `Content-Language`.
    pub language: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// HTML body: a whole document, or a fragment that is wrapped in one at send time.
    pub body_html: String,
}

/// Writes `email` to the outbox. Call it with the connection of the transaction that makes the
/// change the email is about: if that transaction rolls back, the email is never sent.
///
/// # Errors
/// The insert fails.
pub fn enqueue(
    conn: &mut DbConnection,
    email: &NewEmail,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    store::insert(
        conn,
        &NewOutboxMessage {
            message_id: &new_message_id(),
            recipient: email.to.trim(),
            language: &email.language,
            subject: &email.subject,
            body_text: &email.body_text,
            body_html: &email.body_html,
            created_at: now,
            attempts: 0,
            next_attempt_at: now,
        },
    )
}

/// A globally unique `Message-ID`: 128 random bits.
fn new_message_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("<{}@buddymatch>", hex::encode(bytes))
}

/// Delay before attempt `attempts + 1` after `attempts` failed ones: 5 s, 10 s, 20 s, ...
/// doubling, at most one hour.
#[must_use]
pub fn backoff(attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    let seconds = 5i64.saturating_mul(1i64 << exponent);
    Duration::seconds(seconds.min(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(5));
        assert_eq!(backoff(2), Duration::seconds(10));
        assert_eq!(backoff(3), Duration::seconds(20));
        assert_eq!(backoff(10), Duration::seconds(2560));
        assert_eq!(backoff(11), Duration::hours(1));
        assert_eq!(backoff(1000), Duration::hours(1));
        assert_eq!(backoff(0), Duration::seconds(5));
        assert_eq!(backoff(-3), Duration::seconds(5));
    }

    #[test]
    fn message_ids_are_unique_and_well_formed() {
        let a = new_message_id();
        let b = new_message_id();
        assert_ne!(a, b);
        assert!(a.starts_with('<') && a.ends_with("@buddymatch>"));
        assert_eq!(a.len(), "<@buddymatch>".len() + 32);
    }
}
