//! Warm start: the search state rebuilt from a previous optimum of the same costs on fewer
//! edges, so that only the rows the new edges concern are augmented again.
//!
//! The previous assignment and column potentials are restored as far as they still satisfy the
//! solver's dual conditions (every edge of a processed row has a non-negative reduced cost
//! `c - u - v`, a matched row's unmatched option too, a column with room has `v = 0`, a full one
//! `v <= 0`):
//!
//! 1. every row whose previous column is still an edge takes it again (an unmatched row stays
//!    unmatched);
//! 2. a row with an edge of negative reduced cost (a new edge the old potentials do not price
//!    correctly), or whose unmatched option became cheaper than its column, is un-assigned: it is
//!    processed again by the normal search afterwards, and while it is free its edges impose
//!    nothing. If its column has a negative potential, a *placeholder* row takes its place: no
//!    edges, the same cost on that column and an unmatched option exactly as expensive as its
//!    potential there (tight), so the column stays full and every condition holds. A search that
//!    settles the column can evict the placeholder, which then costs what the column's
//!    potential says its place is worth: the usual case, the freed row or a chain through its
//!    new edges taking the place back, is found by the ordinary forward search;
//! 3. a column that has room but a negative potential (the previous solve clamped its capacity
//!    to its degree; at the end, a column whose placeholder nobody evicted and which is removed)
//!    is *repaired* by a search in the reverse direction: from the column back along the edges
//!    of the rows that could move into it, to the cheapest way of either raising its potential
//!    to 0 (the budget `-v`), moving the room to another column (a chain of rows each moving one
//!    column closer, the column at the far end losing a row: possible when that column's
//!    potential is high enough) or matching an unmatched row into the chain. The potentials of
//!    the columns settled by that search rise by the difference to the cheapest distance,
//!    exactly as the forward search lowers them, which keeps every reduced cost non-negative.
//!
//! After step 3 the state is a valid intermediate state of the successive shortest path method
//! (an optimum for the rows already processed, with potentials that certify it), and the free
//! rows are augmented by the usual forward search. Placeholders only make a place dearer (by
//! the column's potential), so what the searches find is an optimum of the problem with them;
//! [`finish`] then removes the placeholders still in place and repairs their columns, which
//! gives an optimum of the real problem with valid potentials.

use super::{Graph, State, FREE, UNMATCHED};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A previous optimum of the same costs.
pub(crate) struct Start<'a> {
    /// Column of each row, [`UNMATCHED`], or [`FREE`] for a row to process from scratch.
    pub col_of: &'a [u32],
    /// Column potentials (as many as columns).
    pub v: &'a [i64],
}

/// What the warm start did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WarmStats {
    /// Rows left to the forward search (un-assigned, or without a usable previous column).
    pub free_rows: usize,
    /// Placeholders put in the place of un-assigned rows.
    pub placeholders: usize,
    /// Reverse searches that repaired a column with room and a negative potential.
    pub repairs: usize,
    /// Rows moved by those repairs.
    pub moved: usize,
}

/// Removes row `i` from its column (if any) and marks it free.
fn unassign(i: usize, st: &mut State<'_>) {
    let j = st.col_of[i];
    st.col_of[i] = FREE;
    if j == UNMATCHED || j == FREE {
        return;
    }
    let s = st.slot_of[i];
    free_slot(j, s, st);
}

/// Frees place `s` of column `j`: its last row moves there, so a column's rows stay in its
/// first places.
fn free_slot(j: u32, s: u32, st: &mut State<'_>) {
    let ju = j as usize;
    let last = st.slot_start[ju] + st.load[ju] - 1;
    if s != last {
        let other = st.slots[last as usize];
        st.slots[s as usize] = other;
        st.slot_of[other as usize] = s;
    }
    st.slots[last as usize] = FREE;
    st.load[ju] -= 1;
}

/// The warm start's state between [`restore`] and [`finish`].
pub(super) struct Warm {
    /// Row starts of the graph, with an empty row for each placeholder after the real rows.
    pub start: Vec<u32>,
    /// Unmatched costs of the graph's rows, then of the placeholders.
    pub dummy: Vec<i64>,
    pub stats: WarmStats,
    repair: Repair,
}

/// Real row `i`'s implicit potential.
#[inline]
fn u_of(g: &Graph<'_>, st: &State<'_>, v: &[i64], i: usize) -> i64 {
    match st.col_of[i] {
        UNMATCHED => g.dummy[i],
        j => st.row_cost[i] - v[j as usize],
    }
}

/// Restores `start` into the primal state `st` and the potentials `v` (see the module docs).
/// Rows left [`FREE`] are for the caller's forward search, which must use the returned row
/// starts and unmatched costs (placeholders included), then call [`finish`].
pub(super) fn restore(g: &Graph<'_>, start: &Start<'_>, st: &mut State<'_>, v: &mut [i64]) -> Warm {
    let rows = g.start.len() - 1;
    let cols = g.cap.len();
    let mut stats = WarmStats::default();
    let mut row_start = g.start.to_vec();
    let mut dummy = g.dummy.to_vec();
    for (j, x) in v.iter_mut().enumerate() {
        *x = start.v.get(j).copied().unwrap_or(0);
    }
    // 1. Previous columns that are still edges (and have room: always, unless the hint is
    // not an optimum of a sub-problem).
    for i in 0..rows {
        let hint = start.col_of.get(i).copied().unwrap_or(FREE);
        if hint == UNMATCHED {
            st.col_of[i] = UNMATCHED;
            continue;
        }
        let (lo, hi) = (g.start[i] as usize, g.start[i + 1] as usize);
        let Some(e) = (lo..hi).find(|&e| g.col[e] == hint) else {
            continue;
        };
        let j = hint as usize;
        if st.load[j] >= g.cap[j] {
            continue;
        }
        let s = st.slot_start[j] + st.load[j];
        st.load[j] += 1;
        st.slots[s as usize] = i as u32;
        st.col_of[i] = hint;
        st.slot_of[i] = s;
        st.row_cost[i] = g.cost[e];
    }
    // A positive potential is only valid on an empty column; the solver keeps those at 0.
    for (j, vj) in v.iter_mut().enumerate() {
        if *vj > 0 {
            if st.load[j] > 0 {
                let members: Vec<u32> = (st.slot_start[j]..st.slot_start[j] + st.load[j])
                    .map(|s| st.slots[s as usize])
                    .collect();
                for i in members {
                    unassign(i as usize, st);
                }
            }
            *vj = 0;
        }
    }
    // 2. Rows whose edges or unmatched option the potentials no longer price correctly.
    for i in 0..rows {
        if st.col_of[i] == FREE {
            continue;
        }
        let ui = u_of(g, st, v, i);
        let dummy_ok = st.col_of[i] == UNMATCHED || ui <= g.dummy[i];
        let (lo, hi) = (g.start[i] as usize, g.start[i + 1] as usize);
        if !dummy_ok || (lo..hi).any(|e| g.cost[e] - ui - v[g.col[e] as usize] < 0) {
            let j = st.col_of[i];
            if j != UNMATCHED && v[j as usize] < 0 {
                // A placeholder keeps the place: same cost, unmatched option as dear as the
                // row's potential (tight), no edges.
                let s = st.slot_of[i];
                st.slots[s as usize] = st.col_of.len() as u32;
                st.col_of.push(j);
                st.slot_of.push(s);
                st.row_cost.push(st.row_cost[i]);
                dummy.push(ui);
                row_start.push(g.start[rows]);
                st.col_of[i] = FREE;
                stats.placeholders += 1;
            } else {
                unassign(i, st);
            }
        }
    }
    // 3. Columns with room and a negative potential.
    let mut repair = Repair::new(g);
    repair_all(g, &mut repair, &mut stats, st, v);
    stats.free_rows = st.col_of.iter().filter(|&&c| c == FREE).count();
    debug_assert_eq!(cols, v.len());
    Warm {
        start: row_start,
        dummy,
        stats,
        repair,
    }
}

/// Repairs every column with room and a negative potential.
fn repair_all(
    g: &Graph<'_>,
    repair: &mut Repair,
    stats: &mut WarmStats,
    st: &mut State<'_>,
    v: &mut [i64],
) {
    for j in 0..g.cap.len() {
        while st.load[j] < g.cap[j] && v[j] < 0 {
            stats.repairs += 1;
            stats.moved += repair.run(g, j, st, v);
        }
    }
}

/// After the forward searches: removes the placeholders (those still in place leave room at a
/// negative potential) and repairs their columns. `st` then holds only the graph's rows.
pub(super) fn finish(g: &Graph<'_>, warm: &mut Warm, st: &mut State<'_>, v: &mut [i64]) {
    let rows = g.start.len() - 1;
    for p in rows..st.col_of.len() {
        unassign(p, st);
    }
    st.col_of.truncate(rows);
    st.slot_of.truncate(rows);
    st.row_cost.truncate(rows);
    repair_all(g, &mut warm.repair, &mut warm.stats, st, v);
}

/// How a repair ends.
#[derive(Clone, Copy)]
enum End {
    /// The column's potential rises to 0; nobody moves.
    Raise,
    /// This column loses a row to the chain (its potential rises to 0).
    Column(u32),
    /// This unmatched row moves into this column and the chain follows.
    Unmatched(u32, u32, i64),
}

/// The reverse search of step 3, with the column-indexed edges and its scratch arrays.
struct Repair {
    /// `cstart[j]..cstart[j + 1]` index `crow`/`cedge`: the rows with an edge to column `j`.
    cstart: Vec<u32>,
    crow: Vec<u32>,
    /// The edge (index into the graph's arrays) of each entry.
    cedge: Vec<u32>,
    rho: Vec<i64>,
    settled: Vec<bool>,
    /// The row that would leave each reached column, the column it would move to, the cost.
    pred_row: Vec<u32>,
    pred_col: Vec<u32>,
    pred_cost: Vec<i64>,
    touched: Vec<u32>,
    done: Vec<u32>,
    heap: BinaryHeap<Reverse<(i64, u32)>>,
}

impl Repair {
    fn new(g: &Graph<'_>) -> Self {
        let cols = g.cap.len();
        let rows = g.start.len() - 1;
        let mut cstart = vec![0u32; cols + 1];
        for &j in g.col {
            cstart[j as usize + 1] += 1;
        }
        for j in 0..cols {
            cstart[j + 1] += cstart[j];
        }
        let mut next = cstart.clone();
        let mut crow = vec![0u32; g.col.len()];
        let mut cedge = vec![0u32; g.col.len()];
        for i in 0..rows {
            for e in g.start[i] as usize..g.start[i + 1] as usize {
                let k = &mut next[g.col[e] as usize];
                crow[*k as usize] = i as u32;
                cedge[*k as usize] = e as u32;
                *k += 1;
            }
        }
        Self {
            cstart,
            crow,
            cedge,
            rho: vec![i64::MAX; cols],
            settled: vec![false; cols],
            pred_row: vec![0; cols],
            pred_col: vec![0; cols],
            pred_cost: vec![0; cols],
            touched: Vec::new(),
            done: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }

    /// Repairs column `j0` (room left, `v[j0] < 0`): either raises its potential to 0 or fills
    /// one of its free places. Returns the number of rows moved.
    fn run(&mut self, g: &Graph<'_>, j0: usize, st: &mut State<'_>, v: &mut [i64]) -> usize {
        let mut best = -v[j0];
        let mut end = End::Raise;
        self.rho[j0] = 0;
        self.touched.push(j0 as u32);
        self.heap.push(Reverse((0, j0 as u32)));
        while let Some(Reverse((d, x))) = self.heap.pop() {
            let xu = x as usize;
            if self.settled[xu] || d > self.rho[xu] {
                continue;
            }
            if d >= best {
                break;
            }
            self.settled[xu] = true;
            self.done.push(x);
            if xu != j0 {
                // The column gives up one of its rows (its potential rises to 0).
                let t = d - v[xu];
                if t < best {
                    best = t;
                    end = End::Column(x);
                }
            }
            let vx = v[xu];
            for k in self.cstart[xu] as usize..self.cstart[xu + 1] as usize {
                let i = self.crow[k] as usize;
                let ci = st.col_of[i];
                if ci == FREE || ci == x {
                    continue;
                }
                let e = self.cedge[k] as usize;
                let c = g.cost[e];
                let nd = d + c - u_of(g, st, v, i) - vx;
                debug_assert!(nd >= d, "negative reduced cost in a repair");
                if ci == UNMATCHED {
                    if nd < best {
                        best = nd;
                        end = End::Unmatched(i as u32, x, c);
                    }
                    continue;
                }
                let y = ci as usize;
                if self.settled[y] || nd >= self.rho[y] {
                    continue;
                }
                if self.rho[y] == i64::MAX {
                    self.touched.push(ci);
                }
                self.rho[y] = nd;
                self.pred_row[y] = i as u32;
                self.pred_col[y] = x;
                self.pred_cost[y] = c;
                self.heap.push(Reverse((nd, ci)));
            }
        }
        // The moves, from the far end of the chain towards `j0`: (row, from, to, cost).
        let mut steps: Vec<(u32, u32, u32, i64)> = Vec::new();
        let mut cur = match end {
            End::Raise => None,
            End::Column(y) => Some(y),
            End::Unmatched(i, x, c) => {
                steps.push((i, UNMATCHED, x, c));
                Some(x)
            }
        };
        while let Some(y) = cur {
            if y as usize == j0 {
                break;
            }
            let yu = y as usize;
            let x = self.pred_col[yu];
            steps.push((self.pred_row[yu], y, x, self.pred_cost[yu]));
            cur = Some(x);
        }
        // Applied from `j0` backwards: each row takes the place the row before it left.
        let mut vacant = None;
        for &(row, from, to, cost) in steps.iter().rev() {
            let ru = row as usize;
            let s = match vacant {
                Some(s) => s,
                None => {
                    let tu = to as usize;
                    debug_assert!(tu == j0 && st.load[tu] < g.cap[tu]);
                    let s = st.slot_start[tu] + st.load[tu];
                    st.load[tu] += 1;
                    s
                }
            };
            vacant = (from != UNMATCHED).then_some(st.slot_of[ru]);
            st.slots[s as usize] = row;
            st.slot_of[ru] = s;
            st.col_of[ru] = to;
            st.row_cost[ru] = cost;
        }
        if let (Some(s), End::Column(y)) = (vacant, end) {
            // The far end gives up its row's place.
            free_slot(y, s, st);
        }
        for &x in &self.done {
            let xu = x as usize;
            v[xu] += best - self.rho[xu];
            self.settled[xu] = false;
        }
        for &x in &self.touched {
            self.rho[x as usize] = i64::MAX;
        }
        self.done.clear();
        self.touched.clear();
        self.heap.clear();
        steps.len()
    }
}

/// Whether `st` and `v` satisfy the dual conditions on every processed row and every column
/// (for tests and debug builds).
pub(super) fn duals_hold(g: &Graph<'_>, st: &State<'_>, v: &[i64]) -> bool {
    let rows = g.start.len() - 1;
    let cols_ok = (0..g.cap.len()).all(|j| {
        if st.load[j] < g.cap[j] {
            v[j] == 0 || (st.load[j] == 0 && v[j] >= 0)
        } else {
            v[j] <= 0
        }
    });
    cols_ok
        && (0..rows).all(|i| {
            if st.col_of[i] == FREE {
                return true;
            }
            let ui = u_of(g, st, v, i);
            (st.col_of[i] == UNMATCHED || ui <= g.dummy[i])
                && (g.start[i] as usize..g.start[i + 1] as usize)
                    .all(|e| g.cost[e] - ui - v[g.col[e] as usize] >= 0)
        })
}

#[cfg(test)]
mod tests {
    //! The warm start against a solve from scratch: random graphs solved on a random subset of
    //! their edges, then warm-started on all of them, must reach the same optimal cost with
    //! valid potentials (the solver checks them in debug builds too).

    use super::super::{run, Graph, Solution, FREE, UNMATCHED};
    use super::{duals_hold, Start, State};
    use proptest::prelude::*;

    /// A graph as owned arrays: rows' `(column, cost)` lists, capacities, unmatched costs.
    #[derive(Debug, Clone)]
    struct Owned {
        rows: Vec<Vec<(u32, i64)>>,
        cap: Vec<u32>,
        dummy: Vec<i64>,
    }

    impl Owned {
        fn solve(&self, cap: &[u32], start: Option<&Start<'_>>) -> (Solution, super::WarmStats) {
            let mut s = vec![0u32];
            let (mut col, mut cost) = (Vec::new(), Vec::new());
            for r in &self.rows {
                for &(j, c) in r {
                    col.push(j);
                    cost.push(c);
                }
                s.push(col.len() as u32);
            }
            let g = Graph {
                start: &s,
                col: &col,
                cost: &cost,
                cap,
                dummy: &self.dummy,
            };
            let out = run(&g, start);
            // The potentials certify the result (also checked by the solver in debug builds).
            let mut load = vec![0u32; cap.len()];
            for &j in &out.0.col_of {
                assert_ne!(j, FREE);
                if j != UNMATCHED {
                    load[j as usize] += 1;
                }
            }
            assert!(load.iter().zip(cap).all(|(l, c)| l <= c));
            let mut slots = vec![0u32; 0];
            let slot_start = vec![0u32; cap.len() + 1];
            let mut slot_of = vec![0u32; self.rows.len()];
            let mut col_of = out.0.col_of.clone();
            let mut row_cost = out.0.row_cost.clone();
            let st = State {
                slot_start: &slot_start,
                slots: &mut slots,
                load: &mut load,
                col_of: &mut col_of,
                slot_of: &mut slot_of,
                row_cost: &mut row_cost,
            };
            assert!(duals_hold(&g, &st, &out.0.v));
            out
        }

        /// Total cost of a solution: chosen edges plus unmatched options.
        fn cost(&self, s: &Solution) -> i64 {
            (0..self.rows.len())
                .map(|i| match s.col_of[i] {
                    UNMATCHED => self.dummy[i],
                    _ => s.row_cost[i],
                })
                .sum()
        }
    }

    /// A random graph and which of its edges the first solve sees.
    fn graph() -> impl Strategy<Value = (Owned, Vec<Vec<bool>>)> {
        (1usize..=12, 1usize..=8, 1i64..=40).prop_flat_map(|(n, m, max_cost)| {
            (
                proptest::collection::vec(0u32..=3, m),
                proptest::collection::vec(
                    proptest::option::weighted(0.5, (0..=max_cost, proptest::bool::ANY)),
                    n * m,
                ),
                proptest::collection::vec(0..=3 * max_cost, n),
            )
                .prop_map(move |(cap, cells, dummy)| {
                    let mut rows = vec![Vec::new(); n];
                    let mut seen = vec![Vec::new(); n];
                    for (x, cell) in cells.into_iter().enumerate() {
                        if let Some((c, first)) = cell {
                            rows[x / m].push(((x % m) as u32, c));
                            seen[x / m].push(first);
                        }
                    }
                    (Owned { rows, cap, dummy }, seen)
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Solved on some edges (with the real capacities, or clamped to the degree as the
        /// component solver does), then warm-started on all edges: the optimum of all edges.
        #[test]
        fn warm_start_reaches_the_optimum((full, seen) in graph(), clamp in proptest::bool::ANY) {
            let mut part = full.clone();
            for (r, s) in part.rows.iter_mut().zip(&seen) {
                let mut keep = s.iter();
                r.retain(|_| keep.next().copied().unwrap_or(false));
            }
            let mut degree = vec![0u32; full.cap.len()];
            for r in &part.rows {
                for &(j, _) in r {
                    degree[j as usize] += 1;
                }
            }
            let part_cap: Vec<u32> = if clamp {
                full.cap.iter().zip(&degree).map(|(&c, &d)| c.min(d)).collect()
            } else {
                full.cap.clone()
            };
            let (first, _) = part.solve(&part_cap, None);
            let (expected, _) = full.solve(&full.cap, None);
            let start = Start { col_of: &first.col_of, v: &first.v };
            let (warm, _) = full.solve(&full.cap, Some(&start));
            prop_assert_eq!(full.cost(&warm), full.cost(&expected));
            // Same edges again: nothing to do, nothing moves.
            let start = Start { col_of: &expected.col_of, v: &expected.v };
            let (again, stats) = full.solve(&full.cap, Some(&start));
            prop_assert_eq!(&again.col_of, &expected.col_of);
            prop_assert_eq!(stats.free_rows + stats.repairs, 0);
        }
    }
}
