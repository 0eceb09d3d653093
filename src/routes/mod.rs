//! HTTP edge: public forms, participant links, the JSON API. Handlers parse input into domain
//! types and hand them on; they hold no business rules.

pub mod api;
mod health;

use actix_web::web;

/// Registers every route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(health::healthz);
    api::configure(cfg);
}
