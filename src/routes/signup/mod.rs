//! The public sign-up form: `GET /signup?programme=<slug>` shows it, `POST` stores a pending
//! participant and sends a confirmation email (double opt-in), `GET /signup/thanks` thanks.
//!
//! Bad input gets 422 and the form again with every value kept, an error summary at the top
//! linking to each field, and a message at each field, all in the person's language; nothing is
//! stored. Signing up twice with one email shows the same thank-you page (the address's
//! existence is not revealed); the email explains instead.
//!
//! An archived programme shows a kind "sign-up has closed" page instead of its form (and 409
//! with that page to a form sent anyway); see `crate::programmes`.
//!
//! Against scripts (see `signup::guard`): a hidden honeypot field people never fill in (filled:
//! the thank-you page, nothing stored), a signed "shown at" stamp (sent sooner than
//! `min_fill_seconds`, or without a stamp of ours: the form again with everything kept, asking
//! to send it once more), and limits per client and programme (429, the form again with
//! everything kept and when to try again).

mod form_view;
mod icons;
mod page;
mod steps;

use actix_web::http::{header, StatusCode};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use futures_util::StreamExt;

use crate::db::{programmes, DbError};
use crate::domain::{NewParticipant, Programme, ValidationErrors};
use crate::i18n;
use crate::routes::pages::{self, MessagePage, PageCtx};
use crate::routes::profile_form::{self, FormValues};
use crate::routes::{client, language};
use crate::signup::fill_time::FillTime;
use crate::signup::Registered;
use crate::state::AppState;
use page::{render_form, signup_query, Shown};
use steps::{Action, Step};

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

/// The kind page an archived programme shows instead of its form.
fn closed_page(
    req: &HttpRequest,
    status: StatusCode,
    lang: crate::domain::UiLanguage,
    programme: &Programme,
) -> HttpResponse {
    let page = PageCtx::new(
        lang,
        i18n::t(lang, "signup-closed-title"),
        "/signup",
        &signup_query(&programme.slug),
    );
    let mut response = pages::render(
        status,
        &MessagePage {
            page,
            paragraphs: vec![
                i18n::t_args(
                    lang,
                    "signup-closed-body",
                    &[("programme", programme.name_in(lang))],
                ),
                i18n::t(lang, "signup-closed-members"),
                i18n::t(lang, "signup-closed-elsewhere"),
            ],
            button_action: None,
            button_label: String::new(),
            link: None,
        },
    );
    pages::set_content_language(&mut response, lang);
    with_language_cookie(req, response)
}

/// `GET /signup?programme=<slug>&lang=<code>`: the empty form (a kind "closed" page once the
/// programme is archived).
#[get("/signup")]
pub async fn form(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let programme = match load_programme(&state, programme_slug(&req, &state)).await {
        Ok(Some(p)) => p,
        Ok(None) => return with_language_cookie(&req, pages::not_found(&req)),
        Err(e) => return pages::server_error(language::request_language(&req, None), &e),
    };
    let lang = language::request_language(&req, Some(&programme.local_language));
    if !programme.is_open() {
        return closed_page(&req, StatusCode::OK, lang, &programme);
    }
    let mut values = profile_form::default_values(lang);
    values.set("started", state.form_stamp.issue(Utc::now().naive_utc()));
    let response = render_form(
        StatusCode::OK,
        lang,
        &programme,
        &values,
        &ValidationErrors::default(),
        &[],
        None,
        Shown::step(Step::About),
    );
    with_language_cookie(&req, response)
}

/// The honeypot's name: a field hidden from people (see `signup.html`).
const HONEYPOT: &str = "website";

/// How the new person will hear from us, which the thank-you page explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HearFrom {
    /// A confirmation email.
    Email,
    /// A coordinator's call (no email given).
    Phone,
}

/// Where the browser goes after a sign-up was taken (or looked taken to a script).
fn thanks_redirect(
    programme: &Programme,
    lang: crate::domain::UiLanguage,
    hear_from: HearFrom,
) -> HttpResponse {
    let mut query = vec![
        ("programme", programme.slug.as_str()),
        ("lang", lang.code()),
    ];
    if hear_from == HearFrom::Phone {
        query.push(("by", "phone"));
    }
    let location = format!(
        "/signup/thanks?{}",
        serde_urlencoded::to_string(query).unwrap_or_default()
    );
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
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

/// `POST /signup?programme=<slug>&lang=<code>`: validates, stores, emails, redirects (409 and
/// the "closed" page once the programme is archived).
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
    if !programme.is_open() {
        return closed_page(&req, StatusCode::CONFLICT, lang, &programme);
    }
    let body = read_body(payload).await;
    let parsed = body.as_deref().and_then(FormValues::parse);
    let mut values = match parsed {
        Some(v) if v.len() <= MAX_PAIRS => v,
        too_many => {
            let mut errors = ValidationErrors::default();
            // Read, but not as UTF-8 form data: say so rather than "too large".
            let unreadable = body.is_some() && too_many.is_none();
            errors.add("form", if unreadable { "unreadable" } else { "too_long" });
            let mut defaults = FormValues::default();
            defaults.set("message_language", lang.code());
            defaults.set("started", state.form_stamp.issue(Utc::now().naive_utc()));
            return render_form(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang,
                &programme,
                &defaults,
                &errors,
                &[],
                unreadable.then(|| i18n::t(lang, "error-form-unreadable")),
                Shown::step(Step::About),
            );
        }
    };
    let now = Utc::now().naive_utc();
    // Any value at all, also in a repeated field (`website=&website=x`).
    if values.all(HONEYPOT).next().is_some() {
        tracing::info!("sign-up with the honeypot filled in: not stored");
        return thanks_redirect(&programme, lang, HearFrom::Email);
    }
    let action = Action::from_values(&values);
    if action != Action::Whole {
        steps::drop_answers_of_other_role(&mut values);
    }
    let render_step = |status, values: &FormValues, errors, member_rows: &[usize], shown| {
        render_form(
            status,
            lang,
            &programme,
            values,
            errors,
            member_rows,
            None,
            shown,
        )
    };
    let no_errors = ValidationErrors::default();
    match action {
        Action::Back(step) => {
            return render_step(
                StatusCode::OK,
                &values,
                &no_errors,
                &[],
                Shown::step(step.previous()),
            );
        }
        Action::AddLanguage | Action::AddMember => {
            let step = if action == Action::AddLanguage {
                Step::Languages
            } else {
                Step::Send
            };
            return render_step(
                StatusCode::OK,
                &values,
                &no_errors,
                &[],
                Shown::Step { step, adding: true },
            );
        }
        Action::Next(step) => {
            if let Some(next) = step.next() {
                let read = read_profile(&values, &programme);
                // The next step arrives clean: its questions are not answered yet.
                if steps::errors_of(&read.errors, step).is_empty() {
                    return render_step(
                        StatusCode::OK,
                        &values,
                        &no_errors,
                        &[],
                        Shown::step(next),
                    );
                }
                return render_step(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &values,
                    &read.errors,
                    &read.member_rows,
                    Shown::step(step),
                );
            }
        }
        Action::Whole => {}
    }
    // From here on the form is sent to be stored: from the last step, or whole. Its problems
    // are shown on the whole form, or on the first step that has one.
    let shown_for = |errors: &ValidationErrors| match action {
        Action::Whole => Shown::Whole,
        _ => Shown::step(steps::first_with_errors(errors)),
    };
    let min_fill = chrono::Duration::seconds(i64::from(state.settings.signup.min_fill_seconds));
    let stamp = values.get("started").to_owned();
    if !matches!(state.form_stamp.read(Some(&stamp), now), FillTime::Open(age) if age >= min_fill) {
        // A person whose form is older than the stamps we accept gets here too: nothing is
        // lost, they send it once more.
        values.replace("started", state.form_stamp.issue(now));
        let mut errors = ValidationErrors::default();
        errors.add("form", "send_again");
        return render_form(
            StatusCode::UNPROCESSABLE_ENTITY,
            lang,
            &programme,
            &values,
            &errors,
            &[],
            Some(i18n::t(lang, "error-form-send-again")),
            shown_for(&errors),
        );
    }
    let read = read_profile(&values, &programme);
    let participant = match read.participant {
        Some(p) => p,
        None => {
            return render_form(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang,
                &programme,
                &values,
                &read.errors,
                &read.member_rows,
                None,
                shown_for(&read.errors),
            );
        }
    };

    let hear_from = if participant.email.is_some() {
        HearFrom::Email
    } else {
        HearFrom::Phone
    };
    let client = client::client_key(&req, state.settings.trust_proxy_headers);
    let settings = state.settings.clone();
    let stored_programme = programme.clone();
    let result = state
        .db
        .run(move |db| {
            crate::signup::register(db, &stored_programme, &participant, &client, &settings, now)
        })
        .await;
    match result {
        Ok(Registered::Taken) => thanks_redirect(&programme, lang, hear_from),
        Ok(Registered::TooMany { retry_at }) => {
            let seconds = (retry_at - now).num_seconds().max(1);
            let minutes = (seconds + 59) / 60;
            let mut errors = ValidationErrors::default();
            errors.add("form", "too_many");
            let message = i18n::t_args(
                lang,
                "error-form-too-many",
                &[("minutes", &minutes.to_string())],
            );
            let mut response = render_form(
                StatusCode::TOO_MANY_REQUESTS,
                lang,
                &programme,
                &values,
                &errors,
                &[],
                Some(message),
                shown_for(&errors),
            );
            if let Ok(v) = header::HeaderValue::from_str(&seconds.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
            response
        }
        Ok(Registered::Closed) => closed_page(&req, StatusCode::CONFLICT, lang, &programme),
        Ok(Registered::AreaGone) => {
            // The form again with the programme's areas as they are now.
            let programme = match load_programme(&state, programme.slug.clone()).await {
                Ok(Some(p)) => p,
                Ok(None) => return pages::not_found(&req),
                Err(e) => return pages::server_error(lang, &e),
            };
            let mut errors = ValidationErrors::default();
            errors.add("area", "unknown_area");
            render_form(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang,
                &programme,
                &values,
                &errors,
                &read.member_rows,
                None,
                shown_for(&errors),
            )
        }
        Err(e) => pages::server_error(lang, &e),
    }
}

/// A sent form, read and checked.
struct CheckedForm {
    /// The participant to store, when nothing is wrong.
    participant: Option<NewParticipant>,
    /// Everything wrong, by field.
    errors: ValidationErrors,
    /// For each household member given, its form row.
    member_rows: Vec<usize>,
}

/// Reads and checks the whole profile (a step checks only its own part of the result).
fn read_profile(values: &FormValues, programme: &Programme) -> CheckedForm {
    let mut read = profile_form::read(values);
    let participant = match NewParticipant::parse(read.input.clone(), programme) {
        Ok(p) if read.errors.is_empty() => Some(p),
        Ok(_) => None,
        Err(domain_errors) => {
            read.add_domain_errors(domain_errors);
            None
        }
    };
    CheckedForm {
        participant,
        errors: read.errors,
        member_rows: read.member_rows,
    }
}

/// `GET /signup/thanks`: the same page whether or not the address was new.
#[get("/signup/thanks")]
pub async fn thanks(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let slug = programme_slug(&req, &state);
    let lang = language::request_language(&req, None);
    let by_phone = i18n::query_param(req.query_string(), "by").as_deref() == Some("phone");
    // The language links keep saying how the person will hear from us.
    let mut query: Vec<(&str, &str)> = signup_query(&slug).to_vec();
    if by_phone {
        query.push(("by", "phone"));
    }
    let page = PageCtx::new(
        lang,
        i18n::t(lang, "thanks-title"),
        "/signup/thanks",
        &query,
    );
    let mut response = pages::render(
        StatusCode::OK,
        &MessagePage {
            page,
            paragraphs: if by_phone {
                vec![i18n::t(lang, "thanks-body-phone")]
            } else {
                vec![
                    i18n::t(lang, "thanks-body"),
                    i18n::t(lang, "thanks-no-email"),
                ]
            },
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
