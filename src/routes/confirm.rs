//! Double opt-in: `GET /confirm/{token}` shows a button; `POST /confirm/{token}` confirms.
//! A GET never changes anything, so mail scanners that follow links do not confirm anyone.
//! Expired, used and unknown links get a clear page (410 / 404) in the person's language.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::pages::{self, MessagePage, PageCtx};
use crate::db::schema::participant_tokens;
use crate::db::{participants, programmes, DbConnection, DbError};
use crate::domain::{ParticipantStatus, UiLanguage};
use crate::i18n;
use crate::routes::language;
use crate::state::AppState;
use crate::tokens::{self, Token};

/// Purpose of the tokens in confirmation links.
pub const CONFIRM_PURPOSE: &str = "confirm";
/// How long a confirmation link works.
pub const CONFIRM_VALID_DAYS: i64 = 7;

/// Stores a new confirmation token for a participant (hash only) and returns the plain token
/// for the link. Call inside the sign-up transaction.
///
/// # Errors
/// A failed insert.
pub fn issue_confirm_token(
    conn: &mut DbConnection,
    participant_id: i32,
    now: NaiveDateTime,
) -> Result<String, DbError> {
    let token = Token::generate();
    diesel::insert_into(participant_tokens::table)
        .values((
            participant_tokens::participant_id.eq(participant_id),
            participant_tokens::purpose.eq(CONFIRM_PURPOSE),
            participant_tokens::token_hash.eq(&token.hash),
            participant_tokens::expires_at.eq(now + chrono::Duration::days(CONFIRM_VALID_DAYS)),
            participant_tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token.plain)
}

/// What a confirmation link turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Lookup {
    /// Usable: the participant's id, first name, language and programme name.
    Valid {
        token_id: i32,
        participant_id: i32,
        first_name: String,
        lang: Option<UiLanguage>,
        programme: String,
    },
    /// Used before (the participant's language, if known).
    Used(Option<UiLanguage>),
    /// Past its time.
    Expired(Option<UiLanguage>),
    /// No such token.
    Unknown,
}

fn lookup(conn: &mut DbConnection, plain: &str, now: NaiveDateTime) -> Result<Lookup, DbError> {
    if plain.len() > 200 {
        return Ok(Lookup::Unknown);
    }
    let row: Option<(i32, i32, NaiveDateTime, Option<NaiveDateTime>)> = participant_tokens::table
        .filter(participant_tokens::token_hash.eq(tokens::hash(plain)))
        .filter(participant_tokens::purpose.eq(CONFIRM_PURPOSE))
        .select((
            participant_tokens::id,
            participant_tokens::participant_id,
            participant_tokens::expires_at,
            participant_tokens::used_at,
        ))
        .first(conn)
        .optional()?;
    let Some((token_id, participant_id, expires_at, used_at)) = row else {
        return Ok(Lookup::Unknown);
    };
    let Some(participant) = participants::find(conn, participant_id)? else {
        return Ok(Lookup::Unknown);
    };
    let lang = UiLanguage::parse(&participant.message_language).ok();
    if used_at.is_some() {
        return Ok(Lookup::Used(lang));
    }
    if expires_at <= now {
        return Ok(Lookup::Expired(lang));
    }
    let programme = programmes::by_id(conn, participant.programme_id)?
        .map(|p| p.name)
        .unwrap_or_default();
    Ok(Lookup::Valid {
        token_id,
        participant_id,
        first_name: participant.first_name,
        lang,
        programme,
    })
}

fn page_lang(req: &HttpRequest, person: Option<UiLanguage>) -> UiLanguage {
    // An explicit switch wins; otherwise the language the person chose for their messages.
    language::query_language(req)
        .or(person)
        .unwrap_or_else(|| language::request_language(req, None))
}

fn problem_page(req: &HttpRequest, lookup: &Lookup) -> HttpResponse {
    let (status, key, lang) = match lookup {
        Lookup::Used(lang) => (StatusCode::GONE, "token-used", *lang),
        Lookup::Expired(lang) => (StatusCode::GONE, "token-expired", *lang),
        Lookup::Unknown | Lookup::Valid { .. } => (StatusCode::NOT_FOUND, "token-unknown", None),
    };
    let lang = page_lang(req, lang);
    pages::message(status, lang, key, req.path(), &[])
}

/// `GET /confirm/{token}`: a page with a button; changes nothing.
#[get("/confirm/{token}")]
pub async fn confirm_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    let plain = token.into_inner();
    let now = Utc::now().naive_utc();
    let result = state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            lookup(&mut conn, &plain, now)
        })
        .await;
    match result {
        Ok(Lookup::Valid {
            lang, programme, ..
        }) => {
            let lang = page_lang(&req, lang);
            let page = PageCtx::new(lang, i18n::t(lang, "confirm-title"), req.path(), &[]);
            let mut response = pages::render(
                StatusCode::OK,
                &MessagePage {
                    page,
                    paragraphs: vec![i18n::t_args(
                        lang,
                        "confirm-body",
                        &[("programme", &i18n::isolate(&programme))],
                    )],
                    button_action: Some(req.path().to_owned()),
                    button_label: i18n::t(lang, "confirm-button"),
                    link: None,
                },
            );
            pages::set_content_language(&mut response, lang);
            response
        }
        Ok(other) => problem_page(&req, &other),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// `POST /confirm/{token}`: confirms the sign-up (status confirmed, waiting time starts now) and
/// uses up the token.
#[post("/confirm/{token}")]
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    let plain = token.into_inner();
    let now = Utc::now().naive_utc();
    let result = state
        .db
        .run(move |db| {
            db.write(|conn| {
                let found = lookup(conn, &plain, now)?;
                if let Lookup::Valid {
                    token_id,
                    participant_id,
                    ..
                } = &found
                {
                    // Only one request can use the token, even if two arrive at once.
                    let used = diesel::update(
                        participant_tokens::table
                            .filter(participant_tokens::id.eq(*token_id))
                            .filter(participant_tokens::used_at.is_null()),
                    )
                    .set(participant_tokens::used_at.eq(Some(now)))
                    .execute(conn)?;
                    if used != 1 {
                        return Ok(Lookup::Used(None));
                    }
                    let pending = participants::find(conn, *participant_id)?
                        .map(|p| p.status().map(|s| s == ParticipantStatus::Pending))
                        .transpose()?
                        .unwrap_or(false);
                    if pending {
                        participants::set_status(
                            conn,
                            *participant_id,
                            ParticipantStatus::Confirmed,
                            now,
                        )?;
                    }
                }
                Ok::<_, DbError>(found)
            })
        })
        .await;
    match result {
        Ok(Lookup::Valid {
            first_name, lang, ..
        }) => {
            let lang = page_lang(&req, lang);
            let page = PageCtx::new(lang, i18n::t(lang, "confirmed-title"), req.path(), &[]);
            let mut response = pages::render(
                StatusCode::OK,
                &MessagePage {
                    page,
                    paragraphs: vec![i18n::t_args(
                        lang,
                        "confirmed-body",
                        &[("name", &i18n::isolate(&first_name))],
                    )],
                    button_action: None,
                    button_label: String::new(),
                    link: None,
                },
            );
            pages::set_content_language(&mut response, lang);
            response
        }
        Ok(other) => problem_page(&req, &other),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// Registers the confirmation routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(confirm_page).service(confirm);
}
