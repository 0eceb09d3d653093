//! Email: one [`Mailer`] over SMTP, a folder of `.eml` files, or memory; messages are written to
//! the outbox table in the same transaction as the change that causes them and delivered by
//! [`outbox_worker`].

pub mod outbox_worker;

use crate::settings::EmailSettings;

/// Sends finished messages. (Being built: see the email module owner.)
#[derive(Debug)]
pub struct Mailer;

impl Mailer {
    /// Builds the transport the settings ask for.
    ///
    /// # Errors
    /// A misconfigured transport.
    pub fn from_settings(_settings: &EmailSettings) -> anyhow::Result<Self> {
        Ok(Self)
    }
}
