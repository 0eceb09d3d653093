//! Login, logout, password change and the first-start setup page.

use std::sync::OnceLock;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{NaiveDateTime, Utc};

use super::form::error_text;
use super::{
    clear_session_cookie, query_pairs, respond, secure_cookies, see_other, session_cookie, At,
    CoordError, Field, FormPage, PageError, Section, Signed, Values,
};
use crate::accounts::throttle::{self, Verdict};
use crate::accounts::{self, constant_time_eq, sessions, setup, store, Password, PasswordError};
use crate::db::audit::{self, AuditEntry};
use crate::domain::{Email, UiLanguage};
use crate::i18n;
use crate::routes::pages::{self, MessagePage, PageCtx};
use crate::routes::{client, language};
use crate::state::AppState;
use crate::tokens::Token;

/// Cookie carrying the CSRF token of the login and setup forms (there is no session yet).
const FORM_COOKIE: &str = "bm_form_csrf";

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(login_form)
        .service(login)
        .service(logout)
        .service(password_form)
        .service(change_password)
        .service(setup_form)
        .service(setup_submit);
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

fn login_page(
    req: &HttpRequest,
    lang: UiLanguage,
    csrf: String,
    email: &str,
    form_error: Option<String>,
) -> FormPage {
    let t = |id: &str| i18n::t(lang, id);
    let mut page = FormPage::new(
        frame(req, lang, "coord-login-title"),
        t("coord-login-title"),
        "/coordinator/login".to_owned(),
        csrf,
    );
    page.form_error = form_error;
    page.sections.push(Section {
        title: None,
        fields: vec![
            Field::input("email", "email", t("coord-field-email"), email)
                .required()
                .autocomplete("username"),
            Field::input("password", "password", t("coord-field-password"), "")
                .required()
                .autocomplete("current-password"),
        ],
    });
    page.submit = t("coord-login-submit");
    page
}

/// `GET /coordinator/login`
#[get("/coordinator/login")]
async fn login_form(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let lang = language::request_language(&req, None);
    let (csrf, cookie) = form_token(&state);
    let mut response = respond(
        &req,
        StatusCode::OK,
        lang,
        &login_page(&req, lang, csrf, "", None),
    );
    let _ = response.add_cookie(&cookie);
    response
}

/// A valid argon2id hash of a random password: checked when the email is unknown, so that a
/// wrong email takes as long as a wrong password.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        Password::parse(&Token::generate().plain)
            .ok()
            .and_then(|p| accounts::hash_password(&p).ok())
            .unwrap_or_default()
    })
}

enum LoginOutcome {
    Throttled(NaiveDateTime),
    Failed,
    LoggedIn(sessions::NewSession),
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

/// `POST /coordinator/login`: email + password; a session cookie on success. The same message
/// for an unknown email and a wrong password; growing waits (429) for a client that keeps
/// failing (see `accounts::throttle`); every failure is in the audit log.
#[post("/coordinator/login")]
async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = language::request_language(&req, None);
    let values = read_values(&body, lang)?;
    check_form_token(&req, &values, lang)?;
    let email_raw = values.get("email").trim().to_owned();
    let password = values.get("password").to_owned();
    let client = client::client_key(&req, state.settings.trust_proxy_headers);
    let outcome = state
        .db
        .run(move |db| -> Result<LoginOutcome, CoordError> {
            let now = Utc::now().naive_utc();
            let mut conn = db.get()?;
            if let Verdict::Throttled { retry_at } =
                throttle::check(&mut conn, &client, &email_raw, now)?
            {
                return Ok(LoginOutcome::Throttled(retry_at));
            }
            let (known, account) = match Email::parse(&email_raw) {
                Ok(email) if password.chars().count() <= Password::MAX_CHARS => {
                    match store::find_by_email(&mut conn, &email)? {
                        Some(known) => (
                            Some(known.id),
                            store::authenticate_password(&mut conn, &email, &password)?,
                        ),
                        None => {
                            let _ = accounts::verify_password(&password, dummy_hash());
                            (None, None)
                        }
                    }
                }
                _ => (None, None),
            };
            drop(conn);
            let Some(account) = account else {
                db.write(|c| -> Result<(), CoordError> {
                    throttle::record(c, &client, &email_raw, false, now)?;
                    // Never what was typed for an unknown account: it may be a password.
                    audit::record(
                        c,
                        &AuditEntry {
                            coordinator_id: None,
                            programme_id: None,
                            action: "login.failed",
                            subject_type: "coordinator",
                            subject_id: known,
                            detail: if known.is_some() {
                                ""
                            } else {
                                "unknown account"
                            },
                        },
                        now,
                    )?;
                    Ok(())
                })?;
                let mut conn = db.get()?;
                return Ok(
                    match throttle::check(&mut conn, &client, &email_raw, now)? {
                        Verdict::Throttled { retry_at } => LoginOutcome::Throttled(retry_at),
                        Verdict::Allowed => LoginOutcome::Failed,
                    },
                );
            };
            let session = db.write(|c| -> Result<_, CoordError> {
                throttle::record(c, &client, &email_raw, true, now)?;
                let session = sessions::create(c, account.id, now)?;
                audit::record(
                    c,
                    &AuditEntry {
                        coordinator_id: Some(account.id),
                        programme_id: None,
                        action: "login",
                        subject_type: "coordinator",
                        subject_id: Some(account.id),
                        detail: "",
                    },
                    now,
                )?;
                Ok(session)
            })?;
            Ok(LoginOutcome::LoggedIn(session))
        })
        .await
        .at(lang)?;
    match outcome {
        LoginOutcome::Throttled(retry_at) => Ok(throttled_page(&req, lang, retry_at)),
        LoginOutcome::Failed => {
            let (csrf, cookie) = form_token(&state);
            let page = login_page(
                &req,
                lang,
                csrf,
                values.get("email"),
                Some(i18n::t(lang, "coord-login-failed")),
            );
            let mut response = respond(&req, StatusCode::UNAUTHORIZED, lang, &page);
            let _ = response.add_cookie(&cookie);
            Ok(response)
        }
        LoginOutcome::LoggedIn(session) => {
            let mut response = see_other("/coordinator");
            let _ = response.add_cookie(&session_cookie(&state, &session.token));
            let mut gone = Cookie::build(FORM_COOKIE, "").path("/coordinator").finish();
            gone.make_removal();
            let _ = response.add_cookie(&gone);
            Ok(response)
        }
    }
}

/// `POST /coordinator/logout`: ends the session.
#[post("/coordinator/logout")]
async fn logout(
    state: web::Data<AppState>,
    signed: Signed,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = read_values(&body, lang)?;
    signed.check_csrf(&values)?;
    let s = signed.clone();
    state
        .db
        .run(move |db| {
            db.write(|c| -> Result<(), CoordError> {
                sessions::delete(c, s.session_id)?;
                s.audit(c, None, "logout", "coordinator", Some(s.coordinator.id))?;
                Ok(())
            })
        })
        .await
        .at(lang)?;
    let mut response = see_other("/coordinator/login");
    let _ = response.add_cookie(&clear_session_cookie(&state));
    Ok(response)
}

fn password_page(
    req: &HttpRequest,
    signed: &Signed,
    errors: &[(&str, &str)],
    notice: Option<String>,
) -> FormPage {
    let lang = signed.lang;
    let t = |id: &str| i18n::t(lang, id);
    let err = |name: &str| {
        errors
            .iter()
            .find(|(f, _)| *f == name)
            .map(|(_, code)| error_text(lang, code))
    };
    let mut fields = vec![
        Field::input("password", "current", t("coord-field-current-password"), "")
            .required()
            .autocomplete("current-password"),
        Field::input("password", "new", t("coord-field-new-password"), "")
            .required()
            .autocomplete("new-password")
            .hint(t("coord-password-hint")),
        Field::input("password", "new2", t("coord-field-new-password-again"), "")
            .required()
            .autocomplete("new-password"),
    ];
    for f in &mut fields {
        f.error = err(&f.name);
    }
    let mut page = FormPage::new(
        frame(req, lang, "coord-password-title"),
        t("coord-password-title"),
        "/coordinator/password".to_owned(),
        signed.csrf.clone(),
    );
    page.nav = Some(signed.nav());
    page.notice = notice;
    page.sections.push(Section {
        title: None,
        fields,
    });
    page.submit = t("coord-password-submit");
    page.summarise();
    page
}

/// `GET /coordinator/password`
#[get("/coordinator/password")]
async fn password_form(req: HttpRequest, signed: Signed) -> HttpResponse {
    respond(
        &req,
        StatusCode::OK,
        signed.lang,
        &password_page(&req, &signed, &[], None),
    )
}

/// The error for a new password (and its repetition), if any.
fn new_password_error(new: &str, again: &str) -> Result<Password, (&'static str, &'static str)> {
    match Password::parse(new) {
        Err(PasswordError::TooShort) => Err(("new", "password_too_short")),
        Err(_) => Err(("new", "too_long")),
        Ok(_) if new != again => Err(("new2", "password_mismatch")),
        Ok(p) => Ok(p),
    }
}

/// `POST /coordinator/password`: current password, new password twice (at least 12
/// characters). Other sessions of the account end.
#[post("/coordinator/password")]
async fn change_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = read_values(&body, lang)?;
    signed.check_csrf(&values)?;
    let new = match new_password_error(values.get("new"), values.get("new2")) {
        Ok(p) => p,
        Err(e) => {
            let page = password_page(&req, &signed, &[e], None);
            return Ok(respond(&req, StatusCode::UNPROCESSABLE_ENTITY, lang, &page));
        }
    };
    let current = values.get("current").to_owned();
    let s = signed.clone();
    let client = client::client_key(&req, state.settings.trust_proxy_headers);
    let outcome = state
        .db
        .run(move |db| -> Result<Result<(), NaiveDateTime>, CoordError> {
            let now = Utc::now().naive_utc();
            let email = s.coordinator.email.clone();
            let mut conn = db.get()?;
            if let Verdict::Throttled { retry_at } =
                throttle::check(&mut conn, &client, &email, now)?
            {
                return Ok(Err(retry_at));
            }
            let parsed = Email::parse(&email).map_err(|c| anyhow::anyhow!("stored email: {c}"))?;
            let ok = store::authenticate_password(&mut conn, &parsed, &current)?.is_some();
            drop(conn);
            if !ok {
                db.write(|c| throttle::record(c, &client, &email, false, now))?;
                return Ok(Err(NaiveDateTime::MIN));
            }
            let hash = accounts::hash_password(&new).map_err(|e| anyhow::anyhow!(e))?;
            db.write(|c| -> Result<(), CoordError> {
                accounts::set_password_hash(c, s.coordinator.id, &hash)?;
                sessions::delete_others(c, s.coordinator.id, s.session_id)?;
                s.audit(
                    c,
                    None,
                    "password.change",
                    "coordinator",
                    Some(s.coordinator.id),
                )?;
                Ok(())
            })?;
            Ok(Ok(()))
        })
        .await
        .at(lang)?;
    match outcome {
        Ok(()) => {
            let page = password_page(
                &req,
                &signed,
                &[],
                Some(i18n::t(lang, "coord-password-changed")),
            );
            Ok(respond(&req, StatusCode::OK, lang, &page))
        }
        Err(t) if t == NaiveDateTime::MIN => {
            let page = password_page(&req, &signed, &[("current", "wrong_password")], None);
            Ok(respond(&req, StatusCode::UNPROCESSABLE_ENTITY, lang, &page))
        }
        Err(retry_at) => Ok(throttled_page(&req, lang, retry_at)),
    }
}

fn setup_page(
    req: &HttpRequest,
    lang: UiLanguage,
    token: &str,
    csrf: String,
    email: &str,
    errors: &[(&str, &str)],
) -> FormPage {
    let t = |id: &str| i18n::t(lang, id);
    let mut fields = vec![
        Field::input("email", "email", t("coord-field-email"), email)
            .required()
            .autocomplete("username"),
        Field::input("password", "new", t("coord-field-new-password"), "")
            .required()
            .autocomplete("new-password")
            .hint(t("coord-password-hint")),
        Field::input("password", "new2", t("coord-field-new-password-again"), "")
            .required()
            .autocomplete("new-password"),
    ];
    for f in &mut fields {
        f.error = errors
            .iter()
            .find(|(n, _)| *n == f.name)
            .map(|(_, code)| error_text(lang, code));
    }
    let mut page = FormPage::new(
        frame(req, lang, "coord-setup-title"),
        t("coord-setup-title"),
        format!("/coordinator/setup/{token}"),
        csrf,
    );
    page.intro.push(t("coord-setup-intro"));
    page.sections.push(Section {
        title: None,
        fields,
    });
    page.submit = t("coord-setup-submit");
    page.summarise();
    page
}

async fn setup_token_valid(
    state: &AppState,
    token: String,
    lang: UiLanguage,
) -> Result<bool, PageError> {
    state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            setup::token_valid(&mut conn, &token)
        })
        .await
        .at(lang)
}

/// `GET /coordinator/setup/{token}`: the form that creates the first admin account (404 once
/// any account exists).
#[get("/coordinator/setup/{token}")]
async fn setup_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let lang = language::request_language(&req, None);
    let token = path.into_inner();
    if !setup_token_valid(&state, token.clone(), lang).await? {
        return Ok(pages::message(
            StatusCode::NOT_FOUND,
            lang,
            "coord-setup-used",
            req.path(),
            &[],
        ));
    }
    let (csrf, cookie) = form_token(&state);
    let mut response = respond(
        &req,
        StatusCode::OK,
        lang,
        &setup_page(&req, lang, &token, csrf, "", &[]),
    );
    let _ = response.add_cookie(&cookie);
    Ok(response)
}

/// `POST /coordinator/setup/{token}`: creates the admin account, logs it in.
#[post("/coordinator/setup/{token}")]
async fn setup_submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = language::request_language(&req, None);
    let token = path.into_inner();
    let values = read_values(&body, lang)?;
    check_form_token(&req, &values, lang)?;
    let email = Email::parse(values.get("email"));
    let password = new_password_error(values.get("new"), values.get("new2"));
    let (email, password) = match (email, password) {
        (Ok(e), Ok(p)) => (e, p),
        (e, p) => {
            let mut errors = Vec::new();
            if let Err(code) = e {
                errors.push(("email", code));
            }
            if let Err(pe) = p {
                errors.push(pe);
            }
            if !setup_token_valid(&state, token.clone(), lang).await? {
                return Ok(pages::message(
                    StatusCode::NOT_FOUND,
                    lang,
                    "coord-setup-used",
                    req.path(),
                    &[],
                ));
            }
            let (csrf, cookie) = form_token(&state);
            let page = setup_page(&req, lang, &token, csrf, values.get("email"), &errors);
            let mut response = respond(&req, StatusCode::UNPROCESSABLE_ENTITY, lang, &page);
            let _ = response.add_cookie(&cookie);
            return Ok(response);
        }
    };
    let hash = accounts::hash_password(&password)
        .map_err(|e| PageError::new(lang, CoordError::Unexpected(anyhow::anyhow!(e))))?;
    let created = state
        .db
        .run(move |db| {
            db.write(|c| -> Result<_, CoordError> {
                let now = Utc::now().naive_utc();
                let Some(admin) = setup::create_admin(c, &token, &email, &hash, now)? else {
                    return Ok(None);
                };
                Ok(Some(sessions::create(c, admin.id, now)?))
            })
        })
        .await
        .at(lang)?;
    let Some(session) = created else {
        return Ok(pages::message(
            StatusCode::NOT_FOUND,
            lang,
            "coord-setup-used",
            req.path(),
            &[],
        ));
    };
    let mut response = see_other("/coordinator/accounts");
    let _ = response.add_cookie(&session_cookie(&state, &session.token));
    Ok(response)
}
