//! The one widget model of every HTML form (the public sign-up, the participant's own page,
//! every coordinator form): a [`Field`] is a labelled input, text area, select, checkbox or
//! fieldset of choices, rendered by the `field` macro in `templates/macros.html`, so labels,
//! hints, error messages and their ARIA wiring are written once.

/// A choice in a select or a group.
#[derive(Debug, Clone, Default)]
pub struct Opt {
    /// Element id (groups).
    pub id: String,
    /// Value sent.
    pub value: String,
    /// Text shown.
    pub label: String,
    /// Selected or ticked.
    pub checked: bool,
    /// A picture shown before the text in groups (an emoji, hidden from screen readers); "" for
    /// none.
    pub icon: &'static str,
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
    /// `maxlength` of an input (0: none).
    pub maxlength: usize,
    /// Width class of an input in characters (`width-N`; 0: full width).
    pub width: u8,
    /// A group's choices in columns (long lists).
    pub columns: bool,
    /// A group's second list of choices under its own sub-heading (e.g. a programme's own
    /// interests), sent under the same name.
    pub extra_options: Vec<Opt>,
    /// The sub-heading of `extra_options`.
    pub extra_legend: String,
    /// A group's less common choices, folded under `more_summary` (open when one is ticked),
    /// sent under the same name.
    pub more_options: Vec<Opt>,
    /// What the fold says ("More interests (18)").
    pub more_summary: String,
    /// Shown folded under its label (a long, rarely changed text); open when it has an error.
    pub folded: bool,
}

impl Field {
    /// Whether the fold of less common choices starts open (one of them is ticked).
    #[must_use]
    pub fn more_open(&self) -> bool {
        self.more_options.iter().any(|o| o.checked)
    }

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
                    icon: "",
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
            options: group_options(&id, options, is_checked),
            columns: true,
            id,
            name: name.to_owned(),
            label: legend,
            ..Self::default()
        }
    }

    /// The first control of the field: where the error summary jumps to.
    #[must_use]
    pub fn anchor(&self) -> &str {
        match self.kind {
            "group" => self.options.first().map_or(&self.id, |o| &o.id),
            _ => &self.id,
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

/// A group's choices: ids `<group id>-<value>`.
pub fn group_options(
    id: &str,
    options: Vec<(String, String)>,
    is_checked: impl Fn(&str) -> bool,
) -> Vec<Opt> {
    options
        .into_iter()
        .map(|(v, l)| Opt {
            id: format!("{id}-{v}"),
            checked: is_checked(&v),
            value: v,
            label: l,
            icon: "",
        })
        .collect()
}
