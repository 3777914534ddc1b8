//! Training: the model end to end (worked by hand, seeded runs, XOR,
//! divergence), the update rules and stop conditions, the confusion matrix,
//! the engine following the scalar f64 reference's trajectory, a full-batch
//! step shared in parts of the gradient, and the practical's recipe learning
//! MNIST digits.

mod divergence;
mod end_to_end;
mod metrics;
mod optimizers;
mod parts;
mod trajectory;

mod digits;
#[path = "../common/reference.rs"]
mod reference;

#[path = "../common/mnist.rs"]
mod mnist;
