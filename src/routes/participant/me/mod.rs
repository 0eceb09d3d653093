//! The personal data pages behind `/me/<token>`: see, correct (`POST .../profile`, 422 with
//! messages on bad input), download (`GET .../export.json`), withdraw consent
//! (`POST .../withdraw`) and erase (`POST .../delete` with `confirm=yes`). `GET /me` and
//! `POST /me/request` send a fresh link to an address, with the same answer whether or not the
//! address is known. The person's own match: pause, end ([`continuum`]) and "I have a concern"
//! ([`concern`]). The random token in the path is the credential.

use actix_web::http::{header, StatusCode};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::{NaiveDateTime, Utc};

pub mod concern;
pub mod continuum;
mod page;

use super::page_lang;
use crate::db::participants::{Participant, Updated};
use crate::db::{DbConnection, DbError};
use crate::domain::{ProfileInput, UiLanguage, ValidationErrors};
use crate::i18n;
use crate::introductions::my_data::{self, MeLink};
use crate::introductions::{self, IntroError};
use crate::routes::pages::{self, MessagePage, PageCtx};
use crate::routes::profile_form::{self, FormValues};
use crate::state::AppState;
use page::{load, me_page, Loaded};

/// Largest form body accepted.
const MAX_BODY: usize = 32 * 1024;

#[derive(Template)]
#[template(path = "participant/request.html")]
struct RequestPage {
    page: PageCtx,
    intro: String,
    action: String,
    programme: String,
    email_label: String,
    button: String,
}

fn link_problem(req: &HttpRequest, link: &MeLink) -> HttpResponse {
    match link {
        MeLink::Expired(lang) => {
            let lang = page_lang(req, *lang);
            pages::message(StatusCode::GONE, lang, "me-expired", req.path(), &[])
        }
        MeLink::Unknown | MeLink::Valid(_) => {
            let lang = page_lang(req, None);
            pages::message(StatusCode::NOT_FOUND, lang, "me-unknown", req.path(), &[])
        }
    }
}

/// Loads the person behind a link and their page data.
async fn resolve(state: &AppState, token: String) -> Result<Result<Loaded, MeLink>, DbError> {
    let now = Utc::now().naive_utc();
    state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            match my_data::lookup(&mut conn, &token, now)? {
                MeLink::Valid(p) => Ok(load(&mut conn, *p)?.ok_or(MeLink::Unknown)),
                other => Ok(Err(other)),
            }
        })
        .await
}

/// `GET /me/{token}`
#[get("/me/{token}")]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    let token = token.into_inner();
    match resolve(&state, token.clone()).await {
        Ok(Ok(l)) => me_page(
            &req,
            StatusCode::OK,
            &token,
            &l,
            &l.input,
            &ValidationErrors::default(),
            None,
            None,
        ),
        Ok(Err(link)) => link_problem(&req, &link),
        Err(e) => pages::server_error(page_lang(&req, None), &e),
    }
}

fn parse_form(body: &[u8]) -> Option<FormValues> {
    if body.len() > MAX_BODY {
        return None;
    }
    FormValues::parse(body)
}

/// The fields a person may correct themselves (the rest is the coordinator's to change).
const CORRECTABLE: [&str; 9] = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "message_language",
    "max_travel_km",
    "online_ok",
    "availability",
    "interests",
];

/// Applies the submitted correctable fields to the stored profile, read by the one profile
/// reader; what could not be read (a number of "abc") goes to `errors`.
fn apply(values: &FormValues, input: &mut ProfileInput, errors: &mut ValidationErrors) {
    let profile_form::ProfileRead {
        input: read,
        errors: read_errors,
        ..
    } = profile_form::read(values);
    input.first_name = read.first_name;
    input.last_name = read.last_name;
    input.email = read.email;
    input.phone = read.phone;
    input.message_language = read.message_language;
    input.max_travel_km = read.max_travel_km;
    input.online_ok = read.online_ok;
    input.availability = read.availability;
    input.interests = read.interests;
    errors.errors.extend(
        read_errors
            .errors
            .into_iter()
            .filter(|e| CORRECTABLE.contains(&e.field.as_str())),
    );
}

/// `POST /me/{token}/profile`: corrects the profile (422 and the form with messages on bad input).
#[post("/me/{token}/profile")]
pub async fn correct(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let token = token.into_inner();
    let l = match resolve(&state, token.clone()).await {
        Ok(Ok(l)) => l,
        Ok(Err(link)) => return link_problem(&req, &link),
        Err(e) => return pages::server_error(page_lang(&req, None), &e),
    };
    let mut errors = ValidationErrors::default();
    let mut input = l.input.clone();
    match parse_form(&body) {
        Some(values) => apply(&values, &mut input, &mut errors),
        None => errors.add("first_name", "too_long"),
    }
    let parsed = my_data::corrected(input.clone(), |_| {}, &l.programme);
    let new = match parsed {
        Ok(p) if errors.is_empty() => p,
        Ok(_) => {
            return me_page(
                &req,
                StatusCode::UNPROCESSABLE_ENTITY,
                &token,
                &l,
                &input,
                &errors,
                None,
                None,
            )
        }
        Err(domain) => {
            for e in domain.errors {
                if errors.code_for(&e.field).is_none() {
                    errors.errors.push(e);
                }
            }
            return me_page(
                &req,
                StatusCode::UNPROCESSABLE_ENTITY,
                &token,
                &l,
                &input,
                &errors,
                None,
                None,
            );
        }
    };
    let now = Utc::now().naive_utc();
    let person = l.person.clone();
    let saved = state
        .db
        .run(move |db| db.write(|conn| my_data::save_correction(conn, &person, &new, now)))
        .await;
    let refused = match &saved {
        // Gone meanwhile: the link's page below says so.
        Ok(Updated::Stored | Updated::NotFound) => None,
        Ok(Updated::AreaGone) => Some(("area", "unknown_area")),
        Err(e) if e.is_unique_violation() => Some(("email", "email_taken")),
        Err(e) => return pages::server_error(page_lang(&req, None), e),
    };
    if let Some((field, code)) = refused {
        errors.add(field, code);
        return me_page(
            &req,
            StatusCode::UNPROCESSABLE_ENTITY,
            &token,
            &l,
            &input,
            &errors,
            None,
            None,
        );
    }
    match resolve(&state, token.clone()).await {
        Ok(Ok(l)) => {
            let lang = page_lang(&req, Some(introductions::language_of(&l.person)));
            me_page(
                &req,
                StatusCode::OK,
                &token,
                &l,
                &l.input,
                &ValidationErrors::default(),
                Some(i18n::t(lang, "me-saved")),
                None,
            )
        }
        Ok(Err(link)) => link_problem(&req, &link),
        Err(e) => pages::server_error(page_lang(&req, None), &e),
    }
}

/// `GET /me/{token}/export.json`: the person's own data as a JSON download.
#[get("/me/{token}/export.json")]
pub async fn export(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    let token = token.into_inner();
    let now = Utc::now().naive_utc();
    let result = state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            match my_data::lookup(&mut conn, &token, now)? {
                MeLink::Valid(p) => Ok::<_, DbError>(Ok(my_data::export(&mut conn, &p)?)),
                other => Ok(Err(other)),
            }
        })
        .await;
    match result {
        Ok(Ok(json)) => HttpResponse::Ok()
            .insert_header((
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"my-data.json\"",
            ))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(json),
        Ok(Err(link)) => link_problem(&req, &link),
        Err(e) => pages::server_error(page_lang(&req, None), &e),
    }
}

fn done_page(req: &HttpRequest, lang: UiLanguage, key: &str) -> HttpResponse {
    let page = PageCtx::new(
        lang,
        i18n::t(lang, &format!("{key}-title")),
        req.path(),
        &[],
    );
    let mut response = pages::render(
        StatusCode::OK,
        &MessagePage {
            page,
            paragraphs: vec![i18n::t(lang, &format!("{key}-body"))],
            button_action: None,
            button_label: String::new(),
            link: None,
        },
    );
    pages::set_content_language(&mut response, lang);
    response
}

/// `POST /me/{token}/withdraw`: withdraws consent; the person leaves the pool and live matches end.
#[post("/me/{token}/withdraw")]
pub async fn withdraw(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    act_on_link(
        &req,
        &state,
        token.into_inner(),
        my_data::withdraw,
        "me-withdrawn",
    )
    .await
}

/// Runs `action` on the person behind a valid personal link in one write transaction, then
/// shows the `done` page in their language (or what is wrong with the link).
async fn act_on_link(
    req: &HttpRequest,
    state: &AppState,
    token: String,
    action: fn(&mut DbConnection, &Participant, NaiveDateTime) -> Result<(), DbError>,
    done: &str,
) -> HttpResponse {
    let now = Utc::now().naive_utc();
    let result = state
        .db
        .run(move |db| {
            db.write(|conn| match my_data::lookup(conn, &token, now)? {
                MeLink::Valid(p) => {
                    action(conn, &p, now)?;
                    Ok::<_, DbError>(Ok(introductions::language_of(&p)))
                }
                other => Ok(Err(other)),
            })
        })
        .await;
    match result {
        Ok(Ok(lang)) => done_page(req, page_lang(req, Some(lang)), done),
        Ok(Err(link)) => link_problem(req, &link),
        Err(e) => pages::server_error(page_lang(req, None), &e),
    }
}

/// `POST /me/{token}/delete` with `confirm=yes`: erases the person's data.
#[post("/me/{token}/delete")]
pub async fn delete(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let token = token.into_inner();
    let confirmed = parse_form(&body).is_some_and(|v| v.get("confirm") == "yes");
    if !confirmed {
        return match resolve(&state, token.clone()).await {
            Ok(Ok(l)) => {
                let lang = page_lang(&req, Some(introductions::language_of(&l.person)));
                me_page(
                    &req,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &token,
                    &l,
                    &l.input,
                    &ValidationErrors::default(),
                    None,
                    Some(i18n::t(lang, "me-delete-not-confirmed")),
                )
            }
            Ok(Err(link)) => link_problem(&req, &link),
            Err(e) => pages::server_error(page_lang(&req, None), &e),
        };
    }
    act_on_link(&req, &state, token, my_data::erase, "me-deleted").await
}

/// `GET /me?programme=<slug>`: the form to ask for a personal link.
#[get("/me")]
pub async fn request_form(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let lang = page_lang(&req, None);
    let programme = i18n::query_param(req.query_string(), "programme")
        .unwrap_or_else(|| state.settings.demo_programme.clone());
    let page = PageCtx::new(
        lang,
        i18n::t(lang, "me-request-title"),
        "/me",
        &[("programme", programme.as_str())],
    );
    let mut response = pages::render(
        StatusCode::OK,
        &RequestPage {
            page,
            intro: i18n::t(lang, "me-request-intro"),
            action: format!("/me/request?lang={}", lang.code()),
            programme,
            email_label: i18n::t(lang, "field-email"),
            button: i18n::t(lang, "me-request-button"),
        },
    );
    pages::set_content_language(&mut response, lang);
    response
}

/// `POST /me/request` (`email`, `programme`): emails a fresh link if the address is known; the
/// same page either way.
#[post("/me/request")]
pub async fn request_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let lang = page_lang(&req, None);
    let values = parse_form(&body).unwrap_or_default();
    let email = values.get("email").trim().to_owned();
    let programme = {
        let p = values.get("programme").trim();
        if p.is_empty() {
            state.settings.demo_programme.clone()
        } else {
            p.to_owned()
        }
    };
    if email.is_empty() || programme.len() > 100 {
        let page = PageCtx::new(lang, i18n::t(lang, "me-request-title"), "/me", &[]);
        let mut response = pages::render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RequestPage {
                page,
                intro: format!(
                    "{}: {}",
                    i18n::t(lang, "field-email"),
                    i18n::error_message(lang, "required")
                ),
                action: format!("/me/request?lang={}", lang.code()),
                programme,
                email_label: i18n::t(lang, "field-email"),
                button: i18n::t(lang, "me-request-button"),
            },
        );
        pages::set_content_language(&mut response, lang);
        return response;
    }
    let settings = state.settings.clone();
    let now = Utc::now().naive_utc();
    let result = state
        .db
        .run(move |db| {
            db.write(|conn| my_data::request_link(conn, &programme, &email, &settings, now))
        })
        .await;
    match result {
        Ok(_) => done_page(&req, lang, "me-request-sent"),
        Err(IntroError::Db(e)) => pages::server_error(lang, &e),
        Err(e) => pages::server_error(lang, &e),
    }
}
