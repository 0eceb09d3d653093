//! Security headers on every kind of response: pages, redirects, errors, static files, the API.

use buddymatch::routes::security_headers::CONTENT_SECURITY_POLICY;

use crate::helpers::{spawn_app, spawn_app_with};

#[tokio::test]
async fn every_response_carries_the_security_headers_and_no_hsts_over_http() {
    let app = spawn_app().await;
    let redirect = app
        .client
        .post(format!("{}/coordinator/logout", app.address))
        .send()
        .await
        .expect("sent");
    let mut responses = vec![redirect];
    for path in [
        "/signup?programme=demo&lang=ar",
        "/static/app.css",
        "/no/such/page",
        "/api/openapi.json",
        "/api/v1/programmes",
        "/me/not-a-token",
        "/healthz",
    ] {
        responses.push(app.get(path).await);
    }
    for r in &responses {
        let h = r.headers();
        let context = format!("{} {}", r.url().path(), r.status());
        let header = |name: &str| h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("");
        assert_eq!(
            header("content-security-policy"),
            CONTENT_SECURITY_POLICY,
            "{context}"
        );
        assert_eq!(header("x-content-type-options"), "nosniff", "{context}");
        assert_eq!(header("referrer-policy"), "no-referrer", "{context}");
        assert_eq!(header("x-frame-options"), "DENY", "{context}");
        assert!(h.get("strict-transport-security").is_none(), "{context}");
    }
    assert!(CONTENT_SECURITY_POLICY.contains("frame-ancestors 'none'"));
    assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-inline"));
}

#[tokio::test]
async fn hsts_is_sent_when_the_public_address_is_https() {
    let app = spawn_app_with(|s| s.base_url = Some("https://buddies.example.org".into())).await;
    for path in ["/signup?programme=demo", "/api/v1/programmes"] {
        let r = app.get(path).await;
        assert!(r.headers()["strict-transport-security"]
            .to_str()
            .expect("ascii")
            .starts_with("max-age=31536000"));
    }
}
