//! How two people can meet ([`Reach`]): in person within the smaller travel radius, online,
//! or not at all, with the chord-length geometry that avoids trigonometry for pairs surely
//! too far apart.

use super::layout::{Person, HAS_POS, NO_AREA, ONLINE};
use super::Scorer;
use crate::compat::features::EARTH_RADIUS_KM;

/// Squared chord length of a great-circle distance of `km` plus a 1 km safety margin.
pub(super) fn far_chord2(km: u16) -> f64 {
    let angle = (f64::from(km) + 1.0) / EARTH_RADIUS_KM;
    if angle >= std::f64::consts::PI {
        f64::INFINITY
    } else {
        let c = 2.0 * (angle / 2.0).sin();
        c * c
    }
}

pub(super) fn chord2(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    let (x, y, z) = (a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    x * x + y * y + z * z
}

/// Great-circle distance in whole metres for a squared chord length.
pub(super) fn metres(c2: f64) -> u32 {
    let half = (c2.sqrt() / 2.0).min(1.0);
    let m = (2.0 * EARTH_RADIUS_KM * half.asin() * 1000.0).round();
    // At most half the circumference, about 2.0e7 m: fits.
    m as u32
}

/// How the two can meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    /// In person: distance and the smaller travel radius, in metres.
    InPerson { m: u32, limit_m: u32 },
    /// Online only.
    Online,
    /// Not at all; distance in metres if known and computed.
    TooFar { m: Option<u32>, limit_m: u32 },
}

impl Scorer {
    pub(super) fn reach(&self, sp: &Person, bp: &Person, exact: bool) -> Reach {
        let limit_m = sp.max_m.min(bp.max_m);
        let online = sp.flags & bp.flags & ONLINE != 0;
        let m = if sp.area != NO_AREA && sp.area == bp.area {
            Some(0)
        } else if sp.flags & bp.flags & HAS_POS != 0 {
            let c2 = chord2(&sp.pos, &bp.pos);
            if c2 > sp.far_chord2.min(bp.far_chord2) && !exact {
                // Surely beyond the radius: skip the trigonometry.
                return if online {
                    Reach::Online
                } else {
                    Reach::TooFar { m: None, limit_m }
                };
            }
            Some(metres(c2))
        } else {
            None
        };
        match m {
            Some(m) if m <= limit_m => Reach::InPerson { m, limit_m },
            _ if online => Reach::Online,
            _ => Reach::TooFar { m, limit_m },
        }
    }
}
