//! The review table: a finished run's proposals as one row a pair, filtered and sorted as the
//! coordinator asks (score below/above, shared language, area, status, "has a warning"), and
//! what deserves a second look in each pair (warnings). The run page and "approve all shown"
//! use the same filter, so what is approved is exactly what was shown.

use std::collections::HashMap;

use matching::compat::{Item, Level, Reason};

use crate::db::matches::Match;
use crate::db::participants::PersonOutline;
use crate::domain::MatchStatus;

/// Something about a pair worth a second look before approving it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// They can only meet online (too far apart, or an area unknown).
    OnlineOnly,
    /// Their best shared language is at a beginner's level (A1 or A2).
    BasicLanguage,
    /// At most one weekly time slot in common.
    FewSlots,
}

impl Warning {
    /// The stable code (messages `review-warning-<code>`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::OnlineOnly => "online-only",
            Self::BasicLanguage => "basic-language",
            Self::FewSlots => "few-slots",
        }
    }
}

/// The reasons of a stored proposal (the matching core's JSON); none when it does not parse.
fn items(reasons_json: &str) -> Vec<Item> {
    serde_json::from_str(reasons_json).unwrap_or_default()
}

/// The warnings of a proposal, from its stored reasons.
#[must_use]
pub fn warnings(reasons_json: &str) -> Vec<Warning> {
    let items = items(reasons_json);
    if items.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if items.iter().any(|i| i.reason == Reason::OnlineOnly) {
        out.push(Warning::OnlineOnly);
    }
    let basic = items
        .iter()
        .any(|i| matches!(i.reason, Reason::SharedLanguage { level, .. } if level <= Level::A2));
    if basic {
        out.push(Warning::BasicLanguage);
    }
    let slots = items.iter().find_map(|i| match i.reason {
        Reason::CommonSlots { count } => Some(count),
        _ => None,
    });
    if slots.unwrap_or(0) <= 1 {
        out.push(Warning::FewSlots);
    }
    out
}

/// The language code the pair's best shared language reason names, if any.
#[must_use]
pub fn shared_language(reasons_json: &str) -> Option<String> {
    items(reasons_json)
        .into_iter()
        .find_map(|i| match i.reason {
            Reason::SharedLanguage { lang, .. } => Some(lang.as_str().to_owned()),
            _ => None,
        })
}

/// How the rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best score first (the default).
    #[default]
    ScoreDesc,
    /// Lowest score first: the pairs to look at.
    ScoreAsc,
    /// By the seeker's name.
    Seeker,
    /// By the buddy's name.
    Buddy,
}

impl Sort {
    /// The query value.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::ScoreDesc => "score_desc",
            Self::ScoreAsc => "score_asc",
            Self::Seeker => "seeker",
            Self::Buddy => "buddy",
        }
    }

    /// Every order, default first.
    pub const ALL: [Self; 4] = [Self::ScoreDesc, Self::ScoreAsc, Self::Seeker, Self::Buddy];
}

/// What the coordinator asked to see. Parsed leniently from the page's query: a value that
/// does not parse is left out (the filter form shows what applies).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Score at least this (0..=1000).
    pub score_min: Option<i32>,
    /// Score at most this.
    pub score_max: Option<i32>,
    /// Their shared language (ISO 639 code).
    pub language: Option<String>,
    /// The seeker or the buddy lives in this area (its id).
    pub area: Option<String>,
    /// In this status.
    pub status: Option<MatchStatus>,
    /// Only pairs with a warning.
    pub warning_only: bool,
    /// Order.
    pub sort: Sort,
}

impl Filter {
    /// Reads the query's `score_min`, `score_max`, `language`, `area`, `state` (a match
    /// status; `status` is taken by the page's notices), `warning` and `sort` through `get`
    /// (`""` when absent).
    #[must_use]
    pub fn parse<'a>(get: impl Fn(&str) -> &'a str) -> Self {
        let score = |key: &str| {
            get(key)
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|n| (0..=1000).contains(n))
        };
        let word = |key: &str| {
            let v = get(key).trim();
            (!v.is_empty()
                && v.len() <= 40
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .then(|| v.to_owned())
        };
        Self {
            score_min: score("score_min"),
            score_max: score("score_max"),
            language: word("language").map(|l| l.to_ascii_lowercase()),
            area: word("area"),
            status: MatchStatus::parse(get("state").trim()).ok(),
            warning_only: get("warning") == "1",
            sort: Sort::ALL
                .into_iter()
                .find(|s| s.code() == get("sort"))
                .unwrap_or_default(),
        }
    }

    /// The filter as query pairs (only what is set), for links and hidden fields.
    #[must_use]
    pub fn query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if let Some(n) = self.score_min {
            q.push(("score_min", n.to_string()));
        }
        if let Some(n) = self.score_max {
            q.push(("score_max", n.to_string()));
        }
        if let Some(l) = &self.language {
            q.push(("language", l.clone()));
        }
        if let Some(a) = &self.area {
            q.push(("area", a.clone()));
        }
        if let Some(s) = self.status {
            q.push(("state", s.code().to_owned()));
        }
        if self.warning_only {
            q.push(("warning", "1".to_owned()));
        }
        if self.sort != Sort::ScoreDesc {
            q.push(("sort", self.sort.code().to_owned()));
        }
        q
    }

    /// Whether anything narrows the list.
    #[must_use]
    pub fn narrows(&self) -> bool {
        self.score_min.is_some()
            || self.score_max.is_some()
            || self.language.is_some()
            || self.area.is_some()
            || self.status.is_some()
            || self.warning_only
    }

    fn keeps(&self, m: &Match, people: &HashMap<i32, PersonOutline>) -> bool {
        let area_of = |id: i32| people.get(&id).and_then(|p| p.area.as_deref());
        // `map_or(true, ..)`: the crate's MSRV predates `Option::is_none_or`.
        self.score_min.map_or(true, |n| m.score >= n)
            && self.score_max.map_or(true, |n| m.score <= n)
            && self.status.map_or(true, |s| m.status == s)
            && self
                .language
                .as_deref()
                .map_or(true, |l| shared_language(&m.reasons).as_deref() == Some(l))
            && self.area.as_deref().map_or(true, |a| {
                area_of(m.seeker_id) == Some(a) || area_of(m.buddy_id) == Some(a)
            })
            && (!self.warning_only || !warnings(&m.reasons).is_empty())
    }
}

/// The name a row shows: first name and last initial ("Ursula K."), so that two people of one
/// first name can be told apart (the participant number and area stand next to it).
#[must_use]
pub fn short_name(p: &PersonOutline) -> String {
    match p.last_name.trim().chars().next() {
        Some(initial) => format!("{} {initial}.", p.first_name.trim()),
        None => p.first_name.trim().to_owned(),
    }
}

/// The proposals `filter` keeps, in its order (ties by best score, then id).
#[must_use]
pub fn select(
    all: Vec<Match>,
    people: &HashMap<i32, PersonOutline>,
    filter: &Filter,
) -> Vec<Match> {
    let mut kept: Vec<Match> = all
        .into_iter()
        .filter(|m| filter.keeps(m, people))
        .collect();
    let name = |id: i32| {
        people
            .get(&id)
            .map(|p| (p.first_name.to_lowercase(), p.last_name.to_lowercase()))
            .unwrap_or_default()
    };
    kept.sort_by(|a, b| {
        let by_score = b.score.cmp(&a.score).then(a.id.cmp(&b.id));
        match filter.sort {
            Sort::ScoreDesc => by_score,
            Sort::ScoreAsc => a.score.cmp(&b.score).then(a.id.cmp(&b.id)),
            Sort::Seeker => name(a.seeker_id).cmp(&name(b.seeker_id)).then(by_score),
            Sort::Buddy => name(a.buddy_id).cmp(&name(b.buddy_id)).then(by_score),
        }
    });
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    fn proposal(id: i32, score: i32, status: MatchStatus, reasons: &str) -> Match {
        Match {
            id,
            programme_id: 1,
            run_id: Some(1),
            seeker_id: id * 10,
            buddy_id: id * 10 + 1,
            score,
            reasons: reasons.to_owned(),
            status,
            stage: None,
            seeker_response: None,
            buddy_response: None,
            reject_reason: None,
            decided_by: None,
            decided_at: None,
            created_at: NaiveDateTime::default(),
            updated_at: NaiveDateTime::default(),
        }
    }

    const GOOD: &str = r#"[{"reason":"shared_language","lang":"de","level":"B2","points":200},
        {"reason":"common_slots","count":3,"points":100},{"reason":"distance_km","km":2,"points":50}]"#;
    const WEAK: &str = r#"[{"reason":"shared_language","lang":"en","level":"A2","points":80},
        {"reason":"common_slots","count":1,"points":30},{"reason":"online_only","points":0}]"#;

    fn person(first: &str, last: &str, area: &str) -> PersonOutline {
        PersonOutline {
            first_name: first.into(),
            last_name: last.into(),
            area: Some(area.into()),
        }
    }

    #[test]
    fn weak_points_become_warnings() {
        assert!(warnings(GOOD).is_empty());
        assert_eq!(
            warnings(WEAK),
            [
                Warning::OnlineOnly,
                Warning::BasicLanguage,
                Warning::FewSlots
            ]
        );
        assert!(warnings("not json").is_empty(), "unreadable: no claims");
        assert_eq!(shared_language(WEAK).as_deref(), Some("en"));
    }

    #[test]
    fn the_filter_keeps_what_was_asked_and_reads_its_own_query_back() {
        let all = vec![
            proposal(1, 900, MatchStatus::Proposed, GOOD),
            proposal(2, 400, MatchStatus::Proposed, WEAK),
            proposal(3, 700, MatchStatus::Approved, GOOD),
        ];
        let mut people = HashMap::new();
        for m in &all {
            people.insert(m.seeker_id, person("Ursula", "Klein", "gohlis"));
            people.insert(m.buddy_id, person("Jonas", "Becker", "zentrum"));
        }
        people.insert(20, person("Amal", "Haddad", "gruenau"));
        let ids = |f: &Filter| -> Vec<i32> {
            select(all.clone(), &people, f)
                .iter()
                .map(|m| m.id)
                .collect()
        };
        assert_eq!(ids(&Filter::default()), [1, 3, 2]);
        let low = Filter {
            score_max: Some(750),
            sort: Sort::ScoreAsc,
            ..Filter::default()
        };
        assert_eq!(ids(&low), [2, 3]);
        let query = low.query();
        let back = Filter::parse(|k| {
            query
                .iter()
                .find(|(key, _)| *key == k)
                .map_or("", |(_, v)| v.as_str())
        });
        assert_eq!(back, low);
        let warned = Filter {
            warning_only: true,
            ..Filter::default()
        };
        assert_eq!(ids(&warned), [2]);
        let german = Filter {
            language: Some("de".into()),
            status: Some(MatchStatus::Proposed),
            ..Filter::default()
        };
        assert_eq!(ids(&german), [1]);
        let gruenau = Filter {
            area: Some("gruenau".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&gruenau), [2]);
        let by_seeker = Filter {
            sort: Sort::Seeker,
            ..Filter::default()
        };
        assert_eq!(ids(&by_seeker), [2, 1, 3], "Amal before the two Ursulas");
    }

    #[test]
    fn a_query_that_does_not_parse_narrows_nothing() {
        let f = Filter::parse(|k| match k {
            "score_min" => "lots",
            "score_max" => "5000",
            "language" => "<script>",
            "state" => "maybe",
            "sort" => "random",
            _ => "",
        });
        assert_eq!(f, Filter::default());
        assert!(!f.narrows());
    }

    #[test]
    fn short_names_carry_the_last_initial() {
        assert_eq!(short_name(&person("Ursula", "Klein", "x")), "Ursula K.");
        assert_eq!(short_name(&person("Ursula", " ", "x")), "Ursula");
    }
}
