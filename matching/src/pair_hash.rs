//! A fixed hash of a (seeker, buddy) pair, used to break ties between equal scores so that
//! tied seekers spread over different buddies, the same way on every run.

/// A fixed 64-bit mix (splitmix64 finaliser) of a seeker/buddy pair.
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let mut z = (a << 32 | b).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
