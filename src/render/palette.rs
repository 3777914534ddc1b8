//! The page's colours: the Okabe–Ito palette (Okabe and Ito, "Color Universal
//! Design", 2002), whose colours stay apart under protanopia, deuteranopia and
//! tritanopia (tests/render/palette.rs simulates each and checks every pair a
//! chart shows together). Pairs of curves differ by line style too: the test
//! curve and the quadratic model are dashed (render::charts::style::dash_of).
//! www/style.css repeats these colours for the HTML legends.

/// An RGB colour.
pub type Rgb = [u8; 3];

/// Class −1.
pub const NEGATIVE: Rgb = [0, 114, 178];
/// Class +1.
pub const POSITIVE: Rgb = [230, 159, 0];
/// Where the network is undecided (output on the threshold).
pub const NEUTRAL: Rgb = [246, 246, 246];
/// The 0-level line of the output: the decision boundary itself.
pub const BOUNDARY: Rgb = [40, 40, 40];
/// The train-loss curve.
pub const TRAIN_CURVE: Rgb = [30, 30, 30];
/// The test-loss curve (drawn dashed), and LDA's boundary in the logistic view.
pub const TEST_CURVE: Rgb = [213, 94, 0];

/// The target ψ in the 1D view.
pub const TARGET: Rgb = [35, 35, 35];
/// The fit f in the 1D view.
pub const FIT: Rgb = [213, 94, 0];
/// One unit's term ω_k σ(w_k x + b_k) in the 1D view.
pub const UNIT: Rgb = [0, 114, 178];
/// The unit under the pointer in the 1D view; the quadratic model (dashed) in the
/// gradient-descent view.
pub const HIGHLIGHT: Rgb = [204, 121, 167];
/// The samples the trained mode learns from.
pub const SAMPLE: Rgb = [120, 120, 120];
/// Kept runs' loss curves (ghosts), drawn dashed and faded, one colour each.
pub const GHOSTS: [Rgb; 3] = [[120, 120, 120], [86, 180, 233], [120, 60, 140]];

/// The heatmap colour for a confidence c ∈ [−1, 1]: the class colour, paler
/// as |c| falls, so the points drawn on top stay readable.
pub fn heat(c: f32) -> Rgb {
    let target = if c >= 0.0 { POSITIVE } else { NEGATIVE };
    let t = 0.75 * c.abs().min(1.0);
    // + 0.5 then truncation rounds these non-negative values half up, as
    // round() does, without the libm call round() costs per channel in wasm.
    let mix = |a: u8, b: u8| ((f32::from(a) + t * (f32::from(b) - f32::from(a))) + 0.5) as u8;
    [
        mix(NEUTRAL[0], target[0]),
        mix(NEUTRAL[1], target[1]),
        mix(NEUTRAL[2], target[2]),
    ]
}

/// A data point's colour for its label: the class colour for ±1, and for a
/// regression target t ∈ [−1, 1] a mix from grey (t = 0, still visible on the
/// pale heatmap) to the colour of sign(t), so points show their value.
pub fn point_colour(t: f32) -> Rgb {
    const MID: Rgb = [150, 150, 150];
    let target = if t >= 0.0 { POSITIVE } else { NEGATIVE };
    let w = if t.is_finite() { t.abs().min(1.0) } else { 0.0 };
    let mix = |a: u8, b: u8| ((f32::from(a) + w * (f32::from(b) - f32::from(a))) + 0.5) as u8;
    [
        mix(MID[0], target[0]),
        mix(MID[1], target[1]),
        mix(MID[2], target[2]),
    ]
}

/// Which class a colour is nearest to, if it is clearly one of them: what the
/// pixel tests use to find "both class colours are present".
pub fn classify_pixel(rgb: Rgb) -> Option<f32> {
    let [r, _, b] = rgb.map(i32::from);
    if b - r > 60 {
        Some(-1.0)
    } else if r - b > 60 {
        Some(1.0)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_rounds_as_round_does() {
        // The colour with f32::round, which heat replaces by + 0.5 and truncation.
        let reference = |c: f32| {
            let target = if c >= 0.0 { POSITIVE } else { NEGATIVE };
            let t = 0.75 * c.abs().min(1.0);
            let mix = |a: u8, b: u8| (f32::from(a) + t * (f32::from(b) - f32::from(a))).round() as u8;
            [0, 1, 2].map(|k| mix(NEUTRAL[k], target[k]))
        };
        for i in -100_000..=100_000 {
            let c = i as f32 / 100_000.0;
            assert_eq!(heat(c), reference(c), "c = {c}");
        }
    }

    #[test]
    fn heat_runs_from_one_class_to_the_other() {
        assert_eq!(heat(0.0), NEUTRAL);
        assert_eq!(classify_pixel(heat(-1.0)), Some(-1.0));
        assert_eq!(classify_pixel(heat(1.0)), Some(1.0));
        assert_eq!(classify_pixel(heat(0.05)), None);
        assert_eq!(classify_pixel(BOUNDARY), None);
    }

    #[test]
    fn points_keep_class_colours_and_shade_values() {
        assert_eq!(point_colour(1.0), POSITIVE);
        assert_eq!(point_colour(-1.0), NEGATIVE);
        assert_eq!(point_colour(0.0), [150, 150, 150]);
        assert_eq!(classify_pixel(point_colour(-0.7)), Some(-1.0));
        assert_eq!(point_colour(f32::NAN), [150, 150, 150]);
    }
}
