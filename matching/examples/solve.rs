//! Benchmark harness: solve a dense score file with `matching::assign`.
//!
//! ```text
//! cargo run --release -p matching --example solve -- --input FILE [--objective most|waiting|fairness]
//! ```
//!
//! File format (whitespace separated, one record per line):
//!
//! ```text
//! <seekers> <buddies>
//! <capacity of buddy 0> ... <capacity of buddy M-1>
//! <one line per seeker: M tokens, each an integer score 0..=2^40, or '-' for infeasible>
//! ```
//!
//! Prints `matched <count> total <sum>` and one `<seeker> <buddy|->` line per seeker on stdout,
//! and `solve_seconds <float>` (the solve alone) on stderr. A bad file is reported with its line
//! number and exit code 2.

use matching::assign::{solve, Edge, Objective, Problem, MAX_SCORE};
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

struct Bad(usize, String);

type Lines<'a> = std::iter::Enumerate<std::slice::Split<'a, u8, fn(&u8) -> bool>>;

/// Splits `data` into lines and tokens with line numbers, without allocating per token.
struct Reader<'a> {
    lines: Lines<'a>,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8]) -> Self {
        let f: fn(&u8) -> bool = |&b| b == b'\n';
        Self {
            lines: data.split(f).enumerate(),
        }
    }

    /// The next non-empty line and its 1-based number.
    fn line(&mut self, what: &str) -> Result<(usize, &'a [u8]), Bad> {
        let mut last = 0;
        for (k, l) in self.lines.by_ref() {
            last = k + 1;
            if l.iter().any(|b| !b.is_ascii_whitespace()) {
                return Ok((k + 1, l));
            }
        }
        Err(Bad(
            last,
            format!("unexpected end of file, expected {what}"),
        ))
    }
}

fn tokens(l: &[u8]) -> impl Iterator<Item = &[u8]> {
    l.split(|b| b.is_ascii_whitespace())
        .filter(|t| !t.is_empty())
}

fn number(t: &[u8], line: usize, what: &str) -> Result<u64, Bad> {
    if t.is_empty() || t.len() > 18 || !t.iter().all(u8::is_ascii_digit) {
        return Err(Bad(
            line,
            format!("expected {what}, found {:?}", String::from_utf8_lossy(t)),
        ));
    }
    Ok(t.iter().fold(0u64, |a, &d| a * 10 + u64::from(d - b'0')))
}

fn parse(data: &[u8]) -> Result<Problem, Bad> {
    let mut r = Reader::new(data);
    let (ln, l) = r.line("'<seekers> <buddies>'")?;
    let head: Vec<&[u8]> = tokens(l).collect();
    if head.len() != 2 {
        return Err(Bad(ln, "expected '<seekers> <buddies>'".into()));
    }
    let n = number(head[0], ln, "the number of seekers")? as usize;
    let m = number(head[1], ln, "the number of buddies")? as usize;
    if n > u32::MAX as usize || m > u32::MAX as usize {
        return Err(Bad(ln, "too many seekers or buddies".into()));
    }
    let (ln, l) = r.line("the capacities")?;
    let mut capacities = Vec::with_capacity(m);
    for t in tokens(l) {
        let c = number(t, ln, "a capacity")?;
        capacities.push(u32::try_from(c).map_err(|_| Bad(ln, "capacity too large".into()))?);
    }
    if capacities.len() != m {
        return Err(Bad(
            ln,
            format!("expected {m} capacities, found {}", capacities.len()),
        ));
    }
    let mut edges = Vec::with_capacity(n.saturating_mul(m).min(1 << 26));
    for s in 0..n {
        let (ln, l) = r.line("a seeker's scores")?;
        let mut count = 0usize;
        for t in tokens(l) {
            if count < m && t != b"-" {
                let v = number(t, ln, "a score or '-'")?;
                if v > MAX_SCORE as u64 {
                    return Err(Bad(ln, format!("score {v} is above {MAX_SCORE} (2^40)")));
                }
                edges.push(Edge {
                    seeker: s as u32,
                    buddy: count as u32,
                    score: v as i64,
                });
            }
            count += 1;
        }
        if count != m {
            return Err(Bad(ln, format!("expected {m} scores, found {count}")));
        }
    }
    if let Ok((ln, _)) = r.line("") {
        return Err(Bad(ln, format!("unexpected extra line after {n} seekers")));
    }
    Ok(Problem::new(n, capacities, edges))
}

fn main() -> ExitCode {
    let mut input = None;
    let mut objective = Objective::MostMatchedThenScore;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--input" => input = args.next(),
            "--objective" => {
                objective = match args.next().as_deref() {
                    Some("most") => Objective::MostMatchedThenScore,
                    Some("waiting") => Objective::WaitingPriority,
                    Some("fairness") => Objective::Fairness,
                    _ => {
                        eprintln!("--objective must be most, waiting or fairness");
                        return ExitCode::from(2);
                    }
                }
            }
            _ => {
                eprintln!("usage: solve --input FILE [--objective most|waiting|fairness]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(input) = input else {
        eprintln!("usage: solve --input FILE [--objective most|waiting|fairness]");
        return ExitCode::from(2);
    };
    let data = match std::fs::read(&input) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot read {input}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut problem = match parse(&data) {
        Ok(p) => p,
        Err(Bad(line, msg)) => {
            eprintln!("error: {input}:{line}: {msg}");
            return ExitCode::from(2);
        }
    };
    drop(data);
    problem.objective = objective;
    let t = Instant::now();
    let result = match solve(&problem) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let secs = t.elapsed().as_secs_f64();
    let mut out = String::with_capacity(16 * problem.num_seekers + 64);
    out.push_str(&format!(
        "matched {} total {}\n",
        result.matched, result.total_score
    ));
    for (s, b) in result.buddy_of.iter().enumerate() {
        match b {
            Some(b) => out.push_str(&format!("{s} {b}\n")),
            None => out.push_str(&format!("{s} -\n")),
        }
    }
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    if lock
        .write_all(out.as_bytes())
        .and_then(|()| lock.flush())
        .is_err()
    {
        return ExitCode::from(1);
    }
    eprintln!("solve_seconds {secs:.6}");
    ExitCode::SUCCESS
}
