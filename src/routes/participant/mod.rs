//! Participant-facing pages reached through personal links: answering an introduction
//! ([`respond`]), answering a check-in or raising a concern ([`checkin`]) and one's own data
//! ([`me`]). Pages are in the person's message language unless
//! they switch with `?lang=`.

pub mod checkin;
pub mod me;
pub mod respond;

use actix_web::{web, HttpRequest};

use crate::domain::UiLanguage;
use crate::routes::language;

/// The page language: an explicit `?lang=` wins, then the person's message language, then what
/// the browser asks for.
#[must_use]
pub fn page_lang(req: &HttpRequest, person: Option<UiLanguage>) -> UiLanguage {
    language::query_language(req)
        .or(person)
        .unwrap_or_else(|| language::request_language(req, None))
}

/// Registers the participant routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(respond::respond_page)
        .service(checkin::checkin_page)
        .service(checkin::answer)
        .service(checkin::concern_page)
        .service(checkin::raise_concern)
        .service(respond::accept)
        .service(respond::decline)
        .service(me::request_form)
        .service(me::request_link)
        .service(me::export)
        .service(me::show)
        .service(me::correct)
        .service(me::withdraw)
        .service(me::continuum::pause)
        .service(me::continuum::end)
        .service(me::concern::concern_page)
        .service(me::concern::raise_concern)
        .service(me::delete);
}
