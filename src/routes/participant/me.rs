//! The personal data pages behind `/me/<token>`: see, correct (`POST .../profile`, 422 with
//! messages on bad input), download (`GET .../export.json`), withdraw consent
//! (`POST .../withdraw`) and erase (`POST .../delete` with `confirm=yes`). `GET /me` and
//! `POST /me/request` send a fresh link to an address, with the same answer whether or not the
//! address is known. The random token in the path is the credential.

use actix_web::http::{header, StatusCode};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::{NaiveDateTime, Utc};

use super::page_lang;
use crate::db::participants::{self, Participant};
use crate::db::{programmes, DbConnection, DbError};
use crate::domain::{
    interests, Availability, MatchStatus, ParticipantStatus, ProfileInput, Programme, UiLanguage,
    ValidationErrors,
};
use crate::i18n;
use crate::introductions::my_data::{self, MeLink, MyMatch};
use crate::introductions::{self, contact_items, IntroError};
use crate::routes::pages::{self, MessagePage, PageCtx};
use crate::routes::profile_form::{self, joined, FormValues, ProfileText};
use crate::routes::widgets::Field;
use crate::state::AppState;

/// Largest form body accepted.
const MAX_BODY: usize = 32 * 1024;

/// One match as the person sees it.
#[derive(Debug, Clone)]
pub struct MatchView {
    text: String,
    contact: Vec<String>,
    respond_hint: Option<String>,
}

#[derive(Template)]
#[template(path = "participant/me.html")]
struct MePage {
    page: PageCtx,
    base: String,
    notice: Option<String>,
    errors: Vec<(String, String)>,
    status_text: String,
    matches_heading: String,
    no_matches: String,
    matches: Vec<MatchView>,
    profile_heading: String,
    profile: Vec<(String, String)>,
    correct_heading: String,
    correct_hint: String,
    fields: Vec<Field>,
    save_label: String,
    download_heading: String,
    download_label: String,
    can_withdraw: bool,
    withdraw_heading: String,
    withdraw_text: String,
    withdraw_label: String,
    delete_heading: String,
    delete_text: String,
    delete_confirm: String,
    delete_label: String,
    delete_error: Option<String>,
}

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

/// Everything the page shows, loaded in one go.
struct Loaded {
    person: Participant,
    programme: Programme,
    input: ProfileInput,
    matches: Vec<(MyMatch, Option<Participant>)>,
}

fn load(
    conn: &mut crate::db::DbConnection,
    person: Participant,
) -> Result<Option<Loaded>, DbError> {
    let Some(programme) = programmes::by_id(conn, person.programme_id)? else {
        return Ok(None);
    };
    let mut input = person.to_profile_input()?;
    input.household_members = participants::household(conn, person.id)?;
    let mut matches = Vec::new();
    for m in my_data::my_matches(conn, person.id)? {
        let other = participants::find(conn, m.other_id)?;
        matches.push((m, other));
    }
    Ok(Some(Loaded {
        person,
        programme,
        input,
        matches,
    }))
}

fn yes_no(lang: UiLanguage, b: bool) -> String {
    i18n::t(lang, if b { "me-yes" } else { "me-no" })
}

fn profile_rows(lang: UiLanguage, l: &Loaded) -> Vec<(String, String)> {
    let t = |id: &str| i18n::t(lang, id);
    let words = ProfileText {
        lang,
        programme: &l.programme,
    };
    let p = &l.input;
    let not_given = || t("not-given");
    let list = |items: Vec<String>| joined(items, not_given);
    vec![
        (t("field-first-name"), p.first_name.clone()),
        (t("field-last-name"), p.last_name.clone()),
        (t("field-email"), p.email.clone()),
        (t("field-phone"), p.phone.clone().unwrap_or_else(not_given)),
        (
            t("field-message-language"),
            UiLanguage::parse(&p.message_language).map_or_else(
                |_| p.message_language.clone(),
                |l| l.native_name().to_owned(),
            ),
        ),
        (t("role-legend"), t(&format!("role-{}", p.role))),
        (t("field-volunteer"), yes_no(lang, p.volunteer)),
        (
            t("field-birth-year"),
            p.birth_year.map_or_else(not_given, |y| y.to_string()),
        ),
        (
            t("section-languages"),
            list(
                p.languages
                    .iter()
                    .map(|x| words.language(&x.code, &x.level))
                    .collect(),
            ),
        ),
        (
            t("field-practise-languages"),
            list(words.language_names(&p.practise_languages)),
        ),
        (t("interests-legend"), list(words.interests(&p.interests))),
        (
            t("availability-legend"),
            list(words.slots(p.availability.iter().map(String::as_str))),
        ),
        (
            t("field-area"),
            p.area.as_deref().map_or_else(not_given, |a| words.area(a)),
        ),
        (
            t("field-max-travel"),
            p.max_travel_km
                .map_or_else(not_given, |k| format!("{k} km")),
        ),
        (t("field-online-ok"), yes_no(lang, p.online_ok)),
        (
            t("household-members-legend"),
            list(
                p.household_members
                    .iter()
                    .map(|m| m.first_name.clone())
                    .collect(),
            ),
        ),
        (t("share-legend"), list(words.domains(&p.share_domains))),
        (t("learn-legend"), list(words.domains(&p.learn_domains))),
    ]
}

fn match_views(lang: UiLanguage, l: &Loaded) -> Vec<MatchView> {
    l.matches
        .iter()
        .map(|(m, other)| {
            let name = other
                .as_ref()
                .map_or_else(String::new, |o| i18n::isolate(&o.first_name));
            let key = match (m.status, m.my_response) {
                (MatchStatus::Approved, Some(_)) => "me-match-waiting-other",
                (MatchStatus::Approved, None) => "me-match-waiting-you",
                (MatchStatus::Active, _) => "me-match-active",
                (MatchStatus::Declined, _) => "me-match-declined",
                _ => "me-match-closed",
            };
            // Contact details only once both have accepted (the match is active).
            let contact = match other {
                Some(o) if m.status == MatchStatus::Active => contact_items(lang, o),
                _ => Vec::new(),
            };
            MatchView {
                text: i18n::t_args(lang, key, &[("name", &name)]),
                contact,
                respond_hint: (m.status == MatchStatus::Approved && m.my_response.is_none())
                    .then(|| i18n::t(lang, "me-match-respond-hint")),
            }
        })
        .collect()
}

/// The correction form: contact details, message language, travel distance, online,
/// availability and interests (the rest is changed through the coordinator).
fn fields(
    lang: UiLanguage,
    programme: &Programme,
    values: &ProfileInput,
    errors: &ValidationErrors,
) -> Vec<Field> {
    let err = |f: &str| errors.code_for(f).map(|c| i18n::error_message(lang, c));
    let words = ProfileText { lang, programme };
    let text = |name: &str, label: &str, kind: &'static str, value: &str| Field {
        error: err(name),
        maxlength: 254,
        ..Field::input(kind, name, i18n::t(lang, label), value)
    };
    let mut interest_options: Vec<String> =
        interests::KNOWN.iter().map(|s| (*s).to_owned()).collect();
    for tag in programme.interests.iter().chain(values.interests.iter()) {
        if !interest_options.contains(tag) {
            interest_options.push(tag.clone());
        }
    }
    vec![
        text("first_name", "field-first-name", "text", &values.first_name),
        text("last_name", "field-last-name", "text", &values.last_name),
        text("email", "field-email", "email", &values.email),
        text(
            "phone",
            "field-phone",
            "tel",
            values.phone.as_deref().unwrap_or_default(),
        ),
        Field {
            error: err("message_language"),
            ..Field::select(
                "message_language",
                i18n::t(lang, "field-message-language"),
                &values.message_language,
                UiLanguage::ALL
                    .iter()
                    .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
                    .collect(),
            )
        },
        text(
            "max_travel_km",
            "field-max-travel",
            "text",
            &values
                .max_travel_km
                .map(|k| k.to_string())
                .unwrap_or_default(),
        ),
        Field::checkbox(
            "online_ok",
            i18n::t(lang, "field-online-ok"),
            values.online_ok,
        ),
        Field {
            error: err("availability"),
            ..Field::group(
                "availability",
                i18n::t(lang, "availability-legend"),
                true,
                Availability::SLOT_NAMES
                    .iter()
                    .map(|s| ((*s).to_owned(), words.slot(s)))
                    .collect(),
                |v| values.availability.iter().any(|s| s == v),
            )
        },
        Field {
            error: err("interests"),
            ..Field::group(
                "interests",
                i18n::t(lang, "interests-legend"),
                true,
                interest_options
                    .into_iter()
                    .map(|s| {
                        let label = i18n::interest_name(lang, &s);
                        (s, label)
                    })
                    .collect(),
                |v| values.interests.iter().any(|s| s == v),
            )
        },
    ]
}

#[allow(clippy::too_many_arguments)]
fn me_page(
    req: &HttpRequest,
    status: StatusCode,
    token: &str,
    l: &Loaded,
    values: &ProfileInput,
    errors: &ValidationErrors,
    notice: Option<String>,
    delete_error: Option<String>,
) -> HttpResponse {
    let lang = page_lang(req, Some(introductions::language_of(&l.person)));
    let t = |id: &str| i18n::t(lang, id);
    let name = i18n::isolate(&l.person.first_name);
    let programme = i18n::isolate(&l.programme.name);
    let args = [("name", name.as_str()), ("programme", programme.as_str())];
    let status_key = match l.person.status {
        ParticipantStatus::Pending => "me-status-pending",
        ParticipantStatus::Withdrawn => "me-status-withdrawn",
        ParticipantStatus::Confirmed => "me-status-confirmed",
    };
    let base = format!("/me/{token}");
    let mut title = i18n::t_args(lang, "me-title", &args);
    if !errors.is_empty() || delete_error.is_some() {
        title = format!("{}: {title}", t("error-prefix"));
    }
    let page = PageCtx::new(lang, title, &base, &[]);
    let mut summary: Vec<(String, String)> = errors
        .errors
        .iter()
        .map(|e| (e.field.clone(), i18n::error_message(lang, e.code)))
        .collect();
    if let Some(e) = &delete_error {
        summary.push(("confirm".to_owned(), e.clone()));
    }
    let template = MePage {
        page,
        base,
        notice,
        errors: summary,
        status_text: i18n::t_args(lang, status_key, &args),
        matches_heading: t("me-matches-heading"),
        no_matches: t("me-no-matches"),
        matches: match_views(lang, l),
        profile_heading: t("me-profile-heading"),
        profile: profile_rows(lang, l),
        correct_heading: t("me-correct-heading"),
        correct_hint: t("me-correct-hint"),
        fields: fields(lang, &l.programme, values, errors),
        save_label: t("me-save"),
        download_heading: t("me-download-heading"),
        download_label: t("me-download"),
        can_withdraw: l.person.status != ParticipantStatus::Withdrawn,
        withdraw_heading: t("me-withdraw-heading"),
        withdraw_text: t("me-withdraw-text"),
        withdraw_label: t("me-withdraw"),
        delete_heading: t("me-delete-heading"),
        delete_text: t("me-delete-text"),
        delete_confirm: t("me-delete-confirm"),
        delete_label: t("me-delete"),
        delete_error,
    };
    let mut response = pages::render(status, &template);
    pages::set_content_language(&mut response, lang);
    response
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
    match saved {
        Ok(()) => {}
        Err(e) if e.is_unique_violation() => {
            errors.add("email", "email_taken");
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
        Err(e) => return pages::server_error(page_lang(&req, None), &e),
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
