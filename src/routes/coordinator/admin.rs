//! Admin pages: coordinator accounts (add, assign programmes); the audit log is `audit_log`.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;

use super::form::error_text;
use super::frame;
use super::{respond, see_other, At, CoordError, Field, Nav, PageError, Signed, Values};
use crate::accounts::store::{self as account_store, AccountError, Coordinator, CoordinatorRole};
use crate::accounts::{self, Password, PasswordError};
use crate::db::programmes;
use crate::domain::{Email, Programme};
use crate::i18n;
use crate::routes::pages::PageCtx;
use crate::state::AppState;

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(accounts_page)
        .service(add_account)
        .service(assign_programmes);
}

/// One account with a form to change its programmes.
struct AccountRow {
    account: Coordinator,
    role: String,
    programmes: Field,
}

/// The accounts page.
#[derive(Template)]
#[template(path = "coordinator/accounts.html")]
struct AccountsPage {
    page: PageCtx,
    nav: Option<Nav>,
    csrf: String,
    rows: Vec<AccountRow>,
    add: Vec<Field>,
    errors: Vec<(String, String, String)>,
}

fn programme_options(all: &[Programme]) -> Vec<(String, String)> {
    all.iter()
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect()
}

async fn accounts_response(
    req: &HttpRequest,
    state: &AppState,
    signed: &Signed,
    values: &Values,
    errors: &[(&str, &str)],
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let (list, all) = state
        .db
        .run(|db| -> Result<_, CoordError> {
            let mut conn = db.get()?;
            Ok((accounts::list(&mut conn)?, programmes::list(&mut conn)?))
        })
        .await
        .at(lang)?;
    let t = |id: &str| i18n::t(lang, id);
    let rows = list
        .into_iter()
        .map(|a| {
            let ids = a.programme_ids.clone();
            AccountRow {
                role: t(&format!("coord-role-{}", a.role.code())),
                programmes: Field::group(
                    &format!("programmes-{}", a.id),
                    t("coord-field-programmes"),
                    true,
                    programme_options(&all),
                    |v| ids.iter().any(|id| id.to_string() == v),
                ),
                account: a,
            }
        })
        .collect();
    let mut add = vec![
        Field::input(
            "email",
            "email",
            t("coord-field-email"),
            values.get("email"),
        )
        .required(),
        Field::input(
            "password",
            "password",
            t("coord-field-initial-password"),
            "",
        )
        .required()
        .autocomplete("new-password")
        .hint(t("coord-password-hint")),
        Field::group(
            "role",
            t("coord-field-account-role"),
            false,
            vec![
                ("coordinator".to_owned(), t("coord-role-coordinator")),
                ("admin".to_owned(), t("coord-role-admin")),
            ],
            |v| values.get("role") == v || (values.get("role").is_empty() && v == "coordinator"),
        ),
        Field::group(
            "programmes",
            t("coord-field-programmes"),
            true,
            programme_options(&all),
            |v| values.has("programmes", v),
        ),
    ];
    for f in &mut add {
        f.error = errors
            .iter()
            .find(|(n, _)| *n == f.name)
            .map(|(_, c)| error_text(lang, c));
    }
    let summary = add
        .iter()
        .filter_map(|f| {
            f.error.clone().map(|e| {
                let anchor = f
                    .options
                    .first()
                    .map_or_else(|| f.id.clone(), |o| o.id.clone());
                (anchor, f.label.clone(), e)
            })
        })
        .collect();
    let page = AccountsPage {
        page: frame(req, lang, t("coord-accounts-title")),
        nav: Some(signed.nav()),
        csrf: signed.csrf.clone(),
        rows,
        add,
        errors: summary,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(respond(req, status, lang, &page))
}

/// `GET /coordinator/accounts` (admins only)
#[get("/coordinator/accounts")]
async fn accounts_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
) -> Result<HttpResponse, PageError> {
    signed.require_admin()?;
    accounts_response(&req, &state, &signed, &Values::default(), &[]).await
}

/// `POST /coordinator/accounts`: adds an account (email, initial password, role, programmes).
#[post("/coordinator/accounts")]
async fn add_account(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    signed.require_admin()?;
    let values = signed.form(&body)?;
    let mut errors: Vec<(&str, &str)> = Vec::new();
    let email = Email::parse(values.get("email"))
        .map_err(|c| errors.push(("email", c)))
        .ok();
    let password = match Password::parse(values.get("password")) {
        Ok(p) => Some(p),
        Err(PasswordError::TooShort) => {
            errors.push(("password", "password_too_short"));
            None
        }
        Err(_) => {
            errors.push(("password", "too_long"));
            None
        }
    };
    let role = CoordinatorRole::parse(values.get("role"))
        .map_err(|c| errors.push(("role", c)))
        .ok();
    let ids: Vec<i32> = values
        .all("programmes")
        .filter_map(|v| v.parse().ok())
        .collect();
    let (Some(email), Some(password), Some(role)) = (email, password, role) else {
        return accounts_response(&req, &state, &signed, &values, &errors).await;
    };
    let hash = accounts::hash_password(&password)
        .map_err(|e| PageError::new(lang, CoordError::Unexpected(anyhow::anyhow!(e))))?;
    let s = signed.clone();
    let created = state
        .db
        .run(move |db| {
            db.write(|c| -> Result<Option<i32>, CoordError> {
                let all = programmes::list(c)?;
                let slugs: Vec<String> = all
                    .iter()
                    .filter(|p| ids.contains(&p.id))
                    .map(|p| p.slug.clone())
                    .collect();
                let now = Utc::now().naive_utc();
                match account_store::create_coordinator(c, &email, &hash, role, &slugs, now) {
                    Ok(a) => {
                        s.audit(c, None, "coordinator.create", "coordinator", Some(a.id))?;
                        Ok(Some(a.id))
                    }
                    Err(AccountError::Exists(_)) => Ok(None),
                    Err(e) => Err(e.into()),
                }
            })
        })
        .await
        .at(lang)?;
    match created {
        Some(_) => Ok(see_other("/coordinator/accounts")),
        None => {
            accounts_response(
                &req,
                &state,
                &signed,
                &values,
                &[("email", "account_exists")],
            )
            .await
        }
    }
}

/// `POST /coordinator/accounts/{id}/programmes`: the account's programmes become exactly the
/// ticked ones.
#[post("/coordinator/accounts/{id}/programmes")]
async fn assign_programmes(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    signed.require_admin()?;
    let values = signed.form(&body)?;
    let id = path.into_inner();
    let name = format!("programmes-{id}");
    let ids: Vec<i32> = values.all(&name).filter_map(|v| v.parse().ok()).collect();
    let s = signed.clone();
    let found = state
        .db
        .run(move |db| {
            db.write(|c| -> Result<bool, CoordError> {
                if accounts::find_by_id(c, id)?.is_none() {
                    return Ok(false);
                }
                let known: Vec<i32> = programmes::list(c)?.into_iter().map(|p| p.id).collect();
                let ids: Vec<i32> = ids.into_iter().filter(|i| known.contains(i)).collect();
                accounts::set_programmes(c, id, &ids)?;
                s.audit(c, None, "coordinator.programmes", "coordinator", Some(id))?;
                Ok(true)
            })
        })
        .await
        .at(lang)?;
    if found {
        Ok(see_other("/coordinator/accounts"))
    } else {
        Err(PageError::new(lang, CoordError::NotFound))
    }
}
