//! Double opt-in: `GET /confirm/{token}` shows a button; `POST /confirm/{token}` confirms.
//! A GET never changes anything, so mail scanners that follow links do not confirm anyone.
//! Expired, used and unknown links get a clear page (410 / 404) in the person's language.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;

use super::pages::{self, MessagePage, PageCtx};
use crate::domain::UiLanguage;
use crate::i18n;
use crate::routes::language;
use crate::signup::confirmation::{self, Confirmation};
use crate::state::AppState;

fn page_lang(req: &HttpRequest, person: Option<UiLanguage>) -> UiLanguage {
    // An explicit switch wins; otherwise the language the person chose for their messages.
    language::query_language(req)
        .or(person)
        .unwrap_or_else(|| language::request_language(req, None))
}

fn problem_page(req: &HttpRequest, found: &Confirmation) -> HttpResponse {
    let (status, key, lang) = match found {
        Confirmation::Used(lang) => (StatusCode::GONE, "token-used", *lang),
        Confirmation::Expired(lang) => (StatusCode::GONE, "token-expired", *lang),
        Confirmation::Unknown | Confirmation::Valid { .. } => {
            (StatusCode::NOT_FOUND, "token-unknown", None)
        }
    };
    let lang = page_lang(req, lang);
    pages::message(status, lang, key, req.path(), &[])
}

/// `GET /confirm/{token}`: a page with a button; changes nothing.
#[get("/confirm/{token}")]
pub async fn confirm_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    let plain = token.into_inner();
    let now = Utc::now().naive_utc();
    let result = state
        .db
        .run(move |db| confirmation::look_up(&mut *db.get()?, &plain, now))
        .await;
    match result {
        Ok(Confirmation::Valid {
            lang, programme, ..
        }) => {
            let lang = page_lang(&req, lang);
            let page = PageCtx::new(lang, i18n::t(lang, "confirm-title"), req.path(), &[]);
            let mut response = pages::render(
                StatusCode::OK,
                &MessagePage {
                    page,
                    paragraphs: vec![i18n::t_args(
                        lang,
                        "confirm-body",
                        &[("programme", &i18n::isolate(&programme))],
                    )],
                    button_action: Some(req.path().to_owned()),
                    button_label: i18n::t(lang, "confirm-button"),
                    link: None,
                },
            );
            pages::set_content_language(&mut response, lang);
            response
        }
        Ok(other) => problem_page(&req, &other),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// `POST /confirm/{token}`: confirms the sign-up (status confirmed, waiting time starts now) and
/// uses up the token.
#[post("/confirm/{token}")]
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> HttpResponse {
    let plain = token.into_inner();
    let now = Utc::now().naive_utc();
    let result = state
        .db
        .run(move |db| db.write(|conn| confirmation::confirm(conn, &plain, now)))
        .await;
    match result {
        Ok(Confirmation::Valid {
            first_name,
            lang,
            volunteer,
            ..
        }) => {
            let lang = page_lang(&req, lang);
            let page = PageCtx::new(lang, i18n::t(lang, "confirmed-title"), req.path(), &[]);
            let name = i18n::isolate(&first_name);
            // Volunteers learn what comes before they can be proposed, and then what happens.
            let paragraphs = if volunteer {
                vec![
                    i18n::t_args(lang, "confirmed-body-volunteer", &[("name", &name)]),
                    i18n::t(lang, "confirmed-volunteer-first"),
                    i18n::t(lang, "confirmed-volunteer-next"),
                ]
            } else {
                vec![i18n::t_args(lang, "confirmed-body", &[("name", &name)])]
            };
            let mut response = pages::render(
                StatusCode::OK,
                &MessagePage {
                    page,
                    paragraphs,
                    button_action: None,
                    button_label: String::new(),
                    link: None,
                },
            );
            pages::set_content_language(&mut response, lang);
            response
        }
        Ok(other) => problem_page(&req, &other),
        Err(e) => pages::server_error(language::request_language(&req, None), &e),
    }
}

/// Registers the confirmation routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(confirm_page).service(confirm);
}
