//! Sentences and JSON about a run, for the page: kept out of `web` so that they
//! are tested natively.

use crate::train::settings::{Settings, Task};
use crate::train::Trainer;

/// "" when training is fine, else what went wrong and what to do about it.
pub fn status(trainer: &Trainer) -> String {
    use crate::train::guard::{Cause, BLOW_UP_FACTOR};
    let Some(d) = trainer.divergence() else {
        return String::new();
    };
    let seen = match d.cause {
        Cause::NonFinite(what) => format!("{what} became infinite or NaN"),
        Cause::BlowUp { loss, limit } => format!(
            "the training loss per sample reached {}, over the limit {} ({BLOW_UP_FACTOR} × its \
             starting value, or {BLOW_UP_FACTOR} if that is below 1)",
            number(loss),
            number(limit)
        ),
    };
    format!(
        "Training diverged at iteration {}: {seen}. Training stopped and went back to the \
         weights of iteration {}, the lowest training loss of the run (ℒ = {}). η = {} is too \
         large for this network and loss: lower η to continue from them, or press Reset.",
        d.iteration,
        d.kept_iteration,
        number(d.kept_loss),
        trainer.settings().eta
    )
}

/// A loss for a sentence: 4 significant digits, in exponent form when far
/// from 1 (a blown-up loss would otherwise print 36 digits).
fn number(x: f32) -> String {
    if x != 0.0 && !(1e-3..1e4).contains(&x.abs()) {
        format!("{x:.3e}")
    } else {
        format!("{}", (x * 1e4).round() / 1e4)
    }
}

/// Every setting, named as the page's address and the settings report name
/// them; optional members are left out where they do not apply.
#[derive(serde::Serialize)]
struct SettingsReport {
    dataset: String,
    points: usize,
    noise: f32,
    train_fraction: f32,
    data_seed: u64,
    hidden: Vec<usize>,
    hidden_activation: String,
    output_activation: String,
    loss: &'static str,
    reduction: &'static str,
    eta: f32,
    batch_size: usize,
    weight_seed: u64,
    features: String,
    /// Classes of the data: 2 (labels ±1), K, or 0 for real-valued targets.
    classes: usize,
    task: &'static str,
    optimizer: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    momentum_beta: Option<f32>,
    regularization: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lambda: Option<f32>,
    stop: &'static str,
    /// N epochs, or the target ℒ; only with a stop condition.
    #[serde(skip_serializing_if = "Option::is_none")]
    stop_value: Option<StopValue>,
}

/// A stop condition's value: a whole number of epochs or a loss.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum StopValue {
    Epochs(u32),
    Loss(f32),
}

/// Every setting as a JSON object: "dataset", "points", "noise",
/// "train_fraction", "data_seed", "hidden" […], the activations, "loss",
/// "reduction", "eta", "batch_size", "weight_seed", "features", "classes",
/// "task", "optimizer" (with "momentum_beta" for momentum), "regularization"
/// (with "lambda" for L1 and L2), "stop" (with "stop_value" for a stop).
pub fn settings_json(s: &Settings) -> String {
    use crate::train::optim::Optimizer;
    use crate::train::stop::StopCondition;
    let (classes, task) = match s.task {
        Task::Classification => (2, "classification"),
        Task::MultiClass(k) => (k, "classes"),
        Task::ClassOutputs(k) => (k, "class-outputs"),
        Task::Regression => (0, "regression"),
    };
    let report = SettingsReport {
        dataset: s.data.kind.to_string(),
        points: s.data.points,
        noise: s.data.noise,
        train_fraction: s.data.train_fraction,
        data_seed: s.data.seed,
        hidden: s.hidden.clone(),
        hidden_activation: s.hidden_activation.to_string(),
        output_activation: s.output_activation.to_string(),
        loss: s.loss.name(),
        reduction: s.reduction.name(),
        eta: s.eta,
        batch_size: s.batch_size,
        weight_seed: s.weight_seed,
        features: s.features.map_or_else(|| "none".to_string(), |f| f.to_string()),
        classes,
        task,
        optimizer: s.optimizer.name(),
        momentum_beta: match s.optimizer {
            Optimizer::Momentum { beta } => Some(beta),
            _ => None,
        },
        regularization: s.regularization.name(),
        lambda: s.regularization.lambda(),
        stop: s.stop.name(),
        stop_value: match s.stop {
            StopCondition::None => None,
            StopCondition::Epochs(n) => Some(StopValue::Epochs(n)),
            StopCondition::TargetLoss(l) => Some(StopValue::Loss(l)),
        },
    };
    // Numbers and fixed names only: serde_json cannot fail on them.
    serde_json::to_string(&report).unwrap_or_default()
}

// --- optim ---

/// "" while training may go on, else why it stopped by the user's own stop
/// condition and how to go on (distinct from `status`, which reports errors).
pub fn stop_status(trainer: &mut Trainer) -> String {
    use crate::train::stop::StopCondition;
    let Some(stopped) = trainer.stopped() else {
        return String::new();
    };
    let (iteration, epoch) = (trainer.iteration(), trainer.epoch());
    let reason = match stopped.condition {
        StopCondition::Epochs(n) => format!("the {n} epochs asked for are done"),
        StopCondition::TargetLoss(t) => format!(
            "the training loss ℒ = {} reached the target {t}",
            stopped.train_loss
        ),
        StopCondition::None => return String::new(),
    };
    format!(
        "Stopped at iteration {iteration} (epoch {epoch:.2}): {reason}. To train on, change or \
         remove the stop condition (Optimiser), or press Reset."
    )
}

/// A run's name for a ghost curve's legend: "Adam η=0.03", "GD η=0.1 L2 λ=0.01".
pub fn run_label(s: &Settings) -> String {
    let penalty = s.regularization.label();
    let mut label = format!("{} η={}", s.optimizer.label(), s.eta);
    if !penalty.is_empty() {
        label.push(' ');
        label.push_str(&penalty);
    }
    // Reset draws a new weight seed: the seed lets a run be replayed from the same w₀.
    label.push_str(&format!(" seed {}", s.weight_seed));
    label
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::regularization::Regularization;
    use crate::train::optim::Optimizer;
    use crate::train::stop::StopCondition;

    #[test]
    fn the_settings_json_is_valid_json_and_names_every_option() {
        let mut s = Settings::default();
        let text = settings_json(&s);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(v["optimizer"], "gd", "{text}");
        assert!(v.get("lambda").is_none() && v.get("stop_value").is_none());
        s.optimizer = Optimizer::Momentum { beta: 0.5 };
        s.regularization = Regularization::L2 { lambda: 0.01 };
        s.stop = StopCondition::Epochs(7);
        let text = settings_json(&s);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        for (key, want) in [("momentum_beta", "0.5"), ("lambda", "0.01"), ("stop_value", "7")] {
            assert!(
                v[key].is_number() && v[key] == want.parse::<f64>().unwrap(),
                "{key}: {text}"
            );
        }
        assert_eq!(v["regularization"], "l2", "{text}");
        assert_eq!(v["stop"], "epochs", "{text}");
    }

    #[test]
    fn each_name_parses_back_to_its_option() {
        for o in [
            Optimizer::GradientDescent,
            Optimizer::Momentum { beta: 0.5 },
            Optimizer::Adam,
        ] {
            assert_eq!(Optimizer::parse(o.name(), 0.5), Ok(o));
        }
        for r in [
            Regularization::None,
            Regularization::L1 { lambda: 0.5 },
            Regularization::L2 { lambda: 0.5 },
        ] {
            assert_eq!(Regularization::parse(r.name(), 0.5), Ok(r));
        }
        for c in [
            StopCondition::None,
            StopCondition::Epochs(5),
            StopCondition::TargetLoss(5.0),
        ] {
            assert_eq!(StopCondition::parse(c.name(), 5.0), Ok(c));
        }
    }
}
