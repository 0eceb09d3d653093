//! `GET /coordinator/programmes/{slug}/to-contact`: the people without email and what to tell or
//! ask each of them (see [`crate::reach_by_phone`]), with the two things a coordinator records
//! after a call: a sign-up confirmed (`POST /coordinator/people/{id}/confirm-by-phone`) and an
//! introduction answered (`POST /coordinator/matches/{id}/answer`). Both go back to the list.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;

use super::{
    frame, programme_by_slug, query_pairs, respond, see_other, At, CoordError, Nav, PageError,
    Signed,
};
use crate::db::{matches, programmes, DbError};
use crate::domain::{Programme, Side};
use crate::i18n;
use crate::introductions::by_coordinator::{self, Recorded};
use crate::introductions::{contact_items, reasons, Answer, IntroError};
use crate::reach_by_phone::{self, Confirmed, Task, ToContact};
use crate::routes::pages::PageCtx;
use crate::state::AppState;

/// One card: a person and one thing to do.
pub(super) struct Item {
    anchor: String,
    person_id: i32,
    name: String,
    language: String,
    phone: Option<(String, String)>,
    title: String,
    details: Vec<String>,
    details_label: String,
    confirm_action: Option<String>,
    answer: Option<(String, &'static str)>,
    link: Option<(String, String)>,
}

/// The page.
#[derive(Template)]
#[template(path = "coordinator/to_contact.html")]
pub(super) struct ToContactPage {
    page: PageCtx,
    nav: Option<Nav>,
    programme: Programme,
    programme_name: String,
    csrf: String,
    items: Vec<Item>,
    notice: Option<String>,
}

fn item(lang: crate::domain::UiLanguage, line: &ToContact) -> Item {
    let p = &line.person;
    let date = |d: &dyn std::fmt::Display| d.to_string();
    let mut it = Item {
        anchor: String::new(),
        person_id: p.id,
        name: format!("{} {}", p.first_name, p.last_name)
            .trim()
            .to_owned(),
        language: i18n::language_name(lang, &p.message_language),
        phone: line
            .phone
            .as_ref()
            .map(|n| (n.as_str().to_owned(), n.readable())),
        title: String::new(),
        details: Vec::new(),
        details_label: String::new(),
        confirm_action: None,
        answer: None,
        link: None,
    };
    match &line.task {
        Task::ConfirmSignUp {
            signed_up,
            deleted_on,
        } => {
            it.anchor = format!("confirm-{}", p.id);
            it.title = i18n::t(lang, "reach-confirm-title");
            it.details = vec![i18n::t_args(
                lang,
                "reach-confirm-detail",
                &[
                    ("date", &date(&signed_up.format("%Y-%m-%d"))),
                    ("deleted", &date(&deleted_on.format("%Y-%m-%d"))),
                ],
            )];
            it.confirm_action = Some(format!("/coordinator/people/{}/confirm-by-phone", p.id));
        }
        Task::Introduce {
            match_id,
            side,
            other_first_name,
            reasons_json,
        } => {
            it.anchor = format!("introduce-{match_id}-{}", side.code());
            it.title = i18n::t_args(lang, "reach-introduce-title", &[("name", other_first_name)]);
            it.details_label = i18n::t(lang, "reach-introduce-why");
            it.details = reasons::describe_for(lang, reasons_json, reasons::Voice::Coordinator);
            it.answer = Some((
                format!("/coordinator/matches/{match_id}/answer"),
                side.code(),
            ));
        }
        Task::PassContactDetails { match_id, other } => {
            it.anchor = format!("contact-{match_id}-{}", p.id);
            it.title = i18n::t_args(lang, "reach-contact-title", &[("name", &other.first_name)]);
            it.details = contact_items(lang, other);
            it.link = Some((
                format!("/coordinator/matches/{match_id}"),
                i18n::t(lang, "reach-match-link"),
            ));
        }
        Task::AskCheckin { match_id, due } => {
            it.anchor = format!("checkin-{match_id}-{}", p.id);
            it.title = i18n::t_args(
                lang,
                "reach-checkin-title",
                &[("date", &date(&due.format("%Y-%m-%d")))],
            );
            it.link = Some((
                format!("/coordinator/matches/{match_id}"),
                i18n::t(lang, "reach-checkin-link"),
            ));
        }
    }
    it
}

/// `GET /coordinator/programmes/{slug}/to-contact[?done=saved|unchanged]`
#[get("/coordinator/programmes/{slug}/to-contact")]
pub(super) async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let now = Utc::now().naive_utc();
    let for_list = programme.clone();
    let lines = state
        .db
        .run(move |db| reach_by_phone::list(&mut *db.get()?, &for_list, now))
        .await
        .at(lang)?;
    let notice = query_pairs(&req)
        .into_iter()
        .find(|(k, _)| k == "done")
        .and_then(|(_, v)| match v.as_str() {
            "saved" => Some(i18n::t(lang, "reach-done")),
            "unchanged" => Some(i18n::t(lang, "reach-not-waiting")),
            _ => None,
        });
    let title = i18n::t_args(
        lang,
        "reach-title",
        &[("programme", programme.name_in(lang))],
    );
    let page = ToContactPage {
        page: frame(&req, lang, title),
        nav: Some(signed.nav()),
        csrf: signed.csrf.clone(),
        items: lines.iter().map(|l| item(lang, l)).collect(),
        programme_name: programme.name_in(lang).to_owned(),
        programme,
        notice,
    };
    Ok(respond(&req, StatusCode::OK, lang, &page))
}

fn back_to_list(slug: &str, saved: bool) -> HttpResponse {
    let done = if saved { "saved" } else { "unchanged" };
    see_other(&format!(
        "/coordinator/programmes/{slug}/to-contact?done={done}"
    ))
}

async fn slug_of(
    state: &AppState,
    signed: &Signed,
    programme_id: i32,
) -> Result<String, PageError> {
    signed.require_programme(programme_id)?;
    let lang = signed.lang;
    state
        .db
        .run(move |db| programmes::by_id(&mut *db.get()?, programme_id))
        .await
        .at(lang)?
        .map(|p| p.slug)
        .ok_or_else(|| PageError::new(lang, CoordError::NotFound))
}

/// `POST /coordinator/people/{id}/confirm-by-phone`: the coordinator spoke to a person who
/// signed up without email and confirms the sign-up for them.
#[post("/coordinator/people/{id}/confirm-by-phone")]
pub(super) async fn confirm_by_phone(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    signed.form(&body)?;
    let lang = signed.lang;
    let (person, _) = super::people::participant(&state, &signed, path.into_inner()).await?;
    let slug = slug_of(&state, &signed, person.programme_id).await?;
    let me = signed.coordinator.id;
    let now = Utc::now().naive_utc();
    let done = state
        .db
        .run(move |db| db.write(|c| reach_by_phone::confirm_by_phone(c, person.id, me, now)))
        .await
        .at(lang)?;
    Ok(back_to_list(&slug, done == Confirmed::Now))
}

/// `POST /coordinator/matches/{id}/answer` (`side`: seeker or buddy; `answer`: accept or
/// decline; `reason`: optional, for a decline): an introduction answer given by phone.
#[post("/coordinator/matches/{id}/answer")]
pub(super) async fn answer(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let values = signed.form(&body)?;
    let lang = signed.lang;
    let bad = || PageError::new(lang, CoordError::BadRequest);
    let side = Side::parse(values.get("side")).map_err(|_| bad())?;
    let answer = match values.get("answer") {
        "accept" => Answer::Accept,
        "decline" => Answer::Decline {
            reason: Some(values.get("reason").to_owned()),
        },
        _ => return Err(bad()),
    };
    let id = path.into_inner();
    let programme_id = state
        .db
        .run(move |db| matches::find(&mut *db.get()?, id))
        .await
        .at(lang)?
        .ok_or_else(|| PageError::new(lang, CoordError::NotFound))?
        .programme_id;
    let slug = slug_of(&state, &signed, programme_id).await?;
    let me = signed.coordinator.id;
    let settings = state.settings.clone();
    let now = Utc::now().naive_utc();
    let recorded = state
        .db
        .run(move |db| {
            db.write(|c| by_coordinator::record_answer(c, id, side, &answer, me, &settings, now))
        })
        .await
        .map_err(|e| match e {
            IntroError::Db(db) => db,
            other => DbError::Unexpected(anyhow::anyhow!("{other}")),
        })
        .at(lang)?;
    Ok(back_to_list(&slug, recorded != Recorded::NotWaiting))
}
