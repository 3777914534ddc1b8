//! The slides' construction of f(x) = Σ_k ω_k σ(w_k x + b_k) + c, one unit at
//! a time, built so that ε = max |ψ − f| over the grid never rises as K grows.
//!
//! - K = 0, every σ: f is the best constant, the middle of the range of ψ
//!   (ε is half the oscillation of ψ).
//! - sigmoid or tanh (`staircase.rs`): f is a staircase of steep steps; each
//!   unit cuts the piece with the largest error in two, every level being the
//!   middle of the range of ψ over its piece. A part of a piece has a smaller
//!   range, so no error grows; the network computes the staircase exactly.
//! - ReLU (`hinges.rs`): f is continuous and piecewise linear; each unit adds
//!   a knot where the error is largest, its height chosen not to raise its
//!   segment's error, then the knots' heights are improved one by one. On
//!   paper no error grows; in f32 the hinges' terms cancel and round, so a
//!   unit is accepted only once the network's own ε is checked not to rise
//!   (else the next-worst point is tried as the knot, and if none passes, a
//!   knot on the current line, which bends nothing yet).
//! - identity (`line.rs`): a sum of lines is a line. The first unit carries
//!   the best line in max norm (a constant is a line, so ε does not rise);
//!   no line can do better, so further units get ω = 0 and ε stays.
//!
//! On a discontinuous ψ (the step) no continuous f gets below half the jump
//! in max norm; ε stops there, as the theorem (about continuous ψ) allows.

mod hinges;
mod line;
mod staircase;

use super::{errors, grid};
use crate::nn::activation::Activation;
use crate::nn::mlp::{Mlp, Workspace};
use hinges::Hinges;
use staircase::Staircase;

/// How many knots the ReLU construction tries, worst first, before it stops.
const KNOT_TRIES: usize = 32;

/// The construction's state: ψ on the dense grid and where the units sit.
#[derive(Clone, Debug)]
pub struct Construction {
    act: Activation,
    xs: Vec<f32>,
    psi: Vec<f32>,
    units: usize,
    staircase: Staircase,
    hinges: Hinges,
    sum: Vec<f64>,
    sum_sq: Vec<f64>,
    /// The network's ε now (what the ReLU units are checked against).
    epsilon: f32,
}

impl Construction {
    /// No units yet (f is the best constant), for ψ given on the dense grid
    /// of `super::grid`.
    pub fn new(psi: Vec<f32>, act: Activation) -> Construction {
        let mut sum = vec![0.0; psi.len() + 1];
        let mut sum_sq = vec![0.0; psi.len() + 1];
        for (i, &p) in psi.iter().enumerate() {
            sum[i + 1] = sum[i] + f64::from(p);
            sum_sq[i + 1] = sum_sq[i] + f64::from(p) * f64::from(p);
        }
        let mut c = Construction {
            act,
            xs: grid(),
            psi,
            units: 0,
            staircase: Staircase::default(),
            hinges: Hinges::default(),
            sum,
            sum_sq,
            epsilon: f32::INFINITY,
        };
        c.epsilon = c.network_error(&c.mlp());
        c
    }

    /// Number of units K.
    pub fn units(&self) -> usize {
        self.units
    }

    /// Adds one unit; false when no unit can be placed any more (every grid
    /// cell has its own, or no knot keeps the ReLU network's ε from rising).
    pub fn add_unit(&mut self) -> bool {
        let placed = match self.act {
            Activation::Sigmoid | Activation::Tanh => {
                self.staircase.split(&self.psi, &self.sum, &self.sum_sq)
            }
            Activation::Relu => self.add_hinge(),
            Activation::Identity => true,
        };
        if placed {
            self.units += 1;
            self.epsilon = self.network_error(&self.mlp());
        }
        placed
    }

    /// The network [1, K, 1] this construction describes.
    pub fn mlp(&self) -> Mlp {
        let mut mlp = Mlp::zeros(&[1, self.units, 1], self.act, Activation::Identity);
        if self.units == 0 {
            mlp.layers[1].b[0] = staircase::best_constant(&self.psi);
            return mlp;
        }
        match self.act {
            Activation::Sigmoid | Activation::Tanh => {
                self.staircase.fill(&self.psi, &self.xs, self.act, &mut mlp);
            }
            Activation::Relu => self.hinges.fill(&self.xs, &mut mlp),
            Activation::Identity => {
                let constant = staircase::best_constant(&self.psi);
                line::fill(&self.xs, &self.psi, self.units, constant, &mut mlp);
            }
        }
        mlp
    }

    /// ε of a network on the grid, as the page computes it.
    fn network_error(&self, mlp: &Mlp) -> f32 {
        let mut f = vec![0.0; self.xs.len()];
        mlp.predict_into(&self.xs, &mut Workspace::default(), &mut f);
        errors(&self.psi, &f).0
    }

    /// The ReLU unit: the first is a line, each further one a knot, tried at
    /// the worst points in turn until the network's ε does not rise.
    fn add_hinge(&mut self) -> bool {
        let mut trial = self.hinges.clone();
        if self.units == 0 {
            trial.start(
                &self.xs,
                &self.psi,
                f64::from(staircase::best_constant(&self.psi)),
            );
            return self.accept(trial);
        }
        let candidates = self.hinges.candidates(&self.xs, &self.psi);
        for &i in candidates.iter().take(KNOT_TRIES) {
            let mut trial = self.hinges.clone();
            trial.insert(&self.xs, &self.psi, i);
            if self.accept(trial) {
                return true;
            }
        }
        for &i in candidates.iter().take(KNOT_TRIES) {
            let mut trial = self.hinges.clone();
            trial.insert_flat(&self.xs, i);
            if self.accept(trial) {
                return true;
            }
        }
        false
    }

    /// Keeps `trial` as the hinges if its network's ε is at most the current one.
    fn accept(&mut self, trial: Hinges) -> bool {
        let mut mlp = Mlp::zeros(&[1, trial.units(), 1], self.act, Activation::Identity);
        trial.fill(&self.xs, &mut mlp);
        if self.network_error(&mlp) > self.epsilon {
            return false;
        }
        self.hinges = trial;
        true
    }
}
