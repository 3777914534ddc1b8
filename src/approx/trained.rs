//! The trained mode's set-up: the Trainer's settings for a [1, K, 1] network,
//! and the samples of ψ it learns from (with the dense grid as its test set).

use super::lab::{Samples, MAX_UNITS};
use super::target::Target;
use super::INTERVAL;
use crate::data::{Dataset, Split};
use crate::nn::random::standard_normal;
use crate::train::settings::{Init, Settings, Task};
use crate::{Activation, Loss, Reduction};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The trained mode's settings: [1, K, 1], identity output, MSE mean, η = 0.05,
/// full batch, units spread over the interval.
pub(super) fn trained_settings(k: usize, act: Activation) -> Settings {
    Settings {
        task: Task::Regression,
        inputs: 1,
        init: Init::Spread {
            lo: INTERVAL.0,
            hi: INTERVAL.1,
        },
        hidden: vec![k],
        hidden_activation: act,
        output_activation: Activation::Identity,
        loss: Loss::Mse,
        reduction: Reduction::Mean,
        eta: 0.05,
        batch_size: 0,
        max_width: MAX_UNITS,
        ..Settings::default()
    }
}

/// Training samples from ψ, and the dense grid (noise-free ψ) as the "test"
/// set, so the Trainer's test loss is the MSE against ψ itself.
pub(super) fn split_of(target: &Target, s: &Samples, xs: &[f32], psi: &[f32]) -> Split {
    let mut rng = StdRng::seed_from_u64(s.seed);
    let (lo, hi) = INTERVAL;
    let mut train = Dataset {
        dim: 1,
        ..Dataset::default()
    };
    for _ in 0..s.n {
        let x = rng.random_range(lo..=hi);
        train.inputs.push(x);
        train
            .labels
            .push(target.value(x) + s.noise * standard_normal(&mut rng));
    }
    let test = Dataset {
        dim: 1,
        inputs: xs.to_vec(),
        labels: psi.to_vec(),
    };
    Split { train, test }
}
