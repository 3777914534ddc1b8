//! The universal-approximation lab: one target ψ, its samples, and two ways
//! to build f, each keeping its own state — trained by gradient descent on the
//! samples, or constructed unit by unit.

use super::construct::Construction;
use super::target::Target;
use super::trained::{split_of, trained_settings};
use super::{errors, grid};
use crate::nn::mlp::{Mlp, Workspace};
use crate::train::history::{LossHistory, LossPoint};
use crate::train::Trainer;
use crate::Activation;

/// The most units either mode takes.
pub const MAX_UNITS: usize = 500;

/// How f is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Gradient descent on the MSE over the samples.
    Trained,
    /// The slides' construction, one unit at a time.
    Constructed,
}

/// Where the samples come from: n points uniform in the interval, y = ψ(x) + N(0, noise²).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Samples {
    /// How many points, 2..=2000.
    pub n: usize,
    /// Standard deviation of the noise added to ψ, 0..=1.
    pub noise: f32,
    /// Seed of the x positions and the noise.
    pub seed: u64,
}

/// Max error and MSE against ψ after a number of units (constructed) or updates (trained).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ErrorPoint {
    /// K (constructed) or the iteration (trained).
    pub at: u64,
    /// max_x |ψ(x) − f(x)| on the dense grid: the theorem's ε.
    pub max_error: f32,
    /// Mean of (ψ − f)² on the dense grid.
    pub mse: f32,
}

/// Both modes of the 1D view and everything they share.
#[derive(Clone, Debug)]
pub struct Lab {
    target: Target,
    act: Activation,
    samples: Samples,
    mode: Mode,
    xs: Vec<f32>,
    psi: Vec<f32>,
    trainer: Trainer,
    trained_errors: LossHistory,
    construction: Construction,
    /// The construction's network, rebuilt only when the construction changes.
    built: Mlp,
    constructed_errors: Vec<ErrorPoint>,
    ws: Workspace,
    f: Vec<f32>,
}

impl Lab {
    /// sin with 20 tanh units, trained mode, 100 noiseless samples, η = 0.05
    /// (tanh trains several times faster than the logistic sigmoid here, and
    /// η = 0.1 is already at the edge of stability for it).
    pub fn new() -> Lab {
        let (target, act, samples) = (
            Target::Sin,
            Activation::Tanh,
            Samples {
                n: 100,
                noise: 0.0,
                seed: 1,
            },
        );
        let xs = grid();
        let psi: Vec<f32> = xs.iter().map(|&x| target.value(x)).collect();
        let trainer = Trainer::with_split(trained_settings(20, act), split_of(&target, &samples, &xs, &psi))
            .expect("the default settings are valid");
        let mut lab = Lab {
            construction: Construction::new(psi.clone(), act),
            built: Mlp::zeros(&[1, 0, 1], act, Activation::Identity),
            target,
            act,
            samples,
            mode: Mode::Trained,
            xs,
            psi,
            trainer,
            trained_errors: LossHistory::new(2000),
            constructed_errors: Vec::new(),
            ws: Workspace::default(),
            f: vec![0.0; super::GRID],
        };
        lab.rebuild_construction(20);
        lab.record_trained();
        lab
    }

    /// The current mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Switches mode; each keeps its own model and history.
    pub fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
        self.refresh();
    }

    /// The target ψ.
    pub fn target(&self) -> &Target {
        &self.target
    }

    /// σ of the hidden units.
    pub fn activation(&self) -> Activation {
        self.act
    }

    /// The sample settings.
    pub fn samples(&self) -> Samples {
        self.samples
    }

    /// The trained mode's Trainer (its settings hold η, batch size, seeds).
    pub fn trainer(&self) -> &Trainer {
        &self.trainer
    }

    /// The trained mode's Trainer, for η, batch size and seed changes.
    pub fn trainer_mut(&mut self) -> &mut Trainer {
        &mut self.trainer
    }

    /// The model of the current mode.
    pub fn mlp(&self) -> &Mlp {
        match self.mode {
            Mode::Trained => self.trainer.mlp(),
            Mode::Constructed => &self.built,
        }
    }

    /// K of the current mode.
    pub fn units(&self) -> usize {
        match self.mode {
            Mode::Trained => self.trainer.settings().hidden[0],
            Mode::Constructed => self.construction.units(),
        }
    }

    /// A new ψ: samples drawn again, the trained model restarted, the
    /// construction rebuilt with its current K.
    pub fn set_target(&mut self, target: Target) {
        self.target = target;
        self.psi = self.xs.iter().map(|&x| self.target.value(x)).collect();
        self.resample();
        self.rebuild_construction(self.construction.units());
    }

    /// New samples; the trained model restarts.
    pub fn set_samples(&mut self, samples: Samples) -> Result<(), String> {
        if !(2..=2000).contains(&samples.n) {
            return Err(format!(
                "The number of samples must be between 2 and 2000 (got {}).",
                samples.n
            ));
        }
        if !(0.0..=1.0).contains(&samples.noise) {
            return Err(format!("Noise must be between 0 and 1 (got {}).", samples.noise));
        }
        self.samples = samples;
        self.resample();
        Ok(())
    }

    /// A new σ for both modes; both rebuild with their K.
    pub fn set_activation(&mut self, act: Activation) -> Result<(), String> {
        let k = self.trainer.settings().hidden[0];
        self.trainer
            .set_architecture(vec![k], act, Activation::Identity)?;
        self.act = act;
        self.rebuild_construction(self.construction.units());
        self.restart_trained_errors();
        Ok(())
    }

    /// K for the current mode: the trained model restarts with K units (1 to
    /// 500), the construction is rebuilt with exactly K (0 to 500).
    pub fn set_units(&mut self, k: usize) -> Result<(), String> {
        // The construction starts from no unit at all (Reset); a trained f needs one.
        let least = usize::from(self.mode == Mode::Trained);
        if !(least..=MAX_UNITS).contains(&k) {
            return Err(format!(
                "K must be a whole number of units between {least} and {MAX_UNITS} (got {k})."
            ));
        }
        match self.mode {
            Mode::Trained => {
                self.trainer
                    .set_architecture(vec![k], self.act, Activation::Identity)?;
                self.restart_trained_errors();
            }
            Mode::Constructed => self.rebuild_construction(k),
        }
        Ok(())
    }

    /// Trained: up to `n` gradient steps. Constructed: one more unit. Returns
    /// how many steps or units were added.
    pub fn step(&mut self, n: u32) -> u32 {
        match self.mode {
            Mode::Trained => {
                let done = self.trainer.step(n);
                self.record_trained();
                done
            }
            Mode::Constructed => {
                if self.construction.units() >= MAX_UNITS || !self.construction.add_unit() {
                    return 0;
                }
                self.record_constructed();
                1
            }
        }
    }

    /// Trained: restart from the weight seed. Constructed: back to no unit.
    pub fn reset(&mut self) {
        match self.mode {
            Mode::Trained => {
                self.trainer.restart();
                self.restart_trained_errors();
            }
            Mode::Constructed => self.rebuild_construction(0),
        }
    }

    /// Restarts the trained model's error record (after any rebuild of it).
    pub fn restart_trained_errors(&mut self) {
        self.trained_errors.clear();
        self.record_trained();
    }

    /// The dense grid's x values.
    pub fn xs(&self) -> &[f32] {
        &self.xs
    }

    /// ψ on the dense grid.
    pub fn psi(&self) -> &[f32] {
        &self.psi
    }

    /// f of the current mode on the dense grid.
    pub fn f(&self) -> &[f32] {
        &self.f
    }

    /// (max |ψ − f|, mean (ψ − f)²) of the current mode on the dense grid.
    pub fn errors(&self) -> (f32, f32) {
        errors(&self.psi, &self.f)
    }

    /// Max error and grid MSE of the trained model over its iterations.
    pub fn trained_errors(&self) -> &LossHistory {
        &self.trained_errors
    }

    /// Max error and grid MSE of the construction against K.
    pub fn constructed_errors(&self) -> &[ErrorPoint] {
        &self.constructed_errors
    }

    fn resample(&mut self) {
        let split = split_of(&self.target, &self.samples, &self.xs, &self.psi);
        self.trainer.replace_data(split).expect("samples are never empty");
        self.restart_trained_errors();
    }

    /// Builds the construction up to `k` units, recording the error curve at
    /// about 40 values of K spread evenly on a log scale (and at k), so that a
    /// jump to K = 500 stays quick: each record runs the network over the grid.
    fn rebuild_construction(&mut self, k: usize) {
        self.construction = Construction::new(self.psi.clone(), self.act);
        self.constructed_errors.clear();
        let mut marks: Vec<usize> = (0..40)
            .map(|i| (k as f64).powf(f64::from(i) / 39.0).round() as usize)
            .collect();
        marks.push(k);
        marks.dedup();
        self.record_constructed();
        while self.construction.units() < k && self.construction.add_unit() {
            if marks.binary_search(&self.construction.units()).is_ok() {
                self.record_constructed();
            }
        }
        // The grid may run out of places before K: keep the network of the units built.
        if self.built.layers[0].outputs != self.construction.units() {
            self.built = self.construction.mlp();
        }
        self.refresh();
    }

    fn record_constructed(&mut self) {
        self.built = self.construction.mlp();
        self.refresh_with(Mode::Constructed);
        let (max_error, mse) = errors(&self.psi, &self.f);
        let at = self.construction.units() as u64;
        self.constructed_errors.push(ErrorPoint { at, max_error, mse });
        self.refresh();
    }

    fn record_trained(&mut self) {
        self.refresh_with(Mode::Trained);
        let (max_error, mse) = errors(&self.psi, &self.f);
        let iteration = self.trainer.iteration();
        self.trained_errors.record(LossPoint {
            iteration,
            train: max_error,
            test: mse,
        });
        self.refresh();
    }

    /// Recomputes f on the grid for the current mode.
    fn refresh(&mut self) {
        self.refresh_with(self.mode);
    }

    fn refresh_with(&mut self, mode: Mode) {
        match mode {
            Mode::Trained => self
                .trainer
                .mlp()
                .predict_into(&self.xs, &mut self.ws, &mut self.f),
            Mode::Constructed => self.built.predict_into(&self.xs, &mut self.ws, &mut self.f),
        }
    }
}

impl Default for Lab {
    fn default() -> Lab {
        Lab::new()
    }
}
