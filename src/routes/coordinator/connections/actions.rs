//! The coordinator's actions on a match page (POST, CSRF-checked, audited by the services): add
//! a note, pause, resume, close, record a check-in after a call, mark a concern handled. Bad
//! input re-shows the page with the messages (422); a done action goes back to the page.

use actix_web::http::StatusCode;
use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;

use super::super::{respond, see_other, At, PageError, Signed};
use super::live_match;
use super::match_page::{load, page};
use crate::continuum::{closing, records, ContinuumError};
use crate::domain::checkin::{self, CheckinAnswer, CheckinInput};
use crate::domain::{CloseReason, ValidationErrors};
use crate::i18n;
use crate::state::AppState;

fn back(id: i32) -> HttpResponse {
    see_other(&format!("/coordinator/matches/{id}"))
}

/// The match page again with `errors` (field, code) in the coordinator's words.
async fn refused(
    req: &HttpRequest,
    state: &AppState,
    signed: &Signed,
    id: i32,
    errors: &[(String, &'static str)],
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let tl = load(state, signed, id).await?;
    let messages = errors
        .iter()
        .map(|(field, code)| {
            format!(
                "{}: {}",
                i18n::coded(lang, "conn-field", field),
                i18n::error_message(lang, code)
            )
        })
        .collect();
    let page = page(req, signed, &tl, messages);
    Ok(respond(req, StatusCode::UNPROCESSABLE_ENTITY, lang, &page))
}

fn codes(e: ValidationErrors) -> Vec<(String, &'static str)> {
    e.errors.into_iter().map(|f| (f.field, f.code)).collect()
}

/// Runs a continuum service in a write transaction for the signed-in coordinator.
async fn run<T, F>(state: &AppState, signed: &Signed, f: F) -> Result<T, PageError>
where
    T: Send + 'static,
    F: FnOnce(&mut crate::db::DbConnection, i32) -> Result<T, ContinuumError> + Send + 'static,
{
    let me = signed.coordinator.id;
    state
        .db
        .run(move |db| db.write(|c| f(c, me)))
        .await
        .map_err(|e| match e {
            ContinuumError::Db(db) => db,
            other => crate::db::DbError::Unexpected(anyhow::anyhow!("{other}")),
        })
        .at(signed.lang)
}

/// `POST /coordinator/matches/{id}/note` (`body`)
#[post("/coordinator/matches/{id}/note")]
pub(super) async fn note(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let values = signed.form(&body)?;
    let id = live_match(&state, &signed, path.into_inner()).await?.id;
    let text = match checkin::coordinator_note(values.get("body")) {
        Ok(t) => t,
        Err(code) => return refused(&req, &state, &signed, id, &[("body".into(), code)]).await,
    };
    let now = Utc::now().naive_utc();
    run(&state, &signed, move |c, me| {
        records::add_note(c, id, &text, me, now)
    })
    .await?;
    Ok(back(id))
}

/// `POST /coordinator/matches/{id}/pause` (`until`, a date after today, at most six months on)
#[post("/coordinator/matches/{id}/pause")]
pub(super) async fn pause(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let values = signed.form(&body)?;
    let id = live_match(&state, &signed, path.into_inner()).await?.id;
    let now = Utc::now().naive_utc();
    let until = match checkin::pause_date(Some(values.get("until")), now.date()) {
        Ok(d) => d,
        Err(code) => return refused(&req, &state, &signed, id, &[("until".into(), code)]).await,
    };
    run(&state, &signed, move |c, me| {
        closing::pause(c, id, until, closing::Actor::Coordinator(me), now)
    })
    .await?;
    Ok(back(id))
}

/// `POST /coordinator/matches/{id}/resume`
#[post("/coordinator/matches/{id}/resume")]
pub(super) async fn resume(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    signed.form(&body)?;
    let id = live_match(&state, &signed, path.into_inner()).await?.id;
    let now = Utc::now().naive_utc();
    run(&state, &signed, move |c, me| {
        closing::resume(c, id, closing::Actor::Coordinator(me), now)
    })
    .await?;
    Ok(back(id))
}

/// `POST /coordinator/matches/{id}/close` (`reason`: a close reason code). "Not a good fit" and
/// "no longer available" put the seeker back in the pool with the pair forbidden.
#[post("/coordinator/matches/{id}/close")]
pub(super) async fn close(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let values = signed.form(&body)?;
    let id = live_match(&state, &signed, path.into_inner()).await?.id;
    let reason =
        match crate::domain::form_choice::required(values.get("reason"), CloseReason::parse) {
            Ok(r) => r,
            Err(code) => {
                return refused(&req, &state, &signed, id, &[("reason".into(), code)]).await
            }
        };
    let now = Utc::now().naive_utc();
    run(&state, &signed, move |c, me| {
        closing::close(c, id, reason, closing::Actor::Coordinator(me), now)
    })
    .await?;
    Ok(back(id))
}

/// `POST /coordinator/matches/{id}/checkin`: a check-in recorded after a call, for `side`, with
/// the check-in form's fields.
#[post("/coordinator/matches/{id}/checkin")]
pub(super) async fn record_checkin(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let values = signed.form(&body)?;
    let id = live_match(&state, &signed, path.into_inner()).await?.id;
    let number = |name: &str| values.get(name).trim().parse::<i32>().ok();
    let text = |name: &str| Some(values.get(name).to_owned()).filter(|v| !v.trim().is_empty());
    let list = |name: &str| values.all(name).map(str::to_owned).collect::<Vec<_>>();
    let input = CheckinInput {
        side: values.get("side").to_owned(),
        met: values.get("met").to_owned(),
        met_how: list("met_how"),
        going: number("going"),
        trust: number("trust"),
        gave: list("gave"),
        received: list("received"),
        go_on: values.get("continue").to_owned(),
        pause_until: text("pause_until"),
        end_reason: text("end_reason"),
        carry_on_without_programme: values.has("carry_on_without_programme", "yes"),
        note: text("note"),
        belonging: number("belonging"),
        conversation: number("conversation"),
        wants_to_volunteer: values.has("wants_to_volunteer", "yes"),
    };
    let now = Utc::now().naive_utc();
    let answer = match CheckinAnswer::parse(&input, now.date()) {
        Ok(a) => a,
        Err(e) => return refused(&req, &state, &signed, id, &codes(e)).await,
    };
    run(&state, &signed, move |c, me| {
        records::record_checkin(c, id, &answer, me, now)
    })
    .await?;
    Ok(back(id))
}

/// `POST /coordinator/matches/{id}/concerns/{concern}/handled`
#[post("/coordinator/matches/{id}/concerns/{concern}/handled")]
pub(super) async fn concern_handled(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<(i32, i32)>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    signed.form(&body)?;
    let (id, concern) = path.into_inner();
    let id = live_match(&state, &signed, id).await?.id;
    let now = Utc::now().naive_utc();
    run(&state, &signed, move |c, me| {
        records::concern_handled(c, id, concern, me, now)
    })
    .await?;
    Ok(back(id))
}
