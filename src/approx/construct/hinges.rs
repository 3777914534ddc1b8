//! The ReLU construction: f is continuous and piecewise linear, one hinge
//! ω_k max(0, x − a_k) per unit, through knots (a_j, v_j) on the grid.
//!
//! - K = 1: the knots are both ends of the interval, at the height of the
//!   best constant, then moved as below: f is a line.
//! - Each further unit adds a knot at the grid point where the error is
//!   largest, at the height ψ has there if that does not make its segment's
//!   error larger, else at the nearest height that does not.
//! - After every insertion, each knot in turn moves to the height where the
//!   larger error of its two segments is smallest (found by ternary search: that
//!   error is a convex function of the height). Without this, a knot set
//!   below ψ would keep its error for ever.
//!
//! Why ε never rises, on paper: an insertion leaves its segment's error as it
//! was at worst (keeping the old line through the new knot is one choice),
//! and a knot only moves if the larger error of its two segments falls; no
//! other segment changes. In f32, however, the hinges' terms cancel (a knot's
//! slope change acts on all of [a_k, 1]), so the network's f differs from the
//! exact piecewise-linear f by rounding of about 10⁻⁵; construct/mod.rs
//! therefore also checks the network's own ε before it accepts a unit.

use crate::nn::mlp::Mlp;

/// Knots of the interpolant: grid indices (sorted, both ends included once a
/// unit exists) and their heights.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Hinges {
    knots: Vec<usize>,
    heights: Vec<f64>,
}

/// Ternary-search iterations: the bracket shrinks by (2/3)⁶⁰ ≈ 10⁻¹¹.
const SEARCH: usize = 60;

impl Hinges {
    /// Number of units: one per segment.
    pub fn units(&self) -> usize {
        self.knots.len().saturating_sub(1)
    }

    /// f on the grid, exactly (f64).
    pub fn values(&self, xs: &[f32], constant: f64) -> Vec<f64> {
        if self.knots.is_empty() {
            return vec![constant; xs.len()];
        }
        let mut f = vec![0.0; xs.len()];
        for j in 0..self.knots.len() - 1 {
            let (i0, i1) = (self.knots[j], self.knots[j + 1]);
            for (i, value) in f.iter_mut().enumerate().take(i1 + 1).skip(i0) {
                *value = self.line(xs, j, self.heights[j], self.heights[j + 1], i);
            }
        }
        f
    }

    /// The height at grid point i of the segment j with end heights (v0, v1).
    fn line(&self, xs: &[f32], j: usize, v0: f64, v1: f64, i: usize) -> f64 {
        let (i0, i1) = (self.knots[j], self.knots[j + 1]);
        let t = (f64::from(xs[i]) - f64::from(xs[i0])) / (f64::from(xs[i1]) - f64::from(xs[i0]));
        v0 + t * (v1 - v0)
    }

    /// max |ψ − f| strictly inside segment j, with end heights (v0, v1).
    fn segment_error(&self, xs: &[f32], psi: &[f32], j: usize, v0: f64, v1: f64) -> f64 {
        (self.knots[j] + 1..self.knots[j + 1])
            .map(|i| (f64::from(psi[i]) - self.line(xs, j, v0, v1, i)).abs())
            .fold(0.0, f64::max)
    }

    /// The first unit: a line through both ends, started at the best constant.
    pub fn start(&mut self, xs: &[f32], psi: &[f32], constant: f64) {
        self.knots = vec![0, psi.len() - 1];
        self.heights = vec![constant, constant];
        self.settle(xs, psi);
    }

    /// The grid points that are not knots, largest error first: where the
    /// next knot goes (construct/mod.rs tries them in this order).
    pub fn candidates(&self, xs: &[f32], psi: &[f32]) -> Vec<usize> {
        let f = self.values(xs, 0.0);
        let mut points: Vec<(f64, usize)> = (0..psi.len())
            .filter(|i| self.knots.binary_search(i).is_err())
            .map(|i| ((f64::from(psi[i]) - f[i]).abs(), i))
            .collect();
        points.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        points.into_iter().map(|(_, i)| i).collect()
    }

    /// Adds a knot at grid point i on the current line: f does not change
    /// (on paper), but the next units have one more knot to move.
    pub fn insert_flat(&mut self, xs: &[f32], i: usize) {
        let j = self.knots.partition_point(|&k| k < i) - 1;
        let kept = self.line(xs, j, self.heights[j], self.heights[j + 1], i);
        self.knots.insert(j + 1, i);
        self.heights.insert(j + 1, kept);
    }

    /// Adds a knot at grid point i (not a knot, strictly inside the interval).
    pub fn insert(&mut self, xs: &[f32], psi: &[f32], i: usize) {
        let j = self.knots.partition_point(|&k| k < i) - 1;
        let epsilon = self.error(xs, psi);
        let kept = self.line(xs, j, self.heights[j], self.heights[j + 1], i);
        self.knots.insert(j + 1, i);
        self.heights.insert(j + 1, kept);
        let target = f64::from(psi[i]);
        // The worst error among the points the new knot's height v moves.
        let moved = |h: &Hinges, v: f64| {
            let (v0, v1) = (h.heights[j], h.heights[j + 2]);
            let inside = h
                .segment_error(xs, psi, j, v0, v)
                .max(h.segment_error(xs, psi, j + 1, v, v1));
            inside.max((target - v).abs())
        };
        // The heights that keep those errors at most ε form an interval
        // holding `kept` (the old line): the end towards ψ(x).
        let height = towards(kept, target, epsilon, |v| moved(self, v));
        self.heights[j + 1] = height;
        self.settle(xs, psi);
    }

    /// ε of the exact piecewise-linear f.
    pub fn error(&self, xs: &[f32], psi: &[f32]) -> f64 {
        let f = self.values(xs, 0.0);
        psi.iter()
            .zip(&f)
            .map(|(&p, &q)| (f64::from(p) - q).abs())
            .fold(0.0, f64::max)
    }

    /// Moves each knot in turn to the height where the larger error of its
    /// segments is smallest, keeping a move only if it lowers that error.
    fn settle(&mut self, xs: &[f32], psi: &[f32]) {
        let last = self.knots.len() - 1;
        for j in 0..=last {
            // The worst error among the points knot j's height moves: its own
            // and those inside its two segments (not the neighbouring knots).
            let own = f64::from(psi[self.knots[j]]);
            let around = |h: &Hinges, v: f64| {
                let left = if j > 0 {
                    h.segment_error(xs, psi, j - 1, h.heights[j - 1], v)
                } else {
                    0.0
                };
                let right = if j < last {
                    h.segment_error(xs, psi, j, v, h.heights[j + 1])
                } else {
                    0.0
                };
                left.max(right).max((own - v).abs())
            };
            let current = self.heights[j];
            let now = around(self, current);
            // The heights that keep those errors at most `now` form an
            // interval holding the current one: its end towards ψ.
            self.heights[j] = towards(current, own, now, |v| around(self, v));
        }
    }

    /// Writes the hinges into `mlp` ([1, K, 1]): c = v₀, unit 0 the first
    /// segment's slope from the left end, unit k the change of slope at knot k.
    pub fn fill(&self, xs: &[f32], mlp: &mut Mlp) {
        let mut previous = 0.0;
        for j in 0..self.units() {
            let (i0, i1) = (self.knots[j], self.knots[j + 1]);
            let slope = (self.heights[j + 1] - self.heights[j]) / (f64::from(xs[i1]) - f64::from(xs[i0]));
            mlp.layers[0].w[j] = 1.0;
            mlp.layers[0].b[j] = -xs[i0];
            mlp.layers[1].w[j] = (slope - previous) as f32;
            previous = slope;
        }
        mlp.layers[1].b[0] = self.heights[0] as f32;
    }
}

/// The height nearest `target` on the way from `ok` whose `cost` stays at most
/// `bound` (`cost(ok)` is): `target` itself when it qualifies, else the end of
/// that interval found by bisection in `SEARCH` halvings.
fn towards(ok: f64, target: f64, bound: f64, cost: impl Fn(f64) -> f64) -> f64 {
    if cost(target) <= bound {
        return target;
    }
    let (mut ok, mut bad) = (ok, target);
    for _ in 0..SEARCH {
        let mid = 0.5 * (ok + bad);
        if cost(mid) <= bound {
            ok = mid;
        } else {
            bad = mid;
        }
    }
    ok
}
