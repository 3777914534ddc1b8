//! The own points in the address (`points_code`): they come back exactly,
//! with their classes and sets, through the same assembly as an imported
//! file; anything else is refused with a sentence.

use mlp_playground::data::own_data::assemble;
use mlp_playground::data::{Dataset, Split};
use mlp_playground::io::points_code::{decode, encode};
use mlp_playground::io::points_csv::write_points;
use mlp_playground::{DataSpec, DatasetKind};

fn dataset(points: &[([f32; 2], f32)]) -> Dataset {
    Dataset {
        dim: 2,
        inputs: points.iter().flat_map(|p| p.0).collect(),
        labels: points.iter().map(|p| p.1).collect(),
    }
}

#[test]
fn generated_and_awkward_points_come_back_bit_for_bit() {
    let generated = DataSpec {
        kind: DatasetKind::Spirals,
        points: 300,
        noise: 0.2,
        train_fraction: 0.5,
        seed: 4,
    }
    .generate();
    // Values whose shortest decimal form is long, the square's edges, −0.
    let awkward = Split {
        train: dataset(&[
            ([0.1, -5.999_999_5], 1.0),
            ([6.0, -6.0], -1.0),
            ([-0.0, 1e-38], 1.0),
        ]),
        test: dataset(&[([std::f32::consts::PI, -1.0 / 3.0], -1.0)]),
    };
    for split in [generated, awkward] {
        let code = encode(&split);
        assert!(code.starts_with("1.") && code.len() == 2 + 12 * (split.train.len() + split.test.len()));
        assert!(
            code.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)),
            "URL-safe: {code}"
        );
        let back = assemble(&decode(&code).unwrap(), 0.5, 99).unwrap();
        // The CSV writes every f32 exactly; equal CSV means equal points, labels and sets.
        assert_eq!(write_points(&back), write_points(&split));
        let bits = |d: &Dataset| d.inputs.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&back.train), bits(&split.train), "−0 and the last bit too");
        assert_eq!(bits(&back.test), bits(&split.test));
    }
}

#[test]
fn a_damaged_text_is_refused_with_what_is_wrong() {
    let split = Split {
        train: dataset(&[([1.0, 2.0], 1.0), ([-1.0, 0.5], -1.0)]),
        test: dataset(&[([0.0, 0.0], 1.0)]),
    };
    let code = encode(&split);
    let refused = |text: &str, why: &str| {
        let err = decode(text).unwrap_err();
        assert!(err.contains(why), "{text:?}: {err}");
    };
    refused("", "format");
    refused(&code[2..], "format");
    refused(&format!("2.{}", &code[2..]), "format");
    refused("1.", "cut short");
    refused(&code[..code.len() - 1], "cut short");
    refused(&format!("{code}A"), "cut short");
    refused(&format!("{}*{}", &code[..5], &code[6..]), "character outside");
    refused(&format!("{}é{}", &code[..5], &code[7..]), "character outside");
    // Padding is not part of the format: 9 bytes are 12 whole characters.
    refused(&format!("{}=", &code[..code.len() - 1]), "character outside");
    refused(&format!("{}+{}", &code[..5], &code[6..]), "character outside");
    // A coordinate outside the square, and an infinite one.
    for bad in [7.0_f32, f32::INFINITY, f32::NAN] {
        let out = Split {
            train: dataset(&[([bad, 0.0], 1.0)]),
            test: dataset(&[]),
        };
        refused(&encode(&out), "outside the plotted square");
    }
    // A flags byte with bits the format does not use: the last character of a point.
    let mut flags = code.clone().into_bytes();
    flags[2 + 11] = b'_';
    refused(std::str::from_utf8(&flags).unwrap(), "class or set");
    // More points than a data set may have.
    let many = format!("1.{}", "AAAAAAAAAAAA".repeat(5001));
    refused(&many, "more than the 5000 allowed");
}

/// A link made by the page before the base64 crate wrote them: three training
/// points and one test point, written by the hand-written encoder.
const OLD_LINK: &str = "1.AADAPwAAEMABzczMPQAAAIAAAADAwP__v0AB2w9JQO7jbAAC";

#[test]
fn an_old_link_still_brings_its_exact_points() {
    use mlp_playground::io::points_csv::Part;
    let want = [
        ([1.5_f32, -2.25_f32], 1.0, Part::Train),
        ([0.1, -0.0], -1.0, Part::Train),
        ([-6.0, 5.999_999_5], 1.0, Part::Train),
        ([std::f32::consts::PI, 1e-38], -1.0, Part::Test),
    ];
    let rows = decode(OLD_LINK).unwrap();
    assert_eq!(rows.len(), want.len());
    for (row, (x, label, part)) in rows.iter().zip(want) {
        assert_eq!(row.x.map(f32::to_bits), x.map(f32::to_bits), "{row:?}");
        assert_eq!((row.label, row.part), (label, Some(part)));
    }
    // And today's writer still writes it, character for character.
    let split = Split {
        train: dataset(&[
            ([1.5, -2.25], 1.0),
            ([0.1, -0.0], -1.0),
            ([-6.0, 5.999_999_5], 1.0),
        ]),
        test: dataset(&[([std::f32::consts::PI, 1e-38], -1.0)]),
    };
    assert_eq!(encode(&split), OLD_LINK);
}
