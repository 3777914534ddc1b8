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

/// Outputs per register tile of `affine_units`: 4 × 8 accumulators, eight
/// SIMD registers. (Measured in Node's wasm engine: 4 × 8 ran at twice the
/// speed of 8 × 8, 6 × 8, 5 × 8 or 2 × 16, whose tiles spill or come out scalar.)
const TILE_OUTPUTS: usize = 4;
/// f32 lanes of a SIMD vector (wasm simd128, SSE).
const LANE: usize = 4;
/// Samples per register tile of `affine_units`: two SIMD vectors of f32.
const TILE_SAMPLES: usize = 2 * LANE;
/// Outputs per register tile of `outer_units`.
const TILE_UNITS: usize = 4;
/// Inputs per register tile of `outer_units`.
const TILE_INPUTS: usize = 2;
/// Lanes of one partial sum of `outer_units`: one SIMD vector of f32.
const SUM_LANES: usize = 4;

/// The forward kernel of training, on activations stored unit-major (the
/// lecture's column convention, X = [x₁ … x_N]: row j of x holds input j of
/// every sample): s[i, ·] = b[i] + Σ_j w[i, j] x[j, ·].
///
/// `x` is (inputs × n), `w` is (outputs × inputs), `s` is (outputs × n).
///
/// Register-blocked: a tile of `TILE_OUTPUTS` outputs × `TILE_SAMPLES`
/// samples stays in registers while j runs over every input, so each x[j, ·]
/// loaded feeds four outputs and each w[i, j] eight samples (a plain
/// row-by-row product loads and stores s at every multiply-add, which bounds
/// it by the cache rather than the arithmetic: the practical's 784 → 50 layer
/// over 1000 digits ran at half this speed). The tiles sweep the outputs for
/// one block of samples before moving on, so that block of x (784 × 8 values)
/// stays in the cache while it is used.
pub fn affine_units(x: &[f32], w: &[f32], b: &[f32], n: usize, s: &mut [f32]) {
    product(x, w, Some(b), b.len(), n, s);
}

/// dw = ds x and db = ds 1 where x(0) is at hand row-major (samples × inputs,
/// the `n` rows of a padded batch): dw[i, j] = Σ_n ds[i, n] x[n, j]. This is
/// `affine_units`'s product with the roles swapped (ds for w, the samples for
/// the inputs), so the first layer's gradient, the largest product of a
/// backward pass, runs on the same register tiles as the forward pass.
///
/// `ds` is (outputs × n), `x_rows` is (n × inputs), `dw` is (outputs × inputs).
pub fn outer_rows(ds: &[f32], x_rows: &[f32], n: usize, dw: &mut [f32], db: &mut [f32]) {
    let outputs = db.len();
    for (db_i, ds_i) in db.iter_mut().zip(ds.chunks_exact(n.max(1))) {
        *db_i = ds_i.iter().sum();
    }
    let inputs = dw.len() / outputs.max(1);
    product(x_rows, ds, None, outputs, inputs, dw);
}

/// s = w x (+ b): `x` is (k × n), `w` is (outputs × k), `s` is (outputs × n).
fn product(x: &[f32], w: &[f32], b: Option<&[f32]>, outputs: usize, n: usize, s: &mut [f32]) {
    if n == 0 || outputs == 0 {
        return;
    }
    let k = x.len() / n;
    debug_assert_eq!(w.len(), outputs * k);
    // Tiles of 8 samples, then one of 4 (a batch is padded to a multiple of 4).
    let wide = n / TILE_SAMPLES * TILE_SAMPLES;
    let tiled = wide + (n - wide) / LANE * LANE;
    for c0 in (0..wide).step_by(TILE_SAMPLES) {
        product_rows::<2>(x, w, b, (n, k), c0, outputs, s);
    }
    if tiled > wide {
        product_rows::<1>(x, w, b, (n, k), wide, outputs, s);
    }
    // The last samples, fewer than a tile: one multiply-add at a time.
    for i in 0..outputs {
        let w_i = &w[i * k..(i + 1) * k];
        for c in tiled..n {
            // From the bias up, in the tiles' order, so every sample rounds alike.
            let mut sum = b.map_or(0.0, |b| b[i]);
            for j in 0..k {
                sum += w_i[j] * x[j * n + c];
            }
            s[i * n + c] = sum;
        }
    }
}

/// Every output of `product` for the samples `c0 .. c0 + V·LANE`, in tiles of
/// `TILE_OUTPUTS` outputs and then one output at a time.
#[inline(always)]
fn product_rows<const V: usize>(
    x: &[f32],
    w: &[f32],
    b: Option<&[f32]>,
    shape: (usize, usize),
    c0: usize,
    outputs: usize,
    s: &mut [f32],
) {
    let mut i0 = 0;
    while i0 + TILE_OUTPUTS <= outputs {
        product_tile::<TILE_OUTPUTS, V>(x, w, b, shape, (i0, c0), s);
        i0 += TILE_OUTPUTS;
    }
    for i in i0..outputs {
        product_tile::<1, V>(x, w, b, shape, (i, c0), s);
    }
}

// In wasm, the tile written out in SIMD (see `simd`).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
use simd::product_tile;

/// One tile of `product`: outputs `at.0 .. at.0 + R`, samples `at.1 .. at.1 +
/// V·LANE` (V SIMD vectors); `shape` is (n, k).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
fn product_tile<const R: usize, const V: usize>(
    x: &[f32],
    w: &[f32],
    b: Option<&[f32]>,
    shape: (usize, usize),
    at: (usize, usize),
    s: &mut [f32],
) {
    let ((n, k), (i0, c0)) = (shape, at);
    let rows: [&[f32]; R] = std::array::from_fn(|r| &w[(i0 + r) * k..(i0 + r + 1) * k]);
    let mut acc: [[[f32; LANE]; V]; R] = std::array::from_fn(|r| [[b.map_or(0.0, |b| b[i0 + r]); LANE]; V]);
    for j in 0..k {
        let x_j = &x[j * n + c0..j * n + c0 + V * LANE];
        for (acc_r, row) in acc.iter_mut().zip(&rows) {
            let w_rj = row[j];
            for (acc_v, x_v) in acc_r.iter_mut().zip(x_j.chunks_exact(LANE)) {
                for (a, &v) in acc_v.iter_mut().zip(x_v) {
                    *a += w_rj * v;
                }
            }
        }
    }
    for (r, acc_r) in acc.iter().enumerate() {
        let at = (i0 + r) * n + c0;
        for (out, acc_v) in s[at..at + V * LANE].chunks_exact_mut(LANE).zip(acc_r) {
            out.copy_from_slice(acc_v);
        }
    }
}

/// The register tile of `product` in wasm SIMD, written out. The compiler's
/// own vectorisation of `product_tile` is right when the sizes are constants
/// but in the page's build (sizes known only at run time) it came out as
/// scalar code with lane extractions, three times slower; this is the loop
/// that Digits training spends most of its time in.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use super::LANE;
    use std::arch::wasm32::{f32x4_add, f32x4_mul, f32x4_splat, v128, v128_load, v128_store};

    /// `super::product_tile::<R, V>`: R outputs × V vectors of samples.
    #[inline(always)]
    pub(super) fn product_tile<const R: usize, const V: usize>(
        x: &[f32],
        w: &[f32],
        b: Option<&[f32]>,
        shape: (usize, usize),
        at: (usize, usize),
        s: &mut [f32],
    ) {
        let ((n, k), (i0, c0)) = (shape, at);
        let rows: [&[f32]; R] = std::array::from_fn(|r| &w[(i0 + r) * k..(i0 + r + 1) * k]);
        let mut acc: [[v128; V]; R] = std::array::from_fn(|r| [f32x4_splat(b.map_or(0.0, |b| b[i0 + r])); V]);
        for j in 0..k {
            let x_j = &x[j * n + c0..j * n + c0 + V * LANE];
            // SAFETY: x_j holds V·4 floats (bounds-checked just above): V
            // unaligned 16-byte loads, 4 floats apart.
            let x_v: [v128; V] =
                std::array::from_fn(|v| unsafe { v128_load(x_j.as_ptr().add(v * LANE).cast()) });
            for (acc_r, row) in acc.iter_mut().zip(&rows) {
                let w_rj = f32x4_splat(row[j]);
                for (a, &xv) in acc_r.iter_mut().zip(&x_v) {
                    *a = f32x4_add(*a, f32x4_mul(w_rj, xv));
                }
            }
        }
        for (r, acc_r) in acc.iter().enumerate() {
            let out = &mut s[(i0 + r) * n + c0..(i0 + r) * n + c0 + V * LANE];
            for (v, &a) in acc_r.iter().enumerate() {
                // SAFETY: `out` holds V·4 floats (bounds-checked just above).
                unsafe { v128_store(out.as_mut_ptr().add(v * LANE).cast(), a) };
            }
        }
    }
}

/// dw = ds xᵀ and db = ds 1: dw[i, j] = Σ_n ds[i, n] x[j, n], the per-sample
/// terms dℓ/ds(l) x(l−1)ᵀ summed over the batch (unit-major, as `affine_units`).
///
/// `ds` is (outputs × n), `x` is (inputs × n), `dw` is (outputs × inputs).
///
/// Register-blocked: `TILE_UNITS` × `TILE_INPUTS` sums run side by side, each
/// a SIMD vector of partial sums over the samples, so each value loaded feeds
/// two or four multiply-adds instead of one. (The first layer, whose inputs
/// are also at hand row-major, goes through the faster `outer_rows`.)
pub fn outer_units(ds: &[f32], x: &[f32], n: usize, dw: &mut [f32], db: &mut [f32]) {
    let outputs = db.len();
    if n == 0 {
        dw.fill(0.0);
        db.fill(0.0);
        return;
    }
    for (db_i, ds_i) in db.iter_mut().zip(ds.chunks_exact(n)) {
        *db_i = ds_i.iter().sum();
    }
    let inputs = x.len() / n;
    if inputs == 0 || outputs == 0 {
        return;
    }
    let mut j0 = 0;
    while j0 < inputs {
        let q = TILE_INPUTS.min(inputs - j0);
        let mut i0 = 0;
        while i0 < outputs {
            let r = TILE_UNITS.min(outputs - i0);
            match (r, q) {
                (TILE_UNITS, TILE_INPUTS) => {
                    outer_tile::<TILE_UNITS, TILE_INPUTS>(ds, x, n, inputs, (i0, j0), dw)
                }
                _ => (0..r).for_each(|a| {
                    (0..q).for_each(|c| outer_tile::<1, 1>(ds, x, n, inputs, (i0 + a, j0 + c), dw))
                }),
            }
            i0 += r;
        }
        j0 += q;
    }
}

/// One tile of `outer_units`: dw[i, j] for i in `at.0 .. at.0 + R`, j in
/// `at.1 .. at.1 + Q`.
#[inline(always)]
fn outer_tile<const R: usize, const Q: usize>(
    ds: &[f32],
    x: &[f32],
    n: usize,
    inputs: usize,
    at: (usize, usize),
    dw: &mut [f32],
) {
    let (i0, j0) = at;
    let d: [&[f32]; R] = std::array::from_fn(|r| &ds[(i0 + r) * n..(i0 + r + 1) * n]);
    let v: [&[f32]; Q] = std::array::from_fn(|q| &x[(j0 + q) * n..(j0 + q + 1) * n]);
    let mut acc = [[[0.0_f32; SUM_LANES]; Q]; R];
    let lanes = n / SUM_LANES * SUM_LANES;
    for k in (0..lanes).step_by(SUM_LANES) {
        let dk: [&[f32; SUM_LANES]; R] = std::array::from_fn(|r| d[r][k..k + SUM_LANES].try_into().unwrap());
        let vk: [&[f32; SUM_LANES]; Q] = std::array::from_fn(|q| v[q][k..k + SUM_LANES].try_into().unwrap());
        for (acc_r, d_r) in acc.iter_mut().zip(&dk) {
            for (acc_rq, v_q) in acc_r.iter_mut().zip(&vk) {
                for l in 0..SUM_LANES {
                    acc_rq[l] += d_r[l] * v_q[l];
                }
            }
        }
    }
    for (r, acc_r) in acc.iter().enumerate() {
        for (q, acc_rq) in acc_r.iter().enumerate() {
            let tail: f32 = (lanes..n).map(|k| d[r][k] * v[q][k]).sum();
            dw[(i0 + r) * inputs + j0 + q] = (acc_rq[0] + acc_rq[1]) + (acc_rq[2] + acc_rq[3]) + tail;
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
