//! The first-start setup page: creates the first admin account with the one-time setup token.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;

use super::super::form::error_text;
use super::super::{
    respond, see_other, session_cookie, At, CoordError, Field, FormPage, PageError, Section,
};
use super::password::new_password_error;
use super::{check_form_token, form_token, frame, read_values};
use crate::accounts::{self, sessions, setup};
use crate::domain::{Email, UiLanguage};
use crate::i18n;
use crate::routes::language;
use crate::routes::pages::{self};
use crate::state::AppState;

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

pub(super) async fn setup_token_valid(
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
pub(super) async fn setup_form(
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
pub(super) async fn setup_submit(
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
