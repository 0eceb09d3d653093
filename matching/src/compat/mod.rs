//! Compatibility of a seeker and a buddy: features, hard rules, scores and explanations.
