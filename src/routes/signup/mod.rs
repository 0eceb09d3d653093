//! The public sign-up form: `GET /signup?programme=<slug>` shows it, `POST` stores a pending
//! participant and sends a confirmation email (double opt-in), `GET /signup/thanks` thanks.
//!
//! Bad input gets 422 and the form again with every value kept, an error summary at the top
//! linking to each field, and a message at each field, all in the person's language; nothing is
//! stored. Signing up twice with one email shows the same thank-you page (the address's
//! existence is not revealed); the email explains instead.

mod form_view;
mod page;

use actix_web::http::{header, StatusCode};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use futures_util::StreamExt;

use crate::db::{programmes, DbError};
use crate::domain::{NewParticipant, Programme, ValidationErrors};
use crate::i18n;
use crate::routes::language;
use crate::routes::pages::{self, MessagePage, PageCtx};
use crate::routes::profile_form::{self, FormValues};
use crate::state::AppState;
use page::{render_form, signup_query};

/// Largest form body accepted (a full form is about 3 KB).
const MAX_BODY: usize = 32 * 1024;
/// Most fields in one form.
const MAX_PAIRS: usize = 300;

// ----------------------------------------------------------------------------------------------
// Handlers

fn programme_slug(req: &HttpRequest, state: &AppState) -> String {
    i18n::query_param(req.query_string(), "programme")
        .unwrap_or_else(|| state.settings.demo_programme.clone())
}

async fn load_programme(state: &AppState, slug: String) -> Result<Option<Programme>, DbError> {
    if slug.is_empty() || slug.len() > 100 {
        return Ok(None);
    }
    state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            programmes::by_slug(&mut conn, &slug)
        })
        .await
}

fn with_language_cookie(req: &HttpRequest, mut response: HttpResponse) -> HttpResponse {
    if let Some(lang) = language::query_language(req) {
        if req
            .cookie(language::LANG_COOKIE)
            .map_or(true, |c| c.value() != lang.code())
        {
            let _ = response.add_cookie(&language::language_cookie(lang));
        }
    }
    response
}

/// `GET /signup?programme=<slug>&lang=<code>`: the empty form.
#[get("/signup")]
pub async fn form(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let programme = match load_programme(&state, programme_slug(&req, &state)).await {
        Ok(Some(p)) => p,
        Ok(None) => return with_language_cookie(&req, pages::not_found(&req)),
        Err(e) => return pages::server_error(language::request_language(&req, None), &e),
    };
    let lang = language::request_language(&req, Some(&programme.local_language));
    let response = render_form(
        StatusCode::OK,
        lang,
        &programme,
        &profile_form::default_values(lang),
        &ValidationErrors::default(),
        &[],
    );
    with_language_cookie(&req, response)
}

/// Reads at most `MAX_BODY` bytes; `None` when the body is larger.
async fn read_body(mut payload: web::Payload) -> Option<web::BytesMut> {
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.ok()?;
        if body.len() + chunk.len() > MAX_BODY {
            return None;
        }
        body.extend_from_slice(&chunk);
    }
    Some(body)
}

/// `POST /signup?programme=<slug>&lang=<code>`: validates, stores, emails, redirects.
#[post("/signup")]
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    payload: web::Payload,
) -> HttpResponse {
    let programme = match load_programme(&state, programme_slug(&req, &state)).await {
        Ok(Some(p)) => p,
        Ok(None) => return pages::not_found(&req),
        Err(e) => return pages::server_error(language::request_language(&req, None), &e),
    };
    let lang = language::request_language(&req, Some(&programme.local_language));
    let values = match read_body(payload).await.and_then(|b| FormValues::parse(&b)) {
        Some(v) if v.len() <= MAX_PAIRS => v,
        _ => {
            let mut errors = ValidationErrors::default();
            errors.add("form", "too_long");
            let mut defaults = FormValues::default();
            defaults.set("message_language", lang.code());
            return render_form(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang,
                &programme,
                &defaults,
                &errors,
                &[],
            );
        }
    };
    let mut read = profile_form::read(&values);
    let participant = match NewParticipant::parse(read.input.clone(), &programme) {
        Ok(p) if read.errors.is_empty() => p,
        parsed => {
            if let Err(domain_errors) = parsed {
                read.add_domain_errors(domain_errors);
            }
            return render_form(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang,
                &programme,
                &values,
                &read.errors,
                &read.member_rows,
            );
        }
    };

    let public_url = state.settings.public_url();
    let now = Utc::now().naive_utc();
    let stored_programme = programme.clone();
    let result = state
        .db
        .run(move |db| {
            crate::signup::register(db, &stored_programme, &participant, &public_url, now)
        })
        .await;
    if let Err(e) = result {
        return pages::server_error(lang, &e);
    }
    let location = format!(
        "/signup/thanks?{}",
        serde_urlencoded::to_string([
            ("programme", programme.slug.as_str()),
            ("lang", lang.code())
        ])
        .unwrap_or_default()
    );
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// `GET /signup/thanks`: the same page whether or not the address was new.
#[get("/signup/thanks")]
pub async fn thanks(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let slug = programme_slug(&req, &state);
    let lang = language::request_language(&req, None);
    let page = PageCtx::new(
        lang,
        i18n::t(lang, "thanks-title"),
        "/signup/thanks",
        &signup_query(&slug),
    );
    let mut response = pages::render(
        StatusCode::OK,
        &MessagePage {
            page,
            paragraphs: vec![
                i18n::t(lang, "thanks-body"),
                i18n::t(lang, "thanks-no-email"),
            ],
            button_action: None,
            button_label: String::new(),
            link: None,
        },
    );
    pages::set_content_language(&mut response, lang);
    with_language_cookie(&req, response)
}

/// Registers the sign-up routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(thanks).service(form).service(submit);
}
