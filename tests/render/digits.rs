//! The Digits view's pictures: weight tiles on the signed colour scale, test
//! digits framed by whether they were read right, and one input image.

use mlp_playground::data::digits::PIXELS;
use mlp_playground::render::digits::{digit_tiles, input_image, weight_tiles, CELL, GAP};
use mlp_playground::render::palette::{NEGATIVE, POSITIVE};
use mlp_playground::{Activation, Mlp};

/// The RGB of pixel (x, y).
fn at(rgba: &[u8], width: usize, x: usize, y: usize) -> [u8; 3] {
    let i = (y * width + x) * 4;
    [rgba[i], rgba[i + 1], rgba[i + 2]]
}

#[test]
fn each_unit_is_a_28_by_28_tile_of_its_signed_weights() {
    let mut mlp = Mlp::zeros(&[PIXELS, 3, 10], Activation::Tanh, Activation::Tanh);
    // Unit 1: +1 on the first pixel, −0.5 on the last (its own largest |w| is 1).
    mlp.layers[0].w[PIXELS] = 1.0;
    mlp.layers[0].w[2 * PIXELS - 1] = -0.5;
    let p = weight_tiles(&mlp, 2);
    assert_eq!((p.width, p.height), (2 * CELL, 2 * CELL), "3 tiles, 2 a row");
    assert_eq!(p.rgba.len(), p.width * p.height * 4);
    let first = at(&p.rgba, p.width, CELL + GAP, GAP);
    let last = at(&p.rgba, p.width, CELL + GAP + 27, GAP + 27);
    let zero = at(&p.rgba, p.width, CELL + GAP + 5, GAP + 5);
    // Full scale is 3/4 of the way to the class colour (palette::heat).
    assert!(
        first[0] > first[2] && (i32::from(first[0]) - i32::from(POSITIVE[0])).abs() < 60,
        "{first:?}"
    );
    assert!(
        last[2] > last[0] && (i32::from(last[2]) - i32::from(NEGATIVE[2])).abs() < 80,
        "{last:?}"
    );
    assert_eq!(zero[0], zero[2], "a zero weight is neutral: {zero:?}");
}

#[test]
fn a_mistake_is_framed_red_and_ink_is_dark() {
    let ink = vec![255u8; PIXELS];
    let paper = vec![0u8; PIXELS];
    let p = digit_tiles(&[&ink, &paper], &[true, false], 2);
    assert_eq!((p.width, p.height), (2 * CELL, CELL));
    assert_eq!(at(&p.rgba, p.width, GAP + 3, GAP + 3), [0, 0, 0], "ink is black");
    assert_eq!(
        at(&p.rgba, p.width, CELL + GAP + 3, GAP + 3),
        [255, 255, 255],
        "paper is white"
    );
    let (right, wrong) = (at(&p.rgba, p.width, 0, 0), at(&p.rgba, p.width, CELL, 0));
    assert!(
        wrong[0] > 200 && wrong[1] < 80,
        "the mistake's frame is red: {wrong:?}"
    );
    assert_eq!(right[0], right[1], "the right answer's frame is grey: {right:?}");
    let img = input_image(&[0.5; PIXELS]);
    assert_eq!((img.width, img.height, img.rgba[0]), (28, 28, 127));
}
