//! The identity construction: f(x) = Σ_k ω_k (w_k x + b_k) + c is a line
//! whatever K, so the best f is the best line in max norm, found once.
//!
//! For a slope m, the best intercept is the middle of the range of ψ(x) − m x,
//! and the error is half its oscillation: a convex function of m, minimised by
//! ternary search. The slope 0 (the best constant, K = 0) is kept unless the
//! line does better in the network's own f32 numbers.

use super::super::errors;
use crate::nn::mlp::{Mlp, Workspace};

/// (intercept, half-oscillation) of ψ − m x.
fn fit(xs: &[f32], psi: &[f32], m: f64) -> (f64, f64) {
    let (lo, hi) = xs
        .iter()
        .zip(psi)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (&x, &p)| {
            let r = f64::from(p) - m * f64::from(x);
            (lo.min(r), hi.max(r))
        });
    (0.5 * (lo + hi), 0.5 * (hi - lo))
}

/// The best line's (slope, intercept) in max norm.
fn best_line(xs: &[f32], psi: &[f32]) -> (f64, f64) {
    // |slope| ≤ (max ψ − min ψ) / min spacing would be loose; ψ's own range over
    // the interval's width bounds any slope better than the constant: 2·range/2.
    let (lo, hi) = psi
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &p| {
            (lo.min(p), hi.max(p))
        });
    let bound = f64::from(hi - lo).max(1e-9);
    let (mut a, mut b) = (-bound, bound);
    for _ in 0..100 {
        let (m1, m2) = (a + (b - a) / 3.0, b - (b - a) / 3.0);
        if fit(xs, psi, m1).1 <= fit(xs, psi, m2).1 {
            b = m2;
        } else {
            a = m1;
        }
    }
    let m = 0.5 * (a + b);
    (m, fit(xs, psi, m).0)
}

/// Writes the line into `mlp` ([1, K, 1], K ≥ 1): unit 0 carries it, the
/// others have ω = 0. Falls back to the best constant `constant` if the line
/// is not better in f32.
pub fn fill(xs: &[f32], psi: &[f32], units: usize, constant: f32, mlp: &mut Mlp) {
    for k in 0..units {
        mlp.layers[0].w[k] = 1.0;
    }
    let (m, c) = best_line(xs, psi);
    mlp.layers[1].w[0] = m as f32;
    mlp.layers[1].b[0] = c as f32;
    let mut f = vec![0.0; xs.len()];
    mlp.predict_into(xs, &mut Workspace::default(), &mut f);
    let line_error = errors(psi, &f).0;
    let constant_error = psi.iter().map(|&p| (p - constant).abs()).fold(0.0, f32::max);
    if line_error > constant_error {
        mlp.layers[1].w[0] = 0.0;
        mlp.layers[1].b[0] = constant;
    }
}
