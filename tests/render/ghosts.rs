//! The loss chart's kept runs ("ghosts") and its legend: the ghosts drawn
//! dashed behind the current run, and the legend in a band above the plotting
//! area, one sample of each curve's own line (dashed for a ghost), covering
//! neither the data nor the ticks.

use crate::charts::{bitmap, count_in, pixel, trained_xor, SIZE};
use mlp_playground::render::charts::loss::{draw_loss_with_ghosts, Axes, Ghost};
use mlp_playground::render::palette::{Rgb, TEST_CURVE, TRAIN_CURVE};
use mlp_playground::render::PixelRect;
use mlp_playground::Trainer;

const WHOLE: PixelRect = PixelRect {
    x: 0,
    y: 0,
    width: SIZE.0,
    height: SIZE.1,
};

/// The first ghost's colour, GHOSTS[0] = (120, 120, 120) at 60 % over white:
/// 0.6·120 + 0.4·255 = 174 in every channel.
fn is_ghost_grey(p: [u8; 3]) -> bool {
    p[0] == p[1] && p[1] == p[2] && (171..=177).contains(&p[0])
}

fn xor_run(eta: f32) -> Trainer {
    let mut t = trained_xor(0);
    t.set_eta(eta).unwrap();
    for _ in 0..50 {
        t.step(20);
    }
    t
}

fn draw(current: &Trainer, ghosts: &[Ghost]) -> Vec<u8> {
    let mut buf = vec![0u8; (SIZE.0 * SIZE.1 * 3) as usize];
    let axes = Axes {
        x_desc: "iteration",
        y_desc: "loss",
        log_scale: true,
        scale: 1.0,
    };
    draw_loss_with_ghosts(
        bitmap(&mut buf),
        current.history(),
        ["train", "test"],
        true,
        ghosts,
        axes,
    )
    .unwrap();
    buf
}

#[test]
fn a_kept_ghost_curve_is_drawn_dashed_behind_the_run() {
    let kept = xor_run(0.3);
    let current = xor_run(0.1);
    let ghost = Ghost::from_history("ghost 1: GD η=0.3".into(), kept.history(), true);
    assert!(ghost.test.is_some());
    let (plain, with_ghost) = (draw(&current, &[]), draw(&current, std::slice::from_ref(&ghost)));
    let grey = |buf: &[u8]| count_in(buf, WHOLE, is_ghost_grey);
    assert!(
        grey(&with_ghost) > 100 && grey(&plain) < 10,
        "{} vs {}",
        grey(&with_ghost),
        grey(&plain)
    );
    // The current run is still drawn in full colour on top.
    assert!(count_in(&with_ghost, WHOLE, |p| p == TRAIN_CURVE) > 100);
}

/// The rows that hold pixels of `colour`, in order.
fn rows_with(buf: &[u8], colour: impl Fn([u8; 3]) -> bool) -> Vec<u32> {
    (0..SIZE.1)
        .filter(|&y| (0..SIZE.0).any(|x| colour(pixel(buf, x as i32, y as i32))))
        .collect()
}

/// The runs of `colour` in row `y`: (start, length).
fn runs(buf: &[u8], y: u32, colour: impl Fn([u8; 3]) -> bool) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for x in 0..SIZE.0 {
        if colour(pixel(buf, x as i32, y as i32)) {
            match out.last_mut() {
                Some((start, len)) if *start + *len == x => *len += 1,
                _ => out.push((x, 1)),
            }
        }
    }
    out
}

/// The top of the plotting area: the first row of the y axis, the longest
/// vertical run of dark pixels in the chart.
fn plot_top(buf: &[u8]) -> u32 {
    let dark = |p: [u8; 3]| p.iter().all(|&c| c < 80);
    let mut best = (0, 0);
    for x in 0..SIZE.0 {
        let (mut run, mut start) = (0, 0);
        for y in 0..SIZE.1 {
            if dark(pixel(buf, x as i32, y as i32)) {
                if run == 0 {
                    start = y;
                }
                run += 1;
                if run > best.0 {
                    best = (run, start);
                }
            } else {
                run = 0;
            }
        }
    }
    assert!(best.0 > SIZE.1 / 2, "a y axis is drawn: {best:?}");
    best.1
}

#[test]
fn the_legend_sits_above_the_plot_with_a_sample_of_each_line_dashed_for_a_ghost() {
    let current = xor_run(0.1);
    let ghost = Ghost::from_history("ghost 1: GD η=0.3 seed 1".into(), xor_run(0.3).history(), true);
    let buf = draw(&current, std::slice::from_ref(&ghost));
    // A curve at the top of its range may spill its stroke a pixel or two above the axis.
    let top = plot_top(&buf) - 3;
    let is = |c: Rgb| move |p: [u8; 3]| p == c;
    // Each of train, test and the ghost has one sample line, all above the plot.
    let samples = |colour: &dyn Fn([u8; 3]) -> bool| -> Vec<u32> {
        rows_with(&buf, colour).into_iter().filter(|&y| y < top).collect()
    };
    let (train, test, grey) = (
        samples(&is(TRAIN_CURVE)),
        samples(&is(TEST_CURVE)),
        samples(&is_ghost_grey),
    );
    assert!(
        !train.is_empty() && !test.is_empty() && !grey.is_empty(),
        "a sample per curve above the plot (top {top}): {train:?} {test:?} {grey:?}"
    );
    // The short names share the first row; the ghost's long name goes under them.
    assert_eq!(train, test, "train and test on one row");
    assert!(
        grey[0] > train[0],
        "the ghost's entry under them: {grey:?} vs {train:?}"
    );
    // The ghost's test line (fainter: (120 + 135/2) at 60 % over white ≈ 214) has its own sample.
    let faint = |p: [u8; 3]| p[0] == p[1] && p[1] == p[2] && (210..=218).contains(&p[0]);
    assert!(!samples(&faint).is_empty(), "a sample for the ghost's test line");
    // The current run's sample is a solid line, the ghost's a dashed one.
    let solid = runs(&buf, train[0], is(TRAIN_CURVE));
    assert!(solid.len() == 1 && solid[0].1 >= 18, "{solid:?}");
    let dashed = runs(&buf, grey[0], is_ghost_grey);
    assert!(dashed.len() >= 2, "a dashed sample for the ghost: {dashed:?}");
    // Nothing of the data is drawn in the legend's band: the curves start under it.
    let band = PixelRect {
        x: 0,
        y: 0,
        width: SIZE.0,
        height: top,
    };
    let legend_px = count_in(&buf, band, is(TRAIN_CURVE));
    assert!(
        legend_px <= 3 * 19,
        "only the sample line in the band: {legend_px} pixels"
    );
}

#[test]
fn without_curves_there_is_no_band_and_with_three_ghosts_every_name_has_a_row() {
    let current = xor_run(0.1);
    let ghosts: Vec<Ghost> = (1..=3)
        .map(|i| {
            Ghost::from_history(
                format!("ghost {i}: GD η=0.3 seed {i}"),
                xor_run(0.3).history(),
                false,
            )
        })
        .collect();
    let buf = draw(&current, &ghosts);
    let top = plot_top(&buf);
    // Each ghost's sample line is in its own row above the plot (its own grey).
    let ghost_rows: Vec<u32> = (0..top)
        .filter(|&y| {
            let line = runs(&buf, y, |p| p != [255, 255, 255]);
            line.len() >= 2 && line[0].0 < 20
        })
        .collect();
    assert!(
        ghost_rows.len() >= 3,
        "three ghost rows above the plot at {top}: {ghost_rows:?}"
    );
    assert!(top > 40, "the band grows with the entries: plot starts at {top}");
}
