//! Pictures next to interests and times of day, so a person who reads little can still find
//! "football" or "evening". They are emoji: every phone draws them, they need no files, and they
//! are hidden from screen readers (the words are read instead).

/// The picture for an interest tag; `""` for tags without one (a programme's own).
#[must_use]
pub fn interest(tag: &str) -> &'static str {
    match tag {
        "cooking" => "🍳",
        "football" => "⚽",
        "chess" => "♟️",
        "music" => "🎵",
        "hiking" => "🥾",
        "cycling" => "🚲",
        "reading" => "📖",
        "art" => "🎨",
        "crafts" => "✂️",
        "gardening" => "🌱",
        "films" => "🎬",
        "photography" => "📷",
        "dancing" => "💃",
        "theatre" => "🎭",
        "swimming" => "🏊",
        "running" => "🏃",
        "yoga" => "🧘",
        "board_games" => "🎲",
        "video_games" => "🎮",
        "history" => "🏛️",
        "technology" => "💡",
        "nature" => "🌳",
        "travel" => "🧳",
        "sewing" => "🧵",
        "basketball" => "🏀",
        "volleyball" => "🏐",
        "fitness" => "🏋️",
        "parenting" => "👪",
        "science" => "🔬",
        "computers" => "💻",
        _ => "",
    }
}

/// The picture for a part of the day (`morning`, `afternoon`, `evening`).
#[must_use]
pub fn part_of_day(part: &str) -> &'static str {
    match part {
        "morning" => "🌅",
        "afternoon" => "☀️",
        "evening" => "🌙",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{interests, Availability};

    #[test]
    fn every_shared_interest_and_part_of_day_has_a_picture() {
        for tag in interests::KNOWN {
            assert!(!interest(tag).is_empty(), "{tag}");
        }
        for part in Availability::PARTS {
            assert!(!part_of_day(part).is_empty(), "{part}");
        }
        assert_eq!(interest("repair_cafe"), "");
    }
}
