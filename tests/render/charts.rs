//! Native rendering tests: the charts drawn into a plotters bitmap, then read
//! back pixel by pixel (the same drawing code the browser runs on a canvas).

use mlp_playground::render::boundary::BoundaryImage;
use mlp_playground::render::charts::classifier::{draw_classifier, ChartOptions};
use mlp_playground::render::charts::loss::{draw_loss, Axes};
use mlp_playground::render::palette::{
    classify_pixel, BOUNDARY, NEGATIVE, POSITIVE, TEST_CURVE, TRAIN_CURVE,
};
use mlp_playground::render::PixelRect;
use mlp_playground::{DataSpec, DatasetKind, Settings, Trainer};
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

pub(crate) const SIZE: (u32, u32) = (320, 320);

/// A bitmap backend that skips text. Natively plotters has no font to draw
/// with (in the browser the canvas draws it); the tests read shapes, not text.
pub(crate) struct Textless<'a>(BitMapBackend<'a>);

type Fail<'a> = DrawingErrorKind<<BitMapBackend<'a> as DrawingBackend>::ErrorType>;

impl<'a> DrawingBackend for Textless<'a> {
    type ErrorType = <BitMapBackend<'a> as DrawingBackend>::ErrorType;
    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), Fail<'a>> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), Fail<'a>> {
        self.0.present()
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), Fail<'a>> {
        self.0.draw_pixel(p, c)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), Fail<'a>> {
        self.0.draw_line(a, b, s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), Fail<'a>> {
        self.0.draw_rect(a, b, s, fill)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), Fail<'a>> {
        self.0.draw_circle(c, r, s, fill)
    }
    fn draw_text<T: BackendTextStyle>(&mut self, _: &str, _: &T, _: BackendCoord) -> Result<(), Fail<'a>> {
        Ok(())
    }
    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, _: &T) -> Result<(u32, u32), Fail<'a>> {
        Ok((7 * text.chars().count() as u32, 12))
    }
}

pub(crate) fn bitmap(buf: &mut [u8]) -> Textless<'_> {
    Textless(BitMapBackend::with_buffer(buf, SIZE))
}

pub(crate) fn trained_xor(steps: u32) -> Trainer {
    let mut t = Trainer::new(Settings {
        data: DataSpec {
            kind: DatasetKind::Xor,
            points: 200,
            noise: 0.0,
            train_fraction: 0.5,
            seed: 3,
        },
        hidden: vec![8],
        eta: 0.1,
        batch_size: 10,
        ..Settings::default()
    })
    .unwrap();
    t.step(steps);
    t
}

/// Draws the classifier chart into an RGB buffer; returns it and the plotting area.
fn draw_chart(trainer: &Trainer) -> (Vec<u8>, PixelRect) {
    let mut buf = vec![0u8; (SIZE.0 * SIZE.1 * 3) as usize];
    let mut area = None;
    let mut image = BoundaryImage::default();
    {
        let backend = bitmap(&mut buf);
        let split = trainer.split();
        let options = ChartOptions {
            scale: 1.0,
            show_test: true,
            overlay: None,
            classes: 0,
            background: true,
        };
        draw_classifier(backend, &split.train, &split.test, options, |root, rect| {
            area = Some(rect);
            let rgba = image.render(trainer, rect.width as usize, rect.height as usize);
            for (i, px) in rgba.chunks_exact(4).enumerate() {
                let (x, y) = ((i as u32 % rect.width) as i32, (i as u32 / rect.width) as i32);
                root.draw_pixel((rect.x + x, rect.y + y), &RGBColor(px[0], px[1], px[2]))
                    .map_err(|e| format!("{e:?}"))?;
            }
            Ok(())
        })
        .unwrap();
    }
    (buf, area.expect("the chart asks for the heatmap"))
}

pub(crate) fn pixel(buf: &[u8], x: i32, y: i32) -> [u8; 3] {
    let i = 3 * (y as usize * SIZE.0 as usize + x as usize);
    [buf[i], buf[i + 1], buf[i + 2]]
}

pub(crate) fn count_in(buf: &[u8], rect: PixelRect, pred: impl Fn([u8; 3]) -> bool) -> usize {
    let mut n = 0;
    for y in rect.y..rect.y + rect.height as i32 {
        for x in rect.x..rect.x + rect.width as i32 {
            n += usize::from(pred(pixel(buf, x, y)));
        }
    }
    n
}

#[test]
fn after_training_xor_both_classes_and_the_boundary_are_drawn() {
    let trainer = trained_xor(3000);
    let (buf, rect) = draw_chart(&trainer);
    assert!(rect.width > 200 && rect.height > 200, "{rect:?}");
    let total = (rect.width * rect.height) as usize;
    let neg = count_in(&buf, rect, |p| classify_pixel(p) == Some(-1.0));
    let pos = count_in(&buf, rect, |p| classify_pixel(p) == Some(1.0));
    // XOR: each class owns about half the plane.
    assert!(
        neg > total / 4 && pos > total / 4,
        "neg {neg}, pos {pos} of {total}"
    );
    let edge = count_in(&buf, rect, |p| p == BOUNDARY);
    assert!(
        edge > rect.width as usize,
        "the 0-level line is drawn ({edge} px)"
    );
    // The quadrants (+, +) and (−, −) are class +1, the other two class −1
    // (points drawn on top aside, each quadrant's block is mostly its colour).
    let quadrant = |qx: i32, qy: i32| {
        let (w, h) = (rect.width as i32 / 4, rect.height as i32 / 4);
        let block = PixelRect {
            x: rect.x + qx * w + w / 2,
            y: rect.y + qy * h + h / 2,
            width: w as u32,
            height: h as u32,
        };
        let pos = count_in(&buf, block, |p| classify_pixel(p) == Some(1.0));
        let neg = count_in(&buf, block, |p| classify_pixel(p) == Some(-1.0));
        (pos, neg)
    };
    for (qx, qy, class) in [(2, 0, 1.0), (0, 2, 1.0), (0, 0, -1.0), (2, 2, -1.0)] {
        let (pos, neg) = quadrant(qx, qy);
        let ok = if class > 0.0 { pos > 3 * neg } else { neg > 3 * pos };
        assert!(
            ok,
            "quadrant ({qx}, {qy}) should be class {class}: {pos} orange, {neg} blue"
        );
    }
}

#[test]
fn training_points_are_drawn_filled_in_their_class_colour() {
    let trainer = trained_xor(10);
    let (buf, rect) = draw_chart(&trainer);
    let to_px = |v: f32, lo: i32, len: u32, flip: bool| {
        let t = (v + 6.0) / 12.0;
        let t = if flip { 1.0 - t } else { t };
        lo + (t * len as f32) as i32
    };
    let train = &trainer.split().train;
    let mut hits = 0;
    for i in 0..train.len() {
        let [x1, x2] = [train.input(i)[0], train.input(i)[1]];
        let (px, py) = (
            to_px(x1, rect.x, rect.width, false),
            to_px(x2, rect.y, rect.height, true),
        );
        let want = if train.labels[i] > 0.0 { POSITIVE } else { NEGATIVE };
        hits += usize::from(pixel(&buf, px, py) == want);
    }
    // Points can overlap one another; nearly all centres show their own colour.
    assert!(hits * 10 >= train.len() * 8, "{hits} of {}", train.len());
}

fn draw_loss_chart(trainer: &Trainer, log_scale: bool, show_test: bool) -> Vec<u8> {
    let mut buf = vec![0u8; (SIZE.0 * SIZE.1 * 3) as usize];
    {
        let backend = bitmap(&mut buf);
        let axes = Axes {
            x_desc: "iteration",
            y_desc: "loss",
            log_scale,
            scale: 1.0,
        };
        draw_loss(backend, trainer.history(), ["train", "test"], show_test, axes).unwrap();
    }
    buf
}

#[test]
fn the_loss_chart_draws_both_curves_in_linear_and_log_scale() {
    let mut trainer = trained_xor(0);
    for _ in 0..100 {
        trainer.step(20);
    }
    let whole = PixelRect {
        x: 0,
        y: 0,
        width: SIZE.0,
        height: SIZE.1,
    };
    for log_scale in [false, true] {
        let buf = draw_loss_chart(&trainer, log_scale, true);
        let train_px = count_in(&buf, whole, |p| p == TRAIN_CURVE);
        let test_px = count_in(&buf, whole, |p| p == TEST_CURVE);
        assert!(
            train_px > 100 && test_px > 100,
            "log {log_scale}: {train_px} / {test_px}"
        );
    }
    let hidden = draw_loss_chart(&trainer, false, false);
    assert_eq!(
        count_in(&hidden, whole, |p| p == TEST_CURVE),
        0,
        "the test curve can be hidden"
    );
}

#[test]
fn an_empty_history_draws_axes_without_failing() {
    let mut trainer = trained_xor(0);
    trainer
        .set_loss(mlp_playground::Loss::Mse, mlp_playground::Reduction::Sum)
        .unwrap();
    let buf = draw_loss_chart(&trainer, true, true);
    assert!(buf.iter().any(|&b| b < 128), "axes are drawn");
}

#[test]
fn the_approximation_plot_shows_target_fit_and_unit_terms() {
    use mlp_playground::approx::lab::{Lab, Mode};
    use mlp_playground::render::charts::approx::{draw_approx, ApproxOptions};
    use mlp_playground::render::palette::{FIT, HIGHLIGHT, TARGET};

    let mut lab = Lab::new();
    lab.set_mode(Mode::Constructed);
    lab.set_units(12).unwrap();
    let mlp = lab.mlp();
    let draw = |show_units: bool, highlight: Option<usize>| {
        let mut buf = vec![0u8; (SIZE.0 * SIZE.1 * 3) as usize];
        let layout = {
            let options = ApproxOptions {
                scale: 1.0,
                show_units,
                highlight,
            };
            let curves = (lab.xs(), lab.psi(), lab.f());
            draw_approx(bitmap(&mut buf), mlp, &[], curves, options).unwrap()
        };
        (buf, layout)
    };
    let (buf, layout) = draw(true, Some(3));
    let whole = layout.rect;
    let count = |buf: &[u8], c: [u8; 3]| count_in(buf, whole, |p| p == c);
    assert!(count(&buf, TARGET) > 200, "ψ is drawn");
    assert!(count(&buf, FIT) > 200, "f is drawn");
    assert!(count(&buf, HIGHLIGHT) > 50, "the highlighted unit is drawn");
    // Unit terms are translucent blue over white: bluish, not grey.
    let bluish = count_in(&buf, whole, |[r, _, b]| i32::from(b) - i32::from(r) > 25);
    assert!(bluish > 200, "unit terms are drawn ({bluish} px)");
    let (plain, _) = draw(false, None);
    assert_eq!(count(&plain, HIGHLIGHT), 0);
    assert!(count_in(&plain, whole, |[r, _, b]| i32::from(b) - i32::from(r) > 25) < bluish / 4);
    // The layout maps pixels back to data: the plot's corners are the ranges.
    assert!((layout.data_x(f64::from(whole.x)) + 1.0).abs() < 1e-9);
    assert!((layout.data_y(f64::from(whole.y)) - 1.5).abs() < 1e-9);
    // The highlighted unit's own curve is found again under the pointer.
    let x = 0.5_f32;
    let px = f64::from(whole.x) + (f64::from(x) + 1.0) / 2.0 * f64::from(whole.width);
    let py = layout.pixel_y(f64::from(mlp_playground::approx::unit_term(mlp, 3, x)));
    let found = layout.unit_at(mlp, px, py, 0.5).unwrap();
    let term = |k| mlp_playground::approx::unit_term(mlp, k, x);
    assert!(
        (term(found) - term(3)).abs() < 1e-3,
        "unit {found} under the pointer"
    );
}

#[test]
fn the_lesson_charts_draw_their_lines() {
    use mlp_playground::lessons::gd1d::{iterates, outcome_map, Curve};
    use mlp_playground::lessons::lda::lda;
    use mlp_playground::lessons::logistic::{normal_start, train, two_gaussians};
    use mlp_playground::render::charts::gd1d::{draw_gd1d, draw_outcome_map, outcome_colour};
    use mlp_playground::render::charts::logistic::{draw_logistic, Panel};
    use mlp_playground::render::palette::{FIT, HIGHLIGHT, TARGET};

    let whole = PixelRect {
        x: 0,
        y: 0,
        width: SIZE.0,
        height: SIZE.1,
    };
    let data = two_gaussians(100, 0.6, 0.3, 7);
    let snaps = train(&data, normal_start(1), 0.1, &[10, 10_000]);
    let panels: Vec<Panel> = snaps
        .iter()
        .map(|&(n, m)| Panel {
            title: format!("n = {n}"),
            model: m,
        })
        .collect();
    let mut buf = vec![0u8; (SIZE.0 * SIZE.1 * 3) as usize];
    draw_logistic(bitmap(&mut buf), &data, &panels, lda(&data), 2, 1.0).unwrap();
    assert!(
        count_in(&buf, whole, |p| p == TARGET) > 100,
        "logistic boundaries"
    );
    assert!(
        count_in(&buf, whole, |p| p == TEST_CURVE) > 50,
        "LDA boundaries, dashed"
    );

    let ws = iterates(Curve::TwoWells, 2.5, 0.3, 5);
    let mut buf = vec![0u8; (SIZE.0 * SIZE.1 * 3) as usize];
    let rect = draw_gd1d(bitmap(&mut buf), Curve::TwoWells, &ws, 0.3, 1.0).unwrap();
    assert!(count_in(&buf, rect, |p| p == TARGET) > 200, "the curve L");
    assert!(count_in(&buf, rect, |p| p == FIT) > 20, "the iterates");
    assert!(
        count_in(&buf, rect, |p| p == HIGHLIGHT) > 50,
        "the quadratic model"
    );

    let (etas, w0s) = ([0.01, 0.1, 1.0, 3.0], [-3.0, -1.0, 1.0, 3.0]);
    let map = outcome_map(Curve::Quadratic, &etas, &w0s);
    let mut buf = vec![0u8; (SIZE.0 * SIZE.1 * 3) as usize];
    draw_outcome_map(bitmap(&mut buf), &map, &etas, &w0s, (3.0, 0.1), 1.0).unwrap();
    let diverged = outcome_colour(mlp_playground::lessons::gd1d::Outcome::Diverged);
    assert!(
        count_in(&buf, whole, |p| p == diverged) > 1000,
        "η = 3 diverges on the quadratic"
    );
}
