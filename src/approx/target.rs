//! The functions ψ to approximate on [−1, 1]: a few classics, a random smooth
//! one from a seed, and a curve the user draws.

use crate::io::drawn_code::{self, DRAWN_SAMPLES};
use crate::nn::random::standard_normal;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::f32::consts::{PI, TAU};

/// The largest |ψ| a drawn curve may reach: the plot's y range.
pub const DRAWN_MAX: f32 = 1.5;

/// A target function ψ.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// sin(3πx): three periods over the interval.
    Sin,
    /// −0.8 left of 0, 0.8 right of it: not continuous, so no finite sum of
    /// sigmoids reaches it everywhere.
    Step,
    /// 1.6|x| − 0.8: a kink.
    Abs,
    /// Two teeth rising from −0.8 to 0.8, with a jump at 0.
    Sawtooth,
    /// A Gaussian bump 1.6 e^(−x²/(2·0.2²)) − 0.8.
    Bump,
    /// Σ_j a_j sin(jπx/2 + φ_j), j = 1..6, with a_j ~ N(0, 1/j²), scaled to peak at 0.9.
    Smooth {
        /// The seed the terms were drawn from.
        seed: u64,
        /// (a_j, jπ/2, φ_j) for each term.
        terms: Vec<[f32; 3]>,
    },
    /// A curve drawn by hand: the piecewise-linear curve through its heights
    /// at `DRAWN_SAMPLES` evenly spaced points of the interval (multiples of
    /// 1.5/32767, so that the address holds them exactly; `io::drawn_code`).
    Drawn(Vec<(f32, f32)>),
}

impl Target {
    /// The target of a name from the page ("drawn" needs `Target::drawn`).
    pub fn named(name: &str, seed: u64) -> Result<Target, String> {
        Ok(match name {
            "sin" => Target::Sin,
            "step" => Target::Step,
            "abs" => Target::Abs,
            "sawtooth" => Target::Sawtooth,
            "bump" => Target::Bump,
            "smooth" => Target::smooth(seed),
            "drawn" => return Err("Draw a curve on the plot first: press Draw ψ, then drag.".to_string()),
            _ => {
                return Err(format!(
                    "Unknown target \"{name}\": choose sin, step, abs, sawtooth, bump, smooth or drawn."
                ))
            }
        })
    }

    /// A random smooth function drawn from `seed`.
    pub fn smooth(seed: u64) -> Target {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut terms: Vec<[f32; 3]> = (1..=6)
            .map(|j| {
                let a = standard_normal(&mut rng) / j as f32;
                [a, j as f32 * PI / 2.0, rng.random_range(0.0..TAU)]
            })
            .collect();
        let peak = super::grid()
            .iter()
            .map(|&x| eval_terms(&terms, x).abs())
            .fold(0.0_f32, f32::max)
            .max(1e-6);
        for t in &mut terms {
            t[0] *= 0.9 / peak;
        }
        Target::Smooth { seed, terms }
    }

    /// The curve through the drawn points (at least two, finite, within the
    /// plot's ±1.5 in y, spanning more than 0.05 in x).
    pub fn drawn(xs: &[f64], ys: &[f64]) -> Result<Target, String> {
        if xs.len() != ys.len() || xs.len() < 2 {
            return Err("A drawn curve needs at least two points.".to_string());
        }
        let mut pts: Vec<(f32, f32)> = xs.iter().zip(ys).map(|(&x, &y)| (x as f32, y as f32)).collect();
        if pts.iter().any(|(x, y)| !x.is_finite() || !y.is_finite()) {
            return Err("The drawn curve has a point that is not a number.".to_string());
        }
        if pts.iter().any(|(_, y)| y.abs() > DRAWN_MAX) {
            return Err(format!(
                "A drawn curve stays within ±{DRAWN_MAX} (the plot's range)."
            ));
        }
        pts.sort_by(|a, b| a.0.total_cmp(&b.0));
        if pts[pts.len() - 1].0 - pts[0].0 < 0.05 {
            return Err("Draw the curve across more of the interval (left to right).".to_string());
        }
        // The stroke, constant beyond its ends, at the evenly spaced points.
        let heights = drawn_xs()
            .map(|x| drawn_code::quantise(interpolate(&pts, x)))
            .collect();
        Ok(Target::from_heights(heights))
    }

    /// The drawn curve of the integers `io::drawn_code` reads and writes.
    fn from_heights(heights: Vec<i16>) -> Target {
        Target::Drawn(
            drawn_xs()
                .zip(heights)
                .map(|(x, q)| (x, drawn_code::height(q)))
                .collect(),
        )
    }

    /// A drawn curve from its code in the address.
    pub fn from_drawn_code(text: &str) -> Result<Target, String> {
        drawn_code::decode(text).map(Target::from_heights)
    }

    /// The drawn curve's code for the address (None for the other targets).
    pub fn drawn_code(&self) -> Option<String> {
        match self {
            Target::Drawn(pts) => Some(drawn_code::encode(
                &pts.iter()
                    .map(|&(_, y)| drawn_code::quantise(y))
                    .collect::<Vec<_>>(),
            )),
            _ => None,
        }
    }

    /// The short name used in the page's controls.
    pub fn name(&self) -> &'static str {
        match self {
            Target::Sin => "sin",
            Target::Step => "step",
            Target::Abs => "abs",
            Target::Sawtooth => "sawtooth",
            Target::Bump => "bump",
            Target::Smooth { .. } => "smooth",
            Target::Drawn(_) => "drawn",
        }
    }

    /// ψ(x).
    pub fn value(&self, x: f32) -> f32 {
        match self {
            Target::Sin => (3.0 * PI * x).sin(),
            Target::Step => 0.8 * if x < 0.0 { -1.0 } else { 1.0 },
            Target::Abs => 1.6 * x.abs() - 0.8,
            Target::Sawtooth => 1.6 * (x + 1.0).rem_euclid(1.0) - 0.8,
            Target::Bump => 1.6 * (-x * x / (2.0 * 0.04)).exp() - 0.8,
            Target::Smooth { terms, .. } => eval_terms(terms, x),
            Target::Drawn(pts) => interpolate(pts, x),
        }
    }
}

/// The x of a drawn curve's heights: DRAWN_SAMPLES points, both ends included.
fn drawn_xs() -> impl Iterator<Item = f32> {
    let (lo, hi) = super::INTERVAL;
    (0..DRAWN_SAMPLES).map(move |i| lo + (hi - lo) * i as f32 / (DRAWN_SAMPLES - 1) as f32)
}

fn eval_terms(terms: &[[f32; 3]], x: f32) -> f32 {
    terms.iter().map(|[a, f, p]| a * (f * x + p).sin()).sum()
}

/// Linear interpolation through points sorted by x; constant beyond the ends.
pub fn interpolate(pts: &[(f32, f32)], x: f32) -> f32 {
    let (first, last) = (pts[0], pts[pts.len() - 1]);
    if x <= first.0 {
        return first.1;
    }
    if x >= last.0 {
        return last.1;
    }
    // The first point strictly right of x; its left neighbour is at or left of x.
    let i = pts.partition_point(|p| p.0 <= x);
    let ((x0, y0), (x1, y1)) = (pts[i - 1], pts[i]);
    if x1 - x0 <= f32::EPSILON {
        y1
    } else {
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    }
}
