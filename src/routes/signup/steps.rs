//! The sign-up form in three short steps, without JavaScript: each step is a page of its own
//! questions, and everything answered on the other steps travels with it as hidden fields, so
//! nothing is stored before the last step and nothing typed is lost on the way.
//!
//! The role comes first, so every later step shows only that role's questions (the volunteer
//! questions are for people who already live here). Extra language rows and household rows are
//! added on request. A form sent whole, without a step (older pages, scripts, the API tests'
//! form posts), is checked whole and shown whole when something is wrong.

use crate::domain::ValidationErrors;
use crate::routes::profile_form::{reader, FormValues};

/// One step of the sign-up form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// Role, name, contact, age.
    About,
    /// Spoken languages with levels, languages to practise, interests.
    Languages,
    /// Free times, area; volunteering (people who live here), household, wishes, privacy,
    /// consent.
    Send,
}

impl Step {
    /// Every step, in order.
    // Three, not four: every page has its frame (title, progress, buttons), and on a phone
    // each one is part of a screen more to scroll (issue 11 counts the screens).
    pub const ALL: [Step; 3] = [Step::About, Step::Languages, Step::Send];

    /// 1-based position, as sent in the form and shown in "step 2 of 3".
    #[must_use]
    pub fn number(self) -> usize {
        match self {
            Step::About => 1,
            Step::Languages => 2,
            Step::Send => 3,
        }
    }

    /// The step a form says it was sent from.
    #[must_use]
    pub fn from_form(raw: &str) -> Option<Step> {
        let n: usize = raw.trim().parse().ok()?;
        Step::ALL.into_iter().find(|s| s.number() == n)
    }

    /// The step after this one (the last has none).
    #[must_use]
    pub fn next(self) -> Option<Step> {
        Step::ALL
            .into_iter()
            .find(|s| s.number() == self.number() + 1)
    }

    /// The step before this one (the first stays first).
    #[must_use]
    pub fn previous(self) -> Step {
        Step::ALL
            .into_iter()
            .find(|s| s.number() + 1 == self.number())
            .unwrap_or(Step::About)
    }

    /// Message key of the step's name.
    #[must_use]
    pub fn name_key(self) -> &'static str {
        match self {
            Step::About => "step-about",
            Step::Languages => "step-languages-interests",
            Step::Send => "step-when-where",
        }
    }

    /// The step that asks for `field`: a form name (`languages.0.code`) or an error's field
    /// (`languages.0`, `form`).
    #[must_use]
    pub fn of_field(field: &str) -> Step {
        let base = field.split('.').next().unwrap_or(field);
        match base {
            "role" | "first_name" | "last_name" | "email" | "phone" | "message_language"
            | "birth_year" | "gender" | "is_minor" => Step::About,
            "languages" | "practise_languages" | "interests" => Step::Languages,
            // Free times, place, volunteering, household, wishes, consent, and whatever is
            // about the whole form.
            _ => Step::Send,
        }
    }
}

/// What a press of one of the form's buttons asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The form was sent whole, not from a step: check it all and store it.
    Whole,
    /// "Next" (or, on the last step, "Sign up"): check this step, then go on.
    Next(Step),
    /// "Back": the previous step, unchecked.
    Back(Step),
    /// "Add another language" on the languages step.
    AddLanguage,
    /// "Add a household member" on the last step.
    AddMember,
}

impl Action {
    /// Reads the `step` and `go` fields.
    #[must_use]
    pub fn from_values(values: &FormValues) -> Action {
        let Some(step) = Step::from_form(values.get("step")) else {
            return Action::Whole;
        };
        match values.get("go") {
            "back" => Action::Back(step),
            "add_language" if step == Step::Languages => Action::AddLanguage,
            "add_member" if step == Step::Send => Action::AddMember,
            _ => Action::Next(step),
        }
    }
}

/// Fields that steer the form rather than belong to the profile.
const CONTROL_FIELDS: [&str; 4] = ["step", "go", "started", "website"];

/// Whether the person chose "already lives here": only they see the volunteer questions.
#[must_use]
pub fn lives_here(values: &FormValues) -> bool {
    values.get("role") == "receiving"
}

/// Drops the volunteer answers of someone who is not a person who lives here (chosen before the
/// role was changed back), so they are neither stored nor carried.
pub fn drop_answers_of_other_role(values: &mut FormValues) {
    if !lives_here(values) {
        values
            .0
            .retain(|(k, _)| !matches!(k.as_str(), "volunteer" | "capacity"));
    }
}

/// The pairs to carry as hidden fields on `step`: every answer given on the other steps (empty
/// ones read the same as absent ones, so they stay behind).
#[must_use]
pub fn carried(values: &FormValues, step: Step) -> Vec<(String, String)> {
    values
        .0
        .iter()
        .filter(|(k, v)| {
            !v.trim().is_empty()
                && !CONTROL_FIELDS.contains(&k.as_str())
                && Step::of_field(k) != step
        })
        .cloned()
        .collect()
}

/// One more than the highest row of `prefix` on the page, or only of those holding an answer
/// (0 when there is none).
fn rows_up_to(values: &FormValues, prefix: &str, answered_only: bool) -> usize {
    values
        .rows(prefix)
        .filter(|(_, v)| !answered_only || !v.trim().is_empty())
        .map(|(i, _)| i + 1)
        .max()
        .unwrap_or(0)
}

/// How many rows of a repeated group to show: every answered row, at least `least`, and one
/// more than were on the page when "add" was pressed.
fn rows_to_show(values: &FormValues, prefix: &str, least: usize, add: bool, most: usize) -> usize {
    let answered = rows_up_to(values, prefix, true).max(least);
    let shown = if add {
        answered.max(rows_up_to(values, prefix, false) + 1)
    } else {
        answered
    };
    shown.min(most)
}

/// Language rows on the languages step: one, or as many as are answered, plus one per "add".
#[must_use]
pub fn language_rows(values: &FormValues, add: bool) -> usize {
    rows_to_show(values, "languages", 1, add, reader::MAX_LANGUAGE_ROWS)
}

/// Household member rows on the last step: none until asked for, or as many as are answered.
#[must_use]
pub fn member_rows(values: &FormValues, add: bool) -> usize {
    rows_to_show(values, "household_members", 0, add, reader::MAX_MEMBER_ROWS)
}

/// The errors that belong to `step`, and those about the whole form (shown on every step).
#[must_use]
pub fn errors_of(errors: &ValidationErrors, step: Step) -> ValidationErrors {
    ValidationErrors {
        errors: errors
            .errors
            .iter()
            .filter(|e| e.field == "form" || Step::of_field(&e.field) == step)
            .cloned()
            .collect(),
    }
}

/// The first step with an error (the last step when there are none).
#[must_use]
pub fn first_with_errors(errors: &ValidationErrors) -> Step {
    errors
        .errors
        .iter()
        .map(|e| Step::of_field(&e.field))
        .min()
        .unwrap_or(Step::Send)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> FormValues {
        FormValues(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn every_profile_field_belongs_to_one_step_in_form_order() {
        assert_eq!(Step::of_field("role"), Step::About);
        assert_eq!(Step::of_field("languages.3.level"), Step::Languages);
        assert_eq!(Step::of_field("languages.3"), Step::Languages);
        assert_eq!(Step::of_field("interests"), Step::Languages);
        assert_eq!(Step::of_field("availability"), Step::Send);
        assert_eq!(Step::of_field("household_members.0.first_name"), Step::Send);
        assert_eq!(Step::of_field("consent"), Step::Send);
        assert_eq!(Step::of_field("form"), Step::Send);
        assert_eq!(Step::About.next(), Some(Step::Languages));
        assert_eq!(Step::Send.next(), None);
        assert_eq!(Step::About.previous(), Step::About);
        assert_eq!(Step::Send.previous(), Step::Languages);
        for s in Step::ALL {
            assert_eq!(Step::from_form(&s.number().to_string()), Some(s));
        }
        assert_eq!(Step::from_form("4"), None);
        assert_eq!(Step::from_form(""), None);
    }

    #[test]
    fn buttons_are_read_from_step_and_go() {
        assert_eq!(Action::from_values(&values(&[])), Action::Whole);
        assert_eq!(
            Action::from_values(&values(&[("step", "2"), ("go", "next")])),
            Action::Next(Step::Languages)
        );
        assert_eq!(
            Action::from_values(&values(&[("step", "3"), ("go", "back")])),
            Action::Back(Step::Send)
        );
        assert_eq!(
            Action::from_values(&values(&[("step", "2"), ("go", "add_language")])),
            Action::AddLanguage
        );
        // "Add a language" makes no sense on another step: it is read as "next".
        assert_eq!(
            Action::from_values(&values(&[("step", "1"), ("go", "add_language")])),
            Action::Next(Step::About)
        );
        assert_eq!(
            Action::from_values(&values(&[("step", "3"), ("go", "add_member")])),
            Action::AddMember
        );
    }

    #[test]
    fn answers_of_other_steps_travel_and_empty_ones_stay() {
        let v = values(&[
            ("step", "2"),
            ("go", "next"),
            ("started", "stamp"),
            ("first_name", "Amal"),
            ("languages.0.code", "ar"),
            ("languages.1.code", ""),
            ("availability", "sat_morning"),
            ("phone", " "),
        ]);
        assert_eq!(
            carried(&v, Step::Languages),
            vec![
                ("first_name".to_owned(), "Amal".to_owned()),
                ("availability".to_owned(), "sat_morning".to_owned())
            ]
        );
        assert_eq!(carried(&v, Step::About).len(), 2);
    }

    #[test]
    fn rows_grow_on_request_and_keep_every_answer() {
        let empty = values(&[]);
        assert_eq!(language_rows(&empty, false), 1);
        assert_eq!(member_rows(&empty, false), 0);
        let one = values(&[("languages.0.code", "ar"), ("languages.0.level", "native")]);
        assert_eq!(language_rows(&one, true), 2);
        // Rows on the page but not answered count when adding, not when coming back.
        let two_shown = values(&[("languages.0.code", "ar"), ("languages.1.code", "")]);
        assert_eq!(language_rows(&two_shown, true), 3);
        assert_eq!(language_rows(&two_shown, false), 1);
        let far = values(&[("languages.5.code", "de")]);
        assert_eq!(language_rows(&far, false), 6);
        assert_eq!(member_rows(&values(&[]), true), 1);
        let many = values(&[("languages.9.code", "de")]);
        assert_eq!(language_rows(&many, true), reader::MAX_LANGUAGE_ROWS);
    }

    #[test]
    fn volunteer_answers_go_when_the_role_is_not_lives_here() {
        let mut v = values(&[
            ("role", "arriving"),
            ("volunteer", "true"),
            ("capacity", "3"),
        ]);
        drop_answers_of_other_role(&mut v);
        assert_eq!(v.len(), 1);
        let mut v = values(&[("role", "receiving"), ("volunteer", "true")]);
        drop_answers_of_other_role(&mut v);
        assert_eq!(v.len(), 2);
    }
}
