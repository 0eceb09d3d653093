//! Security headers on every response, errors included. Pages use no script at all and no inline
//! style (emails have their own), so the policy can be strict: everything from this origin only,
//! no plugins, no framing, forms only back to us. `Referrer-Policy: no-referrer` because personal
//! links carry their token in the path. HSTS only when the public address is https.

use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};

/// The Content-Security-Policy of every response.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// HSTS for a year, once the service is reached over https.
const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

const HEADERS: [(&str, &str); 6] = [
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=()",
    ),
];

/// Whether responses for `public_url` carry HSTS.
#[must_use]
pub fn wants_hsts(public_url: &str) -> bool {
    public_url.starts_with("https://")
}

/// Sets the headers on a response (a handler's own value for one of them wins).
pub fn apply(headers: &mut HeaderMap, hsts: bool) {
    let hsts = hsts.then_some(("strict-transport-security", STRICT_TRANSPORT_SECURITY));
    for (name, value) in HEADERS.into_iter().chain(hsts) {
        let name = HeaderName::from_static(name);
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
}
