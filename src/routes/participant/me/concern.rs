//! "I have a concern" from the person's data page (`GET` and `POST
//! /me/{token}/matches/{id}/concern`): the same form and the same "what happens next" page as
//! from a check-in link, for a match of theirs that began (live or ended). The personal link is
//! the credential, as for the page's other forms.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;

use super::{link_problem, page_lang};
use crate::continuum::by_me::{self, MyChange};
use crate::continuum::concern::{self, RaiseError};
use crate::continuum::ContinuumError;
use crate::db::programmes;
use crate::domain::{UiLanguage, ValidationErrors};
use crate::introductions::language_of;
use crate::introductions::my_data::{self, MeLink};
use crate::routes::pages;
use crate::routes::participant::checkin::{concern_form, concern_sent_page};
use crate::routes::profile_form::FormValues;
use crate::state::AppState;

/// What the link and the match allow, with the person's language and programme name.
enum Access {
    Link(MeLink),
    Match(UiLanguage, String, MyChange),
}

/// `text`: None only looks; Some raises the concern (already validated) when allowed.
async fn act(
    state: &AppState,
    token: String,
    match_id: i32,
    text: Option<String>,
) -> Result<Access, RaiseError> {
    let public_url = state.settings.public_url();
    let now = Utc::now().naive_utc();
    state
        .db
        .run(move |db| {
            db.write(|conn| {
                let p = match my_data::lookup(conn, &token, now).map_err(ContinuumError::from)? {
                    MeLink::Valid(p) => p,
                    other => return Ok(Access::Link(other)),
                };
                let programme = programmes::by_id(conn, p.programme_id)
                    .map_err(ContinuumError::from)?
                    .map(|pr| pr.name)
                    .unwrap_or_default();
                let change = match &text {
                    Some(t) => by_me::raise_concern(conn, p.id, match_id, t, &public_url, now)?,
                    None => by_me::may_raise_concern(conn, p.id, match_id)?,
                };
                Ok(Access::Match(language_of(&p), programme, change))
            })
        })
        .await
}

fn refused(req: &HttpRequest, lang: UiLanguage, why: MyChange) -> HttpResponse {
    let (status, key) = match why {
        MyChange::NotYours => (StatusCode::NOT_FOUND, "me-unknown"),
        MyChange::NotLive | MyChange::Done => (StatusCode::CONFLICT, "me-change-not-live"),
    };
    pages::message(status, page_lang(req, Some(lang)), key, req.path(), &[])
}

/// `GET /me/{token}/matches/{id}/concern`: the form.
#[get("/me/{token}/matches/{id}/concern")]
pub async fn concern_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, i32)>,
) -> HttpResponse {
    let (token, id) = path.into_inner();
    match act(&state, token, id, None).await {
        Ok(Access::Match(lang, programme, MyChange::Done)) => concern_form(
            &req,
            lang,
            &programme,
            "",
            &ValidationErrors::default(),
            StatusCode::OK,
        ),
        Ok(Access::Match(lang, _, why)) => refused(&req, lang, why),
        Ok(Access::Link(link)) => link_problem(&req, &link),
        Err(e) => pages::server_error(page_lang(&req, None), &e),
    }
}

/// `POST /me/{token}/matches/{id}/concern` with the form field `concern`.
#[post("/me/{token}/matches/{id}/concern")]
pub async fn raise_concern(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, i32)>,
    body: web::Bytes,
) -> HttpResponse {
    let (token, id) = path.into_inner();
    let raw = FormValues::parse(&body)
        .unwrap_or_default()
        .get(concern::FIELD)
        .to_owned();
    let text = concern::parse_text(&raw);
    let invalid = |req: &HttpRequest, lang, programme: &str, errors: &ValidationErrors| {
        concern_form(
            req,
            lang,
            programme,
            &raw,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    match act(&state, token, id, text.as_ref().ok().cloned()).await {
        Ok(Access::Match(lang, programme, MyChange::Done)) => match &text {
            Ok(_) => concern_sent_page(&req, lang),
            Err(errors) => invalid(&req, lang, &programme, errors),
        },
        Ok(Access::Match(lang, _, why)) => refused(&req, lang, why),
        Ok(Access::Link(link)) => link_problem(&req, &link),
        Err(RaiseError::Invalid(errors)) => invalid(&req, page_lang(&req, None), "", &errors),
        Err(e) => pages::server_error(page_lang(&req, None), &e),
    }
}
