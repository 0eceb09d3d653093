//! Tests of the programme settings pages: every problem code has its words in every language.

use super::*;

/// Every code the settings can produce has its own words in every language (not the
/// generic "This value is not valid").
#[test]
fn every_problem_has_a_message_in_every_language() {
    let cases = [
        ("slug", "required"),
        ("slug", "invalid_slug"),
        ("slug", "slug_taken"),
        ("name", "required"),
        ("name", "too_long"),
        ("local_language", "required"),
        ("local_language", "invalid_choice"),
        ("areas", "no_area"),
        ("areas", "too_many"),
        ("areas", "area_format"),
        ("areas", "area_name_required"),
        ("areas", "too_long"),
        ("areas", "invalid_latitude"),
        ("areas", "invalid_longitude"),
        ("areas", "invalid_area_id"),
        ("areas", "duplicate_area"),
        ("interests", "invalid_interest"),
        ("interests", "too_long"),
        ("interests", "too_many"),
        ("checkin_every_days", "out_of_range"),
        ("response_days", "invalid_number"),
        ("weights.language", "out_of_range"),
    ];
    for lang in UiLanguage::ALL {
        let generic = i18n::t(lang, "error-invalid");
        for (field, code) in cases {
            let text = message(lang, field, code);
            assert!(
                text != generic && !text.starts_with("prog-"),
                "{lang:?} {field} {code}: {text}"
            );
        }
        let line = i18n::t_args(lang, "prog-error-line", &[("line", "3"), ("message", "x")]);
        assert!(line.contains('3') && line.contains('x'), "{lang:?}: {line}");
    }
}
