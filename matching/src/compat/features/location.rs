//! Where someone is: [`Coords`] with the great-circle distance, and a [`Location`] of
//! coordinates and / or an area id.

use serde::{Deserialize, Serialize};

use super::FeatureError;

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

#[cfg(test)]
mod tests {
    use super::*;

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
