//! The data: the generated data sets (two classes, K classes, regression),
//! the input features x(0) = φ(x₁, x₂) the network trains on, and the MNIST
//! digits of the practical (reading, split, normalisation, drawings).

mod datasets;
mod digits;
mod features;
mod multiclass;
mod regression;

#[path = "../common/mnist.rs"]
mod mnist;
