//! The OpenAPI document (generated from the handlers' annotations) and a plain HTML page that
//! lists the same operations, rendered on the server without scripts or external assets.

use std::sync::LazyLock;

use actix_web::{get, HttpResponse};
use askama::Template;
use serde_json::Value;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::dto::{
    AreaDto, HouseholdMemberDto, LanguageDto, ParticipantDto, ParticipantPage, ProfileInputDto,
    ProgrammeDto,
};
use super::error::{ErrorBody, ErrorDetail, FieldErrorDto};
use super::{
    continuum, matching_runs, outcomes, participants, programme_archive, programme_settings,
    programmes,
};

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "buddymatch API",
        description = "Participants and programmes of buddymatch. Authenticate with \
            `Authorization: Bearer <token>` (create a token with `buddymatch token create <email>`). \
            Errors are `{\"error\": {\"code\", \"message\", \"fields\"?}}` with a stable code: \
            `validation_failed` (422), `bad_request` (400), `unauthorized` (401), `forbidden` (403), \
            `not_found` (404), `conflict` (409), `internal` (500)."
    ),
    paths(
        programmes::list_programmes,
        programme_settings::create_programme,
        programme_settings::change_programme,
        programme_archive::archive_programme,
        programme_archive::reopen_programme,
        programme_archive::delete_programme,
        participants::create_participant,
        participants::list_participants,
        participants::get_participant,
        participants::update_participant,
        participants::delete_participant,
        matching_runs::start_run, matching_runs::get_run, matching_runs::keep_run, matching_runs::approve_match, matching_runs::reject_match,
        continuum::list_matches, continuum::get_match, continuum::record_checkin, continuum::pause_match, continuum::close_match, outcomes::get_outcomes, outcomes::get_outcomes_csv,
    ),
    components(schemas(
        ProfileInputDto,
        LanguageDto,
        HouseholdMemberDto,
        ParticipantDto,
        ParticipantPage,
        ProgrammeDto,
        AreaDto,
        programme_settings::ProgrammeSettingsDto,
        programme_settings::AreaInputDto,
        programme_settings::NamesInputDto,
        ErrorBody,
        ErrorDetail,
        FieldErrorDto,
        matching_runs::RunRequest, matching_runs::WeightsDto, matching_runs::RunStarted, matching_runs::RunDto, matching_runs::RunSummaryDto, crate::matching_runs::fairness::FairnessReport, crate::matching_runs::fairness::ResultFigures, crate::matching_runs::fairness::GroupFigures, matching_runs::ProposalDto, matching_runs::ProposalPage, matching_runs::UnmatchedDto, matching_runs::RejectRequest, matching_runs::DecisionDto, matching_runs::KeptRunDto,
        continuum::MatchPageDto, continuum::MatchSummaryDto, continuum::StageCountDto, continuum::MatchDetailDto, continuum::StageChangeDto, continuum::CheckinDto, continuum::CheckinAnswerDto, continuum::CheckinRequest, continuum::PauseRequest, continuum::CloseRequest, crate::outcomes::Outcomes, crate::outcomes::BySide, crate::outcomes::Satisfaction, crate::outcomes::Trend, crate::outcomes::Labelled, crate::outcomes::Breakdown, crate::outcomes::Retention, crate::outcomes::Waiting, crate::outcomes::StagesAt, crate::outcomes::SideBreakdown, crate::outcomes::suppression::Cell,
    )),
    modifiers(&BearerToken),
    tags(
        (name = "programmes", description = "Programmes you coordinate; admins create them, change their settings, archive and delete them"),
        (name = "participants", description = "People signed up to a programme"),
        (name = "matching", description = "Matching runs and decisions about their proposals"),
        (name = "continuum", description = "Live matches over time: stages, check-ins, pausing and closing"),
        (name = "outcomes", description = "A programme's figures for a period, with small counts suppressed"),
    )
)]
pub struct ApiDoc;

struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi
            .components
            .get_or_insert_with(utoipa::openapi::Components::new);
        components.add_security_scheme(
            "bearer_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token from `buddymatch token create <email>`."))
                    .build(),
            ),
        );
    }
}

static OPENAPI_JSON: LazyLock<Value> =
    LazyLock::new(|| serde_json::to_value(ApiDoc::openapi()).unwrap_or(Value::Null));

static DOCS_HTML: LazyLock<Result<String, String>> =
    LazyLock::new(|| render_docs(&OPENAPI_JSON).map_err(|e| e.to_string()));

/// The methods the OpenAPI document lists for `path` (upper case, in the document's order),
/// `None` when no documented path matches. A `{name}` segment of a documented path matches any
/// one segment: the document is the one list of what the API answers.
#[must_use]
pub fn documented_methods(path: &str) -> Option<Vec<String>> {
    let paths = OPENAPI_JSON.get("paths")?.as_object()?;
    let asked: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    paths.iter().find_map(|(template, operations)| {
        let parts: Vec<&str> = template.split('/').collect();
        let matches = parts.len() == asked.len()
            && parts
                .iter()
                .zip(&asked)
                .all(|(t, a)| (t.starts_with('{') && t.ends_with('}') && !a.is_empty()) || t == a);
        matches.then(|| {
            operations
                .as_object()
                .map(|ops| ops.keys().map(|m| m.to_uppercase()).collect())
                .unwrap_or_default()
        })
    })
}

/// The OpenAPI 3.1 document.
#[get("/openapi.json")]
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(&*OPENAPI_JSON)
}

/// The API reference as an HTML page.
#[get("/docs")]
pub async fn docs_page() -> HttpResponse {
    match &*DOCS_HTML {
        Ok(html) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(html.as_str()),
        Err(e) => {
            tracing::error!(error = %e, "could not render the API docs page");
            HttpResponse::InternalServerError().finish()
        }
    }
}

/// One run of description text: plain words, or a `backticked` part shown as code.
#[derive(Debug, PartialEq, Eq)]
struct Span {
    code: bool,
    text: String,
}

/// Description text with its `backticked` parts as code spans.
fn prose(s: &str) -> Vec<Span> {
    s.split('`')
        .enumerate()
        .filter(|(i, part)| i % 2 == 1 || !part.is_empty())
        .map(|(i, part)| Span {
            code: i % 2 == 1,
            text: part.to_owned(),
        })
        .collect()
}

/// A piece of a type as the page shows it: a link to a schema, or plain words.
#[derive(Debug)]
enum TypePart {
    Schema(String),
    Words(String),
}

/// A request or response body: its schema and media type.
struct BodyView {
    schema: Vec<TypePart>,
    mime: String,
}

/// A row of an operation's parameter table.
struct ParamView {
    name: String,
    location: String,
    schema: Vec<TypePart>,
    required: bool,
    description: Vec<Span>,
}

/// A row of an operation's response table.
struct ResponseView {
    status: String,
    meaning: String,
    bodies: Vec<BodyView>,
}

/// One operation (method and path).
struct OperationView {
    method: String,
    path: String,
    summary: String,
    description: Vec<Span>,
    secured: bool,
    params: Option<Vec<ParamView>>,
    request_body: Option<Vec<BodyView>>,
    responses: Option<Vec<ResponseView>>,
}

/// A row of a schema's field table.
struct FieldView {
    name: String,
    schema: Vec<TypePart>,
    required: bool,
    description: Vec<Span>,
}

/// One schema of the components section.
struct SchemaView {
    name: String,
    description: Vec<Span>,
    fields: Option<Vec<FieldView>>,
}

/// The docs page; askama escapes every text taken from the OpenAPI document.
#[derive(Template)]
#[template(path = "api/docs.html")]
struct DocsPage {
    title: String,
    version: String,
    description: Vec<Span>,
    openapi_version: String,
    operations: Vec<OperationView>,
    schemas: Vec<SchemaView>,
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// A schema as a short name: `ParticipantDto`, `array of ProgrammeDto`, `integer`.
fn schema_name(schema: &Value) -> Vec<TypePart> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r);
        return vec![TypePart::Schema(name.to_owned())];
    }
    if let Some(items) = schema.get("items") {
        let mut parts = vec![TypePart::Words("array of ".to_owned())];
        parts.extend(schema_name(items));
        return parts;
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = schema.get(key).and_then(Value::as_array) {
            let mut parts = Vec::new();
            for (i, s) in list
                .iter()
                .filter(|s| s.get("type").and_then(Value::as_str) != Some("null"))
                .enumerate()
            {
                if i > 0 {
                    parts.push(TypePart::Words(" or ".to_owned()));
                }
                parts.extend(schema_name(s));
            }
            return parts;
        }
    }
    let words = match schema.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "object".to_owned(),
    };
    vec![TypePart::Words(words)]
}

fn body_schemas(content: Option<&Value>) -> Vec<BodyView> {
    content
        .and_then(Value::as_object)
        .map(|c| {
            c.iter()
                .map(|(mime, media)| BodyView {
                    schema: media.get("schema").map(schema_name).unwrap_or_default(),
                    mime: mime.clone(),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn operation(method: &str, path: &str, op: &Value) -> OperationView {
    OperationView {
        method: method.to_owned(),
        path: path.to_owned(),
        summary: text(op, "summary").to_owned(),
        description: prose(text(op, "description")),
        secured: op.get("security").is_some(),
        params: op
            .get("parameters")
            .and_then(Value::as_array)
            .map(|params| {
                params
                    .iter()
                    .map(|p| ParamView {
                        name: text(p, "name").to_owned(),
                        location: text(p, "in").to_owned(),
                        schema: p.get("schema").map(schema_name).unwrap_or_default(),
                        required: p.get("required").and_then(Value::as_bool) == Some(true),
                        description: prose(text(p, "description")),
                    })
                    .collect()
            }),
        request_body: op
            .get("requestBody")
            .map(|body| body_schemas(body.get("content"))),
        responses: op
            .get("responses")
            .and_then(Value::as_object)
            .map(|responses| {
                responses
                    .iter()
                    .map(|(status, r)| ResponseView {
                        status: status.clone(),
                        meaning: text(r, "description").to_owned(),
                        bodies: body_schemas(r.get("content")),
                    })
                    .collect()
            }),
    }
}

fn schema(name: &str, schema: &Value) -> SchemaView {
    SchemaView {
        name: name.to_owned(),
        description: prose(text(schema, "description")),
        fields: schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|props| {
                let required: Vec<&str> = schema
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                props
                    .iter()
                    .map(|(field, s)| FieldView {
                        name: field.clone(),
                        schema: schema_name(s),
                        required: required.contains(&field.as_str()),
                        description: prose(text(s, "description")),
                    })
                    .collect()
            }),
    }
}

/// The docs page for an OpenAPI document.
///
/// # Errors
/// A failed template render.
pub fn render_docs(openapi: &Value) -> Result<String, askama::Error> {
    let info = openapi.get("info").unwrap_or(&Value::Null);
    let mut operations = Vec::new();
    if let Some(paths) = openapi.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            for method in ["get", "post", "put", "patch", "delete"] {
                if let Some(op) = item.get(method) {
                    operations.push(operation(method, path, op));
                }
            }
        }
    }
    let schemas = openapi
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|schemas| schemas.iter().map(|(n, s)| schema(n, s)).collect())
        .unwrap_or_default();
    DocsPage {
        title: text(info, "title").to_owned(),
        version: text(info, "version").to_owned(),
        description: prose(text(info, "description")),
        openapi_version: text(openapi, "openapi").to_owned(),
        operations,
        schemas,
    }
    .render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_documented_and_secured() {
        let doc = &*OPENAPI_JSON;
        let paths = doc["paths"].as_object().expect("paths");
        let mut ops = 0;
        for item in paths.values() {
            for (method, op) in item.as_object().expect("path item") {
                if ["get", "post", "put", "delete"].contains(&method.as_str()) {
                    ops += 1;
                    assert!(op.get("security").is_some(), "{method} lacks security");
                    assert!(op.get("summary").is_some(), "{method} lacks a summary");
                }
            }
        }
        assert!(ops >= 6, "{ops} operations");
        assert_eq!(
            doc.pointer("/components/securitySchemes/bearer_token/scheme")
                .and_then(Value::as_str),
            Some("bearer")
        );
    }

    #[test]
    fn docs_page_escapes_and_lists_operations() {
        let html = render_docs(&OPENAPI_JSON).expect("renders");
        assert!(html.contains("/api/v1/participants/{id}"));
        assert!(html.contains("ProfileInputDto"));
        assert!(!html.contains("<script"));
        // Escaping is askama's (numeric entities).
        let html = render_docs(&serde_json::json!({
            "info": {"title": "<a href=\"x\">&'", "description": "use `a<b>` now"}
        }))
        .expect("renders");
        assert!(html.contains("<title>&#60;a href=&#34;x&#34;&#62;&#38;&#39;</title>"));
        assert!(html.contains("<p>use <code>a&#60;b&#62;</code> now</p>"));
        assert!(!html.contains("<a href=\"x\">"));
    }
}
