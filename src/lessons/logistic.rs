//! Logistic regression trained by gradient descent, exactly as in the notes:
//! P(Y = 1 | x) = σ(w·x + b), L(w, b) = −Σ_n log σ(y_n (w·x_n + b)) (a sum),
//! ∂L/∂b = −Σ_n u_n, ∂L/∂w_d = −Σ_n v_{n,d} with u_n = y_n σ(−y_n (w·x_n + b))
//! and v_{n,d} = x_{n,d} u_n; computed in f64, the data being small.

use crate::nn::random::standard_normal;
use rand::rngs::StdRng;
use rand::SeedableRng;

/// A linear classifier x ↦ sign(w·x + b) in the plane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    /// The normal w.
    pub w: [f64; 2],
    /// The offset b.
    pub b: f64,
}

/// Points in the plane with labels ±1.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Points {
    /// The points.
    pub x: Vec<[f64; 2]>,
    /// Their labels, ±1.
    pub y: Vec<f64>,
}

fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

impl Linear {
    /// w·x + b.
    pub fn score(&self, x: [f64; 2]) -> f64 {
        self.w[0] * x[0] + self.w[1] * x[1] + self.b
    }
}

/// Two Gaussian classes of `n` points in all: class +1 around (1, 1) with
/// spread `spread_pos`, class −1 around (−1, −1) with spread `spread_neg`
/// (different spreads make the logistic and LDA boundaries differ, as in the
/// notes' figure).
pub fn two_gaussians(n: usize, spread_pos: f64, spread_neg: f64, seed: u64) -> Points {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut p = Points::default();
    for i in 0..n {
        let (y, c, s) = if i % 2 == 0 {
            (1.0, 1.0, spread_pos)
        } else {
            (-1.0, -1.0, spread_neg)
        };
        let x = [
            c + s * f64::from(standard_normal(&mut rng)),
            c + s * f64::from(standard_normal(&mut rng)),
        ];
        p.x.push(x);
        p.y.push(y);
    }
    p
}

/// L(w, b) = −Σ_n log σ(y_n (w·x_n + b)).
pub fn loss(data: &Points, m: &Linear) -> f64 {
    let nll = |z: f64| (-z).max(0.0) + (-z.abs()).exp().ln_1p();
    data.x
        .iter()
        .zip(&data.y)
        .map(|(&x, &y)| nll(y * m.score(x)))
        .sum()
}

/// (∂L/∂w, ∂L/∂b), the notes' −Σ v_n and −Σ u_n.
pub fn gradient(data: &Points, m: &Linear) -> ([f64; 2], f64) {
    let (mut dw, mut db) = ([0.0; 2], 0.0);
    for (&x, &y) in data.x.iter().zip(&data.y) {
        let u = y * sigmoid(-y * m.score(x));
        db -= u;
        dw[0] -= x[0] * u;
        dw[1] -= x[1] * u;
    }
    (dw, db)
}

/// The model after each iteration count in `snapshots` (ascending) of
/// w ← w − η ∂L/∂w, b ← b − η ∂L/∂b from `start`.
pub fn train(data: &Points, start: Linear, eta: f64, snapshots: &[usize]) -> Vec<(usize, Linear)> {
    let mut m = start;
    let mut out = Vec::with_capacity(snapshots.len());
    let mut done = 0;
    for &at in snapshots {
        while done < at {
            let (dw, db) = gradient(data, &m);
            m.w = [m.w[0] - eta * dw[0], m.w[1] - eta * dw[1]];
            m.b -= eta * db;
            done += 1;
        }
        out.push((at, m));
    }
    out
}

/// w drawn from N(0, I) and b = 0, as in the notes' code.
pub fn normal_start(seed: u64) -> Linear {
    let mut rng = StdRng::seed_from_u64(seed);
    let w = [
        f64::from(standard_normal(&mut rng)),
        f64::from(standard_normal(&mut rng)),
    ];
    Linear { w, b: 0.0 }
}
