//! [`Profile`]: the person-level features both sides of a pair have, with chained setters,
//! and the interest-tag normalisation ([`normalise_tag`]).

use serde::{Deserialize, Serialize};

use super::{
    Coords, Domain, Domains, FeatureError, Gender, Household, Lang, Level, Location, Preferences,
    Slots,
};

/// Interest tag normalisation: trimmed, lower case, inner whitespace and `-` as `_`
/// (`" Board  Games "` -> `board_games`).
#[must_use]
pub fn normalise_tag(raw: &str) -> String {
    raw.trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// What both sides of a pair have in common: the person-level features.
///
/// Build with the chained setters, from strings or from typed values:
///
/// ```
/// use matching::compat::{Domain, Household, Profile};
/// let p = Profile::new()
///     .speaks("ar", "native")?
///     .speaks("de", "A2")?
///     .practises("de")?
///     .interests(["Cooking", "chess"])
///     .slots(["sat_morning", "sun_afternoon"])?
///     .area("nord")
///     .coords(52.52, 13.40)?
///     .max_travel_km(5)
///     .online_ok(true)
///     .age(34)
///     .household(Household::Family { children: 2 })
///     .shares(["leisure", "culture"])?
///     .learns_domain(Domain::Work);
/// assert_eq!(p.interests, vec!["chess".to_owned(), "cooking".to_owned()]);
/// # Ok::<(), matching::compat::FeatureError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// Spoken languages with level, at most one entry per language.
    pub languages: Vec<(Lang, Level)>,
    /// Languages the person would like to practise.
    pub practise: Vec<Lang>,
    /// Interest tags, normalised ([`normalise_tag`]), sorted, unique.
    pub interests: Vec<String>,
    /// Weekly availability.
    pub availability: Slots,
    /// Where the person is.
    pub location: Location,
    /// How far the person will travel to meet, km.
    pub max_travel_km: u16,
    /// Whether online meetings are fine.
    pub online_ok: bool,
    /// Age in years, if given.
    pub age: Option<u8>,
    /// Household.
    pub household: Household,
    /// Gender, if given; used only for the other side's stated preference.
    pub gender: Option<Gender>,
    /// Stated preferences about the other side (hard rules).
    pub preferences: Preferences,
    /// What the person would like to share.
    pub shares: Domains,
    /// What the person would like help with / to learn.
    pub learns: Domains,
}

impl Default for Profile {
    fn default() -> Self {
        Self::new()
    }
}

impl Profile {
    /// An empty profile: no language, no slot, 10 km travel radius, online not ok.
    #[must_use]
    pub fn new() -> Self {
        Self {
            languages: Vec::new(),
            practise: Vec::new(),
            interests: Vec::new(),
            availability: Slots::new(),
            location: Location::default(),
            max_travel_km: 10,
            online_ok: false,
            age: None,
            household: Household::Single,
            gender: None,
            preferences: Preferences::default(),
            shares: Domains::new(),
            learns: Domains::new(),
        }
    }

    /// Adds (or replaces) a spoken language from codes such as `("uk", "native")`.
    ///
    /// # Errors
    ///
    /// An invalid language code or level.
    pub fn speaks(self, lang: &str, level: &str) -> Result<Self, FeatureError> {
        Ok(self.speaks_lang(Lang::parse(lang)?, Level::parse(level)?))
    }

    /// Adds (or replaces) a spoken language.
    #[must_use]
    pub fn speaks_lang(mut self, lang: Lang, level: Level) -> Self {
        match self.languages.iter_mut().find(|(l, _)| *l == lang) {
            Some(entry) => entry.1 = level,
            None => self.languages.push((lang, level)),
        }
        self
    }

    /// Adds a language to practise, from its code.
    ///
    /// # Errors
    ///
    /// An invalid language code.
    pub fn practises(self, lang: &str) -> Result<Self, FeatureError> {
        Ok(self.practises_lang(Lang::parse(lang)?))
    }

    /// Adds a language to practise (a language already listed is not added twice).
    #[must_use]
    pub fn practises_lang(mut self, lang: Lang) -> Self {
        if !self.practise.contains(&lang) {
            self.practise.push(lang);
        }
        self
    }

    /// Adds interest tags, normalising them; empty tags are skipped.
    #[must_use]
    pub fn interests<S: AsRef<str>>(mut self, tags: impl IntoIterator<Item = S>) -> Self {
        self.interests.extend(
            tags.into_iter()
                .map(|t| normalise_tag(t.as_ref()))
                .filter(|t| !t.is_empty()),
        );
        self.interests.sort_unstable();
        self.interests.dedup();
        self
    }

    /// Adds availability slots by name (`mon_morning` .. `sun_evening`).
    ///
    /// # Errors
    ///
    /// An unknown slot name.
    pub fn slots<'a>(
        mut self,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self, FeatureError> {
        self.availability =
            Slots::from_bits(self.availability.bits() | Slots::from_names(names)?.bits());
        Ok(self)
    }

    /// Sets the availability.
    #[must_use]
    pub fn availability(mut self, slots: Slots) -> Self {
        self.availability = slots;
        self
    }

    /// Sets the coordinates.
    ///
    /// # Errors
    ///
    /// Coordinates out of range.
    pub fn coords(mut self, lat: f64, lon: f64) -> Result<Self, FeatureError> {
        self.location.coords = Some(Coords::new(lat, lon)?);
        Ok(self)
    }

    /// Sets the area id.
    #[must_use]
    pub fn area(mut self, area: impl Into<String>) -> Self {
        self.location.area = Some(area.into());
        self
    }

    /// Sets the travel radius in km.
    #[must_use]
    pub fn max_travel_km(mut self, km: u16) -> Self {
        self.max_travel_km = km;
        self
    }

    /// Sets whether online meetings are fine.
    #[must_use]
    pub fn online_ok(mut self, ok: bool) -> Self {
        self.online_ok = ok;
        self
    }

    /// Sets the age.
    #[must_use]
    pub fn age(mut self, years: u8) -> Self {
        self.age = Some(years);
        self
    }

    /// Sets the household.
    #[must_use]
    pub fn household(mut self, h: Household) -> Self {
        self.household = h;
        self
    }

    /// Sets the gender.
    #[must_use]
    pub fn gender(mut self, g: Gender) -> Self {
        self.gender = Some(g);
        self
    }

    /// Sets the stated preferences.
    #[must_use]
    pub fn preferences(mut self, p: Preferences) -> Self {
        self.preferences = p;
        self
    }

    /// Adds domains to share, by code.
    ///
    /// # Errors
    ///
    /// An unknown domain code.
    pub fn shares<'a>(
        mut self,
        codes: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self, FeatureError> {
        self.shares = Domains(self.shares.0 | Domains::parse(codes)?.0);
        Ok(self)
    }

    /// Adds domains to learn, by code.
    ///
    /// # Errors
    ///
    /// An unknown domain code.
    pub fn learns<'a>(
        mut self,
        codes: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self, FeatureError> {
        self.learns = Domains(self.learns.0 | Domains::parse(codes)?.0);
        Ok(self)
    }

    /// Adds one domain to share.
    #[must_use]
    pub fn shares_domain(mut self, d: Domain) -> Self {
        self.shares = self.shares.with(d);
        self
    }

    /// Adds one domain to learn.
    #[must_use]
    pub fn learns_domain(mut self, d: Domain) -> Self {
        self.learns = self.learns.with(d);
        self
    }

    /// The level at which the person speaks `lang`, if at all.
    #[must_use]
    pub fn level_of(&self, lang: Lang) -> Option<Level> {
        self.languages
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, lv)| *lv)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_normalise() {
        assert_eq!(normalise_tag(" Board  Games "), "board_games");
        assert_eq!(normalise_tag("video-games"), "video_games");
        let p = Profile::new().interests(["Chess", "chess ", "", "Cooking"]);
        assert_eq!(p.interests, vec!["chess", "cooking"]);
    }
}
