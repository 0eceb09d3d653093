//! The JSON API under `/api/v1`, described by the OpenAPI document at `/api/openapi.json` and
//! the docs page at `/api/docs`. Every request needs `Authorization: Bearer <token>`
//! (`buddymatch token create <email>`); errors are `{"error": {"code", "message", "fields"?}}`.

pub mod auth;
pub mod continuum;
pub mod continuum_dto;
pub mod docs;
pub mod dto;
pub mod error;
pub mod matching_runs;
pub mod outcomes;
pub mod participants;
pub mod programme_archive;
pub mod programme_settings;
pub mod programmes;

use actix_web::{web, HttpResponse};

pub use auth::Caller;
pub use docs::ApiDoc;
pub use error::ApiError;

/// Largest accepted JSON body.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Registers `/api/...`: the v1 endpoints with their extractor error handlers, the OpenAPI
/// document and the docs page. Unknown `/api` paths answer with a JSON 404.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api")
            .service(docs::openapi_json)
            .service(docs::docs_page)
            .service(
                web::scope("/v1")
                    .wrap(actix_web::middleware::from_fn(auth::require_bearer))
                    .app_data(
                        web::JsonConfig::default()
                            .limit(MAX_BODY_BYTES)
                            .content_type_required(false)
                            .error_handler(error::json_error),
                    )
                    .app_data(web::QueryConfig::default().error_handler(error::query_error))
                    .app_data(web::PathConfig::default().error_handler(error::path_error))
                    .service(programmes::list_programmes)
                    .service(programme_settings::create_programme)
                    .service(programme_settings::change_programme)
                    .service(programme_archive::archive_programme)
                    .service(programme_archive::reopen_programme)
                    .service(programme_archive::delete_programme)
                    .service(participants::create_participant)
                    .service(participants::list_participants)
                    .service(participants::get_participant)
                    .service(participants::update_participant)
                    .service(participants::delete_participant)
                    .configure(matching_runs::configure)
                    .configure(continuum::configure)
                    .service(outcomes::get_outcomes)
                    .service(outcomes::get_outcomes_csv)
                    .default_service(web::to(not_found)),
            )
            .default_service(web::to(not_found)),
    );
}

/// An unknown API path is 404; a documented path asked with another method is 405 with the
/// methods it has in `Allow`, as HTTP says.
async fn not_found(req: actix_web::HttpRequest) -> HttpResponse {
    match docs::documented_methods(req.path()) {
        Some(methods) => {
            let allowed = methods.join(", ");
            let error = ApiError::MethodNotAllowed(format!(
                "{} is not a method of this endpoint (it has {allowed}); see /api/docs.",
                req.method()
            ));
            let mut response = actix_web::ResponseError::error_response(&error);
            if let Ok(allow) = actix_web::http::header::HeaderValue::from_str(&allowed) {
                response
                    .headers_mut()
                    .insert(actix_web::http::header::ALLOW, allow);
            }
            response
        }
        None => actix_web::ResponseError::error_response(&ApiError::NotFound(
            "There is no such API endpoint; see /api/docs.".to_owned(),
        )),
    }
}
