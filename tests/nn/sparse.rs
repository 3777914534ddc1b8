//! The sparse first-layer kernels (inputs mostly at one background value, as
//! the normalised digits are) against the dense kernels and the definitions:
//! the same outputs and gradients up to rounding, whatever the widths, the
//! background, empty rows and the workspace's padding. The same tests run in
//! the browser's wasm (tests/web includes this file), on the wasm SIMD lanes.

use mlp_playground::nn::matrix::{affine_units, outer_rows};
use mlp_playground::nn::sparse::{SparseRows, SPARSE_MIN_WIDTH};
use mlp_playground::{Activation, Loss, Mlp, Reduction, Workspace};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// rows × width, row-major: each entry `background` with probability 1 − density,
/// else a random value; row 1 is all background (an empty sparse row).
fn mostly(rows: usize, width: usize, background: f32, density: f64, rng: &mut StdRng) -> Vec<f32> {
    let mut x = vec![background; rows * width];
    for (n, row) in x.chunks_exact_mut(width).enumerate() {
        for v in row.iter_mut() {
            if n != 1 && rng.random_bool(density) {
                *v = rng.random_range(-2.0..2.0);
            }
        }
    }
    x
}

fn close(got: f32, want: f32, scale: f32) -> bool {
    (got - want).abs() <= 1e-5 * (1.0 + scale)
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn only_wide_inputs_mostly_at_one_value_go_sparse() {
    let mut rng = StdRng::seed_from_u64(11);
    let digits_like = mostly(10, 784, -0.42, 0.2, &mut rng);
    let sparse = SparseRows::of_dense(&digits_like, 784).expect("mostly background");
    assert_eq!(sparse.background, -0.42);
    assert_eq!(sparse.rows(), 10);
    let differ = digits_like.iter().filter(|&&v| v != -0.42).count();
    assert_eq!(sparse.entries(), differ);
    // Half or less at one value, a narrow input, or nothing: dense.
    let half = mostly(10, 784, 0.0, 0.6, &mut rng);
    assert!(half.iter().filter(|&&v| v == 0.0).count() * 2 <= half.len());
    assert_eq!(SparseRows::of_dense(&half, 784), None);
    let narrow = vec![0.0; 10 * (SPARSE_MIN_WIDTH - 1)];
    assert_eq!(SparseRows::of_dense(&narrow, SPARSE_MIN_WIDTH - 1), None);
    assert_eq!(SparseRows::of_dense(&[], 784), None);
    // NaN entries never count as the background.
    let mut with_nan = vec![f32::NAN; 3 * 40];
    with_nan[..100].fill(1.0);
    assert_eq!(
        SparseRows::of_dense(&with_nan, 40).map(|s| s.background),
        Some(1.0)
    );
    // A slice holds the same rows.
    let part = sparse.slice(3..7);
    assert_eq!(
        part,
        SparseRows::of_dense(&digits_like[3 * 784..7 * 784], 784).unwrap()
    );
    assert_eq!(sparse.slice(4..4).rows(), 0);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn sparse_kernels_equal_the_dense_ones() {
    let mut rng = StdRng::seed_from_u64(12);
    // (rows, inputs, outputs): outputs below, at and past the 8-, 4- and
    // 1-vector tiles; rows that do and do not fill the padded stride.
    for (rows, inputs, outputs) in [
        (1, 32, 1),
        (5, 40, 3),
        (8, 64, 4),
        (13, 100, 13),
        (7, 784, 50),
        (3, 33, 37),
        (4, 50, 0),
    ] {
        for background in [0.0, -0.42, 1.5] {
            let x = mostly(rows, inputs, background, 0.2, &mut rng);
            let sparse = SparseRows::of_dense(&x, inputs).expect("mostly background");
            let stride = rows.div_ceil(4) * 4;
            let w: Vec<f32> = (0..outputs * inputs)
                .map(|_| rng.random_range(-1.0..1.0))
                .collect();
            let b: Vec<f32> = (0..outputs).map(|_| rng.random_range(-1.0..1.0)).collect();
            let scale = inputs as f32 * 4.0;

            // Forward: against the dense unit-major kernel on the same padded batch.
            let mut xu = vec![0.0; inputs * stride];
            for n in 0..rows {
                for j in 0..inputs {
                    xu[j * stride + n] = x[n * inputs + j];
                }
            }
            let (mut want, mut got, mut scratch) = (
                vec![0.0; outputs * stride],
                vec![9.0; outputs * stride],
                Vec::new(),
            );
            affine_units(&xu, &w, &b, stride, &mut want);
            sparse.affine_units(&w, &b, stride, &mut scratch, &mut got);
            for i in 0..outputs {
                for n in 0..rows {
                    let (g, e) = (got[i * stride + n], want[i * stride + n]);
                    assert!(
                        close(g, e, scale),
                        "{rows}×{inputs}→{outputs} c={background}: s[{i},{n}] {g} vs {e}"
                    );
                }
                // A padding column is an all-background sample.
                for n in rows..stride {
                    let e = b[i] + background * w[i * inputs..(i + 1) * inputs].iter().sum::<f32>();
                    assert!(close(got[i * stride + n], e, scale));
                }
            }

            // Backward: against the dense kernel, ds 0 in the padding columns.
            let mut ds = vec![0.0; outputs * stride];
            for i in 0..outputs {
                for n in 0..rows {
                    ds[i * stride + n] = rng.random_range(-1.0..1.0);
                }
            }
            let mut x_rows = x.clone();
            x_rows.resize(stride * inputs, 0.0);
            let (mut dw, mut db) = (vec![0.0; outputs * inputs], vec![0.0; outputs]);
            outer_rows(&ds, &x_rows, stride, &mut dw, &mut db);
            let (mut sdw, mut sdb) = (vec![7.0; outputs * inputs], vec![7.0; outputs]);
            sparse.outer(&ds, stride, &mut scratch, &mut sdw, &mut sdb);
            for (k, (g, e)) in sdw.iter().zip(&dw).enumerate() {
                assert!(
                    close(*g, *e, rows as f32 * 4.0),
                    "{rows}×{inputs}→{outputs} c={background}: dw[{k}] {g} vs {e}"
                );
            }
            for (g, e) in sdb.iter().zip(&db) {
                assert!(close(*g, *e, rows as f32), "db {g} vs {e}");
            }
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_network_on_a_sparse_input_gives_the_dense_outputs_and_gradients() {
    let mut rng = StdRng::seed_from_u64(13);
    for (sizes, act) in [
        (vec![64, 9, 3], Activation::Tanh),
        (vec![784, 50, 10], Activation::Relu),
    ] {
        let mlp = Mlp::new(&sizes, act, Activation::Identity, 5);
        let (rows, k) = (11, sizes[sizes.len() - 1]);
        let x = mostly(rows, sizes[0], -0.3, 0.25, &mut rng);
        let y: Vec<f32> = (0..rows * k).map(|_| rng.random_range(-1.0..1.0)).collect();
        let pass = |dense: bool| {
            let mut ws = Workspace::default();
            if dense {
                mlp.load_dense(&x, &mut ws);
            } else {
                mlp.load(&x, &mut ws);
            }
            assert_eq!(ws.sparse.is_some(), !dense);
            let out = mlp.forward_loaded(&mut ws).to_vec();
            let mut d = vec![0.0; out.len()];
            Loss::Mse.evaluate_with_gradient(Reduction::Sum, &out, &y, k, &mut d);
            let mut grads = mlp.zero_gradients();
            mlp.backward(&d, &mut ws, &mut grads);
            (out, grads)
        };
        let ((out, grads), (want_out, want_grads)) = (pass(false), pass(true));
        for (g, e) in out.iter().zip(&want_out) {
            assert!((g - e).abs() < 1e-4, "{sizes:?}: output {g} vs {e}");
        }
        for (l, (g, e)) in grads.layers.iter().zip(&want_grads.layers).enumerate() {
            let scale = 1.0 + e.w.iter().chain(&e.b).fold(0.0_f32, |m, v| m.max(v.abs()));
            for (a, b) in g.w.iter().chain(&g.b).zip(e.w.iter().chain(&e.b)) {
                assert!((a - b).abs() < 1e-4 * scale, "{sizes:?} layer {l}: {a} vs {b}");
            }
        }
    }
}
