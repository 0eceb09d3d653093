//! Login, logout, password change and the first-start setup page.
//!
//! `login` (and logout), `password` (change), `setup` (the first admin account); this module
//! holds what their forms share: the pre-login CSRF cookie, the page frame, the throttle page.

mod login;
mod password;
mod setup;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{NaiveDateTime, Utc};

use super::{query_pairs, respond, secure_cookies, CoordError, PageError, Values};
use crate::accounts::constant_time_eq;
use crate::domain::UiLanguage;
use crate::i18n;
use crate::routes::pages::{self, MessagePage, PageCtx};
use crate::state::AppState;
use crate::tokens::Token;

/// Cookie carrying the CSRF token of the login and setup forms (there is no session yet).
const FORM_COOKIE: &str = "bm_form_csrf";

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(login::login_form)
        .service(login::login)
        .service(login::logout)
        .service(password::password_form)
        .service(password::change_password)
        .service(setup::setup_form)
        .service(setup::setup_submit);
}

fn frame(req: &HttpRequest, lang: UiLanguage, title_id: &str) -> PageCtx {
    let pairs = query_pairs(req);
    let query: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    PageCtx::new(lang, i18n::t(lang, title_id), req.path(), &query)
}

/// A fresh double-submit token for a form shown before login, and its cookie.
fn form_token(state: &AppState) -> (String, Cookie<'static>) {
    let token = Token::generate().plain;
    let cookie = Cookie::build(FORM_COOKIE, token.clone())
        .path("/coordinator")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure_cookies(state))
        .finish();
    (token, cookie)
}

fn check_form_token(req: &HttpRequest, values: &Values, lang: UiLanguage) -> Result<(), PageError> {
    let cookie = req.cookie(FORM_COOKIE).map(|c| c.value().to_owned());
    match cookie {
        Some(c) if !c.is_empty() && constant_time_eq(&c, values.get("csrf")) => Ok(()),
        _ => Err(PageError::new(lang, CoordError::Csrf)),
    }
}

fn read_values(body: &web::Bytes, lang: UiLanguage) -> Result<Values, PageError> {
    Values::parse(body).ok_or_else(|| PageError::new(lang, CoordError::BadRequest))
}

fn throttled_page(req: &HttpRequest, lang: UiLanguage, retry_at: NaiveDateTime) -> HttpResponse {
    let now = Utc::now().naive_utc();
    let minutes = ((retry_at - now).num_seconds().max(0) + 59) / 60;
    let minutes = minutes.max(1).to_string();
    let time = retry_at.format("%H:%M").to_string();
    let page = MessagePage {
        page: frame(req, lang, "coord-throttled-title"),
        paragraphs: vec![i18n::t_args(
            lang,
            "coord-throttled-body",
            &[("minutes", &minutes), ("time", &time)],
        )],
        button_action: None,
        button_label: String::new(),
        link: Some(pages::Link {
            href: "/coordinator/login".to_owned(),
            text: i18n::t(lang, "coord-login-title"),
        }),
    };
    let mut response = respond(req, StatusCode::TOO_MANY_REQUESTS, lang, &page);
    if let Ok(v) =
        header::HeaderValue::from_str(&(minutes.parse::<i64>().unwrap_or(1) * 60).to_string())
    {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}
