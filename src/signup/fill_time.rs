//! How long a sign-up form was open before it was sent. The form carries a stamp of when it was
//! shown, signed with a key every instance shares (`service_keys`), so a script can neither skip
//! the form nor make a stamp up; a person needs far longer than [`crate::settings::SignupLimits::
//! min_fill_seconds`] to fill it in.

use chrono::{Duration, NaiveDateTime};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::db::{service_keys, DbConnection, DbError};

/// Name of the key in `service_keys`.
const KEY_NAME: &str = "signup_form_stamp";
/// Older stamps are not accepted (a form left open longer is sent again with a fresh one).
const MAX_AGE_DAYS: i64 = 2;

/// Issues and reads signed "form shown at" stamps.
#[derive(Clone)]
pub struct FormStamp {
    key: Vec<u8>,
}

impl std::fmt::Debug for FormStamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FormStamp(..)")
    }
}

/// What a stamp sent with a form says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillTime {
    /// Shown this long ago.
    Open(Duration),
    /// No stamp, a stamp we did not sign, or one too old to trust.
    Unknown,
}

impl FormStamp {
    /// With the shared key, made and stored on first use.
    ///
    /// # Errors
    /// Storage failures.
    pub fn load(conn: &mut DbConnection) -> Result<Self, DbError> {
        let fresh = crate::tokens::Token::generate();
        let key = service_keys::get_or_create(conn, KEY_NAME, &fresh.plain)?;
        Ok(Self::with_key(key.as_bytes()))
    }

    /// With a given key (tests).
    #[must_use]
    pub fn with_key(key: &[u8]) -> Self {
        Self { key: key.to_vec() }
    }

    fn mac(&self, seconds: i64) -> String {
        // HMAC accepts keys of any length; `new_from_slice` cannot fail for it.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.key) else {
            return String::new();
        };
        mac.update(b"signup-form-shown:");
        mac.update(seconds.to_string().as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// The stamp for a form shown at `now`.
    #[must_use]
    pub fn issue(&self, now: NaiveDateTime) -> String {
        let seconds = now.and_utc().timestamp();
        format!("{seconds}.{}", self.mac(seconds))
    }

    /// How long ago the form carrying `stamp` was shown.
    #[must_use]
    pub fn read(&self, stamp: Option<&str>, now: NaiveDateTime) -> FillTime {
        let Some((seconds, mac)) = stamp.and_then(|s| s.trim().split_once('.')) else {
            return FillTime::Unknown;
        };
        let Ok(seconds) = seconds.parse::<i64>() else {
            return FillTime::Unknown;
        };
        let expected = self.mac(seconds);
        let genuine: bool =
            subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), mac.as_bytes()).into();
        let age = Duration::seconds(now.and_utc().timestamp() - seconds);
        if !genuine || age < Duration::zero() || age > Duration::days(MAX_AGE_DAYS) {
            return FillTime::Unknown;
        }
        FillTime::Open(age)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + seconds, 0)
            .expect("valid")
            .naive_utc()
    }

    #[test]
    fn a_stamp_tells_how_long_the_form_was_open() {
        let stamps = FormStamp::with_key(b"k");
        let stamp = stamps.issue(at(0));
        assert_eq!(
            stamps.read(Some(&stamp), at(42)),
            FillTime::Open(Duration::seconds(42))
        );
    }

    #[test]
    fn forged_missing_future_and_stale_stamps_are_unknown() {
        let stamps = FormStamp::with_key(b"k");
        let other = FormStamp::with_key(b"another key");
        let stamp = stamps.issue(at(0));
        let (seconds, _) = stamp.split_once('.').expect("two parts");
        for forged in [
            other.issue(at(0)),
            format!("{}.{}", at(-3600).and_utc().timestamp(), "0".repeat(64)),
            seconds.to_string(),
            String::new(),
            "x.y".into(),
        ] {
            assert_eq!(stamps.read(Some(&forged), at(10)), FillTime::Unknown);
        }
        assert_eq!(stamps.read(None, at(10)), FillTime::Unknown);
        assert_eq!(stamps.read(Some(&stamp), at(-5)), FillTime::Unknown);
        assert_eq!(
            stamps.read(Some(&stamp), at(3 * 24 * 3600)),
            FillTime::Unknown
        );
    }
}
