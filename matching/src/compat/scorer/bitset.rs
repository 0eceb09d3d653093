//! Word sets: the `u64`-slice operations (any, count, first, iterate, set) the pair check is
//! made of.

#[inline]
pub(super) fn any(a: &[u64], b: &[u64]) -> bool {
    a.iter().zip(b).any(|(x, y)| x & y != 0)
}

#[inline]
pub(super) fn count(a: &[u64], b: &[u64]) -> u32 {
    a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum()
}

#[inline]
pub(super) fn first(a: &[u64], b: &[u64]) -> Option<usize> {
    a.iter().zip(b).enumerate().find_map(|(i, (x, y))| {
        let w = x & y;
        (w != 0).then(|| i * 64 + w.trailing_zeros() as usize)
    })
}

pub(super) fn bits<'a>(a: &'a [u64], b: &'a [u64]) -> impl Iterator<Item = usize> + 'a {
    a.iter().zip(b).enumerate().flat_map(|(i, (x, y))| {
        let mut w = x & y;
        std::iter::from_fn(move || {
            (w != 0).then(|| {
                let t = w.trailing_zeros() as usize;
                w &= w - 1;
                i * 64 + t
            })
        })
    })
}

pub(super) fn set(words: &mut [u64], id: usize) {
    words[id / 64] |= 1 << (id % 64);
}
