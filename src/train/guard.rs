//! Divergence: when training must stop, and what it keeps.
//!
//! A run that blows up is stopped while its numbers still mean something: as
//! soon as the training loss per sample exceeds `BLOW_UP_FACTOR` times its
//! starting value (at least 1), or any value stops being finite. Waiting for a
//! NaN would keep weights whose loss is already astronomically large, from
//! which no smaller η recovers. The guard keeps the run's best state (the
//! lowest training loss recorded) and training goes back to it, so lowering η
//! and playing on really continues from good weights.

use crate::nn::mlp::Mlp;
use crate::Reduction;

/// How many times its starting value (or 1, if larger) the training loss per
/// sample may reach before the run counts as diverged. Ordinary training only
/// lowers the loss; a rise by two orders of magnitude is a blow-up, never noise.
pub const BLOW_UP_FACTOR: f32 = 100.0;

/// What made training stop.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cause {
    /// A value stopped being a finite number: "the loss", "a weight", "the test loss".
    NonFinite(&'static str),
    /// The training loss per sample rose past the limit.
    BlowUp {
        /// The training loss per sample that was measured.
        loss: f32,
        /// The limit it passed: `BLOW_UP_FACTOR` × max(starting loss per sample, 1).
        limit: f32,
    },
}

/// Where and why training stopped, and what was kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence {
    /// The iteration at which the blow-up was seen.
    pub iteration: u64,
    /// What was seen.
    pub cause: Cause,
    /// The iteration of the weights training went back to (the best of the run).
    pub kept_iteration: u64,
    /// The training loss ℒ of those weights.
    pub kept_loss: f32,
}

/// The loss of one sample on average: ℒ itself for a mean, ℒ / N for a sum,
/// so one limit serves both reductions.
pub fn per_sample(loss: f32, reduction: Reduction, rows: usize) -> f32 {
    match reduction {
        Reduction::Mean => loss,
        Reduction::Sum => loss / rows.max(1) as f32,
    }
}

/// The starting loss of a run and its best state so far.
#[derive(Clone, Debug)]
pub struct Guard {
    /// Training loss per sample when the run (re)started; None until measured.
    start: Option<f32>,
    best: Mlp,
    best_loss: f32,
    best_at: u64,
}

impl Guard {
    /// A guard whose run has not been measured yet.
    pub fn new(mlp: &Mlp) -> Guard {
        Guard {
            start: None,
            best: mlp.clone(),
            best_loss: f32::INFINITY,
            best_at: 0,
        }
    }

    /// Forgets the run: the next measurement is its start (after a restart, a
    /// new loss, loaded or edited weights).
    pub fn restart(&mut self) {
        self.start = None;
        self.best_loss = f32::INFINITY;
    }

    /// The training loss per sample above which the run has diverged.
    pub fn limit(&self) -> f32 {
        BLOW_UP_FACTOR * self.start.unwrap_or(1.0).max(1.0)
    }

    /// Why a training loss per sample of `per_sample` means divergence, if it does.
    pub fn check(&self, per_sample: f32) -> Option<Cause> {
        if !per_sample.is_finite() {
            return Some(Cause::NonFinite("the loss"));
        }
        let limit = self.limit();
        (per_sample > limit).then_some(Cause::BlowUp {
            loss: per_sample,
            limit,
        })
    }

    /// A measured state: it becomes the start of an unmeasured run, and the
    /// best state when its training loss ℒ is the lowest so far.
    pub fn offer(&mut self, mlp: &Mlp, loss: f32, per_sample: f32, iteration: u64) {
        if self.start.is_none() && per_sample.is_finite() {
            self.start = Some(per_sample);
        }
        if loss.is_finite() && loss < self.best_loss {
            self.best.clone_from(mlp);
            self.best_loss = loss;
            self.best_at = iteration;
        }
    }

    /// Whether a start has been measured (else `offer` has yet to see the run).
    pub fn started(&self) -> bool {
        self.start.is_some()
    }

    /// The best state: its weights, training loss ℒ and iteration.
    pub fn best(&self) -> (&Mlp, f32, u64) {
        (&self.best, self.best_loss, self.best_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Activation;

    fn mlp(seed: u64) -> Mlp {
        Mlp::new(&[2, 3, 1], Activation::Tanh, Activation::Identity, seed)
    }

    #[test]
    fn the_limit_is_a_hundred_times_the_start_but_never_below_a_hundred() {
        let mut g = Guard::new(&mlp(1));
        g.offer(&mlp(1), 0.25, 0.25, 0);
        assert_eq!(g.limit(), 100.0);
        let mut g = Guard::new(&mlp(1));
        g.offer(&mlp(1), 600.0, 3.0, 0);
        assert_eq!(g.limit(), 300.0);
        assert_eq!(g.check(299.0), None);
        assert!(matches!(g.check(301.0), Some(Cause::BlowUp { .. })));
        assert_eq!(g.check(f32::NAN), Some(Cause::NonFinite("the loss")));
    }

    #[test]
    fn the_best_state_is_the_lowest_loss_seen() {
        let mut g = Guard::new(&mlp(1));
        g.offer(&mlp(1), 1.0, 1.0, 0);
        g.offer(&mlp(2), 0.5, 0.5, 10);
        g.offer(&mlp(3), 0.7, 0.7, 20);
        let (best, loss, at) = g.best();
        assert_eq!((loss, at), (0.5, 10));
        assert_eq!(best, &mlp(2));
        // The start is the first measurement, not the best.
        assert_eq!(g.limit(), 100.0);
        g.restart();
        assert!(!g.started());
        g.offer(&mlp(3), 0.9, 0.9, 0);
        assert_eq!(g.best().1, 0.9, "a restart forgets the old best");
    }

    #[test]
    fn a_sum_is_divided_by_the_rows() {
        assert_eq!(per_sample(50.0, Reduction::Sum, 100), 0.5);
        assert_eq!(per_sample(50.0, Reduction::Mean, 100), 50.0);
    }
}
