//! The wasm-bindgen handle of the universal-approximation view; its two
//! curve charts are drawn in `charts.rs`.

mod charts;

use super::canvas::Canvas;
use super::{device_pixel_ratio, js_err, parse, seed_of, whole};
use crate::approx::lab::{Lab, Mode, Samples, MAX_UNITS};
use crate::approx::target::Target;
use crate::approx::unit_params;
use crate::io::report;
use crate::render::charts::approx::{draw_approx, ApproxOptions, PlotLayout};
use crate::Activation;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The universal-approximation view: a Lab (both modes) and where its plot
/// was last drawn.
#[wasm_bindgen]
pub struct ApproxView {
    lab: Lab,
    target_seed: u64,
    layout: Option<PlotLayout>,
    /// The last curve drawn, so choosing "drawn" again brings it back.
    drawn: Option<Target>,
}

#[wasm_bindgen]
impl ApproxView {
    /// sin, 20 tanh units, trained mode (see `Lab::new`).
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> ApproxView {
        ApproxView {
            lab: Lab::new(),
            target_seed: 1,
            layout: None,
            drawn: None,
        }
    }

    /// The target by name; "smooth" uses the target seed.
    pub fn set_target(&mut self, kind: &str) -> Result<(), JsError> {
        if kind == "drawn" {
            let drawn = self.drawn.clone();
            return match drawn {
                Some(t) => {
                    self.lab.set_target(t);
                    Ok(())
                }
                None => Target::named(kind, self.target_seed).map(|_| ()).map_err(js_err),
            };
        }
        let target = Target::named(kind, self.target_seed).map_err(js_err)?;
        self.lab.set_target(target);
        Ok(())
    }

    /// The seed of the random smooth target (applied when it is the target).
    pub fn set_target_seed(&mut self, seed: f64) -> Result<(), JsError> {
        self.target_seed = seed_of(seed, "The target seed")?;
        if let Target::Smooth { .. } = self.lab.target() {
            self.lab.set_target(Target::smooth(self.target_seed));
        }
        Ok(())
    }

    /// ψ through drawn points (data coordinates), constant beyond them.
    pub fn set_drawn_target(&mut self, xs: Vec<f64>, ys: Vec<f64>) -> Result<(), JsError> {
        let target = Target::drawn(&xs, &ys).map_err(js_err)?;
        self.drawn = Some(target.clone());
        self.lab.set_target(target);
        Ok(())
    }

    /// The drawn curve's code for the address ("" when none was drawn).
    pub fn drawn_code(&self) -> String {
        self.drawn
            .as_ref()
            .and_then(Target::drawn_code)
            .unwrap_or_default()
    }

    /// Keeps the curve of an address's code as the drawn ψ (chosen by
    /// set_target("drawn")); a bad code is refused with a sentence.
    pub fn set_drawn_code(&mut self, code: &str) -> Result<(), JsError> {
        self.drawn = Some(Target::from_drawn_code(code).map_err(js_err)?);
        Ok(())
    }

    /// K of the trained mode, whichever mode is shown (for the address).
    pub fn trained_units(&self) -> usize {
        self.lab.trainer().settings().hidden[0]
    }

    /// K for the current mode.
    pub fn set_units(&mut self, k: f64) -> Result<(), JsError> {
        let k = whole(k, "K")?.min(MAX_UNITS as u64 + 1) as usize;
        self.lab.set_units(k).map_err(js_err)
    }

    /// σ of the hidden units (both modes rebuild).
    pub fn set_activation(&mut self, name: &str) -> Result<(), JsError> {
        let act: Activation = parse(name)?;
        self.lab.set_activation(act).map_err(js_err)
    }

    /// Sample count, noise and seed; the trained model restarts.
    pub fn set_samples(&mut self, n: f64, noise: f64, seed: f64) -> Result<(), JsError> {
        let n = whole(n, "The number of samples")?.min(1 << 20) as usize;
        let samples = Samples {
            n,
            noise: noise as f32,
            seed: seed_of(seed, "The sample seed")?,
        };
        self.lab.set_samples(samples).map_err(js_err)
    }

    /// "trained" or "constructed"; each keeps its own state.
    pub fn set_mode(&mut self, mode: &str) -> Result<(), JsError> {
        let mode = match mode {
            "trained" => Mode::Trained,
            "constructed" => Mode::Constructed,
            _ => {
                return Err(js_err(format!(
                    "Unknown mode \"{mode}\": choose trained or constructed."
                )))
            }
        };
        self.lab.set_mode(mode);
        Ok(())
    }

    /// The current mode's name.
    pub fn mode(&self) -> String {
        match self.lab.mode() {
            Mode::Trained => "trained".into(),
            Mode::Constructed => "constructed".into(),
        }
    }

    /// η of the trained mode.
    pub fn set_learning_rate(&mut self, eta: f64) -> Result<(), JsError> {
        self.lab.trainer_mut().set_eta(eta as f32).map_err(js_err)
    }

    /// Batch size of the trained mode (0 = full batch).
    pub fn set_batch_size(&mut self, k: f64) -> Result<(), JsError> {
        let k = whole(k, "The batch size")?;
        self.lab
            .trainer_mut()
            .set_batch_size(k.min(u64::from(u32::MAX)) as usize);
        Ok(())
    }

    /// Weight seed of the trained mode; it restarts.
    pub fn set_weight_seed(&mut self, seed: f64) -> Result<(), JsError> {
        let seed = seed_of(seed, "The weight seed")?;
        self.lab.trainer_mut().set_weight_seed(seed);
        self.lab.restart_trained_errors();
        Ok(())
    }

    /// Trained: restart from the weight seed. Constructed: no unit.
    pub fn reset(&mut self) {
        self.lab.reset();
    }

    /// Trained: up to `steps` updates. Constructed: one more unit.
    pub fn train(&mut self, steps: u32) -> u32 {
        self.lab.step(steps)
    }

    /// Draws the plot, the loss curve and the error curve; any canvas may be
    /// absent. `highlight` is a unit index or −1.
    pub fn draw(
        &mut self,
        plot: Option<HtmlCanvasElement>,
        loss: Option<HtmlCanvasElement>,
        error: Option<HtmlCanvasElement>,
        show_units: bool,
        highlight: i32,
        log_scale: bool,
    ) -> Result<(), JsError> {
        let scale = device_pixel_ratio();
        if let Some(canvas) = plot {
            let backend = Canvas::new(canvas)?;
            let samples = self.shown_samples();
            let mlp = self.lab.mlp();
            let highlight = usize::try_from(highlight).ok();
            let options = ApproxOptions {
                scale,
                show_units,
                highlight,
            };
            let curves = (self.lab.xs(), self.lab.psi(), self.lab.f());
            self.layout = Some(draw_approx(backend, mlp, &samples, curves, options).map_err(js_err)?);
        }
        if let Some(canvas) = loss {
            let backend = Canvas::new(canvas)?;
            self.draw_loss(backend, log_scale, scale)?;
        }
        if let Some(canvas) = error {
            let backend = Canvas::new(canvas)?;
            self.draw_error(backend, scale)?;
        }
        Ok(())
    }

    /// The unit whose term passes nearest canvas pixel (px, py) of the last
    /// drawn plot, within 8 CSS pixels; −1 if none.
    pub fn unit_at(&self, px: f64, py: f64) -> i32 {
        let Some(layout) = self.layout else { return -1 };
        let tolerance = 8.0 * f64::from(device_pixel_ratio());
        layout
            .unit_at(self.lab.mlp(), px, py, tolerance)
            .map_or(-1, |k| k as i32)
    }

    /// Unit k's parameters as JSON {"k","w","b","omega"}.
    pub fn unit_info(&self, k: f64) -> Result<String, JsError> {
        let k = whole(k, "The unit index")? as usize;
        if k >= self.lab.units() {
            return Err(js_err(format!("There is no unit {k}: K = {}.", self.lab.units())));
        }
        let (w, b, omega) = unit_params(self.lab.mlp(), k);
        Ok(format!(
            "{{\"k\":{k},\"w\":{},\"b\":{},\"omega\":{}}}",
            num(w),
            num(b),
            num(omega)
        ))
    }

    /// Data x of a canvas pixel column of the last drawn plot.
    pub fn data_x(&self, px: f64) -> f64 {
        self.layout.map_or(f64::NAN, |l| l.data_x(px))
    }

    /// Data y of a canvas pixel row of the last drawn plot.
    pub fn data_y(&self, py: f64) -> f64 {
        self.layout.map_or(f64::NAN, |l| l.data_y(py))
    }

    /// K of the current mode.
    pub fn units(&self) -> usize {
        self.lab.units()
    }

    /// max_x |ψ(x) − f(x)| on the dense grid.
    pub fn max_error(&self) -> f64 {
        f64::from(self.lab.errors().0)
    }

    /// Mean of (ψ − f)² on the dense grid.
    pub fn mse(&self) -> f64 {
        f64::from(self.lab.errors().1)
    }

    /// Updates of the trained mode since its last restart.
    pub fn iteration(&self) -> f64 {
        self.lab.trainer().iteration() as f64
    }

    /// MSE on the samples (the trained mode's training loss).
    pub fn train_loss(&self) -> f64 {
        self.lab
            .trainer()
            .history()
            .points()
            .last()
            .map_or(f64::NAN, |p| f64::from(p.train))
    }

    /// True when the trained mode stopped on a non-finite value.
    pub fn diverged(&self) -> bool {
        self.lab.mode() == Mode::Trained && self.lab.trainer().divergence().is_some()
    }

    /// "" when all is well, else a sentence for the user.
    pub fn status(&self) -> String {
        if self.lab.mode() == Mode::Constructed && self.lab.units() >= MAX_UNITS {
            return format!("The construction has reached its maximum of {MAX_UNITS} units.");
        }
        match self.lab.mode() {
            Mode::Trained => report::status(self.lab.trainer()),
            Mode::Constructed => String::new(),
        }
    }

    /// Number of weights and biases of the current mode's network.
    pub fn param_count(&self) -> usize {
        self.lab.mlp().param_count()
    }

    /// Every setting of the view, as JSON.
    pub fn settings_json(&self) -> String {
        let s = self.lab.samples();
        let t = self.lab.trainer().settings();
        format!(
            concat!(
                "{{\"mode\":\"{}\",\"target\":\"{}\",\"target_seed\":{},\"units\":{},\"activation\":\"{}\",",
                "\"samples\":{},\"noise\":{},\"sample_seed\":{},\"eta\":{},\"batch_size\":{},\"weight_seed\":{}}}"
            ),
            self.mode(),
            self.lab.target().name(),
            self.target_seed,
            self.lab.units(),
            self.lab.activation(),
            s.n,
            s.noise,
            s.seed,
            t.eta,
            t.batch_size,
            t.weight_seed
        )
    }
}

/// A finite number as JSON (non-finite ones become null).
fn num(v: f32) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        "null".into()
    }
}
