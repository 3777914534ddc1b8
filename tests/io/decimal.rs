//! The page's own decimal reader against the standard library's (the
//! reference: correctly rounded), on random floats written every way Rust
//! writes them, on the exact halfway points between neighbouring f32s (where
//! rounding is hardest), and on valid and invalid syntax.

use mlp_playground::io::decimal::parse_f32;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Both readers agree on `s`: same bits, or both NaN, or both refuse.
fn agree(s: &str) {
    let want = s.parse::<f32>().ok();
    let got = parse_f32(s);
    match (want, got) {
        (Some(w), Some(g)) if w.is_nan() && g.is_nan() => {}
        (Some(w), Some(g)) => assert_eq!(g.to_bits(), w.to_bits(), "{s:?}: got {g:e}, want {w:e}"),
        (None, None) => {}
        _ => panic!("{s:?}: got {got:?}, want {want:?}"),
    }
}

/// A random finite f32, every exponent equally likely (subnormals included).
fn random_float(rng: &mut StdRng) -> f32 {
    loop {
        let v = f32::from_bits(rng.random::<u32>());
        if v.is_finite() {
            return v;
        }
    }
}

#[test]
fn random_floats_written_every_way_read_back_as_the_standard_reader_does() {
    let mut rng = StdRng::seed_from_u64(1);
    for _ in 0..40_000 {
        let v = random_float(&mut rng);
        for s in [
            format!("{v}"),
            format!("{v:e}"),
            format!("{v:?}"),
            format!("{v:.3}"),
            format!("{v:.12e}"),
            format!("{}", f64::from(v) * 1.000_000_1),
        ] {
            agree(&s);
        }
        // The shortest form comes back exactly: the round trip of a written weight.
        assert_eq!(parse_f32(&format!("{v}")).unwrap().to_bits(), v.to_bits());
    }
}

#[test]
fn halfway_points_round_to_even_and_a_hair_either_side_decides() {
    let mut rng = StdRng::seed_from_u64(2);
    for _ in 0..20_000 {
        let v = random_float(&mut rng).abs();
        if v == f32::MAX {
            continue;
        }
        // The midpoint of v and the next float up is exact in f64 (25 bits).
        let next = f32::from_bits(v.to_bits() + 1);
        let mid = (f64::from(v) + f64::from(next)) / 2.0;
        let exact = format!("{mid:.130e}"); // every digit of the midpoint
        agree(&exact);
        let (mantissa, exponent) = exact.split_once('e').unwrap();
        let trimmed = mantissa.trim_end_matches('0');
        // Just above: a 1 far past the last digit (beyond the reader's 200-digit cap).
        agree(&format!("{trimmed}{}1e{exponent}", "0".repeat(250)));
        agree(&format!("{trimmed}{}1e{exponent}", "0".repeat(20)));
        // Just below: the last digit one less, then nines.
        let last = trimmed.len() - 1;
        let digit = trimmed.as_bytes()[last] - b'0';
        if digit > 0 {
            agree(&format!(
                "{}{}{}e{exponent}",
                &trimmed[..last],
                digit - 1,
                "9".repeat(40)
            ));
        }
        agree(&format!("{:e}", mid * (1.0 + 1e-15)));
        agree(&format!("{:e}", mid * (1.0 - 1e-15)));
    }
}

#[test]
fn the_edges_of_the_range_match() {
    for s in [
        "3.4028235e38",
        "3.40282356e38",
        // The overflow threshold (largest float plus half its spacing): a tie,
        // which goes to infinity, and the integer just below it.
        "340282356779733661637539395458142568448",
        "340282356779733661637539395458142568447",
        "3.4028236e38",
        "1e39",
        "1e400",
        "1.4e-45",
        "1.401298464324817e-45",
        "7.006492321624085e-46",
        "7.006492321624086e-46",
        "7e-46",
        "1e-46",
        "1e-400",
        "1.1754942e-38",
        "1.1754944e-38",
        "0e999999999999999999999",
        "1e-99999999999999999999",
        "16777217",
        "16777219",
        "0.1",
        "-0.0",
        "-0",
    ] {
        agree(s);
    }
}

#[test]
fn the_syntax_is_the_standard_readers() {
    for s in [
        "",
        ".",
        "+",
        "-",
        "e1",
        "1e",
        "1e+",
        "1e-",
        "1.e5",
        ".5e-3",
        "+.5",
        "-.5",
        "5.",
        "1E5",
        "00001.5000",
        "inf",
        "-Infinity",
        "+INF",
        "NaN",
        "-nan",
        "nan1",
        "infin",
        "1,5",
        " 1",
        "1 ",
        "0x10",
        "1_0",
        "1e5.0",
        "1e5e3",
        "1.2.3",
        "--1",
        "+-1",
        "١",
        "½",
        "1e+0005",
    ] {
        agree(s);
    }
}

#[test]
fn a_very_long_number_is_read_quickly_and_exactly() {
    // A million digits must not make the reader crawl (the tail is summarised).
    let long = format!("0.{}", "3".repeat(1_000_000));
    agree(&long);
    agree(&format!("{}.5", "1".repeat(100_000)));
}
