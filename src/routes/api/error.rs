//! The API's one error shape: `{"error": {"code", "message", "fields"?}}` with a stable `code`,
//! and the extractor error handlers that keep malformed input a 4xx, never a 500.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::accounts::AccountError;
use crate::db::{DbError, Refusal};
use crate::domain::ValidationErrors;

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldErrorDto {
    /// The field, as named in the request (`languages.1` for the second language row).
    #[schema(example = "email")]
    pub field: String,
    /// Stable code: `required`, `too_long`, `invalid_email`, `invalid_phone`, `invalid_choice`,
    /// `out_of_range`, `no_language`, `duplicate_language`, `no_availability`,
    /// `consent_required`, `unknown_area`, `unknown_interest`, `age_range_inverted`,
    /// `capacity_volunteers_only`, `unknown_field`, `invalid_type`.
    #[schema(example = "invalid_email")]
    pub code: String,
    /// English explanation.
    #[schema(example = "This is not a valid email address.")]
    pub message: String,
}

/// The error itself.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable code: `validation_failed`, `unauthorized`, `forbidden`, `not_found`,
    /// `bad_request`, `conflict`, `programme_archived`, `internal`.
    #[schema(example = "validation_failed")]
    pub code: &'static str,
    /// English explanation.
    pub message: String,
    /// The fields at fault (for `validation_failed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<FieldErrorDto>>,
}

/// Every error response of the API.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// Errors of the JSON API.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Malformed request (syntax, wrong query or path types): 400.
    #[error("{0}")]
    BadRequest(String),
    /// The body is larger than allowed: 413.
    #[error("{0}")]
    TooLarge(String),
    /// Well-formed but invalid input: 422 with per-field codes.
    #[error("the input is not valid")]
    Validation(Vec<FieldErrorDto>),
    /// No or an invalid token: 401.
    #[error("{0}")]
    Unauthorized(String),
    /// Authenticated, but not allowed here: 403.
    #[error("{0}")]
    Forbidden(String),
    /// No such thing: 404.
    #[error("{0}")]
    NotFound(String),
    /// The path exists, the method does not: 405.
    #[error("{0}")]
    MethodNotAllowed(String),
    /// Clashes with existing data (e.g. the email is already in the programme): 409.
    #[error("{0}")]
    Conflict(String),
    /// The programme is archived and takes no new people or runs: 409 `programme_archived`.
    #[error("{0}")]
    Archived(String),
    /// Anything else: logged, answered with 500 `internal` and no details.
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// Checks paging parameters (`page` from 1, `per_page` from 1 to `max_per_page`), adding a field
/// error for each one out of range; returns the values with their defaults filled in.
pub fn paging(
    page: Option<i64>,
    per_page: Option<i64>,
    default_per_page: i64,
    max_per_page: i64,
    fields: &mut Vec<FieldErrorDto>,
) -> (i64, i64) {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(default_per_page);
    if page < 1 {
        fields.push(FieldErrorDto {
            field: "page".to_owned(),
            code: "out_of_range".to_owned(),
            message: "Pages start at 1.".to_owned(),
        });
    }
    if !(1..=max_per_page).contains(&per_page) {
        fields.push(FieldErrorDto {
            field: "per_page".to_owned(),
            code: "out_of_range".to_owned(),
            message: format!("per_page must be between 1 and {max_per_page}."),
        });
    }
    (page, per_page)
}

impl ApiError {
    /// One invalid field.
    #[must_use]
    pub fn field(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldErrorDto {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }])
    }

    /// The refusal of programme `slug`'s archive to take someone or something new.
    #[must_use]
    pub fn archived(slug: &str) -> Self {
        Self::Archived(format!(
            "The programme `{slug}` is archived: it takes no new participants and no new matching runs."
        ))
    }

    /// The stable code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::BadRequest(_) | Self::TooLarge(_) => "bad_request",
            Self::Validation(_) => "validation_failed",
            Self::Unauthorized(_) => "unauthorized",
            Self::Forbidden(_) => "forbidden",
            Self::NotFound(_) => "not_found",
            Self::MethodNotAllowed(_) => "method_not_allowed",
            Self::Conflict(_) => "conflict",
            Self::Archived(_) => "programme_archived",
            Self::Unexpected(_) => "internal",
        }
    }

    /// The body sent.
    #[must_use]
    pub fn body(&self) -> ErrorBody {
        let (message, fields) = match self {
            Self::Validation(fields) => (
                "The input is not valid; see `fields`.".to_owned(),
                Some(fields.clone()),
            ),
            Self::Unexpected(_) => (
                "Something went wrong on our side. Please try again later.".to_owned(),
                None,
            ),
            other => (other.to_string(), None),
        };
        ErrorBody {
            error: ErrorDetail {
                code: self.code(),
                message,
                fields,
            },
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict(_) | Self::Archived(_) => StatusCode::CONFLICT,
            Self::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Unexpected(e) = self {
            tracing::error!(error = ?e, "API request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        if matches!(self, Self::Unauthorized(_)) {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        response.json(self.body())
    }
}

impl From<ValidationErrors> for ApiError {
    fn from(e: ValidationErrors) -> Self {
        Self::Validation(
            e.errors
                .into_iter()
                .map(|f| FieldErrorDto {
                    message: ValidationErrors::english(f.code).to_owned(),
                    field: f.field,
                    code: f.code.to_owned(),
                })
                .collect(),
        )
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        match e.refusal() {
            Some(Refusal::Duplicate) => {
                Self::Conflict("This clashes with existing data (a duplicate).".to_owned())
            }
            Some(Refusal::StillReferenced) => {
                Self::Conflict("Other data still refers to this.".to_owned())
            }
            None => Self::Unexpected(anyhow::Error::new(e)),
        }
    }
}

impl From<AccountError> for ApiError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Db(db) => Self::from(db),
            other => Self::Unexpected(anyhow::Error::new(other)),
        }
    }
}

/// Turns a JSON body error into our shape: syntax errors are 400, type errors and unknown
/// fields 422, oversized bodies 413.
pub fn json_error(err: actix_web::error::JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    use actix_web::error::JsonPayloadError as E;
    let api = match &err {
        E::OverflowKnownLength { .. } | E::Overflow { .. } => ApiError::TooLarge(format!(
            "The request body is too large (at most {} bytes).",
            super::MAX_BODY_BYTES
        )),
        E::ContentType => {
            ApiError::BadRequest("Send the body as JSON (Content-Type: application/json).".into())
        }
        E::Deserialize(e) if e.classify() == serde_json::error::Category::Data => {
            serde_error_to_api(e, "body")
        }
        E::Deserialize(e) => ApiError::BadRequest(format!("The body is not valid JSON: {e}")),
        _ => ApiError::BadRequest(format!("The request body could not be read: {err}")),
    };
    api.into()
}

/// A serde data error (wrong type, unknown field) on `field` as a 422.
#[must_use]
pub fn serde_error_to_api(e: &serde_json::Error, field: &str) -> ApiError {
    let text = e.to_string();
    // serde's own wording: "unknown field `x`, expected one of ..."
    if let Some(rest) = text.strip_prefix("unknown field `") {
        if let Some((name, _)) = rest.split_once('`') {
            return ApiError::field(
                &if field == "body" || field == name {
                    name.to_owned()
                } else {
                    format!("{field}.{name}")
                },
                "unknown_field",
                format!("`{name}` is not a field of this input."),
            );
        }
    }
    let message = text
        .split(" at line ")
        .next()
        .unwrap_or(text.as_str())
        .to_owned();
    ApiError::field(field, "invalid_type", message)
}

/// Query-string errors (`?page=abc`, an unknown parameter) are 400.
pub fn query_error(
    err: actix_web::error::QueryPayloadError,
    _req: &HttpRequest,
) -> actix_web::Error {
    let actix_web::error::QueryPayloadError::Deserialize(e) = &err else {
        return ApiError::BadRequest("The query string is not valid.".into()).into();
    };
    ApiError::BadRequest(format!("The query string is not valid: {e}")).into()
}

/// Path errors (`/participants/abc`) are 400.
pub fn path_error(err: actix_web::error::PathError, _req: &HttpRequest) -> actix_web::Error {
    let actix_web::error::PathError::Deserialize(e) = &err else {
        return ApiError::BadRequest("The path is not valid.".into()).into();
    };
    ApiError::BadRequest(format!("The path is not valid: {e}")).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_is_named() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct T {
            a: i32,
        }
        let e = serde_json::from_str::<T>(r#"{"a":1,"nationality":"x"}"#).expect_err("unknown");
        match serde_error_to_api(&e, "body") {
            ApiError::Validation(f) => {
                assert_eq!(f[0].field, "nationality");
                assert_eq!(f[0].code, "unknown_field");
            }
            other => panic!("{other:?}"),
        }
        let e = serde_json::from_str::<T>(r#"{"a":"one"}"#).expect_err("type");
        match serde_error_to_api(&e, "a") {
            ApiError::Validation(f) => {
                assert_eq!(f[0].code, "invalid_type");
                assert!(!f[0].message.contains("line"), "{}", f[0].message);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn internal_errors_hide_details() {
        let e = ApiError::Unexpected(anyhow::anyhow!("secret connection string"));
        let body = serde_json::to_string(&e.body()).expect("json");
        assert!(!body.contains("secret"));
        assert_eq!(e.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
