//! The page language of a request: reads `?lang=`, the `lang` cookie and the `Accept-Language`
//! header and hands their plain values to [`i18n::negotiate`], which holds the rule.

use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::http::header::ACCEPT_LANGUAGE;
use actix_web::HttpRequest;

use crate::domain::UiLanguage;
use crate::i18n;

/// Name of the cookie that remembers a language someone switched to.
pub const LANG_COOKIE: &str = "lang";

/// The `lang` query parameter of a request, if it names a language we have.
#[must_use]
pub fn query_language(req: &HttpRequest) -> Option<UiLanguage> {
    i18n::query_param(req.query_string(), "lang").and_then(|l| UiLanguage::parse(&l).ok())
}

/// The page language for a request (see [`i18n::negotiate`]).
#[must_use]
pub fn request_language(req: &HttpRequest, programme_language: Option<&str>) -> UiLanguage {
    let query = i18n::query_param(req.query_string(), "lang");
    let cookie = req.cookie(LANG_COOKIE).map(|c| c.value().to_owned());
    let accept = req
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    i18n::negotiate(
        query.as_deref(),
        cookie.as_deref(),
        accept,
        programme_language,
    )
}

/// The cookie that remembers a language chosen with `?lang=` (a year, whole site).
#[must_use]
pub fn language_cookie(lang: UiLanguage) -> Cookie<'static> {
    Cookie::build(LANG_COOKIE, lang.code())
        .path("/")
        .same_site(SameSite::Lax)
        .http_only(true)
        .max_age(Duration::days(365))
        .finish()
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    #[test]
    fn query_then_cookie_then_header() {
        let req = TestRequest::default()
            .uri("/?lang=ar")
            .cookie(Cookie::new(LANG_COOKIE, "de"))
            .insert_header((ACCEPT_LANGUAGE, "fr"))
            .to_http_request();
        assert_eq!(request_language(&req, Some("uk")), UiLanguage::Ar);
        let req = TestRequest::default()
            .cookie(Cookie::new(LANG_COOKIE, "de"))
            .insert_header((ACCEPT_LANGUAGE, "fr"))
            .to_http_request();
        assert_eq!(request_language(&req, Some("uk")), UiLanguage::De);
        let req = TestRequest::default()
            .insert_header((ACCEPT_LANGUAGE, "de-CH, fr;q=0.9"))
            .to_http_request();
        assert_eq!(request_language(&req, Some("uk")), UiLanguage::De);
        assert_eq!(query_language(&req), None);
        let cookie = language_cookie(UiLanguage::Fa);
        assert_eq!((cookie.name(), cookie.value()), (LANG_COOKIE, "fa"));
    }
}
