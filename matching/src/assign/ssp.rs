//! Successive shortest augmenting paths (Jonker–Volgenant family) on one sparse component.
//!
//! Rows are seekers (supply 1), columns are buddies (capacity `cap[j]`), and every row also has
//! a private "unmatched" option of cost `dummy[i]`. Costs are non-negative integers and are
//! *minimised*. Reduced costs are `c(i, j) - u[i] - v[j]`; the row potential is implicit
//! (`u[i] = c(i, col(i)) - v[col(i)]` for a matched row, `u[i] = dummy[i]` for an unmatched
//! one). Columns that still have free capacity keep `v[j] = 0` (the sink's potential), saturated
//! columns have `v[j] <= 0`. Each free row is augmented with one Dijkstra search over columns
//! that stops at the first free column (or at an "unmatched" option), so only the touched part
//! of the graph is reset; a capacitated column is one node whose assigned rows are all reached at
//! the column's distance (their edges are tight).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

mod warm;

pub(crate) use warm::{Start, WarmStats};

/// `col_of` value of a row that is not processed yet.
pub(crate) const FREE: u32 = u32::MAX;
/// `col_of` value of a row that takes its "unmatched" option.
pub(crate) const UNMATCHED: u32 = u32::MAX - 1;

/// A component in compressed sparse row form, with local indices.
pub(crate) struct Graph<'a> {
    /// `start[i]..start[i + 1]` are the edges of row `i`; length `rows + 1`.
    pub start: &'a [u32],
    /// Column of each edge.
    pub col: &'a [u32],
    /// Non-negative cost of each edge.
    pub cost: &'a [i64],
    /// Capacity of each column (already clamped to its degree).
    pub cap: &'a [u32],
    /// Cost of leaving each row unmatched.
    pub dummy: &'a [i64],
}

/// Optimal primal and dual solution of one component.
pub(crate) struct Solution {
    /// Column of each row, or [`UNMATCHED`].
    pub col_of: Vec<u32>,
    /// Cost of the chosen edge of each row (unspecified when unmatched).
    pub row_cost: Vec<i64>,
    /// Column potentials.
    pub v: Vec<i64>,
}

/// Solves one component exactly.
///
/// Complexity: `O(R · (E + C) log E)` in the worst case for `R` rows, `C` columns and `E`
/// edges; in practice each search touches a small neighbourhood of its row.
pub(crate) fn solve(g: &Graph<'_>) -> Solution {
    run(g, None).0
}

/// Solves the graph exactly starting from `start`, a previous optimum of the same costs on a
/// subset of its edges (see [`warm`]): only the rows whose potentials the new edges invalidate
/// are searched again.
pub(crate) fn solve_warm(g: &Graph<'_>, start: &Start<'_>) -> (Solution, WarmStats) {
    run(g, Some(start))
}

fn run(g: &Graph<'_>, start: Option<&Start<'_>>) -> (Solution, WarmStats) {
    let rows = g.start.len() - 1;
    let cols = g.cap.len();
    let mut slot_start = Vec::with_capacity(cols + 1);
    let mut acc = 0u32;
    for &c in g.cap {
        slot_start.push(acc);
        acc += c;
    }
    slot_start.push(acc);
    let mut slots = vec![FREE; acc as usize];
    let mut load = vec![0u32; cols];
    let mut v = vec![0i64; cols];
    let mut col_of = vec![FREE; rows];
    let mut slot_of = vec![0u32; rows];
    let mut row_cost = vec![0i64; rows];
    // The solver's slot bookkeeping as one borrow, for the helpers that take it whole.
    macro_rules! state {
        () => {
            State {
                slot_start: &slot_start,
                slots: &mut slots,
                load: &mut load,
                col_of: &mut col_of,
                slot_of: &mut slot_of,
                row_cost: &mut row_cost,
            }
        };
    }

    // Every row lists every column in column order: the rows are dense cost arrays.
    // (A warm start adds rows without edges, which the dense row arrays below cannot hold.)
    let complete = start.is_none()
        && g.col.len() == rows.saturating_mul(cols)
        && (0..rows).all(|i| {
            let lo = g.start[i] as usize;
            g.col[lo..lo + cols]
                .iter()
                .enumerate()
                .all(|(t, &j)| j as usize == t)
        });
    // The order in which rows are served. On complete components, rows with the largest regret
    // (second-cheapest minus cheapest cost) go first: on structured classes such as Machol–Wien
    // (`c = i·j`) or row/column-dependent costs (`c = a_i·b_j`) the rows that lose most by not
    // getting their favourite column are then placed first, and later rows find short
    // augmenting paths; in row order every new row would displace all earlier ones.
    let order: Vec<usize> = if complete && cols >= 2 {
        let mut keyed: Vec<(i64, usize)> = (0..rows)
            .map(|i| {
                let (mut a, mut b) = (i64::MAX, i64::MAX);
                for &c in &g.cost[g.start[i] as usize..g.start[i + 1] as usize] {
                    if c < a {
                        b = a;
                        a = c;
                    } else if c < b {
                        b = c;
                    }
                }
                (a - b, i) // -(regret): ascending sort puts the largest regret first
            })
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, i)| i).collect()
    } else {
        (0..rows).collect()
    };

    let mut warm = None;
    if let Some(start) = start {
        let mut state = state!();
        warm = Some(warm::restore(g, start, &mut state, &mut v));
    } else {
        // Row reduction + greedy: every row takes a cheapest column that still has room. With all
        // `v = 0` and `u[i] = min_j c(i, j)` this is dual feasible and complementary slack.
        let mut rowmin = vec![i64::MAX; rows];
        for &i in &order {
            let (lo, hi) = (g.start[i] as usize, g.start[i + 1] as usize);
            let mut best = i64::MAX;
            let mut best_j = FREE;
            for e in lo..hi {
                let c = g.cost[e];
                let j = g.col[e];
                if c < best {
                    best = c;
                    best_j = if load[j as usize] < g.cap[j as usize] {
                        j
                    } else {
                        FREE
                    };
                } else if c == best && best_j == FREE && load[j as usize] < g.cap[j as usize] {
                    best_j = j;
                }
            }
            rowmin[i] = best;
            if best_j != FREE && best < g.dummy[i] {
                let j = best_j as usize;
                let s = slot_start[j] + load[j];
                load[j] += 1;
                slots[s as usize] = i as u32;
                col_of[i] = best_j;
                slot_of[i] = s;
                row_cost[i] = best;
            }
        }
        let mut state = state!();
        tight_matching(g, &rowmin, &mut state);
    }

    let mut dist = vec![i64::MAX; cols];
    let mut pred = vec![0u32; cols];
    let mut pred_cost = vec![0i64; cols];
    let mut settled_flag = vec![false; cols];
    let mut touched: Vec<u32> = Vec::new();
    let mut settled: Vec<u32> = Vec::new();
    // Dense components (at least half of all row/column pairs are edges) pick the next column
    // by an array scan over the open columns, as Jonker–Volgenant do: a search there touches
    // almost every column anyway, and the scan avoids a heap entry per relaxed edge.
    let dense = g.col.len().saturating_mul(2) >= rows.saturating_mul(cols);
    let mut heap = if dense {
        Frontier::Scan(Vec::with_capacity(cols), None)
    } else {
        Frontier::Heap(BinaryHeap::new())
    };

    // Row starts and unmatched costs, with a warm start's placeholder rows after the real ones.
    let (row_start, dummy): (&[u32], &[i64]) = match &warm {
        Some(w) => (&w.start, &w.dummy),
        None => (g.start, g.dummy),
    };
    for &r in &order {
        if col_of[r] != FREE {
            continue;
        }
        heap.clear();
        // Source row: u[r] = 0 by convention, so distances are c(r, j) - v[j].
        let mut best_dummy = (dummy[r], r as u32);
        for e in row_start[r] as usize..row_start[r + 1] as usize {
            let j = g.col[e] as usize;
            let nd = g.cost[e] - v[j];
            if nd < dist[j] {
                let first = dist[j] == i64::MAX;
                if first {
                    touched.push(j as u32);
                }
                dist[j] = nd;
                pred[j] = r as u32;
                pred_cost[j] = g.cost[e];
                heap.push(nd, j as u32, first);
            }
        }
        let mut sink_col = FREE;
        let d_sink;
        loop {
            let Some((d, j)) = heap.pop(&dist) else {
                d_sink = best_dummy.0;
                break;
            };
            let ju = j as usize;
            if settled_flag[ju] || d > dist[ju] {
                continue;
            }
            if best_dummy.0 < d {
                d_sink = best_dummy.0;
                break;
            }
            if load[ju] < g.cap[ju] {
                sink_col = j;
                d_sink = d;
                break;
            }
            settled_flag[ju] = true;
            settled.push(j);
            let vj = v[ju];
            for s in slot_start[ju]..slot_start[ju + 1] {
                let i = slots[s as usize] as usize;
                let ui = row_cost[i] - vj;
                let dd = d + dummy[i] - ui;
                if dd < best_dummy.0 {
                    best_dummy = (dd, i as u32);
                }
                let base = d - ui;
                if let (true, Frontier::Scan(open, hint)) = (complete, &mut heap) {
                    // Complete component, rows in column order: the row is a dense cost
                    // array; only the open (reached, unsettled) columns can still improve.
                    // The last row of the column also finds the next column to settle in the
                    // same pass.
                    let lo = g.start[i] as usize;
                    let row = &g.cost[lo..lo + cols];
                    if s + 1 < slot_start[ju + 1] {
                        for &k in open.iter() {
                            let k = k as usize;
                            let nd = base + row[k] - v[k];
                            if nd < dist[k] {
                                dist[k] = nd;
                                pred[k] = i as u32;
                                pred_cost[k] = row[k];
                            }
                        }
                    } else {
                        let mut key = (i64::MAX, u32::MAX);
                        let mut at = usize::MAX;
                        for (pos, &k32) in open.iter().enumerate() {
                            let k = k32 as usize;
                            let nd = base + row[k] - v[k];
                            if nd < dist[k] {
                                dist[k] = nd;
                                pred[k] = i as u32;
                                pred_cost[k] = row[k];
                            }
                            if (dist[k], k32) < key {
                                key = (dist[k], k32);
                                at = pos;
                            }
                        }
                        *hint = (at != usize::MAX).then_some(at);
                    }
                    continue;
                }
                for e in row_start[i] as usize..row_start[i + 1] as usize {
                    let k = g.col[e] as usize;
                    let nd = base + g.cost[e] - v[k];
                    if nd < dist[k] {
                        let first = dist[k] == i64::MAX;
                        if first {
                            touched.push(k as u32);
                        }
                        dist[k] = nd;
                        pred[k] = i as u32;
                        pred_cost[k] = g.cost[e];
                        heap.push(nd, k as u32, first);
                    }
                }
            }
        }
        for &j in &settled {
            let ju = j as usize;
            v[ju] += dist[ju] - d_sink;
            settled_flag[ju] = false;
        }
        settled.clear();

        // Augment along the predecessor chain.
        let (mut row, mut col, mut slot, mut c);
        if sink_col != FREE {
            let j = sink_col as usize;
            row = pred[j];
            col = sink_col;
            slot = slot_start[j] + load[j];
            load[j] += 1;
            c = pred_cost[j];
        } else {
            let i = best_dummy.1 as usize;
            let old = col_of[i];
            col_of[i] = UNMATCHED;
            if i == r {
                row = FREE;
                col = FREE;
                slot = 0;
                c = 0;
            } else {
                let oj = old as usize;
                col = old;
                slot = slot_of[i];
                row = pred[oj];
                c = pred_cost[oj];
            }
        }
        while row != FREE {
            let ru = row as usize;
            let old_col = col_of[ru];
            let old_slot = slot_of[ru];
            col_of[ru] = col;
            slot_of[ru] = slot;
            slots[slot as usize] = row;
            row_cost[ru] = c;
            if ru == r {
                break;
            }
            col = old_col;
            slot = old_slot;
            row = pred[old_col as usize];
            c = pred_cost[old_col as usize];
        }
        for &j in &touched {
            dist[j as usize] = i64::MAX;
        }
        touched.clear();
    }
    let mut warm_stats = WarmStats::default();
    if let Some(mut w) = warm {
        let mut state = state!();
        warm::finish(g, &mut w, &mut state, &mut v);
        warm_stats = w.stats;
    }
    debug_assert!(warm::duals_hold(g, &state!(), &v));
    (
        Solution {
            col_of,
            row_cost,
            v,
        },
        warm_stats,
    )
}

/// The open columns of one search: a binary heap of `(distance, column)` entries (stale entries
/// are skipped by the caller), or for dense components the list of reached, unsettled columns
/// scanned for the smallest `(distance, column)`.
enum Frontier {
    Heap(BinaryHeap<Reverse<(i64, u32)>>),
    /// The open columns, and possibly the position of the smallest one among them (found by
    /// the pass that last lowered distances).
    Scan(Vec<u32>, Option<usize>),
}

impl Frontier {
    fn clear(&mut self) {
        match self {
            Self::Heap(h) => h.clear(),
            Self::Scan(v, hint) => {
                v.clear();
                *hint = None;
            }
        }
    }

    /// Column `j` got the tentative distance `d`; `first` when it was not reached before.
    #[inline]
    fn push(&mut self, d: i64, j: u32, first: bool) {
        match self {
            Self::Heap(h) => h.push(Reverse((d, j))),
            Self::Scan(v, hint) => {
                *hint = None;
                if first {
                    v.push(j);
                }
            }
        }
    }

    /// The open column with the smallest `(distance, column)` (a heap may return stale
    /// entries, which the caller skips).
    #[inline]
    fn pop(&mut self, dist: &[i64]) -> Option<(i64, u32)> {
        match self {
            Self::Heap(h) => h.pop().map(|Reverse(x)| x),
            Self::Scan(v, hint) => {
                if let Some(pos) = hint.take() {
                    if let Some(&j) = v.get(pos) {
                        v.swap_remove(pos);
                        return Some((dist[j as usize], j));
                    }
                }
                let mut best = 0;
                let mut key = (i64::MAX, u32::MAX);
                for (pos, &j) in v.iter().enumerate() {
                    let k = (dist[j as usize], j);
                    if k < key {
                        key = k;
                        best = pos;
                    }
                }
                if v.is_empty() {
                    return None;
                }
                v.swap_remove(best);
                Some(key)
            }
        }
    }
}

/// The mutable primal state shared by the initial matching phase.
struct State<'a> {
    slot_start: &'a [u32],
    slots: &'a mut [u32],
    load: &'a mut [u32],
    col_of: &'a mut Vec<u32>,
    slot_of: &'a mut Vec<u32>,
    row_cost: &'a mut Vec<i64>,
}

/// Hopcroft–Karp on the *tight* edges (`c(i, j) = min_j c(i, j)`, all `v = 0`): a maximum
/// matching there keeps the duals feasible and complementary slack, and leaves only the rows
/// that really need a shortest-path search. `O(E √R)`.
fn tight_matching(g: &Graph<'_>, rowmin: &[i64], st: &mut State<'_>) {
    let rows = rowmin.len();
    let eligible = |i: usize| rowmin[i] < g.dummy[i];
    let tight = |i: usize, e: usize| g.cost[e] == rowmin[i];
    const INF: u32 = u32::MAX;
    let mut layer = vec![INF; rows];
    let mut queue: Vec<u32> = Vec::new();
    let mut edge_cur = vec![0u32; rows];
    let mut slot_cur = vec![0u32; rows];
    let mut stack: Vec<u32> = Vec::new();
    loop {
        layer.fill(INF);
        queue.clear();
        for (i, l) in layer.iter_mut().enumerate() {
            if st.col_of[i] == FREE && eligible(i) {
                *l = 0;
                queue.push(i as u32);
            }
        }
        if queue.is_empty() {
            return;
        }
        let mut limit = INF;
        let mut head = 0;
        while head < queue.len() {
            let i = queue[head] as usize;
            head += 1;
            if layer[i] >= limit {
                break;
            }
            for e in g.start[i] as usize..g.start[i + 1] as usize {
                let j = g.col[e];
                if !tight(i, e) || j == st.col_of[i] {
                    continue;
                }
                let ju = j as usize;
                if st.load[ju] < g.cap[ju] {
                    limit = limit.min(layer[i] + 1);
                } else {
                    for s in st.slot_start[ju]..st.slot_start[ju + 1] {
                        let i2 = st.slots[s as usize] as usize;
                        if layer[i2] == INF {
                            layer[i2] = layer[i] + 1;
                            queue.push(i2 as u32);
                        }
                    }
                }
            }
        }
        if limit == INF {
            return;
        }
        for i in 0..rows {
            edge_cur[i] = g.start[i];
            slot_cur[i] = 0;
        }
        let mut augmented = false;
        for r in 0..rows {
            if st.col_of[r] != FREE || layer[r] != 0 {
                continue;
            }
            stack.clear();
            stack.push(r as u32);
            while let Some(&top) = stack.last() {
                let i = top as usize;
                let mut pushed = false;
                let mut free_col = FREE;
                while (edge_cur[i] as usize) < g.start[i + 1] as usize {
                    let e = edge_cur[i] as usize;
                    let j = g.col[e];
                    if !tight(i, e) || j == st.col_of[i] {
                        edge_cur[i] += 1;
                        continue;
                    }
                    let ju = j as usize;
                    if st.load[ju] < g.cap[ju] {
                        free_col = j;
                        break;
                    }
                    let first = st.slot_start[ju];
                    while slot_cur[i] < g.cap[ju] {
                        let i2 = st.slots[(first + slot_cur[i]) as usize];
                        slot_cur[i] += 1;
                        if layer[i2 as usize] == layer[i] + 1 {
                            stack.push(i2);
                            pushed = true;
                            break;
                        }
                    }
                    if pushed {
                        break;
                    }
                    edge_cur[i] += 1;
                    slot_cur[i] = 0;
                }
                if free_col != FREE {
                    let ju = free_col as usize;
                    let mut new_col = free_col;
                    let mut new_slot = st.slot_start[ju] + st.load[ju];
                    st.load[ju] += 1;
                    for &row in stack.iter().rev() {
                        let ru = row as usize;
                        let (oc, os) = (st.col_of[ru], st.slot_of[ru]);
                        st.col_of[ru] = new_col;
                        st.slot_of[ru] = new_slot;
                        st.slots[new_slot as usize] = row;
                        st.row_cost[ru] = rowmin[ru];
                        new_col = oc;
                        new_slot = os;
                    }
                    augmented = true;
                    break;
                }
                if !pushed {
                    layer[i] = INF;
                    stack.pop();
                }
            }
        }
        if !augmented {
            return;
        }
    }
}
