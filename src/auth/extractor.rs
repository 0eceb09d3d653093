//! `Authorization: Bearer <token>` -> the authenticated [`Caller`]. Missing or unknown tokens
//! are answered with 401 in the API's JSON error shape.

use std::future::Future;
use std::pin::Pin;

use actix_web::http::header::AUTHORIZATION;
use actix_web::{dev::Payload, web, FromRequest, HttpRequest};

use super::store::{self, Coordinator};
use crate::routes::api::ApiError;
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

    /// 403 unless the caller may reach the programme.
    ///
    /// # Errors
    /// [`ApiError::Forbidden`].
    pub fn require_programme(&self, programme_id: i32) -> Result<(), ApiError> {
        if self.0.can_access(programme_id) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "Your account is not a coordinator of this programme.".to_owned(),
            ))
        }
    }
}

/// The token text from an `Authorization` header value, if it is a bearer token.
fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() && token.len() <= 256)
        .then_some(token)
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let header = req
            .headers()
            .get(AUTHORIZATION)
            .map(|v| v.to_str().map(str::to_owned));
        Box::pin(async move {
            let state = state.ok_or_else(|| {
                ApiError::Unexpected(anyhow::anyhow!("AppState is not registered"))
            })?;
            let token = match header {
                None => {
                    return Err(ApiError::Unauthorized(
                        "Missing API token: send `Authorization: Bearer <token>` \
                         (create one with `buddymatch token create <email>`)."
                            .to_owned(),
                    ))
                }
                Some(Err(_)) => None,
                Some(Ok(value)) => bearer(&value).map(str::to_owned),
            };
            let Some(token) = token else {
                return Err(ApiError::Unauthorized(
                    "The Authorization header must be `Bearer <token>`.".to_owned(),
                ));
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
        })
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
