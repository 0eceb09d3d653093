//! The person's own match on their data page: pause it until a date, or end it with a neutral
//! reason (`POST /me/{token}/matches/{id}/pause`, `.../end`). The personal link is the
//! credential, as for the page's other forms.

use actix_web::http::StatusCode;
use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;

use super::{done_page, link_problem, page_lang};
use crate::continuum::by_me::{self, MyChange};
use crate::domain::checkin::pause_date;
use crate::domain::{CloseReason, UiLanguage};
use crate::introductions::language_of;
use crate::introductions::my_data::{self, MeLink};
use crate::routes::pages;
use crate::routes::profile_form::FormValues;
use crate::state::AppState;

/// What the person asked for.
enum Wish {
    Pause(chrono::NaiveDate),
    End(CloseReason),
}

async fn change(
    req: &HttpRequest,
    state: &AppState,
    token: String,
    match_id: i32,
    body: &[u8],
    read: fn(&FormValues) -> Result<Wish, &'static str>,
) -> HttpResponse {
    let wish = FormValues::parse(body)
        .ok_or("invalid")
        .and_then(|v| read(&v));
    let now = Utc::now().naive_utc();
    let result = state
        .db
        .run(move |db| {
            db.write(|conn| {
                let p = match my_data::lookup(conn, &token, now)? {
                    MeLink::Valid(p) => p,
                    other => return Ok(Err(Err(other))),
                };
                let lang = language_of(&p);
                let wish = match wish {
                    Ok(w) => w,
                    Err(code) => return Ok(Err(Ok((lang, code)))),
                };
                let done = match wish {
                    Wish::Pause(until) => by_me::pause(conn, p.id, match_id, until, now)?,
                    Wish::End(reason) => by_me::end(conn, p.id, match_id, reason, now)?,
                };
                Ok::<_, crate::continuum::ContinuumError>(Ok((lang, done)))
            })
        })
        .await;
    match result {
        Ok(Ok((lang, MyChange::Done))) => done_page(req, page_lang(req, Some(lang)), "me-changed"),
        Ok(Ok((lang, _))) => pages::message(
            StatusCode::CONFLICT,
            page_lang(req, Some(lang)),
            "me-change-not-live",
            req.path(),
            &[],
        ),
        Ok(Err(Ok((lang, _code)))) => pages::message(
            StatusCode::UNPROCESSABLE_ENTITY,
            page_lang(req, Some(lang)),
            "me-change-invalid",
            req.path(),
            &[],
        ),
        Ok(Err(Err(link))) => link_problem(req, &link),
        Err(e) => pages::server_error(page_lang(req, None::<UiLanguage>), &e),
    }
}

/// `POST /me/{token}/matches/{id}/pause` with `until` (`YYYY-MM-DD`).
#[post("/me/{token}/matches/{id}/pause")]
pub async fn pause(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, i32)>,
    body: web::Bytes,
) -> HttpResponse {
    let (token, id) = path.into_inner();
    change(&req, &state, token, id, &body, |v| {
        pause_date(Some(v.get("until")), Utc::now().date_naive()).map(Wish::Pause)
    })
    .await
}

/// `POST /me/{token}/matches/{id}/end` with `reason` (a close reason code).
#[post("/me/{token}/matches/{id}/end")]
pub async fn end(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, i32)>,
    body: web::Bytes,
) -> HttpResponse {
    let (token, id) = path.into_inner();
    change(&req, &state, token, id, &body, |v| {
        CloseReason::parse(v.get("reason").trim())
            .map(Wish::End)
            .map_err(|_| "invalid_choice")
    })
    .await
}
