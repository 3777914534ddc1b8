//! When training stops by itself: after a number of epochs, or once the
//! training loss ℒ reaches a target.
//!
//! A condition is checked before every update, so training stops exactly
//! there (the update that would pass it is not made). Nothing is latched:
//! while the condition holds, `Trainer::step` does nothing and says why;
//! raising the epoch count, lowering the target, choosing "none" or pressing
//! Reset (back to epoch 0) lets training continue. Divergence is separate: it
//! is an error, a stop condition is the user's own request.

/// The largest epoch count the page accepts.
pub const MAX_EPOCHS: u32 = 1_000_000;

/// A condition that ends training.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StopCondition {
    /// Train until paused.
    None,
    /// Stop once this many passes over the training set are done.
    Epochs(u32),
    /// Stop once ℒ on the training set (the data loss, without penalty) is at
    /// most this value.
    TargetLoss(f32),
}

/// Which condition stopped training, and where.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stopped {
    /// The condition that holds.
    pub condition: StopCondition,
    /// The training loss ℒ there.
    pub train_loss: f32,
}

crate::named_enum!(
    StopCondition,
    "stop condition",
    NAMED = [None = "none", Epochs(1) = "epochs", TargetLoss(1.0) = "loss"]
);

impl StopCondition {
    /// Parses the page's names "none", "epochs" (N = `value`) and "loss"
    /// (target = `value`).
    pub fn parse(name: &str, value: f64) -> Result<StopCondition, String> {
        let c = match name.parse()? {
            StopCondition::None => StopCondition::None,
            StopCondition::Epochs(_) => {
                if value.fract() != 0.0 || !(1.0..=f64::from(MAX_EPOCHS)).contains(&value) {
                    return Err(format!(
                        "The number of epochs must be a whole number between 1 and {MAX_EPOCHS} (got {value})."
                    ));
                }
                StopCondition::Epochs(value as u32)
            }
            StopCondition::TargetLoss(_) => StopCondition::TargetLoss(value as f32),
        };
        c.validate()?;
        Ok(c)
    }

    /// Checks the target loss: a finite number above 0 (ℒ ≥ 0 never reaches
    /// a negative target, and 0 only by luck).
    pub fn validate(&self) -> Result<(), String> {
        match *self {
            StopCondition::TargetLoss(t) if !(t.is_finite() && t > 0.0) => {
                Err(format!("The target loss must be a number above 0 (got {t})."))
            }
            StopCondition::Epochs(0) => Err("The number of epochs must be at least 1.".into()),
            _ => Ok(()),
        }
    }

    /// Whether training must stop, given the samples seen, the training-set
    /// size and the training loss (only asked for when a target is set).
    pub fn reached(&self, samples_seen: u64, train_size: usize, train_loss: impl FnOnce() -> f32) -> bool {
        match *self {
            StopCondition::None => false,
            StopCondition::Epochs(n) => samples_seen >= u64::from(n) * train_size as u64,
            StopCondition::TargetLoss(t) => train_loss() <= t,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_checks() {
        assert_eq!(
            StopCondition::parse("epochs", 50.0),
            Ok(StopCondition::Epochs(50))
        );
        assert!(StopCondition::parse("epochs", 2.5)
            .unwrap_err()
            .contains("whole number"));
        assert!(StopCondition::parse("epochs", 0.0).is_err());
        assert!(StopCondition::parse("loss", 0.0).unwrap_err().contains("above 0"));
        assert!(StopCondition::parse("loss", f64::NAN).is_err());
        assert!(StopCondition::parse("later", 1.0)
            .unwrap_err()
            .contains("none, epochs or loss"));
        assert_eq!(StopCondition::parse("none", f64::NAN), Ok(StopCondition::None));
    }

    #[test]
    fn epochs_count_samples() {
        let c = StopCondition::Epochs(2);
        assert!(!c.reached(199, 100, || 0.0));
        assert!(c.reached(200, 100, || 0.0));
        assert!(StopCondition::TargetLoss(0.1).reached(0, 100, || 0.1));
        assert!(!StopCondition::TargetLoss(0.1).reached(0, 100, || 0.2));
    }
}
