//! The charts, drawn through plotters on any backend (a canvas in the browser,
//! a bitmap in the native tests): the classifier's plot, the loss curves and
//! their legend, the universal-approximation plot, and the lesson tabs' charts;
//! `style` holds what they all share (font, colours, errors).

pub mod approx;
pub mod classifier;
pub mod gd1d;
pub mod legend;
pub mod logistic;
pub mod loss;
pub mod style;
