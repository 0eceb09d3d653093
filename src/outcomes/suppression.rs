//! Small-cell suppression of published counts, so that no figure lets a reader single out a
//! handful of people.
//!
//! Primary: a count under [`MIN_CELL`] is shown as "<5". Secondary: a breakdown is published
//! with its total, and the total minus the visible cells gives the sum of the hidden ones; so
//! more cells are hidden (the smallest visible first) until at least two are hidden and their sum
//! is at least [`MIN_CELL`] (one hidden cell would be exact; hidden cells summing to less than
//! five would give away that each is small, and a sum of zero that each is zero). A total under
//! [`MIN_CELL`] is hidden with every cell. A share (a percentage) is shown only when both the
//! people counted and the rest of the denominator are at least [`MIN_CELL`].

/// The smallest count shown.
pub const MIN_CELL: u64 = 5;

/// A count as published: the number, or hidden (written `"<5"` in JSON and on pages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// Shown.
    Shown(u64),
    /// Hidden ("<5", or hidden so that another hidden cell cannot be worked out).
    Hidden,
}

impl Cell {
    /// The number when shown.
    #[must_use]
    pub fn value(self) -> Option<u64> {
        match self {
            Self::Shown(n) => Some(n),
            Self::Hidden => None,
        }
    }
}

impl serde::Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Shown(n) => s.serialize_u64(*n),
            Self::Hidden => s.serialize_str(HIDDEN),
        }
    }
}

/// In the OpenAPI document: an integer of at least 5, or the string `"<5"`.
impl utoipa::PartialSchema for Cell {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(0)),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some([HIDDEN])),
            )
            .description(Some(
                "A count of people: the number when at least 5, else \"<5\" (also for a count \
                 hidden so that another cannot be worked out from a total).",
            ))
            .into()
    }
}

impl utoipa::ToSchema for Cell {}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Shown(n) => write!(f, "{n}"),
            Self::Hidden => f.write_str(HIDDEN),
        }
    }
}

/// How a hidden count reads.
pub const HIDDEN: &str = "<5";

/// A breakdown as published: its cells (same order as given) and its total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The cells.
    pub cells: Vec<Cell>,
    /// The total of all cells.
    pub total: Cell,
}

/// Publishes `counts` (a breakdown of one population into disjoint groups) with their total.
#[must_use]
pub fn publish(counts: &[u64]) -> Published {
    let total: u64 = counts.iter().sum();
    if total < MIN_CELL {
        return Published {
            cells: vec![Cell::Hidden; counts.len()],
            total: Cell::Hidden,
        };
    }
    let mut hidden: Vec<bool> = counts.iter().map(|&n| n < MIN_CELL).collect();
    loop {
        let (count, sum) = hidden
            .iter()
            .zip(counts)
            .filter(|(h, _)| **h)
            .fold((0_usize, 0_u64), |(c, s), (_, n)| (c + 1, s + n));
        if count == 0 || (count >= 2 && sum >= MIN_CELL) {
            break;
        }
        // The smallest visible cell (the first on a tie) joins the hidden ones.
        let next = counts
            .iter()
            .enumerate()
            .filter(|(i, _)| !hidden[*i])
            .min_by_key(|(i, n)| (**n, *i))
            .map(|(i, _)| i);
        match next {
            Some(i) => hidden[i] = true,
            None => break, // every cell hidden: the total (at least 5) gives nothing away
        }
    }
    Published {
        cells: counts
            .iter()
            .zip(&hidden)
            .map(|(&n, &h)| if h { Cell::Hidden } else { Cell::Shown(n) })
            .collect(),
        total: Cell::Shown(total),
    }
}

/// A single count: shown when at least [`MIN_CELL`].
#[must_use]
pub fn count(n: u64) -> Cell {
    if n < MIN_CELL {
        Cell::Hidden
    } else {
        Cell::Shown(n)
    }
}

/// The share `part / whole` in percent (one decimal), or None when it would show a small
/// number: fewer than [`MIN_CELL`] counted, or fewer than [`MIN_CELL`] not counted.
#[must_use]
pub fn share(part: u64, whole: u64) -> Option<f64> {
    if part < MIN_CELL || whole.saturating_sub(part) < MIN_CELL {
        return None;
    }
    #[allow(clippy::cast_precision_loss)] // counts of people, far below 2^52
    let percent = part as f64 * 100.0 / whole as f64;
    Some((percent * 10.0).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn shown(p: &Published) -> Vec<Option<u64>> {
        p.cells.iter().map(|c| c.value()).collect()
    }

    #[test]
    fn hand_checked_tables() {
        // One small cell: the next smallest is hidden too, until the hidden sum reaches 5.
        let p = publish(&[3, 40, 12]);
        assert_eq!(shown(&p), vec![None, Some(40), None]);
        assert_eq!(p.total, Cell::Shown(55));
        // Two small cells summing to 3: a third is hidden.
        let p = publish(&[1, 2, 30, 9]);
        assert_eq!(shown(&p), vec![None, None, Some(30), None]);
        // Two zeros would be given away by the total: the 7 is hidden too.
        let p = publish(&[0, 0, 7]);
        assert_eq!(shown(&p), vec![None, None, None]);
        assert_eq!(p.total, Cell::Shown(7));
        // Nothing small: all shown.
        assert_eq!(shown(&publish(&[5, 6])), vec![Some(5), Some(6)]);
        // A small total hides everything.
        assert_eq!(publish(&[1, 3]).total, Cell::Hidden);
        assert_eq!(publish(&[]).total, Cell::Hidden);
    }

    #[test]
    fn shares_hide_small_numbers_on_either_side() {
        assert_eq!(share(4, 100), None);
        assert_eq!(share(96, 100), None);
        assert_eq!(share(5, 10), Some(50.0));
        assert_eq!(share(1, 3), None);
        assert_eq!(share(20, 30), Some(66.7));
        assert_eq!(count(4), Cell::Hidden);
        assert_eq!(count(5), Cell::Shown(5));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// No count under 5 is shown, and none can be worked out from the total: the hidden
        /// cells, if any, are at least two and sum to at least 5, so each of them could be
        /// anything from 0 to that sum.
        #[test]
        fn no_small_cell_can_be_recovered(counts in proptest::collection::vec(0u64..40, 0..8)) {
            let p = publish(&counts);
            prop_assert_eq!(p.cells.len(), counts.len());
            for (cell, &n) in p.cells.iter().zip(&counts) {
                match cell {
                    Cell::Shown(v) => {
                        prop_assert_eq!(*v, n);
                        prop_assert!(n >= MIN_CELL);
                    }
                    Cell::Hidden => {}
                }
            }
            match p.total {
                Cell::Hidden => {
                    prop_assert!(counts.iter().sum::<u64>() < MIN_CELL);
                    prop_assert!(p.cells.iter().all(|c| *c == Cell::Hidden));
                }
                Cell::Shown(total) => {
                    prop_assert_eq!(total, counts.iter().sum::<u64>());
                    let visible: u64 = p.cells.iter().filter_map(|c| c.value()).sum();
                    let hidden = p.cells.iter().filter(|c| **c == Cell::Hidden).count();
                    let derived = total - visible;
                    if hidden > 0 {
                        prop_assert!(hidden >= 2 || counts.len() == 1, "{:?}", counts);
                        prop_assert!(derived >= MIN_CELL, "{:?}", counts);
                    }
                }
            }
        }
    }
}
