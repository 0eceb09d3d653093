//! The sign-up form as the template sees it: every field built from the submitted values and
//! the per-field messages, in the person's language.

use std::collections::HashMap;

use super::icons;
use crate::domain::form_choice::FormChoice;
use crate::domain::{
    interests, Availability, IntegrationDomain, LanguageCode, LanguageLevel, Programme, UiLanguage,
    ValidationErrors,
};
use crate::i18n;
use crate::routes::profile_form::FormValues;
use crate::routes::widgets::{self, Field, Opt};

// ----------------------------------------------------------------------------------------------
// The form as the template sees it

/// One language row: language + level.
#[derive(Debug, Clone)]
pub struct LanguageRow {
    pub(super) legend: String,
    pub(super) error: Option<String>,
    /// The row's problem is its level (a language is chosen, its level is not): the level
    /// select is marked and named in the summary.
    pub(super) level_at_fault: bool,
    pub(super) code: Field,
    pub(super) level: Field,
}

/// One household member row.
#[derive(Debug, Clone)]
pub struct MemberRow {
    pub(super) error: Option<String>,
    pub(super) first_name: Field,
    pub(super) birth_year: Field,
}

/// One day of the availability table.
#[derive(Debug, Clone)]
pub struct AvailabilityRow {
    pub(super) day: String,
    pub(super) cells: Vec<Opt>,
}

/// Every field of the form, ready to render.
#[derive(Debug, Clone)]
pub struct FormView {
    pub(super) first_name: Field,
    pub(super) last_name: Field,
    pub(super) email: Field,
    pub(super) phone: Field,
    pub(super) message_language: Field,
    pub(super) birth_year: Field,
    pub(super) gender: Field,
    pub(super) is_minor: Field,
    pub(super) role: Field,
    pub(super) volunteer: Field,
    pub(super) capacity: Field,
    pub(super) languages_error: Option<String>,
    pub(super) language_rows: Vec<LanguageRow>,
    pub(super) practise_languages: Field,
    pub(super) interests: Field,
    pub(super) availability_error: Option<String>,
    /// Each part of the day: its picture and its name.
    pub(super) availability_parts: Vec<(&'static str, String)>,
    pub(super) availability: Vec<AvailabilityRow>,
    pub(super) area: Field,
    pub(super) max_travel_km: Field,
    pub(super) online_ok: Field,
    pub(super) household_adults: Field,
    pub(super) household_children: Field,
    pub(super) household_members: Vec<MemberRow>,
    pub(super) pref_buddy_gender: Field,
    pub(super) pref_family: Field,
    pub(super) pref_age_min: Field,
    pub(super) pref_age_max: Field,
    pub(super) pref_outside_language_community: Field,
    pub(super) share_domains: Field,
    pub(super) learn_domains: Field,
    pub(super) consent: Field,
}

/// Builds the fields: values from the form, messages from the errors.
struct Builder<'a> {
    lang: UiLanguage,
    values: &'a FormValues,
    /// field -> translated message (first error of each field)
    messages: HashMap<String, String>,
}

impl Builder<'_> {
    fn t(&self, id: &str) -> String {
        i18n::t(self.lang, id)
    }

    fn error(&self, field: &str) -> Option<String> {
        self.messages.get(field).cloned()
    }

    fn text(
        &self,
        name: &str,
        label_id: &str,
        kind: &'static str,
        autocomplete: &'static str,
    ) -> Field {
        Field {
            error: self.error(name),
            maxlength: 100,
            ..Field::input(kind, name, self.t(label_id), self.values.get(name))
                .autocomplete(autocomplete)
        }
    }

    fn number(&self, name: &str, label_id: &str, autocomplete: &'static str) -> Field {
        Field {
            inputmode: "numeric",
            maxlength: 4,
            width: 5,
            ..self.text(name, label_id, "text", autocomplete)
        }
    }

    fn checkbox(&self, name: &str, label_id: &str) -> Field {
        Field {
            error: self.error(name),
            ..Field::checkbox(name, self.t(label_id), self.values.flag(name))
        }
    }

    fn select(&self, name: &str, label_id: &str, options: Vec<(String, String)>) -> Field {
        Field {
            error: self.error(name),
            ..Field::select(name, self.t(label_id), self.values.get(name), options)
        }
    }

    fn group(
        &self,
        name: &str,
        kind: &'static str,
        legend_id: &str,
        options: Vec<(String, String)>,
    ) -> Field {
        Field {
            error: self.error(name),
            columns: false,
            ..Field::group(name, self.t(legend_id), kind == "checkbox", options, |v| {
                self.values.has(name, v)
            })
        }
    }

    fn choices(&self, name: &str, options: Vec<(String, String)>) -> Vec<Opt> {
        widgets::group_options(name, options, |v| self.values.has(name, v))
    }
}

fn sorted_options(mut options: Vec<(String, String)>) -> Vec<(String, String)> {
    options.sort_by_key(|o| o.1.to_lowercase());
    options
}

/// How many rows of the repeated groups the page shows.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rows {
    pub(super) languages: usize,
    pub(super) members: usize,
}

#[allow(clippy::too_many_lines)] // one field after another, in form order
pub(super) fn form_view(
    lang: UiLanguage,
    programme: &Programme,
    values: &FormValues,
    errors: &ValidationErrors,
    rows: Rows,
) -> FormView {
    let words = crate::routes::profile_form::ProfileText { lang, programme };
    let mut messages = HashMap::new();
    for e in &errors.errors {
        messages
            .entry(e.field.clone())
            .or_insert_with(|| i18n::error_message(lang, e.code));
    }
    let b = Builder {
        lang,
        values,
        messages,
    };
    let t = |id: &str| i18n::t(lang, id);
    let choose = || (String::new(), t("choose"));
    let not_given = || (String::new(), t("not-given"));

    let spoken: Vec<(String, String)> = sorted_options(
        i18n::SPOKEN_LANGUAGES
            .iter()
            .map(|c| ((*c).to_owned(), i18n::language_name(lang, c)))
            .collect(),
    );

    let language_rows = (0..rows.languages)
        .map(|i| {
            let n = (i + 1).to_string();
            let mut code_options = vec![choose()];
            code_options.extend(spoken.iter().cloned());
            // A code typed elsewhere (API, old form) stays selectable so it is not lost.
            let current = values.get(&format!("languages.{i}.code"));
            if !current.is_empty() && !code_options.iter().any(|(v, _)| v == current) {
                code_options.push((current.to_owned(), current.to_owned()));
            }
            let mut level_options = vec![choose()];
            level_options.extend(LanguageLevel::ALL.iter().map(|l| {
                (
                    l.code().to_owned(),
                    crate::routes::profile_form::level_as_said(lang, *l),
                )
            }));
            let code_name = format!("languages.{i}.code");
            let level_name = format!("languages.{i}.level");
            let row_error = b.error(&format!("languages.{i}"));
            let level_at_fault = LanguageCode::from_form(values.get(&code_name)).is_ok()
                && LanguageLevel::from_form(values.get(&level_name)).is_err();
            let mut code = b.select(&code_name, "language-n", code_options);
            code.id = format!("languages-{i}-code");
            code.label = i18n::t_args(lang, "language-n", &[("n", &n)]);
            code.required = i == 0;
            let mut level = b.select(&level_name, "level-n", level_options);
            level.id = format!("languages-{i}-level");
            level.required = i == 0;
            // The row's message is shown (and announced) with the select at fault.
            if level_at_fault {
                code.error = None;
                level.error.clone_from(&row_error);
            } else {
                code.error.clone_from(&row_error);
                level.error = None;
            }
            LanguageRow {
                legend: i18n::t_args(lang, "languages-row", &[("n", &n)]),
                error: row_error,
                level_at_fault,
                code,
                level,
            }
        })
        .collect();

    let mut practise = b.group(
        "practise_languages",
        "checkbox",
        "field-practise-languages",
        {
            let mut codes: Vec<&str> = UiLanguage::ALL.iter().map(|l| l.code()).collect();
            if !codes.contains(&programme.local_language.as_str()) {
                codes.insert(0, programme.local_language.as_str());
            }
            let local = programme.local_language.as_str();
            let mut options: Vec<(String, String)> = codes
                .iter()
                .map(|c| ((*c).to_owned(), i18n::language_name(lang, c)))
                .collect();
            // The local language first: it is the one most people come to practise.
            options.sort_by_key(|(c, _)| c != local);
            options
        },
    );
    practise.columns = true;
    // The local language shows, the others are folded (one is seldom practised here).
    practise.more_options = practise.options.split_off(1.min(practise.options.len()));
    practise.more_summary = i18n::t_args(
        lang,
        "practise-more",
        &[("count", &practise.more_options.len().to_string())],
    );

    // The common interests first, the rest folded: 30 checkboxes are most of a phone screen.
    let (first, more) = interests::KNOWN.split_at(interests::SHOWN_FIRST);
    let named = |tags: &[&str]| {
        sorted_options(
            tags.iter()
                .map(|s| ((*s).to_owned(), i18n::interest_name(lang, s)))
                .collect(),
        )
    };
    let mut interest_group = b.group("interests", "checkbox", "interests-legend", named(first));
    interest_group.columns = true;
    interest_group.more_options = b.choices("interests", named(more));
    interest_group.more_summary = i18n::t_args(
        lang,
        "interests-more",
        &[("count", &more.len().to_string())],
    );
    for option in interest_group
        .options
        .iter_mut()
        .chain(interest_group.more_options.iter_mut())
    {
        option.icon = icons::interest(&option.value);
    }
    interest_group.extra_legend = t("interests-programme");
    interest_group.extra_options = b.choices(
        "interests",
        programme
            .interests
            .iter()
            .filter(|s| !interests::KNOWN.contains(&s.as_str()))
            .map(|s| (s.clone(), words.interest(s)))
            .collect(),
    );

    let availability = Availability::DAYS
        .iter()
        .map(|day| {
            let day_name = t(&format!("day-{day}"));
            AvailabilityRow {
                cells: Availability::PARTS
                    .iter()
                    .map(|part| {
                        let value = format!("{day}_{part}");
                        Opt {
                            id: format!("availability-{value}"),
                            checked: values.has("availability", &value),
                            label: format!("{day_name}, {}", t(&format!("part-{part}"))),
                            value,
                            icon: "",
                        }
                    })
                    .collect(),
                day: day_name,
            }
        })
        .collect();

    let mut area_options = vec![not_given()];
    area_options.extend(sorted_options(
        programme
            .areas
            .iter()
            .map(|a| (a.slug.clone(), words.area(&a.slug)))
            .collect(),
    ));

    let household_members = (0..rows.members)
        .map(|i| {
            let n = (i + 1).to_string();
            let name_name = format!("household_members.{i}.first_name");
            let year_name = format!("household_members.{i}.birth_year");
            let mut first_name = b.text(&name_name, "household-member-name", "text", "off");
            first_name.id = format!("household_members-{i}-first_name");
            first_name.label = i18n::t_args(lang, "household-member-name", &[("n", &n)]);
            let mut birth_year = b.number(&year_name, "household-member-birth-year", "off");
            birth_year.id = format!("household_members-{i}-birth_year");
            birth_year.label = i18n::t_args(lang, "household-member-birth-year", &[("n", &n)]);
            MemberRow {
                error: None,
                first_name,
                birth_year,
            }
        })
        .collect::<Vec<_>>();

    let domain_options = || {
        IntegrationDomain::ALL
            .iter()
            .map(|d| (d.code().to_owned(), i18n::coded(lang, "domain", d.code())))
            .collect()
    };
    let mut share_domains = b.group(
        "share_domains",
        "checkbox",
        "share-legend",
        domain_options(),
    );
    share_domains.columns = true;
    let mut learn_domains = b.group(
        "learn_domains",
        "checkbox",
        "learn-legend",
        domain_options(),
    );
    learn_domains.columns = true;

    let mut role = b.group(
        "role",
        "radio",
        "role-legend",
        vec![
            ("arriving".into(), t("role-arriving")),
            ("receiving".into(), t("role-receiving")),
        ],
    );
    role.required = true;

    let mut pref_buddy_gender = b.group(
        "pref_buddy_gender",
        "radio",
        "field-pref-buddy-gender",
        vec![
            ("any".into(), t("pref-gender-any")),
            ("woman".into(), t("pref-gender-woman")),
            ("man".into(), t("pref-gender-man")),
        ],
    );
    if !["woman", "man"].contains(&values.get("pref_buddy_gender")) {
        if let Some(any) = pref_buddy_gender.options.first_mut() {
            any.checked = true;
        }
    }

    let mut first_name = b.text("first_name", "field-first-name", "text", "given-name");
    first_name.required = true;
    // Either the email or the phone will do: neither is marked required, the hint says so.
    let mut email = b.text("email", "field-email", "email", "email");
    email.maxlength = 254;
    email.hint = Some(t("field-email-or-phone-hint"));
    let mut phone = b.text("phone", "field-phone", "tel", "tel");
    phone.maxlength = 40;
    phone.width = 10;
    let mut volunteer = b.checkbox("volunteer", "field-volunteer");
    volunteer.hint = Some(t("field-volunteer-hint"));
    let mut capacity = b.select(
        "capacity",
        "field-capacity",
        (1..=5).map(|n| (n.to_string(), n.to_string())).collect(),
    );
    capacity.hint = Some(t("field-capacity-hint"));
    let mut consent = b.checkbox("consent", "field-consent");
    consent.required = true;
    let mut max_travel_km = b.number("max_travel_km", "field-max-travel", "off");
    max_travel_km.maxlength = 3;

    FormView {
        first_name,
        last_name: b.text("last_name", "field-last-name", "text", "family-name"),
        email,
        phone,
        message_language: b.select(
            "message_language",
            "field-message-language",
            UiLanguage::ALL
                .iter()
                .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
                .collect(),
        ),
        birth_year: b.number("birth_year", "field-birth-year", "bday-year"),
        gender: b.select("gender", "field-gender", {
            let mut o = vec![not_given()];
            o.extend(
                ["woman", "man", "non_binary", "prefer_not_to_say"]
                    .iter()
                    .map(|g| ((*g).to_owned(), i18n::coded(lang, "gender", g))),
            );
            o
        }),
        is_minor: b.checkbox("is_minor", "field-is-minor"),
        role,
        volunteer,
        capacity,
        languages_error: b.error("languages"),
        language_rows,
        practise_languages: practise,
        interests: interest_group,
        availability_error: b.error("availability"),
        availability_parts: Availability::PARTS
            .iter()
            .map(|p| (icons::part_of_day(p), t(&format!("part-{p}"))))
            .collect(),
        availability,
        area: b.select("area", "field-area", area_options),
        max_travel_km,
        online_ok: b.checkbox("online_ok", "field-online-ok"),
        household_adults: b.number("household_adults", "field-household-adults", "off"),
        household_children: b.number("household_children", "field-household-children", "off"),
        household_members,
        pref_buddy_gender,
        pref_family: b.checkbox("pref_family", "field-pref-family"),
        pref_age_min: b.number("pref_age_min", "field-pref-age-min", "off"),
        pref_age_max: b.number("pref_age_max", "field-pref-age-max", "off"),
        pref_outside_language_community: b.checkbox(
            "pref_outside_language_community",
            "field-pref-outside-community",
        ),
        share_domains,
        learn_domains,
        consent,
    }
}
