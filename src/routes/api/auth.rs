//! `Authorization: Bearer <token>` -> the authenticated [`Caller`]. Missing or unknown tokens
//! are answered with 401 in the API's JSON error shape, before the request body is read when
//! the scope is wrapped in [`require_bearer`].

use std::future::Future;
use std::pin::Pin;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::AUTHORIZATION;
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};

use super::ApiError;
use crate::accounts::store::{self, Coordinator};
use crate::state::AppState;

/// How stale `last_used_at` may get before a request writes it again (keeps reads read-only).
const TOUCH_AFTER_SECONDS: i64 = 60;

/// The coordinator who sent the request, with role and programmes.
#[derive(Debug, Clone)]
pub struct Caller(pub Coordinator);

impl Caller {
    /// The account.
    #[must_use]
    pub fn coordinator(&self) -> &Coordinator {
        &self.0
    }

    /// `found`, if it belongs to a programme the caller may reach. Another programme's match,
    /// run or participant is answered like an unknown id (404), so that ids do not tell what
    /// exists elsewhere.
    #[must_use]
    pub fn reachable<T>(&self, found: Option<T>, programme_of: impl Fn(&T) -> i32) -> Option<T> {
        found.filter(|t| self.0.can_access(programme_of(t)))
    }
}

/// The token text from an `Authorization` header value, if it is a bearer token.
fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() && token.len() <= 256)
        .then_some(token)
}

/// Checks the request's bearer token against the database.
async fn authenticate(req: &HttpRequest) -> Result<Caller, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("AppState is not registered")))?;
    let token = match req.headers().get(AUTHORIZATION) {
        None => {
            return Err(ApiError::Unauthorized(
                "Missing API token: send `Authorization: Bearer <token>` \
                 (create one with `buddymatch token create <email>`)."
                    .to_owned(),
            ))
        }
        Some(value) => value
            .to_str()
            .ok()
            .and_then(bearer)
            .map(str::to_owned)
            .ok_or_else(|| {
                ApiError::Unauthorized(
                    "The Authorization header must be `Bearer <token>`.".to_owned(),
                )
            })?,
    };
    let found = state
        .db
        .run(move |db| -> Result<_, ApiError> {
            let mut conn = db.get()?;
            let found = store::find_token(&mut conn, &token)?;
            drop(conn);
            if let Some(m) = &found {
                let now = chrono::Utc::now().naive_utc();
                let stale = m
                    .last_used_at
                    .map_or(true, |t| (now - t).num_seconds() >= TOUCH_AFTER_SECONDS);
                if stale {
                    let id = m.token_id;
                    let touched: Result<(), ApiError> =
                        db.write(|c| Ok(store::touch_token(c, id, now)?));
                    if let Err(e) = touched {
                        tracing::warn!(error = %e, "could not record API token use");
                    }
                }
            }
            Ok(found)
        })
        .await?;
    found
        .map(|m| Caller(m.coordinator))
        .ok_or_else(|| ApiError::Unauthorized("Invalid or revoked API token.".to_owned()))
}

/// Middleware for a scope where every route needs a token: answers 401 before the handler's
/// other extractors (e.g. the JSON body) run, and leaves the [`Caller`] for the handler.
///
/// # Errors
/// [`ApiError::Unauthorized`] (as a JSON response), or whatever the inner service returns.
pub async fn require_bearer(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let caller = authenticate(req.request()).await?;
    req.extensions_mut().insert(caller);
    next.call(req).await
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        // Already checked by [`require_bearer`]?
        if let Some(caller) = req.extensions().get::<Caller>().cloned() {
            return Box::pin(std::future::ready(Ok(caller)));
        }
        let req = req.clone();
        Box::pin(async move { authenticate(&req).await })
    }
}

#[cfg(test)]
mod tests {
    use super::bearer;

    #[test]
    fn bearer_header_parsing() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bearer   abc "), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer"), None);
        assert_eq!(bearer("Bearer "), None);
        assert_eq!(bearer(&format!("Bearer {}", "a".repeat(300))), None);
    }
}
