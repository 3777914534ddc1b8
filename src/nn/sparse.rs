//! The first layer's kernels for inputs whose entries are mostly one value,
//! such as the digits: after the practical's normalisation four pixels in five
//! are the background's value c = −μ/σ. Writing each sample x = c 1 + x̃,
//! x̃ is zero wherever x is the background, and
//!
//!   s(1) = w x + b = w x̃ + (b + c w 1)        (w 1: the row sums of w)
//!   dℓ/dw(1) = Σ_n dℓ/ds_n x_nᵀ = Σ_n dℓ/ds_n x̃_nᵀ + c (Σ_n dℓ/ds_n) 1ᵀ
//!
//! so the first layer's two products, the largest of a digits step, need a
//! multiply-add only for x̃'s nonzero entries: about a fifth of the dense
//! products' for the digits, the same sums up to rounding.

use std::ops::Range;

/// Inputs narrower than this stay dense: a sample of a few features has
/// nothing worth skipping (and the 2D views read their dense x(0)).
pub const SPARSE_MIN_WIDTH: usize = 32;

/// A row-major batch (rows × `width`) kept as its background value and, row by
/// row, the entries that differ from it (compressed sparse rows).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SparseRows {
    /// Entries per row: the input width.
    pub width: usize,
    /// The value most entries share (c above).
    pub background: f32,
    /// Row n's entries are `columns[offsets[n]..offsets[n + 1]]`, in column order.
    offsets: Vec<usize>,
    /// The column of each entry.
    columns: Vec<u32>,
    /// x − background at each entry (nonzero).
    values: Vec<f32>,
}

impl SparseRows {
    /// `x` (rows × `width`, row-major) as sparse rows when it is at least
    /// `SPARSE_MIN_WIDTH` wide and more than half of its entries share one value
    /// (then the sparse kernels do less than half the dense ones' multiply-adds);
    /// None otherwise. The shared value is found by Boyer–Moore's majority vote:
    /// one pass to find the only value that can be the majority, one to count it.
    pub fn of_dense(x: &[f32], width: usize) -> Option<SparseRows> {
        if width < SPARSE_MIN_WIDTH || x.len() % width != 0 || x.is_empty() {
            return None;
        }
        let (mut candidate, mut votes) = (0.0_f32, 0_usize);
        for &v in x {
            if votes == 0 {
                if v.is_nan() {
                    continue;
                }
                (candidate, votes) = (v, 1);
            } else if v == candidate {
                votes += 1;
            } else {
                votes -= 1;
            }
        }
        let shared = x.iter().filter(|&&v| v == candidate).count();
        if 2 * shared <= x.len() {
            return None;
        }
        let rows = x.len() / width;
        let mut sparse = SparseRows {
            width,
            background: candidate,
            offsets: Vec::with_capacity(rows + 1),
            columns: Vec::with_capacity(x.len() - shared),
            values: Vec::with_capacity(x.len() - shared),
        };
        sparse.offsets.push(0);
        for row in x.chunks_exact(width) {
            for (j, &v) in row.iter().enumerate() {
                if v != candidate {
                    sparse.columns.push(j as u32);
                    sparse.values.push(v - candidate);
                }
            }
            sparse.offsets.push(sparse.columns.len());
        }
        Some(sparse)
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Entries that differ from the background, over all rows.
    pub fn entries(&self) -> usize {
        self.columns.len()
    }

    /// The rows `range` alone (a worker's part of the training set), copied;
    /// panics past the last row.
    pub fn slice(&self, range: Range<usize>) -> SparseRows {
        let (from, to) = (self.offsets[range.start], self.offsets[range.end]);
        SparseRows {
            width: self.width,
            background: self.background,
            offsets: self.offsets[range.start..=range.end]
                .iter()
                .map(|o| o - from)
                .collect(),
            columns: self.columns[from..to].to_vec(),
            values: self.values[from..to].to_vec(),
        }
    }

    /// Row n's entries: (columns, x − background).
    fn row(&self, n: usize) -> (&[u32], &[f32]) {
        let span = self.offsets[n]..self.offsets[n + 1];
        (&self.columns[span.clone()], &self.values[span])
    }

    /// s = w x + b for every row, written unit-major as `matrix::affine_units`
    /// writes it: s[i, n] = b[i] + Σ_j w[i, j] x[n, j], `s` (outputs × stride).
    /// Columns past the rows (the workspace's padding) get the background's
    /// output b + c w 1. `scratch` holds wᵀ and one output row.
    pub fn affine_units(&self, w: &[f32], b: &[f32], stride: usize, scratch: &mut Vec<f32>, s: &mut [f32]) {
        let (inputs, outputs) = (self.width, b.len());
        let p = padded(outputs);
        scratch.clear();
        scratch.resize(inputs * p + 2 * p, 0.0);
        let (wt, rest) = scratch.split_at_mut(inputs * p);
        let (base, out) = rest.split_at_mut(p);
        for (i, (w_i, &b_i)) in w.chunks_exact(inputs).zip(b).enumerate() {
            for (j, &w_ij) in w_i.iter().enumerate() {
                wt[j * p + i] = w_ij;
            }
            base[i] = b_i + self.background * w_i.iter().sum::<f32>();
        }
        for n in 0..stride {
            let (columns, values) = if n < self.rows() {
                self.row(n)
            } else {
                (&[][..], &[][..])
            };
            tiles(p, |i0, v| match v {
                8 => forward_tile::<8>(columns, values, wt, p, i0, base, out),
                4 => forward_tile::<4>(columns, values, wt, p, i0, base, out),
                _ => forward_tile::<1>(columns, values, wt, p, i0, base, out),
            });
            for (i, &o) in out[..outputs].iter().enumerate() {
                s[i * stride + n] = o;
            }
        }
    }

    /// dw = Σ_n ds[·, n] x_nᵀ and db = ds 1, from ds unit-major (outputs ×
    /// stride, as `matrix::outer_rows` takes it; the padding columns of ds are 0).
    /// `scratch` holds dwᵀ and ds row-major.
    pub fn outer(&self, ds: &[f32], stride: usize, scratch: &mut Vec<f32>, dw: &mut [f32], db: &mut [f32]) {
        let (inputs, outputs) = (self.width, db.len());
        let p = padded(outputs);
        for (db_i, ds_i) in db.iter_mut().zip(ds.chunks_exact(stride.max(1))) {
            *db_i = ds_i.iter().sum();
        }
        let rows = self.rows().min(stride);
        scratch.clear();
        scratch.resize(inputs * p + rows * p, 0.0);
        let (dwt, d) = scratch.split_at_mut(inputs * p);
        for (i, ds_i) in ds.chunks_exact(stride.max(1)).enumerate().take(outputs) {
            for (n, &v) in ds_i[..rows].iter().enumerate() {
                d[n * p + i] = v;
            }
        }
        for (n, d_n) in d.chunks_exact(p.max(1)).enumerate() {
            let (columns, values) = self.row(n);
            tiles(p, |i0, v| match v {
                8 => outer_tile::<8>(columns, values, d_n, p, i0, dwt),
                4 => outer_tile::<4>(columns, values, d_n, p, i0, dwt),
                _ => outer_tile::<1>(columns, values, d_n, p, i0, dwt),
            });
        }
        for (i, (dw_i, &db_i)) in dw.chunks_exact_mut(inputs).zip(db.iter()).enumerate() {
            let shift = self.background * db_i;
            for (j, g) in dw_i.iter_mut().enumerate() {
                *g = dwt[j * p + i] + shift;
            }
        }
    }
}

/// `outputs` rounded up to whole SIMD vectors.
fn padded(outputs: usize) -> usize {
    outputs.div_ceil(LANE) * LANE
}

use lanes::{load, madd, splat, store, LANE};

/// Calls `tile(i0, v)` over the `p` padded outputs in tiles of 8, 4 and 1
/// vectors: as many outputs at once as stay in registers, so each entry's
/// index and value are read once per tile rather than once per vector.
#[inline(always)]
fn tiles(p: usize, mut tile: impl FnMut(usize, usize)) {
    let mut i0 = 0;
    for v in [8, 4, 1] {
        while i0 + v * LANE <= p {
            tile(i0, v);
            i0 += v * LANE;
        }
    }
}

/// Outputs i0 .. i0 + 4V of one row: base + Σ over its entries of x̃_j wᵀ[j, ·].
#[inline(always)]
fn forward_tile<const V: usize>(
    columns: &[u32],
    values: &[f32],
    wt: &[f32],
    p: usize,
    i0: usize,
    base: &[f32],
    out: &mut [f32],
) {
    let mut acc: [lanes::F32x4; V] = std::array::from_fn(|v| load(&base[i0 + v * LANE..]));
    for (&j, &x) in columns.iter().zip(values) {
        let at = j as usize * p + i0;
        let w = &wt[at..at + V * LANE];
        let x = splat(x);
        for (v, a) in acc.iter_mut().enumerate() {
            *a = madd(*a, x, load(&w[v * LANE..]));
        }
    }
    for (v, &a) in acc.iter().enumerate() {
        store(&mut out[i0 + v * LANE..], a);
    }
}

/// dwᵀ[j, i0 .. i0 + 4V] += x̃_j d for every entry j of one row, d its dℓ/ds.
#[inline(always)]
fn outer_tile<const V: usize>(
    columns: &[u32],
    values: &[f32],
    d: &[f32],
    p: usize,
    i0: usize,
    dwt: &mut [f32],
) {
    let d: [lanes::F32x4; V] = std::array::from_fn(|v| load(&d[i0 + v * LANE..]));
    for (&j, &x) in columns.iter().zip(values) {
        let at = j as usize * p + i0;
        let g = &mut dwt[at..at + V * LANE];
        let x = splat(x);
        for (v, &d_v) in d.iter().enumerate() {
            let sum = madd(load(&g[v * LANE..]), x, d_v);
            store(&mut g[v * LANE..], sum);
        }
    }
}

/// Four f32 lanes: wasm SIMD in the browser, plain arrays elsewhere (which the
/// native compiler vectorises). Written out for wasm because the compiler's
/// own vectorisation of such loops comes out scalar there (see `matrix`).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes {
    use std::arch::wasm32::{f32x4_add, f32x4_mul, f32x4_splat, v128, v128_load, v128_store};

    /// f32 lanes of a vector.
    pub const LANE: usize = 4;
    /// One vector.
    pub type F32x4 = v128;

    /// The first four floats of `s` (bounds-checked).
    #[inline(always)]
    pub fn load(s: &[f32]) -> F32x4 {
        let s = &s[..LANE];
        // SAFETY: `s` holds 4 floats (checked just above); v128_load is unaligned.
        unsafe { v128_load(s.as_ptr().cast()) }
    }

    /// Writes `v` into the first four floats of `s` (bounds-checked).
    #[inline(always)]
    pub fn store(s: &mut [f32], v: F32x4) {
        let s = &mut s[..LANE];
        // SAFETY: `s` holds 4 floats (checked just above); v128_store is unaligned.
        unsafe { v128_store(s.as_mut_ptr().cast(), v) }
    }

    /// `x` in every lane.
    #[inline(always)]
    pub fn splat(x: f32) -> F32x4 {
        f32x4_splat(x)
    }

    /// a + x y, lane by lane.
    #[inline(always)]
    pub fn madd(a: F32x4, x: F32x4, y: F32x4) -> F32x4 {
        f32x4_add(a, f32x4_mul(x, y))
    }
}

/// See the wasm `lanes`.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod lanes {
    /// f32 lanes of a vector.
    pub const LANE: usize = 4;
    /// One vector.
    pub type F32x4 = [f32; LANE];

    /// The first four floats of `s`.
    #[inline(always)]
    pub fn load(s: &[f32]) -> F32x4 {
        s[..LANE].try_into().expect("four floats")
    }

    /// Writes `v` into the first four floats of `s`.
    #[inline(always)]
    pub fn store(s: &mut [f32], v: F32x4) {
        s[..LANE].copy_from_slice(&v);
    }

    /// `x` in every lane.
    #[inline(always)]
    pub fn splat(x: f32) -> F32x4 {
        [x; LANE]
    }

    /// a + x y, lane by lane.
    #[inline(always)]
    pub fn madd(a: F32x4, x: F32x4, y: F32x4) -> F32x4 {
        std::array::from_fn(|l| a[l] + x[l] * y[l])
    }
}
