//! The one way to issue, look up, expire and use a link token. Links in emails carry a random
//! token; only its hash is stored, so a leaked database does not leak working links.
//!
//! A participant's link has a [`Purpose`]: a confirmation link and an introduction answer link
//! work once, a personal data link works until it expires. Coordinator API tokens and the
//! first-start setup link use [`Token`] and [`hash`] with their own tables.

use chrono::{Duration, NaiveDateTime};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::db::participant_tokens::{self, PurposeFilter, StoredToken};
use crate::db::{DbConnection, DbError};

/// A new token: the plain text goes to the person once, the hash goes to the database.
#[derive(Debug)]
pub struct Token {
    /// URL-safe text: 32 random bytes as hex.
    pub plain: String,
    /// `hash(plain)`.
    pub hash: String,
}

impl Token {
    /// 32 bytes from the operating system's generator.
    #[must_use]
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        let plain = hex::encode(bytes);
        let hash = hash(&plain);
        Self { plain, hash }
    }
}

/// SHA-256 of the token text, hex. Tokens are long and random, so no salt or slow hash is needed.
#[must_use]
pub fn hash(plain: &str) -> String {
    hex::encode(Sha256::digest(plain.trim().as_bytes()))
}

/// Longest token text looked up (ours are 64 characters); longer input is not a link of ours.
const MAX_TOKEN_CHARS: usize = 200;

/// What a participant's link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Confirms a sign-up (double opt-in). Works once.
    Confirm,
    /// Opens the person's own data page. Works until it expires.
    MyData,
    /// Answers the introduction of this match. Works once.
    Respond {
        /// The match.
        match_id: i32,
    },
    /// Answers one check-in. Works once (the check-in takes one answer).
    Checkin {
        /// The check-in.
        checkin_id: i32,
    },
}

/// The kind of link a page accepts (an answer link of any match, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PurposeKind {
    /// [`Purpose::Confirm`].
    Confirm,
    /// [`Purpose::MyData`].
    MyData,
    /// [`Purpose::Respond`] of any match.
    Respond,
    /// [`Purpose::Checkin`] of any check-in.
    Checkin,
}

const RESPOND_PREFIX: &str = "respond:";
const CHECKIN_PREFIX: &str = "checkin:";

impl Purpose {
    /// The stored code: `confirm`, `me`, `respond:<match id>`, `checkin:<check-in id>`.
    #[must_use]
    pub fn code(self) -> String {
        match self {
            Self::Confirm => "confirm".to_owned(),
            Self::MyData => "me".to_owned(),
            Self::Respond { match_id } => format!("{RESPOND_PREFIX}{match_id}"),
            Self::Checkin { checkin_id } => format!("{CHECKIN_PREFIX}{checkin_id}"),
        }
    }

    /// Reads a stored code.
    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "confirm" => Some(Self::Confirm),
            "me" => Some(Self::MyData),
            other => {
                if let Some(id) = other.strip_prefix(RESPOND_PREFIX) {
                    id.parse().ok().map(|match_id| Self::Respond { match_id })
                } else {
                    let id = other.strip_prefix(CHECKIN_PREFIX)?;
                    id.parse()
                        .ok()
                        .map(|checkin_id| Self::Checkin { checkin_id })
                }
            }
        }
    }

    /// Whether using the link uses it up.
    #[must_use]
    pub fn works_once(self) -> bool {
        !matches!(self, Self::MyData)
    }
}

/// A found link token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkToken {
    /// The stored token's id (to use it up).
    pub id: i32,
    /// Whose link it is.
    pub participant_id: i32,
    /// What it is for.
    pub purpose: Purpose,
}

/// What a link turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkState {
    /// Usable now.
    Valid(LinkToken),
    /// Used before (links that work once).
    Used(LinkToken),
    /// Past its time.
    Expired(LinkToken),
    /// Not a link of this kind.
    Unknown,
}

/// Stores a new link token for a participant (hash only), valid for `valid`, and returns the
/// plain text for the link. Call inside the transaction that sends the email.
///
/// # Errors
/// The insert fails.
pub fn issue(
    conn: &mut DbConnection,
    participant_id: i32,
    purpose: Purpose,
    valid: Duration,
    now: NaiveDateTime,
) -> Result<String, DbError> {
    let token = Token::generate();
    participant_tokens::insert(
        conn,
        participant_id,
        &purpose.code(),
        &token.hash,
        now + valid,
        now,
    )?;
    Ok(token.plain)
}

/// Looks up a link of `kind` without changing anything. A used link is reported as used even
/// when it has also expired.
///
/// # Errors
/// Storage failures.
pub fn look_up(
    conn: &mut DbConnection,
    plain: &str,
    kind: PurposeKind,
    now: NaiveDateTime,
) -> Result<LinkState, DbError> {
    if plain.len() > MAX_TOKEN_CHARS {
        return Ok(LinkState::Unknown);
    }
    let confirm = Purpose::Confirm.code();
    let me = Purpose::MyData.code();
    let filter = match kind {
        PurposeKind::Confirm => PurposeFilter::Exactly(&confirm),
        PurposeKind::MyData => PurposeFilter::Exactly(&me),
        PurposeKind::Respond => PurposeFilter::StartsWith(RESPOND_PREFIX),
        PurposeKind::Checkin => PurposeFilter::StartsWith(CHECKIN_PREFIX),
    };
    let Some(stored) = participant_tokens::find_by_hash(conn, &hash(plain), filter)? else {
        return Ok(LinkState::Unknown);
    };
    Ok(classify(&stored, now))
}

fn classify(stored: &StoredToken, now: NaiveDateTime) -> LinkState {
    let Some(purpose) = Purpose::parse(&stored.purpose) else {
        return LinkState::Unknown;
    };
    let token = LinkToken {
        id: stored.id,
        participant_id: stored.participant_id,
        purpose,
    };
    if purpose.works_once() && stored.used_at.is_some() {
        LinkState::Used(token)
    } else if stored.expires_at <= now {
        LinkState::Expired(token)
    } else {
        LinkState::Valid(token)
    }
}

/// Uses up a link that works once; false when another request used it first.
///
/// # Errors
/// Storage failures.
pub fn use_once(
    conn: &mut DbConnection,
    token: &LinkToken,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    participant_tokens::mark_used(conn, token.id, now)
}

/// How many links of `purpose` the participant was sent in the last 24 hours (to cap how often a
/// form can make us email someone).
///
/// # Errors
/// Storage failures.
pub fn issued_last_day(
    conn: &mut DbConnection,
    participant_id: i32,
    purpose: Purpose,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    participant_tokens::count_issued_since(
        conn,
        participant_id,
        &purpose.code(),
        now - Duration::hours(24),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_hash_matches() {
        let a = Token::generate();
        let b = Token::generate();
        assert_ne!(a.plain, b.plain);
        assert_eq!(a.plain.len(), 64);
        assert_eq!(hash(&a.plain), a.hash);
        assert_ne!(a.hash, a.plain);
    }

    #[test]
    fn purposes_round_trip() {
        for p in [
            Purpose::Confirm,
            Purpose::MyData,
            Purpose::Respond { match_id: 42 },
            Purpose::Checkin { checkin_id: 7 },
        ] {
            assert_eq!(Purpose::parse(&p.code()), Some(p));
        }
        assert_eq!(Purpose::parse("respond:x"), None);
        assert_eq!(Purpose::parse("other"), None);
    }

    fn stored(purpose: &str, expires_in: i64, used: bool) -> (StoredToken, NaiveDateTime) {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0)
            .map(|d| d.naive_utc())
            .unwrap_or_default();
        (
            StoredToken {
                id: 1,
                participant_id: 2,
                purpose: purpose.to_owned(),
                expires_at: now + Duration::days(expires_in),
                used_at: used.then_some(now),
            },
            now,
        )
    }

    #[test]
    fn used_wins_over_expired_for_links_that_work_once() {
        let (t, now) = stored("confirm", -1, true);
        assert!(matches!(classify(&t, now), LinkState::Used(_)));
        let (t, now) = stored("respond:7", 3, false);
        assert!(matches!(
            classify(&t, now),
            LinkState::Valid(LinkToken {
                purpose: Purpose::Respond { match_id: 7 },
                ..
            })
        ));
        let (t, now) = stored("confirm", 0, false);
        assert!(matches!(classify(&t, now), LinkState::Expired(_)));
    }

    #[test]
    fn a_personal_data_link_is_not_used_up() {
        let (t, now) = stored("me", 3, true);
        assert!(matches!(classify(&t, now), LinkState::Valid(_)));
        let (t, now) = stored("me", -3, false);
        assert!(matches!(classify(&t, now), LinkState::Expired(_)));
    }
}
