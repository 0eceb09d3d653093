//! The "Names in other languages" part of the programme form: one text per interface language
//! with the programme's name, its areas and its extra interests (see
//! [`Translations`](crate::domain::programme::Translations) for the format).

use super::super::{Field, Section, Values};
use crate::domain::{Programme, SettingsInput, UiLanguage, ValidationErrors};
use crate::i18n;

fn field_name(l: UiLanguage) -> String {
    format!("names_{}", l.code())
}

/// The texts as sent; a language the form did not send keeps `current`'s names (a form
/// without this part changes none of them).
pub(super) fn input(values: &Values, current: Option<&Programme>) -> Vec<(UiLanguage, String)> {
    UiLanguage::ALL
        .iter()
        .filter_map(|&l| {
            let name = field_name(l);
            match values.0.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => Some((l, v.clone())),
                None => current.map(|p| (l, p.translations.text(l, &p.areas, &p.interests))),
            }
        })
        .collect()
}

/// The form section: a text area per language, each with the messages of its lines.
pub(super) fn section(
    lang: UiLanguage,
    input: &SettingsInput,
    errors: &ValidationErrors,
    message: impl Fn(&str, &'static str) -> String,
) -> Section {
    let fields = UiLanguage::ALL
        .iter()
        .enumerate()
        .map(|(i, &l)| {
            let label = i18n::t_args(
                lang,
                "prog-field-names",
                &[("language", &i18n::language_name(lang, l.code()))],
            );
            let mut f = Field::textarea(&field_name(l), label, input.translation(l));
            // Six long texts: each one tap away.
            f.folded = true;
            if i == 0 {
                f = f.hint(i18n::t(lang, "prog-names-hint"));
            }
            let prefix = format!("translations.{}.", l.code());
            let messages: Vec<String> = errors
                .errors
                .iter()
                .filter_map(|e| {
                    let line: usize = e.field.strip_prefix(&prefix)?.parse().ok()?;
                    Some(i18n::t_args(
                        lang,
                        "prog-error-line",
                        &[
                            ("line", &(line + 1).to_string()),
                            ("message", &message("translations", e.code)),
                        ],
                    ))
                })
                .collect();
            f.error = (!messages.is_empty()).then(|| messages.join(" "));
            f
        })
        .collect();
    Section {
        title: Some(i18n::t(lang, "prog-section-names")),
        fields,
    }
}
