//! Feature records: what the scorer knows about a seeker and a buddy.
//!
//! Everything here is a small, copyable value or a short list: language codes are three bytes
//! ([`Lang`]), the week is a 21-bit mask ([`Slots`]), the integration domains a 10-bit mask
//! ([`Domains`]). Interest tags are kept as normalised strings on the record (so a record is
//! self-contained and easy to build from a database row); [`Scorer`](super::Scorer) interns
//! them once per run into dense bitsets, so the pair loop never touches a string.
//!
//! There is deliberately no field for nationality, religion, ethnicity or legal status.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Why a feature value could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum FeatureError {
    /// Not an ISO 639 code of two or three ASCII letters.
    InvalidLanguage {
        /// The rejected input.
        input: String,
    },
    /// Not `A1` .. `C2` or `native`.
    InvalidLevel {
        /// The rejected input.
        input: String,
    },
    /// Not a slot name such as `mon_morning`.
    InvalidSlot {
        /// The rejected input.
        input: String,
    },
    /// Not an integration domain code such as `digital_skills`.
    InvalidDomain {
        /// The rejected input.
        input: String,
    },
    /// Not a gender code (`woman`, `man`, `non_binary`, `prefer_not_to_say`).
    InvalidGender {
        /// The rejected input.
        input: String,
    },
    /// Latitude outside -90..=90, longitude outside -180..=180, or not finite.
    InvalidCoordinates,
    /// An empty interest tag.
    EmptyInterest,
}

impl fmt::Display for FeatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidLanguage { input } => write!(f, "invalid language code {input:?}"),
            Self::InvalidLevel { input } => write!(f, "invalid language level {input:?}"),
            Self::InvalidSlot { input } => write!(f, "invalid availability slot {input:?}"),
            Self::InvalidDomain { input } => write!(f, "invalid integration domain {input:?}"),
            Self::InvalidGender { input } => write!(f, "invalid gender {input:?}"),
            Self::InvalidCoordinates => f.write_str("coordinates out of range"),
            Self::EmptyInterest => f.write_str("empty interest tag"),
        }
    }
}

impl std::error::Error for FeatureError {}

/// An ISO 639 language code (two or three lower-case ASCII letters), stored inline in 3 bytes.
///
/// Serialises as the plain code string (`"ar"`, `"prs"`).
///
/// ```
/// use matching::compat::Lang;
/// let ar: Lang = " AR ".parse()?;
/// assert_eq!(ar.as_str(), "ar");
/// assert!(Lang::parse("arabic").is_err());
/// # Ok::<(), matching::compat::FeatureError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang([u8; 3]);

impl Lang {
    /// Parses a code, ignoring surrounding spaces and case.
    ///
    /// # Errors
    ///
    /// [`FeatureError::InvalidLanguage`] unless the input is two or three ASCII letters.
    pub fn parse(raw: &str) -> Result<Self, FeatureError> {
        let s = raw.trim().as_bytes();
        if !(2..=3).contains(&s.len()) || !s.iter().all(u8::is_ascii_alphabetic) {
            return Err(FeatureError::InvalidLanguage {
                input: raw.to_owned(),
            });
        }
        let mut code = [0u8; 3];
        for (c, b) in code.iter_mut().zip(s) {
            *c = b.to_ascii_lowercase();
        }
        Ok(Self(code))
    }

    /// The code as a string slice.
    #[must_use]
    pub fn as_str(&self) -> &str {
        let len = if self.0[2] == 0 { 2 } else { 3 };
        // Only ASCII letters are ever stored, so this cannot fail.
        std::str::from_utf8(&self.0[..len]).unwrap_or("")
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.as_str())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = FeatureError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// CEFR level, or native / first language. Ordered: `A1 < A2 < ... < C2 < Native`.
///
/// Serialises as `"A1"` .. `"C2"`, `"native"` (the service's codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    /// Beginner.
    A1,
    /// Elementary.
    A2,
    /// Intermediate.
    B1,
    /// Upper intermediate.
    B2,
    /// Advanced.
    C1,
    /// Proficient.
    C2,
    /// First language.
    #[serde(rename = "native")]
    Native,
}

impl Level {
    /// All levels, lowest first.
    pub const ALL: [Self; 7] = [
        Self::A1,
        Self::A2,
        Self::B1,
        Self::B2,
        Self::C1,
        Self::C2,
        Self::Native,
    ];

    /// Parses `B2`, `b2`, `native` (also `first`/`mother tongue` synonyms are *not* accepted:
    /// the service normalises its own input).
    ///
    /// # Errors
    ///
    /// [`FeatureError::InvalidLevel`].
    pub fn parse(raw: &str) -> Result<Self, FeatureError> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "a1" => Ok(Self::A1),
            "a2" => Ok(Self::A2),
            "b1" => Ok(Self::B1),
            "b2" => Ok(Self::B2),
            "c1" => Ok(Self::C1),
            "c2" => Ok(Self::C2),
            "native" => Ok(Self::Native),
            _ => Err(FeatureError::InvalidLevel {
                input: raw.to_owned(),
            }),
        }
    }

    /// `A1` .. `C2`, `native`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::A1 => "A1",
            Self::A2 => "A2",
            Self::B1 => "B1",
            Self::B2 => "B2",
            Self::C1 => "C1",
            Self::C2 => "C2",
            Self::Native => "native",
        }
    }

    /// 0 for `A1` up to 6 for `Native`.
    #[must_use]
    pub fn rank(self) -> u8 {
        self as u8
    }
}

impl FromStr for Level {
    type Err = FeatureError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Weekly availability: 7 days x morning / afternoon / evening as a 21-bit mask
/// (bit `day * 3 + part`; Monday = day 0, morning = part 0). Same layout as the service.
///
/// ```
/// use matching::compat::Slots;
/// let a = Slots::from_names(["mon_morning", "sat_evening"])?;
/// let b = Slots::new().with(5, 2).with(0, 1); // Saturday evening, Monday afternoon
/// assert_eq!(a.common(b).count(), 1);
/// assert_eq!(a.common(b).slot_names(), vec!["sat_evening"]);
/// assert_eq!(Slots::SLOT_NAMES[5 * 3 + 2], "sat_evening");
/// assert_eq!((Slots::DAYS[5], Slots::PARTS[2]), ("sat", "evening"));
/// # Ok::<(), matching::compat::FeatureError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Slots(u32);

impl Slots {
    /// Slot names (`<day>_<part>`), in bit order.
    pub const SLOT_NAMES: [&'static str; 21] = [
        "mon_morning",
        "mon_afternoon",
        "mon_evening",
        "tue_morning",
        "tue_afternoon",
        "tue_evening",
        "wed_morning",
        "wed_afternoon",
        "wed_evening",
        "thu_morning",
        "thu_afternoon",
        "thu_evening",
        "fri_morning",
        "fri_afternoon",
        "fri_evening",
        "sat_morning",
        "sat_afternoon",
        "sat_evening",
        "sun_morning",
        "sun_afternoon",
        "sun_evening",
    ];
    /// Day codes, Monday (day 0) first: the `<day>` of a slot name.
    pub const DAYS: [&'static str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    /// Parts of the day, morning (part 0) first: the `<part>` of a slot name.
    pub const PARTS: [&'static str; 3] = ["morning", "afternoon", "evening"];
    /// The 21 valid bits.
    pub const MASK: u32 = (1 << 21) - 1;
    /// Every slot of the week.
    pub const ALL: Self = Self(Self::MASK);

    /// No slot.
    #[must_use]
    pub const fn new() -> Self {
        Self(0)
    }

    /// From a stored mask; bits above 21 are dropped.
    #[must_use]
    pub const fn from_bits(bits: u32) -> Self {
        Self(bits & Self::MASK)
    }

    /// From slot names such as `tue_evening`.
    ///
    /// # Errors
    ///
    /// [`FeatureError::InvalidSlot`] for an unknown name.
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, FeatureError> {
        let mut bits = 0;
        for name in names {
            let i = Self::SLOT_NAMES
                .iter()
                .position(|s| *s == name.trim())
                .ok_or_else(|| FeatureError::InvalidSlot {
                    input: name.to_owned(),
                })?;
            bits |= 1 << i;
        }
        Ok(Self(bits))
    }

    /// This set plus the slot of `day` (0 = Monday .. 6) and `part` (0 morning, 1 afternoon,
    /// 2 evening); out-of-range arguments leave the set unchanged.
    #[must_use]
    pub const fn with(self, day: u8, part: u8) -> Self {
        if day < 7 && part < 3 {
            Self(self.0 | 1 << (day * 3 + part))
        } else {
            self
        }
    }

    /// The mask.
    #[must_use]
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// Slots in both sets.
    #[must_use]
    pub const fn common(self, other: Self) -> Self {
        Self(self.0 & other.0)
    }

    /// Number of slots.
    #[must_use]
    pub const fn count(self) -> u32 {
        self.0.count_ones()
    }

    /// Whether no slot is set.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the slot of `day` and `part` is set.
    #[must_use]
    pub const fn contains(self, day: u8, part: u8) -> bool {
        day < 7 && part < 3 && self.0 & (1 << (day * 3 + part)) != 0
    }

    /// Names of the set slots, in week order.
    #[must_use]
    pub fn slot_names(self) -> Vec<&'static str> {
        Self::SLOT_NAMES
            .iter()
            .enumerate()
            .filter(|(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, s)| *s)
            .collect()
    }
}

/// A domain of integration (Home Office Indicators of Integration framework, 2019): what a
/// person would like to share, or to get help with / learn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// Work and employment.
    Work,
    /// Housing.
    Housing,
    /// Education.
    Education,
    /// Health and social care.
    HealthAndSocialCare,
    /// Leisure.
    Leisure,
    /// Language and communication.
    Language,
    /// Culture.
    Culture,
    /// Digital skills.
    DigitalSkills,
    /// Rights and public services.
    RightsAndServices,
    /// Safety and stability.
    Safety,
}

impl Domain {
    /// Every domain, in bit order.
    pub const ALL: [Self; 10] = [
        Self::Work,
        Self::Housing,
        Self::Education,
        Self::HealthAndSocialCare,
        Self::Leisure,
        Self::Language,
        Self::Culture,
        Self::DigitalSkills,
        Self::RightsAndServices,
        Self::Safety,
    ];

    /// The snake_case code used in forms, JSON and CSV.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Work => "work",
            Self::Housing => "housing",
            Self::Education => "education",
            Self::HealthAndSocialCare => "health_and_social_care",
            Self::Leisure => "leisure",
            Self::Language => "language",
            Self::Culture => "culture",
            Self::DigitalSkills => "digital_skills",
            Self::RightsAndServices => "rights_and_services",
            Self::Safety => "safety",
        }
    }

    /// Parses a code.
    ///
    /// # Errors
    ///
    /// [`FeatureError::InvalidDomain`].
    pub fn parse(raw: &str) -> Result<Self, FeatureError> {
        let s = raw.trim();
        Self::ALL
            .into_iter()
            .find(|d| d.code() == s)
            .ok_or_else(|| FeatureError::InvalidDomain {
                input: raw.to_owned(),
            })
    }
}

/// A set of [`Domain`]s as a 10-bit mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(into = "Vec<Domain>", from = "Vec<Domain>")]
pub struct Domains(u16);

impl Domains {
    /// The empty set.
    #[must_use]
    pub const fn new() -> Self {
        Self(0)
    }

    /// This set plus `d`.
    #[must_use]
    pub const fn with(self, d: Domain) -> Self {
        Self(self.0 | 1 << d as u16)
    }

    /// Parses codes such as `["work", "digital_skills"]`.
    ///
    /// # Errors
    ///
    /// [`FeatureError::InvalidDomain`] for an unknown code.
    pub fn parse<'a>(codes: impl IntoIterator<Item = &'a str>) -> Result<Self, FeatureError> {
        codes
            .into_iter()
            .try_fold(Self::new(), |acc, c| Ok(acc.with(Domain::parse(c)?)))
    }

    /// Whether `d` is in the set.
    #[must_use]
    pub const fn contains(self, d: Domain) -> bool {
        self.0 & (1 << d as u16) != 0
    }

    /// Domains in both sets.
    #[must_use]
    pub const fn common(self, other: Self) -> Self {
        Self(self.0 & other.0)
    }

    /// Number of domains.
    #[must_use]
    pub const fn count(self) -> u32 {
        self.0.count_ones()
    }

    /// The raw mask (bit = position in [`Domain::ALL`]).
    #[must_use]
    pub const fn bits(self) -> u16 {
        self.0
    }

    /// The domains, in [`Domain::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Domain> {
        Domain::ALL.into_iter().filter(move |d| self.contains(*d))
    }
}

impl FromIterator<Domain> for Domains {
    fn from_iter<I: IntoIterator<Item = Domain>>(iter: I) -> Self {
        iter.into_iter().fold(Self::new(), Self::with)
    }
}

impl From<Vec<Domain>> for Domains {
    fn from(v: Vec<Domain>) -> Self {
        v.into_iter().collect()
    }
}

impl From<Domains> for Vec<Domain> {
    fn from(d: Domains) -> Self {
        d.iter().collect()
    }
}

/// Gender as the person states it; used only for stated preferences, never scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Woman.
    Woman,
    /// Man.
    Man,
    /// Non-binary.
    NonBinary,
    /// Prefers not to say (never satisfies a gender preference).
    PreferNotToSay,
}

impl Gender {
    /// Every gender, in form order.
    pub const ALL: [Self; 4] = [
        Self::Woman,
        Self::Man,
        Self::NonBinary,
        Self::PreferNotToSay,
    ];

    /// The snake_case code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Woman => "woman",
            Self::Man => "man",
            Self::NonBinary => "non_binary",
            Self::PreferNotToSay => "prefer_not_to_say",
        }
    }

    /// Parses a code.
    ///
    /// # Errors
    ///
    /// [`FeatureError::InvalidGender`].
    pub fn parse(raw: &str) -> Result<Self, FeatureError> {
        let s = raw.trim();
        Self::ALL
            .into_iter()
            .find(|g| g.code() == s)
            .ok_or_else(|| FeatureError::InvalidGender {
                input: raw.to_owned(),
            })
    }
}

/// A point on the earth in decimal degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Coords {
    /// Latitude, -90..=90.
    pub lat: f64,
    /// Longitude, -180..=180.
    pub lon: f64,
}

impl Coords {
    /// Checked constructor.
    ///
    /// # Errors
    ///
    /// [`FeatureError::InvalidCoordinates`] when out of range or not finite.
    pub fn new(lat: f64, lon: f64) -> Result<Self, FeatureError> {
        if lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0 {
            Ok(Self { lat, lon })
        } else {
            Err(FeatureError::InvalidCoordinates)
        }
    }

    /// Great-circle (haversine) distance in km on a sphere of radius [`EARTH_RADIUS_KM`].
    #[must_use]
    pub fn distance_km(self, other: Self) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lon - self.lon).to_radians();
        let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
    }

    /// Unit vector in earth-centred coordinates (for fast chord distances).
    pub(crate) fn unit(self) -> [f64; 3] {
        let (lat, lon) = (self.lat.to_radians(), self.lon.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    }
}

/// Mean earth radius used for distances.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Where someone is: coordinates, an area id of the programme, or both.
///
/// Distance between two people: 0 km when both have the same area; otherwise the
/// great-circle distance between their coordinates; unknown (no in-person meeting possible)
/// when neither applies.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Coordinates, e.g. an area centroid or a geocoded postcode.
    pub coords: Option<Coords>,
    /// Area id (slug) from the programme's area list.
    pub area: Option<String>,
}

/// Who lives in the household that signs up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Household {
    /// One person (or adults without children).
    #[default]
    Single,
    /// A family with children.
    Family {
        /// Number of children.
        children: u8,
    },
}

impl Household {
    /// Whether this is a family with children.
    #[must_use]
    pub fn is_family(self) -> bool {
        matches!(self, Self::Family { .. })
    }
}

/// Stated preferences: each is a hard rule about the *other* side of a pair.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// The other person's gender must be this one.
    pub gender: Option<Gender>,
    /// The other side must be a family with children (family-with-family matching).
    pub family: bool,
    /// The other person's age must be known and within `min..=max`.
    pub age_range: Option<(u8, u8)>,
    /// "Someone outside my own language community": the other person must have none of this
    /// person's [`Level::Native`] languages at native level (speaking it as a learner is fine).
    pub outside_language_community: bool,
}

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

/// A seeker: an arriving person or household looking for a buddy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seeker {
    /// The person-level features.
    pub profile: Profile,
    /// Under 18: only buddies with child-safeguarding clearance are feasible.
    #[serde(default)]
    pub minor: bool,
    /// Days since sign-up (used by the waiting-priority objective, not by the score).
    #[serde(default)]
    pub waiting_days: u32,
}

impl Seeker {
    /// An adult seeker who has not waited yet.
    #[must_use]
    pub fn new(profile: Profile) -> Self {
        Self {
            profile,
            minor: false,
            waiting_days: 0,
        }
    }

    /// Sets whether the seeker is a minor.
    #[must_use]
    pub fn minor(mut self, minor: bool) -> Self {
        self.minor = minor;
        self
    }

    /// Sets the waiting days.
    #[must_use]
    pub fn waiting_days(mut self, days: u32) -> Self {
        self.waiting_days = days;
        self
    }
}

/// A buddy: a receiving member or volunteer offering to be a buddy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Buddy {
    /// The person-level features.
    pub profile: Profile,
    /// How many seekers this buddy can take.
    #[serde(default = "one")]
    pub capacity: u32,
    /// Has child-safeguarding clearance (required for minor seekers).
    #[serde(default)]
    pub child_clearance: bool,
}

fn one() -> u32 {
    1
}

impl Buddy {
    /// A buddy with capacity 1 and no child-safeguarding clearance.
    #[must_use]
    pub fn new(profile: Profile) -> Self {
        Self {
            profile,
            capacity: 1,
            child_clearance: false,
        }
    }

    /// Sets the capacity.
    #[must_use]
    pub fn capacity(mut self, capacity: u32) -> Self {
        self.capacity = capacity;
        self
    }

    /// Sets the child-safeguarding clearance.
    #[must_use]
    pub fn child_clearance(mut self, cleared: bool) -> Self {
        self.child_clearance = cleared;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::parse("ar").map(|l| l.to_string()), Ok("ar".into()));
        assert_eq!(
            Lang::parse(" PRS ").map(|l| l.to_string()),
            Ok("prs".into())
        );
        assert!(Lang::parse("a").is_err());
        assert!(Lang::parse("abcd").is_err());
        assert!(Lang::parse("a1").is_err());
        assert!(Lang::parse("").is_err());
    }

    #[test]
    fn levels_order_and_parse() {
        assert!(Level::A1 < Level::C2 && Level::C2 < Level::Native);
        assert_eq!(Level::parse("b2"), Ok(Level::B2));
        assert_eq!(Level::parse("Native"), Ok(Level::Native));
        assert!(Level::parse("D1").is_err());
        for l in Level::ALL {
            assert_eq!(Level::parse(l.code()), Ok(l));
        }
    }

    #[test]
    fn slots_helpers() {
        let s = Slots::new().with(0, 0).with(6, 2).with(7, 0).with(0, 3);
        assert_eq!(s.bits(), 1 | 1 << 20);
        assert!(s.contains(6, 2) && !s.contains(6, 1));
        assert_eq!(Slots::from_names(s.slot_names()), Ok(s));
        assert!(Slots::from_names(["someday"]).is_err());
        assert_eq!(Slots::from_bits(u32::MAX), Slots::ALL);
    }

    #[test]
    fn domains_round_trip() {
        for d in Domain::ALL {
            assert_eq!(Domain::parse(d.code()), Ok(d));
        }
        let ds = Domains::parse(["work", "safety"]).unwrap_or_default();
        assert_eq!(
            ds.iter().collect::<Vec<_>>(),
            vec![Domain::Work, Domain::Safety]
        );
        assert!(Domains::parse(["religion"]).is_err());
    }

    #[test]
    fn tags_normalise() {
        assert_eq!(normalise_tag(" Board  Games "), "board_games");
        assert_eq!(normalise_tag("video-games"), "video_games");
        let p = Profile::new().interests(["Chess", "chess ", "", "Cooking"]);
        assert_eq!(p.interests, vec!["chess", "cooking"]);
    }

    #[test]
    fn haversine_known_distance() {
        // Berlin (52.5200, 13.4050) to Paris (48.8566, 2.3522): about 878 km.
        let berlin = Coords {
            lat: 52.52,
            lon: 13.405,
        };
        let paris = Coords {
            lat: 48.8566,
            lon: 2.3522,
        };
        let d = berlin.distance_km(paris);
        assert!((d - 877.5).abs() < 2.0, "{d}");
        assert!(Coords::new(91.0, 0.0).is_err());
        assert!(Coords::new(f64::NAN, 0.0).is_err());
    }
}
