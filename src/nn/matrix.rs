//! The dense kernels of the batched forward and backward passes.
//!
//! Storage convention: a weight matrix w(l) has shape
//! (out × in), row-major, as in the lecture's column convention s = w x + b.
//! The training passes keep a batch unit-major, X = [x₁ … x_N] (row i holds
//! unit i of every sample: the `*_units` kernels); the loss and the page see
//! a batch as N rows, row-major (`affine_rows`, the roofline's kernel); the
//! inference kernel works on transposed blocks of `BLOCK` samples. Every inner
//! loop runs over contiguous memory, which is what lets the compiler
//! vectorise it.

/// s = x wᵀ + b for every row: s[n, i] = b[i] + Σ_j w[i, j] x[n, j].
///
/// `x` is (n × inputs), `w` is (outputs × inputs), `s` is (n × outputs).
pub fn affine_rows(x: &[f32], w: &[f32], b: &[f32], inputs: usize, s: &mut [f32]) {
    let outputs = b.len();
    debug_assert_eq!(w.len(), outputs * inputs);
    // A layer without units (a construction at K = 0) has nothing to compute;
    // one without inputs outputs its bias.
    if outputs == 0 {
        return;
    }
    if inputs == 0 {
        s.chunks_exact_mut(outputs).for_each(|row| row.copy_from_slice(b));
        return;
    }
    for (x_row, s_row) in x.chunks_exact(inputs).zip(s.chunks_exact_mut(outputs)) {
        for ((s_i, w_row), &b_i) in s_row.iter_mut().zip(w.chunks_exact(inputs)).zip(b) {
            *s_i = b_i + dot(w_row, x_row);
        }
    }
}

/// Rows per block of `affine_block`: four SIMD vectors of f32.
pub const BLOCK: usize = 16;

/// The forward kernel for inference on a block of `BLOCK` samples stored
/// transposed: xt is (inputs × BLOCK), st (outputs × BLOCK), and
/// st[i, ·] = b[i] + Σ_j w[i, j] xt[j, ·]. The inner loop runs across the
/// block's samples, so it vectorises whatever the layer widths are (a grid
/// of the plane goes through layers only 2 or 8 wide).
pub fn affine_block(xt: &[f32], w: &[f32], b: &[f32], inputs: usize, st: &mut [f32]) {
    for (i, s_row) in st.chunks_exact_mut(BLOCK).enumerate().take(b.len()) {
        let mut acc = [b[i]; BLOCK];
        if inputs > 0 {
            let w_row = &w[i * inputs..(i + 1) * inputs];
            for (&w_ij, x_row) in w_row.iter().zip(xt.chunks_exact(BLOCK)) {
                for (a, &x) in acc.iter_mut().zip(x_row) {
                    *a += w_ij * x;
                }
            }
        }
        s_row.copy_from_slice(&acc);
    }
}

/// The forward kernel of training, on activations stored unit-major (the
/// lecture's column convention, X = [x₁ … x_N]: row j of x holds input j of
/// every sample): s[i, ·] = b[i] + Σ_j w[i, j] x[j, ·].
///
/// `x` is (inputs × n), `w` is (outputs × inputs), `s` is (outputs × n). The
/// inner loop runs across the batch's samples, so it vectorises whatever the
/// layer widths are: a batch of 10 through layers 8 wide is all SIMD.
pub fn affine_units(x: &[f32], w: &[f32], b: &[f32], n: usize, s: &mut [f32]) {
    let inputs = x.len() / n.max(1);
    for (i, (s_i, &b_i)) in s.chunks_exact_mut(n.max(1)).zip(b).enumerate() {
        s_i.fill(b_i);
        if inputs == 0 {
            continue;
        }
        let w_i = &w[i * inputs..(i + 1) * inputs];
        for (&w_ij, x_j) in w_i.iter().zip(x.chunks_exact(n.max(1))) {
            axpy(w_ij, x_j, s_i);
        }
    }
}

/// dw = ds xᵀ and db = ds 1: dw[i, j] = Σ_n ds[i, n] x[j, n], the per-sample
/// terms dℓ/ds(l) x(l−1)ᵀ summed over the batch (unit-major, as `affine_units`).
///
/// `ds` is (outputs × n), `x` is (inputs × n), `dw` is (outputs × inputs).
pub fn outer_units(ds: &[f32], x: &[f32], n: usize, dw: &mut [f32], db: &mut [f32]) {
    let inputs = x.len() / n.max(1);
    for (i, (ds_i, db_i)) in ds.chunks_exact(n.max(1)).zip(db.iter_mut()).enumerate() {
        *db_i = ds_i.iter().sum();
        if inputs == 0 {
            continue;
        }
        let dw_i = &mut dw[i * inputs..(i + 1) * inputs];
        for (dw_ij, x_j) in dw_i.iter_mut().zip(x.chunks_exact(n.max(1))) {
            *dw_ij = dot(ds_i, x_j);
        }
    }
}

/// dx = wᵀ ds: dx[j, ·] = Σ_i w[i, j] ds[i, ·], the lecture's
/// dℓ/dx(l−1) = w(l)ᵀ dℓ/ds(l), unit-major as `affine_units`.
///
/// `ds` is (outputs × n), `w` is (outputs × inputs), `dx` is (inputs × n).
pub fn backprop_units(ds: &[f32], w: &[f32], n: usize, dx: &mut [f32]) {
    let inputs = dx.len() / n.max(1);
    dx.fill(0.0);
    if inputs == 0 {
        return;
    }
    for (w_i, ds_i) in w.chunks_exact(inputs).zip(ds.chunks_exact(n.max(1))) {
        for (&w_ij, dx_j) in w_i.iter().zip(dx.chunks_exact_mut(n.max(1))) {
            axpy(w_ij, ds_i, dx_j);
        }
    }
}

/// Σ_j a[j] b[j], with four partial sums so the additions can run in parallel.
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0_f32; 4];
    let chunks = a.len() / 4 * 4;
    for (ca, cb) in a[..chunks].chunks_exact(4).zip(b[..chunks].chunks_exact(4)) {
        for k in 0..4 {
            acc[k] += ca[k] * cb[k];
        }
    }
    let tail: f32 = a[chunks..].iter().zip(&b[chunks..]).map(|(p, q)| p * q).sum();
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// y += alpha x.
#[inline]
pub fn axpy(alpha: f32, x: &[f32], y: &mut [f32]) {
    for (y_j, &x_j) in y.iter_mut().zip(x) {
        *y_j += alpha * x_j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernels_match_the_definitions_on_a_small_case() {
        // Two samples, three inputs, two outputs.
        let x = [1.0, 2.0, 3.0, -1.0, 0.5, 2.0];
        let w = [0.1, 0.2, 0.3, -0.4, 0.5, -0.6];
        let b = [0.01, -0.02];
        let mut s = [0.0; 4];
        affine_rows(&x, &w, &b, 3, &mut s);
        let expect = [1.41, -1.22, 0.61, -0.57];
        for (got, want) in s.iter().zip(expect) {
            assert!((got - want).abs() < 1e-6, "{s:?}");
        }

        // The same product unit-major: x is (3 × 2), s (2 × 2).
        let xu = [1.0, -1.0, 2.0, 0.5, 3.0, 2.0];
        let mut su = [0.0; 4];
        affine_units(&xu, &w, &b, 2, &mut su);
        let expect = [1.41, 0.61, -1.22, -0.57];
        for (got, want) in su.iter().zip(expect) {
            assert!((got - want).abs() < 1e-6, "{su:?}");
        }

        // ds unit-major (2 outputs × 2 samples).
        let ds = [1.0, -1.0, 2.0, 0.5];
        let (mut dw, mut db) = ([0.0; 6], [0.0; 2]);
        outer_units(&ds, &xu, 2, &mut dw, &mut db);
        assert_eq!(dw, [2.0, 1.5, 1.0, 1.5, 4.25, 7.0]);
        assert_eq!(db, [0.0, 2.5]);

        let mut dx = [9.0; 6];
        backprop_units(&ds, &w, 2, &mut dx);
        let expect = [-0.7, -0.3, 1.2, 0.05, -0.9, -0.6];
        for (got, want) in dx.iter().zip(expect) {
            assert!((got - want).abs() < 1e-6, "{dx:?}");
        }
    }
}
