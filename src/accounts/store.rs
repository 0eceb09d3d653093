//! Coordinator accounts, their programmes and their API tokens: the rules (roles, duplicates,
//! which account a token belongs to); the queries are in `crate::db::accounts`.

use chrono::NaiveDateTime;

pub use crate::db::accounts::TokenInfo;
use crate::db::accounts::{self as rows, AccountRow};
use crate::db::{DbConnection, DbError};
use crate::domain::Email;
use crate::tokens::{self, Token};

/// What an account may reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CoordinatorRole {
    /// Every programme and every account.
    Admin,
    /// The programmes linked to the account.
    Coordinator,
}

impl CoordinatorRole {
    /// The code stored in the database.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Coordinator => "coordinator",
        }
    }

    /// Parses a stored code.
    ///
    /// # Errors
    /// `"invalid_choice"` for anything else.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        match raw {
            "admin" => Ok(Self::Admin),
            "coordinator" => Ok(Self::Coordinator),
            _ => Err("invalid_choice"),
        }
    }
}

/// A coordinator account with the programmes it reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coordinator {
    /// Id.
    pub id: i32,
    /// Email, lower case.
    pub email: String,
    /// Role.
    pub role: CoordinatorRole,
    /// Linked programmes (an admin reaches all programmes whatever this says).
    pub programme_ids: Vec<i32>,
}

impl Coordinator {
    /// Whether this account may read and change the programme's data.
    #[must_use]
    pub fn can_access(&self, programme_id: i32) -> bool {
        self.role == CoordinatorRole::Admin || self.programme_ids.contains(&programme_id)
    }
}

/// Errors managing accounts and tokens.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The email is taken.
    #[error("a coordinator with the email {0} already exists")]
    Exists(String),
    /// No such account.
    #[error("there is no coordinator with the email {0} (create one with `buddymatch coordinator add {0}`)")]
    NotFound(String),
    /// A programme slug that does not exist.
    #[error("there is no programme with the slug `{0}`")]
    UnknownProgramme(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

fn load(conn: &mut DbConnection, row: AccountRow) -> Result<Coordinator, AccountError> {
    let role = CoordinatorRole::parse(&row.role).map_err(|_| {
        DbError::Unexpected(anyhow::anyhow!(
            "coordinator {}: unknown role {}",
            row.id,
            row.role
        ))
    })?;
    let programme_ids = rows::programme_ids(conn, row.id)?;
    Ok(Coordinator {
        id: row.id,
        email: row.email,
        role,
        programme_ids,
    })
}

/// Creates an account linked to the programmes with these slugs. Call inside a transaction.
///
/// # Errors
/// [`AccountError::Exists`], [`AccountError::UnknownProgramme`] or a database failure.
pub fn create_coordinator(
    conn: &mut DbConnection,
    email: &Email,
    password_hash: &str,
    role: CoordinatorRole,
    programme_slugs: &[String],
    now: NaiveDateTime,
) -> Result<Coordinator, AccountError> {
    let mut programme_ids = Vec::new();
    for slug in programme_slugs {
        let id = rows::programme_id_by_slug(conn, slug)?
            .ok_or_else(|| AccountError::UnknownProgramme(slug.clone()))?;
        if !programme_ids.contains(&id) {
            programme_ids.push(id);
        }
    }
    if find_by_email(conn, email)?.is_some() {
        return Err(AccountError::Exists(email.to_string()));
    }
    let inserted = rows::insert(conn, email.as_str(), password_hash, role.code(), now);
    let id = match inserted {
        Err(e) if e.is_unique_violation() => return Err(AccountError::Exists(email.to_string())),
        other => other?,
    };
    for programme_id in &programme_ids {
        rows::link_programme(conn, id, *programme_id)?;
    }
    programme_ids.sort_unstable();
    Ok(Coordinator {
        id,
        email: email.to_string(),
        role,
        programme_ids,
    })
}

/// The account with this email.
///
/// # Errors
/// A database failure.
pub fn find_by_email(
    conn: &mut DbConnection,
    email: &Email,
) -> Result<Option<Coordinator>, AccountError> {
    let row = rows::find_by_email(conn, email.as_str())?;
    row.map(|r| load(conn, r)).transpose()
}

/// The account with this email if `password` matches its stored hash (for a login form).
///
/// # Errors
/// A database failure.
pub fn authenticate_password(
    conn: &mut DbConnection,
    email: &Email,
    password: &str,
) -> Result<Option<Coordinator>, AccountError> {
    let stored = rows::password_hash_by_email(conn, email.as_str())?;
    match stored {
        Some(hash) if super::verify_password(password, &hash) => find_by_email(conn, email),
        _ => Ok(None),
    }
}

/// Creates an API token for the account; returns the plain token, which is not stored and
/// cannot be shown again.
///
/// # Errors
/// [`AccountError::NotFound`] or a database failure.
pub fn create_api_token(
    conn: &mut DbConnection,
    email: &Email,
    label: &str,
    now: NaiveDateTime,
) -> Result<String, AccountError> {
    let coordinator =
        find_by_email(conn, email)?.ok_or_else(|| AccountError::NotFound(email.to_string()))?;
    let token = Token::generate();
    rows::insert_api_token(conn, coordinator.id, &token.hash, label, now)?;
    Ok(token.plain)
}

/// A token that matched: its id, when it was last used, and its account.
#[derive(Debug, Clone)]
pub struct TokenMatch {
    /// Token id.
    pub token_id: i32,
    /// When it was last used.
    pub last_used_at: Option<NaiveDateTime>,
    /// The account.
    pub coordinator: Coordinator,
}

/// The account a plain API token belongs to.
///
/// # Errors
/// A database failure.
pub fn find_token(
    conn: &mut DbConnection,
    plain: &str,
) -> Result<Option<TokenMatch>, AccountError> {
    let hash = tokens::hash(plain);
    let row = rows::find_api_token(conn, &hash)?;
    row.map(|(token_id, last_used_at, c)| {
        Ok(TokenMatch {
            token_id,
            last_used_at,
            coordinator: load(conn, c)?,
        })
    })
    .transpose()
}

/// Records that a token was used.
///
/// # Errors
/// A database failure.
pub fn touch_token(
    conn: &mut DbConnection,
    token_id: i32,
    now: NaiveDateTime,
) -> Result<(), AccountError> {
    rows::touch_api_token(conn, token_id, now)?;
    Ok(())
}

/// The account's API tokens, oldest first.
///
/// # Errors
/// [`AccountError::NotFound`] or a database failure.
pub fn list_api_tokens(
    conn: &mut DbConnection,
    email: &Email,
) -> Result<Vec<TokenInfo>, AccountError> {
    let coordinator =
        find_by_email(conn, email)?.ok_or_else(|| AccountError::NotFound(email.to_string()))?;
    Ok(rows::api_tokens(conn, coordinator.id)?)
}

/// Revokes (deletes) the account's token with this id; false when it has none with that id.
///
/// # Errors
/// [`AccountError::NotFound`] or a database failure.
pub fn revoke_api_token(
    conn: &mut DbConnection,
    email: &Email,
    token_id: i32,
) -> Result<bool, AccountError> {
    let coordinator =
        find_by_email(conn, email)?.ok_or_else(|| AccountError::NotFound(email.to_string()))?;
    Ok(rows::delete_api_token(conn, coordinator.id, token_id)?)
}
