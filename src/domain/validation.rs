//! Validation errors that name the field and a stable code. The code is also the Fluent message
//! id (`error-<code>` with `_` as `-`), so every edge can say it in the user's language.

use serde::Serialize;

/// `text` without Unicode bidirectional embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069): typed into a name, they could make it read differently on a coordinator's
/// page (a name that seems to say something else). Pages isolate each name themselves.
#[must_use]
pub fn without_bidi_controls(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The input field name (as in [`crate::domain::ProfileInput`]), e.g. `email` or `languages`.
    pub field: String,
    /// Stable code, e.g. `required`, `invalid_email`.
    pub code: &'static str,
}

/// Every problem found in one input (we report all of them at once, not the first).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{} invalid field(s): {}", errors.len(), summary(errors))]
pub struct ValidationErrors {
    /// The problems, in field order.
    pub errors: Vec<FieldError>,
}

fn summary(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{} ({})", e.field, e.code))
        .collect::<Vec<_>>()
        .join(", ")
}

impl ValidationErrors {
    /// Records a problem.
    pub fn add(&mut self, field: impl Into<String>, code: &'static str) {
        self.errors.push(FieldError {
            field: field.into(),
            code,
        });
    }

    /// Whether nothing was found.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The first code recorded for `field`, if any.
    #[must_use]
    pub fn code_for(&self, field: &str) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.code)
    }

    /// Runs a parse and records its error under `field`, returning the value if it parsed.
    pub fn check<T>(&mut self, field: &str, result: Result<T, &'static str>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(code) => {
                self.add(field, code);
                None
            }
        }
    }

    /// English text for a code, for logs, the CLI and the JSON API (pages use Fluent).
    #[must_use]
    pub fn english(code: &str) -> &'static str {
        match code {
            "required" => "This field is required.",
            "too_long" => "This is too long.",
            "invalid_email" => "This is not a valid email address.",
            "invalid_phone" => "This is not a phone number that can be called; give the country code (such as +49) for a number from abroad.",
            "email_or_phone_required" => "Give an email address or a phone number, so that someone can reach you.",
            "invalid_phone_region" => "Give a two-letter country code such as DE.",
            "invalid_choice" => "This is not one of the allowed choices.",
            "out_of_range" => "This number is outside the allowed range.",
            "no_language" => "Give at least one language you speak.",
            "duplicate_language" => "A language is listed more than once.",
            "no_availability" => "Choose at least one time when you are free.",
            "consent_required" => "Please agree to the privacy notice to sign up.",
            "unknown_area" => "This area is not in this programme's list.",
            "unknown_interest" => "This interest is not in the list.",
            "age_range_inverted" => "The lowest age must not be above the highest.",
            "capacity_volunteers_only" => "Only volunteers can take more than one buddy.",
            "invalid_date" => "This is not a date like 2026-03-31.",
            "before_from" => "The end must not be before the start.",
            "invalid_number" => "This is not a whole number.",
            "invalid_slug" => "Use 2 to 40 lower case letters, digits and hyphens.",
            "slug_taken" => "A programme with this slug already exists.",
            "no_area" => "Give at least one area.",
            "too_many" => "There are too many of these.",
            "area_format" => "Give an area as a name, a latitude and a longitude.",
            "area_name_required" => "Every area needs a name.",
            "invalid_latitude" => "The latitude must be a number from -90 to 90.",
            "invalid_longitude" => "The longitude must be a number from -180 to 180.",
            "invalid_area_id" => "An area id uses lower case letters, digits and hyphens.",
            "duplicate_area" => "Two areas have the same id.",
            "invalid_interest" => "An interest tag is a short word or phrase on one line.",
            "unknown_component" => "There is no score component of this name.",
            "cannot_change" => "This cannot be changed.",
            "invalid_character" => "This contains characters that cannot be used here.",
            "translation_format" => {
                "Write a name as `name = ...`, `area:<id> = ...` or `interest:<tag> = ...`."
            }
            _ => "This value is not valid.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_dropped_and_other_text_kept() {
        assert_eq!(
            without_bidi_controls("\u{202E}nimdA\u{202C} Amal"),
            "nimdA Amal"
        );
        assert_eq!(without_bidi_controls("\u{2067}أمل\u{2069}"), "أمل");
        // Marks that only nudge direction (LRM, RLM) are ordinary in right-to-left text.
        assert_eq!(without_bidi_controls("Amal\u{200F}"), "Amal\u{200F}");
    }
}
