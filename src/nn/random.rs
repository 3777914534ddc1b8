//! Random draws shared by the weight initialisation, the data generators and
//! the lessons' samples: all from one seeded `StdRng`, so a seed gives the same
//! numbers on every machine and in wasm.

use rand::rngs::StdRng;
use rand::Rng;

/// One draw from N(0, 1) by the Box–Muller transform (no extra crate needed for
/// one formula).
pub fn standard_normal(rng: &mut StdRng) -> f32 {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    let u1: f64 = 1.0 - rng.random::<f64>();
    let u2: f64 = rng.random::<f64>();
    ((-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()) as f32
}

/// Every weight and bias of `mlp` drawn from N(0, std²) by `seed`, layer by
/// layer, weights before biases (the practical's initialisation, whose tiny
/// std makes the network start as almost the zero function).
pub fn draw_normal(mlp: &mut crate::nn::mlp::Mlp, std: f32, seed: u64) {
    use rand::SeedableRng;
    let mut rng = StdRng::seed_from_u64(seed);
    for layer in &mut mlp.layers {
        for p in layer.w.iter_mut().chain(layer.b.iter_mut()) {
            *p = std * standard_normal(&mut rng);
        }
    }
}
