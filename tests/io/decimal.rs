//! How the two files the page reads back, the points CSV and the weights
//! JSON, read decimal numbers: correctly rounded to f32 (to nearest, ties to
//! even), shown on the exact halfway points between neighbouring f32s where
//! rounding is hardest; every way Rust writes a float comes back exactly; the
//! edges of the range; and bad syntax refused with its line (CSV) or its line
//! and column (JSON).

use mlp_playground::io::points_csv::read_points;
use mlp_playground::io::weights_json::{read_weights, write_weights};
use mlp_playground::{Activation, Mlp};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// `number` read as x1 of a points file's second line (after a first point,
/// so that a bad number is not taken for a header).
fn via_csv(number: &str) -> Result<f32, String> {
    let rows = read_points(&format!("x1,x2,label\n0,0,1\n{number},0,-1\n"))?;
    Ok(rows[1].x[0])
}

/// A weights file of one 1 → 1 layer whose only weight is `number`.
fn weights_file(number: &str) -> String {
    let text = write_weights(&Mlp::zeros(&[1, 1], Activation::Tanh, Activation::Identity));
    let blank = "\"w\":[[0.0]]";
    assert!(text.contains(blank), "{text}");
    text.replacen(blank, &format!("\"w\":[[{number}]]"), 1)
}

/// `number` read as the weight of a weights file.
fn via_weights(number: &str) -> Result<f32, String> {
    Ok(read_weights(&weights_file(number))?.layers[0].w[0])
}

/// Both readers give exactly `want` for `number` (the CSV only inside the
/// plotted square, where its points must lie).
fn reads_as(number: &str, want: f32) {
    let shown: String = number.chars().take(60).collect(); // a long number, shortened
    let got = via_weights(number).unwrap_or_else(|e| panic!("{shown:?}: {e}"));
    assert_eq!(
        got.to_bits(),
        want.to_bits(),
        "weights {shown:?}: {got:e}, want {want:e}"
    );
    if want.abs() <= 6.0 {
        let got = via_csv(number).unwrap_or_else(|e| panic!("{shown:?}: {e}"));
        assert_eq!(
            got.to_bits(),
            want.to_bits(),
            "CSV {shown:?}: {got:e}, want {want:e}"
        );
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
fn floats_written_every_way_rust_writes_them_come_back_exactly() {
    let mut rng = StdRng::seed_from_u64(1);
    for i in 0..4_000 {
        // Every other value inside the plotted square, so the CSV sees many.
        let v = match i % 2 {
            0 => random_float(&mut rng),
            _ => rng.random_range(-6.0_f32..=6.0),
        };
        for s in [
            format!("{v}"),
            format!("{v:e}"),
            format!("{v:?}"),
            format!("{v:.12e}"),
        ] {
            reads_as(&s, v);
        }
    }
}

#[test]
fn halfway_points_round_to_even_and_a_hair_either_side_decides() {
    let mut rng = StdRng::seed_from_u64(2);
    for i in 0..3_000 {
        let v = match i % 2 {
            0 => random_float(&mut rng).abs(),
            _ => rng.random_range(0.0_f32..6.0),
        };
        if v == f32::MAX {
            continue;
        }
        // The midpoint of v and the next float up is exact in f64 (25 bits),
        // and {:.130e} writes every one of its digits.
        let next = f32::from_bits(v.to_bits() + 1);
        let mid = (f64::from(v) + f64::from(next)) / 2.0;
        let even = if v.to_bits() % 2 == 0 { v } else { next };
        let exact = format!("{mid:.130e}");
        reads_as(&exact, even);
        let (mantissa, exponent) = exact.split_once('e').unwrap();
        let trimmed = mantissa.trim_end_matches('0');
        // Just above: a 1 far past the last digit.
        reads_as(&format!("{trimmed}{}1e{exponent}", "0".repeat(250)), next);
        reads_as(&format!("{trimmed}{}1e{exponent}", "0".repeat(20)), next);
        // Just below: the last digit one less, then nines.
        let last = trimmed.len() - 1;
        let digit = trimmed.as_bytes()[last] - b'0';
        if digit > 0 {
            let below = format!("{}{}{}e{exponent}", &trimmed[..last], digit - 1, "9".repeat(40));
            reads_as(&below, v);
        }
    }
}

#[test]
fn the_edges_of_the_range() {
    let tiny = f32::from_bits(1); // the smallest subnormal, 1.4e-45
    for (s, want) in [
        ("3.4028235e38", f32::MAX),
        ("3.40282356e38", f32::MAX),
        // Just below the overflow threshold (the largest float plus half its spacing).
        ("340282356779733661637539395458142568447", f32::MAX),
        ("1.4e-45", tiny),
        ("1.401298464324817e-45", tiny),
        // Half the smallest subnormal is 7.00649232162408535…e-46.
        ("7.006492321624085e-46", 0.0),
        ("7.006492321624086e-46", tiny),
        ("1e-46", 0.0),
        ("1e-400", 0.0),
        ("1.1754942e-38", f32::from_bits(0x007f_ffff)),
        ("1.1754944e-38", f32::MIN_POSITIVE),
        ("16777217", 16_777_216.0),
        ("16777219", 16_777_220.0),
        ("0.1", 0.1),
        ("-0.0", -0.0),
        ("-0", -0.0),
        ("6.0000001", 6.0),
        ("-5.9999997", -5.999_999_5),
    ] {
        reads_as(s, want);
    }
    // Rounding to infinity: the threshold itself is a tie, which goes up.
    for s in [
        "340282356779733661637539395458142568448",
        "3.4028236e38",
        "1e39",
        "-1e400",
    ] {
        let err = via_weights(s).unwrap_err();
        assert!(err.contains("beyond the range of 32-bit floats"), "{s}: {err}");
    }
    // The point just past 6 is outside the plotted square.
    let err = via_csv("6.0000003").unwrap_err();
    assert!(
        err.contains("line 3: the point (6.0000005, 0) lies outside"),
        "{err}"
    );
}

#[test]
fn the_csv_reads_what_rust_reads_and_names_the_line_of_anything_else() {
    for (s, want) in [
        ("1", 1.0),
        ("-0.5", -0.5),
        (".5", 0.5),
        ("5.", 5.0),
        ("+.5", 0.5),
        ("2.5e-3", 0.0025),
        ("1E0", 1.0),
        ("00001.5000", 1.5),
        ("1e+0000", 1.0),
    ] {
        assert_eq!(via_csv(s), Ok(want), "{s}");
    }
    for s in [
        "e1", "1e", "1e+", ".", "+", "-", "0x10", "1_0", "1e5.0", "1.2.3", "--1", "+-1", "١", "½", "nan1",
        "infin",
    ] {
        let err = via_csv(s).unwrap_err();
        let want = format!("line 3: x1 \"{s}\" is not a number");
        assert!(
            err.starts_with("Nothing was imported") && err.contains(&want),
            "{s}: {err}"
        );
    }
    for s in ["inf", "-Infinity", "NaN", "1e39"] {
        let err = via_csv(s).unwrap_err();
        assert!(
            err.contains(&format!("line 3: x1 must be a finite number (got \"{s}\")")),
            "{err}"
        );
    }
}

#[test]
fn the_weights_file_reads_json_numbers_only_and_names_line_and_column() {
    for (s, want) in [
        ("1", 1.0),
        ("-0.5", -0.5),
        ("2.5e-3", 0.0025),
        ("1E0", 1.0),
        ("1e+0005", 1e5),
    ] {
        reads_as(s, want);
    }
    // Where the weight starts on the file's one line: the column the error must name.
    let at = weights_file("@").find('@').unwrap() + 1;
    for (s, what) in [
        ("01", "a malformed number"),
        ("1.", "a malformed number"),
        ("1e", "a malformed number"),
        ("-", "a malformed number"),
        (".5", "expected a value"),
        ("+1", "expected a value"),
        ("NaN", "expected a value"),
        ("Infinity", "expected a value"),
        ("0x10", "expected"),
    ] {
        let err = via_weights(s).unwrap_err();
        assert!(
            err.starts_with("The weights file cannot be read: line 1, column "),
            "{s}: {err}"
        );
        let column: usize = err["The weights file cannot be read: line 1, column ".len()..]
            .split(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(
            (at..=at + s.len()).contains(&column),
            "{s}: column {column} for {at}: {err}"
        );
        assert!(err.contains(what), "{s}: {what:?} missing from {err}");
    }
}

#[test]
fn a_very_long_number_is_read_quickly_and_exactly() {
    // A million digits must not make either reader crawl.
    let long = format!("0.{}", "3".repeat(1_000_000));
    reads_as(&long, 1.0 / 3.0);
    // 1111111111.11…: 71.1 above a multiple of 128 (the f32 spacing there), so up.
    reads_as(&format!("{}.5e-99990", "1".repeat(100_000)), 1_111_111_168.0);
}
