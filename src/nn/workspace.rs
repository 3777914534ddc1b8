//! The buffers of the MLP's batched passes and their layout: every matrix of
//! a batch unit-major (the lecture's column convention), rows padded to the
//! SIMD width, and the copies between that and the data's row-major rows.

use crate::nn::mlp::Layer;
use crate::nn::sparse::SparseRows;

/// Buffers of one forward/backward pass, kept between calls so that training
/// allocates nothing once the largest batch has been seen.
///
/// The per-layer matrices are stored unit-major, as the lecture's column
/// convention X(l) = [x(l)₁ … x(l)_N]: row i of `x[l]` holds unit i's value for
/// every sample of the batch, at `x[l][i * stride..i * stride + rows]` (see
/// `Workspace::unit`). Every kernel then runs across the batch, which
/// vectorises even when the layers are only a few units wide. Rows are padded
/// to `stride`, a multiple of the SIMD width, so that no loop has a scalar
/// tail; the padding samples have input 0 and dℓ/dx(L) = 0, so they add
/// nothing to any gradient.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    /// Samples (columns) in the last forward pass.
    pub rows: usize,
    /// `rows` rounded up to a multiple of `LANES`: the length of one unit's row.
    pub stride: usize,
    /// x(0) … x(L), each (width × stride), unit-major; x(0) is empty when
    /// the input went in as `sparse`.
    pub x: Vec<Vec<f32>>,
    /// x(0) again, row-major (stride × inputs, the padding rows 0): the first
    /// layer's gradient reads it so (see `matrix::outer_rows`); empty as x(0).
    pub input_rows: Vec<f32>,
    /// x(0) as its background value and the entries that differ from it, when
    /// the input is wide and mostly one value (the digits; see `nn::sparse`):
    /// then the first layer's passes read only this.
    pub sparse: Option<SparseRows>,
    /// The sparse kernels' wᵀ or dwᵀ and one row-major matrix.
    pub(super) scratch: Vec<f32>,
    /// s(1) … s(L) (index 0 is s(1)), unit-major.
    pub s: Vec<Vec<f32>>,
    /// dℓ/ds(1) … dℓ/ds(L) of the last backward pass, unit-major.
    pub ds: Vec<Vec<f32>>,
    /// dℓ/dx(0) … dℓ/dx(L) of the last backward pass, unit-major (x(0)'s is
    /// empty: the backward pass skips it).
    pub dx: Vec<Vec<f32>>,
    /// The last forward pass's output x(L), row-major (rows × outputs).
    pub out: Vec<f32>,
    /// Two blocks of transposed activations for `Mlp::predict_into`.
    pub block_a: Vec<f32>,
    /// See `block_a`.
    pub block_b: Vec<f32>,
}

impl Workspace {
    /// Unit `i` of x(l) over the last forward pass's samples.
    pub fn unit(&self, l: usize, i: usize) -> &[f32] {
        &self.x[l][i * self.stride..i * self.stride + self.rows]
    }

    /// Sample `k`'s values of a unit-major matrix of this workspace (one of
    /// `x`, `s`, `dx`, `ds`), as a vector over the units.
    pub fn sample(&self, matrix: &[f32], k: usize) -> Vec<f32> {
        matrix
            .iter()
            .skip(k)
            .step_by(self.stride.max(1))
            .copied()
            .collect()
    }

    /// Sizes every buffer for `rows` samples through `layers`, allocating only
    /// when they grow.
    pub(super) fn prepare(&mut self, layers: &[Layer], rows: usize) {
        let depth = layers.len();
        self.rows = rows;
        self.stride = rows.div_ceil(LANES) * LANES;
        let rows = self.stride;
        self.x.resize_with(depth + 1, Vec::new);
        self.dx.resize_with(depth + 1, Vec::new);
        self.s.resize_with(depth, Vec::new);
        self.ds.resize_with(depth, Vec::new);
        // x(0) is laid out by `load` or `load_sparse`.
        // ∂ℓ/∂x(0) is never computed (no parameter depends on it).
        self.dx[0].clear();
        for (l, layer) in layers.iter().enumerate() {
            let len = rows * layer.outputs;
            self.x[l + 1].resize(len, 0.0);
            self.dx[l + 1].resize(len, 0.0);
            self.s[l].resize(len, 0.0);
            self.ds[l].resize(len, 0.0);
        }
    }
}

/// The SIMD width in f32 (wasm simd128, SSE): the workspace pads rows to it.
pub const LANES: usize = 4;

/// Copies a row-major batch (rows × `cols`) into a unit-major matrix
/// (`cols` × `stride`), zero in the padding columns.
pub(super) fn to_units(src: &[f32], cols: usize, stride: usize, dst: &mut [f32]) {
    let rows = src.len() / cols.max(1);
    for (c, unit) in dst.chunks_exact_mut(stride.max(1)).enumerate().take(cols) {
        for (v, row) in unit.iter_mut().zip(src.chunks_exact(cols)) {
            *v = row[c];
        }
        unit[rows..].fill(0.0);
    }
}

/// Copies the first `rows` columns of a unit-major matrix (units × `stride`)
/// into a row-major batch (rows × units).
pub(super) fn from_units(src: &[f32], stride: usize, rows: usize, dst: &mut Vec<f32>) {
    let units = src.len() / stride.max(1);
    dst.resize(rows * units, 0.0);
    for (i, unit) in src.chunks_exact(stride.max(1)).enumerate() {
        for (k, &v) in unit[..rows].iter().enumerate() {
            dst[k * units + i] = v;
        }
    }
}
