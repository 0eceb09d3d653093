//! The OpenAPI document (generated from the handlers' annotations) and a plain HTML page that
//! lists the same operations, rendered on the server without scripts or external assets.

use std::fmt::Write as _;
use std::sync::LazyLock;

use actix_web::{get, HttpResponse};
use serde_json::Value;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::dto::{
    AreaDto, HouseholdMemberDto, LanguageDto, ParticipantDto, ParticipantPage, ProfileInputDto,
    ProgrammeDto,
};
use super::error::{ErrorBody, ErrorDetail, FieldErrorDto};
use super::{matching_runs, participants, programmes};

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
        participants::create_participant,
        participants::list_participants,
        participants::get_participant,
        participants::update_participant,
        participants::delete_participant,
        matching_runs::start_run, matching_runs::get_run, matching_runs::approve_match, matching_runs::reject_match,
    ),
    components(schemas(
        ProfileInputDto,
        LanguageDto,
        HouseholdMemberDto,
        ParticipantDto,
        ParticipantPage,
        ProgrammeDto,
        AreaDto,
        ErrorBody,
        ErrorDetail,
        FieldErrorDto,
        matching_runs::RunRequest, matching_runs::WeightsDto, matching_runs::RunStarted, matching_runs::RunDto, matching_runs::RunSummaryDto, matching_runs::ProposalDto, matching_runs::ProposalPage, matching_runs::UnmatchedDto, matching_runs::RejectRequest, matching_runs::DecisionDto,
    )),
    modifiers(&BearerToken),
    tags(
        (name = "programmes", description = "Programmes you coordinate"),
        (name = "participants", description = "People signed up to a programme"),
        (name = "matching", description = "Matching runs and decisions about their proposals"),
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

static DOCS_HTML: LazyLock<String> = LazyLock::new(|| render_docs(&OPENAPI_JSON));

/// The OpenAPI 3.1 document.
#[get("/openapi.json")]
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(&*OPENAPI_JSON)
}

/// The API reference as an HTML page.
#[get("/docs")]
pub async fn docs_page() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(DOCS_HTML.as_str())
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes `s` and shows `backticked` parts as code.
fn prose(s: &str) -> String {
    esc(s)
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{part}</code>")
            } else {
                part.to_owned()
            }
        })
        .collect()
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// A schema as a short name: `ParticipantDto`, `array of ProgrammeDto`, `integer`.
fn schema_name(schema: &Value) -> String {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r);
        return format!("<a href=\"#schema-{0}\">{0}</a>", esc(name));
    }
    if let Some(items) = schema.get("items") {
        return format!("array of {}", schema_name(items));
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = schema.get(key).and_then(Value::as_array) {
            let parts: Vec<String> = list
                .iter()
                .filter(|s| s.get("type").and_then(Value::as_str) != Some("null"))
                .map(schema_name)
                .collect();
            return parts.join(" or ");
        }
    }
    match schema.get("type") {
        Some(Value::String(t)) => esc(t),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .map(esc)
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "object".to_owned(),
    }
}

fn body_schemas(content: Option<&Value>) -> String {
    content
        .and_then(Value::as_object)
        .map(|c| {
            c.iter()
                .map(|(mime, media)| {
                    let schema = media.get("schema").map_or_else(String::new, schema_name);
                    format!("{schema} <small>({})</small>", esc(mime))
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

fn render_operation(html: &mut String, method: &str, path: &str, op: &Value) {
    let _ = write!(
        html,
        "<section class=\"op\"><h3><span class=\"method {m}\">{M}</span> <code>{p}</code></h3>",
        m = esc(method),
        M = esc(&method.to_uppercase()),
        p = esc(path)
    );
    let summary = text(op, "summary");
    if !summary.is_empty() {
        let _ = write!(html, "<p><strong>{}</strong></p>", esc(summary));
    }
    let description = text(op, "description");
    if !description.is_empty() {
        let _ = write!(html, "<p>{}</p>", prose(description));
    }
    if op.get("security").is_some() {
        html.push_str(
            "<p class=\"auth\">Needs <code>Authorization: Bearer &lt;token&gt;</code>.</p>",
        );
    }
    if let Some(params) = op.get("parameters").and_then(Value::as_array) {
        html.push_str("<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th>required</th><th>description</th></tr>");
        for p in params {
            let _ = write!(
                html,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(text(p, "name")),
                esc(text(p, "in")),
                p.get("schema").map_or_else(String::new, schema_name),
                if p.get("required").and_then(Value::as_bool) == Some(true) {
                    "yes"
                } else {
                    "no"
                },
                prose(text(p, "description")),
            );
        }
        html.push_str("</table>");
    }
    if let Some(body) = op.get("requestBody") {
        let _ = write!(
            html,
            "<h4>Request body</h4><p>{}</p>",
            body_schemas(body.get("content"))
        );
    }
    if let Some(responses) = op.get("responses").and_then(Value::as_object) {
        html.push_str(
            "<h4>Responses</h4><table><tr><th>status</th><th>meaning</th><th>body</th></tr>",
        );
        for (status, r) in responses {
            let _ = write!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(status),
                esc(text(r, "description")),
                body_schemas(r.get("content"))
            );
        }
        html.push_str("</table>");
    }
    html.push_str("</section>");
}

fn render_schema(html: &mut String, name: &str, schema: &Value) {
    let _ = write!(
        html,
        "<section class=\"schema\" id=\"schema-{0}\"><h3>{0}</h3>",
        esc(name)
    );
    let description = text(schema, "description");
    if !description.is_empty() {
        let _ = write!(html, "<p>{}</p>", prose(description));
    }
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        html.push_str(
            "<table><tr><th>field</th><th>type</th><th>required</th><th>description</th></tr>",
        );
        for (field, s) in props {
            let _ = write!(
                html,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(field),
                schema_name(s),
                if required.contains(&field.as_str()) {
                    "yes"
                } else {
                    "no"
                },
                prose(text(s, "description")),
            );
        }
        html.push_str("</table>");
    }
    html.push_str("</section>");
}

/// The docs page for an OpenAPI document.
#[must_use]
pub fn render_docs(openapi: &Value) -> String {
    let info = openapi.get("info").unwrap_or(&Value::Null);
    let mut html = String::new();
    let _ = write!(
        html,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>\
         body{{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;line-height:1.4}}\
         table{{border-collapse:collapse;margin:.5rem 0}}td,th{{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}}\
         .method{{display:inline-block;min-width:4.5rem;padding:.1rem .4rem;border-radius:.2rem;color:#fff;background:#555;font-size:.9rem}}\
         .get{{background:#2a6f2a}}.post{{background:#1f5fa0}}.put{{background:#8a5a00}}.delete{{background:#a02020}}\
         section{{border-top:1px solid #ddd;padding:.5rem 0}}code{{background:#f4f4f4;padding:0 .2rem}}\
         </style></head><body><h1>{title} <small>{version}</small></h1><p>{description}</p>\
         <p>Machine-readable: <a href=\"/api/openapi.json\">/api/openapi.json</a> (OpenAPI {oa}).</p>",
        title = esc(text(info, "title")),
        version = esc(text(info, "version")),
        description = prose(text(info, "description")),
        oa = esc(text(openapi, "openapi")),
    );
    html.push_str(
        "<h2>Getting started</h2><pre><code>buddymatch coordinator add you@example.org --programme demo\n\
         buddymatch token create you@example.org\n\
         curl -H 'Authorization: Bearer &lt;token&gt;' &lt;server&gt;/api/v1/programmes</code></pre>",
    );
    html.push_str("<h2>Operations</h2>");
    if let Some(paths) = openapi.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            for method in ["get", "post", "put", "patch", "delete"] {
                if let Some(op) = item.get(method) {
                    render_operation(&mut html, method, path, op);
                }
            }
        }
    }
    html.push_str("<h2>Schemas</h2>");
    if let Some(schemas) = openapi
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    {
        for (name, schema) in schemas {
            render_schema(&mut html, name, schema);
        }
    }
    html.push_str("</body></html>");
    html
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
        let html = render_docs(&OPENAPI_JSON);
        assert!(html.contains("/api/v1/participants/{id}"));
        assert!(html.contains("ProfileInputDto"));
        assert!(!html.contains("<script"));
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(prose("use `a<b>` now"), "use <code>a&lt;b&gt;</code> now");
    }
}
