//! The lecture's lessons that need computation of their own (pure Rust).

pub mod collapse;
