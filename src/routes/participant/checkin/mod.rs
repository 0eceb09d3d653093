//! `GET /checkin/{token}`: the one-minute check-in form (or, after a match closed, the two exit
//! questions: [`exit`]); `POST /checkin/{token}` stores the answer. `GET` and `POST /checkin/{token}/concern`: "I have a concern", allowed while the link
//! works and after it was used until it expires (it does not use the link up).
//!
//! Only POST changes anything, so mail scanners that follow links never answer for anyone. The
//! random token in the path is the credential (as for `/respond`). Bad input re-shows the form
//! with messages in the person's language and the values kept (422); used, expired and closed
//! links get 410, unknown ones 404.

mod concern_form;
mod exit;
mod form;

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::{NaiveDateTime, Utc};

use super::page_lang;
use crate::continuum::by_link::{self, AnswerOutcome, CheckinInvite, LinkState};
use crate::domain::{CheckinAnswer, GoOnAnswer, UiLanguage, ValidationErrors};
use crate::i18n;
use crate::routes::language;
use crate::routes::pages::{self, Link, MessagePage, PageCtx};
use crate::routes::profile_form::FormValues;
use crate::state::AppState;

pub(super) use concern_form::{concern_form, concern_sent_page};
pub use concern_form::{concern_page, raise_concern};
use form::{form_page, read};

fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// The page for a link that cannot be used.
fn problem_page(req: &HttpRequest, state: &LinkState) -> HttpResponse {
    let (status, key, lang) = match state {
        LinkState::Used(lang) => (StatusCode::GONE, "checkin-used", Some(*lang)),
        LinkState::Expired(lang) => (StatusCode::GONE, "checkin-expired", Some(*lang)),
        LinkState::Closed(lang) => (StatusCode::GONE, "checkin-closed", Some(*lang)),
        LinkState::Unknown | LinkState::Valid(_) | LinkState::Exit(_) => {
            (StatusCode::NOT_FOUND, "checkin-unknown", None)
        }
    };
    pages::message(status, page_lang(req, lang), key, req.path(), &[])
}

fn render(lang: UiLanguage, status: StatusCode, template: &impl Template) -> HttpResponse {
    let mut response = pages::render(status, template);
    pages::set_content_language(&mut response, lang);
    response
}

/// Where a form of this page posts to: `path`, keeping a `?lang=` the person chose, so the page
/// after sending stays in their language.
fn post_target(req: &HttpRequest, path: &str) -> String {
    match language::query_language(req) {
        Some(lang) => format!("{path}?lang={}", lang.code()),
        None => path.to_owned(),
    }
}

/// The path of the form (without a trailing `/concern`).
fn form_path(req: &HttpRequest) -> String {
    let path = req.path().trim_end_matches('/');
    path.strip_suffix("/concern").unwrap_or(path).to_owned()
}

async fn lookup(state: &web::Data<AppState>, plain: String) -> Result<LinkState, String> {
    let at = now();
    state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            by_link::lookup(&mut conn, &plain, at)
        })
        .await
        .map_err(|e| e.to_string())
}

/// `GET /checkin/{token}`
#[get("/checkin/{token}")]
pub async fn checkin_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    match lookup(&state, token.into_inner()).await {
        Ok(LinkState::Valid(inv)) => form_page(
            &req,
            &inv,
            &FormValues::default(),
            &ValidationErrors::default(),
            StatusCode::OK,
        ),
        Ok(LinkState::Exit(inv)) => exit::form(
            &req,
            &inv,
            &FormValues::default(),
            &ValidationErrors::default(),
            StatusCode::OK,
        ),
        Ok(other) => problem_page(&req, &other),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// `POST /checkin/{token}` with the form fields named as in [`CheckinInput`] (`continue` for
/// "Shall we go on?", repeated `met_how`, `gave`, `received`).
#[post("/checkin/{token}")]
pub async fn answer(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let plain = token.into_inner();
    let inv = match lookup(&state, plain.clone()).await {
        Ok(LinkState::Valid(inv)) => inv,
        Ok(LinkState::Exit(inv)) => return exit::answer(&req, &state, plain, &inv, &body).await,
        Ok(other) => return problem_page(&req, &other),
        Err(e) => return pages::server_error(language::request_language(&req, None), &e),
    };
    // Something that is not form data reads as an empty form: every required field is named.
    let values = FormValues::parse(&body).unwrap_or_default();
    let (input, mut errors) = read(&values, &inv);
    let at = now();
    let parsed = match CheckinAnswer::parse(&input, at.date()) {
        Ok(a) if errors.is_empty() => a,
        Ok(_) => {
            return form_page(
                &req,
                &inv,
                &values,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(domain) => {
            for f in domain.errors {
                if errors.code_for(&f.field).is_none() {
                    errors.errors.push(f);
                }
            }
            return form_page(
                &req,
                &inv,
                &values,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let go_on = parsed.go_on;
    let result = state
        .db
        .run(move |db| by_link::answer(db, &plain, &parsed, at))
        .await;
    match result {
        Ok(AnswerOutcome::Answered { invite, changed }) => {
            thanks_page(&req, &invite, changed, go_on)
        }
        Ok(AnswerOutcome::NotUsable(state)) => problem_page(&req, &state),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// The page after an answer: thanks, what changed, and the way to raise a concern.
fn thanks_page(
    req: &HttpRequest,
    inv: &CheckinInvite,
    changed: bool,
    go_on: GoOnAnswer,
) -> HttpResponse {
    let lang = page_lang(req, Some(inv.lang()));
    let name = i18n::isolate(&inv.partner_first_name);
    let programme = i18n::isolate(&inv.programme);
    let mut paragraphs = vec![i18n::t_args(
        lang,
        "checkin-thanks-body",
        &[("name", name.as_str()), ("programme", programme.as_str())],
    )];
    if changed {
        match go_on {
            GoOnAnswer::Pause { until } => {
                let date = until.format("%Y-%m-%d").to_string();
                paragraphs.push(i18n::t_args(
                    lang,
                    "checkin-thanks-paused",
                    &[("date", date.as_str())],
                ));
            }
            GoOnAnswer::End { .. } => paragraphs.push(i18n::t(lang, "checkin-thanks-ended")),
            GoOnAnswer::Yes => {}
        }
    }
    let path = form_path(req);
    let mut response = pages::render(
        StatusCode::OK,
        &MessagePage {
            page: PageCtx::new(lang, i18n::t(lang, "checkin-thanks-title"), req.path(), &[]),
            paragraphs,
            button_action: None,
            button_label: String::new(),
            link: Some(Link {
                href: format!("{path}/concern"),
                text: i18n::t(lang, "checkin-concern-link"),
            }),
        },
    );
    pages::set_content_language(&mut response, lang);
    response
}
