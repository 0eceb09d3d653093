//! Weekly availability: 7 days x morning / afternoon / evening, as a 21-bit mask
//! (bit = day * 3 + part; Monday = 0, morning = 0).

use serde::{Deserialize, Serialize};

/// When someone is usually free.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Availability(u32);

impl Availability {
    /// Slot names, in bit order.
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
    /// Day codes, Monday first.
    pub const DAYS: [&'static str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    /// Parts of the day.
    pub const PARTS: [&'static str; 3] = ["morning", "afternoon", "evening"];
    const MASK: u32 = (1 << 21) - 1;

    /// From slot names.
    ///
    /// # Errors
    /// `"invalid_choice"` for an unknown slot name.
    pub fn from_slots<'a>(slots: impl IntoIterator<Item = &'a str>) -> Result<Self, &'static str> {
        let mut bits = 0;
        for slot in slots {
            let i = Self::SLOT_NAMES
                .iter()
                .position(|s| *s == slot.trim())
                .ok_or("invalid_choice")?;
            bits |= 1 << i;
        }
        Ok(Self(bits))
    }

    /// From the stored mask; bits above 21 are dropped.
    #[must_use]
    pub fn from_bits(bits: u32) -> Self {
        Self(bits & Self::MASK)
    }

    /// The mask.
    #[must_use]
    pub fn bits(self) -> u32 {
        self.0
    }

    /// Whether no slot is set.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the named slot is set.
    #[must_use]
    pub fn contains(self, slot: &str) -> bool {
        Self::SLOT_NAMES
            .iter()
            .position(|s| *s == slot)
            .is_some_and(|i| self.0 & (1 << i) != 0)
    }

    /// The names of the set slots, in week order.
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
    use proptest::prelude::*;

    #[test]
    fn slots_map_to_bits() {
        let a = Availability::from_slots(["mon_morning", "sun_evening"]).expect("valid");
        assert_eq!(a.bits(), 1 | (1 << 20));
        assert!(a.contains("sun_evening") && !a.contains("sun_morning"));
        assert_eq!(Availability::from_slots(["someday"]), Err("invalid_choice"));
    }

    proptest! {
        #[test]
        fn names_round_trip(bits in 0u32..(1 << 21)) {
            let a = Availability::from_bits(bits);
            prop_assert_eq!(Availability::from_slots(a.slot_names()), Ok(a));
        }
    }
}
