//! Numbers and lists in the reader's locale, from ICU4X's compiled CLDR data rather than
//! hand-written rules: Persian gets its own digits and separators ("۲٫۵", "۱٬۲۳۴"), Arabic its
//! list pattern ("أ وب وج"; CLDR's default digits for `ar` are Western), French and Ukrainian a
//! narrow space between thousands, each language its own word for "and". Units stay in the
//! Fluent messages ("{ $km } كم").
//!
//! The formatters are built once per language (the data is compiled in, so building cannot fail
//! for these six; should it, the number is written plainly).

use std::sync::OnceLock;

use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_list::ListFormatter;
use icu_locale_core::Locale;

use crate::domain::UiLanguage;

struct Formatters {
    decimal: Option<DecimalFormatter>,
    list: Option<ListFormatter>,
}

fn formatters(lang: UiLanguage) -> &'static Formatters {
    static ALL: OnceLock<Vec<Formatters>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        UiLanguage::ALL
            .iter()
            .map(|l| {
                let locale: Option<Locale> = l.code().parse().ok();
                Formatters {
                    decimal: locale.as_ref().and_then(|loc| {
                        DecimalFormatter::try_new(loc.into(), Default::default()).ok()
                    }),
                    list: locale.as_ref().and_then(|loc| {
                        ListFormatter::try_new_and(
                            loc.into(),
                            ListFormatterOptions::default().with_length(ListLength::Wide),
                        )
                        .ok()
                    }),
                }
            })
            .collect()
    });
    let i = UiLanguage::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &all[i]
}

/// A whole number: "1,234" (en), "1.234" (de), "١٬٢٣٤" (ar).
#[must_use]
pub fn integer(lang: UiLanguage, n: i64) -> String {
    formatters(lang).decimal.as_ref().map_or_else(
        || n.to_string(),
        |f| f.format(&Decimal::from(n)).to_string(),
    )
}

/// A number with `digits` digits after the separator (rounded): "2.5" (en), "2,5" (de),
/// "٢٫٥" (ar).
#[must_use]
pub fn decimal(lang: UiLanguage, value: f64, digits: u8) -> String {
    let scale = 10_f64.powi(i32::from(digits));
    let scaled = (value * scale).round();
    // Beyond i64 it is not a figure anyone reads; write it plainly.
    if !scaled.is_finite() || scaled.abs() > 9e15 {
        return format!("{value:.*}", usize::from(digits));
    }
    #[allow(clippy::cast_possible_truncation)] // checked to fit just above
    let mut d = Decimal::from(scaled as i64);
    d.multiply_pow10(-i16::from(digits));
    formatters(lang).decimal.as_ref().map_or_else(
        || format!("{value:.*}", usize::from(digits)),
        |f| f.format(&d).to_string(),
    )
}

/// Items joined as the language joins a list: "A, B and C" (en), "A, B et C" (fr),
/// "A وB وC" (ar).
#[must_use]
pub fn list(lang: UiLanguage, items: &[String]) -> String {
    formatters(lang).list.as_ref().map_or_else(
        || items.join(", "),
        |f| f.format_to_string(items.iter().map(String::as_str)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_each_languages_digits_and_separators() {
        assert_eq!(integer(UiLanguage::En, 1234), "1,234");
        assert_eq!(integer(UiLanguage::De, 1234), "1.234");
        assert_eq!(integer(UiLanguage::Fr, 1234), "1\u{202f}234");
        // CLDR's default for Arabic (`ar`, no region) is Western digits; Persian keeps its own.
        assert_eq!(integer(UiLanguage::Ar, 1234), "1,234");
        assert_eq!(integer(UiLanguage::Fa, 1234), "۱٬۲۳۴");
        assert_eq!(decimal(UiLanguage::En, 2.45, 1), "2.5");
        assert_eq!(decimal(UiLanguage::De, 2.5, 1), "2,5");
        assert_eq!(decimal(UiLanguage::Ar, 2.5, 1), "2.5");
        assert_eq!(decimal(UiLanguage::Fa, 2.5, 1), "۲٫۵");
        assert_eq!(decimal(UiLanguage::En, -0.04, 1), "0.0");
        assert_eq!(decimal(UiLanguage::En, -1.25, 1), "-1.3");
    }

    #[test]
    fn lists_use_each_languages_word_for_and() {
        let items = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            list(UiLanguage::En, &items(&["A", "B", "C"])),
            "A, B, and C"
        );
        assert_eq!(list(UiLanguage::De, &items(&["A", "B", "C"])), "A, B und C");
        assert_eq!(list(UiLanguage::Fr, &items(&["A", "B"])), "A et B");
        assert_eq!(list(UiLanguage::En, &items(&["A"])), "A");
        assert_eq!(list(UiLanguage::En, &[]), "");
        assert_eq!(list(UiLanguage::Ar, &items(&["أ", "ب", "ج"])), "أ وب وج");
        assert_eq!(list(UiLanguage::Fa, &items(&["الف", "ب"])), "الف و ب");
        assert_eq!(list(UiLanguage::Uk, &items(&["A", "B"])), "A і B");
    }
}
