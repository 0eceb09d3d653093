//! What every public HTML page shares: the page frame (language, direction, language switcher),
//! rendering, the stylesheet, and the translated "not found" / "something went wrong" pages.

use actix_web::http::{header, StatusCode};
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;

use crate::domain::UiLanguage;
use crate::i18n;
use crate::routes::language;

/// The page frame's data: language, title and the language switcher.
#[derive(Debug, Clone)]
pub struct PageCtx {
    /// Page language.
    pub lang: UiLanguage,
    /// Text of `<title>` (the site name is appended).
    pub title: String,
    /// One link per language.
    pub switcher: Vec<SwitchLink>,
}

/// A link of the language switcher.
#[derive(Debug, Clone)]
pub struct SwitchLink {
    /// `de`
    pub code: &'static str,
    /// `Deutsch`
    pub name: &'static str,
    /// The same page in that language.
    pub href: String,
    /// The page is in this language.
    pub current: bool,
}

impl PageCtx {
    /// A frame for `path` (plus `query` without `lang`) in `lang`, titled by the message `title_id`.
    #[must_use]
    pub fn new(lang: UiLanguage, title: String, path: &str, query: &[(&str, &str)]) -> Self {
        let switcher = UiLanguage::ALL
            .into_iter()
            .map(|l| {
                let mut pairs: Vec<(&str, &str)> = query
                    .iter()
                    .filter(|(k, _)| *k != "lang")
                    .copied()
                    .collect();
                pairs.push(("lang", l.code()));
                let qs = serde_urlencoded::to_string(&pairs).unwrap_or_default();
                SwitchLink {
                    code: l.code(),
                    name: l.native_name(),
                    href: format!("{path}?{qs}"),
                    current: l == lang,
                }
            })
            .collect();
        Self {
            lang,
            title,
            switcher,
        }
    }

    /// The message `id` in the page language.
    #[must_use]
    pub fn t(&self, id: &str) -> String {
        i18n::t(self.lang, id)
    }

    /// A count or figure in the page's language ("13,912,345", "13.912.345", "۱۳٬۹۱۲٬۳۴۵");
    /// not for ids people type back in.
    #[must_use]
    pub fn num<N: TryInto<i64> + Copy>(&self, n: &N) -> String {
        (*n).try_into()
            .map_or_else(|_| "–".to_owned(), |v| i18n::format::integer(self.lang, v))
    }

    /// `en`, `ar`, ...
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// `rtl` for Arabic and Farsi, else `ltr`.
    #[must_use]
    pub fn dir(&self) -> &'static str {
        if self.lang.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }
}

/// A link on a message page.
#[derive(Debug, Clone)]
pub struct Link {
    /// Target.
    pub href: String,
    /// Text.
    pub text: String,
}

/// A page with a heading, some paragraphs and optionally a button (a POST form) or a link.
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    /// Frame; its title is the heading.
    pub page: PageCtx,
    /// Paragraphs.
    pub paragraphs: Vec<String>,
    /// Where the button posts to, if there is one.
    pub button_action: Option<String>,
    /// The button's text.
    pub button_label: String,
    /// A link under the text.
    pub link: Option<Link>,
}

/// Renders a template as an HTML response with `status`; a template that fails to render (a
/// bug) gives a plain 500 rather than a half page.
pub fn render(status: StatusCode, template: &impl Template) -> HttpResponse {
    match template.render() {
        Ok(body) => HttpResponse::build(status)
            .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(body),
        Err(e) => {
            tracing::error!(error = %e, "a template failed to render");
            HttpResponse::InternalServerError()
                .content_type("text/plain; charset=utf-8")
                .body("Internal error")
        }
    }
}

/// A message page in `lang`: title and body from the messages `<key>-title` and `<key>-body`.
pub fn message(
    status: StatusCode,
    lang: UiLanguage,
    key: &str,
    path: &str,
    query: &[(&str, &str)],
) -> HttpResponse {
    let page = PageCtx::new(lang, i18n::t(lang, &format!("{key}-title")), path, query);
    let mut response = render(
        status,
        &MessagePage {
            paragraphs: vec![i18n::t(lang, &format!("{key}-body"))],
            page,
            button_action: None,
            button_label: String::new(),
            link: None,
        },
    );
    set_content_language(&mut response, lang);
    response
}

/// Marks the response's language.
pub fn set_content_language(response: &mut HttpResponse, lang: UiLanguage) {
    if let Ok(value) = header::HeaderValue::from_str(lang.code()) {
        response
            .headers_mut()
            .insert(header::CONTENT_LANGUAGE, value);
    }
}

/// The translated "page not found" page (404) for a request.
pub fn not_found(req: &HttpRequest) -> HttpResponse {
    let lang = language::request_language(req, None);
    message(StatusCode::NOT_FOUND, lang, "not-found", req.path(), &[])
}

/// The translated "something went wrong" page (500); the cause goes to the log only.
pub fn server_error(lang: UiLanguage, error: &dyn std::fmt::Display) -> HttpResponse {
    // `{:#}`: the whole chain of causes, not only the outermost context.
    tracing::error!(error = %format_args!("{error:#}"), "request failed");
    message(
        StatusCode::INTERNAL_SERVER_ERROR,
        lang,
        "server-error",
        "/",
        &[],
    )
}

/// Fallback for paths no route matches: a translated HTML 404 (JSON under `/api/`).
pub async fn default_not_found(req: HttpRequest) -> HttpResponse {
    if req.path().starts_with("/api/") {
        return HttpResponse::NotFound().json(serde_json::json!({
            "error": { "code": "not_found", "message": "There is nothing at this address." }
        }));
    }
    not_found(&req)
}

/// `GET /static/app.css`
#[get("/static/app.css")]
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../static/app.css"))
}

/// Registers the stylesheet.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(stylesheet);
}
