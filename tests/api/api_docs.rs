//! The OpenAPI document and the docs page.

use crate::helpers::spawn_app;

#[tokio::test]
async fn openapi_json_describes_every_endpoint() {
    let app = spawn_app().await;
    let response = app.get("/api/openapi.json").await;
    assert_eq!(response.status().as_u16(), 200);
    let doc: serde_json::Value = response.json().await.expect("valid JSON");
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with('3')));
    for (path, methods) in [
        ("/api/v1/programmes", &["get"][..]),
        (
            "/api/v1/programmes/{slug}/participants",
            &["get", "post"][..],
        ),
        ("/api/v1/participants/{id}", &["get", "put", "delete"][..]),
    ] {
        for method in methods {
            let op = &doc["paths"][path][method];
            assert!(op.is_object(), "{method} {path} missing");
            assert!(op["security"].is_array(), "{method} {path} has no security");
        }
    }
    assert!(doc["paths"]
        .as_object()
        .is_some_and(|p| p.keys().all(|k| k.starts_with("/api/v1/"))));
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer_token"]["scheme"],
        "bearer"
    );
    let profile = &doc["components"]["schemas"]["ProfileInputDto"]["properties"];
    for field in [
        "first_name",
        "email",
        "languages",
        "availability",
        "consent",
    ] {
        assert!(profile[field].is_object(), "ProfileInputDto.{field}");
    }
    assert!(
        doc["paths"]["/api/v1/programmes/{slug}/participants"]["get"]["parameters"]
            .as_array()
            .is_some_and(|p| p.iter().any(|x| x["name"] == "per_page"))
    );
}

#[tokio::test]
async fn docs_page_lists_the_operations_without_external_assets() {
    let app = spawn_app().await;
    let response = app.get("/api/docs").await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("text/html")));
    let html = response.text().await.expect("body");
    for needle in [
        "/api/v1/programmes/{slug}/participants",
        "/api/v1/participants/{id}",
        "ProfileInputDto",
        "per_page",
        "Authorization: Bearer",
    ] {
        assert!(html.contains(needle), "docs page lacks {needle}");
    }
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no external assets"
    );
}

#[tokio::test]
async fn a_documented_path_with_another_method_is_405_with_allow_an_unknown_one_404() {
    let app = spawn_app().await;
    let token = crate::api_support::demo_coordinator(&app).await;
    let send = |method: reqwest::Method, path: &str| {
        app.client
            .request(method, format!("{}{path}", app.address))
            .bearer_auth(&token)
            .send()
    };
    let r = send(
        reqwest::Method::DELETE,
        "/api/v1/programmes/demo/participants",
    )
    .await
    .expect("sent");
    assert_eq!(r.status().as_u16(), 405);
    assert_eq!(r.headers()["allow"], "GET, POST");
    let r = send(reqwest::Method::PUT, "/api/v1/matches/7/close")
        .await
        .expect("sent");
    assert_eq!(r.status().as_u16(), 405);
    assert_eq!(r.headers()["allow"], "POST");
    let body: serde_json::Value = r.json().await.expect("json");
    assert_eq!(body["error"]["code"], "method_not_allowed");
    let r = send(reqwest::Method::GET, "/api/v1/no/such/thing")
        .await
        .expect("sent");
    assert_eq!(r.status().as_u16(), 404);
}
