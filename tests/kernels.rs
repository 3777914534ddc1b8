//! The optimised kernels against plain reference loops written from the
//! definitions, on random shapes (widths that are and are not multiples of
//! the SIMD width 4, and 0). f32 sums in a different order differ by
//! rounding: the tolerance is 1e-5 relative to the sum of |terms|.

use mlp_playground::matrix::{accumulate_outer, affine_rows, affine_rows_t, backprop_rows, transpose};
use mlp_playground::Activation;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const SHAPES: [(usize, usize, usize); 8] = [
    (1, 1, 1),
    (3, 2, 8),
    (10, 8, 8),
    (7, 5, 13),
    (4, 64, 1),
    (5, 1, 500),
    (9, 17, 33),
    (2, 0, 3),
];

fn random(n: usize, rng: &mut StdRng) -> Vec<f32> {
    (0..n).map(|_| rng.random_range(-2.0..2.0)).collect()
}

fn close(got: f32, want: f32, scale: f32) -> bool {
    (got - want).abs() <= 1e-5 * (1.0 + scale)
}

#[test]
fn both_forward_kernels_equal_the_definition() {
    let mut rng = StdRng::seed_from_u64(1);
    for (rows, inputs, outputs) in SHAPES {
        let (x, w, b) = (
            random(rows * inputs, &mut rng),
            random(outputs * inputs, &mut rng),
            random(outputs, &mut rng),
        );
        let mut wt = Vec::new();
        transpose(&w, inputs, &mut wt);
        for j in 0..inputs {
            for i in 0..outputs {
                assert_eq!(wt[j * outputs + i], w[i * inputs + j]);
            }
        }
        let (mut s1, mut s2) = (vec![9.0; rows * outputs], vec![9.0; rows * outputs]);
        affine_rows(&x, &w, &b, inputs, &mut s1);
        affine_rows_t(&x, &wt, &b, inputs, &mut s2);
        for n in 0..rows {
            for i in 0..outputs {
                let terms: Vec<f32> = (0..inputs)
                    .map(|j| w[i * inputs + j] * x[n * inputs + j])
                    .collect();
                let want = b[i] + terms.iter().sum::<f32>();
                let scale = b[i].abs() + terms.iter().map(|t| t.abs()).sum::<f32>();
                let (a, c) = (s1[n * outputs + i], s2[n * outputs + i]);
                assert!(
                    close(a, want, scale) && close(c, want, scale),
                    "{rows}x{inputs}x{outputs}"
                );
            }
        }
    }
}

#[test]
fn the_backward_kernels_equal_the_definition() {
    let mut rng = StdRng::seed_from_u64(2);
    for (rows, inputs, outputs) in SHAPES {
        let (ds, x, w) = (
            random(rows * outputs, &mut rng),
            random(rows * inputs, &mut rng),
            random(outputs * inputs, &mut rng),
        );
        let (mut dw, mut db) = (vec![0.0; outputs * inputs], vec![0.0; outputs]);
        accumulate_outer(&ds, &x, inputs, &mut dw, &mut db);
        let mut dx = vec![7.0; rows * inputs];
        backprop_rows(&ds, &w, inputs, &mut dx);
        for i in 0..outputs {
            let want_b: f32 = (0..rows).map(|n| ds[n * outputs + i]).sum();
            assert!(close(db[i], want_b, rows as f32 * 2.0));
            for j in 0..inputs {
                let want: f32 = (0..rows).map(|n| ds[n * outputs + i] * x[n * inputs + j]).sum();
                assert!(
                    close(dw[i * inputs + j], want, rows as f32 * 4.0),
                    "dw {rows}x{inputs}x{outputs}"
                );
            }
        }
        for n in 0..rows {
            for j in 0..inputs {
                let want: f32 = (0..outputs)
                    .map(|i| ds[n * outputs + i] * w[i * inputs + j])
                    .sum();
                assert!(
                    close(dx[n * inputs + j], want, outputs as f32 * 4.0),
                    "dx {rows}x{inputs}x{outputs}"
                );
            }
        }
    }
}

#[test]
fn slice_activations_equal_the_scalar_ones() {
    let mut rng = StdRng::seed_from_u64(3);
    let s = random(37, &mut rng);
    let dx = random(37, &mut rng);
    for act in Activation::ALL {
        let mut x = vec![0.0; 37];
        act.apply(&s, &mut x);
        let mut ds = vec![0.0; 37];
        act.backprop(&s, &x, &dx, &mut ds);
        for k in 0..37 {
            assert_eq!(x[k], act.value(s[k]), "{act}");
            assert!(
                (ds[k] - dx[k] * act.derivative(s[k])).abs() < 1e-6,
                "{act}: {} vs {}",
                ds[k],
                dx[k] * act.derivative(s[k])
            );
        }
    }
}

#[test]
fn blocked_inference_equals_the_training_forward_pass() {
    use mlp_playground::matrix::{affine_block, BLOCK};
    use mlp_playground::{Mlp, Workspace};
    let mut rng = StdRng::seed_from_u64(4);
    // The block kernel alone, transposed in and out, against the row kernel.
    for (_, inputs, outputs) in SHAPES {
        let (w, b) = (random(outputs * inputs, &mut rng), random(outputs, &mut rng));
        let x = random(BLOCK * inputs, &mut rng);
        let mut xt = vec![0.0; inputs * BLOCK];
        for k in 0..BLOCK {
            for j in 0..inputs {
                xt[j * BLOCK + k] = x[k * inputs + j];
            }
        }
        let (mut st, mut s) = (vec![0.0; outputs * BLOCK], vec![0.0; BLOCK * outputs]);
        affine_block(&xt, &w, &b, inputs, &mut st);
        affine_rows(&x, &w, &b, inputs, &mut s);
        for k in 0..BLOCK {
            for i in 0..outputs {
                assert!(close(st[i * BLOCK + k], s[k * outputs + i], 10.0 * inputs as f32));
            }
        }
    }
    // Whole networks, with row counts that are and are not multiples of BLOCK.
    let nets = [
        vec![2, 8, 8, 8, 1],
        vec![2, 64, 1],
        vec![1, 500, 1],
        vec![3, 5, 2],
        vec![1, 0, 1],
    ];
    for (sizes, act) in nets.iter().zip(Activation::ALL.iter().cycle()) {
        let mlp = Mlp::new(sizes, *act, Activation::Tanh, 9);
        for rows in [1, 15, 16, 17, 100] {
            let x = random(rows * sizes[0], &mut rng);
            let mut ws = Workspace::default();
            let want = mlp.forward(&x, &mut ws).to_vec();
            let mut got = vec![0.0; want.len()];
            mlp.predict_into(&x, &mut Workspace::default(), &mut got);
            for (g, w) in got.iter().zip(&want) {
                assert!((g - w).abs() < 1e-5, "{sizes:?} {act} rows {rows}: {g} vs {w}");
            }
        }
    }
}
