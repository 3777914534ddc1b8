//! The optimised kernels against plain reference loops written from the
//! definitions, on random shapes (widths that are and are not multiples of
//! the SIMD width 4, and 0). f32 sums in a different order differ by
//! rounding: the tolerance is 1e-5 relative to the sum of |terms|. The last
//! shapes are large enough for the register tiles (4 outputs × 8 samples
//! forward, 4 outputs × 2 inputs backward) with and without tails on every side.
//! The same tests run natively and in the browser's wasm (tests/web includes
//! this file), where the forward tile is written in wasm SIMD.

use mlp_playground::nn::matrix::{affine_rows, affine_units, backprop_units, outer_rows, outer_units};
use mlp_playground::Activation;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const SHAPES: [(usize, usize, usize); 12] = [
    (1, 1, 1),
    (3, 2, 8),
    (10, 8, 8),
    (7, 5, 13),
    (4, 64, 1),
    (5, 1, 500),
    (9, 17, 33),
    (2, 0, 3),
    (16, 8, 4),
    (24, 37, 10),
    (13, 3, 7),
    (40, 784, 6),
];

fn random(n: usize, rng: &mut StdRng) -> Vec<f32> {
    (0..n).map(|_| rng.random_range(-2.0..2.0)).collect()
}

fn close(got: f32, want: f32, scale: f32) -> bool {
    (got - want).abs() <= 1e-5 * (1.0 + scale)
}

/// The element (sample n, unit i) of a row-major (rows × width) matrix.
fn row_major(m: &[f32], width: usize, n: usize, i: usize) -> f32 {
    m[n * width + i]
}

/// The same element of a unit-major (width × rows) matrix.
fn unit_major(m: &[f32], rows: usize, n: usize, i: usize) -> f32 {
    m[i * rows + n]
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn both_forward_kernels_equal_the_definition() {
    let mut rng = StdRng::seed_from_u64(1);
    for (rows, inputs, outputs) in SHAPES {
        let (x, w, b) = (
            random(rows * inputs, &mut rng),
            random(outputs * inputs, &mut rng),
            random(outputs, &mut rng),
        );
        // The same samples unit-major.
        let mut xu = vec![0.0; inputs * rows];
        for n in 0..rows {
            for j in 0..inputs {
                xu[j * rows + n] = x[n * inputs + j];
            }
        }
        let (mut s1, mut s2) = (vec![9.0; rows * outputs], vec![9.0; outputs * rows]);
        affine_rows(&x, &w, &b, inputs, &mut s1);
        affine_units(&xu, &w, &b, rows, &mut s2);
        for n in 0..rows {
            for i in 0..outputs {
                let terms: Vec<f32> = (0..inputs)
                    .map(|j| w[i * inputs + j] * x[n * inputs + j])
                    .collect();
                let want = b[i] + terms.iter().sum::<f32>();
                let scale = b[i].abs() + terms.iter().map(|t| t.abs()).sum::<f32>();
                let (a, c) = (row_major(&s1, outputs, n, i), unit_major(&s2, rows, n, i));
                assert!(
                    close(a, want, scale) && close(c, want, scale),
                    "{rows}x{inputs}x{outputs}"
                );
            }
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_backward_kernels_equal_the_definition() {
    let mut rng = StdRng::seed_from_u64(2);
    for (rows, inputs, outputs) in SHAPES {
        // Unit-major: ds is (outputs × rows), x (inputs × rows).
        let (ds, x, w) = (
            random(outputs * rows, &mut rng),
            random(inputs * rows, &mut rng),
            random(outputs * inputs, &mut rng),
        );
        let (mut dw, mut db) = (vec![7.0; outputs * inputs], vec![7.0; outputs]);
        outer_units(&ds, &x, rows, &mut dw, &mut db);
        // The first layer's form: the same x row-major.
        let mut x_rows = vec![0.0; rows * inputs];
        for n in 0..rows {
            for j in 0..inputs {
                x_rows[n * inputs + j] = x[j * rows + n];
            }
        }
        let (mut dw_rows, mut db_rows) = (vec![7.0; outputs * inputs], vec![7.0; outputs]);
        outer_rows(&ds, &x_rows, rows, &mut dw_rows, &mut db_rows);
        let mut dx = vec![7.0; inputs * rows];
        backprop_units(&ds, &w, rows, &mut dx);
        let d = |n, i| unit_major(&ds, rows, n, i);
        for i in 0..outputs {
            let want_b: f32 = (0..rows).map(|n| d(n, i)).sum();
            assert!(close(db[i], want_b, rows as f32 * 2.0));
            assert!(close(db_rows[i], want_b, rows as f32 * 2.0));
            for j in 0..inputs {
                let want: f32 = (0..rows).map(|n| d(n, i) * unit_major(&x, rows, n, j)).sum();
                assert!(
                    close(dw[i * inputs + j], want, rows as f32 * 4.0),
                    "dw {rows}x{inputs}x{outputs}"
                );
                assert!(
                    close(dw_rows[i * inputs + j], want, rows as f32 * 4.0),
                    "dw from rows {rows}x{inputs}x{outputs}"
                );
            }
        }
        for n in 0..rows {
            for j in 0..inputs {
                let want: f32 = (0..outputs).map(|i| d(n, i) * w[i * inputs + j]).sum();
                assert!(
                    close(unit_major(&dx, rows, n, j), want, outputs as f32 * 4.0),
                    "dx {rows}x{inputs}x{outputs}"
                );
            }
        }
    }
}

/// The workspace pads a batch to a multiple of the SIMD width: the padding
/// must add nothing. A batch's gradient is the sum of its samples' gradients,
/// each computed alone (1 sample, 3 padding columns).
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_batch_gradient_is_the_sum_of_its_samples_whatever_the_padding() {
    use mlp_playground::{Mlp, Workspace};
    let mut rng = StdRng::seed_from_u64(5);
    let mlp = Mlp::new(&[3, 5, 4, 2], Activation::Tanh, Activation::Identity, 3);
    for rows in [1, 2, 4, 7, 10, 13] {
        let x = random(rows * 3, &mut rng);
        let d = random(rows * 2, &mut rng);
        let mut ws = Workspace::default();
        let mut batch = mlp.zero_gradients();
        mlp.forward(&x, &mut ws);
        mlp.backward(&d, &mut ws, &mut batch);
        let mut sum = mlp.zero_gradients();
        let mut one = mlp.zero_gradients();
        for n in 0..rows {
            // The same workspace, reused at another size: stale padding must not leak in.
            mlp.forward(&x[n * 3..(n + 1) * 3], &mut ws);
            mlp.backward(&d[n * 2..(n + 1) * 2], &mut ws, &mut one);
            for (s, o) in sum.layers.iter_mut().zip(&one.layers) {
                s.w.iter_mut().zip(&o.w).for_each(|(a, b)| *a += b);
                s.b.iter_mut().zip(&o.b).for_each(|(a, b)| *a += b);
            }
        }
        for (a, b) in batch.layers.iter().zip(&sum.layers) {
            for (p, q) in a.w.iter().chain(&a.b).zip(b.w.iter().chain(&b.b)) {
                assert!((p - q).abs() < 1e-5 * (1.0 + q.abs()), "rows {rows}: {p} vs {q}");
            }
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
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

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn blocked_inference_equals_the_training_forward_pass() {
    use mlp_playground::nn::matrix::{affine_block, BLOCK};
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
