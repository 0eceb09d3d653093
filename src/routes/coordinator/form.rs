//! One generic form page for every coordinator form (login, setup, password, a participant,
//! readiness, a new account): labelled inputs, fieldsets for groups of choices, an error summary
//! linking to each field, the CSRF field.

use askama::Template;

use crate::domain::UiLanguage;
use crate::i18n;
use crate::routes::pages::PageCtx;

/// A submitted form: the one form-pairs type of every HTML form.
pub use crate::routes::profile_form::FormValues as Values;

/// A choice in a select or a group.
#[derive(Debug, Clone)]
pub struct Opt {
    /// Element id (groups).
    pub id: String,
    /// Value sent.
    pub value: String,
    /// Text shown.
    pub label: String,
    /// Selected or ticked.
    pub checked: bool,
}

/// One form control.
#[derive(Debug, Clone, Default)]
pub struct Field {
    /// `input`, `textarea`, `select`, `checkbox` (one box) or `group` (a fieldset of checkboxes
    /// or radios).
    pub kind: &'static str,
    /// For `input`: `text`, `email`, `tel`, `password`, `date`; for `group`: `checkbox` or `radio`.
    pub input_type: &'static str,
    /// Element id (and the error summary's anchor).
    pub id: String,
    /// Form name.
    pub name: String,
    /// Label or legend.
    pub label: String,
    /// Current value (inputs).
    pub value: String,
    /// Help text.
    pub hint: Option<String>,
    /// What is wrong.
    pub error: Option<String>,
    /// Required.
    pub required: bool,
    /// Ticked (`checkbox`).
    pub checked: bool,
    /// Choices (`select`, `group`).
    pub options: Vec<Opt>,
    /// `autocomplete` attribute.
    pub autocomplete: &'static str,
    /// `inputmode` attribute.
    pub inputmode: &'static str,
}

impl Field {
    /// `aria-describedby` value.
    #[must_use]
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }

    /// A text-like input.
    #[must_use]
    pub fn input(input_type: &'static str, name: &str, label: String, value: &str) -> Self {
        Self {
            kind: "input",
            input_type,
            id: name.replace('.', "-"),
            name: name.to_owned(),
            label,
            value: value.to_owned(),
            ..Self::default()
        }
    }

    /// A number typed as text (works with any keyboard and Arabic-Indic digits are read).
    #[must_use]
    pub fn number(name: &str, label: String, value: &str) -> Self {
        Self {
            inputmode: "numeric",
            ..Self::input("text", name, label, value)
        }
    }

    /// A text area (several lines).
    #[must_use]
    pub fn textarea(name: &str, label: String, value: &str) -> Self {
        Self {
            kind: "textarea",
            ..Self::input("text", name, label, value)
        }
    }

    /// A select with `(value, label)` options; the first option is selected when none matches.
    #[must_use]
    pub fn select(name: &str, label: String, value: &str, options: Vec<(String, String)>) -> Self {
        let id = name.replace('.', "-");
        Self {
            kind: "select",
            options: options
                .into_iter()
                .enumerate()
                .map(|(i, (v, l))| Opt {
                    id: format!("{id}-{i}"),
                    checked: v == value,
                    value: v,
                    label: l,
                })
                .collect(),
            id,
            name: name.to_owned(),
            label,
            value: value.to_owned(),
            ..Self::default()
        }
    }

    /// One checkbox (sends `true`).
    #[must_use]
    pub fn checkbox(name: &str, label: String, checked: bool) -> Self {
        Self {
            kind: "checkbox",
            id: name.replace('.', "-"),
            name: name.to_owned(),
            label,
            checked,
            ..Self::default()
        }
    }

    /// A fieldset of checkboxes (`multiple`) or radio buttons.
    #[must_use]
    pub fn group(
        name: &str,
        legend: String,
        multiple: bool,
        options: Vec<(String, String)>,
        is_checked: impl Fn(&str) -> bool,
    ) -> Self {
        let id = name.replace('.', "-");
        Self {
            kind: "group",
            input_type: if multiple { "checkbox" } else { "radio" },
            options: options
                .into_iter()
                .map(|(v, l)| Opt {
                    id: format!("{id}-{v}"),
                    checked: is_checked(&v),
                    value: v,
                    label: l,
                })
                .collect(),
            id,
            name: name.to_owned(),
            label: legend,
            ..Self::default()
        }
    }

    /// Marks the field required.
    #[must_use]
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Adds a hint.
    #[must_use]
    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Sets `autocomplete`.
    #[must_use]
    pub fn autocomplete(mut self, value: &'static str) -> Self {
        self.autocomplete = value;
        self
    }
}

/// A titled part of a form.
#[derive(Debug, Clone, Default)]
pub struct Section {
    /// Heading.
    pub title: Option<String>,
    /// Controls.
    pub fields: Vec<Field>,
}

/// One line of the error summary.
#[derive(Debug, Clone)]
pub struct ErrorItem {
    /// Id of the control to jump to.
    pub anchor: String,
    /// Its label.
    pub label: String,
    /// What is wrong.
    pub message: String,
}

/// The navigation of a logged-in coordinator.
#[derive(Debug, Clone)]
pub struct Nav {
    /// Who is logged in.
    pub email: String,
    /// Show the admin links.
    pub is_admin: bool,
    /// For the logout form.
    pub csrf: String,
}

/// The generic form page.
#[derive(Template)]
#[template(path = "coordinator/form.html")]
pub struct FormPage {
    /// Frame.
    pub page: PageCtx,
    /// Navigation (none before login).
    pub nav: Option<Nav>,
    /// `<h1>`.
    pub heading: String,
    /// Paragraphs under the heading.
    pub intro: Vec<String>,
    /// A message about the whole form (e.g. a failed login), shown in the summary.
    pub form_error: Option<String>,
    /// A confirmation (e.g. "saved").
    pub notice: Option<String>,
    /// Error summary.
    pub errors: Vec<ErrorItem>,
    /// Where the form posts.
    pub action: String,
    /// CSRF token.
    pub csrf: String,
    /// The parts.
    pub sections: Vec<Section>,
    /// Submit button text.
    pub submit: String,
    /// A link under the form (e.g. back).
    pub back: Option<(String, String)>,
}

impl FormPage {
    /// A form page with the fields' errors collected into the summary (in field order).
    #[must_use]
    pub fn new(page: PageCtx, heading: String, action: String, csrf: String) -> Self {
        Self {
            page,
            nav: None,
            heading,
            intro: Vec::new(),
            form_error: None,
            notice: None,
            errors: Vec::new(),
            action,
            csrf,
            sections: Vec::new(),
            submit: String::new(),
            back: None,
        }
    }

    /// Fills the error summary from the fields' errors.
    pub fn summarise(&mut self) {
        self.errors = self
            .sections
            .iter()
            .flat_map(|s| &s.fields)
            .filter_map(|f| {
                f.error.as_ref().map(|e| ErrorItem {
                    anchor: match f.kind {
                        "group" => f
                            .options
                            .first()
                            .map_or_else(|| f.id.clone(), |o| o.id.clone()),
                        _ => f.id.clone(),
                    },
                    label: f.label.clone(),
                    message: e.clone(),
                })
            })
            .collect();
    }
}

/// The message for an error code: the coordinator's own (`coord-error-<code>`) if there is
/// one, else the shared form message (`error-<code>`).
#[must_use]
pub fn error_text(lang: UiLanguage, code: &str) -> String {
    let own = format!("coord-error-{}", code.replace('_', "-"));
    if i18n::has(lang, &own) {
        i18n::t(lang, &own)
    } else {
        i18n::error_message(lang, code)
    }
}
