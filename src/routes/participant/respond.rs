//! `GET /respond/{token}`: the introduction (the other's first name, why they were matched) with
//! Accept and Decline buttons; `POST /respond/{token}/accept` and `/decline` answer. Only POST
//! changes anything, so mail scanners that follow links never answer for anyone. The random
//! token is the credential. Used or expired links get 410, unknown ones 404, in the person's
//! language.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;

use super::page_lang;
use crate::domain::UiLanguage;
use crate::i18n;
use crate::introductions::{
    self, lookup_response, meeting_tips, reasons, Answer, Invitation, LinkState, RespondOutcome,
};
use crate::routes::language;
use crate::routes::pages::{self, PageCtx};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "participant/respond.html")]
struct RespondPage {
    page: PageCtx,
    intro: String,
    why_heading: String,
    reasons: Vec<String>,
    privacy: String,
    accept_action: String,
    accept_label: String,
    decline_heading: String,
    decline_action: String,
    reason_label: String,
    reason_hint: String,
    decline_label: String,
}

/// A result page with an optional contact list and meeting tips.
#[derive(Template)]
#[template(path = "participant/contact.html")]
pub struct ContactPage {
    /// Frame.
    pub page: PageCtx,
    /// Paragraphs.
    pub paragraphs: Vec<String>,
    /// Contact details (only once both accepted).
    pub contact: Vec<String>,
    /// Heading of the tips.
    pub tips_heading: String,
    /// Tips for a first meeting.
    pub tips: Vec<String>,
}

/// The page for a link that cannot be used.
pub fn problem_page(req: &HttpRequest, state: &LinkState) -> HttpResponse {
    let (status, key, lang) = match state {
        LinkState::Used(lang) => (StatusCode::GONE, "respond-used", *lang),
        LinkState::Expired(lang) => (StatusCode::GONE, "respond-expired", *lang),
        LinkState::Closed(lang) => (StatusCode::GONE, "respond-closed", *lang),
        LinkState::Unknown | LinkState::Valid(_) | LinkState::Introduced(_) => {
            (StatusCode::NOT_FOUND, "respond-unknown", None)
        }
    };
    let lang = page_lang(req, lang);
    pages::message(status, lang, key, req.path(), &[])
}

fn render(lang: UiLanguage, status: StatusCode, template: &impl Template) -> HttpResponse {
    let mut response = pages::render(status, template);
    pages::set_content_language(&mut response, lang);
    response
}

/// `GET /respond/{token}`
#[get("/respond/{token}")]
pub async fn respond_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    let plain = token.into_inner();
    let now = Utc::now().naive_utc();
    let result = state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            lookup_response(&mut conn, &plain, now)
        })
        .await;
    let inv = match result {
        Ok(LinkState::Valid(inv)) => inv,
        Ok(LinkState::Introduced(inv)) => {
            return answered_page(&req, &RespondOutcome::BothAccepted(inv))
        }
        Ok(other) => return problem_page(&req, &other),
        Err(e) => return pages::server_error(language::request_language(&req, None), &e),
    };
    let lang = page_lang(&req, Some(inv.lang()));
    let name = i18n::isolate(&inv.other.first_name);
    let programme = i18n::isolate(&inv.programme);
    let args = [("name", name.as_str()), ("programme", programme.as_str())];
    let path = req.path().trim_end_matches('/').to_owned();
    let page = PageCtx::new(
        lang,
        i18n::t_args(lang, "respond-title", &args),
        req.path(),
        &[],
    );
    render(
        lang,
        StatusCode::OK,
        &RespondPage {
            page,
            intro: i18n::t_args(lang, "respond-intro", &args),
            why_heading: i18n::t_args(lang, "respond-why", &args),
            reasons: reasons::describe(lang, &inv.the_match.reasons),
            privacy: i18n::t_args(lang, "intro-email-privacy", &args),
            accept_action: format!("{path}/accept"),
            accept_label: i18n::t(lang, "respond-accept"),
            decline_heading: i18n::t(lang, "respond-decline-heading"),
            decline_action: format!("{path}/decline"),
            reason_label: i18n::t(lang, "respond-reason"),
            reason_hint: i18n::t(lang, "respond-reason-hint"),
            decline_label: i18n::t(lang, "respond-decline"),
        },
    )
}

/// The page after a successful answer.
fn answered_page(req: &HttpRequest, outcome: &RespondOutcome) -> HttpResponse {
    let (inv, key): (&Invitation, &str) = match outcome {
        RespondOutcome::AcceptedWaiting(inv) => (inv, "respond-accepted"),
        RespondOutcome::BothAccepted(inv) => (inv, "respond-both"),
        RespondOutcome::Declined(inv) => (inv, "respond-declined"),
        RespondOutcome::NotUsable(state) => return problem_page(req, state),
    };
    let lang = page_lang(req, Some(inv.lang()));
    let name = i18n::isolate(&inv.other.first_name);
    let args = [("name", name.as_str())];
    let both = matches!(outcome, RespondOutcome::BothAccepted(_));
    let (contact, tips) = if both {
        (
            introductions::contact_items(lang, &inv.other),
            meeting_tips(lang),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let page = PageCtx::new(
        lang,
        i18n::t_args(lang, &format!("{key}-title"), &args),
        req.path(),
        &[],
    );
    render(
        lang,
        StatusCode::OK,
        &ContactPage {
            page,
            paragraphs: vec![i18n::t_args(lang, &format!("{key}-body"), &args)],
            contact,
            tips_heading: i18n::t(lang, "meet-tips-heading"),
            tips,
        },
    )
}

async fn answer(
    req: HttpRequest,
    state: web::Data<AppState>,
    plain: String,
    answer: Answer,
) -> HttpResponse {
    let now = Utc::now().naive_utc();
    let settings = state.settings.clone();
    let result = state
        .db
        .run(move |db| introductions::respond(db, &plain, &answer, &settings, now))
        .await;
    match result {
        Ok(outcome) => answered_page(&req, &outcome),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// `POST /respond/{token}/accept`
#[post("/respond/{token}/accept")]
pub async fn accept(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    answer(req, state, token.into_inner(), Answer::Accept).await
}

/// `POST /respond/{token}/decline` with an optional form field `reason`.
#[post("/respond/{token}/decline")]
pub async fn decline(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let reason = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "reason"))
        .map(|(_, v)| v);
    answer(req, state, token.into_inner(), Answer::Decline { reason }).await
}
