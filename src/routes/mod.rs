//! HTTP edge: public forms, participant links, the JSON API. Handlers parse input into domain
//! types and hand them on; they hold no business rules.

pub mod api;
pub mod client;
mod confirm;
pub mod coordinator;
mod health;
mod landing;
pub mod language;
pub mod outcomes_charts;
pub mod outcomes_report;
pub mod pages;
pub mod participant;
pub mod profile_form;
pub mod security_headers;
pub mod signup;
pub mod widgets;

use actix_web::web;

/// Registers every route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(health::healthz);
    pages::configure(cfg);
    landing::configure(cfg);
    signup::configure(cfg);
    confirm::configure(cfg);
    coordinator::configure(cfg);
    participant::configure(cfg);
    cfg.default_service(web::to(pages::default_not_found));
    api::configure(cfg);
}
