//! The coordinator's pages under `/coordinator`: login, logout, password change, first-start
//! setup, people of a programme (list, view, add, edit, readiness), coordinator accounts,
//! programmes (create, settings) and the audit log. Server-rendered, no JavaScript, in the
//! coordinator's language.
//!
//! Every page except login and setup needs a session ([`Signed`]); every form carries the
//! session's CSRF token in the hidden field `csrf` and a POST without the right one is refused
//! with 403. Coordinators reach only their programmes' people (403 otherwise); admins reach all
//! and also the accounts, programmes and audit pages.

mod admin;
mod audit_log;
mod auth;
mod connections;
mod form;
mod outcomes;
mod people;
mod profile_form;
mod programme_archive;
mod programmes_admin;
pub mod review;
mod to_contact;

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{dev::Payload, web, FromRequest, HttpRequest, HttpResponse, ResponseError};
use chrono::Utc;

use super::pages;
use crate::accounts::store::{AccountError, Coordinator, CoordinatorRole};
use crate::accounts::{self, constant_time_eq, sessions};
use crate::db::audit::{self, AuditEntry};
use crate::db::{DbConnection, DbError};
use crate::domain::UiLanguage;
use crate::routes::language;
use crate::state::AppState;

pub use form::{ErrorItem, Field, FormPage, Nav, Opt, Section, Values};

/// Registers the coordinator pages.
pub fn configure(cfg: &mut web::ServiceConfig) {
    auth::configure(cfg);
    people::configure(cfg);
    connections::configure(cfg);
    cfg.service(outcomes::outcomes_page)
        .service(outcomes::outcomes_csv)
        .service(outcomes::all_outcomes_page)
        .service(outcomes::all_outcomes_csv);
    admin::configure(cfg);
    audit_log::configure(cfg);
    programmes_admin::configure(cfg);
    programme_archive::configure(cfg);
    review::configure(cfg);
    cfg.service(to_contact::list)
        .service(to_contact::confirm_by_phone)
        .service(to_contact::answer);
}

/// What went wrong on a coordinator page.
#[derive(Debug, thiserror::Error)]
pub enum CoordError {
    /// No valid session: go to the login page.
    #[error("not logged in")]
    Unauthenticated,
    /// The account may not see this.
    #[error("this account may not see this page")]
    Forbidden,
    /// The form's CSRF token is missing or wrong.
    #[error("the form's CSRF token is missing or wrong")]
    Csrf,
    /// Nothing here.
    #[error("not found")]
    NotFound,
    /// A request that cannot be read.
    #[error("bad request")]
    BadRequest,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Account storage failed.
    #[error(transparent)]
    Account(#[from] AccountError),
    /// Anything else.
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// A [`CoordError`] with the language to explain it in.
#[derive(Debug, thiserror::Error)]
#[error("{error}")]
pub struct PageError {
    lang: UiLanguage,
    error: CoordError,
}

/// Attaches the page language to an error.
pub trait At<T> {
    /// The result with errors in `lang`.
    ///
    /// # Errors
    /// The original error, as a page.
    fn at(self, lang: UiLanguage) -> Result<T, PageError>;
}

impl<T, E: Into<CoordError>> At<T> for Result<T, E> {
    fn at(self, lang: UiLanguage) -> Result<T, PageError> {
        self.map_err(|e| PageError {
            lang,
            error: e.into(),
        })
    }
}

impl PageError {
    /// The error in `lang`.
    #[must_use]
    pub fn new(lang: UiLanguage, error: CoordError) -> Self {
        Self { lang, error }
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self.error {
            CoordError::Unauthenticated => StatusCode::SEE_OTHER,
            CoordError::Forbidden | CoordError::Csrf => StatusCode::FORBIDDEN,
            CoordError::NotFound => StatusCode::NOT_FOUND,
            CoordError::BadRequest => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let lang = self.lang;
        let key = match self.error {
            CoordError::Unauthenticated => {
                return HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, "/coordinator/login"))
                    .insert_header((header::CACHE_CONTROL, "no-store"))
                    .finish()
            }
            CoordError::Forbidden => "coord-forbidden",
            CoordError::Csrf => "coord-csrf",
            CoordError::NotFound => "not-found",
            CoordError::BadRequest => "coord-bad-request",
            _ => return pages::server_error(lang, &self.error),
        };
        pages::message(self.status_code(), lang, key, "/coordinator", &[])
    }
}

/// The logged-in coordinator of a request, with the session's CSRF token and page language.
#[derive(Debug, Clone)]
pub struct Signed {
    /// The account.
    pub coordinator: Coordinator,
    /// The session.
    pub session_id: i32,
    /// The session's CSRF token.
    pub csrf: String,
    /// Page language.
    pub lang: UiLanguage,
}

impl Signed {
    /// 404, as for an unknown id, unless the account may reach the programme: another
    /// programme's pages do not tell what exists there.
    ///
    /// # Errors
    /// [`CoordError::NotFound`].
    pub fn require_programme(&self, programme_id: i32) -> Result<(), PageError> {
        if self.coordinator.can_access(programme_id) {
            Ok(())
        } else {
            Err(PageError::new(self.lang, CoordError::NotFound))
        }
    }

    /// 403 unless the account is an admin.
    ///
    /// # Errors
    /// [`CoordError::Forbidden`].
    pub fn require_admin(&self) -> Result<(), PageError> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(PageError::new(self.lang, CoordError::Forbidden))
        }
    }

    /// Whether the account is an admin.
    #[must_use]
    pub fn is_admin(&self) -> bool {
        self.coordinator.role == CoordinatorRole::Admin
    }

    /// 403 unless the form carries this session's CSRF token.
    ///
    /// # Errors
    /// [`CoordError::Csrf`].
    pub fn check_csrf(&self, values: &Values) -> Result<(), PageError> {
        if constant_time_eq(values.get("csrf"), &self.csrf) {
            Ok(())
        } else {
            Err(PageError::new(self.lang, CoordError::Csrf))
        }
    }

    /// Parses a posted form and checks its CSRF token.
    ///
    /// # Errors
    /// [`CoordError::BadRequest`] for a body that is not a form, [`CoordError::Csrf`].
    pub fn form(&self, body: &[u8]) -> Result<Values, PageError> {
        let values =
            Values::parse(body).ok_or_else(|| PageError::new(self.lang, CoordError::BadRequest))?;
        self.check_csrf(&values)?;
        Ok(values)
    }

    /// The navigation bar.
    #[must_use]
    pub fn nav(&self) -> Nav {
        Nav {
            email: self.coordinator.email.clone(),
            is_admin: self.is_admin(),
            csrf: self.csrf.clone(),
        }
    }

    /// Records an audit entry by this coordinator.
    ///
    /// # Errors
    /// A failed insert.
    pub fn audit(
        &self,
        conn: &mut DbConnection,
        programme_id: Option<i32>,
        action: &str,
        subject_type: &str,
        subject_id: Option<i32>,
    ) -> Result<(), DbError> {
        audit::record(
            conn,
            &AuditEntry {
                coordinator_id: Some(self.coordinator.id),
                programme_id,
                action,
                subject_type,
                subject_id,
                detail: "",
            },
            Utc::now().naive_utc(),
        )
    }
}

impl FromRequest for Signed {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, PageError>>>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let lang = language::request_language(req, None);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = req.cookie(sessions::COOKIE).map(|c| c.value().to_owned());
        Box::pin(async move {
            let state = state.ok_or_else(|| {
                PageError::new(
                    lang,
                    CoordError::Unexpected(anyhow::anyhow!("AppState is not registered")),
                )
            })?;
            let Some(token) = token else {
                return Err(PageError::new(lang, CoordError::Unauthenticated));
            };
            let found = state
                .db
                .run(move |db| -> Result<_, CoordError> {
                    let mut conn = db.get()?;
                    let now = Utc::now().naive_utc();
                    let Some(session) = sessions::find(&mut conn, &token, now)? else {
                        return Ok(None);
                    };
                    Ok(accounts::find_by_id(&mut conn, session.coordinator_id)?
                        .map(|c| (session, c)))
                })
                .await
                .at(lang)?;
            let (session, coordinator) =
                found.ok_or_else(|| PageError::new(lang, CoordError::Unauthenticated))?;
            Ok(Signed {
                coordinator,
                session_id: session.id,
                csrf: session.csrf_token,
                lang,
            })
        })
    }
}

/// Whether cookies must be `Secure` (the public address is https).
#[must_use]
pub fn secure_cookies(state: &AppState) -> bool {
    state.settings.public_url().starts_with("https")
}

/// The session cookie for a new session.
#[must_use]
pub fn session_cookie(state: &AppState, token: &str) -> Cookie<'static> {
    Cookie::build(sessions::COOKIE, token.to_owned())
        .path("/coordinator")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure_cookies(state))
        .max_age(CookieDuration::hours(sessions::LIFETIME_HOURS))
        .finish()
}

/// A cookie that removes the session cookie.
#[must_use]
pub fn clear_session_cookie(state: &AppState) -> Cookie<'static> {
    let mut c = Cookie::build(sessions::COOKIE, "")
        .path("/coordinator")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure_cookies(state))
        .finish();
    c.make_removal();
    c
}

/// A 303 redirect.
#[must_use]
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish()
}

/// Renders a page in `lang` and remembers a language picked with `?lang=`.
pub fn respond(
    req: &HttpRequest,
    status: StatusCode,
    lang: UiLanguage,
    template: &impl askama::Template,
) -> HttpResponse {
    let mut response = pages::render(status, template);
    pages::set_content_language(&mut response, lang);
    if let Some(chosen) = language::query_language(req) {
        if !matches!(req.cookie(language::LANG_COOKIE), Some(c) if c.value() == chosen.code()) {
            let _ = response.add_cookie(&language::language_cookie(chosen));
        }
    }
    response
}

/// The page frame (language, title, language-switcher links keeping the query).
pub(super) fn frame(req: &HttpRequest, lang: UiLanguage, title: String) -> pages::PageCtx {
    let pairs = query_pairs(req);
    let query: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    pages::PageCtx::new(lang, title, req.path(), &query)
}

/// The programme with this slug, if the account may reach it (404 / 403 otherwise).
pub(super) async fn programme_by_slug(
    state: &AppState,
    signed: &Signed,
    slug: String,
) -> Result<crate::domain::Programme, PageError> {
    let lang = signed.lang;
    let programme = state
        .db
        .run(move |db| crate::db::programmes::by_slug(&mut *db.get()?, &slug))
        .await
        .at(lang)?
        .ok_or_else(|| PageError::new(lang, CoordError::NotFound))?;
    signed.require_programme(programme.id)?;
    Ok(programme)
}

/// The link to page `n` of a list: the request's path and query with `page` set to `n`.
#[must_use]
pub fn page_link(req: &HttpRequest, pairs: &[(String, String)], n: i64) -> String {
    let mut q: Vec<(String, String)> = pairs.iter().filter(|(k, _)| k != "page").cloned().collect();
    q.push(("page".to_owned(), n.to_string()));
    format!(
        "{}?{}",
        req.path(),
        serde_urlencoded::to_string(&q).unwrap_or_default()
    )
}

/// The query pairs of a request (for the language switcher of a page).
#[must_use]
pub fn query_pairs(req: &HttpRequest) -> Vec<(String, String)> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(req.query_string()).unwrap_or_default()
}
