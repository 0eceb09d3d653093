//! Shared arrangements for the JSON API tests: accounts with tokens, a second programme, a valid
//! profile body, authorised requests.

use buddymatch::accounts::store::{self, CoordinatorRole};
use buddymatch::db::programmes::{self, NewProgramme};
use buddymatch::domain::Email;
use serde_json::{json, Value};

use crate::helpers::TestApp;

/// Creates an account (with a dummy password hash: these tests use tokens only) linked to
/// `programmes`, and returns a fresh API token for it.
pub async fn account_with_token(
    app: &TestApp,
    email: &str,
    role: CoordinatorRole,
    programme_slugs: &[&str],
) -> String {
    let db = app.db().clone();
    let email = Email::parse(email).expect("valid email");
    let slugs: Vec<String> = programme_slugs.iter().map(|s| (*s).to_owned()).collect();
    tokio::task::spawn_blocking(move || {
        let now = chrono::Utc::now().naive_utc();
        db.write(|conn| {
            store::create_coordinator(conn, &email, "$argon2id$dummy", role, &slugs, now)?;
            store::create_api_token(conn, &email, "test", now)
        })
        .expect("account and token created")
    })
    .await
    .expect("blocking task")
}

/// A coordinator of the demo programme and their token.
pub async fn demo_coordinator(app: &TestApp) -> String {
    account_with_token(
        app,
        "coord@example.org",
        CoordinatorRole::Coordinator,
        &["demo"],
    )
    .await
}

/// Creates a second programme `other` with one area `north`.
pub async fn other_programme(app: &TestApp) {
    let db = app.db().clone();
    tokio::task::spawn_blocking(move || {
        let areas = vec![buddymatch::domain::Area {
            slug: "north".into(),
            name: "North".into(),
            lat: 52.0,
            lon: 13.0,
        }];
        db.write(|conn| {
            programmes::create(
                conn,
                &NewProgramme {
                    slug: "other",
                    name: "Other programme",
                    local_language: "fr",
                    areas: &areas,
                    interests: &[],
                },
            )
        })
        .expect("programme created");
    })
    .await
    .expect("blocking task");
}

/// A valid profile for the demo programme.
pub fn profile(first_name: &str, email: &str, role: &str, volunteer: bool) -> Value {
    json!({
        "first_name": first_name,
        "last_name": "Tester",
        "email": email,
        "message_language": "uk",
        "role": role,
        "volunteer": volunteer,
        "languages": [{"code": "uk", "level": "native"}, {"code": "de", "level": "A2"}],
        "practise_languages": ["de"],
        "interests": ["chess", "cooking"],
        "availability": ["mon_evening", "sat_morning"],
        "area": "zentrum",
        "household_members": [{"first_name": "Ira", "birth_year": 2015}],
        "learn_domains": ["work"],
        "consent": true
    })
}

/// Request helpers with a bearer token.
pub struct Api<'a> {
    /// The app.
    pub app: &'a TestApp,
    /// The token (None: no Authorization header).
    pub token: Option<String>,
}

impl<'a> Api<'a> {
    /// With this token.
    pub fn new(app: &'a TestApp, token: &str) -> Self {
        Self {
            app,
            token: Some(token.to_owned()),
        }
    }

    fn req(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let r = self
            .app
            .client
            .request(method, format!("{}{path}", self.app.address));
        match &self.token {
            Some(t) => r.bearer_auth(t),
            None => r,
        }
    }

    /// GET.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.req(reqwest::Method::GET, path)
            .send()
            .await
            .expect("request sent")
    }

    /// POST a JSON body.
    pub async fn post(&self, path: &str, body: &Value) -> reqwest::Response {
        self.req(reqwest::Method::POST, path)
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    /// POST raw text as application/json.
    pub async fn post_raw(&self, path: &str, body: &str) -> reqwest::Response {
        self.req(reqwest::Method::POST, path)
            .header("content-type", "application/json")
            .body(body.to_owned())
            .send()
            .await
            .expect("request sent")
    }

    /// PUT a JSON body.
    pub async fn put(&self, path: &str, body: &Value) -> reqwest::Response {
        self.req(reqwest::Method::PUT, path)
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    /// PATCH a JSON body.
    pub async fn patch(&self, path: &str, body: &Value) -> reqwest::Response {
        self.req(reqwest::Method::PATCH, path)
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    /// DELETE.
    pub async fn delete(&self, path: &str) -> reqwest::Response {
        self.req(reqwest::Method::DELETE, path)
            .send()
            .await
            .expect("request sent")
    }
}

/// Status and JSON body; panics with the body when it is not JSON (a 500 page would be HTML).
pub async fn status_json(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    let body = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("status {status}: body is not JSON ({e}): {text}"));
    (status, body)
}

/// The `code` of each entry in `error.fields`, by field.
pub fn field_codes(body: &Value) -> Vec<(String, String)> {
    body["error"]["fields"]
        .as_array()
        .map(|fields| {
            fields
                .iter()
                .map(|f| {
                    (
                        f["field"].as_str().unwrap_or_default().to_owned(),
                        f["code"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}
