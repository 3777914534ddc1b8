//! The slides' construction of f(x) = Σ_k ω_k σ(w_k x + b_k) + c, one unit at
//! a time, each new unit placed and scaled to reduce the remaining error:
//!
//! - sigmoid or tanh: f is a staircase of steep steps. The piece of the
//!   staircase with the largest error max|ψ − f| is split in two where that
//!   best reduces the squared error, and every level is the mean of ψ over its
//!   piece; unit k is the step between two levels, as steep as its narrower
//!   neighbour allows.
//! - ReLU: f is the piecewise-linear interpolant of ψ. The first unit is the
//!   line through both ends; each later one adds a knot (a hinge) where the
//!   error is largest.
//! - identity: a sum of lines is a line. The units share the least-squares
//!   line, and more of them changes nothing.

use super::{grid, INTERVAL};
use crate::nn::activation::Activation;
use crate::nn::mlp::Mlp;

/// The construction's state: ψ on the dense grid and where the units sit.
#[derive(Clone, Debug, PartialEq)]
pub struct Construction {
    act: Activation,
    xs: Vec<f32>,
    psi: Vec<f32>,
    /// Step mode: grid indices where a new piece starts. ReLU mode: interior
    /// knots (grid indices). Sorted.
    cuts: Vec<usize>,
    units: usize,
    sum: Vec<f64>,
    sum_sq: Vec<f64>,
}

impl Construction {
    /// No units yet (f is the constant that best fits ψ), for ψ given on the
    /// dense grid of `super::grid`.
    pub fn new(psi: Vec<f32>, act: Activation) -> Construction {
        let mut sum = vec![0.0; psi.len() + 1];
        let mut sum_sq = vec![0.0; psi.len() + 1];
        for (i, &p) in psi.iter().enumerate() {
            sum[i + 1] = sum[i] + f64::from(p);
            sum_sq[i + 1] = sum_sq[i] + f64::from(p) * f64::from(p);
        }
        Construction {
            act,
            xs: grid(),
            psi,
            cuts: Vec::new(),
            units: 0,
            sum,
            sum_sq,
        }
    }

    /// Number of units K.
    pub fn units(&self) -> usize {
        self.units
    }

    /// Adds one unit; false when no unit can be placed any more (every grid
    /// cell already has its own).
    pub fn add_unit(&mut self) -> bool {
        let placed = match self.act {
            Activation::Sigmoid | Activation::Tanh => self.split_worst_piece(),
            Activation::Relu => self.units == 0 || self.add_knot(),
            Activation::Identity => true,
        };
        if placed {
            self.units += 1;
        }
        placed
    }

    /// The network [1, K, 1] this construction describes.
    pub fn mlp(&self) -> Mlp {
        let mut mlp = Mlp::zeros(&[1, self.units, 1], self.act, Activation::Identity);
        match self.act {
            Activation::Sigmoid | Activation::Tanh => self.fill_steps(&mut mlp),
            Activation::Relu => self.fill_hinges(&mut mlp),
            Activation::Identity => self.fill_line(&mut mlp),
        }
        mlp
    }

    /// [start, end) of every piece of the staircase.
    fn pieces(&self) -> Vec<(usize, usize)> {
        let mut bounds = vec![0];
        bounds.extend(&self.cuts);
        bounds.push(self.psi.len());
        bounds.windows(2).map(|w| (w[0], w[1])).collect()
    }

    fn mean(&self, s: usize, e: usize) -> f64 {
        (self.sum[e] - self.sum[s]) / (e - s) as f64
    }

    fn sse(&self, s: usize, e: usize) -> f64 {
        let n = (e - s) as f64;
        let total = self.sum[e] - self.sum[s];
        (self.sum_sq[e] - self.sum_sq[s]) - total * total / n
    }

    fn split_worst_piece(&mut self) -> bool {
        let worst = self
            .pieces()
            .into_iter()
            .filter(|(s, e)| e - s >= 2)
            .map(|(s, e)| {
                let level = self.mean(s, e) as f32;
                let err = self.psi[s..e]
                    .iter()
                    .map(|p| (p - level).abs())
                    .fold(0.0, f32::max);
                (err, s, e)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let Some((_, s, e)) = worst else {
            return false;
        };
        let cut = (s + 1..e)
            .min_by(|&a, &b| (self.sse(s, a) + self.sse(a, e)).total_cmp(&(self.sse(s, b) + self.sse(b, e))))
            .expect("a piece of two or more points has a cut");
        let at = self.cuts.partition_point(|&c| c < cut);
        self.cuts.insert(at, cut);
        true
    }

    fn fill_steps(&self, mlp: &mut Mlp) {
        let pieces = self.pieces();
        let levels: Vec<f32> = pieces.iter().map(|&(s, e)| self.mean(s, e) as f32).collect();
        let dx = (INTERVAL.1 - INTERVAL.0) / (self.psi.len() - 1) as f32;
        let mut c = levels[0];
        for (k, pair) in pieces.windows(2).enumerate() {
            let ((s0, e0), (s1, e1)) = (pair[0], pair[1]);
            let h = levels[k + 1] - levels[k];
            let a = 0.5 * (self.xs[e0 - 1] + self.xs[s1]);
            // Steep enough that the step is 99.75 % done half a narrow piece away.
            let narrow = ((e0 - s0).min(e1 - s1) as f32 * dx).max(dx);
            let steep = 12.0 / narrow;
            let (omega, w) = match self.act {
                // h σ(z) = (h/2) tanh(z/2) + h/2
                Activation::Tanh => {
                    c += 0.5 * h;
                    (0.5 * h, 0.5 * steep)
                }
                _ => (h, steep),
            };
            mlp.layers[0].w[k] = w;
            mlp.layers[0].b[k] = -w * a;
            mlp.layers[1].w[k] = omega;
        }
        mlp.layers[1].b[0] = c;
    }

    /// The interpolant's knots: both ends and the interior knots, as grid indices.
    fn knots(&self) -> Vec<usize> {
        let mut k = vec![0];
        k.extend(&self.cuts);
        k.push(self.psi.len() - 1);
        k
    }

    fn add_knot(&mut self) -> bool {
        let knots = self.knots();
        let mut best: Option<(f32, usize)> = None;
        for w in knots.windows(2) {
            let (i0, i1) = (w[0], w[1]);
            for i in i0 + 1..i1 {
                let t = (self.xs[i] - self.xs[i0]) / (self.xs[i1] - self.xs[i0]);
                let f = self.psi[i0] + t * (self.psi[i1] - self.psi[i0]);
                let err = (self.psi[i] - f).abs();
                if best.is_none_or(|(e, _)| err > e) {
                    best = Some((err, i));
                }
            }
        }
        let Some((_, i)) = best else {
            return false;
        };
        let at = self.cuts.partition_point(|&c| c < i);
        self.cuts.insert(at, i);
        true
    }

    fn fill_hinges(&self, mlp: &mut Mlp) {
        if self.units == 0 {
            mlp.layers[1].b[0] = self.mean(0, self.psi.len()) as f32;
            return;
        }
        // Unit k is the hinge at knot k: it changes the slope there from the
        // previous segment's to its own.
        let mut previous = 0.0;
        for (k, seg) in self.knots().windows(2).enumerate() {
            let (i0, i1) = (seg[0], seg[1]);
            let m = (self.psi[i1] - self.psi[i0]) / (self.xs[i1] - self.xs[i0]);
            mlp.layers[0].w[k] = 1.0;
            mlp.layers[0].b[k] = -self.xs[i0];
            mlp.layers[1].w[k] = m - previous;
            previous = m;
        }
        mlp.layers[1].b[0] = self.psi[0];
    }

    fn fill_line(&self, mlp: &mut Mlp) {
        let n = self.psi.len() as f64;
        let mean_x = self.xs.iter().map(|&x| f64::from(x)).sum::<f64>() / n;
        let mean_y = self.sum[self.psi.len()] / n;
        let (mut sxy, mut sxx) = (0.0, 0.0);
        for (&x, &y) in self.xs.iter().zip(&self.psi) {
            sxy += (f64::from(x) - mean_x) * (f64::from(y) - mean_y);
            sxx += (f64::from(x) - mean_x).powi(2);
        }
        let slope = (sxy / sxx) as f32;
        for k in 0..self.units {
            mlp.layers[0].w[k] = 1.0;
            mlp.layers[1].w[k] = slope / self.units as f32;
        }
        let intercept = mean_y as f32
            - if self.units > 0 {
                slope * mean_x as f32
            } else {
                0.0
            };
        mlp.layers[1].b[0] = intercept;
    }
}
