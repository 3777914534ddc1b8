//! The user's own data set: built from imported rows, or edited point by point
//! on the plane. Every function returns a new `Split` or a sentence, so the
//! caller replaces the trainer's data only when all went well.
//!
//! Rules, as the page states them:
//! - rows that name their split keep it; rows without a split column are
//!   shuffled with the data seed and the first round(train fraction · N) go to
//!   training, as generated data sets are split;
//! - a point added on the plane goes to the set the page chooses (training by
//!   default), at the end of it;
//! - a data set needs at least one training and one test point (the test loss
//!   of an empty set would mean nothing) and at most `POINTS_RANGE.1` points.

use crate::data::{Dataset, Split, DOMAIN, POINTS_RANGE};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;

/// Which set a point belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Points the gradient sees.
    Train,
    /// Held-out points, only measured.
    Test,
}

/// One of the user's points as read from a line of a file or from the address.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    /// (x1, x2).
    pub x: [f32; 2],
    /// +1 or −1.
    pub label: f32,
    /// The set the line names, or None when it has no split column.
    pub part: Option<Part>,
}

/// Whether a point lies in the plotted square [−DOMAIN, DOMAIN]², where own
/// points must (added by a click, or read from the address).
pub fn in_square(x: [f32; 2]) -> bool {
    x.iter().all(|v| v.is_finite() && v.abs() <= DOMAIN)
}

/// Train and test sets from imported rows (see the module's rules).
pub fn assemble(rows: &[Row], train_fraction: f32, seed: u64) -> Result<Split, String> {
    let mut parts: Vec<Part> = rows.iter().map(|r| r.part.unwrap_or(Part::Train)).collect();
    let unassigned: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].part.is_none()).collect();
    if !unassigned.is_empty() {
        let mut order = unassigned.clone();
        order.shuffle(&mut StdRng::seed_from_u64(seed));
        let n_train = (order.len() as f32 * train_fraction).round() as usize;
        for &i in &order[n_train.min(order.len())..] {
            parts[i] = Part::Test;
        }
    }
    let pick = |want: Part| {
        let mut d = empty();
        for (row, _) in rows.iter().zip(&parts).filter(|(_, &p)| p == want) {
            push(&mut d, row.x, row.label);
        }
        d
    };
    let split = Split {
        train: pick(Part::Train),
        test: pick(Part::Test),
    };
    check(&split).map_err(|why| format!("Nothing was imported: {why}"))?;
    Ok(split)
}

/// `split` with one more point of class `label` (±1) at the end of `part`.
pub fn add_point(split: &Split, x: [f32; 2], label: f32, part: Part) -> Result<Split, String> {
    if !in_square(x) {
        return Err(format!(
            "A point must lie in the plotted square [−{DOMAIN}, {DOMAIN}]² (got ({}, {})).",
            x[0], x[1]
        ));
    }
    if label != 1.0 && label != -1.0 {
        return Err(format!("A point's class must be +1 or −1 (got {label})."));
    }
    let max = POINTS_RANGE.1;
    if split.train.len() + split.test.len() >= max {
        return Err(format!(
            "The data set already has {max} points, the most it may have."
        ));
    }
    let mut out = split.clone();
    let set = match part {
        Part::Train => &mut out.train,
        Part::Test => &mut out.test,
    };
    push(set, x, label);
    Ok(out)
}

/// `split` without the points within `radius` of `centre`, and how many went;
/// refused when that would leave the training or the test set empty.
pub fn erase_near(split: &Split, centre: [f32; 2], radius: f32) -> Result<(Split, usize), String> {
    let keep = |d: &Dataset| {
        let mut out = empty();
        for i in 0..d.len() {
            let p = d.input(i);
            let (dx, dy) = (p[0] - centre[0], p[1] - centre[1]);
            if dx * dx + dy * dy > radius * radius {
                push(&mut out, [p[0], p[1]], d.labels[i]);
            }
        }
        out
    };
    let out = Split {
        train: keep(&split.train),
        test: keep(&split.test),
    };
    let removed = split.train.len() + split.test.len() - out.train.len() - out.test.len();
    if removed > 0 {
        check(&out).map_err(|why| format!("Not erased: {why}"))?;
    }
    Ok((out, removed))
}

/// Why a data set cannot be trained on, if it cannot.
fn check(split: &Split) -> Result<(), String> {
    let n = split.train.len() + split.test.len();
    if n > POINTS_RANGE.1 {
        return Err(format!(
            "{n} points is more than the {} a data set may have.",
            POINTS_RANGE.1
        ));
    }
    if split.train.is_empty() || split.test.is_empty() {
        return Err(format!(
            "a data set needs at least one training and one test point (this one would have {} and {}).",
            split.train.len(),
            split.test.len()
        ));
    }
    Ok(())
}

fn empty() -> Dataset {
    Dataset {
        dim: 2,
        ..Dataset::default()
    }
}

fn push(d: &mut Dataset, x: [f32; 2], label: f32) {
    d.inputs.extend_from_slice(&x);
    d.labels.push(label);
}
