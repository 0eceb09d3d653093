//! The sign-up page around the form: title, error summary in form order linking to each
//! field, privacy notice.

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use askama::Template;

use super::form_view::{form_view, FormView, Rows};
use super::steps::{self, Step};
use crate::db::participants::PRIVACY_NOTICE_VERSION;
use crate::domain::{Programme, UiLanguage, ValidationErrors};
use crate::i18n;
use crate::routes::pages::{self, PageCtx};
use crate::routes::profile_form::{reader, FormValues};
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
    privacy_intro: String,
    /// The notice's sections: heading, text.
    privacy: Vec<(String, String)>,
    privacy_legal: String,
    /// When the form was first shown, signed (see `signup::fill_time`).
    started: String,
    /// The step shown, 1-based; 0 for the whole form on one page.
    step: usize,
    /// "Step 2 of 3" (empty for the whole form).
    progress: String,
    /// The shown step's name.
    step_name: String,
    /// Which parts are on the page.
    show: ShownParts,
    /// Answers of the other steps, sent again with this one.
    carried: Vec<(String, String)>,
    /// Whether another language row can be added.
    can_add_language: bool,
}

/// Which parts of the form a page shows.
#[derive(Debug, Clone, Copy, Default)]
#[allow(clippy::struct_excessive_bools)] // one flag per part of the form, read by the template
struct ShownParts {
    about: bool,
    languages: bool,
    send: bool,
    /// The volunteer questions: for people who already live here (always on the whole form).
    volunteering: bool,
    /// The optional household part starts open: something in it is answered or wrong.
    household_open: bool,
    /// The optional wishes part starts open, for the same reasons.
    wishes_open: bool,
    /// The optional share/learn part starts open, for the same reasons.
    domains_open: bool,
}

/// What a sign-up page shows: the whole form, or one step of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shown {
    /// Everything on one page (a form sent whole, without steps).
    Whole,
    /// One step; `adding` when the person asked for one more row on it.
    Step { step: Step, adding: bool },
}

impl Shown {
    /// A step as it comes, without an added row.
    pub(super) fn step(step: Step) -> Self {
        Shown::Step {
            step,
            adding: false,
        }
    }

    fn rows(self, values: &FormValues) -> Rows {
        match self {
            Shown::Whole => Rows {
                languages: reader::language_rows(values),
                members: reader::member_rows(values),
            },
            Shown::Step { step, adding } => Rows {
                languages: steps::language_rows(values, adding && step == Step::Languages),
                members: steps::member_rows(values, adding && step == Step::Send),
            },
        }
    }

    fn parts(self, values: &FormValues, errors: &ValidationErrors) -> ShownParts {
        let touched = |fields: &[&str]| {
            fields.iter().any(|f| {
                values
                    .0
                    .iter()
                    .any(|(k, v)| k.split('.').next() == Some(*f) && !v.trim().is_empty())
                    || errors
                        .errors
                        .iter()
                        .any(|e| e.field.split('.').next() == Some(*f))
            })
        };
        let (about, languages, send) = match self {
            Shown::Whole => (true, true, true),
            Shown::Step { step, .. } => (
                step == Step::About,
                step == Step::Languages,
                step == Step::Send,
            ),
        };
        ShownParts {
            about,
            languages,
            send,
            volunteering: self == Shown::Whole || steps::lives_here(values),
            household_open: touched(&["household_members"])
                || !matches!(values.get("household_adults").trim(), "" | "1")
                || !matches!(values.get("household_children").trim(), "" | "0")
                || errors
                    .errors
                    .iter()
                    .any(|e| e.field.starts_with("household_")),
            wishes_open: touched(&[
                "pref_family",
                "pref_age_min",
                "pref_age_max",
                "pref_outside_language_community",
            ]) || matches!(values.get("pref_buddy_gender"), "woman" | "man"),
            domains_open: touched(&["share_domains", "learn_domains"]),
        }
    }
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
    "role",
    "first_name",
    "last_name",
    "email",
    "phone",
    "message_language",
    "birth_year",
    "gender",
    "is_minor",
    "languages",
    "practise_languages",
    "interests",
    "availability",
    "area",
    "max_travel_km",
    "online_ok",
    "volunteer",
    "capacity",
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
#[allow(clippy::too_many_arguments)] // each call says what the page shows, in one place
pub(super) fn render_form(
    status: StatusCode,
    lang: UiLanguage,
    programme: &Programme,
    values: &FormValues,
    errors: &ValidationErrors,
    member_rows: &[usize],
    form_message: Option<String>,
    shown: Shown,
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
    if let Shown::Step { step, .. } = shown {
        errors = steps::errors_of(&errors, step);
    }
    errors.errors.sort_by_key(|e| order_of(&e.field));
    let rows = shown.rows(values);
    let mut f = form_view(lang, programme, values, &errors, rows);
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
    let isolated = i18n::isolate(programme.name_in(lang));
    let name = isolated.as_str();
    let (step, progress, step_name) = match shown {
        Shown::Whole => (0, String::new(), String::new()),
        Shown::Step { step, .. } => (
            step.number(),
            i18n::t_args(
                lang,
                "step-progress",
                &[
                    ("n", &step.number().to_string()),
                    ("total", &Step::ALL.len().to_string()),
                ],
            ),
            i18n::t(lang, step.name_key()),
        ),
    };
    let what = if progress.is_empty() {
        i18n::t(lang, "signup-title")
    } else {
        format!("{} ({progress})", i18n::t(lang, "signup-title"))
    };
    let title = if errors.is_empty() {
        format!("{what} – {name}")
    } else {
        // The prefix carries its own colon ("Error:", "Erreur :").
        format!("{} {what} – {name}", i18n::t(lang, "error-prefix"))
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
    let privacy = ["collected", "purpose", "who", "retention", "contact"]
        .map(section)
        .to_vec();
    let template = SignupPage {
        page,
        heading: i18n::t_args(lang, "signup-heading", &[("programme", name)]),
        action,
        errors: summary,
        f,
        privacy_intro: i18n::t_args(lang, "privacy-intro", &[("programme", name)]),
        privacy,
        privacy_legal: i18n::t_args(
            lang,
            "privacy-legal",
            &[("version", &i18n::isolate(PRIVACY_NOTICE_VERSION))],
        ),
        started: values.get("started").to_owned(),
        step,
        progress,
        step_name,
        show: shown.parts(values, &errors),
        carried: match shown {
            Shown::Whole => Vec::new(),
            Shown::Step { step, .. } => steps::carried(values, step),
        },
        can_add_language: rows.languages < reader::MAX_LANGUAGE_ROWS,
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
