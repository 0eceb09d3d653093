//! A coordinator changes their password (current password, new password twice).

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{NaiveDateTime, Utc};

use super::super::form::error_text;
use super::super::{respond, At, CoordError, Field, FormPage, PageError, Section, Signed};
use super::{frame, read_values, throttled_page};
use crate::accounts::throttle::{self, Verdict};
use crate::accounts::{self, sessions, store, Password, PasswordError};
use crate::domain::Email;
use crate::i18n;
use crate::routes::client;
use crate::state::AppState;

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
pub(super) async fn password_form(req: HttpRequest, signed: Signed) -> HttpResponse {
    respond(
        &req,
        StatusCode::OK,
        signed.lang,
        &password_page(&req, &signed, &[], None),
    )
}

/// The error for a new password (and its repetition), if any.
pub(super) fn new_password_error(
    new: &str,
    again: &str,
) -> Result<Password, (&'static str, &'static str)> {
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
pub(super) async fn change_password(
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
