//! The staircase of steep sigmoid (or tanh) steps, one step per unit.
//!
//! The grid is cut into pieces; on each piece f is one level, the middle of
//! the range of ψ there, (max ψ + min ψ)/2, so the piece's error is half the
//! oscillation of ψ on it. Each new unit cuts the piece whose error is the
//! largest in two. Why ε never rises: a part of a piece has a range inside the
//! piece's range, so its half-oscillation is at most the piece's; the other
//! pieces keep their levels. Where to cut does not matter for that argument;
//! we cut where the larger of the two new errors is smallest (ties: where the
//! two halves' squared errors about their means are smallest), so the error
//! falls as fast as one cut allows.
//!
//! Two implementation choices make the network compute the staircase
//! exactly, so that "ε never rises" holds for the f32 numbers the page shows
//! and not only on paper:
//! - every step is so steep that σ is exactly 0 or 1 (tanh: −1 or 1) in f32
//!   at every grid point, the nearest being half a grid spacing from the cut;
//! - every level is rounded to a multiple of 2⁻¹² (the nearest one to the
//!   middle of the range, which is also the best such multiple, so the
//!   argument above still holds), hence every ω_k, c and every partial sum of
//!   the output unit is a multiple of 2⁻¹³ below 2¹¹ in size: a 24-bit f32
//!   holds each of them exactly, in whatever order they are added.

use crate::nn::activation::Activation;
use crate::nn::mlp::Mlp;

/// Levels are multiples of 1/QUANTUM (see the header).
const QUANTUM: f64 = 4096.0;
/// |w_k (x − a_k)| at the grid points nearest a cut: σ(120) is 1 and σ(−120)
/// is 0 in f32 (e^(−120) is below the smallest f32), tanh(±120) is ±1.
const SATURATION: f32 = 250.0;

/// The pieces of the staircase: grid indices where a new piece starts.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Staircase {
    cuts: Vec<usize>,
}

/// The range (min, max) of ψ over `psi`.
fn range(psi: &[f32]) -> (f64, f64) {
    psi.iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &p| {
            (lo.min(f64::from(p)), hi.max(f64::from(p)))
        })
}

/// The level of a piece whose ψ spans [lo, hi]: the multiple of 1/QUANTUM
/// nearest its middle.
fn level_of((lo, hi): (f64, f64)) -> f64 {
    (0.5 * (lo + hi) * QUANTUM).round() / QUANTUM
}

/// The piece's error max |ψ − level|, exactly (f64 holds every term exactly).
fn error_of((lo, hi): (f64, f64)) -> f64 {
    let level = level_of((lo, hi));
    (hi - level).max(level - lo)
}

/// The best constant (K = 0): the level of the one piece.
pub fn best_constant(psi: &[f32]) -> f32 {
    level_of(range(psi)) as f32
}

impl Staircase {
    /// [start, end) of every piece, for ψ on `n` grid points.
    pub fn pieces(&self, n: usize) -> Vec<(usize, usize)> {
        let mut bounds = vec![0];
        bounds.extend(&self.cuts);
        bounds.push(n);
        bounds.windows(2).map(|w| (w[0], w[1])).collect()
    }

    /// Cuts the piece with the largest error (the widest of equals) in two;
    /// false when every piece is a single grid point.
    pub fn split(&mut self, psi: &[f32], sum: &[f64], sum_sq: &[f64]) -> bool {
        let worst = self
            .pieces(psi.len())
            .into_iter()
            .filter(|(s, e)| e - s >= 2)
            .map(|(s, e)| (error_of(range(&psi[s..e])), e - s, s, e))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
        let Some((_, _, s, e)) = worst else {
            return false;
        };
        let cut = best_cut(&psi[s..e], &sum[s..=e], &sum_sq[s..=e]) + s;
        let at = self.cuts.partition_point(|&c| c < cut);
        self.cuts.insert(at, cut);
        true
    }

    /// Writes the staircase into `mlp` ([1, K, 1] with K = number of cuts).
    pub fn fill(&self, psi: &[f32], xs: &[f32], act: Activation, mlp: &mut Mlp) {
        let pieces = self.pieces(psi.len());
        let levels: Vec<f32> = pieces
            .iter()
            .map(|&(s, e)| level_of(range(&psi[s..e])) as f32)
            .collect();
        let dx = xs[1] - xs[0];
        let w = 2.0 * SATURATION / dx;
        let mut c = levels[0];
        for (k, &cut) in self.cuts.iter().enumerate() {
            let h = levels[k + 1] - levels[k];
            // Half way between the last point of one piece and the first of the next.
            let a = 0.5 * (xs[cut - 1] + xs[cut]);
            let omega = match act {
                // h σ(z) = h/2 tanh(z/2) + h/2; saturated, tanh(z) does as well.
                Activation::Tanh => {
                    c += 0.5 * h;
                    0.5 * h
                }
                _ => h,
            };
            mlp.layers[0].w[k] = w;
            mlp.layers[0].b[k] = -w * a;
            mlp.layers[1].w[k] = omega;
        }
        mlp.layers[1].b[0] = c;
    }
}

/// Where to cut a piece (an index 1..len into it): the larger of the two new
/// errors smallest, then the two halves' squared errors about their means.
/// `sum`, `sum_sq` are the piece's prefix sums of ψ and ψ² (len + 1 entries).
fn best_cut(psi: &[f32], sum: &[f64], sum_sq: &[f64]) -> usize {
    let n = psi.len();
    // Ranges of every prefix psi[..i] and suffix psi[i..].
    let mut prefix = Vec::with_capacity(n);
    let mut r = (f64::INFINITY, f64::NEG_INFINITY);
    for &p in psi {
        r = (r.0.min(f64::from(p)), r.1.max(f64::from(p)));
        prefix.push(r);
    }
    let mut suffix = vec![r; n];
    r = (f64::INFINITY, f64::NEG_INFINITY);
    for i in (0..n).rev() {
        r = (r.0.min(f64::from(psi[i])), r.1.max(f64::from(psi[i])));
        suffix[i] = r;
    }
    let sse = |s: usize, e: usize| {
        let total = sum[e] - sum[s];
        (sum_sq[e] - sum_sq[s]) - total * total / (e - s) as f64
    };
    (1..n)
        .map(|i| {
            let worse = error_of(prefix[i - 1]).max(error_of(suffix[i]));
            (worse, sse(0, i) + sse(i, n), i)
        })
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .map(|(_, _, i)| i)
        .expect("a piece of two or more points has a cut")
}
