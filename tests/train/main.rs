//! Training: the model end to end (worked by hand, seeded runs, XOR,
//! divergence), the update rules and stop conditions, the confusion matrix,
//! and the engine following the scalar f64 reference's trajectory.

mod divergence;
mod end_to_end;
mod metrics;
mod optimizers;
mod trajectory;

#[path = "../common/reference.rs"]
mod reference;
