//! `GET /`: a short landing page in the visitor's language saying what buddymatch is, with links
//! to the sign-up form (the default programme) and to the coordinators' login.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;

use crate::i18n;
use crate::routes::language;
use crate::routes::pages::{self, PageCtx};

/// The landing page.
#[derive(Template)]
#[template(path = "landing.html")]
struct LandingPage {
    page: PageCtx,
}

/// `GET /`
#[get("/")]
async fn landing(req: HttpRequest) -> HttpResponse {
    let lang = language::request_language(&req, None);
    let page = PageCtx::new(lang, i18n::t(lang, "landing-title"), "/", &[]);
    let mut response = pages::render(StatusCode::OK, &LandingPage { page });
    pages::set_content_language(&mut response, lang);
    // A language chosen here is remembered, so the sign-up form and the login open in it too.
    if let Some(chosen) = language::query_language(&req) {
        if req
            .cookie(language::LANG_COOKIE)
            .map_or(true, |c| c.value() != chosen.code())
        {
            let _ = response.add_cookie(&language::language_cookie(chosen));
        }
    }
    response
}

/// Registers the landing page.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(landing);
}
