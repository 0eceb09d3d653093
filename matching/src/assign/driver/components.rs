//! One candidate subgraph split into connected components (union-find), each solved with
//! successive shortest paths in parallel, and the global primal and dual solution written back.

use super::super::ssp::{self, Graph, UNMATCHED};
use super::{Costs, Prepared};
use rayon::prelude::*;

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let g = parent[parent[x as usize] as usize];
        parent[x as usize] = g;
        x = g;
    }
    x
}

/// One sparse component with local indices.
struct Component {
    rows: Vec<u32>,
    cols: Vec<u32>,
    start: Vec<u32>,
    col: Vec<u32>,
    cost: Vec<i64>,
    cap: Vec<u32>,
    dummy: Vec<i64>,
}

/// Splits the candidate graph into connected components, solves them (in parallel) and
/// writes the global primal (`col_of`, `row_cost`) and dual (`v`) solution.
pub(super) fn solve_candidates(
    p: &Prepared<'_>,
    cand: &[Vec<usize>],
    costs: Costs,
    dummy: &[i64],
    col_of: &mut [u32],
    row_cost: &mut [i64],
    v: &mut [i64],
) {
    let (n, m) = (p.n, p.m);
    // Union-find over seekers 0..n and buddies n..n+m.
    let mut parent: Vec<u32> = (0..(n + m) as u32).collect();
    for (i, c) in cand.iter().enumerate() {
        for &k in c {
            let a = find(&mut parent, i as u32);
            let b = find(&mut parent, (n + p.edges[k].buddy as usize) as u32);
            if a != b {
                // Smaller root index wins: deterministic.
                let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                parent[hi as usize] = lo;
            }
        }
    }
    // Number the components with at least one candidate edge, in order of their root.
    let mut comp_of_root = vec![u32::MAX; n + m];
    let mut comps: Vec<Component> = Vec::new();
    let mut local = vec![0u32; n + m];
    for x in 0..n + m {
        let is_row = x < n;
        if is_row && cand[x].is_empty() {
            continue;
        }
        if !is_row && p.cap[x - n] == 0 {
            continue;
        }
        let r = find(&mut parent, x as u32) as usize;
        if !is_row && comp_of_root[r] == u32::MAX {
            continue; // a buddy without candidate edges
        }
        if comp_of_root[r] == u32::MAX {
            comp_of_root[r] = comps.len() as u32;
            comps.push(Component {
                rows: Vec::new(),
                cols: Vec::new(),
                start: vec![0],
                col: Vec::new(),
                cost: Vec::new(),
                cap: Vec::new(),
                dummy: Vec::new(),
            });
        }
        let c = &mut comps[comp_of_root[r] as usize];
        if is_row {
            local[x] = c.rows.len() as u32;
            c.rows.push(x as u32);
        } else {
            local[x] = c.cols.len() as u32;
            c.cols.push((x - n) as u32);
        }
    }
    // Rows come before buddies in the scan, and a component's root is its smallest member,
    // so every buddy of a component is numbered after its first row: the loop above saw the
    // root (a row, because a component with edges has a row as smallest member) first.
    for c in &mut comps {
        let mut indeg = vec![0u32; c.cols.len()];
        for &i in &c.rows {
            for &k in &cand[i as usize] {
                let e = &p.edges[k];
                let j = local[n + e.buddy as usize];
                c.col.push(j);
                c.cost.push(costs.of(e.score));
                indeg[j as usize] += 1;
            }
            c.start.push(c.col.len() as u32);
            c.dummy.push(dummy[i as usize]);
        }
        c.cap = c
            .cols
            .iter()
            .zip(&indeg)
            .map(|(&b, &d)| p.cap[b as usize].min(d))
            .collect();
    }
    let solved: Vec<ssp::Solution> = comps
        .par_iter()
        .map(|c| {
            ssp::solve(&Graph {
                start: &c.start,
                col: &c.col,
                cost: &c.cost,
                cap: &c.cap,
                dummy: &c.dummy,
            })
        })
        .collect();
    col_of.fill(UNMATCHED);
    v.fill(0);
    for (c, s) in comps.iter().zip(&solved) {
        for (li, &i) in c.rows.iter().enumerate() {
            let j = s.col_of[li];
            if j != UNMATCHED {
                col_of[i as usize] = c.cols[j as usize];
                row_cost[i as usize] = s.row_cost[li];
            }
        }
        for (lj, &b) in c.cols.iter().enumerate() {
            v[b as usize] = s.v[lj];
        }
    }
}
