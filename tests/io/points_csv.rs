//! The user's own points: CSV read and written back exactly, every malformed
//! line named with its number, the limits, and the editing rules of own_data.

use mlp_playground::data::own_data::{add_point, assemble, erase_near};
use mlp_playground::data::{DOMAIN, POINTS_RANGE};
use mlp_playground::io::points_csv::{read_points, write_points, Part, MAX_LISTED_ERRORS};
use mlp_playground::render::plane::{plane_of, units_per_pixel};
use mlp_playground::render::PixelRect;
use mlp_playground::{DataSpec, DatasetKind, Split};

fn generated(kind: DatasetKind, points: usize, seed: u64) -> Split {
    DataSpec {
        kind,
        points,
        noise: 0.3,
        train_fraction: 0.6,
        seed,
    }
    .generate()
}

fn import(text: &str) -> Result<Split, String> {
    assemble(&read_points(text)?, 0.5, 1)
}

#[test]
fn export_then_import_gives_the_same_points_bit_for_bit() {
    for (kind, seed) in [
        (DatasetKind::Spirals, 3),
        (DatasetKind::Moons, 8),
        (DatasetKind::Blobs, 21),
    ] {
        let split = generated(kind, 301, seed);
        let text = write_points(&split);
        assert!(text.starts_with("x1,x2,label,split\n"));
        let back = import(&text).unwrap();
        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&back.train.inputs), bits(&split.train.inputs), "{kind}");
        assert_eq!(bits(&back.test.inputs), bits(&split.test.inputs), "{kind}");
        assert_eq!(back, split);
        assert_eq!(write_points(&back), text, "writing again gives the same file");
    }
}

#[test]
fn awkward_values_round_trip_exactly() {
    let text = "x1,x2,label,split\n-0,1e-7,1,train\n5.9999995,-6,-1,test\n0.1,0.30000001,1,train\n";
    let split = import(text).unwrap();
    assert_eq!(split.train.inputs[0].to_bits(), (-0.0_f32).to_bits());
    assert_eq!(import(&write_points(&split)).unwrap(), split);
}

#[test]
fn headers_blank_lines_spaces_and_label_conventions_are_tolerated() {
    let text = "\n  x , y , class \r\n 1.5 , -2 , 1 , TRAIN \r\n\n-1,2,0,test\n3,3,+1,\n 0 , 0 , -1 , Test\n";
    let split = import(text).unwrap();
    assert_eq!(split.train.inputs, vec![1.5, -2.0, 3.0, 3.0]);
    assert_eq!(
        split.train.labels,
        vec![1.0, 1.0],
        "'+1' is +1; an empty split means train"
    );
    assert_eq!(split.test.labels, vec![-1.0, -1.0], "0 is read as −1");
}

#[test]
fn rows_without_a_split_follow_the_train_fraction_and_seed() {
    let rows: String = (0..40)
        .map(|i| format!("{},{},{}\n", i as f32 / 10.0, 0, if i % 2 == 0 { 1 } else { -1 }))
        .collect();
    let parsed = read_points(&rows).unwrap();
    let a = assemble(&parsed, 0.75, 7).unwrap();
    assert_eq!((a.train.len(), a.test.len()), (30, 10));
    assert_eq!(
        assemble(&parsed, 0.75, 7).unwrap(),
        a,
        "the same seed splits the same way"
    );
    assert_ne!(
        assemble(&parsed, 0.75, 8).unwrap(),
        a,
        "another seed splits another way"
    );
}

#[test]
fn every_malformed_line_is_named_and_nothing_is_returned() {
    let text = "x1,x2,label\n1,2,1\nabc,2,1\n1,2\n1,2,3\n7,0,1\n1,nan,1\n0,0,1,validation\n1,1,-1\n";
    let err = import(text).unwrap_err();
    for expected in [
        "line 3: x1 \"abc\" is not a number",
        "line 4: expected 3 or 4 values",
        "line 5: label \"3\" must be 1 or −1",
        "line 6: the point (7, 0) lies outside the plotted square [−6, 6]²",
        "line 7: x2 must be a finite number",
        "line 8: split \"validation\" must be train or test",
    ] {
        assert!(err.contains(expected), "{expected:?} missing from: {err}");
    }
    assert!(
        err.starts_with("Nothing was imported: 6 lines are malformed"),
        "{err}"
    );
    assert!(
        !err.contains("line 2:") && !err.contains("line 9:"),
        "good lines are not listed: {err}"
    );
}

#[test]
fn long_lists_of_errors_are_capped() {
    let text: String = (0..30).map(|_| "x,1,1\n").collect();
    let err = read_points(&format!("x1,x2,label\n{text}")).unwrap_err();
    assert_eq!(err.matches("line ").count(), MAX_LISTED_ERRORS, "{err}");
    assert!(
        err.contains("line 2:") && err.contains("and 22 more lines"),
        "{err}"
    );
}

#[test]
fn size_limits_and_empty_sets_are_refused() {
    let max = POINTS_RANGE.1;
    let row = "1,1,1,train\n0,0,-1,test\n";
    let at_limit: String = row.repeat(max / 2);
    assert_eq!(import(&at_limit).unwrap().train.len(), max / 2);
    let over = format!("{at_limit}2,2,1,train\n");
    assert!(read_points(&over)
        .unwrap_err()
        .contains(&format!("more than {max} points")));
    assert!(import("x1,x2,label\n\n").unwrap_err().contains("no points"));
    let only_train = import("1,1,1,train\n2,2,-1,train\n").unwrap_err();
    assert!(
        only_train.contains("at least one training and one test point"),
        "{only_train}"
    );
}

#[test]
fn points_are_added_to_the_chosen_set_within_the_square_and_the_limit() {
    let split = generated(DatasetKind::Circle, 20, 1);
    let added = add_point(&split, [1.0, -2.0], -1.0, Part::Train).unwrap();
    assert_eq!(added.train.len(), split.train.len() + 1);
    assert_eq!(added.train.input(split.train.len()), &[1.0, -2.0]);
    assert_eq!(added.train.labels.last(), Some(&-1.0));
    assert_eq!(added.test, split.test);
    let to_test = add_point(&split, [0.0, 0.0], 1.0, Part::Test).unwrap();
    assert_eq!(to_test.test.len(), split.test.len() + 1);
    assert!(add_point(&split, [6.5, 0.0], 1.0, Part::Train).is_err());
    assert!(add_point(&split, [f32::NAN, 0.0], 1.0, Part::Train).is_err());
    assert!(add_point(&split, [0.0, 0.0], 2.0, Part::Train).is_err());
    let full = generated(DatasetKind::Circle, POINTS_RANGE.1, 1);
    assert!(add_point(&full, [0.0, 0.0], 1.0, Part::Train)
        .unwrap_err()
        .contains("already has"));
}

#[test]
fn erasing_removes_the_points_in_the_radius_but_never_empties_a_set() {
    let split = import("0,0,1,train\n0.5,0,-1,train\n3,3,1,train\n-3,-3,-1,test\n0.2,0.2,1,test\n").unwrap();
    let (out, removed) = erase_near(&split, [0.0, 0.0], 1.0).unwrap();
    assert_eq!(removed, 3);
    assert_eq!(out.train.inputs, vec![3.0, 3.0]);
    assert_eq!(out.test.inputs, vec![-3.0, -3.0]);
    let (same, none) = erase_near(&split, [5.0, -5.0], 0.5).unwrap();
    assert_eq!((same, none), (split.clone(), 0));
    let err = erase_near(&out, [3.0, 3.0], 0.5).unwrap_err();
    assert!(err.contains("at least one training and one test point"), "{err}");
}

#[test]
fn pixels_map_onto_the_plane_inside_the_plotting_area_only() {
    let rect = PixelRect {
        x: 50,
        y: 10,
        width: 400,
        height: 300,
    };
    assert_eq!(plane_of(rect, 50.0, 10.0), Some([-DOMAIN, DOMAIN]));
    assert_eq!(plane_of(rect, 450.0, 310.0), Some([DOMAIN, -DOMAIN]));
    assert_eq!(plane_of(rect, 250.0, 160.0), Some([0.0, 0.0]));
    assert_eq!(plane_of(rect, 150.0, 85.0), Some([-3.0, 3.0]));
    assert_eq!(plane_of(rect, 49.0, 100.0), None);
    assert_eq!(plane_of(rect, 100.0, 311.0), None);
    assert_eq!(plane_of(rect, f64::NAN, 100.0), None);
    assert_eq!(units_per_pixel(rect), 12.0 / 400.0);
}
