//! "I have a concern" from a check-in link: the form, storing it (coordinators are told at
//! once), and the page that says what happens next.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;

use super::page_lang;
use crate::continuum::by_link::{self, ConcernLink};
use crate::continuum::concern::{self, RaiseError};
use crate::domain::{UiLanguage, ValidationErrors};
use crate::i18n;
use crate::routes::language;
use crate::routes::pages::{self, MessagePage, PageCtx};
use crate::routes::profile_form::FormValues;
use crate::routes::widgets::{ErrorItem, Field};
use crate::state::AppState;

use super::form::{push_field, with_error};
use super::{now, post_target, problem_page, render};

#[derive(Template)]
#[template(path = "participant/concern.html")]
struct ConcernPage {
    page: PageCtx,
    intro: String,
    errors: Vec<ErrorItem>,
    action: String,
    concern: Field,
    emergency: String,
    send_label: String,
}

pub(in crate::routes::participant) fn concern_form(
    req: &HttpRequest,
    lang: UiLanguage,
    programme: &str,
    value: &str,
    errors: &ValidationErrors,
    status: StatusCode,
) -> HttpResponse {
    let lang = page_lang(req, Some(lang));
    let programme = i18n::isolate(programme);
    let args = [("programme", programme.as_str())];
    let mut field = with_error(
        Field::textarea(concern::FIELD, i18n::t(lang, "concern-label"), value)
            .hint(i18n::t(lang, "concern-hint"))
            .required(),
        errors,
        lang,
    );
    field.maxlength = concern::MAX_CONCERN_CHARS;
    let mut items = Vec::new();
    push_field(&mut items, &field, errors, lang);
    render(
        lang,
        status,
        &ConcernPage {
            page: PageCtx::new(lang, i18n::t(lang, "concern-title"), req.path(), &[]),
            intro: i18n::t_args(lang, "concern-intro", &args),
            errors: items,
            action: post_target(req, req.path().trim_end_matches('/')),
            concern: field,
            emergency: i18n::t(lang, "concern-emergency"),
            send_label: i18n::t(lang, "concern-send"),
        },
    )
}

async fn concern_access(state: &web::Data<AppState>, plain: String) -> Result<ConcernLink, String> {
    let at = now();
    state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            by_link::concern_access(&mut conn, &plain, at)
        })
        .await
        .map_err(|e| e.to_string())
}

/// `GET /checkin/{token}/concern`
#[get("/checkin/{token}/concern")]
pub async fn concern_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    match concern_access(&state, token.into_inner()).await {
        Ok(ConcernLink::Allowed(access)) => concern_form(
            &req,
            access.lang(),
            &access.programme,
            "",
            &ValidationErrors::default(),
            StatusCode::OK,
        ),
        Ok(ConcernLink::Refused(state)) => problem_page(&req, &state),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// `POST /checkin/{token}/concern` with the form field `concern`.
#[post("/checkin/{token}/concern")]
pub async fn raise_concern(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let plain = token.into_inner();
    let access = match concern_access(&state, plain.clone()).await {
        Ok(ConcernLink::Allowed(access)) => access,
        Ok(ConcernLink::Refused(state)) => return problem_page(&req, &state),
        Err(e) => return pages::server_error(language::request_language(&req, None), &e),
    };
    let values = FormValues::parse(&body).unwrap_or_default();
    let raw = values.get(concern::FIELD).to_owned();
    if let Err(errors) = concern::parse_text(&raw) {
        return concern_form(
            &req,
            access.lang(),
            &access.programme,
            &raw,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let public_url = state.settings.public_url();
    let at = now();
    let result = state
        .db
        .run(move |db| concern::raise_by_link(db, &plain, &raw, &public_url, at))
        .await;
    match result {
        Ok(ConcernLink::Allowed(access)) => concern_sent_page(&req, access.lang()),
        Ok(ConcernLink::Refused(state)) => problem_page(&req, &state),
        Err(RaiseError::Invalid(errors)) => concern_form(
            &req,
            access.lang(),
            &access.programme,
            values.get(concern::FIELD),
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// What happens next after a concern (also from the data page).
pub(in crate::routes::participant) fn concern_sent_page(
    req: &HttpRequest,
    lang: UiLanguage,
) -> HttpResponse {
    let lang = page_lang(req, Some(lang));
    let mut response = pages::render(
        StatusCode::OK,
        &MessagePage {
            page: PageCtx::new(lang, i18n::t(lang, "concern-sent-title"), req.path(), &[]),
            paragraphs: vec![
                i18n::t(lang, "concern-sent-body"),
                i18n::t(lang, "concern-sent-private"),
                i18n::t(lang, "concern-emergency"),
            ],
            button_action: None,
            button_label: String::new(),
            link: None,
        },
    );
    pages::set_content_language(&mut response, lang);
    response
}
