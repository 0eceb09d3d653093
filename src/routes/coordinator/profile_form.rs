//! A participant's profile as a coordinator form (add and edit): the same fields and rules as
//! the public sign-up (`ProfileInput` / `NewParticipant::parse`), in the coordinator's voice.

use std::collections::HashMap;

use super::form::error_text;
use super::{Field, Section, Values};
use crate::domain::{
    interests, Availability, IntegrationDomain, LanguageLevel, ProfileInput, Programme, UiLanguage,
    ValidationErrors,
};
use crate::i18n;
use crate::routes::profile_form::reader::{LANGUAGE_ROWS, MEMBER_ROWS};

pub use crate::routes::profile_form::{default_values, read};

/// A stored profile as form values (edit form).
#[must_use]
pub fn values_from_profile(p: &ProfileInput) -> Values {
    let mut v = Values::default();
    let num = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
    v.set("first_name", &p.first_name);
    v.set("last_name", &p.last_name);
    v.set("email", &p.email);
    v.set("phone", p.phone.clone().unwrap_or_default());
    v.set("message_language", &p.message_language);
    v.set("role", &p.role);
    if p.volunteer {
        v.set("volunteer", "true");
    }
    v.set("capacity", num(p.capacity));
    v.set("birth_year", num(p.birth_year));
    v.set("gender", p.gender.clone().unwrap_or_default());
    for (i, l) in p.languages.iter().enumerate() {
        v.set(&format!("languages.{i}.code"), &l.code);
        v.set(&format!("languages.{i}.level"), &l.level);
    }
    for (name, list) in [
        ("practise_languages", &p.practise_languages),
        ("interests", &p.interests),
        ("availability", &p.availability),
        ("share_domains", &p.share_domains),
        ("learn_domains", &p.learn_domains),
    ] {
        for item in list {
            v.set(name, item);
        }
    }
    v.set("area", p.area.clone().unwrap_or_default());
    v.set("max_travel_km", num(p.max_travel_km));
    for (name, flag) in [
        ("online_ok", p.online_ok),
        ("is_minor", p.is_minor),
        ("pref_family", p.pref_family),
        (
            "pref_outside_language_community",
            p.pref_outside_language_community,
        ),
        ("consent", p.consent),
    ] {
        if flag {
            v.set(name, "true");
        }
    }
    v.set("household_adults", num(p.household_adults));
    v.set("household_children", num(p.household_children));
    for (i, m) in p.household_members.iter().enumerate() {
        v.set(&format!("household_members.{i}.first_name"), &m.first_name);
        v.set(
            &format!("household_members.{i}.birth_year"),
            num(m.birth_year),
        );
    }
    v.set(
        "pref_buddy_gender",
        p.pref_buddy_gender.clone().unwrap_or_default(),
    );
    v.set("pref_age_min", num(p.pref_age_min));
    v.set("pref_age_max", num(p.pref_age_max));
    v
}

/// The form's sections with values and per-field messages.
#[must_use]
pub fn sections(
    lang: UiLanguage,
    programme: &Programme,
    values: &Values,
    errors: &ValidationErrors,
    member_rows: &[usize],
) -> Vec<Section> {
    let t = |id: &str| i18n::t(lang, id);
    let words = crate::routes::profile_form::ProfileText { lang, programme };
    let mut messages: HashMap<String, String> = HashMap::new();
    for e in &errors.errors {
        let field = match e.field.strip_prefix("household_members.") {
            Some(rest) => match rest.parse::<usize>().ok().and_then(|i| member_rows.get(i)) {
                Some(row) => format!("household_members.{row}.first_name"),
                None => e.field.clone(),
            },
            None => match e.field.strip_prefix("languages.") {
                Some(row) if !row.contains('.') => format!("languages.{row}.code"),
                _ => e.field.clone(),
            },
        };
        let field = match field.as_str() {
            "languages" => "languages.0.code".to_owned(),
            "household_members" => "household_members.0.first_name".to_owned(),
            _ => field,
        };
        messages
            .entry(field)
            .or_insert_with(|| error_text(lang, e.code));
    }
    let with_error = |mut f: Field| {
        f.error = messages.get(&f.name).cloned();
        f
    };
    let text = |name: &str, label: &str| {
        with_error(Field::input("text", name, t(label), values.get(name)))
    };
    let number =
        |name: &str, label: &str| with_error(Field::number(name, t(label), values.get(name)));
    let check =
        |name: &str, label: &str| with_error(Field::checkbox(name, t(label), values.flag(name)));
    let choose = (String::new(), t("choose"));
    let not_given = (String::new(), t("not-given"));

    let ui_languages = UiLanguage::ALL
        .into_iter()
        .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
        .collect::<Vec<_>>();
    let genders = ["woman", "man", "non_binary", "prefer_not_to_say"];
    let mut gender_opts = vec![not_given.clone()];
    gender_opts.extend(
        genders
            .iter()
            .map(|g| ((*g).to_owned(), i18n::coded(lang, "gender", g))),
    );
    let mut spoken: Vec<(String, String)> = i18n::SPOKEN_LANGUAGES
        .iter()
        .map(|c| ((*c).to_owned(), i18n::language_name(lang, c)))
        .collect();
    spoken.sort_by(|a, b| a.1.cmp(&b.1));
    let mut code_opts = vec![choose.clone()];
    code_opts.extend(spoken.iter().cloned());
    let mut level_opts = vec![choose.clone()];
    level_opts.extend(LanguageLevel::ALL.iter().map(|l| {
        (
            l.code().to_lowercase(),
            i18n::coded(lang, "level", &l.code().to_lowercase()),
        )
    }));

    let about = vec![
        text("first_name", "field-first-name").required(),
        text("last_name", "field-last-name").required(),
        // Empty for someone without email (a paper form): the people to contact list has them.
        with_error(
            Field::input("email", "email", t("field-email"), values.get("email"))
                .hint(t("coord-field-email-optional-hint")),
        ),
        with_error(Field::input(
            "tel",
            "phone",
            t("field-phone"),
            values.get("phone"),
        )),
        with_error(Field::select(
            "message_language",
            t("field-message-language"),
            values.get("message_language"),
            ui_languages,
        )),
        number("birth_year", "field-birth-year"),
        with_error(Field::select(
            "gender",
            t("field-gender"),
            values.get("gender"),
            gender_opts,
        )),
        check("is_minor", "coord-field-is-minor"),
    ];
    let role = vec![
        with_error(
            Field::group(
                "role",
                t("coord-field-role"),
                false,
                vec![
                    ("arriving".to_owned(), t("coord-role-arriving")),
                    ("receiving".to_owned(), t("coord-role-receiving")),
                ],
                |v| values.has("role", v),
            )
            .required(),
        ),
        check("volunteer", "coord-field-volunteer"),
        number("capacity", "field-capacity").hint(t("field-capacity-hint")),
    ];
    let mut langs = Vec::new();
    for i in 0..LANGUAGE_ROWS {
        let n = (i + 1).to_string();
        let code = format!("languages.{i}.code");
        let level = format!("languages.{i}.level");
        let mut f = with_error(Field::select(
            &code,
            i18n::t_args(lang, "language-n", &[("n", &n)]),
            values.get(&code),
            code_opts.clone(),
        ));
        if i == 0 {
            f = f.required().hint(t("languages-hint"));
        }
        langs.push(f);
        langs.push(with_error(Field::select(
            &level,
            format!("{} {n}", t("level-n")),
            &values.get(&level).to_lowercase(),
            level_opts.clone(),
        )));
    }
    langs.push(with_error(Field::group(
        "practise_languages",
        t("field-practise-languages"),
        true,
        spoken,
        |v| values.has("practise_languages", v),
    )));
    let mut interest_opts: Vec<(String, String)> = interests::KNOWN
        .iter()
        .map(|s| ((*s).to_owned(), i18n::interest_name(lang, s)))
        .collect();
    interest_opts.extend(
        programme
            .interests
            .iter()
            .map(|s| (s.clone(), words.interest(s))),
    );
    let interest = vec![with_error(Field::group(
        "interests",
        t("interests-legend"),
        true,
        interest_opts,
        |v| values.has("interests", v),
    ))];
    let availability = vec![with_error(
        Field::group(
            "availability",
            t("availability-legend"),
            true,
            Availability::SLOT_NAMES
                .iter()
                .map(|s| {
                    let (day, part) = s.split_once('_').unwrap_or((s, ""));
                    (
                        (*s).to_owned(),
                        format!(
                            "{} – {}",
                            t(&format!("day-{day}")),
                            t(&format!("part-{part}"))
                        ),
                    )
                })
                .collect(),
            |v| values.has("availability", v),
        )
        .required(),
    )];
    let mut area_opts = vec![not_given.clone()];
    area_opts.extend(
        programme
            .areas
            .iter()
            .map(|a| (a.slug.clone(), words.area(&a.slug))),
    );
    let mut place = vec![
        with_error(Field::select(
            "area",
            t("field-area"),
            values.get("area"),
            area_opts,
        )),
        number("max_travel_km", "field-max-travel"),
        check("online_ok", "field-online-ok"),
        number("household_adults", "field-household-adults"),
        number("household_children", "field-household-children"),
    ];
    for i in 0..MEMBER_ROWS {
        let n = (i + 1).to_string();
        let name = format!("household_members.{i}.first_name");
        let year = format!("household_members.{i}.birth_year");
        place.push(with_error(Field::input(
            "text",
            &name,
            i18n::t_args(lang, "household-member-name", &[("n", &n)]),
            values.get(&name),
        )));
        place.push(with_error(Field::number(
            &year,
            i18n::t_args(lang, "household-member-birth-year", &[("n", &n)]),
            values.get(&year),
        )));
    }
    let prefs = vec![
        with_error(Field::select(
            "pref_buddy_gender",
            t("field-pref-buddy-gender"),
            values.get("pref_buddy_gender"),
            vec![
                (String::new(), t("pref-gender-any")),
                ("woman".to_owned(), t("pref-gender-woman")),
                ("man".to_owned(), t("pref-gender-man")),
            ],
        )),
        check("pref_family", "field-pref-family"),
        number("pref_age_min", "field-pref-age-min"),
        number("pref_age_max", "field-pref-age-max"),
        check(
            "pref_outside_language_community",
            "field-pref-outside-community",
        ),
    ];
    let domain_opts: Vec<(String, String)> = IntegrationDomain::ALL
        .iter()
        .map(|d| (d.code().to_owned(), i18n::coded(lang, "domain", d.code())))
        .collect();
    let domains = vec![
        with_error(Field::group(
            "share_domains",
            t("share-legend"),
            true,
            domain_opts.clone(),
            |v| values.has("share_domains", v),
        )),
        with_error(Field::group(
            "learn_domains",
            t("learn-legend"),
            true,
            domain_opts,
            |v| values.has("learn_domains", v),
        )),
    ];
    let consent = vec![check("consent", "coord-field-consent").required()];
    [
        ("section-about-coordinator", about),
        ("section-role", role),
        ("section-languages", langs),
        ("section-interests", interest),
        ("section-availability", availability),
        ("section-place", place),
        ("section-preferences", prefs),
        ("section-domains", domains),
        ("section-consent", consent),
    ]
    .into_iter()
    .map(|(title, fields)| Section {
        title: Some(if title == "section-about-coordinator" {
            t("coord-section-person")
        } else {
            t(title)
        }),
        fields,
    })
    .collect()
}
