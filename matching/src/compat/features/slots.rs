//! Weekly availability: [`Slots`], the 21 morning / afternoon / evening slots of a week as a
//! bit mask.

use serde::{Deserialize, Serialize};

use super::FeatureError;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_helpers() {
        let s = Slots::new().with(0, 0).with(6, 2).with(7, 0).with(0, 3);
        assert_eq!(s.bits(), 1 | 1 << 20);
        assert!(s.contains(6, 2) && !s.contains(6, 1));
        assert_eq!(Slots::from_names(s.slot_names()), Ok(s));
        assert!(Slots::from_names(["someday"]).is_err());
        assert_eq!(Slots::from_bits(u32::MAX), Slots::ALL);
    }
}
