//! The sign-up page around the form: title, error summary in form order linking to each
//! field, privacy notice.

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use askama::Template;

use super::form_view::{form_view, FormView};
use crate::db::participants::PRIVACY_NOTICE_VERSION;
use crate::domain::{Programme, UiLanguage, ValidationErrors};
use crate::i18n;
use crate::routes::pages::{self, PageCtx};
use crate::routes::profile_form::FormValues;
use crate::routes::widgets::{ErrorItem, Field};

/// The sign-up page.
#[derive(Template)]
#[template(path = "signup.html")]
pub struct SignupPage {
    page: PageCtx,
    heading: String,
    action: String,
    errors: Vec<ErrorItem>,
    f: FormView,
    privacy: Vec<(String, String)>,
    privacy_legal: String,
    /// When the form was first shown, signed (see `signup::fill_time`).
    started: String,
}

/// Where the summary links to, and what it calls the field.
fn anchor_and_label(lang: UiLanguage, field: &str, view: &FormView) -> (String, String) {
    let t = |id: &str| i18n::t(lang, id);
    let first = |g: &Field| g.anchor().to_owned();
    if let Some(rest) = field.strip_prefix("languages.") {
        let n = rest.parse::<usize>().unwrap_or(0);
        let number = (n + 1).to_string();
        if view.language_rows.get(n).is_some_and(|r| r.level_at_fault) {
            return (
                format!("languages-{n}-level"),
                i18n::t_args(lang, "level-of-language-n", &[("n", &number)]),
            );
        }
        return (
            format!("languages-{n}-code"),
            i18n::t_args(lang, "languages-row", &[("n", &number)]),
        );
    }
    if let Some(rest) = field.strip_prefix("household_members.") {
        let n = rest.parse::<usize>().unwrap_or(0);
        return (
            format!("household_members-{n}-first_name"),
            i18n::t_args(
                lang,
                "household-member-name",
                &[("n", &(n + 1).to_string())],
            ),
        );
    }
    match field {
        "languages" => ("languages-0-code".into(), t("section-languages")),
        "household_members" => (
            "household_members-0-first_name".into(),
            t("household-members-legend"),
        ),
        "role" => (first(&view.role), view.role.label.clone()),
        "practise_languages" => (
            first(&view.practise_languages),
            view.practise_languages.label.clone(),
        ),
        "interests" => (first(&view.interests), t("section-interests")),
        "availability" => ("availability-mon_morning".into(), t("section-availability")),
        "pref_buddy_gender" => (
            first(&view.pref_buddy_gender),
            view.pref_buddy_gender.label.clone(),
        ),
        "share_domains" => (first(&view.share_domains), view.share_domains.label.clone()),
        "learn_domains" => (first(&view.learn_domains), view.learn_domains.label.clone()),
        "consent" => ("consent".into(), t("section-consent")),
        other => {
            let label_id = match other {
                "first_name" => "field-first-name",
                "last_name" => "field-last-name",
                "email" => "field-email",
                "phone" => "field-phone",
                "message_language" => "field-message-language",
                "birth_year" => "field-birth-year",
                "gender" => "field-gender",
                "is_minor" => "field-is-minor",
                "volunteer" => "field-volunteer",
                "capacity" => "field-capacity",
                "area" => "field-area",
                "max_travel_km" => "field-max-travel",
                "online_ok" => "field-online-ok",
                "household_adults" => "field-household-adults",
                "household_children" => "field-household-children",
                "pref_family" => "field-pref-family",
                "pref_age_min" => "field-pref-age-min",
                "pref_age_max" => "field-pref-age-max",
                "pref_outside_language_community" => "field-pref-outside-community",
                _ => "",
            };
            let label = if label_id.is_empty() {
                String::new()
            } else {
                t(label_id)
            };
            (other.to_owned(), label)
        }
    }
}

/// Form order, for sorting the error summary.
const FIELD_ORDER: [&str; 31] = [
    "form",
    "first_name",
    "last_name",
    "email",
    "phone",
    "message_language",
    "birth_year",
    "gender",
    "is_minor",
    "role",
    "volunteer",
    "capacity",
    "languages",
    "practise_languages",
    "interests",
    "availability",
    "area",
    "max_travel_km",
    "online_ok",
    "household_adults",
    "household_children",
    "household_members",
    "pref_buddy_gender",
    "pref_family",
    "pref_age_min",
    "pref_age_max",
    "pref_outside_language_community",
    "share_domains",
    "learn_domains",
    "consent",
    "",
];

fn order_of(field: &str) -> (usize, usize) {
    let (base, row) = match field.split_once('.') {
        Some((b, r)) => (b, r.parse::<usize>().map_or(0, |n| n + 1)),
        None => (field, 0),
    };
    (
        FIELD_ORDER
            .iter()
            .position(|f| *f == base)
            .unwrap_or(FIELD_ORDER.len()),
        row,
    )
}

pub(super) fn signup_query(programme: &str) -> [(&'static str, &str); 1] {
    [("programme", programme)]
}

/// Renders the form page. `values` carries the form's signed `started` stamp; `form_message`
/// is what the summary says for an error about the whole form (field `form`).
pub(super) fn render_form(
    status: StatusCode,
    lang: UiLanguage,
    programme: &Programme,
    values: &FormValues,
    errors: &ValidationErrors,
    member_rows: &[usize],
    form_message: Option<String>,
) -> HttpResponse {
    // Household member errors are numbered by given member; the form numbers rows.
    let mut errors = errors.clone();
    for e in &mut errors.errors {
        if let Some(rest) = e.field.strip_prefix("household_members.") {
            if let Some(row) = rest.parse::<usize>().ok().and_then(|i| member_rows.get(i)) {
                e.field = format!("household_members.{row}");
            }
        }
    }
    errors.errors.sort_by_key(|e| order_of(&e.field));
    let mut f = form_view(lang, programme, values, &errors);
    for row in &mut f.household_members {
        let i: usize = row
            .first_name
            .id
            .split('-')
            .nth(1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        if let Some(e) = errors
            .errors
            .iter()
            .find(|e| e.field == format!("household_members.{i}"))
        {
            let message = i18n::error_message(lang, e.code);
            row.error = Some(message.clone());
            row.first_name.error = Some(message);
        }
    }
    let mut seen = std::collections::HashSet::new();
    let summary = errors
        .errors
        .iter()
        .filter(|e| seen.insert(e.field.clone()))
        .map(|e| {
            let (anchor, label) = anchor_and_label(lang, &e.field, &f);
            let message = if e.field == "form" {
                form_message
                    .clone()
                    .unwrap_or_else(|| i18n::t(lang, "error-form-too-large"))
            } else {
                i18n::error_message(lang, e.code)
            };
            ErrorItem {
                anchor,
                label,
                message,
            }
        })
        .collect();
    let isolated = i18n::isolate(&programme.name);
    let name = isolated.as_str();
    let title = if errors.is_empty() {
        format!("{} – {name}", i18n::t(lang, "signup-title"))
    } else {
        // The prefix carries its own colon ("Error:", "Erreur :").
        format!(
            "{} {} – {name}",
            i18n::t(lang, "error-prefix"),
            i18n::t(lang, "signup-title")
        )
    };
    let page = PageCtx::new(lang, title, "/signup", &signup_query(&programme.slug));
    let action = format!(
        "/signup?{}",
        serde_urlencoded::to_string([
            ("programme", programme.slug.as_str()),
            ("lang", lang.code())
        ])
        .unwrap_or_default()
    );
    let unconfirmed_days = programme.unconfirmed_days.to_string();
    let retention_months = programme.retention_months.to_string();
    let section = |key: &str| {
        let id = format!("privacy-{key}");
        (
            i18n::t(lang, &format!("{id}-title")),
            i18n::t_args(
                lang,
                &id,
                &[
                    ("programme", name),
                    ("unconfirmed_days", &unconfirmed_days),
                    ("retention_months", &retention_months),
                ],
            ),
        )
    };
    let mut privacy = vec![(
        String::new(),
        i18n::t_args(lang, "privacy-intro", &[("programme", name)]),
    )];
    privacy.extend(["collected", "purpose", "who", "retention", "contact"].map(section));
    let template = SignupPage {
        page,
        heading: i18n::t_args(lang, "signup-heading", &[("programme", name)]),
        action,
        errors: summary,
        f,
        privacy,
        privacy_legal: i18n::t_args(
            lang,
            "privacy-legal",
            &[("version", &i18n::isolate(PRIVACY_NOTICE_VERSION))],
        ),
        started: values.get("started").to_owned(),
    };
    let mut response = pages::render(status, &template);
    pages::set_content_language(&mut response, lang);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_fields_sort_in_form_order() {
        assert!(order_of("email") < order_of("languages.0"));
        assert!(order_of("languages") < order_of("languages.1"));
        assert!(order_of("consent") > order_of("learn_domains"));
    }
}
