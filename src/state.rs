//! What every request handler and background worker shares.

use std::sync::Arc;

use crate::db::Db;
use crate::email::Mailer;
use crate::settings::Settings;
use crate::signup::fill_time::FormStamp;

/// Shared application state; cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// The settings the app was built with.
    pub settings: Arc<Settings>,
    /// Sends what the outbox worker hands it.
    pub mailer: Arc<Mailer>,
    /// Signs and reads the sign-up form's "shown at" stamp.
    pub form_stamp: FormStamp,
}
