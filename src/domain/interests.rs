//! The shared list of interest tags (translated on pages as `interest-<slug>`); programmes may
//! add their own.

/// Interest tags every programme offers.
pub const KNOWN: [&str; 30] = [
    "cooking",
    "football",
    "chess",
    "music",
    "hiking",
    "cycling",
    "reading",
    "art",
    "crafts",
    "gardening",
    "films",
    "photography",
    "dancing",
    "theatre",
    "swimming",
    "running",
    "yoga",
    "board_games",
    "video_games",
    "history",
    "technology",
    "nature",
    "travel",
    "sewing",
    "basketball",
    "volleyball",
    "fitness",
    "parenting",
    "science",
    "computers",
];

/// How many of [`KNOWN`] (its first ones: everyday pastimes most people share) the sign-up form
/// shows at once; the others are one tap away.
pub const SHOWN_FIRST: usize = 12;

/// Normalises a tag (`" Board Games "` -> `board_games`).
#[must_use]
pub fn normalise(raw: &str) -> String {
    raw.trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
}

/// Whether `slug` is a known tag or one of the programme's own.
#[must_use]
pub fn is_allowed(slug: &str, programme_tags: &[String]) -> bool {
    KNOWN.contains(&slug) || programme_tags.iter().any(|t| t == slug)
}
