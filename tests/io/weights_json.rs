//! Weights saved as JSON and loaded back: the same network computing the same
//! outputs bit for bit, clear sentences for malformed or mismatched files, and
//! the trainer unchanged when a load is refused.

use mlp_playground::io::loss_csv::loss_history_csv;
use mlp_playground::io::weights_json::{read_weights, write_weights};
use mlp_playground::{Activation, Mlp, Settings, Trainer, Workspace};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// A random network of random shape whose weights span many magnitudes
/// (tiny, huge, negative zero), so the decimal text is really exercised.
fn random_network(rng: &mut StdRng) -> Mlp {
    let depth = rng.random_range(0..4);
    let mut sizes = vec![rng.random_range(1..5)];
    sizes.extend((0..depth).map(|_| rng.random_range(1..13)));
    sizes.push(rng.random_range(1..3));
    let acts = Activation::ALL;
    let (h, o) = (acts[rng.random_range(0..4)], acts[rng.random_range(0..4)]);
    let mut mlp = Mlp::new(&sizes, h, o, rng.random());
    for layer in &mut mlp.layers {
        for v in layer.w.iter_mut().chain(&mut layer.b) {
            *v *= 10f32.powi(rng.random_range(-30..8));
        }
    }
    mlp.layers[0].b[0] = -0.0;
    mlp
}

#[test]
fn a_saved_network_loads_back_bit_for_bit_and_computes_the_same_outputs() {
    let mut rng = StdRng::seed_from_u64(2024);
    for _ in 0..50 {
        let mlp = random_network(&mut rng);
        let back = read_weights(&write_weights(&mlp)).unwrap();
        assert_eq!(back.sizes(), mlp.sizes());
        assert_eq!((back.hidden, back.output), (mlp.hidden, mlp.output));
        for (a, b) in mlp.layers.iter().zip(&back.layers) {
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&a.w), bits(&b.w));
            assert_eq!(bits(&a.b), bits(&b.b));
        }
        let input: Vec<f32> = (0..mlp.inputs() * 33)
            .map(|_| rng.random_range(-6.0..6.0))
            .collect();
        let (mut wa, mut wb) = (Workspace::default(), Workspace::default());
        let fa: Vec<u32> = mlp.forward(&input, &mut wa).iter().map(|v| v.to_bits()).collect();
        let fb: Vec<u32> = back
            .forward(&input, &mut wb)
            .iter()
            .map(|v| v.to_bits())
            .collect();
        assert_eq!(fa, fb, "outputs identical for {:?}", mlp.sizes());
    }
}

#[test]
fn the_document_follows_the_schema() {
    let mut mlp = Mlp::zeros(&[2, 3, 1], Activation::Relu, Activation::Identity);
    mlp.layers[0].w = vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.5];
    let text = write_weights(&mlp);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["format"], "mlp-playground weights");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["hidden_activation"], "relu");
    assert_eq!(doc["output_activation"], "identity");
    assert!(text.contains("\"sizes\":[2,3,1]"), "{text}");
    assert!(
        text.contains("{\"w\":[[1.0,2.0],[3.0,4.0],[5.0,6.5]],\"b\":[0.0,0.0,0.0]}"),
        "rows of w(1) are units: {text}"
    );
}

/// A file as the page wrote it before serde_json did (integers without ".0",
/// Rust's `{}` digits without exponent, one layer per line): it must still load.
const OLD_FILE: &str = concat!(
    "{\"format\":\"mlp-playground weights\",\"version\":1,\"sizes\":[2,2,1],",
    "\"hidden_activation\":\"sigmoid\",\"output_activation\":\"identity\",\n\"layers\":[\n",
    "{\"w\":[[0.1,-2],[0.0000001,300000000000000000000000000000000000000]],\"b\":[-0,0.000000000000000000000000000000000000000000001]},\n",
    "{\"w\":[[16777216,-0.33333334]],\"b\":[6.5]}",
    "\n]}\n"
);

#[test]
fn a_file_written_before_serde_json_loads_to_the_same_bits() {
    let mlp = read_weights(OLD_FILE).unwrap();
    assert_eq!(mlp.sizes(), vec![2, 2, 1]);
    assert_eq!(
        (mlp.hidden, mlp.output),
        (Activation::Sigmoid, Activation::Identity)
    );
    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    let want_w1 = [0.1_f32, -2.0, 1e-7, 3e38];
    assert_eq!(bits(&mlp.layers[0].w), bits(&want_w1));
    assert_eq!(bits(&mlp.layers[0].b), bits(&[-0.0, f32::from_bits(1)]));
    assert_eq!(bits(&mlp.layers[1].w), bits(&[16_777_216.0, -1.0 / 3.0]));
    assert_eq!(bits(&mlp.layers[1].b), bits(&[6.5]));
    // Written again and read back: the same network.
    assert_eq!(read_weights(&write_weights(&mlp)).unwrap(), mlp);
}

/// Loads `text` after replacing `from` by `to` in a valid file; returns the error.
fn refusal(from: &str, to: &str) -> String {
    let mlp = Mlp::zeros(&[2, 2, 1], Activation::Tanh, Activation::Tanh);
    let text = write_weights(&mlp);
    assert!(text.contains(from), "{from} not in {text}");
    read_weights(&text.replacen(from, to, 1)).unwrap_err()
}

#[test]
fn malformed_and_non_finite_files_get_a_sentence() {
    let row = "[0.0,0.0],[0.0,0.0]";
    let cases = [
        (
            row,
            "[0.0,0.0],[0.0,1e39]",
            "line 1, column 152: a number beyond the range of 32-bit floats",
        ),
        (
            row,
            "[0.0,0.0],[0.0,null]",
            "line 1, column 152: null where a finite number was expected",
        ),
        (
            row,
            "[0.0,0.0],[0.0,\"x\"]",
            "string \"x\" where a finite number was expected",
        ),
        (
            row,
            "[0.0,0.0],[0.0]",
            "row 2 of layer 1's w has 1 entries, expected 2",
        ),
        ("\"b\":[0.0]", "\"b\":[]", "layer 2's b has 0 entries, expected 1"),
        ("\"version\":1", "\"version\":2", "only version 1"),
        ("mlp-playground weights", "something else", "not a weights file"),
        (
            "\"sizes\":[2,2,1]",
            "\"sizes\":[2,2,2,1]",
            "describes 3 layers but \"layers\" has 2",
        ),
        ("\"sizes\":[2,2,1]", "\"sizes\":[2,0,1]", "whole number from 1"),
        (
            "\"sizes\":[2,2,1]",
            "\"sizes\":[2,2.5,1]",
            "`2.5` where a whole number was expected",
        ),
        ("\"tanh\"", "\"softplus\"", "Unknown activation \"softplus\""),
        (
            row,
            "[0.0,0.0],[0.0,01]",
            "line 1, column 150: a malformed number",
        ),
        (row, "[0.0,0.0],[0.0,NaN]", "line 1, column 149: expected a value"),
        ("]}]}", "]}]", "the document ends before it is closed"),
        ("]}]}", "]}]}]", "unexpected text after the end of the document"),
        (
            "\"version\":1",
            "\"version\":1,\"version\":1",
            "duplicate field `version`",
        ),
    ];
    for (from, to, expected) in cases {
        let err = refusal(from, to);
        assert!(err.starts_with("The weights file cannot be read: "), "{err}");
        assert!(err.ends_with('.') && !err.ends_with(".."), "one full stop: {err}");
        assert!(err.contains(expected), "{expected:?} missing from: {err}");
    }
    assert!(read_weights("{\n  \"format\": tru }")
        .unwrap_err()
        .contains("line 2, column 16: expected a value"));
    for not_an_object in ["", "[".repeat(100).as_str(), "[1,2]", "\"weights\""] {
        let err = read_weights(not_an_object).unwrap_err();
        assert!(err.contains("it is not a JSON object"), "{err}");
    }
    let deep = format!("{{\"x\":{}", "[".repeat(200));
    assert!(read_weights(&deep)
        .unwrap_err()
        .contains("ends before it is closed"));
}

#[test]
fn loading_restarts_from_the_weights_and_a_refusal_changes_nothing() {
    let mut trainer = Trainer::new(Settings::default()).unwrap();
    trainer.step(40);
    let saved = write_weights(trainer.mlp());
    let loss = trainer.evaluation().train_loss;
    trainer.set_weight_seed(99);
    assert_ne!(trainer.evaluation().train_loss, loss);
    trainer.load_weights(read_weights(&saved).unwrap()).unwrap();
    assert_eq!(
        trainer.evaluation().train_loss.to_bits(),
        loss.to_bits(),
        "same weights, same loss"
    );
    assert_eq!((trainer.iteration(), trainer.history().len()), (0, 1));

    let before = (trainer.mlp().clone(), trainer.iteration());
    let other = Mlp::new(&[2, 4, 1], Activation::Tanh, Activation::Tanh, 5);
    let err = trainer.load_weights(other).unwrap_err();
    assert!(
        err.contains("2–4–1") && err.contains("2–8–8–1") && err.contains("Nothing was loaded"),
        "{err}"
    );
    let identity = Settings {
        output_activation: Activation::Identity,
        ..Settings::default()
    };
    let mut t2 = Trainer::new(identity).unwrap();
    let mut blow_up = t2.mlp().clone();
    blow_up
        .layers
        .iter_mut()
        .for_each(|l| l.w.iter_mut().for_each(|w| *w = 3e38));
    let kept = t2.mlp().clone();
    assert!(t2.load_weights(blow_up).unwrap_err().contains("not finite"));
    assert_eq!(t2.mlp(), &kept, "a refused load leaves the model as it was");
    assert_eq!((trainer.mlp().clone(), trainer.iteration()), before);
}

#[test]
fn the_loss_history_is_written_as_csv() {
    let mut trainer = Trainer::new(Settings::default()).unwrap();
    trainer.step(5);
    trainer.step(5);
    let csv = loss_history_csv(trainer.history());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "iteration,train,test");
    assert_eq!(lines.len(), 1 + trainer.history().len());
    let last: Vec<&str> = lines[lines.len() - 1].split(',').collect();
    assert_eq!(last[0], "10");
    assert_eq!(last[1].parse::<f32>().unwrap(), trainer.evaluation().train_loss);
}
