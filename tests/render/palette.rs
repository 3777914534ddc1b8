//! Colours every student can tell apart: each pair of colours that a chart
//! shows together, seen through a simulation of protanopia, deuteranopia and
//! tritanopia (Machado, Oliveira and Fernandes 2009, severity 1, on linear
//! RGB), stays at least `MIN_DIFFERENCE` apart in CIELAB (ΔE*ab, 1976), about
//! the distance between clearly different named colours. The page's former
//! red test curve beside the black training curve failed this under
//! protanopia (ΔE 39 → kept, but the purple model beside the blue tangent
//! fell to 12 under deuteranopia), which is why the palette is Okabe–Ito.

use mlp_playground::lessons::gd1d::{Curve, Outcome};
use mlp_playground::render::charts::gd1d::{outcome_colour, MINIMA};
use mlp_playground::render::palette::{
    Rgb, BOUNDARY, FIT, GHOSTS, HIGHLIGHT, NEGATIVE, POSITIVE, SAMPLE, TARGET, TEST_CURVE, TRAIN_CURVE, UNIT,
};

/// The smallest ΔE*ab two colours shown together may have under any simulation.
const MIN_DIFFERENCE: f64 = 20.0;

/// The three dichromacies, as matrices on linear RGB.
const SIMULATIONS: [(&str, [[f64; 3]; 3]); 3] = [
    (
        "protanopia",
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ],
    ),
    (
        "deuteranopia",
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ],
    ),
    (
        "tritanopia",
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ],
    ),
];

fn to_linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// CIELAB (D65) of linear RGB.
fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let (x, y, z) = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    );
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
}

/// ΔE*ab between two colours as seen through `m` (None: normal vision).
fn difference(a: Rgb, b: Rgb, m: Option<&[[f64; 3]; 3]>) -> f64 {
    let seen = |c: Rgb| {
        let l = c.map(to_linear);
        let l = match m {
            None => l,
            Some(m) => [0, 1, 2].map(|i| (m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]).clamp(0.0, 1.0)),
        };
        lab(l)
    };
    let (p, q) = (seen(a), seen(b));
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

/// The pairs a chart shows side by side, named for the failure message.
fn pairs() -> Vec<(String, Rgb, Rgb)> {
    let mut pairs = vec![
        ("the classes +1 and −1".to_string(), POSITIVE, NEGATIVE),
        ("the boundary line and class −1".into(), BOUNDARY, NEGATIVE),
        ("the training and test curves".into(), TRAIN_CURVE, TEST_CURVE),
        ("ψ and the fit f".into(), TARGET, FIT),
        ("the fit f and a unit's term".into(), FIT, UNIT),
        ("a unit's term and the highlighted unit".into(), UNIT, HIGHLIGHT),
        ("the samples and the fit".into(), SAMPLE, FIT),
        ("the tangent and the quadratic model".into(), UNIT, HIGHLIGHT),
        ("L(w) and the iterates".into(), TARGET, FIT),
        ("the logistic boundary and LDA".into(), TARGET, TEST_CURVE),
    ];
    for (i, &g) in GHOSTS.iter().enumerate() {
        pairs.push((format!("ghost {} and the training curve", i + 1), g, TRAIN_CURVE));
        pairs.push((format!("ghost {} and the test curve", i + 1), g, TEST_CURVE));
        for (j, &h) in GHOSTS.iter().enumerate().skip(i + 1) {
            pairs.push((format!("ghosts {} and {}", i + 1, j + 1), g, h));
        }
    }
    // The gradient-descent map: one colour per minimum of the curve shown, and
    // the cells that still move or diverge.
    let most = [Curve::Quadratic, Curve::TwoWells, Curve::Quartic, Curve::Bumpy]
        .map(|c| c.minima().len())
        .into_iter()
        .max()
        .unwrap_or(0);
    let mut map: Vec<(String, Rgb)> = (0..most)
        .map(|k| (format!("minimum {}", k + 1), MINIMA[k]))
        .collect();
    map.push(("still moving".into(), outcome_colour(Outcome::Oscillating)));
    map.push(("diverges".into(), outcome_colour(Outcome::Diverged)));
    for (i, (a, ca)) in map.iter().enumerate() {
        for (b, cb) in &map[i + 1..] {
            pairs.push((format!("the map's {a} and {b}"), *ca, *cb));
        }
    }
    pairs
}

#[test]
fn every_pair_shown_together_stays_apart_under_each_colour_blindness() {
    let mut failures = Vec::new();
    for (name, a, b) in pairs() {
        for (vision, m) in
            std::iter::once(("normal vision", None)).chain(SIMULATIONS.iter().map(|(n, m)| (*n, Some(m))))
        {
            let d = difference(a, b, m);
            if d < MIN_DIFFERENCE {
                failures.push(format!("{name} under {vision}: ΔE {d:.1}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_check_tells_the_colours_it_was_written_for_apart() {
    // The former purple model beside the blue tangent: alike under deuteranopia.
    let deuteranopia = &SIMULATIONS[1].1;
    assert!(difference([8, 119, 189], [117, 38, 170], Some(deuteranopia)) < MIN_DIFFERENCE);
    // A colour is never apart from itself, and black and white are, for everyone.
    for (_, m) in &SIMULATIONS {
        assert!(difference(UNIT, UNIT, Some(m)) < 1e-9);
        assert!(difference([0, 0, 0], [255, 255, 255], Some(m)) > 99.0);
    }
}
