//! `GET /healthz`: 200 when the database answers, 503 when it does not.

use actix_web::{get, web, HttpResponse};

use crate::state::AppState;

/// Liveness and database readiness for load balancers.
#[get("/healthz")]
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let answer = state.db.run(|db| db.ping()).await;
    match answer {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({"status": "ok"})),
        Err(e) => {
            tracing::warn!(error = %e, "health check: database not answering");
            HttpResponse::ServiceUnavailable()
                .json(serde_json::json!({"status": "database unavailable"}))
        }
    }
}
