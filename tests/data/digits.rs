//! The MNIST digits: the package's files are exactly grey levels k/255, the
//! build's binary holds them without loss, the split is disjoint and seeded,
//! the normalisation and targets are the practical's, and a drawing is brought
//! to MNIST's form.

use crate::mnist::{byte_of, digit_file, package_digits, read_digit_file};
use mlp_playground::data::digits::drawing::to_mnist;
use mlp_playground::data::digits::split::{grey, targets, DigitSplit, ZETA};
use mlp_playground::data::digits::{Digits, PIXELS, SIDE};
use std::collections::HashSet;

#[test]
fn the_package_holds_10000_digits_of_784_grey_levels_k_over_255() {
    let digits = package_digits(usize::MAX);
    assert_eq!(digits.len(), 10_000);
    assert_eq!(
        digits.counts(),
        [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]
    );
    assert_eq!(digits.pixels.len(), 10_000 * PIXELS);
    // Every value read back is k/255 to 3 decimals: the reader refuses anything else.
    assert_eq!(byte_of(0.992), Some(253));
    assert_eq!(byte_of(1.0), Some(255));
    assert_eq!(byte_of(0.5), None, "0.5 is not k/255 to 3 decimals");
    assert!(read_digit_file(&format!("{{\"data\": [{}0.5]}}", "0,".repeat(PIXELS - 1))).is_err());
}

#[test]
fn the_build_binary_holds_the_package_digits_exactly() {
    let out = std::env::temp_dir().join(format!("digits-{}.bin", std::process::id()));
    let status = std::process::Command::new("node")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/digits-data.mjs"))
        .arg(&out)
        .status()
        .expect("node runs the conversion script");
    assert!(status.success());
    let bytes = std::fs::read(&out).unwrap();
    std::fs::remove_file(&out).ok();
    let decoded = Digits::decode(&bytes).unwrap();
    assert_eq!(decoded, package_digits(usize::MAX));
    // A truncated or foreign file is refused with a sentence.
    assert!(Digits::decode(&bytes[..bytes.len() - 1])
        .unwrap_err()
        .contains("length"));
    assert!(Digits::decode(b"not digits at all").is_err());
    assert!(digit_file(0).exists());
}

#[test]
fn the_split_is_disjoint_seeded_and_normalised_by_the_training_set() {
    let digits = package_digits(100);
    let s = DigitSplit::draw(&digits, 300, 200, 7).unwrap();
    assert_eq!((s.train.len(), s.test.len()), (300, 200));
    let train: HashSet<_> = s.train.index.iter().collect();
    assert!(
        s.test.index.iter().all(|i| !train.contains(i)),
        "a test digit is also a training digit"
    );
    assert_eq!(
        s,
        DigitSplit::draw(&digits, 300, 200, 7).unwrap(),
        "the same seed gives the same split"
    );
    assert_ne!(
        s.train.index,
        DigitSplit::draw(&digits, 300, 200, 8).unwrap().train.index
    );
    // Training pixels have mean 0 and standard deviation 1 after normalisation.
    let n = s.train.inputs.len() as f64;
    let mean = s.train.inputs.iter().map(|&v| f64::from(v)).sum::<f64>() / n;
    let var = s
        .train
        .inputs
        .iter()
        .map(|&v| (f64::from(v) - mean).powi(2))
        .sum::<f64>()
        / n;
    assert!(
        mean.abs() < 1e-4 && (var.sqrt() - 1.0).abs() < 1e-4,
        "mean {mean}, std {}",
        var.sqrt()
    );
    // The test set uses the training set's two scalars.
    let k = digits.image(s.test.index[0])[400];
    assert!((s.test.inputs[400] - (grey(k) - s.mean) / s.std).abs() < 1e-6);
    assert!(DigitSplit::draw(&digits, 900, 200, 7)
        .unwrap_err()
        .contains("more than the 1000"));
    assert!(DigitSplit::draw(&digits, 0, 200, 7).is_err());
}

#[test]
fn targets_are_zeta_for_the_class_and_minus_zeta_elsewhere() {
    let t = targets(&[3, 0], ZETA);
    assert_eq!(t.len(), 20);
    assert_eq!(t[3], 0.9);
    assert_eq!(t[10], 0.9);
    assert_eq!(t.iter().filter(|&&v| v == -0.9).count(), 18);
}

/// The centre of mass of a 28 × 28 image, in pixel coordinates.
fn centre_of_mass(img: &[f32]) -> (f32, f32) {
    let (mut m, mut x, mut y) = (0.0, 0.0, 0.0);
    for (i, &v) in img.iter().enumerate() {
        m += v;
        x += v * ((i % SIDE) as f32 + 0.5);
        y += v * ((i / SIDE) as f32 + 0.5);
    }
    (x / m, y / m)
}

#[test]
fn a_drawing_is_fitted_in_20_by_20_and_centred_by_its_mass() {
    // A bar 30 wide and 120 tall near the corner of a 200 × 200 pad.
    let (w, h) = (200, 200);
    let mut ink = vec![0u8; w * h];
    for y in 10..130 {
        for x in 5..35 {
            ink[y * w + x] = 255;
        }
    }
    let img = to_mnist(&ink, w, h).unwrap();
    assert_eq!(img.len(), 784);
    let inked: Vec<usize> = (0..784).filter(|&i| img[i] > 0.0).collect();
    let rows: HashSet<_> = inked.iter().map(|i| i / SIDE).collect();
    let cols: HashSet<_> = inked.iter().map(|i| i % SIDE).collect();
    assert_eq!(rows.len(), 20, "the tall side fills the 20-pixel box");
    assert_eq!(cols.len(), 5, "the aspect ratio is kept (30/120 of 20)");
    let (cx, cy) = centre_of_mass(&img);
    assert!(
        (cx - 14.0).abs() <= 0.5 && (cy - 14.0).abs() <= 0.5,
        "centre of mass ({cx}, {cy})"
    );
    assert!(img.iter().all(|&v| (0.0..=1.0).contains(&v)));
    assert_eq!(
        img.iter().cloned().fold(0.0, f32::max),
        1.0,
        "full ink stays full"
    );
    assert!(to_mnist(&vec![0; w * h], w, h).unwrap_err().contains("empty"));
    assert!(to_mnist(&ink, w + 1, h).is_err());
}
