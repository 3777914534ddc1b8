//! The lesson charts' words and marks: the gradient-descent plot's tick labels
//! and its iterates beyond the plotted w range, the outcome map under the
//! ring, and the logistic panels' titles. The backend records the text it is
//! asked to draw (natively plotters has no font; the browser's canvas draws it).

use mlp_playground::lessons::gd1d::{iterates, outcome, outcome_map, Curve};
use mlp_playground::lessons::lda::lda;
use mlp_playground::lessons::logistic::{loss, normal_start, train, two_gaussians};
use mlp_playground::render::charts::gd1d::{draw_gd1d, draw_outcome_map, outcome_colour, tick_label, MINIMA};
use mlp_playground::render::charts::logistic::{draw_logistic, panel_title, Panel};
use mlp_playground::render::palette::FIT;
use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

const SIZE: (u32, u32) = (480, 320);

/// A bitmap backend that keeps the text it is asked to draw instead of drawing it.
struct Recorder<'a> {
    bitmap: BitMapBackend<'a>,
    texts: &'a mut Vec<String>,
}

type Fail<'a> = DrawingErrorKind<<BitMapBackend<'a> as DrawingBackend>::ErrorType>;

impl<'a> DrawingBackend for Recorder<'a> {
    type ErrorType = <BitMapBackend<'a> as DrawingBackend>::ErrorType;
    fn get_size(&self) -> (u32, u32) {
        self.bitmap.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), Fail<'a>> {
        self.bitmap.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), Fail<'a>> {
        self.bitmap.present()
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), Fail<'a>> {
        self.bitmap.draw_pixel(p, c)
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, _: &T, _: BackendCoord) -> Result<(), Fail<'a>> {
        self.texts.push(text.to_string());
        Ok(())
    }
    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, _: &T) -> Result<(u32, u32), Fail<'a>> {
        Ok((7 * text.chars().count() as u32, 12))
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), Fail<'a>> {
        self.bitmap.draw_line(a, b, s)
    }
}

/// Draws with `draw` into a fresh white buffer; returns the pixels and the texts.
fn record<T>(draw: impl FnOnce(Recorder<'_>) -> T) -> (Vec<u8>, Vec<String>, T) {
    let mut buf = vec![255u8; (SIZE.0 * SIZE.1 * 3) as usize];
    let mut texts = Vec::new();
    let out = draw(Recorder {
        bitmap: BitMapBackend::with_buffer(&mut buf, SIZE),
        texts: &mut texts,
    });
    (buf, texts, out)
}

fn pixel(buf: &[u8], (x, y): (i32, i32)) -> [u8; 3] {
    let i = 3 * (y as usize * SIZE.0 as usize + x as usize);
    [buf[i], buf[i + 1], buf[i + 2]]
}

/// A tick label that is a number with a minus sign and nothing but zeros.
fn negative_zero(text: &str) -> bool {
    text.strip_prefix('-')
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c == '0' || c == '.'))
}

#[test]
fn no_tick_label_reads_minus_zero() {
    assert_eq!(tick_label(&-1e-17), "0.0");
    assert_eq!(tick_label(&-2.5), "-2.5");
    for curve in Curve::ALL {
        let ws = iterates(curve, curve.domain().1 - 0.5, 0.1, 3);
        let (_, texts, _) = record(|b| draw_gd1d(b, curve, &ws, 0.1, 1.0).unwrap());
        assert!(
            texts.iter().any(|t| t == "0" || t == "0.0"),
            "{curve:?}: a zero tick in {texts:?}"
        );
        assert!(!texts.iter().any(|t| negative_zero(t)), "{curve:?}: {texts:?}");
    }
}

/// η = 1.2 on (w − 1)² from 3: w_t − 1 = 2 (−1.4)^t, so w₂ = 4.92 and the
/// current w₄ = 8.68 lie beyond w = 4, and w₃ = −4.49 beyond w = −2.
#[test]
fn iterates_beyond_the_plotted_range_are_marked_at_its_edge() {
    let ws = iterates(Curve::Quadratic, 3.0, 1.2, 4);
    let (lo, hi) = Curve::Quadratic.domain();
    assert!(
        ws[2] > hi && ws[3] < lo && ws[4] > hi && (lo..hi).contains(&ws[1]),
        "{ws:?}"
    );
    let (buf, texts, rect) = record(|b| draw_gd1d(b, Curve::Quadratic, &ws, 1.2, 1.0).unwrap());
    assert!(texts.contains(&"w_t = 8.68".to_string()), "{texts:?}");
    assert!(texts.contains(&"1 iterate off the plot".to_string()), "{texts:?}");
    // The arrows, filled with the iterates' colour, at each edge near the top of the plot.
    let top = rect.y..rect.y + (rect.height / 5) as i32;
    let arrow_at = |xs: std::ops::Range<i32>| {
        xs.clone()
            .any(|x| top.clone().any(|y| pixel(&buf, (x, y)) == FIT))
    };
    let (left, right) = (rect.x, rect.x + rect.width as i32);
    assert!(arrow_at(left..left + 9), "an arrow at the left edge");
    assert!(arrow_at(right - 9..right), "an arrow at the right edge");
    // Without iterates beyond the range there is neither arrow nor label.
    let inside = iterates(Curve::Quadratic, 3.0, 0.3, 4);
    let (buf, texts, _) = record(|b| draw_gd1d(b, Curve::Quadratic, &inside, 0.3, 1.0).unwrap());
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("off the plot") || t.starts_with("w_t")),
        "{texts:?}"
    );
    let top = rect.y..rect.y + (rect.height / 5) as i32;
    let marked = |xs: std::ops::Range<i32>| {
        xs.clone()
            .any(|x| top.clone().any(|y| pixel(&buf, (x, y)) == FIT))
    };
    assert!(!marked(left..left + 9) && !marked(right - 9..right));
}

/// Under the ring, the map shows the colour of the verdict at the ring's
/// (w₀, η) when that is a cell's centre; and every minimum has a colour of its own.
#[test]
fn the_map_under_the_ring_is_the_verdict_and_minima_have_distinct_colours() {
    let curve = Curve::TwoWells;
    let etas = [0.01, 0.1, 0.5, 2.0];
    let w0s = [-3.0, -1.0, 1.0, 2.5];
    let map = outcome_map(curve, &etas, &w0s);
    for (eta, w0) in [(0.5, -3.0), (0.5, 2.5), (0.01, 1.0)] {
        let (buf, _, centre) = record(|b| draw_outcome_map(b, &map, &etas, &w0s, (w0, eta), 1.0).unwrap());
        assert_eq!(
            pixel(&buf, centre),
            outcome_colour(outcome(curve, w0, eta)),
            "w₀ = {w0}, η = {eta}"
        );
    }
    for c in Curve::ALL {
        assert!(c.minima().len() <= MINIMA.len(), "{c:?}");
    }
    let mut colours = MINIMA.to_vec();
    colours.sort();
    colours.dedup();
    assert_eq!(colours.len(), MINIMA.len());
}

#[test]
fn logistic_panels_count_iterations_not_samples() {
    assert_eq!(panel_title(10, 38.21234), "after 10 iterations: ℒ = 38.2123");
    assert_eq!(
        panel_title(10_000, f64::INFINITY),
        "after 10000 iterations: ℒ = ∞ (diverged)"
    );
    let data = two_gaussians(100, 1.0, 0.5, 1);
    let panels: Vec<Panel> = train(&data, normal_start(1), 0.1, &[10, 100])
        .into_iter()
        .map(|(n, m)| Panel {
            title: panel_title(n, loss(&data, &m)),
            model: m,
        })
        .collect();
    let (_, texts, _) = record(|b| draw_logistic(b, &data, &panels, lda(&data), 2, 1.0).unwrap());
    assert!(
        texts.iter().any(|t| t.starts_with("after 100 iterations: ℒ = ")),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t.starts_with("n =")), "{texts:?}");
}
