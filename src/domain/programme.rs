//! A buddy programme: its areas, extra interests, check-in rhythm and score weights.

use serde::{Deserialize, Serialize};

/// One area (district, village) people can choose, with a centre point for distances.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    /// Stable id used in forms and CSV.
    pub slug: String,
    /// Shown name.
    pub name: String,
    /// Latitude of the centre.
    pub lat: f64,
    /// Longitude of the centre.
    pub lon: f64,
}

/// A programme as the domain sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Programme {
    /// Database id.
    pub id: i32,
    /// URL id, e.g. `leipzig-buddies`.
    pub slug: String,
    /// Shown name.
    pub name: String,
    /// The local language people practise (ISO 639 code).
    pub local_language: String,
    /// Areas people choose from.
    pub areas: Vec<Area>,
    /// Extra interest tags of this programme.
    pub interests: Vec<String>,
    /// Days between check-ins.
    pub checkin_every_days: i32,
    /// Score weights as JSON (`matching::compat::Weights`); `{}` means the defaults.
    pub weights_json: String,
}

impl Programme {
    /// The area with this slug.
    #[must_use]
    pub fn area(&self, slug: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.slug == slug)
    }
}
