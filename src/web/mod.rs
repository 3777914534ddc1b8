//! The only module that knows the browser: one wasm-bindgen handle per view
//! (large state stays in Rust; JavaScript gets small answers and calls
//! setters) and the helpers they share. Every error becomes a `JsError`
//! carrying a sentence for the user, and a refused setting changes nothing.
//!
//! Two cargo features split the handles into two wasm modules (the page loads
//! the lessons' one only when a lesson tab is opened): `classifier-view` gives
//! `ClassifierView` and the page-level functions (`limits`, `fresh_seed`, and
//! the benchmark's `bench_matmul`); `lesson-views` gives the lesson tabs'
//! `ApproxView`, `Gd1dView`, `LogisticView` and `DigitsView` (whose digits
//! the page fetches only when that view is first opened). (lib.rs compiles this module
//! only with at least one of them.) Each helper below used by one view's
//! handles only is compiled only with that feature.

#[cfg(feature = "lesson-views")]
pub mod approx;
#[cfg(feature = "classifier-view")]
pub mod bench;
pub mod canvas;
#[cfg(feature = "classifier-view")]
pub mod classifier;
#[cfg(feature = "lesson-views")]
pub mod digits;
#[cfg(feature = "lesson-views")]
pub mod gd1d;
#[cfg(feature = "lesson-views")]
pub mod logistic;

#[cfg(feature = "lesson-views")]
pub use approx::ApproxView;
#[cfg(feature = "classifier-view")]
pub use classifier::ClassifierView;
#[cfg(feature = "lesson-views")]
pub use digits::DigitsView;
#[cfg(feature = "lesson-views")]
pub use gd1d::Gd1dView;
#[cfg(feature = "lesson-views")]
pub use logistic::LogisticView;

#[cfg(feature = "classifier-view")]
use crate::data::POINTS_RANGE;
#[cfg(feature = "classifier-view")]
use crate::train::settings::{ETA_RANGE, MAX_LAYERS, MAX_WIDTH};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// A sentence for the user, as the error JavaScript sees.
fn js_err(message: String) -> JsError {
    JsError::new(&message)
}

/// Parses a setting's name, the error being a sentence for the user.
fn parse<T: std::str::FromStr<Err = String>>(s: &str) -> Result<T, JsError> {
    s.parse().map_err(js_err)
}

/// A fresh random seed from the operating system, for a user who asks for one.
#[cfg(feature = "classifier-view")]
#[wasm_bindgen]
pub fn fresh_seed() -> Result<u32, JsError> {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).map_err(|e| js_err(format!("No random seed available: {e}.")))?;
    Ok(u32::from_le_bytes(bytes))
}

/// The limits the core accepts, as JSON, so the page's controls agree with it.
#[cfg(feature = "classifier-view")]
#[wasm_bindgen]
pub fn limits() -> String {
    /// The limits, named as the page reads them.
    #[derive(serde::Serialize)]
    struct Limits {
        max_layers: usize,
        max_width: usize,
        max_points: usize,
        min_points: usize,
        eta_min: f32,
        eta_max: f32,
    }
    to_json(&Limits {
        max_layers: MAX_LAYERS,
        max_width: MAX_WIDTH,
        max_points: POINTS_RANGE.1,
        min_points: POINTS_RANGE.0,
        eta_min: ETA_RANGE.0,
        eta_max: ETA_RANGE.1,
    })
}

/// The η of a one-parameter lesson (gradient descent in 1D, logistic
/// regression), from 1e-4 to 10, or the sentence refusing it.
#[cfg(feature = "lesson-views")]
fn lesson_eta(eta: f64) -> Result<f64, JsError> {
    if eta.is_finite() && (1e-4..=10.0).contains(&eta) {
        Ok(eta)
    } else {
        Err(js_err(format!("η must be between 1e-4 and 10 (got {eta}).")))
    }
}

/// A structured answer for JavaScript, as JSON (which `JSON.parse` reads):
/// every handle answers this one way. Non-finite numbers become null.
fn to_json<T: serde::Serialize>(value: &T) -> String {
    // The answers are plain structs of numbers, strings and vectors of them,
    // for which serde_json cannot fail.
    serde_json::to_string(value).unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string())
}

/// The 2D drawing context of a canvas, or a sentence saying there is none.
fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(no_canvas)
}

/// Puts an RGBA picture of `width` × `height` pixels on `canvas` at (0, 0),
/// the canvas sized to the picture first (left alone when it already is): the
/// boundary's heatmap, the diagram's thumbnails and the Digits pictures all
/// reach the page this way. `what` names the picture in the sentence for a
/// browser that refuses it.
fn put_rgba(
    canvas: &HtmlCanvasElement,
    rgba: &[u8],
    width: u32,
    height: u32,
    what: &str,
) -> Result<(), String> {
    if (canvas.width(), canvas.height()) != (width, height) {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    let refused = || format!("The browser refused to draw {what}.");
    let data =
        ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height).map_err(|_| refused())?;
    context_2d(canvas)
        .map_err(|_| refused())?
        .put_image_data(&data, 0.0, 0.0)
        .map_err(|_| refused())
}

/// The error for a canvas that cannot be drawn on.
fn no_canvas() -> JsError {
    js_err("This canvas has no 2D drawing context; the chart cannot be drawn.".into())
}

/// Device pixels per CSS pixel: charts scale their fonts and lines by it.
///
/// Times the page's chart emphasis: the `data-chart-emphasis` attribute of
/// `<html>` (1 to 3; presentation mode sets it for the back row of a class), so
/// every chart's text, lines and points grow by that factor while the canvas
/// keeps its size. Both wasm modules read it here, at each draw.
fn device_pixel_ratio() -> f32 {
    let window = web_sys::window();
    let ratio = window
        .as_ref()
        .map_or(1.0, |w| w.device_pixel_ratio() as f32)
        .clamp(1.0, 4.0);
    let emphasis = window
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("data-chart-emphasis"))
        .and_then(|text| text.parse::<f32>().ok())
        .filter(|e| e.is_finite())
        .map_or(1.0, |e| e.clamp(1.0, 3.0));
    ratio * emphasis
}

/// A JS number that must be a whole, non-negative value.
fn whole(v: f64, what: &str) -> Result<u64, JsError> {
    if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= 9.0e15 {
        Ok(v as u64)
    } else {
        Err(js_err(format!(
            "{what} must be a whole number of at least 0 (got {v})."
        )))
    }
}

/// A seed: a whole number from 0 to 2³² − 1.
fn seed_of(v: f64, what: &str) -> Result<u64, JsError> {
    let s = whole(v, what)?;
    if s > u64::from(u32::MAX) {
        return Err(js_err(format!("{what} must be at most 4294967295 (got {v}).")));
    }
    Ok(s)
}
