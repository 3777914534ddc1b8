//! The three dense kernels of the batched forward and backward passes.
//!
//! Storage convention (design.md §3): a batch of N samples is N rows, stored
//! row-major, so row n of an (N × k) matrix is `a[n * k..(n + 1) * k]`; a
//! weight matrix w(l) has shape (out × in), row-major, as in the lecture's
//! column convention s = w x + b. Every inner loop below runs over contiguous
//! memory, which is what lets the compiler vectorise it.

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

/// wt = wᵀ, for `affine_rows_t`: w is (outputs × inputs), wt (inputs × outputs).
pub fn transpose(w: &[f32], inputs: usize, wt: &mut Vec<f32>) {
    let outputs = w.len() / inputs.max(1);
    wt.resize(w.len(), 0.0);
    for (i, w_row) in w.chunks_exact(inputs.max(1)).enumerate() {
        for (j, &v) in w_row.iter().enumerate() {
            wt[j * outputs + i] = v;
        }
    }
}

/// The same as `affine_rows`, from the transposed weights wt = wᵀ:
/// s[n, ·] = b + Σ_j x[n, j] wt[j, ·]. The inner loop runs along a row of
/// outputs, so it vectorises whatever the widths (the dot products of
/// `affine_rows` are too short for that in a small network).
pub fn affine_rows_t(x: &[f32], wt: &[f32], b: &[f32], inputs: usize, s: &mut [f32]) {
    let outputs = b.len();
    debug_assert_eq!(wt.len(), outputs * inputs);
    if outputs == 0 {
        return;
    }
    if inputs == 0 {
        s.chunks_exact_mut(outputs).for_each(|row| row.copy_from_slice(b));
        return;
    }
    for (x_row, s_row) in x.chunks_exact(inputs).zip(s.chunks_exact_mut(outputs)) {
        s_row.copy_from_slice(b);
        for (&x_j, wt_row) in x_row.iter().zip(wt.chunks_exact(outputs)) {
            axpy(x_j, wt_row, s_row);
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

/// dw += dsᵀ x and db += Σ_n ds[n, ·]: the per-sample terms dℓ/ds x(l−1)ᵀ
/// summed over the batch.
///
/// `ds` is (n × outputs), `x` is (n × inputs), `dw` is (outputs × inputs).
pub fn accumulate_outer(ds: &[f32], x: &[f32], inputs: usize, dw: &mut [f32], db: &mut [f32]) {
    let outputs = db.len();
    if outputs == 0 || inputs == 0 {
        ds.chunks_exact(outputs.max(1))
            .for_each(|row| db.iter_mut().zip(row).for_each(|(d, &v)| *d += v));
        return;
    }
    for (ds_row, x_row) in ds.chunks_exact(outputs).zip(x.chunks_exact(inputs)) {
        for ((&d, dw_row), db_i) in ds_row.iter().zip(dw.chunks_exact_mut(inputs)).zip(db.iter_mut()) {
            *db_i += d;
            if d != 0.0 {
                axpy(d, x_row, dw_row);
            }
        }
    }
}

/// dx = ds w for every row: dx[n, j] = Σ_i ds[n, i] w[i, j], the lecture's
/// dℓ/dx(l−1) = w(l)ᵀ dℓ/ds(l) written for a batch of rows.
///
/// `ds` is (n × outputs), `w` is (outputs × inputs), `dx` is (n × inputs).
pub fn backprop_rows(ds: &[f32], w: &[f32], inputs: usize, dx: &mut [f32]) {
    if inputs == 0 || w.is_empty() {
        dx.fill(0.0);
        return;
    }
    let outputs = w.len() / inputs;
    for (ds_row, dx_row) in ds.chunks_exact(outputs).zip(dx.chunks_exact_mut(inputs)) {
        dx_row.fill(0.0);
        for (&d, w_row) in ds_row.iter().zip(w.chunks_exact(inputs)) {
            if d != 0.0 {
                axpy(d, w_row, dx_row);
            }
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

        let ds = [1.0, 2.0, -1.0, 0.5];
        let (mut dw, mut db) = ([0.0; 6], [0.0; 2]);
        accumulate_outer(&ds, &x, 3, &mut dw, &mut db);
        assert_eq!(dw, [2.0, 1.5, 1.0, 1.5, 4.25, 7.0]);
        assert_eq!(db, [0.0, 2.5]);

        let mut dx = [9.0; 6];
        backprop_rows(&ds, &w, 3, &mut dx);
        let expect = [-0.7, 1.2, -0.9, -0.3, 0.05, -0.6];
        for (got, want) in dx.iter().zip(expect) {
            assert!((got - want).abs() < 1e-6, "{dx:?}");
        }
    }
}
