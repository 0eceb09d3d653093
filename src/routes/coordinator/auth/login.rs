//! Logging in (with the growing waits of the throttle and a constant-time answer for an
//! unknown email) and logging out.

use std::sync::OnceLock;

use actix_web::cookie::Cookie;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{NaiveDateTime, Utc};

use super::super::{
    clear_session_cookie, respond, see_other, session_cookie, At, CoordError, Field, FormPage,
    PageError, Section, Signed,
};
use super::{check_form_token, form_token, frame, read_values, throttled_page, FORM_COOKIE};
use crate::accounts::throttle::{self, Verdict};
use crate::accounts::{self, sessions, store, Password};
use crate::db::audit::{self, AuditEntry};
use crate::domain::{Email, UiLanguage};
use crate::i18n;
use crate::routes::{client, language};
use crate::state::AppState;
use crate::tokens::Token;

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

/// `POST /coordinator/login`: email + password; a session cookie on success. The same message
/// for an unknown email and a wrong password; growing waits (429) for a client that keeps
/// failing (see `accounts::throttle`); every failure is in the audit log.
#[post("/coordinator/login")]
pub(super) async fn login(
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
pub(super) async fn logout(
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
